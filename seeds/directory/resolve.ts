/**
 * Link the two sides of a tie to reference data. Pure functions: the lookup tables (Mali's
 * 2009 collectivités, the French découpage administratif) are passed in by the build script.
 *
 * The directory dates from 2008; French codes are today's, so a 2008 région or
 * intercommunalité is linked to the body that absorbed it (see OLD_REGIONS, resolveEpci).
 */
import { normalizeName } from "../../src/core/text.js";
import { editDistance, looseKey } from "./parse-directory.js";

// ---------------------------------------------------------------------------
// Mali

export type MaliLevel = "region" | "cercle" | "commune";

export interface MaliUnit {
  level: MaliLevel;
  pcode: string;
  name: string;
  name_ascii?: string | null;
  cercle?: string | null;
  region?: string | null;
  population_2009?: number | null;
}

export interface MaliIndex {
  units: readonly MaliUnit[];
  byKey: ReadonlyMap<string, readonly MaliUnit[]>;
  /** Cercle and région names (normalized, with short aliases such as "nioro") → display name. */
  cercleNames: ReadonlyMap<string, string>;
  regionNames: ReadonlyMap<string, string>;
  district: MaliUnit | null;
}

export interface MalianQuery {
  name: string;
  altNames?: readonly string[];
  /** Free texts naming cercles/régions/communes ("Cercle de Koutiala/Région de Sikasso"). */
  locations?: readonly string[];
  communeHint?: string | null;
  /** Collectivités listed together with this one; their cercle is a hint. */
  siblings?: readonly string[];
}

export interface MalianMatch {
  unit: MaliUnit;
  /** "location": the named place is a village, linked to the commune the fiche gives. */
  via: "name" | "location";
}

export type MalianResult = { match: MalianMatch; ambiguous: false } | { match: null; ambiguous: boolean };

const LEVEL_RANK: Record<MaliLevel, number> = { commune: 0, cercle: 1, region: 2 };

function addKey(map: Map<string, MaliUnit[]>, key: string, unit: MaliUnit): void {
  if (!key) return;
  const list = map.get(key);
  if (!list) map.set(key, [unit]);
  else if (!list.includes(unit)) list.push(unit);
}

export function buildMaliIndex(units: readonly MaliUnit[]): MaliIndex {
  const byKey = new Map<string, MaliUnit[]>();
  const cercleNames = new Map<string, string>();
  const regionNames = new Map<string, string>();
  const district =
    units.find((u) => u.level === "region" && normalizeName(u.name).includes("bamako")) ?? null;
  for (const u of units) {
    for (const n of [u.name, u.name_ascii ?? ""]) {
      const key = normalizeName(n);
      addKey(byKey, key, u);
      // Urban communes are named "Koutiala Commune", "Mopti Commune": the town name alone finds them.
      if (u.level === "commune" && key.endsWith(" commune"))
        addKey(byKey, key.slice(0, -" commune".length), u);
      // Bamako's six communes: "Bamako Commune V", "Commune V de Bamako".
      if (u.level === "commune" && normalizeName(u.cercle ?? "") === "bamako") {
        addKey(byKey, `bamako ${key}`, u);
        addKey(byKey, `${key} de bamako`, u);
        addKey(byKey, `${key} du district de bamako`, u);
      }
      if (u.level === "cercle") cercleNames.set(key, u.name);
      if (u.level === "region") regionNames.set(key, u.name);
    }
  }
  // Short aliases of multi-word cercles ("Nioro du Sahel" → "nioro") when unambiguous.
  const firstWords = new Map<string, string[]>();
  for (const u of units.filter((x) => x.level === "cercle")) {
    const w = normalizeName(u.name).split(" ");
    if (w.length > 1 && (w[0] ?? "").length >= 4)
      firstWords.set(w[0] ?? "", [...(firstWords.get(w[0] ?? "") ?? []), u.name]);
  }
  for (const [w, names] of firstWords)
    if (names.length === 1 && !cercleNames.has(w)) cercleNames.set(w, names[0] ?? "");
  return { units, byKey, cercleNames, regionNames, district };
}

interface Label {
  level: MaliLevel | "village" | null;
  core: string;
}

