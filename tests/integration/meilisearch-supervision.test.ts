import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { startLocalMeilisearch } from "../../src/adapters/meilisearch/local-server.js";
import { parseConfig } from "../../src/entry/config.js";
import { buildRuntime, type Runtime } from "../../src/entry/runtime.js";
import {
  commandLines,
  isAlive,
  killAll,
  meilisearchPids,
  sleep,
  startServer,
  stopChild,
  waitFor,
} from "../helpers/processes.js";

/**
 * The local Meilisearch is supervised: restarted when it dies, never orphaned, never
 * started twice on one data directory, its key kept off command lines. Real processes
 * throughout; everything a test starts is killed by pid afterwards, even when it fails.
 * The temporary root's name contains "bap-test-" so that CI's last-resort guard matches.
 */
const root = mkdtempSync(join(tmpdir(), "bap-test-supervise-"));
const children: ChildProcess[] = [];
const closers: (() => Promise<void>)[] = [];
const blockers: Server[] = [];
let n = 0;

function dataDir(): string {
  const dir = join(root, `d${++n}`);
  mkdirSync(dir, { recursive: true });
  copyFileSync(inject("templateDb"), join(dir, "bourse.sqlite"));
  return dir;
}

async function localRuntime(dir: string, lines: string[]): Promise<Runtime> {
  const config = parseConfig({ DATA_DIR: dir, SEED_DEMO: "false", NODE_ENV: "test" });
  const rt = await buildRuntime(config, (line) => lines.push(line));
  closers.push(() => rt.close());
  return rt;
}

const searchStatus = async (fetcher: (path: string) => Promise<Response> | Response) =>
  (await fetcher("/api/search?q=eau")).status;
const overHttp = (base: string) => (path: string) => fetch(`${base}${path}`);

afterEach(async () => {
  for (const close of closers.splice(0)) await close().catch(() => {});
  for (const child of children.splice(0)) await stopChild(child, "SIGKILL").catch(() => {});
  for (const blocker of blockers.splice(0)) blocker.close();
  await killAll(meilisearchPids(root));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("local Meilisearch supervision", () => {
  it("restarts a killed Meilisearch on the same URL: search answers again with no server restart", async () => {
    const dir = dataDir();
    const lines: string[] = [];
    const rt = await localRuntime(dir, lines);
    const url = rt.meili!.url;
    const app = (path: string) => rt.app.request(path);
    expect(await searchStatus(app)).toBe(200);
    const before = meilisearchPids(dir);
    expect(before).toHaveLength(1);

    await killAll(before);
    await waitFor("search to answer again", async () => (await searchStatus(app)) === 200, 30_000);

    expect(rt.meili!.url).toBe(url);
    const after = meilisearchPids(dir);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(await (await app("/health")).json()).toMatchObject({ status: "ok", search: true });
    expect(lines.some((l) => /\[meilisearch\].*restart/i.test(l))).toBe(true);
  }, 60_000);

  it("moves to another port when its own was taken meanwhile, and the search client follows", async () => {
    const dir = dataDir();
    const rt = await localRuntime(dir, []);
    const url = rt.meili!.url;
    const port = Number(new URL(url).port);
    const app = (path: string) => rt.app.request(path);

    await killAll(meilisearchPids(dir));
    // Take the port the moment the dead process lets go of it (and hang up on whoever calls).
    const blocker = createServer((socket) => socket.destroy());
    blockers.push(blocker);
    await waitFor(
      "the port to be ours",
      () =>
        new Promise<boolean>((resolve) => {
          blocker.once("error", () => resolve(false));
          blocker.listen(port, "127.0.0.1", () => resolve(true));
        }),
      5_000,
    );

    await waitFor("search to answer again", async () => (await searchStatus(app)) === 200, 30_000);
    expect(rt.meili!.url).not.toBe(url);
    expect(meilisearchPids(dir)).toHaveLength(1);
  }, 60_000);

  it("passes the master key by environment and keeps a 0600 lock naming owner pid, port and key", async () => {
    const dir = join(dataDir(), "meilisearch");
    const meili = await startLocalMeilisearch({ dir, log: () => {} });
    closers.push(() => meili.stop());

    expect(commandLines().filter(({ args }) => args.some((a) => a.includes(meili.apiKey)))).toEqual([]);

    const lockFile = join(dir, "meilisearch.lock");
    expect(statSync(lockFile).mode & 0o777).toBe(0o600);
    const lock = JSON.parse(readFileSync(lockFile, "utf8"));
    expect(lock).toMatchObject({
      ownerPid: process.pid,
      port: Number(new URL(meili.url).port),
      key: meili.apiKey,
    });
    expect(meilisearchPids(dir)).toEqual([lock.meiliPid]);

    await meili.stop();
    expect(meilisearchPids(dir)).toEqual([]);
    expect(() => statSync(lockFile)).toThrow();
  }, 30_000);

  it("after kill -9 of the server, the next start stops the orphan: exactly one Meilisearch runs", async () => {
    const dir = dataDir();
    const first = await startServer(dir, children);
    const [orphan] = meilisearchPids(dir);
    expect(orphan).toBeDefined();

    await stopChild(first.child, "SIGKILL");
    expect(isAlive(orphan!)).toBe(true); // the premise: nothing takes Meilisearch down with it

    const second = await startServer(dir, children);
    expect(meilisearchPids(dir)).toHaveLength(1);
    expect(isAlive(orphan!)).toBe(false);
    expect(await searchStatus(overHttp(second.url))).toBe(200);
  }, 60_000);

  it("a second live server on the same data reuses the running Meilisearch and leaves it running when it stops", async () => {
    const dir = dataDir();
    const owner = await startServer(dir, children);
    const running = meilisearchPids(dir);
    expect(running).toHaveLength(1);

    const guest = await startServer(dir, children);
    expect(meilisearchPids(dir)).toEqual(running);
    expect(await searchStatus(overHttp(guest.url))).toBe(200);

    await stopChild(guest.child, "SIGTERM");
    await sleep(300);
    expect(meilisearchPids(dir)).toEqual(running);
    expect(await searchStatus(overHttp(owner.url))).toBe(200);
  }, 60_000);

  it("when the owning server is killed, the second server takes over and restarts Meilisearch", async () => {
    const dir = dataDir();
    await startServer(dir, children);
    const guest = await startServer(dir, children);
    const running = meilisearchPids(dir);
    expect(running).toHaveLength(1);

    await stopChild(children[0]!, "SIGKILL");
    await killAll(running);

    await waitFor(
      "the second server's search to answer",
      async () => (await searchStatus(overHttp(guest.url))) === 200,
      30_000,
    );
    expect(meilisearchPids(dir)).toHaveLength(1);
  }, 60_000);

  it("stopping the owner hands its running Meilisearch over to the live server instead of killing it", async () => {
    const dir = dataDir();
    const owner = await startServer(dir, children);
    const guest = await startServer(dir, children);
    const running = meilisearchPids(dir);
    expect(running).toHaveLength(1);

    await stopChild(owner.child, "SIGTERM");
    expect(meilisearchPids(dir)).toEqual(running);
    expect(await searchStatus(overHttp(guest.url))).toBe(200);

    // The remaining server now supervises it.
    await killAll(running);
    await waitFor(
      "the remaining server's search to answer",
      async () => (await searchStatus(overHttp(guest.url))) === 200,
      30_000,
    );
    expect(meilisearchPids(dir)).toHaveLength(1);
  }, 60_000);
});
