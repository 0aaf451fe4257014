/**
 * Runs one round at a time. A call during a round does not start a second, concurrent one:
 * it asks for one more round and shares the promise of the current run. A round says
 * whether it failed (stop until the next call) and whether more work may be waiting.
 */
export class SerialRunner<R> {
  private running: Promise<R> | null = null;
  private again = false;

  constructor(
    private readonly round: () => Promise<{ result: R; more: boolean; failed: boolean }>,
    private readonly merge: (acc: R | undefined, next: R) => R = (_acc, next) => next,
  ) {}

  run(): Promise<R> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let acc: R | undefined;
      try {
        for (;;) {
          this.again = false;
          const { result, more, failed } = await this.round();
          acc = this.merge(acc, result);
          if (failed || !(more || this.again)) break;
        }
      } finally {
        this.running = null;
      }
      return acc as R;
    })();
    return this.running;
  }
}