/** Level markers of a Malian name: "Cercle de X", "Assemblée régionale de X", "X (commune)"… */
export function parseMalianLabel(name: string): Label {
  let n = normalizeName(name.replace(/\([^)]*\d[^)]*\)/g, " "));
  const suffix = n.match(/^(.+?) (commune rurale|commune|conseil communal|cercle|region|district)$/);
  let level: Label["level"] = null;
  if (suffix) {
    n = suffix[1] ?? n;
    const s = suffix[2] ?? "";
    level = s === "cercle" ? "cercle" : s === "region" ? "region" : s === "district" ? null : "commune";
  }
  const prefixes: ReadonlyArray<[RegExp, Label["level"]]> = [
    [/^(?:mairie du district|district) (?:de )?/, null],
    [/^(?:assemblee regionale|conseil regional|gouvernorat de la region|region) (?:de |du |d )?/, "region"],
    [/^(?:conseil de cercle|cercle) (?:de |du |d )?/, "cercle"],
    [/^(?:commune rurale|commune urbaine|conseil communal|commune|mairie|ville) (?:de |du |d )?/, "commune"],
    [/^village (?:de |du |d )?/, "village"],
  ];
  for (const [re, l] of prefixes) {
    if (re.test(n)) {
      // "Commune de Bamako Commune V" style doubles are not in the source; one prefix is enough.
      n = n.replace(re, "");
      level = l ?? level;
      break;
    }
  }
  return { level, core: n.trim() };
}

interface Hints {
  cercles: Set<string>;
  regions: Set<string>;
  communes: string[];
}

function hasPhrase(text: string, phrase: string): number {
  const re = new RegExp(`(?:^| )${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?= |$)`);
  const m = re.exec(text);
  return m ? m.index : -1;
}

