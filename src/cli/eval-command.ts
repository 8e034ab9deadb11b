import type { Command } from 'commander';
import { registerEvalBertscoreCommand } from './evaluation/eval-bertscore-command.js';
import { registerEvalGoldenCommand } from './evaluation/eval-golden-command.js';
import { registerEvalReadabilityCommand } from './evaluation/eval-readability-command.js';
import { registerEvalTextCommand } from './evaluation/eval-text-command.js';
import { registerEvalRetrievalCommand } from './retrieval/eval-retrieval-command.js';

export function registerEvalCommand(program: Command): void {
  const evaluate = program
    .command('eval')
    .description('Measure quality: retrieval, text similarity (ROUGE, BLEU, chrF) and readability');
  registerEvalRetrievalCommand(evaluate);
  registerEvalReadabilityCommand(evaluate);
  registerEvalTextCommand(evaluate);
  registerEvalBertscoreCommand(evaluate);
  registerEvalGoldenCommand(evaluate);
}
