import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "../../src/adapters/meilisearch/local-server.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every process's command line, read from the process table (not from any file we wrote). */
export function commandLines(): { pid: number; args: string[] }[] {
  const out: { pid: number; args: string[] }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const raw = readFileSync(`/proc/${name}/cmdline`, "utf8");
      if (raw) out.push({ pid: Number(name), args: raw.split("\0").filter(Boolean) });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

/** Meilisearch processes whose command line names a path inside `dir`. */
export function meilisearchPids(dir: string): number[] {
  return commandLines()
    .filter(({ args }) => (args[0] ?? "").includes("meilisearch") && args.some((a) => a.includes(dir)))
    .map(({ pid }) => pid);
}

export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `check` until it returns a value other than undefined/false, or fail after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (${String(last)})` : ""}`);
}

/** SIGKILL every listed pid and wait until the process table no longer shows them. */
export async function killAll(pids: number[]): Promise<void> {
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await waitFor("killed processes to go", () => pids.every((p) => !isAlive(p)), 10_000).catch(() => {});
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  output: string[];
}

/** `node --import tsx src/entry/node.ts` as a child process on a free port, ready when /health answers. */
export async function startServer(
  dataDir: string,
  track: ChildProcess[],
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/entry/node.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "false",
      MEILISEARCH_URL: "",
      MEILISEARCH_KEY: "",
      NODE_ENV: "test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  track.push(child);
  const output: string[] = [];
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    `server pid ${child.pid} to answer`,
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`server exited early: ${output.join("")}`);
      }
      const res = await fetch(`${url}/health`);
      return res.status === 200;
    },
    40_000,
  );
  return { child, pid: child.pid!, url, output };
}

/** Stop a child process with `signal` and wait for it to exit. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}
