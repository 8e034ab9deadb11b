/**
 * The store-backed usage meter: per-workspace budget caps checked before a call against the
 * usage ledger, and each call's tokens and cost written to the ledger after it.
 * @module
 */
import { MarkwerkError } from '../../core/errors.js';
import { type Logger, silentLogger } from '../../core/logger.js';
import type {
  UsageAdmission,
  UsageMeter,
  UsageRecord,
} from '../../models/generators/metered-generator.js';
import type { SqlExecutor } from '../../store/sql-client.js';
import { insertUsage, sumUsage } from '../../store/repositories/usage-ledger-repository.js';
import {
  type BudgetPeriod,
  type Budgets,
  costOf,
  type ModelPrice,
  type PriceTable,
  periodBounds,
  type WorkspaceBudget,
} from './metering-config.js';

export interface UsageMeterOptions {
  db: SqlExecutor;
  prices: PriceTable;
  budgets: Budgets;
  logger?: Logger;
  now?: () => Date;
  /** Where the budgets sit in the config, so a refusal can name the key to raise. */
  budgetsKey?: string;
}

const periods: BudgetPeriod[] = ['day', 'month'];

/**
 * Creates the meter. Caps are soft under concurrency: calls admitted at the same moment
 * are each checked against the spend recorded so far.
 */
export function createUsageMeter(options: UsageMeterOptions): UsageMeter {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const budgetsKey = options.budgetsKey ?? 'generation.budgets';

  function budgetOf(workspace: string): { budget: WorkspaceBudget; key: string } | undefined {
    const own = options.budgets.workspaces[workspace];
    if (own) return { budget: own, key: `${budgetsKey}.workspaces.${workspace}` };
    const fallback = options.budgets.default;
    return fallback ? { budget: fallback, key: `${budgetsKey}.default` } : undefined;
  }

  async function admit(admission: UsageAdmission): Promise<void> {
    const found = budgetOf(admission.workspace);
    if (!found) return;
    const { budget, key } = found;
    const at = now();

    for (const period of periods) {
      const caps = budget[period];
      if (!caps) continue;
      const { start, end } = periodBounds(at, period);
      const spent = await sumUsage(options.db, {
        workspace: admission.workspace,
        since: start,
        currency: budget.currency,
      });
      const context = { workspace: admission.workspace, period, resetsAt: end, configKey: key };
      if (caps.tokens !== undefined) {
        const projected = admission.projectedInputTokens + admission.projectedOutputTokens;
        const used = spent.inputTokens + spent.outputTokens;
        check({ ...context, metric: 'tokens', spent: used, projected, cap: caps.tokens });
      }
      if (caps.cost !== undefined) {
        const price = priceFor(admission.model, budget.currency, key);
        const projected = costOf(
          price,
          admission.projectedInputTokens,
          admission.projectedOutputTokens,
        );
        check({ ...context, metric: 'cost', spent: spent.cost, projected, cap: caps.cost });
      }
    }
  }

  function priceFor(model: string, currency: string, key: string): ModelPrice {
    const price = options.prices[model];
    if (!price) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `${key} caps cost, but model "${model}" has no price; add it to generation.prices ` +
          'or cap tokens instead.',
        { details: { model, key } },
      );
    }
    if (price.currency !== currency) {
      throw new MarkwerkError(
        'CONFIG_INVALID',
        `Model "${model}" is priced in ${price.currency} but ${key} caps cost in ${currency}; ` +
          'use one currency for both.',
        { details: { model, key, priceCurrency: price.currency, budgetCurrency: currency } },
      );
    }
    return price;
  }

  async function record(usage: UsageRecord): Promise<void> {
    const price = options.prices[usage.model];
    if (!price && budgetOf(usage.workspace)?.budget) {
      logger.warn({ model: usage.model, workspace: usage.workspace }, 'usage-model-unpriced');
    }
    await insertUsage(options.db, {
      ...usage,
      cost: price ? costOf(price, usage.inputTokens, usage.outputTokens) : null,
      currency: price?.currency ?? null,
      at: now(),
    });
  }

  return { admit, record };
}

interface BudgetCheck {
  workspace: string;
  period: BudgetPeriod;
  metric: 'tokens' | 'cost';
  spent: number;
  projected: number;
  cap: number;
  resetsAt: Date;
  configKey: string;
}

function check(facts: BudgetCheck): void {
  if (facts.spent < facts.cap && facts.spent + facts.projected <= facts.cap) return;
  const periodName = facts.period === 'day' ? 'daily' : 'monthly';
  const more =
    facts.spent < facts.cap ? ` and this call may need up to ${round(facts.projected)}` : '';
  throw new MarkwerkError(
    'BUDGET_EXCEEDED',
    `Workspace "${facts.workspace}" has used ${round(facts.spent)} of its ${periodName} ` +
      `${facts.metric} budget of ${facts.cap}${more}. Raise ${facts.configKey}.${facts.period}.` +
      `${facts.metric} in the config, or wait until ${facts.resetsAt.toISOString()}.`,
    {
      details: {
        ...facts,
        spent: round(facts.spent),
        projected: round(facts.projected),
        resetsAt: facts.resetsAt.toISOString(),
        configKey: `${facts.configKey}.${facts.period}.${facts.metric}`,
      },
    },
  );
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
