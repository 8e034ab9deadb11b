/**
 * MinHash signatures over word shingles, for near-duplicate detection.
 * @module
 */

export interface MinHashOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** Hash functions, i.e. signature length. */
  permutations: number;
}

/**
 * Seed of the hash family. Signatures are stored, so changing this (or the hashing below)
 * makes every stored signature incomparable with new ones.
 */
const familySeed = 0x6d61726b;
const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * Returns a function that computes the MinHash signature of a text.
 *
 * Words are runs of letters and digits, lowercased (so punctuation is dropped); a shingle is
 * `shingleSize` consecutive words; a text with fewer words is one shingle. Each shingle is
 * hashed once to 32 bits (FNV-1a over its words' FNV-1a hashes, then the murmur3
 * finaliser), and hash function i is `(aᵢ·x + bᵢ) mod 2³²` with seeded odd aᵢ and any bᵢ:
 * a permutation of the 32-bit space, computed in one `Math.imul`. The signature holds each
 * function's minimum over all shingles. Deterministic across runs and machines.
 */
export function createMinHash(options: MinHashOptions): (text: string) => Uint32Array {
  const { shingleSize, permutations } = options;
  const random = splitMix32(familySeed);
  const multipliers = new Int32Array(permutations);
  const offsets = new Int32Array(permutations);
  for (let index = 0; index < permutations; index++) {
    multipliers[index] = random() | 1;
    offsets[index] = random();
  }

  return (text) => {
    const shingles = shingleHashes(text, shingleSize);
    const signature = new Uint32Array(permutations);

    for (let index = 0; index < permutations; index++) {
      const multiplier = multipliers[index] as number;
      const offset = offsets[index] as number;
      let minimum = 0xffffffff;
      for (let shingle = 0; shingle < shingles.length; shingle++) {
        const value = (Math.imul(multiplier, shingles[shingle] as number) + offset) >>> 0;
        if (value < minimum) minimum = value;
      }
      signature[index] = minimum;
    }

    return signature;
  };
}

/** Share of positions where two signatures agree: an estimate of the shingles' Jaccard index. */
export function estimateJaccard(first: Uint32Array, second: Uint32Array): number {
  if (first.length !== second.length || first.length === 0) return 0;
  let equal = 0;
  for (let index = 0; index < first.length; index++) {
    if (first[index] === second[index]) equal++;
  }
  return equal / first.length;
}

/** A signature as bytes (little-endian 32-bit words), for a `bytea` column. */
export function signatureToBytes(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  signature.forEach((value, index) => view.setUint32(index * 4, value, true));
  return bytes;
}

/** The inverse of `signatureToBytes`; accepts a Node `Buffer` as `pg` returns it. */
export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  if (bytes.byteLength % 4 !== 0) {
    throw new RangeError(
      `A MinHash signature is a multiple of 4 bytes, got ${bytes.byteLength}; ` +
        'the stored value is not a signature written by signatureToBytes.',
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = new Uint32Array(bytes.byteLength / 4);
  for (let index = 0; index < signature.length; index++) {
    signature[index] = view.getUint32(index * 4, true);
  }
  return signature;
}

/** A well-mixed 32-bit hash of each shingle of `size` words, in order. */
function shingleHashes(text: string, size: number): Int32Array {
  const words = wordHashes(text);
  const shingles = new Int32Array(Math.max(1, words.length - size + 1));

  for (let start = 0; start < shingles.length; start++) {
    const end = Math.min(start + size, words.length);
    let hash = 0x811c9dc5;
    for (let word = start; word < end; word++) {
      hash = Math.imul(hash ^ (words[word] as number), 0x01000193);
    }
    shingles[start] = finalise(hash);
  }

  return shingles;
}

/** FNV-1a hash of each lowercased word, in order. */
function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  const lower = text.toLowerCase();

  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(lower); match !== null; match = wordPattern.exec(lower)) {
    const word = match[0];
    let hash = 0x811c9dc5;
    for (let index = 0; index < word.length; index++) {
      hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
    }
    hashes.push(hash);
  }

  return hashes;
}

/** The murmur3 finaliser: spreads every input bit over the whole word. */
function finalise(value: number): number {
  let mixed = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return mixed ^ (mixed >>> 16);
}

/** A small deterministic generator of 32-bit values (SplitMix32). */
function splitMix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    return finalise(state);
  };
}
