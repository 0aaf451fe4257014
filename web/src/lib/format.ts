import type { Lang } from "./types.js";

const locale = (lang: Lang) => (lang === "fr" ? "fr-FR" : "en-GB");

/** Numbers with the language's grouping; a plain space in French (narrow no-break spaces wrap badly in old fonts). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n).replace(/\u202f/g, "\u00a0");
}

/** A share in [0, 1] as a whole percentage ("65 %" in French, "65%" in English). */
export function formatPercent(value: number, lang: Lang): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  return new Intl.NumberFormat(locale(lang), { style: "percent", maximumFractionDigits: 0 })
    .format(clamped)
    .replace(/\u202f/g, "\u00a0");
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(locale(lang), { day: "numeric", month: "long", year: "numeric" }).format(d);
}

/** "3 mars 2026 à 14:05" — for dated histories and the outbox. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function formatTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: "2-digit", minute: "2-digit" }).format(d);
}

/** "a, b et c" / "a, b and c". */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(locale(lang), { style: "long", type: "conjunction" }).format(items);
}

/** Country name from an ISO code, in the reader's language; the code itself if unknown. */
export function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([locale(lang)], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

const LANGUAGE_FALLBACK: Record<string, { fr: string; en: string }> = {
  snk: { fr: "soninké", en: "Soninke" },
  bm: { fr: "bambara", en: "Bambara" },
  ff: { fr: "peul", en: "Fula" },
  ses: { fr: "songhaï", en: "Songhay" },
  tmh: { fr: "tamasheq", en: "Tamasheq" },
  dgo: { fr: "dogon", en: "Dogon" },
};

/** Language name from an ISO 639 code: the browser's name when it has one, ours for Malian languages. */
export function languageName(code: string, lang: Lang): string {
  try {
    const name = new Intl.DisplayNames([locale(lang)], { type: "language", fallback: "none" }).of(code);
    if (name && name !== code) return name;
  } catch {
    // unknown or malformed code
  }
  return LANGUAGE_FALLBACK[code]?.[lang] ?? code;
}

/** Clip long text at a word boundary for cards. */
export function excerpt(text: string, max = 180): string {
  const t = text.trim().replace(/\s+/g, " ");
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
}
