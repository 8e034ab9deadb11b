/**
 * Config schemas for metering generator calls: the price table and per-workspace budgets.
 * @module
 */
import { z } from 'zod';

const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'use an ISO 4217 currency code such as USD or EUR')
  .default('USD');

/** Prices per 1,000 tokens, keyed by model id as the server names it. */
export const priceTableSchema = z.record(
  z.string(),
  z.object({
    inputPer1k: z.number().min(0),
    outputPer1k: z.number().min(0),
    currency: currencySchema,
  }),
);

const capsSchema = z
  .object({
    /** Input plus output tokens. */
    tokens: z.number().int().positive().optional(),
    /** Cost in the budget's currency. */
    cost: z.number().positive().optional(),
  })
  .refine((caps) => caps.tokens !== undefined || caps.cost !== undefined, {
    message: 'set tokens, cost or both',
  });

const workspaceBudgetSchema = z.object({
  currency: currencySchema,
  /** Caps per calendar day (UTC). */
  day: capsSchema.optional(),
  /** Caps per calendar month (UTC). */
  month: capsSchema.optional(),
});

/** Budget caps: one for a named workspace, else the default, else none. */
export const budgetsSchema = z.object({
  default: workspaceBudgetSchema.optional(),
  workspaces: z.record(z.string(), workspaceBudgetSchema).default({}),
});

export type PriceTable = z.infer<typeof priceTableSchema>;
export type ModelPrice = PriceTable[string];
export type Budgets = z.infer<typeof budgetsSchema>;
export type WorkspaceBudget = z.infer<typeof workspaceBudgetSchema>;
export type BudgetPeriod = 'day' | 'month';

/** Cost of a call; tokens are priced per 1,000. */
export function costOf(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.inputPer1k + outputTokens * price.outputPer1k) / 1_000;
}

/** Start of the UTC day or month that `at` falls in, and the start of the next one. */
export function periodBounds(at: Date, period: BudgetPeriod): { start: Date; end: Date } {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  if (period === 'month') {
    return {
      start: new Date(Date.UTC(year, month, 1)),
      end: new Date(Date.UTC(year, month + 1, 1)),
    };
  }
  const day = at.getUTCDate();
  return {
    start: new Date(Date.UTC(year, month, day)),
    end: new Date(Date.UTC(year, month, day + 1)),
  };
}
