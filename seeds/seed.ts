import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlDatabase } from "../src/adapters/sqlite/database.js";
import { createProfile, type ProfileDeps } from "../src/core/services/profiles.js";
import { normalizeName } from "../src/core/text.js";
import { type Progress, seedFrance, seedMali, seedTies } from "./import-reference.js";

const HERE = dirname(fileURLToPath(import.meta.url));

/** Stable id of a demo profile, so that seeding twice never duplicates it. */
export function demoId(input: { side: string; collectivite: { name: string } }, i: number): string {
  return `demo-${input.side}-${normalizeName(input.collectivite.name).replaceAll(" ", "-")}-${i}`;
}

export function loadDemoProfiles(): unknown[] {
  const doc = JSON.parse(readFileSync(join(HERE, "demo", "demo-profiles.json"), "utf8")) as {
    profiles: unknown[];
  };
  return doc.profiles;
}

export async function seedDemo(deps: ProfileDeps, log: Progress): Promise<number> {
  const started = Date.now();
  const inputs = loadDemoProfiles() as { side: string; collectivite: { name: string } }[];
  let created = 0;
  for (const [i, input] of inputs.entries()) {
    const id = demoId(input, i);
    if (await deps.store.get(id)) continue;
    // One index sync at the end rather than one per profile.
    await createProfile({ ...deps, newId: () => id, afterWrite: undefined }, input, {
      status: "published",
      ownerId: null,
    });
    created++;
  }
  log(
    `demo profiles: ${created} created, ${inputs.length - created} already there (${Date.now() - started} ms)`,
  );
  return created;
}

/** Reference data always (each source reloads only when it changed), demo profiles on request. */
export async function seedAll(
  db: SqlDatabase,
  deps: ProfileDeps,
  opts: { demo: boolean; log: Progress },
): Promise<void> {
  const log = (line: string) => opts.log(`[seed] ${line}`);
  await seedMali(db, log);
  await seedFrance(db, log);
  await seedTies(db, log);
  if (opts.demo) await seedDemo(deps, log);
}
