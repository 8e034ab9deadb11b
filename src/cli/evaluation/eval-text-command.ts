import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { corpusBleu, sentenceBleu } from '../../evaluation/text/bleu.js';
import { corpusChrf, sentenceChrf } from '../../evaluation/text/chrf.js';
import {
  scoreDistributionHtml,
  scoreDistributions,
} from '../../evaluation/reports/score-distribution-report.js';
import { rougeScores, type RougeScores } from '../../evaluation/text/rouge.js';
import { lineIdSchema, validatedLines, writeLine } from './jsonl-input.js';

const lineSchema = z.object({
  id: lineIdSchema,
  candidate: z.string(),
  references: z.array(z.string()).min(1, 'give at least one reference'),
  lang: z.string().optional(),
});

const ROUGE_TYPES = ['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const;

export function registerEvalTextCommand(evaluate: Command): void {
  evaluate
    .command('text')
    .description('ROUGE, BLEU and chrF of candidates against references')
    .requiredOption('--jsonl <file>', 'lines of {"id","candidate","references":[...],"lang"}')
    .option('--stemmer', 'Porter stemming for ROUGE (as rouge-score use_stemmer=True)')
    .option('--json', 'JSON Lines output (the only format; accepted for symmetry)')
    .option('--html <file>', 'also write a self-contained HTML page of the score distributions')
    .addHelpText(
      'after',
      `
Writes one line per input with rouge1, rouge2, rougeL and rougeLsum (precision, recall,
fmeasure; the best-matching reference per metric, as rouge-score does), sentence BLEU
(sacreBLEU defaults, exp smoothing), chrF and chrF++ on the 0-100 scale; then a line
{"id":"corpus",...} with corpus BLEU, chrF and chrF++ and the mean ROUGE F-measures.`,
    )
    .action(async (options: { jsonl: string; stemmer?: boolean; html?: string }) => {
      const candidates: string[] = [];
      const perItem: Record<string, number[]> = { rouge1: [], rouge2: [], rougeL: [] };
      Object.assign(perItem, { rougeLsum: [], bleu: [], chrf: [], chrf_pp: [] });
      const references: string[][] = [];
      const rougeSums = Object.fromEntries(ROUGE_TYPES.map((type) => [type, 0]));

      for await (const item of validatedLines(options.jsonl, lineSchema)) {
        const rouge: RougeScores = rougeScores(item.references, item.candidate, {
          stemmer: options.stemmer === true,
        });
        for (const type of ROUGE_TYPES) rougeSums[type]! += rouge[type].fmeasure;
        candidates.push(item.candidate);
        references.push(item.references);
        const line = {
          id: item.id,
          ...rouge,
          bleu: sentenceBleu(item.candidate, item.references).score,
          chrf: sentenceChrf(item.candidate, item.references).score,
          chrf_pp: sentenceChrf(item.candidate, item.references, { wordOrder: 2 }).score,
        };
        writeLine(line);
        for (const type of ROUGE_TYPES) perItem[type]!.push(rouge[type].fmeasure);
        for (const key of ['bleu', 'chrf', 'chrf_pp'] as const) perItem[key]!.push(line[key]);
      }

      const count = Math.max(1, candidates.length);
      writeLine({
        id: 'corpus',
        segments: candidates.length,
        bleu: candidates.length ? corpusBleu(candidates, references).score : 0,
        chrf: candidates.length ? corpusChrf(candidates, references).score : 0,
        chrf_pp: candidates.length ? corpusChrf(candidates, references, { wordOrder: 2 }).score : 0,
        ...Object.fromEntries(
          ROUGE_TYPES.map((type) => [`${type}_fmeasure_mean`, rougeSums[type]! / count]),
        ),
      });

      if (options.html) {
        const note =
          "ROUGE F-measures on 0-1; sentence BLEU, chrF and chrF++ on sacreBLEU's 0-100 scale.";
        const page = scoreDistributionHtml(
          'Text metrics',
          scoreDistributions(perItem, { bins: 20 }),
          note,
        );
        await writeFile(options.html, page);
      }
    });
}