/** Cercles, régions and communes named in the location texts of a fiche or annex table. */
export function extractMaliHints(texts: readonly string[], index: MaliIndex): Hints {
  const cercles = new Set<string>();
  const regions = new Set<string>();
  const communes: string[] = [];
  for (const raw of texts) {
    const t = normalizeName(raw);
    if (!t) continue;
    for (const [key, name] of index.regionNames) {
      const at = hasPhrase(t, key);
      if (at >= 0 && !t.slice(0, at).endsWith("cercle de ")) regions.add(name);
    }
    for (const [key, name] of index.cercleNames) {
      const at = hasPhrase(t, key);
      if (at >= 0 && !t.slice(0, at).endsWith("region de ") && !t.slice(0, at).endsWith("region "))
        cercles.add(name);
    }
    if (t.includes("bamako") && index.district) regions.add(index.district.name);
    for (const m of t.matchAll(/(?:^| )commune (?:de |du |d )?([a-z' ]+?)(?= cercle| region| \/|$)/g)) {
      if (m[1]) communes.push(m[1]);
    }
  }
  return { cercles, regions, communes };
}

function hintScore(u: MaliUnit, hints: Hints): number {
  const cercle = u.level === "cercle" ? u.name : (u.cercle ?? "");
  const region = u.level === "region" ? u.name : (u.region ?? "");
  return (hints.cercles.has(cercle) ? 2 : 0) + (hints.regions.has(region) ? 1 : 0);
}

const compact = (s: string) => s.replace(/ /g, "");

type NameResult = { unit: MaliUnit | null; ambiguous: boolean };

function matchCore(core: string, level: Label["level"], hints: Hints, index: MaliIndex): NameResult {
  if (!core) return { unit: null, ambiguous: false };
  // The District is both the région and the city: a bare "Bamako" is the District.
  if (core === "bamako" && level !== "cercle" && level !== "commune" && index.district)
    return { unit: index.district, ambiguous: false };
  const wanted: MaliLevel | null = level === "village" ? "commune" : level;
  let scored: Array<{ u: MaliUnit; dist: number }> = (index.byKey.get(core) ?? []).map((u) => ({
    u,
    dist: 0,
  }));
  if (scored.length === 0 && compact(core).length >= 6) {
    // Misspellings of the source ("Troumgoumbé", "Djéloubou"): one edit anywhere, two only
    // inside a cercle the fiche names (a région is too wide: "Somadougou" is not "Madougou").
    const c = compact(core);
    for (const [key, units] of index.byKey) {
      const d = editDistance(c, compact(key));
      if (d > 2) continue;
      for (const u of units) if (d <= 1 || hintScore(u, hints) >= 2) scored.push({ u, dist: d });
    }
  }
  if (wanted) scored = scored.filter((s) => s.u.level === wanted);
  if (scored.length === 0) return { unit: null, ambiguous: false };
  const rank = (s: { u: MaliUnit; dist: number }): [number, number, number] => [
    s.dist,
    wanted ? 0 : LEVEL_RANK[s.u.level],
    -hintScore(s.u, hints),
  ];
  scored.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
  });
  const [first, second] = scored;
  if (!first) return { unit: null, ambiguous: false };
  if (second && second.u !== first.u && rank(second).join() === rank(first).join())
    return { unit: null, ambiguous: true };
  return { unit: first.u, ambiguous: false };
}

/** Name variants to try: the whole name, then its parts ("Niamana-Mourdiah", "Sio, secteur de …"). */
function variants(name: string): Label[] {
  const whole = parseMalianLabel(name);
  const out: Label[] = [whole];
  const stripped = name.replace(/\(.*?\)/g, " ");
  const parts = stripped.split(/\s*[,–—]\s*|\s+-\s*|\s*-\s+|-/).filter((p) => p.trim());
  if (parts.length > 1)
    for (const p of parts)
      out.push({
        ...parseMalianLabel(p),
        level: whole.level === "village" ? "village" : parseMalianLabel(p).level,
      });
  return out;
}

export function resolveMalian(query: MalianQuery, index: MaliIndex, depth = 0): MalianResult {
  const texts = [...(query.locations ?? []), ...(query.communeHint ? [`commune ${query.communeHint}`] : [])];
  const hints = extractMaliHints(texts, index);
  if (depth === 0) {
    for (const s of query.siblings ?? []) {
      const r = resolveMalian({ name: s, locations: query.locations ?? [] }, index, 1);
      if (r.match && r.match.unit.level === "commune" && r.match.unit.cercle)
        hints.cercles.add(r.match.unit.cercle);
    }
  }
  let ambiguous = false;
  for (const candidate of [query.name, ...(query.altNames ?? [])]) {
    for (const v of variants(candidate)) {
      const r = matchCore(v.core, v.level, hints, index);
      if (r.unit) return { match: { unit: r.unit, via: "name" }, ambiguous: false };
      ambiguous ||= r.ambiguous;
    }
  }
  // A village or sector: link to the commune the fiche names, if it is found near the hints.
  const found = new Set<MaliUnit>();
  for (const c of hints.communes) {
    const r = matchCore(normalizeName(c), "commune", hints, index);
    if (r.unit) found.add(r.unit);
  }
  const [only] = found;
  if (found.size === 1 && only) return { match: { unit: only, via: "location" }, ambiguous: false };
  return { match: null, ambiguous };
}

// ---------------------------------------------------------------------------
// France

export type FrenchKind = "commune" | "epci" | "departement" | "region" | "other";

export interface FrCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  region?: string;
  population?: number;
  chefLieu?: string;
}
export interface FrDepartement {
  code: string;
  nom: string;
  region: string;
}
export interface FrRegion {
  code: string;
  nom: string;
}
export interface FrEpci {
  code: string;
  nom: string;
  type?: string;
  populationTotale?: number;
  membres: ReadonlyArray<{ code: string; nom: string }>;
}

export interface FranceData {
  communes: readonly FrCommune[];
  departements: readonly FrDepartement[];
  regions: readonly FrRegion[];
  epci: readonly FrEpci[];
}

/**
 * Régions of 2008 and the région that absorbed them in 2016 (loi NOTRe), plus the
 * abbreviations the fiches use.
 */
export const OLD_REGIONS: Readonly<Record<string, string>> = {
  Alsace: "44",
  Aquitaine: "75",
  Auvergne: "84",
  "Basse-Normandie": "28",
  Bourgogne: "27",
  Centre: "24",
  "Champagne-Ardenne": "44",
  "Franche-Comté": "27",
  "Haute-Normandie": "28",
  "Languedoc-Roussillon": "76",
  Limousin: "75",
  Lorraine: "44",
  "Midi-Pyrénées": "76",
  "Nord-Pas-de-Calais": "32",
  Picardie: "32",
  "Poitou-Charentes": "75",
  "Rhône-Alpes": "84",
  IDF: "11",
  PACA: "93",
};

