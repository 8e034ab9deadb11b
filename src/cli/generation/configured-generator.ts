/**
 * The generator a command runs: the models from `generation.models` (or one model named on
 * the command line) behind resilience, fallback, metering and the cache, or the offline
 * composer when no model is configured.
 * @module
 */
import type { GenerationSettings } from '../../core/config-schema.js';
import { UsageError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { createGenerator } from '../../models/generators/create-generator.js';
import {
  generatorModelConfig,
  generatorProviders,
  type GeneratorModelConfig,
} from '../../models/generators/generator-config.js';
import type { Generator } from '../../models/generators/generator.js';
import { createEndpointRegistry } from '../../models/generators/resilient-endpoints.js';
import { productionGenerator } from '../../ops/metering/production-generator.js';
import type { SqlClient } from '../../store/sql-client.js';

/** `--provider`, `--endpoint`, `--model` and `--adapter`, as given. */
export interface GeneratorFlags {
  provider?: string;
  endpoint?: string;
  model?: string;
  adapter?: string;
  chatTemplate?: string;
}

/**
 * The models to use, in fallback order: the one the flags describe, else the configured
 * ones, else the offline composer.
 * @throws UsageError naming the flag that is missing or does not fit the provider.
 */
export function modelsToUse(
  settings: GenerationSettings,
  flags: GeneratorFlags,
): GeneratorModelConfig[] {
  if (!flags.provider) {
    const stray = (['endpoint', 'model', 'adapter', 'chatTemplate'] as const).find(
      (key) => flags[key],
    );
    if (stray) {
      throw new UsageError(
        `--${stray} needs --provider (${generatorProviders.join('|')}); or set ` +
          '`generation.models` in markwerk.yaml.',
      );
    }
    return settings.models.length > 0 ? settings.models : [{ provider: 'offline' }];
  }
  return [modelFromFlags(flags)];
}

function modelFromFlags(flags: GeneratorFlags): GeneratorModelConfig {
  const { provider, endpoint, model, adapter, chatTemplate } = flags;
  if (adapter && provider !== 'tgi') {
    throw new UsageError('--adapter (a LoRA adapter_id) works with --provider tgi only.');
  }
  if (chatTemplate && provider !== 'tgi') {
    throw new UsageError('--chat-template works with --provider tgi only.');
  }
  const raw: Record<string, unknown> = { provider };
  if (provider === 'tgi') Object.assign(raw, { url: endpoint, adapter, chatTemplate });
  if (provider === 'openai') Object.assign(raw, { url: endpoint, model });
  if (provider === 'hf') Object.assign(raw, { endpointUrl: endpoint, model });
  if (provider === 'llama') Object.assign(raw, { modelPath: model });
  for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];

  const parsed = generatorModelConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? 'provider');
  const flag = { url: '--endpoint', endpointUrl: '--endpoint', modelPath: '--model' }[key];
  throw new UsageError(
    `--provider ${provider}: ${flag ?? `--${key}`} ${issue?.message ?? 'is invalid'}. ` +
      usageFor(provider),
    { provider, key },
  );
}

function usageFor(provider: string | undefined): string {
  switch (provider) {
    case 'tgi':
      return (
        'Example: --provider tgi --endpoint http://localhost:8080 ' +
        '[--chat-template chatml] [--adapter ID]'
      );
    case 'openai':
      return 'Example: --provider openai --endpoint http://localhost:8000 --model NAME';
    case 'hf':
      return 'Example: --provider hf --endpoint https://xyz.endpoints.huggingface.cloud';
    case 'llama':
      return 'Example: --provider llama --model ./models/model.gguf';
    default:
      return `Providers: ${generatorProviders.join(', ')}.`;
  }
}

/** Builds the generator for the models; remote ones get the production decorators. */
export function openGenerator(
  models: GeneratorModelConfig[],
  settings: GenerationSettings,
  store: SqlClient,
  options: { logger: Logger; workspace: string; baseFolder: string },
): Generator {
  const chain = models.map((model) =>
    createGenerator(model, { logger: options.logger, baseFolder: options.baseFolder }),
  );
  const [first] = chain;
  if (chain.length === 1 && first?.provider === 'offline') return first.generator;

  return productionGenerator({
    chain,
    config: settings,
    registry: createEndpointRegistry(settings.resilience, (event) =>
      options.logger.info(event, event.type),
    ),
    db: store,
    logger: options.logger,
    defaults: { workspace: options.workspace },
  });
}
