import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { parseConfig } from "../../src/entry/config.js";
import { buildRuntime, type Runtime } from "../../src/entry/runtime.js";

export interface TestRuntime extends Runtime {
  dataDir: string;
  request(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * The real runtime (SQLite file + the shared Meilisearch, on an index of its own) in a
 * temporary folder. `close()` deletes the index and the folder.
 */
export async function startTestRuntime(
  opts: { demo?: boolean; env?: Record<string, string> } = {},
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
  const runtime = await buildRuntime(config, () => {});
  return {
    ...runtime,
    dataDir,
    request: (path, init) => Promise.resolve(runtime.app.request(path, init)),
    async close() {
      try {
        await runtime.search.client.deleteIndex(indexName).waitTask({ timeout: 10_000 });
      } catch {
        // the engine may be the thing a test stopped
      }
      await runtime.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const jsonInit = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
  method,
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
