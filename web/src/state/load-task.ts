import type { ReactiveController, ReactiveControllerHost } from "lit";
import { ApiError, isAbort, type Problem } from "../lib/api.js";

/**
 * One abortable load owned by a component: a new run cancels the previous one, leaving the
 * page aborts it, and only the latest run may write its result. The host re-renders on each
 * change of `value`, `problem` or `loading`.
 */
export class LoadTask<T> implements ReactiveController {
  value: T | null = null;
  problem: Problem | null = null;
  loading = false;
  private controller: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetcher: (signal: AbortSignal) => Promise<T>,
  ) {
    host.addController(this);
  }

  /** Resolves with the new value, or null when the run failed or was overtaken by another. */
  async run(): Promise<T | null> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.problem = null;
    this.host.requestUpdate();
    try {
      const value = await this.fetcher(controller.signal);
      if (this.controller !== controller) return null;
      this.value = value;
      return value;
    } catch (err) {
      if (isAbort(err) || this.controller !== controller) return null;
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.problem;
      return null;
    } finally {
      if (this.controller === controller) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }

  hostDisconnected(): void {
    this.controller?.abort();
    this.controller = null;
  }
}

/** Tell the shell the page's own name, for the document title. */
export function announcePageTitle(from: HTMLElement, title: string): void {
  from.dispatchEvent(new CustomEvent("bap-page-title", { detail: { title }, bubbles: true, composed: true }));
}
