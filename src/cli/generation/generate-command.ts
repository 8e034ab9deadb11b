/**
 * `markwerk generate USE_CASE`: grounded copy from the input JSON and the workspace's
 * knowledge, on the offline composer or a configured model, checked by the output guard.
 * @module
 */
import { Option, type Command } from 'commander';
import { describeError } from '../../core/errors.js';
import { purgeGenerationCache } from '../../generation/generation-cache.js';
import { loadGenerationAssets } from '../../generation/generation-config.js';
import { readGenerationInput } from '../../generation/generate-text.js';
import { generatorProviders } from '../../models/generators/generator-config.js';
import { offlineMarker } from '../../models/generators/offline-composer.js';
import { recordModerationDecisions } from '../../store/repositories/moderation-log-repository.js';
import type { SqlClient } from '../../store/sql-client.js';
import { generateGrounded } from '../../usecases/grounded-generation.js';
import { requiredDisclaimerFrom } from '../../usecases/policy-disclaimer.js';
import {
  configFolder,
  commandContext,
  printJson,
  withStore,
  type CommandContext,
} from '../cli-context.js';
import { openGuard } from '../guard/open-guard.js';
import { describeGeneration, generationJson } from './describe-generation.js';
import { modelsToUse, openGenerator, type GeneratorFlags } from './configured-generator.js';
import { withKnowledge } from './open-knowledge.js';

interface GenerateOptions extends GeneratorFlags {
  input: string;
  stream?: boolean;
  json?: boolean;
  retrieve: boolean;
  market?: string;
  policy?: string;
}

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description('Write grounded, cited copy for a use case; the output guard checks it')
    .argument(
      '<use-case>',
      'product-description, meta-description, email-subject, ad-headline, answer',
    )
    .requiredOption(
      '--input <file>',
      'request JSON (language, channel, product, question); - for stdin',
    )
    .addOption(
      new Option(
        '--provider <name>',
        'generator (default: generation.models, else offline)',
      ).choices([...generatorProviders]),
    )
    .option('--endpoint <url>', 'server URL for tgi, openai and hf')
    .option('--model <id>', 'model name (openai, hf) or GGUF file (llama)')
    .option('--adapter <id>', 'LoRA adapter_id (tgi)')
    .option(
      '--chat-template <name|file>',
      'tgi: chatml, llama3, mistral or tokenizer_config.json; all sampling parameters then apply',
    )
    .option('--market <code>', 'market for approved claims, e.g. DE')
    .option('--policy <file>', 'brand policy file, or none (default: guard.policyFile)')
    .option('--no-retrieve', 'use only the facts in the input, not the search index')
    .option('--stream', 'print text as it is generated; the guard runs when it is complete')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Retrieval uses the workspace's search index when one exists (build it with "markwerk search"
or "markwerk index rebuild"). The offline composer labels its output "[offline composer]".

Examples:
  markwerk generate product-description --input samples/generate/sunscreen-en.json
  markwerk generate answer --input question.json --provider tgi --endpoint http://localhost:8080
  markwerk generate meta-description --input shoe.json --json`,
    )
    .action(async (useCase: string, options: GenerateOptions, command: Command) => {
      const context = commandContext(command.optsWithGlobals());
      const input = await readGenerationInput(options.input);
      const models = modelsToUse(context.loaded.config.generation, options);
      const baseFolder = configFolder(context);
      const assets = await loadGenerationAssets(context.loaded.config.generation, baseFolder);

      const streaming = options.stream === true && !options.json;
      if (streaming && models.length === 1 && models[0]?.provider === 'offline') {
        process.stdout.write(`${offlineMarker} `);
      }
      const outcome = await withStore(context, async (store) => {
        const generator = openGenerator(models, context.loaded.config.generation, store, {
          logger: context.logger,
          workspace: context.loaded.workspace,
          baseFolder,
        });
        const guard = await openGuard(context, {
          policy: options.policy,
          moderationLog: (decisions) => recordModerationDecisions(store, decisions),
        });
        try {
          return await withKnowledge(context, store, options.retrieve, async (knowledge) => {
            if (knowledge) await dropStaleCache(context, store, knowledge.version);
            return generateGrounded({
              useCase,
              input,
              generator,
              ...assets,
              guard: guard.engine,
              ...(knowledge ? { retrieve: knowledge.retrieve } : {}),
              ...(guard.policy ? { requiredDisclaimer: requiredDisclaimerFrom(guard.policy) } : {}),
              ...(options.market ? { market: options.market } : {}),
              tags: {
                workspace: context.loaded.workspace,
                ...(knowledge ? { datasetVersion: knowledge.version } : {}),
              },
              ...(streaming ? { onDelta: (text: string) => process.stdout.write(text) } : {}),
            });
          });
        } finally {
          await guard.close();
          await generator.close?.();
        }
      });

      if (options.json) printJson(generationJson(useCase, outcome));
      else process.stdout.write(describeGeneration(outcome, { streamed: options.stream === true }));
    });
}

/** Cached results grounded on older dataset versions can never be hit again. */
async function dropStaleCache(context: CommandContext, store: SqlClient, version: string) {
  try {
    const deleted = await purgeGenerationCache(store, [version]);
    if (deleted > 0) context.logger.info({ deleted, version }, 'generation-cache-purged');
  } catch (error) {
    context.logger.warn({ error: describeError(error) }, 'generation-cache-purge-failed');
  }
}
