import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ProfileInputSchema } from "../../src/core/schemas/profile.js";

interface RawProfile {
  side?: string;
  collectivite?: { refCode?: string; name?: string; country?: string };
  contact?: { email?: string };
}

const demo = JSON.parse(
  readFileSync(new URL("../../seeds/demo/demo-profiles.json", import.meta.url), "utf8"),
) as { source: string; profiles: RawProfile[] };

const mali = JSON.parse(
  readFileSync(new URL("../../seeds/mali/mali-admin-2009.json", import.meta.url), "utf8"),
) as { units: { pcode: string; name: string }[] };

describe("demo profiles", () => {
  it("has a provenance sentence", () => {
    expect(demo.source.length).toBeGreaterThan(40);
  });

  it("parses every profile with ProfileInputSchema", () => {
    const failures: string[] = [];
    demo.profiles.forEach((raw, index) => {
      const r = ProfileInputSchema.safeParse(raw);
      if (!r.success) {
        failures.push(
          `#${index} (${raw.collectivite?.name ?? "?"}): ${JSON.stringify(r.error.issues, null, 2)}`,
        );
      }
    });
    expect(failures, failures.join("\n")).toEqual([]);
  });

  it("has enough profiles on each side and partners from several countries", () => {
    const maliSide = demo.profiles.filter((p) => p.side === "mali");
    const partnerSide = demo.profiles.filter((p) => p.side === "partner");
    expect(maliSide.length).toBeGreaterThanOrEqual(40);
    expect(partnerSide.length).toBeGreaterThanOrEqual(30);
    const countries = new Set(partnerSide.map((p) => p.collectivite?.country?.toUpperCase()));
    expect(countries.size).toBeGreaterThanOrEqual(5);
  });

  it("uses Malian refCodes that exist in the reference file with the same name", () => {
    const byCode = new Map(mali.units.map((u) => [u.pcode, u.name]));
    const wrong = demo.profiles
      .filter((p) => p.side === "mali" && p.collectivite?.refCode !== undefined)
      .filter((p) => byCode.get(p.collectivite?.refCode ?? "") !== p.collectivite?.name)
      .map((p) => `${p.collectivite?.refCode} ${p.collectivite?.name}`);
    expect(wrong).toEqual([]);
  });

  it("has unique, fictitious contact e-mails", () => {
    const emails = demo.profiles.map((p) => p.contact?.email ?? "");
    expect(new Set(emails).size).toBe(emails.length);
    for (const e of emails) expect(e).toMatch(/(@example\.org|\.example)$/);
  });
});
