import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import {
  freePort,
  isHealthy,
  type LaunchSettings,
  launchMeilisearch,
  portFree,
  stopChild,
  urlOf,
  waitHealthy,
} from "./launch.js";
import {
  createLock,
  LOCK_FILE,
  liveGuests,
  lockOwnedBy,
  type MeiliLock,
  ownerAlive,
  readLock,
  registerGuest,
  removeLock,
  replaceLock,
  type ServerIdentity,
  thisServer,
  unregisterGuest,
  writeLock,
} from "./lock-file.js";
import {
  hasProcessTable,
  isAlive,
  meilisearchProcessesFor,
  processStartTime,
  terminate,
} from "./process-table.js";

export interface SupervisorSettings extends LaunchSettings {
  /** A fixed port for the first start; by default a free one. */
  port?: number;
  timeoutMs: number;
  log: (line: string) => void;
}

const WATCH_MS = 1_000;
const RESTART_FIRST_MS = 500;
const RESTART_MAX_MS = 30_000;
/** A process that stayed up this long resets the backoff. */
const STABLE_MS = 60_000;

interface Running {
  pid: number;
  startTime: string | null;
  /** Null when adopted from another server: then its end is seen by polling the process table. */
  child: ChildProcess | null;
  since: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * One local Meilisearch per data directory, whatever the number of servers using it.
 *
 * The lock file names the *owner*, the one server that supervises the process: it restarts
 * it with backoff when it exits (on the same port, so clients keep their URL; on a free one,
 * announced through `onUrlChange` and the lock, when its own was taken meanwhile).
 * Another live server on the same data is a *guest*: it reuses the running process, follows
 * the lock, never stops it, and becomes the owner when the owner dies (adopting the running
 * process, or starting it again). An owner that stops while a guest lives hands the running
 * process over instead of killing it. A server that finds the lock's owner dead stops every
 * Meilisearch left on this data (found in the process table) and starts its own.
 */
export class MeilisearchSupervisor {
  apiKey: string;
  private role: "owner" | "guest" = "guest";
  private port = 0;
  private running: Running | null = null;
  private failures = 0;
  private stopped = false;
  private stopping: Promise<void> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private restarting: Promise<void> | null = null;
  private watchTimer: NodeJS.Timeout | null = null;
  private readonly me: ServerIdentity = thisServer();
  private readonly lockFile: string;
  private readonly dbPath: string;
  private readonly listeners = new Set<(url: string) => void>();
  private readonly onProcessExit = () => this.exitNow();

  constructor(private readonly s: SupervisorSettings) {
    this.apiKey = s.key;
    this.lockFile = join(s.dir, LOCK_FILE);
    this.dbPath = join(s.dir, "data.ms");
  }

  get url(): string {
    return urlOf(this.port);
  }

  get logFile(): string {
    return this.s.logFile;
  }

  onUrlChange(listener: (url: string) => void): void {
    this.listeners.add(listener);
  }

  /** Resolves once Meilisearch answers, started by this server or reused from another. */
  async start(): Promise<void> {
    process.on("exit", this.onProcessExit);
    try {
      await this.claim();
    } catch (err) {
      process.removeListener("exit", this.onProcessExit);
      if (this.role === "owner") removeLock(this.lockFile, this.me.id);
      throw err;
    }
    this.watchTimer = setInterval(() => this.tick(), WATCH_MS);
    this.watchTimer.unref();
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown().finally(() => process.removeListener("exit", this.onProcessExit));
    return this.stopping;
  }

  private async claim(): Promise<void> {
    const deadline = Date.now() + this.s.timeoutMs;
    for (;;) {
      const found = readLock(this.lockFile);
      const lock = found?.lock ?? null;
      if (lock && ownerAlive(lock)) {
        if (lock.meiliPid !== null && (await isHealthy(urlOf(lock.port)))) return this.joinAsGuest(lock);
        if (Date.now() > deadline) {
          // Down between two restarts of its owner, which will bring it back: reuse it anyway,
          // as the runtime would a configured MEILISEARCH_URL that does not answer yet.
          if (lock.port > 0) return this.joinAsGuest(lock);
          throw new Error(
            `The Meilisearch of server pid ${lock.ownerPid} (${LOCK_FILE}) did not start within ${this.s.timeoutMs} ms`,
          );
        }
        await sleep(200);
        continue;
      }
      const mine = lockOwnedBy(this.me, { meiliPid: null, port: this.s.port ?? 0, key: this.apiKey });
      if (!(found ? replaceLock(this.lockFile, found.raw, mine) : createLock(this.lockFile, mine))) continue;
      this.role = "owner";
      if (found) {
        this.s.log(
          `[meilisearch] ${lock ? `server pid ${lock.ownerPid} named in ${LOCK_FILE} is gone` : `${LOCK_FILE} was unreadable`}: this server takes over`,
        );
      }
      await this.stopOrphans(lock?.ownerPid);
      return this.firstLaunch();
    }
  }

