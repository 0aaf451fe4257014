import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/core/errors.js";
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
