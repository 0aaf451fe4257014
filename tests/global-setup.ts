import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startLocalMeilisearch } from "../src/adapters/meilisearch/local-server.js";
import { openDatabase } from "../src/adapters/sqlite/libsql.js";
import { seedFrance, seedMali, seedTies } from "../seeds/import-reference.js";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    /** A SQLite file with the reference data loaded, copied by each test that needs one. */
    templateDb: string;
  }
}

/**
 * One real Meilisearch for the whole run (each test file uses its own index) and one
 * seeded SQLite template. Both are removed at teardown, whatever the tests did.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "bap-test-"));
  const meili = await startLocalMeilisearch({ dir: join(dir, "meili"), binary: process.env.MEILI_BIN });
  try {
    const templateDb = join(dir, "template.sqlite");
    const db = await openDatabase(templateDb);
    const quiet = () => {};
    await seedMali(db, quiet);
    await seedFrance(db, quiet);
    await seedTies(db, quiet);
    // Closing the last connection checkpoints the WAL into the file, which tests then copy.
    db.close();
    project.provide("meiliUrl", meili.url);
    project.provide("meiliKey", meili.apiKey);
    project.provide("templateDb", templateDb);
  } catch (err) {
    await meili.stop();
    throw err;
  }
  return async () => {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
