/**
 * The one config section for production generator calls: resilience, prices, budgets and the
 * generation cache; part of the config's `generation` section (`src/core/config-schema.ts`).
 * @module
 */
import { z } from 'zod';
import { resilienceSettingsSchema } from '../../models/generators/resilient-settings.js';
import { budgetsSchema, priceTableSchema } from './metering-config.js';

export const generationCacheSettingsSchema = z.object({
  /** Replays complete results for the same request, template and dataset version. */
  enabled: z.boolean().default(true),
});

export const generationOperationsSchema = z.object({
  resilience: resilienceSettingsSchema.prefault({}),
  prices: priceTableSchema.default({}),
  budgets: budgetsSchema.prefault({}),
  cache: generationCacheSettingsSchema.prefault({}),
});

export type GenerationOperationsConfig = z.infer<typeof generationOperationsSchema>;
