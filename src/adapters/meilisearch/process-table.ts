import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs";
import { basename, isAbsolute, resolve } from "node:path";

/**
 * What the process table says, read from Linux's /proc. Without /proc (another OS) liveness
 * falls back to signal 0 and orphans cannot be recognised, so none is stopped.
 */
export const hasProcessTable = () => existsSync("/proc/self/stat");

/**
 * The kernel's start time of `pid` (clock ticks since boot), null when the process is gone
 * or a zombie. With the pid it names one process for good: a reused pid has another one.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself contain spaces and parentheses:
    // [0] is field 3 (state), [19] is field 22 (starttime).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return null;
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Is `pid` running (not a zombie) and, when `startTime` is given, still the same process? */
export function isAlive(pid: number, startTime?: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (hasProcessTable()) {
    const now = processStartTime(pid);
    return now !== null && (startTime == null || now === startTime);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function realpath(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** The absolute --db-path of a Meilisearch process, or null when `pid` is not one. */
function meilisearchDbPath(pid: number, binary: string | null): string | null {
  let args: string[];
  try {
    args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return null;
  }
  const arg0 = args[0] ?? "";
  let exe: string | null = null;
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    // another user's process: its command line is all we can see
  }
  if (!basename(arg0).includes("meilisearch") && (binary === null || (arg0 !== binary && exe !== binary))) {
    return null;
  }
  let db: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith("--db-path=")) db = a.slice("--db-path=".length);
    else if (a === "--db-path") db = args[i + 1];
  }
  if (!db) return null;
  if (isAbsolute(db)) return resolve(db);
  try {
    return resolve(readlinkSync(`/proc/${pid}/cwd`), db);
  } catch {
    return null;
  }
}

/**
 * Pids of the Meilisearch processes serving `dbPath`, found by their command line, whatever
 * any lock file says (it may be stale, deleted, or predate locks altogether).
 */
export function meilisearchProcessesFor(dbPath: string, binary: string): number[] {
  if (!hasProcessTable()) return [];
  const wanted = resolve(dbPath);
  const bin = realpath(binary);
  const pids: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid !== process.pid && meilisearchDbPath(pid, bin) === wanted) pids.push(pid);
  }
  return pids;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function terminate(pid: number, graceMs = 5_000): Promise<void> {
  const startTime = processStartTime(pid);
  const gone = () => !isAlive(pid, startTime);
  const waitGone = async (ms: number) => {
    const deadline = Date.now() + ms;
    while (!gone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return gone();
  };
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(pid, s);
    } catch {
      // already gone, or not ours to signal
    }
  };
  signal("SIGTERM");
  if (await waitGone(graceMs)) return;
  signal("SIGKILL");
  await waitGone(5_000);
}
