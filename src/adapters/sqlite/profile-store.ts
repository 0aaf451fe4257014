import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Page, ProfileListQuery, ProfileStore } from "../../core/ports.js";
import type { Profile } from "../../core/schemas/profile.js";
import { chunks, type SqlDatabase } from "./database.js";
import { profiles } from "./schema.js";

type Row = typeof profiles.$inferSelect;

export function profileRow(p: Profile): typeof profiles.$inferInsert {
  const { contact, id, status, ownerId, version, createdAt, updatedAt, publishedAt, expiresAt, ...data } = p;
  const c = p.collectivite;
  return {
    id,
    side: p.side,
    status,
    ownerId,
    name: c.name,
    country: c.country,
    level: c.level,
    regionCode: c.regionCode ?? null,
    cercleCode: c.cercleCode ?? null,
    population: c.population ?? null,
    data: JSON.stringify(data),
    contact: JSON.stringify(contact),
    version,
    createdAt,
    updatedAt,
    publishedAt,
    expiresAt,
  };
}

function fromRow(r: Row): Profile {
  return {
    ...JSON.parse(r.data),
    contact: JSON.parse(r.contact),
    id: r.id,
    status: r.status,
    ownerId: r.ownerId,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    publishedAt: r.publishedAt,
    expiresAt: r.expiresAt,
  } as Profile;
}

export class SqliteProfileStore implements ProfileStore {
  constructor(private readonly database: SqlDatabase) {}

  private get db() {
    return this.database.db;
  }

  async insert(profile: Profile): Promise<void> {
    await this.db.insert(profiles).values(profileRow(profile));
  }

  async replace(profile: Profile, expectedVersion: number): Promise<boolean> {
    const { id: _id, ...row } = profileRow(profile);
    // RETURNING says whether the versioned update matched, the same way on every driver.
    const updated = await this.db
      .update(profiles)
      .set(row)
      .where(and(eq(profiles.id, profile.id), eq(profiles.version, expectedVersion)))
      .returning({ id: profiles.id });
    return updated.length === 1;
  }

  async get(id: string): Promise<Profile | null> {
    const row = await this.db.select().from(profiles).where(eq(profiles.id, id)).get();
    return row ? fromRow(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<Profile[]> {
    const rows = await Promise.all(
      chunks(ids, this.database.maxParams).map((chunk) =>
        this.db.select().from(profiles).where(inArray(profiles.id, chunk)),
      ),
    );
    return rows.flat().map(fromRow);
  }

  async list(q: ProfileListQuery): Promise<Page<Profile>> {
    const where = and(
      q.side ? eq(profiles.side, q.side) : undefined,
      q.status ? eq(profiles.status, q.status) : undefined,
      q.ownerId ? eq(profiles.ownerId, q.ownerId) : undefined,
    );
    const [rows, total] = await Promise.all([
      this.db
        .select()
        .from(profiles)
        .where(where)
        .orderBy(desc(profiles.updatedAt), asc(profiles.id))
        .limit(q.limit)
        .offset(q.offset),
      this.db.select({ n: count() }).from(profiles).where(where).get(),
    ]);
    return { items: rows.map(fromRow), total: total?.n ?? 0, limit: q.limit, offset: q.offset };
  }

  async pendingIndex(limit: number): Promise<Profile[]> {
    const rows = await this.db
      .select()
      .from(profiles)
      .where(lt(profiles.indexedVersion, profiles.version))
      .orderBy(asc(profiles.updatedAt), asc(profiles.id))
      .limit(limit);
    return rows.map(fromRow);
  }

  async countPendingIndex(): Promise<number> {
    const row = await this.db
      .select({ n: count() })
      .from(profiles)
      .where(lt(profiles.indexedVersion, profiles.version))
      .get();
    return row?.n ?? 0;
  }

  async markIndexed(entries: { id: string; version: number }[]): Promise<void> {
    // Only move forward: a write that landed during the push keeps its profile pending.
    // Independent statements, each order-safe: one batch for the round trip.
    await this.database.batch(
      entries.map((e) =>
        this.db
          .update(profiles)
          .set({ indexedVersion: sql`max(${profiles.indexedVersion}, ${e.version})` })
          .where(eq(profiles.id, e.id))
          .toSQL(),
      ),
    );
  }

  async resetIndexed(): Promise<void> {
    await this.db.update(profiles).set({ indexedVersion: 0 });
  }
}
