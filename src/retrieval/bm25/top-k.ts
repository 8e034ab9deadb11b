/**
 * Selects the k best (slot, score) pairs with a bounded min-heap.
 * @module
 */

/** A scored slot; ties are broken by `key` so results do not depend on insertion order. */
export interface Candidate {
  slot: number;
  score: number;
  key: string;
}

function worse(left: Candidate, right: Candidate): boolean {
  return left.score < right.score || (left.score === right.score && left.key > right.key);
}

/** Keeps the best k candidates offered; `sorted()` returns them best first. */
export class TopK {
  private readonly heap: Candidate[] = [];

  constructor(private readonly k: number) {}

  /** Whether a score could still enter; saves building a candidate that would be dropped. */
  admits(score: number): boolean {
    const root = this.heap[0];
    return this.heap.length < this.k || (root !== undefined && score >= root.score);
  }

  offer(candidate: Candidate): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
      return;
    }
    const root = heap[0];
    if (root === undefined || !worse(root, candidate)) return;
    heap[0] = candidate;
    this.siftDown(0);
  }

  sorted(): Candidate[] {
    return [...this.heap].sort((left, right) => (worse(left, right) ? 1 : -1));
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const child = heap[index] as Candidate;
      const above = heap[parent] as Candidate;
      if (!worse(child, above)) return;
      heap[index] = above;
      heap[parent] = child;
      index = parent;
    }
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && worse(heap[left] as Candidate, heap[smallest] as Candidate)) {
        smallest = left;
      }
      if (right < heap.length && worse(heap[right] as Candidate, heap[smallest] as Candidate)) {
        smallest = right;
      }
      if (smallest === index) return;
      const moved = heap[index] as Candidate;
      heap[index] = heap[smallest] as Candidate;
      heap[smallest] = moved;
      index = smallest;
    }
  }
}
