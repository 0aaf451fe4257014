import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  freePort,
  type LocalMeilisearch,
  startLocalMeilisearch,
} from "../../src/adapters/meilisearch/local-server.js";
import { plancheInput } from "../helpers/fixtures.js";
import { as, signIn } from "../helpers/auth.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * The database is the record: with Meilisearch stopped a write still succeeds, health says
 * the index lags, and once the engine is back the index catches up with nothing lost.
 */
const dir = mkdtempSync(join(tmpdir(), "bap-test-down-"));
let meili: LocalMeilisearch | null = null;
let rt: TestRuntime | null = null;

afterAll(async () => {
  await rt?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("Meilisearch down", () => {
  it("keeps the write and catches up when the engine returns", async () => {
    const port = await freePort();
    meili = await startLocalMeilisearch({ dir, port });
    rt = await startTestRuntime({ env: { MEILISEARCH_URL: meili.url, MEILISEARCH_KEY: meili.apiKey } });

    const staff = await signIn(rt, "staff.down@example.org", "staff");
    await meili.stop();
    const res = await rt.request(
      "/api/profiles",
      as(
        staff,
        "POST",
        plancheInput({ presentation: "Planche écrite pendant la panne du moteur de recherche" }),
      ),
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await rt.request(`/api/profiles/${id}`)).status).toBe(200);

    const health = await rt.request("/health");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: "degraded",
      database: true,
      search: false,
      indexLag: 1,
    });
    const searchDown = await rt.request("/api/search?q=panne");
    expect(searchDown.status).toBe(503);

    meili = await startLocalMeilisearch({ dir, port });
    const report = await rt.indexSync.run();
    expect(report).toMatchObject({ failed: false, pushed: 1 });
    const found = (await (await rt.request("/api/search?q=panne")).json()) as { hits: { id: string }[] };
    expect(found.hits.map((h) => h.id)).toEqual([id]);
    expect(await (await rt.request("/health")).json()).toMatchObject({ status: "ok", indexLag: 0 });
  });
});
