import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { bertScore } from '../../evaluation/bertscore/bertscore.js';
import { configuredTokenEncoder } from '../../evaluation/bertscore/configured-token-encoder.js';
import type { TokenEncoder } from '../../evaluation/bertscore/token-encoder.js';
import {
  scoreDistributionHtml,
  scoreDistributions,
} from '../../evaluation/reports/score-distribution-report.js';
import { commandContext } from '../cli-context.js';
import { lineIdSchema, validatedLines, writeLine } from './jsonl-input.js';

const lineSchema = z.object({
  id: lineIdSchema,
  candidate: z.string(),
  references: z.array(z.string()).min(1, 'give at least one reference'),
  lang: z.string().optional(),
});

/** Output lines of `eval bertscore`: one per input, then the corpus means. */
export type BertscoreLine =
  | { id: string | number; precision: number; recall: number; f1: number; reference: number }
  | {
      id: 'corpus';
      segments: number;
      precision: number;
      recall: number;
      f1: number;
      model: string;
      method: TokenEncoder['method'];
      idf: boolean;
    };

/** Scores every line of a JSON Lines file (the input of `eval text`) with the encoder. */
export async function evaluateBertscoreFile(
  file: string,
  encoder: TokenEncoder,
  options: { idf?: boolean } = {},
): Promise<BertscoreLine[]> {
  const items: Array<z.output<typeof lineSchema>> = [];
  for await (const item of validatedLines(file, lineSchema)) items.push(item);

  const scores = await bertScore(items, encoder, { idf: options.idf === true });
  const lines: BertscoreLine[] = scores.map((score, index) => ({ id: items[index]!.id, ...score }));
  const mean = (key: 'precision' | 'recall' | 'f1') =>
    scores.length === 0 ? 0 : scores.reduce((sum, score) => sum + score[key], 0) / scores.length;
  lines.push({
    id: 'corpus',
    segments: scores.length,
    precision: mean('precision'),
    recall: mean('recall'),
    f1: mean('f1'),
    model: encoder.modelId,
    method: encoder.method,
    idf: options.idf === true,
  });
  return lines;
}

export function registerEvalBertscoreCommand(evaluate: Command): void {
  evaluate
    .command('bertscore')
    .description('BERTScore precision, recall and F1 with the configured embedder')
    .requiredOption('--jsonl <file>', 'lines of {"id","candidate","references":[...],"lang"}')
    .option('--idf', 'weight tokens by inverse document frequency over the references')
    .option('--html <file>', 'also write a self-contained HTML page of the score distributions')
    .option('--json', 'JSON Lines output (the only format; accepted for symmetry)')
    .addHelpText(
      'after',
      `
Writes one line per input with precision, recall and f1 (the reference with the best F1,
and its index), then {"id":"corpus",...} with the means, the model and the method.

With a transformers.js embedder the model's contextual token states are matched, as in the
BERTScore paper; with any other embedder each word is embedded on its own (method
"word-level"), an approximation. Scores depend on the model and are not comparable to
published BERTScore numbers unless the model and layer are the same.`,
    )
    .action(async (options: { jsonl: string; idf?: boolean; html?: string }, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const encoder = await configuredTokenEncoder(context.loaded.config.retrieval.embedder);
      try {
        const lines = await evaluateBertscoreFile(options.jsonl, encoder, options);
        for (const line of lines) writeLine(line);
        if (options.html) {
          const items = lines.filter((line) => line.id !== 'corpus');
          const pick = (key: 'precision' | 'recall' | 'f1') => items.map((line) => line[key]);
          const distributions = scoreDistributions(
            { f1: pick('f1'), precision: pick('precision'), recall: pick('recall') },
            { bins: 20 },
          );
          const note = `Model ${encoder.modelId}, ${encoder.method} token vectors.`;
          await writeFile(options.html, scoreDistributionHtml('BERTScore', distributions, note));
        }
      } finally {
        await encoder.close();
      }
    });
}
