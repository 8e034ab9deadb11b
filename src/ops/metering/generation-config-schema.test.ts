import { describe, expect, it } from 'vitest';
import { generationOperationsSchema } from './generation-config-schema.js';
import { periodBounds } from './metering-config.js';

describe('generationOperationsSchema', () => {
  it('fills every default from an empty section', () => {
    const config = generationOperationsSchema.parse({});

    expect(config.resilience.retry).toEqual({
      maxAttempts: 3,
      baseDelayMs: 250,
      maxDelayMs: 8_000,
      maxRetryAfterMs: 30_000,
    });
    expect(config.resilience.circuitBreaker).toEqual({
      consecutiveFailures: 5,
      halfOpenAfterMs: 30_000,
    });
    expect(config.resilience.bulkhead).toEqual({ maxConcurrent: 16, maxQueued: 64 });
    expect(config.budgets).toEqual({ workspaces: {} });
    expect(config.cache.enabled).toBe(true);
  });

  it.each([
    ['a cap without tokens or cost', { budgets: { default: { day: {} } } }],
    [
      'a currency that is not ISO 4217',
      { prices: { m: { inputPer1k: 1, outputPer1k: 1, currency: 'euro' } } },
    ],
    ['a negative price', { prices: { m: { inputPer1k: -1, outputPer1k: 1 } } }],
    ['zero attempts', { resilience: { retry: { maxAttempts: 0 } } }],
  ])('rejects %s', (_name, input) => {
    expect(generationOperationsSchema.safeParse(input).success).toBe(false);
  });
});

describe('periodBounds', () => {
  it('gives the UTC day and month around a moment', () => {
    const at = new Date('2026-12-31T23:30:00Z');

    expect(periodBounds(at, 'day')).toEqual({
      start: new Date('2026-12-31T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
    expect(periodBounds(at, 'month')).toEqual({
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2027-01-01T00:00:00Z'),
    });
  });
});
