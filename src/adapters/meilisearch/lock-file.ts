import { randomUUID } from "node:crypto";
import {
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { isAlive, processStartTime } from "./process-table.js";

/**
 * `meilisearch.lock` in the data directory names the server that supervises the local
 * Meilisearch and how to reach it. Mode 0600: it holds the master key. It is only ever
 * created whole (link of a complete temporary file) or replaced whole (rename), so a
 * reader never sees half a lock.
 */
export interface MeiliLock {
  /** The supervising server: one id per start, its pid, the kernel's start time of that pid, its host. */
  ownerId: string;
  ownerPid: number;
  ownerStartTime: string | null;
  ownerHost: string;
  /** The Meilisearch process, null while its owner is (re)starting it. */
  meiliPid: number | null;
  port: number;
  key: string;
  updatedAt: string;
}

export interface ServerIdentity {
  id: string;
  pid: number;
  startTime: string | null;
  host: string;
}

export const LOCK_FILE = "meilisearch.lock";
/** One file per live server that reuses the owner's Meilisearch: the owner hands over to one of them. */
const GUESTS_DIR = "meilisearch.guests";

export function thisServer(): ServerIdentity {
  return { id: randomUUID(), pid: process.pid, startTime: processStartTime(process.pid), host: hostname() };
}

/**
 * Whether the lock's owner still runs. A lock written on another host (a container since
 * replaced, a copied data directory) cannot be checked from here and counts as stale.
 */
export function ownerAlive(lock: MeiliLock): boolean {
  return lock.ownerHost === hostname() && isAlive(lock.ownerPid, lock.ownerStartTime);
}

export function lockOwnedBy(
  owner: ServerIdentity,
  fields: Pick<MeiliLock, "meiliPid" | "port" | "key">,
): MeiliLock {
  return {
    ownerId: owner.id,
    ownerPid: owner.pid,
    ownerStartTime: owner.startTime,
    ownerHost: owner.host,
    ...fields,
    updatedAt: new Date().toISOString(),
  };
}

/** The lock as found: its text (to replace exactly that) and its content (null when unreadable). */
export interface FoundLock {
  raw: string;
  lock: MeiliLock | null;
}

function parse(raw: string): MeiliLock | null {
  try {
    const v = JSON.parse(raw) as Partial<MeiliLock>;
    const ok =
      typeof v.ownerId === "string" &&
      typeof v.ownerPid === "number" &&
      typeof v.ownerHost === "string" &&
      typeof v.port === "number" &&
      typeof v.key === "string" &&
      (v.meiliPid === null || typeof v.meiliPid === "number");
    return ok ? (v as MeiliLock) : null;
  } catch {
    return null;
  }
}

export function readLock(file: string): FoundLock | null {
  try {
    const raw = readFileSync(file, "utf8");
    return { raw, lock: parse(raw) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

function writeTemp(file: string, lock: MeiliLock): string {
  const tmp = `${file}.${lock.ownerId}.${randomUUID()}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(lock, null, 2)}\n`, { mode: 0o600, flag: "wx" });
  return tmp;
}

/** Create the lock; false when one exists already. */
export function createLock(file: string, lock: MeiliLock): boolean {
  const tmp = writeTemp(file, lock);
  try {
    linkSync(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  } finally {
    unlinkSync(tmp);
  }
}

/** Rewrite the lock this server owns. */
export function writeLock(file: string, lock: MeiliLock): void {
  renameSync(writeTemp(file, lock), file);
}

/**
 * Take over a stale lock whose text was `expectedRaw`. Two servers may try at once: the lock
 * is moved aside (only one rename succeeds), checked to be the stale one, then recreated.
 * If what was moved aside is someone's fresh lock, it goes back and this call returns false.
 */
export function replaceLock(file: string, expectedRaw: string, next: MeiliLock): boolean {
  const aside = `${file}.${next.ownerId}.stale`;
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  const moved = readFileSync(aside, "utf8");
  if (moved !== expectedRaw) {
    try {
      linkSync(aside, file);
    } catch {
      // yet another lock appeared meanwhile: it stands, and the one moved aside was not stale
    }
    unlinkSync(aside);
    return false;
  }
  unlinkSync(aside);
  return createLock(file, next);
}

/** Remove the lock if `ownerId` still owns it. */
export function removeLock(file: string, ownerId: string): void {
  const found = readLock(file);
  if (found?.lock?.ownerId === ownerId) rmSync(file, { force: true });
}

export function registerGuest(dir: string, me: ServerIdentity): void {
  mkdirSync(join(dir, GUESTS_DIR), { recursive: true, mode: 0o700 });
  const file = join(dir, GUESTS_DIR, `${me.id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(me), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

export function unregisterGuest(dir: string, me: ServerIdentity): void {
  rmSync(join(dir, GUESTS_DIR, `${me.id}.json`), { force: true });
}

/** Servers that reuse this Meilisearch and still run; the files of dead ones are removed. */
export function liveGuests(dir: string): ServerIdentity[] {
  let names: string[];
  try {
    names = readdirSync(join(dir, GUESTS_DIR));
  } catch {
    return [];
  }
  const live: ServerIdentity[] = [];
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const file = join(dir, GUESTS_DIR, name);
    try {
      const g = JSON.parse(readFileSync(file, "utf8")) as ServerIdentity;
      if (g.host === hostname() && isAlive(g.pid, g.startTime)) live.push(g);
      else rmSync(file, { force: true });
    } catch {
      rmSync(file, { force: true });
    }
  }
  return live;
}
