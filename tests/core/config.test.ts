import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/entry/config.js";

describe("parseConfig", () => {
  it("defaults to a SQLite file and a local Meilisearch under ./data", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.databaseFile).toBe("./data/bourse.sqlite");
    expect(c.meiliDir).toBe("./data/meilisearch");
    expect(c.MEILISEARCH_URL).toBeUndefined();
  });

  it("treats empty variables as unset and rejects bad values by name", () => {
    expect(parseConfig({ PORT: "", DATA_DIR: "/tmp/x/" }).databaseFile).toBe("/tmp/x/bourse.sqlite");
    expect(() => parseConfig({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseConfig({ MEILISEARCH_URL: "not a url" })).toThrow(/MEILISEARCH_URL/);
  });
});
