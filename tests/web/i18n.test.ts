import { describe, expect, it } from "vitest";
import * as core from "../../src/core/schemas/introduction.js";
import { consoleEn } from "../../web/src/i18n/console/en.js";
import { consoleFr } from "../../web/src/i18n/console/fr.js";
import { en } from "../../web/src/i18n/en.js";
import { fr } from "../../web/src/i18n/fr.js";
import { initialLang, interpolate, placeholders, translate } from "../../web/src/i18n/translate.js";

describe("message catalogues", () => {
  it("have the same keys in French and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("have no empty message", () => {
    for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
      expect(value.trim().length, key).toBeGreaterThan(0);
    }
  });
});

describe("translate", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate(fr, "pagination.status", { page: 2, pages: 5 })).toBe("Page 2 sur 5");
    expect(translate(en, "pagination.status", { page: 2, pages: 5 })).toBe("Page 2 of 5");
    expect(interpolate("{a} et {b}", { a: "x" })).toBe("x et {b}");
  });

  it("starts in French unless English was chosen", () => {
    expect(initialLang(null)).toBe("fr");
    expect(initialLang("de")).toBe("fr");
    expect(initialLang("en")).toBe("en");
  });
});

describe("console catalogue (signed-in pages and staff console)", () => {
  it("has the same keys and placeholders in French and English, and no empty message", () => {
    expect(Object.keys(consoleEn).sort()).toEqual(Object.keys(consoleFr).sort());
    for (const key of Object.keys(consoleFr) as (keyof typeof consoleFr)[]) {
      expect(placeholders(consoleEn[key]), key).toEqual(placeholders(consoleFr[key]));
      expect(consoleFr[key].trim().length, key).toBeGreaterThan(0);
      expect(consoleEn[key].trim().length, key).toBeGreaterThan(0);
    }
  });

  it("names every phase, answer and outbox status the API can send", () => {
    for (const p of core.PHASES) expect(consoleFr).toHaveProperty(`phase.${p}`);
    for (const a of ["pending", "accepted", "declined"]) expect(consoleFr).toHaveProperty(`answer.${a}`);
    for (const s of ["sent", "pending", "failed"]) expect(consoleFr).toHaveProperty(`outbox.status.${s}`);
  });

  it("shares no key with the main catalogue (one text, one place)", () => {
    const main = new Set(Object.keys(fr));
    expect(Object.keys(consoleFr).filter((k) => main.has(k))).toEqual([]);
  });
});
