import type { Command } from 'commander';
import { z } from 'zod';
import { readability } from '../../evaluation/readability/readability.js';
import { validatedLines, writeLine } from './jsonl-input.js';

const lineSchema = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  lang: z.enum(['en', 'de']),
});

export function registerEvalReadabilityCommand(evaluate: Command): void {
  evaluate
    .command('readability')
    .description(
      'Readability per text: Flesch (English), Amstad and Wiener Sachtextformel (German)',
    )
    .requiredOption('--jsonl <file>', 'lines of {"id","text","lang"} with lang en or de')
    .addHelpText(
      'after',
      `
Writes one line per input: {"id","flesch_reading_ease"} for English and
{"id","flesch_reading_ease","wiener_sachtextformel"} for German (Amstad's formula under
flesch_reading_ease). A text without words scores null.`,
    )
    .action(async (options: { jsonl: string }) => {
      for await (const item of validatedLines(options.jsonl, lineSchema)) {
        if (item.lang === 'en') {
          const { flesch_reading_ease } = readability(item.text, 'en');
          writeLine({ id: item.id, flesch_reading_ease });
        } else {
          const { flesch_reading_ease, wiener_sachtextformel } = readability(item.text, 'de');
          writeLine({ id: item.id, flesch_reading_ease, wiener_sachtextformel });
        }
      }
    });
}
