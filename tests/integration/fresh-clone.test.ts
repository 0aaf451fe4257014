import { type ChildProcess, execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startServer, stopChild } from "../helpers/processes.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const run = promisify(execFile);

describe("a fresh clone stays clean and says the truth", () => {
  it("keeps package-lock.json in step with package.json, so that npm install does not rewrite it", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    const root = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")).packages[""];
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    expect(root.engines).toEqual(pkg.engines);
  });

  describe("staff:add", () => {
    const dir = mkdtempSync(join(tmpdir(), "bap-test-staffadd-"));
    const children: ChildProcess[] = [];
    afterAll(async () => {
      for (const c of children) await stopChild(c);
      rmSync(dir, { recursive: true, force: true });
    });

    const staffAdd = async (email: string) =>
      (
        await run(process.execPath, ["--import", "tsx", "src/entry/staff-add.ts", email], {
          cwd: ROOT,
          // Only the data directory is shared with the server: no PORT, no PUBLIC_URL.
          env: { ...process.env, DATA_DIR: dir, PORT: "", PUBLIC_URL: "" },
        })
      ).stdout;

    it("prints the running server's own sign-in page, whatever port it listens on", async () => {
      copyFileSync(inject("templateDb"), join(dir, "bourse.sqlite"));
      expect(await staffAdd("before@amm.example.org")).toMatch(/no server is running/);
      const server = await startServer(dir, children, {
        MEILISEARCH_URL: inject("meiliUrl"),
        MEILISEARCH_KEY: inject("meiliKey"),
        MEILISEARCH_INDEX: "t_staffadd",
      });
      const out = await staffAdd("chef@amm.example.org");
      expect(out).toContain(`sign in at ${server.url}/equipe`);
      expect(out).toContain(join(dir, "bourse.sqlite").replace(/^\.\//, ""));
      await stopChild(server.child, "SIGTERM");
      expect(await staffAdd("after@amm.example.org")).toMatch(/no server is running/);
    }, 60_000);
  });
});
