/**
 * The documents of one term with the term's frequency in each field, in growable typed arrays.
 * @module
 */

const INITIAL_CAPACITY = 4;

/** Postings of one term: parallel arrays of document slots, title and body frequencies. */
export class PostingList {
  size = 0;
  slots = new Int32Array(INITIAL_CAPACITY);
  titleFrequencies = new Uint32Array(INITIAL_CAPACITY);
  bodyFrequencies = new Uint32Array(INITIAL_CAPACITY);

  /** Appends a document slot with its per-field frequencies. */
  add(slot: number, titleFrequency: number, bodyFrequency: number): void {
    if (this.size === this.slots.length) this.grow();
    this.slots[this.size] = slot;
    this.titleFrequencies[this.size] = titleFrequency;
    this.bodyFrequencies[this.size] = bodyFrequency;
    this.size += 1;
  }

  /** Removes a document slot by moving the last posting into its place; order is not kept. */
  remove(slot: number): void {
    const index = this.slots.subarray(0, this.size).indexOf(slot);
    if (index < 0) return;
    const last = this.size - 1;
    this.slots[index] = this.slots[last] ?? 0;
    this.titleFrequencies[index] = this.titleFrequencies[last] ?? 0;
    this.bodyFrequencies[index] = this.bodyFrequencies[last] ?? 0;
    this.size = last;
  }

  private grow(): void {
    const capacity = this.slots.length * 2;
    this.slots = copyInto(new Int32Array(capacity), this.slots);
    this.titleFrequencies = copyInto(new Uint32Array(capacity), this.titleFrequencies);
    this.bodyFrequencies = copyInto(new Uint32Array(capacity), this.bodyFrequencies);
  }
}

function copyInto<T extends Int32Array | Uint32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
