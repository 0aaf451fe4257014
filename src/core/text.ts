/** Lower-case, strip accents and punctuation, collapse spaces: "Ségou " → "segou". */
export function normalizeName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[''`´]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Words of a text, normalized, without short stop words. */
export function tokens(value: string): string[] {
  return normalizeName(value)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

const STOP_WORDS = new Set([
  "les",
  "des",
  "une",
  "dans",
  "pour",
  "par",
  "sur",
  "avec",
  "aux",
  "the",
  "and",
  "for",
  "with",
  "est",
  "qui",
  "que",
  "son",
  "ses",
  "leur",
  "leurs",
  "nos",
  "notre",
  "vos",
  "votre",
  "commune",
  "cercle",
  "region",
]);
