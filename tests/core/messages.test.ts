import { describe, expect, it } from "vitest";
import { DomainError, fieldError } from "../../src/core/errors.js";
import { type Entry, joinList, MESSAGES, text } from "../../src/core/messages/catalogue.js";

/** Parameters for every entry that takes some: names that start with a vowel, an h, Le/La/Les. */
const SAMPLE: Record<string, unknown> = {
  count: 3,
  max: 8192,
  kib: 16,
  what: "profile",
  status: "published",
  code: "32",
  country: "BE",
  name: "Hauts-de-France",
  is: "region",
  sent: "departement",
  from: "proposed",
  allowed: ["abandoned"],
  candidates: [
    { code: "departement:32", name: "Gers" },
    { code: "region:32", name: "Hauts-de-France" },
  ],
  candidate: { code: "commune:93048", name: "Montreuil" },
};

describe("the message catalogue", () => {
  const entries = Object.entries(MESSAGES) as [string, Entry<unknown>][];

  it("words every entry in both languages, with no hole left by a parameter", () => {
    expect(entries.length).toBeGreaterThan(60);
    for (const [key, e] of entries) {
      for (const lang of ["fr", "en"] as const) {
        const s = e[lang](SAMPLE);
        expect(s.length, `${key} ${lang}`).toBeGreaterThan(3);
        expect(s, `${key} ${lang}`).not.toMatch(/undefined|null|\[object|NaN|\{\w+\}/);
        expect(s.trim(), `${key} ${lang}`).toBe(s);
      }
      // Two languages, not one copied twice.
      expect(e.fr(SAMPLE), key).not.toBe(e.en(SAMPLE));
    }
  });

  it("keeps French typography: a space before ; : ? ! and « » rather than English quotes", () => {
    for (const [key, e] of entries) {
      // A header written as it is sent (Content-Type: …) is code, not French.
      const s = e.fr(SAMPLE).replace("Content-Type:", "");
      expect(s, key).not.toMatch(/\S[;:?!](\s|$)/u);
      expect(s, key).not.toMatch(/"/);
    }
  });

  it("renders plurals, lists and articles per language", () => {
    expect(text("request.invalid_fields", { count: 1 }).fr).toBe("La requête contient 1 champ invalide.");
    expect(text("request.invalid_fields", { count: 2 }).en).toBe("The request has 2 invalid fields.");
    expect(joinList(["a", "b", "c"], "fr")).toBe("a, b ou c");
    expect(joinList(["a", "b"], "en")).toBe("a or b");
    expect(
      fieldError("collectivite.level", "level_mismatch", "field.level_mismatch", {
        code: "region:32",
        name: "Hauts-de-France",
        is: "region",
        sent: "departement",
      }).fr,
    ).toBe("Le code region:32 désigne une région (Hauts-de-France), pas un département.");
  });

  it("builds domain errors from a code and a key", () => {
    const e = DomainError.conflict("profile.not_pending", { status: "draft" });
    expect(e.code).toBe("conflict");
    expect(e.detail.fr).toContain("draft");
    expect(e.message).toBe(e.detail.en);
  });
});
