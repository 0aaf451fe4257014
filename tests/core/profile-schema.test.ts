import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.js";
import { bareFrenchCandidates, canonicalFrenchCode, parseRefCode } from "../../src/core/reference-codes.js";
import { ProfileInputSchema, toPublicProfile, type Profile } from "../../src/core/schemas/profile.js";
import { toSearchDocument } from "../../src/core/services/indexing.js";
import { parseOrThrow } from "../../src/core/validation.js";
import { normalizeName } from "../../src/core/text.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";

function fieldsOf(raw: unknown) {
  try {
    parseOrThrow(ProfileInputSchema, raw);
  } catch (err) {
    if (err instanceof DomainError) return err.fields;
    throw err;
  }
  throw new Error("expected a validation error");
}

const meta = {
  id: "p1",
  status: "published" as const,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  publishedAt: null,
  expiresAt: null,
  ownerId: null,
};

describe("profile schemas", () => {
  it("accepts a planche and a partner profile, filling defaults", () => {
    const p = parseOrThrow(ProfileInputSchema, plancheInput());
    expect(p.side).toBe("mali");
    const q = parseOrThrow(ProfileInputSchema, partnerInput());
    expect(q.side === "partner" && q.capacity.budgetBand).toBe("unknown");
  });

  it("names every bad field, in French and English", () => {
    const fields = fieldsOf(
      plancheInput({
        priorities: [{ sector: "astrology", aspect: "x" }],
        contact: { name: "A", email: "not-an-email" },
        colour: "blue",
      }),
    );
    const byField = new Map(fields.map((f) => [f.field, f]));
    expect([...byField.keys()]).toEqual(
      expect.arrayContaining([
        "priorities.0.sector",
        "priorities.0.aspect",
        "contact.email",
        "contact.name",
        "colour",
      ]),
    );
    for (const f of fields) {
      expect(f.fr.length).toBeGreaterThan(3);
      expect(f.en.length).toBeGreaterThan(3);
      expect(f.fr).not.toBe(f.en);
    }
    expect(byField.get("contact.email")?.fr).toMatch(/e-mail/);
  });

  it("requires a side and at least one priority", () => {
    expect(fieldsOf({ collectivite: {} }).map((f) => f.field)).toContain("side");
    expect(fieldsOf(plancheInput({ priorities: [] })).map((f) => f.field)).toContain("priorities");
  });

  it("bounds text lengths", () => {
    const fields = fieldsOf(plancheInput({ presentation: "x".repeat(5000) }));
    expect(fields[0]?.field).toBe("presentation");
    expect(fields[0]?.en).toMatch(/at most 4000/);
  });

  it("keeps contact data out of the public view and the search document", () => {
    const input = parseOrThrow(ProfileInputSchema, partnerInput());
    const profile = { ...input, ...meta } as Profile;
    const pub = JSON.stringify(toPublicProfile(profile));
    const doc = JSON.stringify(toSearchDocument(profile));
    for (const out of [pub, doc]) {
      expect(out).not.toContain("ri.test@example.org");
      expect(out).not.toContain("Service relations internationales");
      expect(out).not.toContain('"contact"');
    }
    expect(JSON.stringify(profile)).toContain("ri.test@example.org");
  });
});

describe("normalizeName", () => {
  it("ignores accents, case and punctuation", () => {
    expect(normalizeName("Ségou")).toBe("segou");
    expect(normalizeName("  Nioro-du-Sahel ")).toBe("nioro du sahel");
    expect(normalizeName("L'Abergement-Clémenciat")).toBe("l abergement clemenciat");
  });
});

describe("canonical reference codes", () => {
  it("parse every kind, and nothing bare or odd", () => {
    expect(parseRefCode("ML0504")).toMatchObject({ scheme: "ml-2009", level: "cercle" });
    expect(parseRefCode("ML09")).toMatchObject({ level: "region" });
    expect(parseRefCode("ML010701")).toMatchObject({ level: "commune" });
    expect(parseRefCode("ml-region-2023:15")).toMatchObject({ scheme: "ml-region-2023", local: "15" });
    expect(parseRefCode("commune:2A004")).toMatchObject({ scheme: "fr", level: "commune", local: "2A004" });
    expect(parseRefCode("epci:200054781")?.level).toBe("epci");
    expect(parseRefCode("departement:971")?.level).toBe("departement");
    expect(parseRefCode("region:32")?.level).toBe("region");
    for (const bad of [
      "32",
      "93048",
      "commune:32",
      "constructor:1",
      "toString:93048",
      "ML5",
      "departement:",
    ]) {
      expect(parseRefCode(bad), bad).toBeNull();
    }
    expect(bareFrenchCandidates("32")).toEqual(["departement:32", "region:32"]);
    expect(canonicalFrenchCode("91", "departement")).toBe("departement:91");
    expect(canonicalFrenchCode("region:11", "region")).toBe("region:11");
  });
});
