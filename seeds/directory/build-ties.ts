/**
 * Dev-time CLI: parse the 2008 franco-malian directory, link both sides to reference data and
 * write seeds/directory/ties-2008.json (committed). The product never reads ../shared.
 *
 *   npx tsx seeds/directory/build-ties.ts [path-to-source]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import type { DomainCode } from "../../src/core/taxonomy.js";
import { canonicalFrenchCode } from "../../src/core/reference-codes.js";
import { normalizeName } from "../../src/core/text.js";
import {
  annexToRawTies,
  fichesToRawTies,
  frenchNameKey,
  malianNameKey,
  mergeTies,
  parseAnnex,
  parseDomainTable,
  parseFiches,
  parseUndocumented,
  slugify,
  sortDomains,
  tableDomainsFor,
  undocumentedToRawTies,
  type DocumentType,
  type MergedTie,
  type RawTie,
  type SourceKind,
} from "./parse-directory.js";
import {
  buildFranceIndex,
  buildMaliIndex,
  classifyFrenchKind,
  resolveFrench,
  resolveMalian,
  type FranceData,
  type FranceIndex,
  type FrenchKind,
  type FrenchResult,
  type MaliIndex,
  type MaliLevel,
  type MaliUnit,
  type MalianResult,
} from "./resolve.js";

const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), "../..");
const DEFAULT_SOURCE = "../shared/sources/004_71920aee3caff743.txt";
const OUTPUT = resolvePath(ROOT, "seeds/directory/ties-2008.json");

export interface TieOutput {
  id: string;
  french: {
    name: string;
    kind: FrenchKind;
    code: string | null;
    departement: string | null;
    region: string | null;
    population: number | null;
  };
  malian: {
    name: string;
    level: MaliLevel;
    pcode: string | null;
    cercle: string | null;
    region: string | null;
    population: number | null;
  };
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: DocumentType | null;
  domains: DomainCode[];
  sources: SourceKind[];
}

/**
 * Rows that are not ties between collectivités: French sides that are associations or
 * federations ("Essonne Sahel" is an association, as its fiche-side mentions show), and Figuig,
 * a Moroccan town listed with Seine-Saint-Denis in the undocumented list.
 */
const NON_COLLECTIVITE_FRENCH = /^(?:essonne sahel)$/;
const NON_MALIAN_PLACES = new Set(["figuig"]);

// ---------------------------------------------------------------------------
// Guard: nothing personal or copied may be written.

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ["e-mail", /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/],
  ["e-mail marker", /(?:^|\s)@\s*:/],
  ["URL", /https?:\/\/|www\.|\b[\w-]+\.(?:fr|org|com|net|ml|info|asso)\b(?!\.txt)/i],
  ["phone", /(?:\+|\b00)\s?\d{2,3}[\s.\-/]?\(?\d/],
  ["phone", /\b0\d(?:[\s.-]?\d{2}){4}\b/],
  ["phone", /\b\d{2,3}(?:[\s.]\d{2,3}){3,}\b/],
  ["phone label", /\b(?:t[ée]l|fax)\s*[:.]/i],
];

/** Throw if any string of the value looks like an e-mail, a URL or a phone number. */
export function assertNoContactData(value: unknown, path = "$"): void {
  if (typeof value === "string") {
    for (const [what, re] of FORBIDDEN) {
      if (re.test(value))
        throw new Error(
          `Refusing to write ${path}: looks like ${what}: ${JSON.stringify(value.slice(0, 12))}…`,
        );
    }
    if (value.length > 120)
      throw new Error(`Refusing to write ${path}: ${value.length} characters, longer than a name`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertNoContactData(v, `${path}[${i}]`);
    });
  } else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) assertNoContactData(v, `${path}.${k}`);
}

// ---------------------------------------------------------------------------

function loadJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

function loadFrance(): FranceData {
  const dir = resolvePath(ROOT, "node_modules/@etalab/decoupage-administratif/data");
  return {
    communes: loadJson(resolvePath(dir, "communes.json")),
    departements: loadJson(resolvePath(dir, "departements.json")),
    regions: loadJson(resolvePath(dir, "regions.json")),
    epci: loadJson(resolvePath(dir, "epci.json")),
  };
}

interface Resolved {
  tie: MergedTie;
  french: FrenchResult;
  malian: MalianResult;
}