export interface FranceIndex {
  communesByKey: ReadonlyMap<string, readonly FrCommune[]>;
  communesByCode: ReadonlyMap<string, FrCommune>;
  departementsByKey: ReadonlyMap<string, FrDepartement>;
  departementsByCode: ReadonlyMap<string, FrDepartement>;
  regionsByKey: ReadonlyMap<string, string>;
  regionsByCode: ReadonlyMap<string, FrRegion>;
  epciByCore: ReadonlyMap<string, readonly FrEpci[]>;
  epciByCommune: ReadonlyMap<string, FrEpci>;
  /** Département and région names (current and 2008), for the annex parser. */
  areaNames: readonly string[];
}

const EPCI_TYPE_WORDS =
  /^(?:communaute d agglomeration|communaute de communes|communaute urbaine|syndicat d agglomeration nouvelle|metropole|san|ca|cc|cu|c u)\b|\bmetropole$/g;

/** Core of an intercommunality name: type words and articles removed ("CA du Bassin d'Aurillac" → "bassin aurillac"). */
export function epciCore(name: string): string {
  let n = normalizeName(name).replace(/\([^)]*\)/g, " ");
  n = n.replace(EPCI_TYPE_WORDS, " ").replace(/ metropole /g, " ");
  return looseKey(n);
}

export function buildFranceIndex(data: FranceData): FranceIndex {
  const communesByKey = new Map<string, FrCommune[]>();
  const communesByCode = new Map<string, FrCommune>();
  for (const c of data.communes) {
    if (c.type === "arrondissement-municipal") continue;
    if (c.type === "commune-actuelle") communesByCode.set(c.code, c);
    const key = looseKey(c.nom);
    const list = communesByKey.get(key);
    if (list) list.push(c);
    else communesByKey.set(key, [c]);
  }
  const departementsByKey = new Map<string, FrDepartement>();
  const departementsByCode = new Map<string, FrDepartement>();
  for (const d of data.departements) {
    departementsByKey.set(looseKey(d.nom), d);
    departementsByCode.set(d.code, d);
  }
  const regionsByKey = new Map<string, string>();
  const regionsByCode = new Map<string, FrRegion>();
  for (const r of data.regions) {
    regionsByKey.set(looseKey(r.nom), r.code);
    regionsByCode.set(r.code, r);
  }
  for (const [name, code] of Object.entries(OLD_REGIONS)) regionsByKey.set(looseKey(name), code);
  const epciByCore = new Map<string, FrEpci[]>();
  const epciByCommune = new Map<string, FrEpci>();
  for (const e of data.epci) {
    const core = epciCore(e.nom);
    for (const k of new Set([core, core.replace(/^grand /, "")])) {
      const list = epciByCore.get(k);
      if (list) list.push(e);
      else epciByCore.set(k, [e]);
    }
    for (const m of e.membres) epciByCommune.set(m.code, e);
  }
  const areaNames = [
    ...data.departements.map((d) => d.nom),
    ...data.regions.map((r) => r.nom),
    ...Object.keys(OLD_REGIONS),
  ];
  return {
    communesByKey,
    communesByCode,
    departementsByKey,
    departementsByCode,
    regionsByKey,
    regionsByCode,
    epciByCore,
    epciByCommune,
    areaNames,
  };
}

/** What a French name designates, from its wording. */
export function classifyFrenchKind(name: string): FrenchKind {
  const n = normalizeName(name);
  if (/\b(?:association|asso|federation|aimf|amis du jumelage|ong)\b/.test(n)) return "other";
  if (/^(?:conseil general|conseil departemental|cg|departement)\b/.test(n)) return "departement";
  if (/^(?:conseil regional|cr|region)\b/.test(n)) return "region";
  if (
    /^(?:communaute|ca|cc|cu|c u|san|syndicat d agglomeration|metropole)\b/.test(n) ||
    /^(?:le )?grand [a-z]+$/.test(n)
  )
    return "epci";
  return "commune";
}

