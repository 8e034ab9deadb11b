/**
 * Near-duplicate lookup: MinHash signatures bucketed by locality-sensitive hashing.
 * @module
 */
import type { DedupeConfig } from '../../core/config-schema.js';
import { UsageError } from '../../core/errors.js';
import { createMinHash, estimateJaccard } from './minhash.js';

export interface NearDuplicate {
  id: string;
  /** Estimated Jaccard similarity of the two documents' word shingles. */
  similarity: number;
}

/**
 * An in-memory index of document signatures. The signature is split into `bands` bands of
 * `permutations / bands` values; documents sharing any band exactly are candidates, and a
 * candidate is a duplicate when its estimated similarity reaches `threshold`. With the
 * defaults (128 permutations, 32 bands of 4) a pair at similarity 0.8 becomes a candidate
 * with probability above 0.9999, and at 0.3 with probability about 0.23.
 *
 * Whether near duplicates are dropped at all (`near`) is the caller's choice; the index only
 * answers the question.
 */
export class NearDuplicateIndex {
  readonly #threshold: number;
  readonly #bands: number;
  readonly #rows: number;
  readonly #minHash: (text: string) => Uint32Array;
  readonly #signatures = new Map<string, Uint32Array>();
  readonly #buckets: Map<number, string[]>[];

  constructor(config: DedupeConfig) {
    if (config.permutations % config.bands !== 0) {
      throw new UsageError(
        `dedupe.permutations (${config.permutations}) must be a multiple of dedupe.bands ` +
          `(${config.bands}); change one of them in the configuration file.`,
        { key: 'ingest.dedupe.bands' },
      );
    }
    this.#threshold = config.threshold;
    this.#bands = config.bands;
    this.#rows = config.permutations / config.bands;
    this.#minHash = createMinHash(config);
    this.#buckets = Array.from({ length: config.bands }, () => new Map<number, string[]>());
  }

  /** Number of documents added. */
  get size(): number {
    return this.#signatures.size;
  }

  /** The MinHash signature of a text under this index's settings. */
  signature(text: string): Uint32Array {
    return this.#minHash(text);
  }

  /** The most similar indexed document at or above the threshold, if any. */
  findDuplicate(signature: Uint32Array): NearDuplicate | undefined {
    const seen = new Set<string>();
    let best: NearDuplicate | undefined;

    for (let band = 0; band < this.#bands; band++) {
      const candidates = this.#buckets[band]?.get(this.#bandKey(signature, band)) ?? [];
      for (const id of candidates) {
        if (seen.has(id)) continue;
        seen.add(id);
        const stored = this.#signatures.get(id);
        if (stored === undefined) continue;
        const similarity = estimateJaccard(signature, stored);
        if (similarity >= this.#threshold && (best === undefined || similarity > best.similarity)) {
          best = { id, similarity };
        }
      }
    }

    return best;
  }

  /** Indexes a document; adding an id again replaces nothing and is ignored. */
  add(id: string, signature: Uint32Array): void {
    if (this.#signatures.has(id)) return;
    if (signature.length !== this.#bands * this.#rows) {
      throw new RangeError(
        `Signature of ${id} has ${signature.length} values, this index expects ` +
          `${this.#bands * this.#rows}; compute it with the same dedupe settings.`,
      );
    }

    this.#signatures.set(id, signature);
    for (let band = 0; band < this.#bands; band++) {
      const bucket = this.#buckets[band] as Map<number, string[]>;
      const key = this.#bandKey(signature, band);
      const ids = bucket.get(key);
      if (ids === undefined) bucket.set(key, [id]);
      else ids.push(id);
    }
  }

  /** A 32-bit hash of one band; a collision only adds a candidate that is then checked. */
  #bandKey(signature: Uint32Array, band: number): number {
    let key = 0x811c9dc5 ^ band;
    const end = (band + 1) * this.#rows;
    for (let index = band * this.#rows; index < end; index++) {
      key = Math.imul(key ^ (signature[index] as number), 0x01000193);
      key ^= key >>> 15;
    }
    return key;
  }
}