  private joinAsGuest(lock: MeiliLock): void {
    this.role = "guest";
    this.port = lock.port;
    this.apiKey = lock.key;
    registerGuest(this.s.dir, this.me);
    this.s.log(
      `[meilisearch] reusing Meilisearch pid ${lock.meiliPid} of server pid ${lock.ownerPid} at ${this.url}`,
    );
  }

  private async firstLaunch(): Promise<void> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = this.s.port ?? (await freePort());
      try {
        this.running = await this.launch(port);
        this.port = port;
        this.publish();
        return;
      } catch (err) {
        // A port taken between our probe and Meilisearch's bind: try another one.
        lastError = err;
      }
    }
    throw new Error(`Could not start Meilisearch (see ${this.s.logFile}): ${message(lastError)}`);
  }

  private async launch(port: number): Promise<Running> {
    const child = launchMeilisearch(this.s, port);
    child.once("exit", (code, signal) => {
      if (this.running?.child === child) this.lost(`exited (${signal ?? `code ${code}`})`);
    });
    try {
      await waitHealthy(urlOf(port), child, this.s.timeoutMs);
      // Exited during the last health probe: nothing else can interleave before the caller
      // records it as running, so this is the last moment its exit could go unnoticed.
      if (child.exitCode !== null || child.signalCode !== null) throw new Error("Meilisearch exited");
    } catch (err) {
      await stopChild(child);
      throw err;
    }
    return { pid: child.pid!, startTime: processStartTime(child.pid!), child, since: Date.now() };
  }

  private publish(): void {
    writeLock(
      this.lockFile,
      lockOwnedBy(this.me, { meiliPid: this.running?.pid ?? null, port: this.port, key: this.apiKey }),
    );
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.url);
  }

  /** The supervised process is gone: restart it, sooner or later depending on how it fared. */
  private lost(reason: string): void {
    const r = this.running;
    if (!r || this.stopped) return;
    this.running = null;
    if (Date.now() - r.since > STABLE_MS) this.failures = 0;
    try {
      this.publish();
    } catch (err) {
      // called from an "exit" event: a failed write must not take the server down
      this.s.log(`[meilisearch] could not update ${LOCK_FILE}: ${message(err)}`);
    }
    this.scheduleRestart(`[meilisearch] pid ${r.pid} ${reason}`);
  }

  private scheduleRestart(what: string): void {
    const delay = Math.min(RESTART_FIRST_MS * 2 ** this.failures, RESTART_MAX_MS);
    this.failures++;
    this.s.log(`${what}; restarting in ${delay} ms (attempt ${this.failures})`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restarting = this.restart()
        .catch((err) => this.s.log(`[meilisearch] restart: ${message(err)}`))
        .finally(() => {
          this.restarting = null;
        });
    }, delay);
    this.restartTimer.unref();
  }

  private async restart(): Promise<void> {
    if (this.stopped || this.role !== "owner" || !this.stillOwner()) return;
    await this.stopOrphans();
    let port = this.port;
    if (!(await portFree(port))) {
      const next = await freePort();
      this.s.log(`[meilisearch] port ${port} is taken; moving to ${next}`);
      port = next;
    }
    let started: Running;
    try {
      started = await this.launch(port);
    } catch (err) {
      if (!this.stopped && this.role === "owner") {
        this.scheduleRestart(`[meilisearch] restart failed (${message(err)})`);
      }
      return;
    }
    if (this.role !== "owner") {
      // Another server took over while this one was starting: it supervises its own.
      await stopChild(started.child!);
      return;
    }
    // If stop() was called meanwhile, it waited for this and stops it now.
    this.running = started;
    const moved = port !== this.port;
    this.port = port;
    this.publish();
    this.s.log(`[meilisearch] restarted: pid ${this.running.pid} at ${this.url}`);
    if (moved) this.notify();
  }

  /** Whether the lock still names this server; if another took over, follow it as a guest. */
  private stillOwner(): boolean {
    const lock = readLock(this.lockFile)?.lock;
    if (lock && lock.ownerId !== this.me.id) {
      this.demote(lock);
      return false;
    }
    return true;
  }

  /** Any Meilisearch on this data but the supervised one is left over from a dead server. */
  private async stopOrphans(formerOwner?: number): Promise<void> {
    for (const pid of meilisearchProcessesFor(this.dbPath, this.s.binary)) {
      if (pid === this.running?.pid) continue;
      const whose = formerOwner ? ` (its server pid ${formerOwner} is gone)` : "";
      this.s.log(`[meilisearch] stopping orphan Meilisearch pid ${pid} on this data${whose}`);
      await terminate(pid);
    }
  }

  private tick(): void {
    if (this.stopped) return;
    try {
      this.watch();
    } catch (err) {
      this.s.log(`[meilisearch] supervision: ${message(err)}`);
    }
  }

  private watch(): void {
    const found = readLock(this.lockFile);
    const lock = found?.lock ?? null;
    if (this.role === "owner") {
      if (lock && lock.ownerId !== this.me.id) {
        this.demote(lock);
      } else if (!lock) {
        // Deleted or damaged by hand: write it again (a server that created one first wins).
        const mine = lockOwnedBy(this.me, {
          meiliPid: this.running?.pid ?? null,
          port: this.port,
          key: this.apiKey,
        });
        if (found) replaceLock(this.lockFile, found.raw, mine);
        else createLock(this.lockFile, mine);
      } else if (this.running && !this.running.child && !isAlive(this.running.pid, this.running.startTime)) {
        this.lost("is gone");
      }
      return;
    }
    if (lock?.ownerId === this.me.id) {
      this.promote(lock, "the previous owner stopped and handed it over");
      return;
    }
    if (lock && ownerAlive(lock)) {
      this.follow(lock);
      return;
    }
    const next = lockOwnedBy(this.me, {
      meiliPid: lock?.meiliPid ?? null,
      port: lock?.port || this.port,
      key: this.apiKey,
    });
    if (found ? replaceLock(this.lockFile, found.raw, next) : createLock(this.lockFile, next)) {
      this.promote(next, lock ? `server pid ${lock.ownerPid} is gone` : `${LOCK_FILE} disappeared`);
    }
  }

  private isOurMeilisearch(pid: number): boolean {
    return hasProcessTable()
      ? meilisearchProcessesFor(this.dbPath, this.s.binary).includes(pid)
      : isAlive(pid);
  }

  private promote(lock: MeiliLock, why: string): void {
    this.role = "owner";
    unregisterGuest(this.s.dir, this.me);
    this.follow(lock);
    const pid = lock.meiliPid;
    if (pid !== null && this.isOurMeilisearch(pid)) {
      this.running = { pid, startTime: processStartTime(pid), child: null, since: Date.now() };
      this.publish();
      this.s.log(
        `[meilisearch] ${why}: this server (pid ${process.pid}) now supervises Meilisearch pid ${pid}`,
      );
      return;
    }
    this.running = null;
    this.publish();
    this.scheduleRestart(
      `[meilisearch] ${why}, Meilisearch too: this server (pid ${process.pid}) takes over`,
    );
  }

  private demote(lock: MeiliLock): void {
    this.s.log(
      `[meilisearch] server pid ${lock.ownerPid} now supervises Meilisearch; this server (pid ${process.pid}) reuses it`,
    );
    this.role = "guest";
    // Not stopped: the new owner has adopted it, or stopped it as an orphan.
    this.running = null;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    registerGuest(this.s.dir, this.me);
    this.follow(lock);
  }

  private follow(lock: MeiliLock): void {
    if (lock.port > 0 && lock.port !== this.port) {
      this.port = lock.port;
      this.s.log(`[meilisearch] now at ${this.url}`);
      this.notify();
    }
  }

  private handOver(heir: ServerIdentity, r: Running): void {
    writeLock(this.lockFile, lockOwnedBy(heir, { meiliPid: r.pid, port: this.port, key: this.apiKey }));
    this.running = null;
    // Its handle must not keep this process alive (a script that ends, as reindex does).
    r.child?.unref();
    this.s.log(
      `[meilisearch] left running (pid ${r.pid}) for server pid ${heir.pid}, which now supervises it`,
    );
  }

  private async shutdown(): Promise<void> {
    this.stopped = true;
    if (this.watchTimer) clearInterval(this.watchTimer);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.restarting;
    if (this.role === "guest") {
      unregisterGuest(this.s.dir, this.me);
      // Handed over while stopping: then it is ours to stop or to hand on.
      const lock = readLock(this.lockFile)?.lock;
      if (lock?.ownerId !== this.me.id) return;
      this.role = "owner";
      const pid = lock.meiliPid;
      this.running =
        pid !== null && this.isOurMeilisearch(pid)
          ? { pid, startTime: processStartTime(pid), child: null, since: Date.now() }
          : null;
    }
    const r = this.running;
    const heir = r ? liveGuests(this.s.dir)[0] : undefined;
    if (r && heir) {
      this.handOver(heir, r);
      return;
    }
    this.running = null;
    if (r) await (r.child ? stopChild(r.child) : terminate(r.pid));
    removeLock(this.lockFile, this.me.id);
  }

  /** The process is exiting without stop(): only synchronous work is possible now. */
  private exitNow(): void {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (this.role === "guest") {
        unregisterGuest(this.s.dir, this.me);
        return;
      }
      const r = this.running;
      const heir = r ? liveGuests(this.s.dir).find((g) => g.pid !== process.pid) : undefined;
      if (r && heir) {
        this.handOver(heir, r);
        return;
      }
      if (r && isAlive(r.pid, r.startTime)) process.kill(r.pid, "SIGKILL");
      removeLock(this.lockFile, this.me.id);
    } catch {
      // exiting anyway; the next server stops what is left
    }
  }
}