export interface AreaHints {
  departements: Set<string>;
  regions: Set<string>;
}

/** Départements and régions named in free texts ("Essonne / IDF", "Indre et Loire (37)", "93/Ile-de-France"). */
export function extractAreaHints(
  texts: readonly string[],
  postcodes: readonly string[],
  index: FranceIndex,
): AreaHints {
  const departements = new Set<string>();
  const regions = new Set<string>();
  for (const text of texts) {
    const words = normalizeName(text).split(" ").filter(Boolean);
    for (let i = 0; i < words.length; ) {
      let consumed = 0;
      for (let k = Math.min(6, words.length - i); k >= 1 && consumed === 0; k--) {
        const key = looseKey(words.slice(i, i + k).join(" "));
        if (!key) continue;
        const d = index.departementsByKey.get(key);
        const r = index.regionsByKey.get(key);
        if (d) departements.add(d.code);
        else if (r) regions.add(r);
        if (d || r) consumed = k;
      }
      i += consumed || 1;
    }
    for (const m of text.matchAll(/(?<![\d\p{L}])(\d{2}|2[AB])(?![\d\p{L}])/gu)) {
      if (m[1] && index.departementsByCode.has(m[1])) departements.add(m[1]);
    }
  }
  // A postcode is a weaker hint: only used when the texts name no département.
  if (departements.size === 0) {
    for (const p of postcodes) {
      const code = p.startsWith("97") ? p.slice(0, 3) : p.slice(0, 2);
      if (index.departementsByCode.has(code)) departements.add(code);
    }
  }
  return { departements, regions };
}

export interface FrenchQuery {
  name: string;
  altNames?: readonly string[];
  areas?: readonly string[];
  postcodes?: readonly string[];
}

export interface FrenchMatch {
  kind: FrenchKind;
  code: string;
  refName: string;
  departementCode: string | null;
  regionCode: string | null;
  population: number | null;
  /** For communes and intercommunalities: the (seat) commune, used to merge "Bordeaux" with "CU de Bordeaux". */
  seatCommune: string | null;
  /**
   * Identity for deduplication. Usually kind and code; for a 2008 région it is its 2008 name,
   * since Auvergne and Rhône-Alpes now share one code but were distinct partners.
   */
  identity: string;
}

export interface FrenchResult {
  kind: FrenchKind;
  match: FrenchMatch | null;
  hints: AreaHints;
  ambiguous: boolean;
}

function currentCommune(c: FrCommune, index: FranceIndex): FrCommune {
  if (c.type === "commune-actuelle") return c;
  return (c.chefLieu && index.communesByCode.get(c.chefLieu)) || index.communesByCode.get(c.code) || c;
}

interface PickedCommune {
  commune: FrCommune | null;
  /** The name found is a former commune, merged into `commune`. */
  merged: boolean;
  ambiguous: boolean;
}

function pickCommune(name: string, hints: AreaHints, index: FranceIndex): PickedCommune {
  const key = looseKey(name.replace(/\(\s*\d+\s*\)/g, " "));
  if (!key) return { commune: null, merged: false, ambiguous: false };
  let candidates = [...(index.communesByKey.get(key) ?? [])];
  const inDept = (c: FrCommune) => hints.departements.size > 0 && hints.departements.has(c.departement ?? "");
  if (!candidates.some(inDept) && hints.departements.size > 0) {
    // Near the hinted département only: a one-letter typo ("Brou-sur-Chanteraine") or a merged
    // commune whose new name contains the old one ("Évry" → "Évry-Courcouronnes"). These beat
    // an exact namesake in another département.
    const near: FrCommune[] = [];
    for (const [k, list] of index.communesByKey) {
      if (editDistance(compact(k), compact(key)) <= 1 || ` ${k} `.includes(` ${key} `))
        near.push(...list.filter(inDept));
    }
    if (near.length > 0) candidates = near;
  }
  if (hints.departements.size > 0 && candidates.some(inDept)) candidates = candidates.filter(inDept);
  else if (hints.regions.size > 0 && candidates.some((c) => hints.regions.has(c.region ?? "")))
    candidates = candidates.filter((c) => hints.regions.has(c.region ?? ""));
  const current = candidates.filter((c) => c.type === "commune-actuelle");
  if (current.length > 0) candidates = current;
  const merged = candidates.every((c) => c.type !== "commune-actuelle" || looseKey(c.nom) !== key);
  const unique = [
    ...new Map(candidates.map((c) => [currentCommune(c, index).code, currentCommune(c, index)])).values(),
  ];
  if (unique.length === 1)
    return { commune: unique[0] ?? null, merged: merged && current.length === 0, ambiguous: false };
  if (unique.length === 0) return { commune: null, merged: false, ambiguous: false };
  // Homonyms and no usable hint: accept a town that dwarfs its namesakes (Montreuil 93 vs villages).
  unique.sort((a, b) => (b.population ?? 0) - (a.population ?? 0));
  const [a, b] = unique;
  if (a && b && (a.population ?? 0) >= 10 * Math.max(1, b.population ?? 0))
    return { commune: a, merged: false, ambiguous: false };
  return { commune: null, merged: false, ambiguous: true };
}

