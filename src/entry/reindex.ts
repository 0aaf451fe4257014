import { type LocalMeilisearch, startLocalMeilisearch } from "../adapters/meilisearch/local-server.js";
import { MeilisearchSearchIndex } from "../adapters/meilisearch/search-index.js";
import { openDatabase } from "../adapters/sqlite/libsql.js";
import { SqliteProfileStore } from "../adapters/sqlite/profile-store.js";
import { syncIndex } from "../core/services/indexing.js";
import { parseConfig } from "./config.js";

/**
 * `npm run reindex`: rebuild the search index from SQLite, the record. Pushes every profile
 * again (`--pending` pushes only those that lag) and prints progress.
 */
const config = parseConfig(process.env);
const onlyPending = process.argv.includes("--pending");
const database = await openDatabase(config.databaseTarget);
let meili: LocalMeilisearch | null = null;
try {
  let url = config.MEILISEARCH_URL;
  let key = config.MEILISEARCH_KEY;
  if (!url) {
    meili = await startLocalMeilisearch({ dir: config.meiliDir, binary: config.MEILI_BIN });
    url = meili.url;
    key = meili.apiKey;
  }
  const index = new MeilisearchSearchIndex(url, key, config.MEILISEARCH_INDEX);
  const store = new SqliteProfileStore(database);
  await index.applySettings();
  if (!onlyPending) {
    await index.clear();
    await store.resetIndexed();
  }
  const started = Date.now();
  const report = await syncIndex(store, index, {
    batchSize: 200,
    onProgress: (done, total) => console.log(`[reindex] ${done}/${total}`),
  });
  if (report.failed) throw new Error(report.error);
  console.log(`[reindex] ${report.pushed} indexed, ${report.removed} removed in ${Date.now() - started} ms`);
} catch (err) {
  console.error(`[reindex] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await meili?.stop();
  database.close();
}
