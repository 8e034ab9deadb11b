import type { Command } from 'commander';
import { registerEvalReadabilityCommand } from './evaluation/eval-readability-command.js';
import { registerEvalRetrievalCommand } from './retrieval/eval-retrieval-command.js';

export function registerEvalCommand(program: Command): void {
  const evaluate = program
    .command('eval')
    .description('Measure quality: retrieval on judged test sets, readability of texts');
  registerEvalRetrievalCommand(evaluate);
  registerEvalReadabilityCommand(evaluate);
}
