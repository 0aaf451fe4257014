import type { ReactiveController, ReactiveControllerHost } from "lit";
import { describe, expect, it } from "vitest";
import { ApiError, networkProblem } from "../../web/src/lib/api.js";
import { LoadTask } from "../../web/src/state/load-task.js";

/** A host without a DOM: counts the updates asked. */
class Host implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates += 1;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe("LoadTask", () => {
  it("keeps only the latest run's value and aborts the one it overtakes", async () => {
    const host = new Host();
    const pending = [deferred<string>(), deferred<string>()];
    const signals: AbortSignal[] = [];
    let n = 0;
    const task = new LoadTask(host, (signal) => {
      signals.push(signal);
      return pending[n++]!.promise;
    });
    const first = task.run();
    const second = task.run();
    expect(signals[0]?.aborted).toBe(true);
    expect(task.loading).toBe(true);
    pending[1]!.resolve("new");
    pending[0]!.resolve("old");
    expect(await second).toBe("new");
    expect(await first).toBeNull();
    expect(task.value).toBe("new");
    expect(task.loading).toBe(false);
    expect(host.updates).toBeGreaterThan(1);
  });

  it("keeps an API refusal as a problem and the last good value", async () => {
    const host = new Host();
    let fail = false;
    const task = new LoadTask(host, async () => {
      if (fail) throw new ApiError(networkProblem());
      return 42;
    });
    await task.run();
    fail = true;
    expect(await task.run()).toBeNull();
    expect(task.problem?.code).toBe("network");
    expect(task.value).toBe(42);
  });

  it("aborts the run in flight when the page goes away", () => {
    const host = new Host();
    let seen: AbortSignal | null = null;
    const task = new LoadTask(host, (signal) => {
      seen = signal;
      return new Promise<number>(() => {});
    });
    void task.run();
    host.controllers[0]?.hostDisconnected?.();
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
  });
});