function resolveTie(tie: MergedTie, fr: FranceIndex, ml: MaliIndex): Resolved {
  return {
    tie,
    french: resolveFrench(
      {
        name: tie.french.name,
        altNames: tie.french.altNames,
        areas: tie.french.areas,
        postcodes: tie.french.postcodes,
      },
      fr,
    ),
    malian: resolveMalian(
      {
        name: tie.malian.name,
        altNames: tie.malian.altNames,
        locations: tie.malian.locations,
        communeHint: tie.malian.communeHint,
        siblings: tie.malian.siblings,
      },
      ml,
    ),
  };
}

/** Keys of the second merge: reference codes, and the seat town of an intercommunality. */
function codeKeys(r: Resolved): string[] {
  const french = r.french.match;
  const malian = r.malian.match
    ? `pcode:${r.malian.match.unit.pcode}`
    : `name:${malianNameKey(r.tie.malian.name)}`;
  const keys: string[] = [];
  if (french) keys.push(`${french.identity}--${malian}`);
  // "Bordeaux / Bamako" in the lists is the "Communauté urbaine de Bordeaux / Bamako" fiche.
  if (french?.seatCommune) keys.push(`seat:${french.seatCommune}--${malian}`);
  if (r.malian.match && !french) keys.push(`name:${frenchNameKey(r.tie.french.name)}--${malian}`);
  return keys;
}

function toOutput(r: Resolved, fr: FranceIndex, domains: DomainCode[]): Omit<TieOutput, "id"> {
  const { tie } = r;
  const f = r.french.match;
  const depCode =
    f?.departementCode ??
    (r.french.hints.departements.size === 1 ? ([...r.french.hints.departements][0] ?? null) : null);
  const dep = depCode ? (fr.departementsByCode.get(depCode) ?? null) : null;
  const regCode =
    f?.regionCode ??
    dep?.region ??
    (r.french.hints.regions.size === 1 ? ([...r.french.hints.regions][0] ?? null) : null);
  const unit: MaliUnit | null = r.malian.match?.unit ?? null;
  const viaLocation = r.malian.match?.via === "location";
  const annexRegion = tie.malian.locations
    .map((l) => l.match(/^R[ée]gion de (.+)$/)?.[1] ?? (/^District de Bamako$/i.test(l) ? l : null))
    .find((x) => x);
  return {
    french: {
      name: tie.french.name,
      kind: f?.kind ?? (r.french.kind === "other" ? "other" : r.french.kind),
      // Canonical, kind included (src/core/reference-codes.ts): "91" alone is ambiguous.
      code: f ? canonicalFrenchCode(f.code, f.kind) : null,
      departement: f?.kind === "region" ? null : (dep?.nom ?? null),
      region: regCode ? (fr.regionsByCode.get(regCode)?.nom ?? null) : null,
      population: tie.french.population ?? f?.population ?? null,
    },
    malian: {
      name: tie.malian.name,
      level: unit?.level ?? guessLevel(tie.malian.name),
      pcode: unit?.pcode ?? null,
      cercle: unit ? (unit.level === "cercle" ? unit.name : (unit.cercle ?? null)) : null,
      region: unit ? (unit.level === "region" ? unit.name : (unit.region ?? null)) : (annexRegion ?? null),
      // A village linked to its commune keeps the fiche's (village) population only.
      population: tie.malian.population ?? (unit && !viaLocation ? (unit.population_2009 ?? null) : null),
    },
    firstContactYear: tie.firstContactYear,
    formalisedYear: tie.formalisedYear,
    documentType: tie.documentType,
    domains,
    sources: tie.sources,
  };
}

function guessLevel(name: string): MaliLevel {
  const k = malianNameKey(name);
  return k.startsWith("region ") ? "region" : k.startsWith("cercle ") ? "cercle" : "commune";
}

