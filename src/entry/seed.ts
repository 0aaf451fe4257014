import { randomUUID } from "node:crypto";
import { openDatabase } from "../adapters/sqlite/libsql.js";
import { SqliteProfileStore } from "../adapters/sqlite/profile-store.js";
import { SqliteReferenceData } from "../adapters/sqlite/reference.js";
import { seedAll } from "../../seeds/seed.js";
import { parseConfig } from "./config.js";

/**
 * `npm run seed`: reference data (Mali, France, 2008 ties) and the demo profiles, into the
 * SQLite file. Idempotent. The search index catches up at the next start or `npm run reindex`.
 */
const config = parseConfig(process.env);
const database = await openDatabase(config.databaseTarget);
try {
  const store = new SqliteProfileStore(database);
  await seedAll(
    database,
    {
      store,
      reference: new SqliteReferenceData(database),
      clock: { now: () => new Date() },
      newId: randomUUID,
    },
    { demo: config.SEED_DEMO, log: console.log },
  );
  console.log(
    `[seed] done: ${config.databaseFile} (${await store.countPendingIndex()} profiles waiting for the index)`,
  );
} finally {
  database.close();
}
