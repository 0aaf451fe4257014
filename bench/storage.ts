/**
 * `npm run bench:storage`: the record's own speed, without HTTP or the search engine.
 * A profile write (create, then update with its version check) through the use cases, and
 * the read of 500 candidates by id as the matching does. Prints a table and writes
 * bench-results/storage.json. Data goes to a temporary folder, removed at the end.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../src/adapters/sqlite/libsql.js";
import { SqliteProfileStore } from "../src/adapters/sqlite/profile-store.js";
import { SqliteReferenceData } from "../src/adapters/sqlite/reference.js";
import type { Profile } from "../src/core/schemas/profile.js";
import { createProfile, type ProfileDeps, updateProfile } from "../src/core/services/profiles.js";
import { seedFrance, seedMali } from "../seeds/import-reference.js";
import { removeTempDir, tempDir } from "./lib/temp.js";

const WRITES = Number(process.env.BENCH_WRITES ?? 1000);
const READS = Number(process.env.BENCH_READS ?? 60);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};
const summary = (xs: number[]) => ({
  n: xs.length,
  p50: +quantile(xs, 0.5).toFixed(3),
  p99: +quantile(xs, 0.99).toFixed(3),
  mean: +(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3),
});

function planche(i: number) {
  return {
    side: "mali",
    collectivite: { name: `Commune ${i}`, country: "ML", level: "commune", population: 1000 + i },
    presentation: `Commune rurale numéro ${i}, agriculture et élevage, eau et santé.`,
    priorities: [
      { sector: "water", aspect: "Réhabiliter les forages des villages", actors: "comité de gestion" },
      { sector: "health", aspect: "Équiper le CSCOM en matériel de maternité", actors: "ASACO" },
      { sector: "education", aspect: "Construire des salles de classe", actors: "CGS" },
    ],
    contact: { name: "Secrétaire général", email: `sg${i}@example.org` },
  };
}

async function main() {
  const dir = tempDir("bap-bench-storage-");
  try {
    const database = await openDatabase(join(dir, "bourse.sqlite"));
    const quiet = () => {};
    await seedMali(database, quiet);
    await seedFrance(database, quiet);
    const store = new SqliteProfileStore(database);
    const deps: ProfileDeps = {
      store,
      reference: new SqliteReferenceData(database),
      clock: { now: () => new Date() },
      newId: randomUUID,
    };
    const creates: number[] = [];
    const created: Profile[] = [];
    for (let i = 0; i < WRITES; i++) {
      const t = performance.now();
      created.push(await createProfile(deps, planche(i), { status: "published", ownerId: null }));
      creates.push(performance.now() - t);
    }
    const updates: number[] = [];
    for (const p of created) {
      const t = performance.now();
      const {
        id: _i,
        status: _s,
        version,
        createdAt: _c,
        updatedAt: _u,
        publishedAt: _p,
        expiresAt: _e,
        ownerId: _o,
        ...input
      } = p;
      await updateProfile(
        deps,
        p.id,
        { ...input, presentation: `${p.presentation} (bis)` },
        { expectedVersion: version },
      );
      updates.push(performance.now() - t);
    }
    const ids = created.map((p) => p.id);
    const reads: number[] = [];
    for (let r = 0; r < READS; r++) {
      const start = (r * 37) % Math.max(1, ids.length - 500);
      const chunk = ids.slice(start, start + 500);
      const t = performance.now();
      const got = await store.getMany(chunk);
      reads.push(performance.now() - t);
      if (got.length !== chunk.length) throw new Error(`read ${got.length} of ${chunk.length}`);
    }
    database.close();
    const result = {
      at: new Date().toISOString(),
      driver: process.env.BENCH_DRIVER_LABEL ?? "default",
      createMs: summary(creates),
      updateMs: summary(updates),
      read500Ms: summary(reads),
    };
    console.log("measure                 n      p50 ms   p99 ms   mean ms");
    for (const [name, s] of [
      ["profile create", result.createMs],
      ["profile update", result.updateMs],
      ["read 500 candidates", result.read500Ms],
    ] as const) {
      console.log(
        `${name.padEnd(22)} ${String(s.n).padStart(5)} ${s.p50.toFixed(2).padStart(9)} ${s.p99.toFixed(2).padStart(8)} ${s.mean.toFixed(2).padStart(9)}`,
      );
    }
    mkdirSync("bench-results", { recursive: true });
    writeFileSync(join("bench-results", "storage.json"), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    removeTempDir(dir);
  }
}

await main();
