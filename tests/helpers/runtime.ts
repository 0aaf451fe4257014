import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { parseConfig } from "../../src/entry/config.js";
import { buildRuntime, type Runtime } from "../../src/entry/runtime.js";
import type { AppDeps } from "../../src/http/context.js";

export interface TestRuntime extends Runtime {
  dataDir: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Stop and start again on the same data (a server restart). */
  restart(): Promise<TestRuntime>;
}

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public current = new Date()) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The real runtime (SQLite file + the shared Meilisearch, on an index of its own) in a
 * temporary folder. `close()` deletes the index and the folder.
 */
export async function startTestRuntime(
  opts: {
    demo?: boolean;
    env?: Record<string, string>;
    clock?: TestClock;
    /** The client address the entry would supply (default: the Node connection's). */
    clientIp?: AppDeps["clientIp"];
  } = {},
): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), "bap-rt-"));
  mkdirSync(dataDir, { recursive: true });
  copyFileSync(inject("templateDb"), join(dataDir, "bourse.sqlite"));
  const indexName = `t_${randomUUID().replaceAll("-", "")}`;
  const config = parseConfig({
    DATA_DIR: dataDir,
    MEILISEARCH_URL: inject("meiliUrl"),
    MEILISEARCH_KEY: inject("meiliKey"),
    MEILISEARCH_INDEX: indexName,
    SEED_DEMO: opts.demo ? "true" : "false",
    ...opts.env,
  });
  const wrap = (runtime: Runtime): TestRuntime => ({
    ...runtime,
    dataDir,
    request: (path, init) => Promise.resolve(runtime.app.request(path, init)),
    async restart() {
      await runtime.close();
      return wrap(await buildRuntime(config, () => {}, { clock: opts.clock, clientIp: opts.clientIp }));
    },
    async close() {
      try {
        await runtime.search.client.deleteIndex(indexName).waitTask({ timeout: 10_000 });
      } catch {
        // the engine may be the thing a test stopped
      }
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
  return wrap(await buildRuntime(config, () => {}, { clock: opts.clock, clientIp: opts.clientIp }));
}

export const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
