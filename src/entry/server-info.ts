import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * What a running server tells the command-line tools that share its data directory: the
 * address people reach it at. `npm run staff:add` prints the server's sign-in page from it
 * instead of guessing from its own environment.
 */
const ServerInfoSchema = z.object({ pid: z.number().int(), publicUrl: z.string(), startedAt: z.string() });
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

const FILE = "server.json";

export function writeServerInfo(dataDir: string, info: ServerInfo): void {
  writeFileSync(join(dataDir, FILE), `${JSON.stringify(info, null, 2)}\n`);
}

export function removeServerInfo(dataDir: string, pid: number): void {
  if (readServerInfo(dataDir)?.pid === pid) rmSync(join(dataDir, FILE), { force: true });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it lives, under another user.
    return err instanceof Error && "code" in err && err.code === "EPERM";
  }
};

/** The running server's info, or null when none runs on this data directory. */
export function readServerInfo(dataDir: string): ServerInfo | null {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return null;
  try {
    const info = ServerInfoSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return info.success && alive(info.data.pid) ? info.data : null;
  } catch {
    return null;
  }
}
