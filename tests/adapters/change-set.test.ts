import { drizzle } from "drizzle-orm/libsql";
import { describe, expect, it } from "vitest";
import { compileChangeSet } from "../../src/adapters/sqlite/change-set.js";
import * as schema from "../../src/adapters/sqlite/schema.js";
import type { ChangeSet } from "../../src/core/ports-curation.js";
import type { Profile } from "../../src/core/schemas/profile.js";
import { plancheInput } from "../helpers/fixtures.js";

// A dialect to render with; nothing is ever run against it.
const db = drizzle.mock({ schema });
const at = "2026-11-01T10:00:00.000Z";

const profile = { ...plancheInput(), id: "p1", status: "published", version: 3 } as unknown as Profile;
const changes: ChangeSet = {
  useTokens: ["n1"],
  profiles: [{ profile, expectedVersion: 2 }],
  introductions: [
    {
      introduction: {
        id: "i1",
        maliId: "p1",
        partnerId: "p2",
        phase: "accepted",
        origin: "staff",
        note: "",
        proposedBy: "s",
        responses: { mali: "accepted", partner: "accepted" },
        why: { fr: [], en: [] },
        score: 0.5,
        expiresAt: at,
        acceptedAt: at,
        version: 4,
        createdAt: at,
        updatedAt: at,
      },
      expectedVersion: 3,
    },
  ],
  deleteSessions: Array.from({ length: 200 }, (_, i) => `s${i}`),
};

describe("compileChangeSet", () => {
  const list = compileChangeSet(db, changes, at);

  it("follows every conditional update with its guard, in order, and binds nothing in a guard", () => {
    const shape = list.map((s) =>
      s.sql.startsWith("SELECT json_extract")
        ? `guard:${/\$conflict:(\w+)/.exec(s.sql)?.[1]}`
        : s.sql.split(" ")[0],
    );
    expect(shape.slice(0, 2)).toEqual(["update", "guard:token"]);
    expect(shape).toContain("guard:profile");
    expect(shape).toContain("guard:introduction");
    for (const [i, s] of list.entries()) {
      if (s.sql.startsWith("SELECT json_extract")) {
        expect(s.params).toEqual([]);
        // Right after the conditional update it checks: a versioned row, or an unused token.
        expect(list[i - 1]?.sql).toMatch(/^update .* where .*("version" = \?|"used_at" is null)/);
      }
    }
  });

  it("keeps every statement within D1's 100 bound values", () => {
    expect(list.filter((s) => s.sql.startsWith("delete")).length).toBe(3);
    for (const s of list) expect(s.params.length).toBeLessThanOrEqual(100);
  });

  it("is a pure function of its input", () => {
    expect(compileChangeSet(db, changes, at)).toEqual(list);
    expect(compileChangeSet(db, {}, at)).toEqual([]);
  });
});
