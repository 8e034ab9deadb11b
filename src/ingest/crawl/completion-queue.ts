type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Tracks running tasks and hands out their results in the order they finish. */
export class CompletionQueue<T> {
  private readonly finished: Settled<T>[] = [];
  private running = 0;
  private wake: (() => void) | undefined;

  /** Starts tracking `task`; its rejection is kept and rethrown by `next`, never left unhandled. */
  add(task: Promise<T>): void {
    this.running += 1;
    task.then(
      (value) => this.settle({ ok: true, value }),
      (error: unknown) => this.settle({ ok: false, error }),
    );
  }

  /** The next finished result, or `undefined` once nothing is running or left to hand out. */
  async next(): Promise<T | undefined> {
    for (;;) {
      const result = this.finished.shift();
      if (result !== undefined) {
        if (!result.ok) throw result.error;
        return result.value;
      }
      if (this.running === 0) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private settle(result: Settled<T>): void {
    this.running -= 1;
    this.finished.push(result);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
