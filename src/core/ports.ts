import type { Profile, ProfileStatus, Side } from "./schemas/profile.js";
import type { SearchDocument, SearchQuery, SearchResult } from "./schemas/search.js";
import type { MaliUnit, FrenchCollectivite, Tie, TieQuery } from "./schemas/reference.js";

/**
 * Ports: what the core needs from the outside world. Adapters in src/adapters implement
 * them; every method is async so that a Workers/D1 adapter can implement them too.
 */

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface ProfileListQuery {
  side?: Side;
  status?: ProfileStatus;
  ownerId?: string;
  limit: number;
  offset: number;
}

export interface ProfileStore {
  insert(profile: Profile): Promise<void>;
  /** Replaces the stored profile if its version is `expectedVersion`; returns false otherwise. */
  replace(profile: Profile, expectedVersion: number): Promise<boolean>;
  get(id: string): Promise<Profile | null>;
  getMany(ids: readonly string[]): Promise<Profile[]>;
  list(query: ProfileListQuery): Promise<Page<Profile>>;
  /** All profiles whose index projection lags their stored version (oldest first). */
  pendingIndex(limit: number): Promise<Profile[]>;
  markIndexed(entries: { id: string; version: number }[]): Promise<void>;
  /** Forget what the index holds, so that the next sync pushes everything again. */
  resetIndexed(): Promise<void>;
  countPendingIndex(): Promise<number>;
}

export interface SearchIndex {
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * First stage of matching: ids of published profiles of `side` that are worth ranking,
   * by text relevance to the subject's priorities and offers, then by shared sectors,
   * then the rest, up to `limit`.
   */
  candidateIds(query: CandidateQuery): Promise<string[]>;
  healthy(): Promise<boolean>;
}

export interface CandidateQuery {
  side: "mali" | "partner";
  text: string;
  sectors: string[];
  excludeIds: string[];
  limit: number;
}

export interface ReferenceData {
  maliUnit(pcode: string): Promise<MaliUnit | null>;
  searchMali(q: string, opts: { level?: MaliUnit["level"]; limit: number }): Promise<MaliUnit[]>;
  franceByCode(code: string): Promise<FrenchCollectivite | null>;
  searchFrance(
    q: string,
    opts: { kind?: FrenchCollectivite["kind"]; limit: number },
  ): Promise<FrenchCollectivite[]>;
}

export interface TieStore {
  list(query: TieQuery): Promise<Page<Tie>>;
  all(): Promise<Tie[]>;
}

export interface Clock {
  now(): Date;
}

export type IdGenerator = () => string;
