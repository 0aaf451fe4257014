import { describe, expect, it } from "vitest";
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
