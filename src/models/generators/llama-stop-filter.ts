/**
 * Finds stop sequences in streamed text. node-llama-cpp's own stop triggers match on token
 * boundaries: a sequence that starts or ends inside a token is missed, and the space before
 * a matched token is lost. This filter works on characters instead: it holds back any tail
 * that could begin a stop sequence, and cuts the text exactly where one appears.
 */
export class StopSequenceFilter {
  private readonly stops: string[];
  private pending = '';
  private emitted = '';
  private found: string | undefined;

  constructor(stops: readonly string[] = []) {
    this.stops = stops.filter((stop) => stop.length > 0);
  }

  /** The stop sequence that ended the text, once one has appeared. */
  get stoppedBy(): string | undefined {
    return this.found;
  }

  /** All text released so far. */
  get text(): string {
    return this.emitted;
  }

  /** Takes a chunk and returns the text now safe to release (possibly empty). */
  push(chunk: string): string {
    if (this.found !== undefined) return '';
    this.pending += chunk;

    const hit = this.earliestStop();
    if (hit) {
      this.found = hit.stop;
      return this.release(this.pending.slice(0, hit.index));
    }
    const held = this.heldBackLength();
    return this.release(this.pending.slice(0, this.pending.length - held), held);
  }

  /** Releases what was held back when generation ended without a stop sequence. */
  flush(): string {
    if (this.found !== undefined) return '';
    return this.release(this.pending);
  }

  private release(text: string, keep = 0): string {
    this.pending = keep === 0 ? '' : this.pending.slice(this.pending.length - keep);
    this.emitted += text;
    return text;
  }

  private earliestStop(): { stop: string; index: number } | undefined {
    let best: { stop: string; index: number } | undefined;
    for (const stop of this.stops) {
      const index = this.pending.indexOf(stop);
      if (index >= 0 && (best === undefined || index < best.index)) best = { stop, index };
    }
    return best;
  }

  /** The longest tail of the pending text that is the start of some stop sequence. */
  private heldBackLength(): number {
    let longest = 0;
    for (const stop of this.stops) {
      const most = Math.min(stop.length - 1, this.pending.length);
      for (let length = most; length > longest; length--) {
        if (this.pending.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