function communeMatch(c: FrCommune, merged: boolean): FrenchMatch {
  return {
    kind: "commune",
    code: c.code,
    refName: c.nom,
    departementCode: c.departement ?? null,
    regionCode: c.region ?? null,
    // A 2008 commune since merged into a larger one: today's population is not its own.
    population: merged ? null : (c.population ?? null),
    seatCommune: c.code,
    identity: `commune:${c.code}`,
  };
}

function resolveDepartement(name: string, index: FranceIndex): FrenchMatch | null {
  const core = normalizeName(name).replace(/^(?:conseil general|conseil departemental|cg|departement)\b/, "");
  const key = looseKey(core);
  let d = index.departementsByKey.get(key);
  if (!d) {
    const near = [...index.departementsByKey].filter(([k]) => editDistance(compact(k), compact(key)) <= 1);
    if (near.length === 1) d = near[0]?.[1];
  }
  if (!d) return null;
  return {
    kind: "departement",
    code: d.code,
    refName: d.nom,
    departementCode: d.code,
    regionCode: d.region,
    population: null,
    seatCommune: null,
    identity: `departement:${d.code}`,
  };
}

function resolveRegion(name: string, index: FranceIndex): FrenchMatch | null {
  const core = normalizeName(name).replace(/^(?:conseil regional|cr|region)\b/, "");
  const key = looseKey(core);
  let code = index.regionsByKey.get(key);
  let matchedKey = key;
  if (!code) {
    const near = [...index.regionsByKey].filter(([k]) => editDistance(compact(k), compact(key)) <= 1);
    if (near.length === 1) [matchedKey, code] = near[0] ?? [key, undefined];
  }
  const r = code ? index.regionsByCode.get(code) : undefined;
  if (!r) return null;
  return {
    kind: "region",
    code: r.code,
    refName: r.nom,
    departementCode: null,
    regionCode: r.code,
    population: null,
    seatCommune: null,
    identity: `region:${matchedKey}`,
  };
}

/**
 * An intercommunality by its name, else by its seat town: the 2008 "Communauté
 * d'agglomération d'Evry Centre Essonne" or "CC de Sainte-Maure-de-Touraine" no longer exist,
 * and the current EPCI that holds the seat town is their successor.
 */
