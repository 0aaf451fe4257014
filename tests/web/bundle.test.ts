import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { WEB_DIST } from "../../src/entry/web.js";
import { ensureBuilt } from "../e2e/browser.js";

/**
 * The web application imports the API's contract as types and its value sets from a zod-free
 * module: the built bundle must carry no zod (it would weigh about 50 KB gzipped).
 */
describe("the web bundle", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 120_000);

  it("contains no zod", () => {
    const dir = join(WEB_DIST, "assets");
    const scripts = readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(1);
    for (const f of scripts) {
      const code = readFileSync(join(dir, f), "utf8");
      expect(code, f).not.toMatch(/ZodError|\$ZodType|_zod\b|zod\.dev/);
    }
  });
});
