import type { ChangeSet, UnitOfWork } from "../../core/ports-curation.js";
import { compileChangeSet } from "./change-set.js";
import type { SqlDatabase } from "./database.js";

/**
 * Commits a whole ChangeSet as one batch: the compiled statement list runs as a unit on
 * every driver (libSQL `batch(…, "write")`, D1 `batch()`), with no read between its
 * statements. A guard that fails rolls everything back; the driver's error becomes the
 * domain's (409 stale version, 410 spent token) in SqlDatabase.batch.
 */
export class SqliteUnitOfWork implements UnitOfWork {
  constructor(private readonly database: SqlDatabase) {}

  async commit(c: ChangeSet, at: string): Promise<void> {
    await this.database.batch(compileChangeSet(this.database.db, c, at));
  }
}
