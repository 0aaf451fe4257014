/**
 * One code per collectivité, the same string everywhere: what the reference API returns,
 * what the profile API accepts, what the ties carry and what the search index holds.
 *
 * - Mali, 2009 map: the OCHA P-code, whose length gives the level: `ML01` (région, or the
 *   District de Bamako `ML09`), `ML0107` (cercle), `ML010701` (commune).
 * - Mali, 2023 régions: `ml-region-2023:<code>`, where `<code>` is the région's number in
 *   the 2023 law or, where no text gives one, a slug of its name.
 * - France: the kind, a colon, then the INSEE code (commune, département, région) or the
 *   SIREN (EPCI): `commune:75056`, `epci:200054781`, `departement:32`, `region:32`. The kind
 *   is part of the code because INSEE reuses numbers across kinds ("32" is both the Gers
 *   and Hauts-de-France).
 *
 * Zod-free and pure, so that the web application can import it too.
 */

export const FRENCH_KINDS = ["commune", "epci", "departement", "region"] as const;
export type FrenchKind = (typeof FRENCH_KINDS)[number];

export type RefScheme = "ml-2009" | "ml-region-2023" | "fr";

export interface ParsedRefCode {
  scheme: RefScheme;
  /** The collectivité's level, implied by the code. */
  level: "commune" | "cercle" | "region" | "epci" | "departement";
  /** The code without its kind: INSEE, SIREN, P-code or 2023 région number. */
  local: string;
  /** The canonical code itself. */
  code: string;
}

const FRENCH_LOCAL: Record<FrenchKind, RegExp> = {
  commune: /^(?:\d{5}|2[AB]\d{3})$/,
  epci: /^\d{9}$/,
  departement: /^(?:\d{2,3}|2[AB])$/,
  region: /^\d{2,3}$/,
};
const MALI_PCODE = /^ML\d{2}(?:\d{2}(?:\d{2})?)?$/;
const MALI_2023 = /^ml-region-2023:[0-9a-z][0-9a-z-]{0,39}$/;
export const ML_REGION_2023_PREFIX = "ml-region-2023:";

/** The scheme as one regular expression, for the OpenAPI document. */
export const REF_CODE_PATTERN =
  "^(?:ML\\d{2}(?:\\d{2}(?:\\d{2})?)?|ml-region-2023:[0-9a-z][0-9a-z-]{0,39}|commune:(?:\\d{5}|2[AB]\\d{3})|epci:\\d{9}|departement:(?:\\d{2,3}|2[AB])|region:\\d{2,3})$";

export const REF_CODE_DESCRIPTION =
  "Canonical reference code. Mali (2009 map): the OCHA P-code, ML01 (région), ML0107 (cercle), ML010701 (commune); Mali (2023 régions): ml-region-2023:<number>; France: <kind>:<INSEE or SIREN> with kind commune, epci, departement or region (commune:75056, epci:200054781, departement:32, region:32). Bare French codes are refused: INSEE numbers repeat across kinds.";

const isFrenchKind = (k: string): k is FrenchKind => (FRENCH_KINDS as readonly string[]).includes(k);

const maliLevel = (pcode: string): ParsedRefCode["level"] =>
  pcode.length === 4 ? "region" : pcode.length === 6 ? "cercle" : "commune";

/** Parse a canonical code; anything else (a bare "32", a typo) gives null. */
export function parseRefCode(code: string): ParsedRefCode | null {
  if (MALI_PCODE.test(code)) return { scheme: "ml-2009", level: maliLevel(code), local: code, code };
  if (MALI_2023.test(code)) {
    return {
      scheme: "ml-region-2023",
      level: "region",
      local: code.slice(ML_REGION_2023_PREFIX.length),
      code,
    };
  }
  const colon = code.indexOf(":");
  if (colon < 0) return null;
  const kind = code.slice(0, colon);
  const local = code.slice(colon + 1);
  if (!isFrenchKind(kind) || !FRENCH_LOCAL[kind].test(local)) return null;
  return { scheme: "fr", level: kind, local, code };
}

export const isRefCode = (code: string) => parseRefCode(code) !== null;

export function frenchCode(kind: FrenchKind, local: string): string {
  return `${kind}:${local}`;
}

/** The INSEE/SIREN number or P-code a person reads ("91" for `departement:91`). */
export function localCode(code: string): string {
  return parseRefCode(code)?.local ?? code;
}

/**
 * The canonical codes a bare French number could mean, in the order people usually mean
 * them: "32" → departement:32, region:32; "93048" → commune:93048. Empty when the string
 * cannot be a French code.
 */
export function bareFrenchCandidates(bare: string): string[] {
  const b = bare.trim().toUpperCase();
  const kinds: FrenchKind[] = ["commune", "epci", "departement", "region"];
  return kinds.filter((k) => FRENCH_LOCAL[k].test(b)).map((k) => frenchCode(k, b));
}

/**
 * Make a stored or imported code canonical, given the kind it was resolved as: older data
 * held French codes bare. Returns null when the result is still not canonical.
 */
export function canonicalFrenchCode(code: string | null | undefined, kind: string): string | null {
  if (!code) return null;
  if (isRefCode(code)) return code;
  if (!isFrenchKind(kind)) return null;
  const c = frenchCode(kind, code.trim().toUpperCase());
  return isRefCode(c) ? c : null;
}