function resolveEpci(name: string, hints: AreaHints, index: FranceIndex): FrenchMatch | null {
  const core = epciCore(name);
  if (!core) return null;
  const byName = [
    ...new Set([
      ...(index.epciByCore.get(core) ?? []),
      ...(index.epciByCore.get(core.replace(/^grand /, "")) ?? []),
    ]),
  ];
  let epci: FrEpci | undefined = byName.length === 1 ? byName[0] : undefined;
  // Seat town: the longest leading words of the name that are a commune ("Evry Centre
  // Essonne" → Évry). Generic first words ("Grand", "Pays", "Bassin") are not towns.
  const words = normalizeName(name.replace(/\([^)]*\)/g, " "))
    .replace(EPCI_TYPE_WORDS, " ")
    .split(" ")
    .filter((w) => w && !["de", "du", "des", "d", "la", "le", "les", "l"].includes(w));
  if (GENERIC_EPCI_WORDS.has(words[0] ?? "")) words.shift();
  let seat: FrCommune | null = null;
  for (let k = words.length; k >= 1 && !seat; k--) {
    const r = pickCommune(words.slice(0, k).join(" "), hints, index);
    const c = r.commune;
    if (!c) continue;
    // With a name match the seat must belong to it; without one, it must lie where the fiche says.
    const ok = epci
      ? epci.membres.some((m) => m.code === c.code)
      : hints.departements.size === 0 || hints.departements.has(c.departement ?? "");
    if (ok) seat = c;
  }
  if (!epci && seat) epci = index.epciByCommune.get(seat.code);
  if (!epci) return null;
  // Département and région of the intercommunality: those of most of its members.
  const count = new Map<string, number>();
  for (const m of epci.membres) {
    const d = index.communesByCode.get(m.code)?.departement;
    if (d) count.set(d, (count.get(d) ?? 0) + 1);
  }
  const dep = [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    kind: "epci",
    code: epci.code,
    refName: epci.nom,
    departementCode: dep,
    regionCode: dep ? (index.departementsByCode.get(dep)?.region ?? null) : null,
    population: epci.populationTotale ?? null,
    seatCommune: seat?.code ?? null,
    identity: `epci:${epci.code}`,
  };
}

const GENERIC_EPCI_WORDS = new Set([
  "grand",
  "pays",
  "bassin",
  "val",
  "vallee",
  "plaine",
  "coeur",
  "portes",
  "terres",
  "centre",
]);

function juxtaposedCommune(name: string, hints: AreaHints, index: FranceIndex): FrenchMatch | null {
  const words = name.split(/\s+/);
  const found = new Map<string, FrenchMatch>();
  for (let k = 1; k < words.length; k++) {
    for (const part of [words.slice(0, k).join(" "), words.slice(k).join(" ")]) {
      const exact = (index.communesByKey.get(looseKey(part)) ?? []).filter(
        (c) => c.type === "commune-actuelle" && hints.departements.has(c.departement ?? ""),
      );
      for (const c of exact) found.set(c.code, communeMatch(c, false));
    }
  }
  return found.size === 1 ? ([...found.values()][0] ?? null) : null;
}

export function resolveFrench(query: FrenchQuery, index: FranceIndex): FrenchResult {
  const hints = extractAreaHints(query.areas ?? [], query.postcodes ?? [], index);
  const kind = classifyFrenchKind(query.name);
  if (kind === "other") return { kind, match: null, hints, ambiguous: false };
  let ambiguous = false;
  for (const name of [query.name, ...(query.altNames ?? [])]) {
    const k = classifyFrenchKind(name);
    if (k !== kind) continue;
    let match: FrenchMatch | null = null;
    if (kind === "departement") match = resolveDepartement(name, index);
    else if (kind === "region") match = resolveRegion(name, index);
    else if (kind === "epci") {
      match = resolveEpci(name, hints, index);
      // "Grand X" may also be a plain commune name.
      if (!match && /^(?:le )?grand /i.test(normalizeName(name))) {
        const r = pickCommune(name, hints, index);
        if (r.commune) match = communeMatch(r.commune, r.merged);
      }
    } else {
      const cleaned = name.replace(/^(?:ville|commune|mairie) (?:de |d['’]\s*)/i, "");
      const r = pickCommune(cleaned, hints, index);
      if (r.commune) match = communeMatch(r.commune, r.merged);
      ambiguous ||= r.ambiguous;
      // "Saint Quentin en Yvelines" is an intercommunality named without its type.
      if (!match) {
        const byName = index.epciByCore.get(epciCore(cleaned)) ?? [];
        if (byName.length === 1) match = resolveEpci(cleaned, hints, index);
      }
      // "La Rochette Pontcharra": the annex runs two co-leading communes together; keep the
      // one that lies in the département given.
      if (!match && hints.departements.size > 0) match = juxtaposedCommune(cleaned, hints, index);
    }
    if (match) return { kind, match, hints, ambiguous: false };
  }
  return { kind, match: null, hints, ambiguous };
}
