import { randomUUID } from "node:crypto";
import { SqliteAccountStore } from "../adapters/sqlite/accounts.js";
import { openDatabase } from "../adapters/sqlite/database.js";
import { SqliteUnitOfWork } from "../adapters/sqlite/unit-of-work.js";
import { addStaff } from "../core/services/auth.js";
import type { CurationDeps } from "../core/services/curation-deps.js";
import { parseConfig } from "./config.js";

/** `npm run staff:add -- <email>`: create an AMM staff account (or promote a contact). */
const email = process.argv[2];
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error("Usage: npm run staff:add -- <email>");
  process.exit(2);
}
const config = parseConfig(process.env);
const database = openDatabase(config.databaseFile);
try {
  // Only what addStaff touches is wired: accounts and the unit of work.
  const deps = {
    accounts: new SqliteAccountStore(database.db),
    uow: new SqliteUnitOfWork(database.db),
    clock: { now: () => new Date() },
    newId: randomUUID,
    afterCommit: async () => {},
  } as unknown as CurationDeps;
  const user = await addStaff(deps, email);
  console.log(
    `[staff] ${user.email} is staff (id ${user.id}); sign in at ${config.publicUrl} with this address.`,
  );
} finally {
  database.close();
}
