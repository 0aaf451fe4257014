import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../..", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? files(rel) : rel.endsWith(".ts") ? [rel] : [];
  });
}

/**
 * Biome holds the rest (biome.json): no type assertion but `as const` and no `any` in the HTTP
 * layer and the entries, no adapter or Node module in the core, no HTTP in the adapters.
 * Biome has no rule for `@ts-expect-error`, so this one is checked here.
 */
describe("the layers", () => {
  it("silence no type error in src/http and the entries", () => {
    const offenders = [...files("src/http"), ...files("src/entry")].filter((f) =>
      /@ts-(expect-error|ignore|nocheck)/.test(readFileSync(join(ROOT, f), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("split each HTTP resource into its routes, its handlers and its wiring", () => {
    const routes = readdirSync(join(ROOT, "src/http/routes"));
    for (const resource of routes) {
      const here = readdirSync(join(ROOT, "src/http/routes", resource)).sort();
      expect(here, resource).toEqual([`${resource}.handlers.ts`, `${resource}.routes.ts`, "index.ts"].sort());
    }
  });

  it("keep handlers thin: no SQL, no store reached past a use case", () => {
    for (const f of files("src/http/routes").filter((f) => f.endsWith(".handlers.ts"))) {
      const text = readFileSync(join(ROOT, f), "utf8");
      expect(text, f).not.toMatch(
        /\.(uow|outbox|accounts)\.|\.curation\.curation|\.store\.(list|get|getMany)\(/,
      );
    }
  });
});
