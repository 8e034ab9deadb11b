import { describe, expect, it } from 'vitest';
import { configSchema } from '../../core/config-schema.js';
import { DedupeState, documentDate, type DedupeCandidate } from './dedupe-state.js';

const config = configSchema.parse({}).ingest.dedupe;
const article = (
  'Packen Sie den Rucksack so, dass schwere Dinge nah am Rücken liegen und leichte oben. ' +
  'Stellen Sie zuerst den Hüftgurt ein, dann die Schultergurte, ' +
  'zuletzt die Lageverstellriemen. '
).repeat(3);

function candidate(
  state: DedupeState,
  text: string,
  updated?: string,
  kind: 'article' | 'product' = 'article',
): DedupeCandidate {
  return { kind, contentHash: text, signature: state.signature(text), updated };
}

describe('DedupeState', () => {
  it('keeps the first copy and reports exact and near duplicates of it', () => {
    const state = new DedupeState(config);
    const original = candidate(state, article, '2025-01-01');
    expect(state.judge(original)).toEqual({ status: 'kept' });
    state.remember('a', original);

    expect(state.judge({ ...original })).toMatchObject({ status: 'duplicate', duplicateOf: 'a' });
    const edited = candidate(state, `${article} Viel Spaß!`, '2024-01-01');
    expect(state.judge(edited)).toMatchObject({ status: 'near-duplicate', duplicateOf: 'a' });
  });

  it('lets a newer near duplicate replace the older one, and follows the replacement', () => {
    const state = new DedupeState(config);
    state.remember('old', candidate(state, article, '2024-03-18'));
    const newer = candidate(state, `${article} Neu seit 2025.`, '2025-10-01');
    const verdict = state.judge(newer);
    expect(verdict).toMatchObject({ status: 'supersedes', supersedes: 'old' });
    state.remember('new', newer, 'old');

    const third = candidate(state, `${article} Stand 2023.`, '2023-01-01');
    expect(state.judge(third)).toMatchObject({ status: 'near-duplicate', duplicateOf: 'new' });
  });

  it('never judges kinds listed in skipKinds, such as colour variants in a feed', () => {
    const state = new DedupeState(config);
    const variant = candidate(state, article, undefined, 'product');
    state.remember('red', variant);
    expect(state.judge(variant)).toEqual({ status: 'kept' });
  });

  it('reads the date from the usual metadata keys', () => {
    expect(documentDate({ updated_at: '2025-06-03T10:00:00Z' })).toBe('2025-06-03T10:00:00Z');
    expect(documentDate({ updated: 'yesterday', date: '2024-02-01' })).toBe('2024-02-01');
    expect(documentDate({ price: 12 })).toBeUndefined();
  });
});
