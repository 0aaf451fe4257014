/** Latency of the real HTTP endpoint. */
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { freePort } from "../../src/adapters/meilisearch/local-server.js";
import { parseConfig } from "../../src/entry/config.js";
import { buildRuntime, type Runtime } from "../../src/entry/runtime.js";
import { demoId, loadDemoProfiles } from "../../seeds/seed.js";
import { type LatencyRow, stats } from "./latency-core.js";
import { removeTempDir, tempDir } from "./temp.js";

/**
 * The real server in-process: SQLite file and a local Meilisearch in a temporary folder,
 * demo profiles seeded, served by @hono/node-server on a free port. Everything is stopped
 * and removed in `finally`, whatever happens.
 */
export async function httpLatency(
  requests = 200,
  warmup = 20,
  log: (s: string) => void = () => {},
): Promise<LatencyRow & { errors: number; profiles: number; startupMs: number }> {
  const dir = tempDir("bap-bench-http-");
  let runtime: Runtime | null = null;
  let server: ReturnType<typeof serve> | null = null;
  try {
    const started = performance.now();
    const port = await freePort();
    runtime = await buildRuntime(
      parseConfig({
        DATA_DIR: dir,
        PORT: String(port),
        HOST: "127.0.0.1",
        SEED_DEMO: "true",
        MEILI_BIN: process.env.MEILI_BIN,
      }),
      (line) => log(`  ${line}`),
    );
    const app = runtime.app;
    const listening = new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => resolve());
    });
    await listening;
    const startupMs = performance.now() - started;
    const ids = (loadDemoProfiles() as { side: string; collectivite: { name: string } }[]).map((p, i) =>
      demoId(p, i),
    );
    const base = `http://127.0.0.1:${port}`;
    let errors = 0;
    const ms: number[] = [];
    for (let i = 0; i < warmup + requests; i++) {
      const id = ids[i % ids.length]!;
      const t = performance.now();
      const res = await fetch(`${base}/api/profiles/${encodeURIComponent(id)}/matches?limit=10`);
      const body = (await res.json()) as { matches?: unknown[] };
      const elapsed = performance.now() - t;
      if (!res.ok || !Array.isArray(body.matches)) {
        errors++;
        if (errors === 1) log(`  first error: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
      if (i >= warmup) ms.push(elapsed);
    }
    return {
      ...stats("GET /api/profiles/{id}/matches?limit=10", ids.length, ms),
      errors,
      profiles: ids.length,
      startupMs,
    };
  } finally {
    const s = server as ReturnType<typeof serve> | null;
    if (s) {
      const closing = new Promise<void>((resolve) => s.close(() => resolve()));
      // fetch keeps connections alive: drop them, or close() would wait for their timeout.
      if ("closeAllConnections" in s) s.closeAllConnections();
      await closing;
    }
    if (runtime) await runtime.close();
    removeTempDir(dir);
  }
}
