import { randomBytes, randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { count } from "drizzle-orm";
import { type LocalMeilisearch, startLocalMeilisearch } from "../adapters/meilisearch/local-server.js";
import { MeilisearchSearchIndex } from "../adapters/meilisearch/search-index.js";
import type { SqlDatabase } from "../adapters/sqlite/database.js";
import { openDatabase } from "../adapters/sqlite/libsql.js";
import { SqliteProfileStore } from "../adapters/sqlite/profile-store.js";
import { SqliteReferenceData, SqliteTieStore } from "../adapters/sqlite/reference.js";
import { profiles } from "../adapters/sqlite/schema.js";
import { IndexSync } from "../core/services/indexing.js";
import { SqliteAccountStore } from "../adapters/sqlite/accounts.js";
import { SqliteCurationStore } from "../adapters/sqlite/curation.js";
import { SqliteOutboxStore } from "../adapters/sqlite/outbox.js";
import { SqliteUnitOfWork } from "../adapters/sqlite/unit-of-work.js";
import { FileMailer, NodemailerMailer } from "../adapters/mail/nodemailer-mailer.js";
import { TokenSigner } from "../core/security/tokens.js";
import type { Clock } from "../core/ports.js";
import type { CurationDeps } from "../core/services/curation-deps.js";
import { runDueJobs } from "../core/services/jobs.js";
import { OutboxSender } from "../core/services/outbox-sender.js";
import type { ProfileDeps } from "../core/services/profiles.js";
import { TravelAdviceSchema } from "../core/schemas/reference.js";
import { createApp } from "../http/app.js";
import type { AppDeps } from "../http/context.js";
import { nodeClientIp } from "./client-address.js";
import type { Config } from "./config.js";
import { seedAll } from "../../seeds/seed.js";
import { RANKING_WEIGHTS } from "../../search-config/ranking.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The secret that signs e-mail links, generated once and kept beside the database. */
function tokenSecret(config: Config): string {
  const file = join(dirname(config.databaseFile), "token-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("hex");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export interface Runtime {
  config: Config;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: SqlDatabase;
  search: MeilisearchSearchIndex;
  indexSync: IndexSync;
  outboxSender: OutboxSender;
  meili: LocalMeilisearch | null;
  close(): Promise<void>;
}

export type Log = (line: string) => void;

/**
 * Wire the real adapters into the app: SQLite file, Meilisearch (the configured server or a
 * local process), reference data and demo seeds on first start, index catch-up.
 */
export async function buildRuntime(
  config: Config,
  log: Log = console.log,
  opts: { clock?: Clock; clientIp?: AppDeps["clientIp"] } = {},
): Promise<Runtime> {
  const database = await openDatabase(config.databaseTarget);
  let meili: LocalMeilisearch | null = null;
  try {
    let url = config.MEILISEARCH_URL;
    let key = config.MEILISEARCH_KEY;
    if (!url) {
      log(`[meilisearch] local server, data in ${config.meiliDir}`);
      meili = await startLocalMeilisearch({ dir: config.meiliDir, binary: config.MEILI_BIN, log });
      url = meili.url;
      key = meili.apiKey;
      log(`[meilisearch] ready at ${url}`);
    }
    const search = new MeilisearchSearchIndex(url, key, config.MEILISEARCH_INDEX);
    meili?.onUrlChange((next) => search.useHost(next));
    const store = new SqliteProfileStore(database);
    const reference = new SqliteReferenceData(database);
    const ties = new SqliteTieStore(database);
    const indexSync = new IndexSync(store, search, (m) => log(`[index] ${m}`));
    try {
      await search.applySettings();
    } catch (err) {
      log(`[index] could not apply settings yet: ${String(err)}`);
    }

    const profileDeps: ProfileDeps = {
      store,
      reference,
      clock: opts.clock ?? { now: () => new Date() },
      newId: () => randomUUID(),
      afterWrite: async () => {
        await indexSync.run();
      },
    };

    const empty = ((await database.db.select({ n: count() }).from(profiles).get())?.n ?? 0) === 0;
    await seedAll(database, profileDeps, { demo: empty && config.SEED_DEMO, log });

    const travelAdvice = TravelAdviceSchema.parse(
      JSON.parse(readFileSync(join(ROOT, "seeds", "mali", "mali-travel-advice.json"), "utf8")),
    );

    const curationStore = new SqliteCurationStore(database);
    const matching = {
      store,
      search,
      ties,
      reference,
      weights: RANKING_WEIGHTS,
      travelAdvice,
      settledPairs: () => curationStore.settledPairs(),
    };
    const outboxStore = new SqliteOutboxStore(database);
    const mailer = config.SMTP_URL
      ? new NodemailerMailer(config.SMTP_URL)
      : new FileMailer(config.outboxDir, (line) => log(line));
    log(`[mail] delivery: ${mailer.description}`);
    const clock = profileDeps.clock;
    const uow = new SqliteUnitOfWork(database);
    const outboxSender = new OutboxSender(
      // The claim names this process, so that a look at the outbox says who is sending what.
      {
        outbox: outboxStore,
        uow,
        mailer,
        clock,
        from: config.MAIL_FROM,
        owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      },
      (m) => log(`[mail] ${m}`),
    );
    const curation: CurationDeps = {
      store,
      accounts: new SqliteAccountStore(database),
      curation: curationStore,
      outbox: outboxStore,
      uow,
      clock,
      newId: () => randomUUID(),
      signer: new TokenSigner(config.TOKEN_SECRET ?? tokenSecret(config)),
      matching,
      baseUrl: config.publicUrl,
      afterCommit: async () => {
        await indexSync.run();
        void outboxSender.kick().catch(() => {});
      },
    };

    const deps: AppDeps = {
      publicUrl: config.publicUrl,
      profiles: profileDeps,
      matching,
      curation,
      deliverMail: () => outboxSender.kick().catch((err) => ({ error: String(err) })),
      runJobs: () => runDueJobs(curation),
      secureCookies: config.NODE_ENV !== "development" && config.NODE_ENV !== "test",
      clientIp: opts.clientIp ?? nodeClientIp(config.TRUST_PROXY),
      search,
      ties,
      reference,
      travelAdvice,
      initialStatus: "published",
      reindex: () => indexSync.run(),
      health: async () => {
        return {
          database: await database.ping(),
          search: await search.healthy(),
          indexLag: await store.countPendingIndex(),
        };
      },
    };
    const report = await indexSync.run();
    log(
      `[index] ${report.pushed} pushed, ${report.removed} removed${report.failed ? " (search engine unreachable, will retry)" : ""}`,
    );
    const timers = [
      setInterval(() => void indexSync.run(), config.INDEX_RETRY_SECONDS * 1000),
      setInterval(() => void outboxSender.kick().catch(() => {}), config.OUTBOX_INTERVAL_SECONDS * 1000),
      setInterval(
        () => void runDueJobs(curation).catch((err) => log(`[jobs] ${String(err)}`)),
        config.JOBS_INTERVAL_SECONDS * 1000,
      ),
    ];
    for (const t of timers) t.unref();
    void outboxSender.kick().catch(() => {});

    return {
      config,
      app: createApp(deps),
      deps,
      database,
      search,
      indexSync,
      outboxSender,
      meili,
      async close() {
        for (const t of timers) clearInterval(t);
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
