import { describe, expect, it } from 'vitest';
import { createMinHash, estimateJaccard, signatureFromBytes, signatureToBytes } from './minhash.js';

const words = (
  'wolle pullover pflege waschen kalt schonend trocknen liegend form sanft merino ' +
  'faser weich warm winter kollektion farbe nachhaltig herkunft schaf garn strick muster'
).split(' ');

/** A deterministic pseudo-text of `count` words (linear congruential generator). */
function pseudoText(seed: number, count: number): string[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return words[state % words.length] as string;
  });
}

function trueJaccard(first: string[], second: string[], size: number): number {
  const shingles = (text: string[]): Set<string> =>
    new Set(
      text
        .slice(0, text.length - size + 1)
        .map((_, index) => text.slice(index, index + size).join(' ')),
    );
  const a = shingles(first);
  const b = shingles(second);
  const shared = [...a].filter((shingle) => b.has(shingle)).length;
  return shared / (a.size + b.size - shared);
}

describe('createMinHash', () => {
  const minHash = createMinHash({ shingleSize: 5, permutations: 128 });

  it('is deterministic and ignores case and punctuation', () => {
    const signature = minHash('Merino-Wolle, sanft gewaschen: kalt und schonend trocknen.');
    expect(signature).toHaveLength(128);
    expect(minHash('merino wolle sanft gewaschen kalt und schonend trocknen')).toEqual(signature);
    expect(
      createMinHash({ shingleSize: 5, permutations: 128 })(
        'Merino Wolle sanft gewaschen kalt und schonend trocknen',
      ),
    ).toEqual(signature);
  });

  it('hashes a text shorter than one shingle as a single shingle', () => {
    expect(estimateJaccard(minHash('Kalt waschen'), minHash('kalt WASCHEN!'))).toBe(1);
    expect(estimateJaccard(minHash('Kalt waschen'), minHash('Warm waschen'))).toBeLessThan(0.1);
  });

  it('estimates the Jaccard index of word shingles within 0.1', () => {
    const base = pseudoText(7, 400);
    for (const changedShare of [0.01, 0.03, 0.06, 0.12]) {
      const changed = base.map((word, index) =>
        (index * 7919) % 100 < changedShare * 100 ? `anders${index}` : word,
      );
      const expected = trueJaccard(base, changed, 5);
      const estimate = estimateJaccard(minHash(base.join(' ')), minHash(changed.join(' ')));
      expect(Math.abs(estimate - expected), `true ${expected}, estimated ${estimate}`).toBeLessThan(
        0.1,
      );
    }
  });
});

describe('signature bytes', () => {
  it('round-trips through bytes, also from an offset Buffer as pg returns it', () => {
    const signature = createMinHash({ shingleSize: 3, permutations: 16 })(
      'ein kurzer Text zum Testen',
    );
    const bytes = signatureToBytes(signature);
    expect(bytes).toHaveLength(64);
    expect(signatureFromBytes(bytes)).toEqual(signature);
    const padded = Buffer.concat([Buffer.from([1, 2, 3]), Buffer.from(bytes)]).subarray(3);
    expect(signatureFromBytes(padded)).toEqual(signature);
  });

  it('rejects bytes that cannot be a signature', () => {
    expect(() => signatureFromBytes(new Uint8Array(5))).toThrow(/multiple of 4 bytes/);
  });
});
