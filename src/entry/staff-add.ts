import { randomUUID } from "node:crypto";
import { SqliteAccountStore } from "../adapters/sqlite/accounts.js";
import { openDatabase } from "../adapters/sqlite/libsql.js";
import { SqliteUnitOfWork } from "../adapters/sqlite/unit-of-work.js";
import { addStaff } from "../core/services/auth.js";
import { parseConfig } from "./config.js";
import { readServerInfo } from "./server-info.js";

/** `npm run staff:add -- <email>`: create an AMM staff account (or promote a contact). */
const email = process.argv[2];
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
  console.error("Usage: npm run staff:add -- <email>");
  process.exit(2);
}
const config = parseConfig(process.env);
const database = await openDatabase(config.databaseTarget);
try {
  // Only what addStaff uses is wired: the accounts and a commit.
  const user = await addStaff(
    {
      accounts: new SqliteAccountStore(database),
      uow: new SqliteUnitOfWork(database),
      clock: { now: () => new Date() },
      newId: randomUUID,
      afterCommit: async () => {},
    },
    email,
  );
  console.log(`[staff] ${user.email} is staff (id ${user.id}) in ${config.databaseFile}.`);
  const server = readServerInfo(config.DATA_DIR);
  if (server) {
    console.log(
      `[staff] sign in at ${server.publicUrl}/equipe with this address (server pid ${server.pid}).`,
    );
  } else {
    console.log(
      `[staff] no server is running on ${config.DATA_DIR}: start it with the same DATA_DIR (npm start), then sign in at <its address>/equipe — ${config.publicUrl}/equipe with this environment.`,
    );
  }
} finally {
  database.close();
}
