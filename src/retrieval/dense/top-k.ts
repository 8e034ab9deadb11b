/**
 * Keeps the best `capacity` (score, row) pairs seen so far in a min-heap whose root is the
 * worst kept pair. Between equal scores the lower row wins, so results are deterministic.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly rows: Int32Array;
  private count = 0;

  constructor(readonly capacity: number) {
    this.scores = new Float64Array(capacity);
    this.rows = new Int32Array(capacity);
  }

  /** The score a new pair must beat to enter once the heap is full; -Infinity before. */
  get threshold(): number {
    return this.count < this.capacity ? -Infinity : (this.scores[0] as number);
  }

  push(score: number, row: number): void {
    if (this.capacity === 0) return;
    if (this.count < this.capacity) {
      this.scores[this.count] = score;
      this.rows[this.count] = row;
      this.count += 1;
      this.siftUp(this.count - 1);
      return;
    }
    if (!this.isBetter(score, row, 0)) return;
    this.scores[0] = score;
    this.rows[0] = row;
    this.siftDown(0);
  }

  /** The kept pairs, best first. */
  sorted(): { score: number; row: number }[] {
    const pairs: { score: number; row: number }[] = [];
    for (let slot = 0; slot < this.count; slot += 1) {
      pairs.push({ score: this.scores[slot] as number, row: this.rows[slot] as number });
    }
    return pairs.sort((left, right) => right.score - left.score || left.row - right.row);
  }

  /** True when (score, row) ranks above the pair in `slot`. */
  private isBetter(score: number, row: number, slot: number): boolean {
    const other = this.scores[slot] as number;
    return score > other || (score === other && row < (this.rows[slot] as number));
  }

  private swap(first: number, second: number): void {
    const score = this.scores[first] as number;
    const row = this.rows[first] as number;
    this.scores[first] = this.scores[second] as number;
    this.rows[first] = this.rows[second] as number;
    this.scores[second] = score;
    this.rows[second] = row;
  }

  private siftUp(slot: number): void {
    while (slot > 0) {
      const parent = (slot - 1) >> 1;
      const score = this.scores[parent] as number;
      if (!this.isBetter(score, this.rows[parent] as number, slot)) return;
      this.swap(slot, parent);
      slot = parent;
    }
  }

  private siftDown(slot: number): void {
    for (;;) {
      const left = 2 * slot + 1;
      if (left >= this.count) return;
      const right = left + 1;
      let worst = left;
      if (
        right < this.count &&
        this.isBetter(this.scores[left] as number, this.rows[left] as number, right)
      ) {
        worst = right;
      }
      if (!this.isBetter(this.scores[slot] as number, this.rows[slot] as number, worst)) return;
      this.swap(slot, worst);
      slot = worst;
    }
  }
}
