import { and, asc, count, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Page, ProfileListQuery, ProfileStore } from "../../core/ports.js";
import type { Profile } from "../../core/schemas/profile.js";
import type { Db } from "./database.js";
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
  constructor(private readonly db: Db) {}

  async insert(profile: Profile): Promise<void> {
    this.db.insert(profiles).values(profileRow(profile)).run();
  }

  async replace(profile: Profile, expectedVersion: number): Promise<boolean> {
    const { id: _id, ...row } = profileRow(profile);
    const res = this.db
      .update(profiles)
      .set(row)
      .where(and(eq(profiles.id, profile.id), eq(profiles.version, expectedVersion)))
      .run();
    return res.changes === 1;
  }

  async get(id: string): Promise<Profile | null> {
    const row = this.db.select().from(profiles).where(eq(profiles.id, id)).get();
    return row ? fromRow(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<Profile[]> {
    const out: Profile[] = [];
    // SQLite caps bound parameters; 500 at a time stays well below it.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...this.db.select().from(profiles).where(inArray(profiles.id, chunk)).all().map(fromRow));
    }
    return out;
  }

  async list(q: ProfileListQuery): Promise<Page<Profile>> {
    const where = and(
      q.side ? eq(profiles.side, q.side) : undefined,
      q.status ? eq(profiles.status, q.status) : undefined,
      q.ownerId ? eq(profiles.ownerId, q.ownerId) : undefined,
    );
    const rows = this.db
      .select()
      .from(profiles)
      .where(where)
      .orderBy(desc(profiles.updatedAt), asc(profiles.id))
      .limit(q.limit)
      .offset(q.offset)
      .all();
    const total = this.db.select({ n: count() }).from(profiles).where(where).get()?.n ?? 0;
    return { items: rows.map(fromRow), total, limit: q.limit, offset: q.offset };
  }

  async pendingIndex(limit: number): Promise<Profile[]> {
    return this.db
      .select()
      .from(profiles)
      .where(lt(profiles.indexedVersion, profiles.version))
      .orderBy(asc(profiles.updatedAt), asc(profiles.id))
      .limit(limit)
      .all()
      .map(fromRow);
  }

  async countPendingIndex(): Promise<number> {
    return (
      this.db.select({ n: count() }).from(profiles).where(lt(profiles.indexedVersion, profiles.version)).get()
        ?.n ?? 0
    );
  }

  async markIndexed(entries: { id: string; version: number }[]): Promise<void> {
    // Only move forward: a write that landed during the push keeps its profile pending.
    this.db.transaction((tx) => {
      for (const e of entries) {
        tx.update(profiles)
          .set({ indexedVersion: sql`max(${profiles.indexedVersion}, ${e.version})` })
          .where(eq(profiles.id, e.id))
          .run();
      }
    });
  }

  async resetIndexed(): Promise<void> {
    this.db.update(profiles).set({ indexedVersion: 0 }).run();
  }
}
