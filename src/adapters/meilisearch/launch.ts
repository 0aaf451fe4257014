import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface LaunchSettings {
  /** Absolute data directory: the database, dumps and snapshots live under it. */
  dir: string;
  binary: string;
  key: string;
  logFile: string;
}

export const urlOf = (port: number) => `http://127.0.0.1:${port}`;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether nothing listens on 127.0.0.1:`port` right now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * The child's environment: ours without any MEILI_* variable (the local engine is configured
 * here alone, not by whatever the shell exported), plus the master key. The key goes by
 * environment because a command line is readable by every user through `ps`; /proc/<pid>/environ
 * is readable by the same user only.
 */
function childEnv(key: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("MEILI_")));
  return { ...env, MEILI_MASTER_KEY: key };
}

/**
 * Spawn Meilisearch on 127.0.0.1:`port`. The database path and address stay on the command
 * line: they name the instance in `ps` and let a later server find an orphan on this data.
 * Output goes to a log file, never to our stdout: an orphan holding our pipes open would keep
 * CI waiting. Its own process group, so that Ctrl-C in the server's terminal reaches the server
 * alone, which decides whether to stop Meilisearch or hand it over to another server.
 */
export function launchMeilisearch(s: LaunchSettings, port: number): ChildProcess {
  const log = openSync(s.logFile, "a");
  try {
    return spawn(
      s.binary,
      [
        `--db-path=${join(s.dir, "data.ms")}`,
        `--http-addr=127.0.0.1:${port}`,
        `--dump-dir=${join(s.dir, "dumps")}`,
        `--snapshot-dir=${join(s.dir, "snapshots")}`,
        "--env=production",
        "--no-analytics",
        "--max-indexing-memory=1GiB",
        "--max-indexing-threads=2",
      ],
      { cwd: s.dir, env: childEnv(s.key), stdio: ["ignore", log, log], detached: true },
    );
  } finally {
    closeSync(log);
  }
}

export async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Meilisearch exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
    }
    if (await isHealthy(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
