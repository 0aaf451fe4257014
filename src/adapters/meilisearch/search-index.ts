import { Meilisearch, type Task } from "meilisearch";
import type { CandidateQuery, SearchIndex } from "../../core/ports.js";
import {
  FACETS,
  type SearchDocument,
  type SearchQuery,
  type SearchResult,
} from "../../core/schemas/search.js";
import { PROFILES_INDEX, profilesSettings } from "../../../search-config/profiles.js";

const quote = (v: string) => JSON.stringify(v);
const anyOf = (field: string, values: readonly string[] | undefined) =>
  values && values.length > 0 ? `${field} IN [${values.map(quote).join(", ")}]` : undefined;

/** Meilisearch filter expression for a validated query (values are quoted, never spliced raw). */
export function buildFilter(q: Partial<SearchQuery> & { ids?: string[]; excludeIds?: string[] }): string[] {
  return [
    q.status ? `status = ${quote(q.status)}` : undefined,
    q.side ? `side = ${quote(q.side)}` : undefined,
    anyOf("regionCode", q.region),
    anyOf("cercleCode", q.cercle),
    anyOf("sectors", q.sector),
    anyOf(
      "country",
      q.country?.map((c) => c.toUpperCase()),
    ),
    anyOf("level", q.level),
    q.populationMin !== undefined ? `population >= ${q.populationMin}` : undefined,
    q.populationMax !== undefined ? `population <= ${q.populationMax}` : undefined,
    anyOf("id", q.ids),
    q.excludeIds && q.excludeIds.length > 0 ? `id NOT IN [${q.excludeIds.map(quote).join(", ")}]` : undefined,
  ].filter((f): f is string => f !== undefined);
}

function ensureSucceeded(task: Task): void {
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ""}`);
  }
}

export class MeilisearchSearchIndex implements SearchIndex {
  private current: Meilisearch;

  constructor(
    host: string,
    private readonly apiKey: string | undefined,
    private readonly indexName = PROFILES_INDEX,
    private readonly timeoutMs = 10_000,
  ) {
    this.current = new Meilisearch({ host, apiKey, timeout: timeoutMs });
  }

  get client(): Meilisearch {
    return this.current;
  }

  /** The same engine at a new address: the local one came back on another port. */
  useHost(host: string): void {
    this.current = new Meilisearch({ host, apiKey: this.apiKey, timeout: this.timeoutMs });
  }

  private get index() {
    return this.client.index<SearchDocument>(this.indexName);
  }

  /** Create the index if needed and apply the declarative settings (idempotent). */
  async applySettings(): Promise<void> {
    const created = await this.client
      .createIndex(this.indexName, { primaryKey: "id" })
      .waitTask({ timeout: this.timeoutMs });
    if (created.status !== "succeeded" && created.error?.code !== "index_already_exists") {
      ensureSucceeded(created);
    }
    ensureSucceeded(await this.index.updateSettings(profilesSettings).waitTask({ timeout: 60_000 }));
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    ensureSucceeded(
      await this.index.addDocuments(docs, { primaryKey: "id" }).waitTask({ timeout: 60_000, interval: 10 }),
    );
  }

  async remove(ids: string[]): Promise<void> {
    ensureSucceeded(
      await this.index.deleteDocuments(ids).waitTask({ timeout: this.timeoutMs, interval: 10 }),
    );
  }

  /** Drop every document: used by `npm run reindex --full` before pushing from SQLite again. */
  async clear(): Promise<void> {
    ensureSucceeded(await this.index.deleteAllDocuments().waitTask({ timeout: 60_000 }));
  }

  async search(q: SearchQuery & { ids?: string[]; excludeIds?: string[] }): Promise<SearchResult> {
    const res = await this.index.search(q.q, {
      filter: buildFilter(q),
      facets: [...FACETS],
      limit: q.limit,
      offset: q.offset,
      sort: q.sort === "relevance" ? undefined : [q.sort],
    });
    return {
      hits: res.hits,
      total: res.estimatedTotalHits ?? res.hits.length,
      facets: res.facetDistribution ?? {},
      limit: q.limit,
      offset: q.offset,
    };
  }

  async candidateIds(q: CandidateQuery): Promise<string[]> {
    const base = [`status = "published"`, `side = ${quote(q.side)}`];
    if (q.excludeIds.length > 0) base.push(`id NOT IN [${q.excludeIds.map(quote).join(", ")}]`);
    const sectors = anyOf("sectors", q.sectors);
    const { results } = await this.client.multiSearch({
      queries: [
        // Text relevance of the subject's priorities and offers.
        {
          indexUid: this.indexName,
          q: q.text,
          filter: base,
          limit: q.limit,
          attributesToRetrieve: ["id"],
          matchingStrategy: "last",
        },
        // Every profile sharing a sector, whatever its wording.
        ...(sectors
          ? [
              {
                indexUid: this.indexName,
                q: "",
                filter: [...base, sectors],
                limit: q.limit,
                attributesToRetrieve: ["id"],
              },
            ]
          : []),
        // The rest, so that a strong regional or diaspora tie is never missed in a small directory.
        {
          indexUid: this.indexName,
          q: "",
          filter: base,
          limit: q.limit,
          attributesToRetrieve: ["id"],
          sort: ["updatedAt:desc"],
        },
      ],
    });
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const r of results) {
      for (const h of r.hits) {
        const id = String(h.id);
        if (!seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
    }
    return ids.slice(0, q.limit);
  }

  async healthy(): Promise<boolean> {
    return this.client.isHealthy();
  }
}