export function main(argv: readonly string[]): void {
  const sourceArg = argv[0] ?? DEFAULT_SOURCE;
  const sourcePath = resolvePath(ROOT, sourceArg);
  const text = readFileSync(sourcePath, "utf8");

  const maliIndex = buildMaliIndex(
    loadJson<{ units: MaliUnit[] }>(resolvePath(ROOT, "seeds/mali/mali-admin-2009.json")).units,
  );
  const franceIndex = buildFranceIndex(loadFrance());

  const fiches = parseFiches(text);
  const undocumented = parseUndocumented(text);
  const annex = parseAnnex(text, franceIndex.areaNames);
  const table = parseDomainTable(text);

  const excluded: string[] = [];
  const keep = (t: RawTie): boolean => {
    const ok =
      classifyFrenchKind(t.french.name) !== "other" &&
      !NON_COLLECTIVITE_FRENCH.test(normalizeName(t.french.name)) &&
      !NON_MALIAN_PLACES.has(malianNameKey(t.malian.name));
    if (!ok) excluded.push(`${t.french.name} / ${t.malian.name} (${t.source})`);
    return ok;
  };
  const raw = [
    ...fichesToRawTies(fiches),
    ...undocumentedToRawTies(undocumented.pairs),
    ...annexToRawTies(annex),
  ].filter(keep);

  // Pass 1 merges by names; pass 2 also by the codes each name group resolved to.
  const byName = mergeTies(raw).map((t) => resolveTie(t, franceIndex, maliIndex));
  const keysOfRaw = new Map<RawTie, string[]>();
  for (const r of byName) for (const m of r.tie.members) keysOfRaw.set(m, codeKeys(r));
  const merged = mergeTies(raw, (t) => [
    `${frenchNameKey(t.french.name)}--${malianNameKey(t.malian.name)}`,
    ...(keysOfRaw.get(t) ?? []),
  ]).map((t) => resolveTie(t, franceIndex, maliIndex));

  // The summary table classifies French collectivités, not ties: use it only for a
  // collectivité with a single tie.
  const frenchSideKey = (r: Resolved) => r.french.match?.identity ?? frenchNameKey(r.tie.french.name);
  const tiesPerFrench = new Map<string, number>();
  for (const r of merged) tiesPerFrench.set(frenchSideKey(r), (tiesPerFrench.get(frenchSideKey(r)) ?? 0) + 1);

  const ties: TieOutput[] = merged.map((r) => {
    const fromTable =
      tiesPerFrench.get(frenchSideKey(r)) === 1 ? tableDomainsFor(r.tie.french.name, table) : [];
    const body = toOutput(r, franceIndex, sortDomains([...r.tie.domains, ...fromTable]));
    return { id: `${slugify(body.french.name)}--${slugify(body.malian.name)}`, ...body };
  });
  ties.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seen = new Map<string, number>();
  for (const t of ties) {
    const n = (seen.get(t.id) ?? 0) + 1;
    seen.set(t.id, n);
    if (n > 1) t.id = `${t.id}-${n}`;
  }

  const partnershipFiches = fiches.filter((f) => f.section === "partnership").length;
  const output = {
    source: {
      title: "Répertoire des partenariats de coopération décentralisée franco-maliens 2008",
      publisher: "Cités Unies France",
      file: "shared/sources/004_71920aee3caff743.txt",
      generatedBy: "seeds/directory/build-ties.ts",
    },
    counts: {
      fiches: fiches.length,
      partnershipFiches,
      otherTypeFiches: fiches.length - partnershipFiches,
      undocumentedPairs: undocumented.pairs.length,
      annexRows: annex.length,
      distinctTies: ties.length,
      frenchResolved: ties.filter((t) => t.french.code !== null).length,
      malianResolved: ties.filter((t) => t.malian.pcode !== null).length,
    },
    ties,
  };

  assertNoContactData(output);
  writeFileSync(OUTPUT, `${JSON.stringify(output, null, 2)}\n`);

  const c = output.counts;
  const unresolvedFrench = [...new Set(ties.filter((t) => !t.french.code).map((t) => t.french.name))].sort();
  const unresolvedMalian = [...new Set(ties.filter((t) => !t.malian.pcode).map((t) => t.malian.name))].sort();
  const log = console.log;
  log(
    `fiches found:            ${c.fiches} (${c.partnershipFiches} partnerships, ${c.otherTypeFiches} other types)`,
  );
  log(
    `undocumented pairs:      ${c.undocumentedPairs} (+${undocumented.unpaired.length} without partner: ${undocumented.unpaired.join("; ")})`,
  );
  log(`annex rows:              ${c.annexRows}`);
  log(`raw ties kept:           ${raw.length} (excluded ${excluded.length}: ${excluded.join("; ")})`);
  log(`distinct ties:           ${c.distinctTies}`);
  log(`French sides resolved:   ${c.frenchResolved}/${ties.length}`);
  log(`Malian sides resolved:   ${c.malianResolved}/${ties.length}`);
  log(`unresolved French (${unresolvedFrench.length}): ${unresolvedFrench.join("; ")}`);
  log(`unresolved Malian (${unresolvedMalian.length}): ${unresolvedMalian.join("; ")}`);
  log(`wrote ${OUTPUT}`);
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url))
  main(process.argv.slice(2));
