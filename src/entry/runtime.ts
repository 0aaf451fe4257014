import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { type LocalMeilisearch, startLocalMeilisearch } from "../adapters/meilisearch/local-server.js";
import { MeilisearchSearchIndex } from "../adapters/meilisearch/search-index.js";
import { type OpenDatabase, openDatabase } from "../adapters/sqlite/database.js";
import { SqliteProfileStore } from "../adapters/sqlite/profile-store.js";
import { SqliteReferenceData, SqliteTieStore } from "../adapters/sqlite/reference.js";
import { profiles } from "../adapters/sqlite/schema.js";
import { IndexSync } from "../core/services/indexing.js";
import type { ProfileDeps } from "../core/services/profiles.js";
import { createApp } from "../http/app.js";
import type { AppDeps } from "../http/context.js";
import type { Config } from "./config.js";
import { seedAll } from "../../seeds/seed.js";
import { RANKING_WEIGHTS } from "../../search-config/ranking.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Runtime {
  config: Config;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: OpenDatabase;
  search: MeilisearchSearchIndex;
  indexSync: IndexSync;
  meili: LocalMeilisearch | null;
  close(): Promise<void>;
}

export type Log = (line: string) => void;

/**
 * Wire the real adapters into the app: SQLite file, Meilisearch (the configured server or a
 * local process), reference data and demo seeds on first start, index catch-up.
 */
export async function buildRuntime(config: Config, log: Log = console.log): Promise<Runtime> {
  const database = openDatabase(config.databaseFile);
  let meili: LocalMeilisearch | null = null;
  try {
    let url = config.MEILISEARCH_URL;
    let key = config.MEILISEARCH_KEY;
    if (!url) {
      log(`[meilisearch] starting a local server (data in ${config.meiliDir})`);
      meili = await startLocalMeilisearch({ dir: config.meiliDir, binary: config.MEILI_BIN });
      url = meili.url;
      key = meili.apiKey;
      log(`[meilisearch] ready at ${url}`);
    }
    const search = new MeilisearchSearchIndex(url, key, config.MEILISEARCH_INDEX);
    const store = new SqliteProfileStore(database.db);
    const reference = new SqliteReferenceData(database.db);
    const ties = new SqliteTieStore(database.db);
    const indexSync = new IndexSync(store, search, (m) => log(`[index] ${m}`));
    try {
      await search.applySettings();
    } catch (err) {
      log(`[index] could not apply settings yet: ${String(err)}`);
    }

    const profileDeps: ProfileDeps = {
      store,
      reference,
      clock: { now: () => new Date() },
      newId: () => randomUUID(),
      afterWrite: async () => {
        await indexSync.run();
      },
    };

    const empty = (database.db.select({ n: count() }).from(profiles).get()?.n ?? 0) === 0;
    await seedAll(database.db, profileDeps, { demo: empty && config.SEED_DEMO, log });

    const travelAdvice = JSON.parse(
      readFileSync(join(ROOT, "seeds", "mali", "mali-travel-advice.json"), "utf8"),
    ) as AppDeps["travelAdvice"];

    const deps: AppDeps = {
      profiles: profileDeps,
      matching: { store, search, ties, reference, weights: RANKING_WEIGHTS, travelAdvice },
      search,
      ties,
      reference,
      travelAdvice,
      initialStatus: "published",
      reindex: () => indexSync.run(),
      health: async () => {
        let db = false;
        try {
          database.sqlite.prepare("select 1").get();
          db = true;
        } catch {
          db = false;
        }
        return {
          database: db,
          search: await search.healthy(),
          indexLag: await store.countPendingIndex(),
        };
      },
    };
    const report = await indexSync.run();
    log(
      `[index] ${report.pushed} pushed, ${report.removed} removed${report.failed ? " (search engine unreachable, will retry)" : ""}`,
    );
    const timer = setInterval(() => void indexSync.run(), config.INDEX_RETRY_SECONDS * 1000);
    timer.unref();

    return {
      config,
      app: createApp(deps),
      deps,
      database,
      search,
      indexSync,
      meili,
      async close() {
        clearInterval(timer);
        await meili?.stop();
        database.close();
      },
    };
  } catch (err) {
    await meili?.stop();
    database.close();
    throw err;
  }
}
