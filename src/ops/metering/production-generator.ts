/**
 * Puts the decorators together in the order production wants: each model behind its
 * endpoint's resilience policies, the models in a fallback chain, metering around the chain,
 * and the cache outermost, so a cache hit costs no budget and makes no call.
 * @module
 */
import type { Logger } from '../../core/logger.js';
import { createGenerationCache } from '../../generation/generation-cache.js';
import { type CacheEvent, cachedGenerator } from '../../models/generators/cached-generator.js';
import { fallbackGenerator } from '../../models/generators/fallback-generator.js';
import type { Generator } from '../../models/generators/generator.js';
import { meteredGenerator, type TokenCounter } from '../../models/generators/metered-generator.js';
import type {
  EndpointRegistry,
  ResilienceEvent,
} from '../../models/generators/resilient-endpoints.js';
import { resilientGenerator } from '../../models/generators/resilient-generator.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import type { GenerationOperationsConfig } from './generation-config-schema.js';
import { createUsageMeter } from './usage-meter.js';

/** One model in the chain: its adapter, the endpoint it calls, and its name for messages. */
export interface ChainLink {
  generator: Generator;
  /** Endpoint key, usually the base URL; links with one key share breaker and bulkhead. */
  endpoint: string;
  name: string;
}

export interface ProductionGeneratorOptions {
  /** Models in fallback order: the first is asked first. */
  chain: ChainLink[];
  config: GenerationOperationsConfig;
  /** One registry per process (`createEndpointRegistry(config.resilience)`). */
  registry: EndpointRegistry;
  db: SqlExecutor;
  logger?: Logger;
  onEvent?: (event: ResilienceEvent | CacheEvent) => void;
  countTokens?: TokenCounter;
  /** Workspace and use case for requests whose tags name none. */
  defaults?: { workspace?: string; useCase?: string };
}

/** cached(metered(fallback(resilient(model 1), resilient(model 2), ...))). */
export function productionGenerator(options: ProductionGeneratorOptions): Generator {
  const { chain, config, db } = options;
  const shared = {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
  };

  const resilient = chain.map((link) =>
    resilientGenerator(link.generator, {
      endpoint: link.endpoint,
      registry: options.registry,
      settings: config.resilience,
      ...shared,
    }),
  );
  const names = chain.map((link) => link.name);
  const chained =
    resilient.length === 1 && resilient[0]
      ? resilient[0]
      : fallbackGenerator(resilient, { names, ...shared });
  const meter = createUsageMeter({
    db,
    prices: config.prices,
    budgets: config.budgets,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const metered = meteredGenerator(chained, {
    meter,
    ...(options.countTokens ? { countTokens: options.countTokens } : {}),
    ...(options.defaults ? { defaults: options.defaults } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  if (!config.cache.enabled) return metered;
  return cachedGenerator(metered, { cache: createGenerationCache(db), ...shared });
}
