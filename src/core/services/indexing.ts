import type { ProfileStore, SearchIndex } from "../ports.js";
import type { Profile } from "../schemas/profile.js";
import type { SearchDocument } from "../schemas/search.js";
import { TAXONOMY } from "../taxonomy.js";
import { SerialRunner } from "./serial.js";

const LABELS = new Map(TAXONOMY.map((d) => [d.code as string, [d.fr, d.en]]));

const epoch = (iso: string | null) => (iso ? Math.floor(Date.parse(iso) / 1000) : null);

/**
 * The public projection of a profile for the search index. Built field by field from an
 * allow-list, so that a contact field added later can never leak into the index.
 */
export function toSearchDocument(p: Profile): SearchDocument {
  const c = p.collectivite;
  const needs = p.side === "mali" ? p.priorities.map((x) => x.sector) : p.themesSought;
  const offers = p.side === "mali" ? [] : p.expertiseOffered;
  const sectors = [...new Set([...needs, ...offers])];
  return {
    id: p.id,
    side: p.side,
    status: p.status,
    name: c.name,
    refCode: c.refCode ?? null,
    country: c.country,
    level: c.level,
    population: c.population ?? null,
    regionCode: c.regionCode ?? null,
    regionName: c.regionName ?? null,
    cercleCode: c.cercleCode ?? null,
    cercleName: c.cercleName ?? null,
    sectors,
    needs: [...new Set(needs)],
    offers: [...new Set(offers)],
    sectorLabels: sectors.flatMap((s) => LABELS.get(s) ?? []),
    presentation: p.presentation,
    details:
      p.side === "mali"
        ? p.priorities.map((x) => [x.aspect, x.actors].filter(Boolean).join(" — "))
        : [p.offerDescription].filter(Boolean),
    partnerSought: p.side === "mali" ? p.partnerSought.description : "",
    areas:
      p.side === "mali" ? [] : [...new Set([...p.preferredAreas, ...p.diaspora.map((d) => d.originCode)])],
    modalities: p.modalities,
    languages: p.languages,
    updatedAt: epoch(p.updatedAt) ?? 0,
    publishedAt: epoch(p.publishedAt),
  };
}

export interface SyncReport {
  pushed: number;
  removed: number;
  failed: boolean;
  error?: string;
}

/**
 * Push every profile whose index projection lags its stored version. The database is
 * the record: if the index is unreachable nothing is lost, the versions stay behind and
 * the next sync (after a write, on a timer, at start or `npm run reindex`) catches up.
 */
export async function syncIndex(
  store: ProfileStore,
  index: SearchIndex,
  opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<SyncReport> {
  const batchSize = opts.batchSize ?? 500;
  const total = await store.countPendingIndex();
  const report: SyncReport = { pushed: 0, removed: 0, failed: false };
  try {
    for (;;) {
      const batch = await store.pendingIndex(batchSize);
      if (batch.length === 0) break;
      const live = batch.filter((p) => p.status !== "archived");
      const gone = batch.filter((p) => p.status === "archived");
      if (live.length > 0) await index.upsert(live.map(toSearchDocument));
      if (gone.length > 0) await index.remove(gone.map((p) => p.id));
      await store.markIndexed(batch.map((p) => ({ id: p.id, version: p.version })));
      report.pushed += live.length;
      report.removed += gone.length;
      opts.onProgress?.(report.pushed + report.removed, total);
    }
  } catch (err) {
    report.failed = true;
    report.error = err instanceof Error ? err.message : String(err);
  }
  return report;
}

/**
 * Serialises syncs: a write that lands while a sync runs asks for one more pass instead
 * of starting a second concurrent one.
 */
export class IndexSync {
  private readonly runner: SerialRunner<SyncReport>;

  constructor(store: ProfileStore, index: SearchIndex, log: (msg: string) => void = () => {}) {
    this.runner = new SerialRunner(async () => {
      const result = await syncIndex(store, index);
      if (result.failed) log(`search index behind (will retry): ${result.error}`);
      return { result, more: false, failed: result.failed };
    });
  }

  run(): Promise<SyncReport> {
    return this.runner.run();
  }
}
