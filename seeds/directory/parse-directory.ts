/**
 * Parser for the text extracted from Cités Unies France's "Répertoire des partenariats de
 * coopération décentralisée franco-maliens 2008". Pure functions (no fs): the build script
 * reads the file and passes the text in.
 *
 * Only institution-level facts leave this module: collectivité names, populations, years,
 * document type and domain codes. The contact blocks of the fiches (people, phones, e-mails,
 * addresses) are skipped; the only thing read from an address is the postcode of the French
 * collectivité, used as an internal département hint and never returned in a tie.
 */
import { TAXONOMY, type DomainCode } from "../../src/core/taxonomy.js";
import { normalizeName } from "../../src/core/text.js";

export type SourceKind = "fiche" | "undocumented" | "annex";
export const SOURCE_ORDER: readonly SourceKind[] = ["fiche", "undocumented", "annex"];

export type DocumentType = "jumelage" | "convention" | "protocole" | "charte" | "accord" | "other";
export type FicheSection = "partnership" | "other";

export interface FicheFrenchSide {
  /** Name from the fiche title (cleaner than the "Nom :" field, which is often in capitals). */
  name: string;
  /** The "Nom :" field, kept as an alternative spelling for resolution. */
  officialName: string | null;
  population: number | null;
  /** Free text of the "Département/Région" field. */
  area: string | null;
  /** Postcode found in the executive's address; a département hint only. */
  postcode: string | null;
}

export interface FicheMalianSide {
  name: string;
  officialName: string | null;
  population: number | null;
  /** Free text of the "Cercle/Région/Commune" lines. */
  location: string | null;
  /** Value of a line labelled exactly "Commune :", when present. */
  communeField: string | null;
}

export interface Fiche {
  title: string;
  section: FicheSection;
  french: FicheFrenchSide;
  /** Null for "autres types" entries that name no Malian collectivité. */
  malian: FicheMalianSide | null;
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: DocumentType | null;
  domains: DomainCode[];
}

export interface UndocumentedPair {
  french: string;
  malian: string;
}

export interface UndocumentedList {
  pairs: UndocumentedPair[];
  /** Entries naming only a French collectivité (no partner given). */
  unpaired: string[];
}

export interface AnnexRow {
  /** Malian région of the annex table ("Kayes", "District de Bamako"…). */
  region: string;
  french: string;
  frenchArea: string | null;
  malian: string;
}

export interface DomainTableEntry {
  domain: DomainCode;
  names: string[];
}

export interface RawFrenchSide {
  name: string;
  altNames: string[];
  population: number | null;
  /** Département / région texts and postcodes, used only for resolution. */
  areas: string[];
  postcodes: string[];
}

export interface RawMalianSide {
  name: string;
  altNames: string[];
  /** Other Malian collectivités listed with this one (shared cercle hints). */
  siblings: string[];
  population: number | null;
  /** Location texts and annex région, used only for resolution. */
  locations: string[];
  communeHint: string | null;
}

export interface RawTie {
  source: SourceKind;
  french: RawFrenchSide;
  malian: RawMalianSide;
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: DocumentType | null;
  domains: DomainCode[];
}

export interface MergedTie {
  french: RawFrenchSide;
  malian: RawMalianSide;
  firstContactYear: number | null;
  formalisedYear: number | null;
  documentType: DocumentType | null;
  domains: DomainCode[];
  sources: SourceKind[];
  members: RawTie[];
}

// ---------------------------------------------------------------------------
// Small text helpers

const DOMAIN_ORDER = new Map(TAXONOMY.map((d, i) => [d.code, i]));

export function sortDomains(domains: Iterable<DomainCode>): DomainCode[] {
  return [...new Set(domains)].sort((a, b) => (DOMAIN_ORDER.get(a) ?? 0) - (DOMAIN_ORDER.get(b) ?? 0));
}

/** Collapse whitespace and the stray spaces the PDF extraction leaves around hyphens. */
export function cleanName(value: string): string {
  return value
    .replace(/\s+/g, " ")
    .replace(/(\S)- (\S)/g, "$1-$2")
    .replace(/(\S) -(\S)/g, "$1-$2")
    .replace(/^[\s,;:.\-–]+|[\s,;:.\-–]+$/g, "")
    .trim();
}

const ARTICLES = new Set([
  "de",
  "du",
  "des",
  "d",
  "la",
  "le",
  "les",
  "l",
  "et",
  "en",
  "sur",
  "sous",
  "lez",
  "aux",
  "au",
]);

/**
 * A forgiving comparison key for place names: accents, case, punctuation, articles, "St"/"Ste",
 * doubled letters, y/i and final -e/-s are ignored, so that "Marly le Roy" = "Marly-le-Roi",
 * "La Tallaudière" = "La Talaudière" and "Eure et Loire" = "Eure-et-Loir".
 */
export function looseKey(value: string): string {
  return normalizeName(value)
    .split(" ")
    .map((w) => (w === "st" ? "saint" : w === "ste" ? "sainte" : w))
    .filter((w) => w.length > 0 && !ARTICLES.has(w))
    .map((w) =>
      w
        .replace(/y/g, "i")
        .replace(/(.)\1+/g, "$1")
        .replace(/(?:es|e|s|x)$/, ""),
    )
    .filter((w) => w.length > 0)
    .join(" ");
}

/** Levenshtein distance, used for the few misspelt place names of the source. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

export function slugify(value: string): string {
  return normalizeName(value).replace(/ /g, "-");
}

/** Join extracted lines; a line ending with a hyphen was a word broken by the layout. */
function joinLines(lines: readonly string[]): string {
  let out = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out.endsWith("-")) out += line;
    else out += (out ? " " : "") + line;
  }
  return out;
}

/** Population strings of the fiches: "139 800", "environ 16 000", "2,5 millions d'habitants". */
export function parsePopulation(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = value.match(/(\d{1,3}(?:[ \u00a0.]\d{3})+|\d+)(?:,(\d+))?\s*(millions?)?/i);
  if (!m || m[1] === undefined) return null;
  const whole = Number(m[1].replace(/[ \u00a0.]/g, ""));
  if (m[3]) {
    const decimals = m[2] ?? "";
    return Math.round(Number(`${whole}.${decimals || "0"}`) * 1_000_000);
  }
  return whole >= 50 ? whole : null;
}

/** First plausible year (1950–2009) of a text; "années 90" counts as 1990. */
export function firstYear(value: string | null | undefined): number | null {
  if (!value) return null;
  const year = value.match(/\b(19[5-9]\d|200\d)\b/);
  const decade = value.match(/ann[ée]es\s+(?:19)?([5-9])0\b/i);
  const yearAt = year?.index ?? Number.POSITIVE_INFINITY;
  const decadeAt = decade?.index ?? Number.POSITIVE_INFINITY;
  if (year && yearAt <= decadeAt) return Number(year[1]);
  if (decade) return 1900 + Number(decade[1]) * 10;
  return null;
}

// ---------------------------------------------------------------------------
// Domains

/**
 * Extra phrases seen in the fiches' action tables that the taxonomy synonyms miss.
 * A trailing "*" means "word prefix".
 */
const EXTRA_KEYWORDS: Record<DomainCode, readonly string[]> = {
  governance: [
    "appui institutionnel",
    "mairie",
    "elus",
    "cooperation intercommunale",
    "intercommunalite",
    "gestion communale",
    "agents communaux",
    "archives",
    "recensement",
    "democratie locale",
    "administration communale",
    "services techniques",
  ],
  education: [
    "ecole",
    "classe",
    "scolaire",
    "college",
    "lycee",
    "enseignant",
    "fournitures scolaires",
    "cantine",
    "alphabetis*",
    "scolaris*",
    "jardin d enfants",
  ],
  health: [
    "cscom",
    "cesc",
    "csref",
    "csr",
    "infirmier*",
    "sage femme",
    "matrone",
    "pharmac*",
    "medic*",
    "sanitaire",
    "vaccination",
    "sida",
    "paludisme",
    "soins",
    "chirurgie",
  ],
  water: [
    "hydraulique",
    "pompe",
    "chateau d eau",
    "point d eau",
    "potable",
    "barrage",
    "hygiene",
    "ordures menageres",
    "caniveau",
  ],
  rural: [
    "agricol*",
    "agricult*",
    "maraich*",
    "cereal*",
    "irrig*",
    "moulin",
    "semence",
    "engrais",
    "veterinaire",
    "betail",
    "jardin maraicher",
    "perimetre",
    "filiere avicole",
    "aviculture",
    "karite",
  ],
  economy: [
    "artisan*",
    "micro credit",
    "microcredit",
    "credit",
    "cooperative",
    "activites generatrices",
    "economique",
    "formation professionnelle",
    "chambre de metiers",
    "entreprise",
  ],
  environment: [
    "environnement*",
    "reboise*",
    "arbre",
    "plantation",
    "foyers ameliores",
    "changement climatique",
    "dechets",
  ],
  culture: [
    "culturel*",
    "festival",
    "musique",
    "musicien",
    "theatre",
    "exposition",
    "patrimoine",
    "tourisme",
    "biennale",
    "semaine africaine",
    "journee africaine",
  ],
  youth_sport: [
    "jeunesse",
    "sport*",
    "football",
    "foot",
    "chantier de jeunes",
    "chantiers jeunes",
    "terrain de sport",
  ],
  gender: ["femmes", "feminin*", "groupement de femmes", "promotion feminine"],
  civil_society: [
    "societe civile",
    "associations",
    "medias",
    "radio",
    "dynamiques de quartier",
    "organisations communautaires",
  ],
  school_exchange: [
    "education au developpement",
    "echanges scolaires",
    "echange scolaire",
    "correspondance scolaire",
    "correspondance",
    "jumelage scolaire",
    "echanges entre ecoles",
    "echanges entre lycees",
    "sensibilisation du public",
    "semaine de la solidarite",
  ],
  food_security: [
    "securite alimentaire",
    "suffisance alimentaire",
    "autosuffisance alimentaire",
    "stock de securite",
    "farine de sevrage",
    "grenier",
  ],
  migration: ["migrant*", "ressortissant*", "diaspora", "codeveloppement", "co developpement"],
  urban: [
    "voirie",
    "urbanisme",
    "marche",
    "gare routiere",
    "lotissement",
    "cadastre",
    "eclairage public",
    "equipements marchands",
    "problemes urbains",
    "gestion urbaine",
  ],
  energy: ["electrification", "electricite", "solaire*", "photovoltaique", "energie*", "groupe electrogene"],
};

/**
 * Taxonomy synonyms that mislead on this text: "culture" mostly means crops in the action
 * tables ("culture maraîchère"), "genre" appears as "ce genre de", "sensibilisation" is
 * mostly health awareness, "aménagement" mostly irrigated land.
 */
const AMBIGUOUS_SYNONYMS = new Set(["culture", "genre", "sensibilisation", "amenagement"]);

function phrasePattern(phrase: string): string {
  return normalizeName(phrase.replace(/\*$/, ""))
    .split(" ")
    .map((w, i, all) => {
      const escaped = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      if (i === all.length - 1 && phrase.endsWith("*")) return `${escaped}[a-z]*`;
      return w.length > 2 ? `${escaped}(?:s|x)?` : escaped;
    })
    .join(" ");
}

const DOMAIN_PATTERNS: ReadonlyArray<{ code: DomainCode; re: RegExp }> = TAXONOMY.map((d) => {
  const phrases = new Set<string>();
  for (const s of d.synonyms) if (!AMBIGUOUS_SYNONYMS.has(normalizeName(s))) phrases.add(s);
  for (const s of EXTRA_KEYWORDS[d.code]) phrases.add(s);
  const alternatives = [...phrases].map(phrasePattern).filter((p) => p.length > 0);
  return { code: d.code, re: new RegExp(`(?:^| )(?:${alternatives.join("|")})(?= |$)`) };
});

/** Map the text of a fiche's actions to domain codes (accent-insensitive whole-word matching). */
export function classifyDomains(actionText: string): DomainCode[] {
  const text = normalizeName(actionText);
  const found: DomainCode[] = [];
  for (const { code, re } of DOMAIN_PATTERNS) if (re.test(text)) found.push(code);
  return sortDomains(found);
}

/** Headings of the summary table ("Tableau récapitulatif … par domaines"). */
const TABLE_HEADINGS: ReadonlyArray<{ key: string; code: DomainCode }> = [
  { key: "appui institutionnel", code: "governance" },
  { key: "tourisme solidaire patrimoine", code: "culture" },
  { key: "education au developpement", code: "school_exchange" },
  { key: "appui a la societe civile", code: "civil_society" },
  { key: "education", code: "education" },
  { key: "developpement rural", code: "rural" },
  { key: "sante", code: "health" },
  { key: "eau et assainissement", code: "water" },
  { key: "developpement economique", code: "economy" },
];

/** The leading run of upper-case words of a line ("TOURISME SOLIDAIRE / PATRIMOINE Angoulême"). */
function upperCasePrefix(line: string): { heading: string; rest: string } {
  const words = line.trim().split(/\s+/);
  const head: string[] = [];
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i] ?? "";
    if (w === "/" || w === "-") {
      head.push(w);
      continue;
    }
    const letters = w.replace(/[^\p{L}]/gu, "");
    // Single capitals count ("APPUI A LA SOCIETE CIVILE"); "CG Allier" stops at "Allier".
    if (letters.length < 1 || letters !== letters.toUpperCase()) break;
    head.push(w);
  }
  return { heading: head.join(" "), rest: words.slice(i).join(" ") };
}

/** Parse the summary table: which French collectivités are listed under which domain. */
export function parseDomainTable(text: string): DomainTableEntry[] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /Tableau r[ée]capitulatif des partenariats renseign[ée]s/i.test(l));
  if (start < 0) return [];
  const entries: DomainTableEntry[] = [];
  let current: { code: DomainCode; state: "bullets" | "names"; names: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const names = joinLines(current.names)
      .split(/[,/]/)
      .map(cleanName)
      .filter((n) => n.length > 1);
    entries.push({ domain: current.code, names });
    current = null;
  };
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/Date de mise [àa] jour/i.test(line)) break;
    const { heading, rest } = upperCasePrefix(line);
    const headingKey = normalizeName(heading);
    const match = TABLE_HEADINGS.find((h) => h.key === headingKey);
    if (match) {
      flush();
      current = { code: match.code, state: rest ? "names" : "bullets", names: rest ? [rest] : [] };
      continue;
    }
    if (!current) continue;
    if (!line.trim()) {
      if (current.state === "bullets") current.state = "names";
      continue;
    }
    if (current.state === "names") current.names.push(line);
  }
  flush();
  return entries;
}

// ---------------------------------------------------------------------------
// Fiches

const FICHE_MARKER = /Date de mise [àa] jour/i;
const UNDOCUMENTED_HEADING = /^\s*Partenariats de coop[ée]ration d[ée]centralis[ée]e non renseign[ée]s\s*$/i;
const OTHER_TYPES_HEADING = /^\s*Autres types de partenariats\s*$/i;
const ANNEX1_HEADING = /^\s*Annexe 1\s*:/i;
const ANNEX2_HEADING = /^\s*Annexe 2\s*:/i;
const FRENCH_BLOCK = /^\s*Collectivit[ée]s? fran[cç]aises?/i;
const MALIAN_BLOCK = /^\s*Collectivit[ée]s? maliennes?/i;
const CONTACT_BLOCK = /Coordonn[ée]es de l/i;
const PRESENTATION = /Pr[ée]sentation du partenariat/i;

function findLine(lines: readonly string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i] ?? "")) return i;
  return -1;
}

/** Strip "(2)", "– PADDY", "-Association de Jumelage…" and similar decorations of a title side. */
function cleanTitleSide(value: string): string {
  return cleanName(
    value
      .replace(/\(\s*\d+\s*\)/g, " ")
      .replace(/\s[–—]\s.*$/, "")
      .replace(/\s+-\s+[A-Z]{3,}.*$/, "")
      .replace(/-\s*Association.*$/i, ""),
  );
}

const FIELD_NAME = /^\s*Nom\s*:\s*(.*)$/i;
const FIELD_POPULATION = /^\s*(?:Nb|Nombre)\s*(?:d.\s*)?habitants\s*:?\s*(.*)$/i;
const FIELD_LABEL = /^\s*((?:D[ée]partement|R[ée]gion|Cercle|Commune)[^:]{0,30}):\s*(.*)$/i;

interface BlockFields {
  name: string | null;
  population: number | null;
  other: string[];
  communeField: string | null;
}

function readBlock(lines: readonly string[]): BlockFields {
  let name: string | null = null;
  let population: number | null = null;
  let communeField: string | null = null;
  const other: string[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const n = line.match(FIELD_NAME);
    if (n && name === null) {
      name = cleanName(n[1] ?? "") || null;
      continue;
    }
    const p = line.match(FIELD_POPULATION);
    if (p) {
      population = parsePopulation(p[1]);
      continue;
    }
    const l = line.match(FIELD_LABEL);
    if (l) {
      const value = cleanName(l[2] ?? "");
      if (/^commune\s*$/i.test(l[1] ?? "") && value) communeField = value;
      if (value) other.push(value);
      continue;
    }
    other.push(cleanName(line));
  }
  return { name, population, other: other.filter(Boolean), communeField };
}

/** Lines from a label to the next stop pattern, newlines kept (they often end a sentence). */
function fieldText(
  lines: readonly string[],
  label: RegExp,
  stops: readonly RegExp[],
  maxLines = 10,
): string | null {
  const at = findLine(lines, label);
  if (at < 0) return null;
  const collected: string[] = [];
  for (let i = at; i < Math.min(lines.length, at + maxLines); i++) {
    const line = lines[i] ?? "";
    if (i > at && stops.some((s) => s.test(line))) break;
    if (line.trim()) collected.push(line.trim());
  }
  return collected.join("\n");
}

const DOC_KEYWORDS: ReadonlyArray<{ re: RegExp; type: DocumentType }> = [
  { re: /\bconventions?\b/, type: "convention" },
  { re: /\bprotocoles?\b/, type: "protocole" },
  { re: /\bchartes?\b/, type: "charte" },
  { re: /\baccords?\b/, type: "accord" },
  { re: /\bpactes?\b/, type: "accord" },
  { re: /\bjumelages?\b/, type: "jumelage" },
  { re: /\b(?:declaration|lettre|adhesion)\b/, type: "other" },
];

/**
 * Document type and year of the formalisation field. The first document word wins
 * ("protocole de jumelage" is a protocole, "charte de jumelage" a charte); the year is taken
 * from the sentence holding that word when it has one.
 */
export function parseFormalisation(value: string | null): { year: number | null; type: DocumentType | null } {
  if (!value) return { year: null, type: null };
  const text = normalizeName(value.replace(/\bpas de (?:convention|protocole|charte|accord)s?\b/gi, " "));
  if (/\b(?:a finaliser|pas encore|en cours de (?:signature|formalisation))\b/.test(text))
    return { year: null, type: null };
  let best: { at: number; type: DocumentType } | null = null;
  for (const { re, type } of DOC_KEYWORDS) {
    const m = re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { at: m.index, type };
  }
  const year = firstYear(value);
  if (!best) return { year, type: year === null ? null : "other" };
  // Sentence (in the raw text) around the keyword: years in it beat earlier unrelated dates.
  const sentences = value.split(/[.;\n]|\s-\s/);
  const keyword = DOC_KEYWORDS.find((k) => k.type === best?.type);
  const sentence = sentences.find((s) => keyword?.re.test(normalizeName(s)));
  return { year: firstYear(sentence) ?? year, type: best.type };
}

function sliceBlock(lines: readonly string[], start: RegExp, stops: readonly RegExp[]): string[] | null {
  const at = findLine(lines, start);
  if (at < 0) return null;
  const out: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (stops.some((s) => s.test(line))) break;
    out.push(line);
  }
  return out;
}

function extractPostcode(lines: readonly string[]): string | null {
  // Only the first contact block (the French executive's) is read, and only for a postcode.
  const first = findLine(lines, CONTACT_BLOCK);
  if (first < 0) return null;
  for (let i = first; i < Math.min(lines.length, first + 8); i++) {
    const line = lines[i] ?? "";
    if (!/Adresse|Cedex|^\s*\d{2} ?\d{3}\b/i.test(line) || /^\s*(?:T[ée]l|Fax|@|site)/i.test(line)) continue;
    // The last 5-digit group that is not a post-office box ("BP 20351", "CS 24218").
    const found = [...line.matchAll(/(?<!\d)(\d{2}) ?(\d{3})(?!\d)/g)].filter(
      (m) => !/(?:BP|CS)\s*$/i.test(line.slice(0, m.index)),
    );
    const m = found[found.length - 1];
    if (m) return `${m[1]}${m[2]}`;
  }
  return null;
}

function sectionText(lines: readonly string[], start: RegExp, stop: RegExp): string {
  const at = findLine(lines, start);
  if (at < 0) return "";
  const end = findLine(lines, stop, at + 1);
  return lines.slice(at + 1, end < 0 ? lines.length : end).join("\n");
}

/**
 * Domains of a fiche: from its table of actions; when that table is empty (new partnerships,
 * "informations en attente"), from the perspectives instead.
 */
function ficheDomains(lines: readonly string[]): DomainCode[] {
  const actions =
    sectionText(
      lines,
      /Actions de coop[ée]ration/i,
      /Perspectives du partenariat|Documents de capitalisation/i,
    ) || sectionText(lines, PRESENTATION, /Perspectives du partenariat|Documents de capitalisation/i);
  const fromActions = classifyDomains(actions);
  if (fromActions.length > 0) return fromActions;
  return classifyDomains(
    sectionText(
      lines,
      /Perspectives du partenariat/i,
      /Documents de capitalisation|Actions de coop[ée]ration/i,
    ),
  );
}

function parseFicheBlock(lines: readonly string[], section: FicheSection): Fiche | null {
  // Title: first non-empty line after the marker, plus the next one when it ends with "/".
  let i = 1;
  while (i < lines.length && !(lines[i] ?? "").trim()) i++;
  let title = cleanName(lines[i] ?? "");
  if (title.endsWith("/")) {
    let j = i + 1;
    while (j < lines.length && !(lines[j] ?? "").trim()) j++;
    title = cleanName(`${title} ${lines[j] ?? ""}`);
  }
  if (!title) return null;
  const slash = title.indexOf("/");
  const titleFrench = cleanTitleSide(slash < 0 ? title : title.slice(0, slash));
  const titleMalian = slash < 0 ? null : cleanTitleSide(title.slice(slash + 1));

  const frenchLines = sliceBlock(lines, FRENCH_BLOCK, [MALIAN_BLOCK, CONTACT_BLOCK, PRESENTATION]) ?? [];
  const malianLines = sliceBlock(lines, MALIAN_BLOCK, [CONTACT_BLOCK, PRESENTATION]);
  const fr = readBlock(frenchLines);
  const ml = malianLines ? readBlock(malianLines) : null;

  const stops = [/Date de formalisation/i, /Budget/i, /Partenaires/i, /Histoire du partenariat/i];
  const contactText = fieldText(lines, /Date de d[ée]but des contacts/i, stops, 6);
  const formalText = fieldText(
    lines,
    /Date de formalisation/i,
    [/Budget/i, /Partenaires/i, /Histoire du partenariat/i],
    8,
  );
  const contactValue = contactText?.replace(/^.*?contacts\s*:?/is, "") ?? null;
  const formalValue = formalText?.replace(/^.*?r[ée]gissant le\s*(?:partenariat)?\s*:?/is, "") ?? null;
  const formal = parseFormalisation(formalValue);

  // A title side reduced to a generic word ("Conseil Communal") is completed from "Nom :".
  let malianName = titleMalian;
  if (malianName && /^(?:conseil communal|commune|mairie)$/i.test(malianName) && ml?.name)
    malianName = ml.name;
  const malian: FicheMalianSide | null =
    malianName && ml
      ? {
          name: malianName,
          officialName: ml.name,
          population: ml.population,
          location: ml.other.join(" / ") || null,
          communeField: ml.communeField,
        }
      : malianName
        ? { name: malianName, officialName: null, population: null, location: null, communeField: null }
        : null;

  return {
    title,
    section,
    french: {
      name: titleFrench,
      officialName: fr.name,
      population: fr.population,
      area: fr.other.join(" / ") || null,
      postcode: extractPostcode(lines),
    },
    malian,
    firstContactYear: firstYear(contactValue),
    formalisedYear: formal.year,
    documentType: formal.type,
    domains: ficheDomains(lines),
  };
}

/**
 * Every fiche of the document: the partnership fiches, then the "autres types de
 * partenariats" (AIMF, associations…), which are parsed but flagged section "other".
 */
export function parseFiches(text: string): Fiche[] {
  const lines = text.split(/\r?\n/);
  const undocumentedAt = findLine(lines, UNDOCUMENTED_HEADING);
  const otherAt = findLine(lines, OTHER_TYPES_HEADING);
  const annexAt = findLine(lines, ANNEX1_HEADING);
  const boundaries = [undocumentedAt, otherAt, annexAt].filter((b) => b >= 0);
  const markers: number[] = [];
  lines.forEach((l, idx) => {
    if (FICHE_MARKER.test(l) && (annexAt < 0 || idx < annexAt)) markers.push(idx);
  });
  const fiches: Fiche[] = [];
  markers.forEach((start, k) => {
    const nextMarker = markers[k + 1] ?? lines.length;
    const nextBoundary = boundaries.filter((b) => b > start).reduce((a, b) => Math.min(a, b), lines.length);
    const end = Math.min(nextMarker, nextBoundary);
    const section: FicheSection = otherAt >= 0 && start > otherAt ? "other" : "partnership";
    const fiche = parseFicheBlock(lines.slice(start, end), section);
    if (fiche) fiches.push(fiche);
  });
  return fiches;
}

// ---------------------------------------------------------------------------
// List of known but undocumented partnerships

const FRENCH_ENTITY_START =
  /^(?:CG|CR|CC|CA|CU|SAN|Conseil|Communaut[ée]|Syndicat|Ville|D[ée]partement|R[ée]gion)\b/;

/** "Achères/Bamako, Amboise/Fana, …": one pair per "French/Malian" entry. */
export function parseUndocumented(text: string): UndocumentedList {
  const lines = text.split(/\r?\n/);
  const start = findLine(lines, UNDOCUMENTED_HEADING);
  if (start < 0) return { pairs: [], unpaired: [] };
  let end = findLine(lines, OTHER_TYPES_HEADING, start + 1);
  if (end < 0) end = findLine(lines, ANNEX1_HEADING, start + 1);
  const body = joinLines(lines.slice(start + 1, end < 0 ? lines.length : end)).replace(/\.\s*$/, "");
  const entries: string[] = [];
  for (const fragment of body.split(",")) {
    const f = fragment.trim();
    if (!f) continue;
    const last = entries.length - 1;
    // "…/Djelebou, Karakoro et Sahel": a fragment without "/" that is not a French collectivité
    // continues the previous Malian side.
    if (!f.includes("/") && !FRENCH_ENTITY_START.test(f) && last >= 0)
      entries[last] = `${entries[last]}, ${f}`;
    else entries.push(f);
  }
  const pairs: UndocumentedPair[] = [];
  const unpaired: string[] = [];
  for (const e of entries) {
    const slash = e.indexOf("/");
    if (slash < 0) {
      unpaired.push(cleanName(e));
      continue;
    }
    pairs.push({ french: cleanName(e.slice(0, slash)), malian: cleanName(e.slice(slash + 1)) });
  }
  return { pairs, unpaired };
}

// ---------------------------------------------------------------------------
// Annex 1: partnerships by Malian région

/** Longest run of leading words that is a known French area name (loosely compared). */
function splitLeadingArea(
  words: readonly string[],
  areaKeys: ReadonlySet<string>,
): { area: string; rest: string } | null {
  for (let k = Math.min(6, words.length - 1); k >= 1; k--) {
    const candidate = words.slice(0, k).join(" ");
    const key = looseKey(candidate);
    if (key && areaKeys.has(key)) return { area: candidate, rest: words.slice(k).join(" ") };
  }
  return null;
}

const MALIAN_LEVEL_SUFFIX =
  /^(.*\S)\s+(\S+\s*\((?:cercle|r[ée]gion|commune(?: rurale)?|district|conseil communal)\))$/i;
const MALIAN_MARKER = /^(.*\S)\s+((?:R[ée]gion|Cercle|Commune rurale|Commune|District) de .*)$/;

/**
 * One row per "French / département  Malian" line. The column boundary is lost in the
 * extraction, so the département (a known area name) is what separates the two sides.
 * `areaNames` are the French département and région names.
 */
export function parseAnnex(text: string, areaNames: readonly string[]): AnnexRow[] {
  const areaKeys = new Set(areaNames.map(looseKey).filter(Boolean));
  const lines = text.split(/\r?\n/);
  const start = findLine(lines, ANNEX1_HEADING);
  if (start < 0) return [];
  let end = findLine(lines, ANNEX2_HEADING, start + 1);
  if (end < 0) end = lines.length;
  const rows: AnnexRow[] = [];
  let region: string | null = null;
  for (let i = start + 1; i < end; i++) {
    const line = cleanName(lines[i] ?? "");
    if (!line) continue;
    const table = line.match(/^Tableau\s+\d+\s*:\s*(?:R[ée]gion de\s+)?(.+)$/i);
    if (table) {
      region = cleanName(table[1] ?? "");
      continue;
    }
    if (!region || /^France\s+\S+$/i.test(line) || /Cit[ée]s Unies France/i.test(line)) continue;
    const row = parseAnnexRow(line, areaKeys);
    if (row) rows.push({ region, ...row });
  }
  return rows;
}

function parseAnnexRow(line: string, areaKeys: ReadonlySet<string>): Omit<AnnexRow, "region"> | null {
  const slash = line.indexOf("/");
  if (slash > 0) {
    const french = cleanName(line.slice(0, slash));
    const words = line
      .slice(slash + 1)
      .trim()
      .split(/\s+/);
    const split = splitLeadingArea(words, areaKeys);
    if (split) return { french, frenchArea: split.area, malian: cleanName(split.rest) };
    // Unknown area: assume a one-word département.
    if (words.length > 1)
      return { french, frenchArea: words[0] ?? null, malian: cleanName(words.slice(1).join(" ")) };
    return null;
  }
  const council = line.match(
    /^(Conseil (?:g[ée]n[ée]ral|r[ée]gional)|CG|CR)\s+(?:(?:du|des|de la|de l'|de l’|de|d'|d’)\s*)?(.*)$/i,
  );
  if (council) {
    const words = (council[2] ?? "").split(/\s+/);
    const split = splitLeadingArea(words, areaKeys);
    if (split)
      return {
        french: cleanName(line.slice(0, line.length - split.rest.length)),
        frenchArea: split.area,
        malian: cleanName(split.rest),
      };
  }
  const suffix = line.match(MALIAN_LEVEL_SUFFIX);
  if (suffix)
    return { french: cleanName(suffix[1] ?? ""), frenchArea: null, malian: cleanName(suffix[2] ?? "") };
  const marker = line.match(MALIAN_MARKER);
  if (marker)
    return { french: cleanName(marker[1] ?? ""), frenchArea: null, malian: cleanName(marker[2] ?? "") };
  const words = line.split(/\s+/);
  if (words.length < 2) return null;
  return {
    french: cleanName(words.slice(0, -1).join(" ")),
    frenchArea: null,
    malian: words[words.length - 1] ?? "",
  };
}

// ---------------------------------------------------------------------------
// From records to raw ties

/** "Dembella, Benkadi, Jlendio, Fella", "Fegui et Nioro du Sahel", "Diema/Nioro" → parts. */
export function splitMalianList(value: string): string[] {
  return value
    .split(/\s*,\s*|\s+et\s+|\s*\/\s*/)
    .map(cleanName)
    .filter((p) => p.length > 0);
}

const CERCLE_TITLE = /^(?:conseil de )?cercle (?:de |du |d )?(.+)$/;

export function fichesToRawTies(fiches: readonly Fiche[]): RawTie[] {
  const out: RawTie[] = [];
  for (const f of fiches) {
    if (f.section !== "partnership" || !f.malian) continue;
    let names = splitMalianList(f.malian.name);
    const official = f.malian.officialName ? splitMalianList(f.malian.officialName.split("/")[0] ?? "") : [];
    const locations = f.malian.location ? [f.malian.location] : [];
    // "Cercle de Dioila" with a "Commune : Niantjila" line: the partner is that commune
    // (fiche population and the other two lists agree); the cercle stays as a hint.
    const cercle = names.length === 1 ? normalizeName(names[0] ?? "").match(CERCLE_TITLE) : null;
    const communeField = f.malian.communeField ? (splitMalianList(f.malian.communeField)[0] ?? null) : null;
    if (
      cercle &&
      communeField &&
      looseKey(communeField) !== looseKey(cercle[1] ?? "") &&
      !/r[ée]gion|cercle/i.test(communeField)
    ) {
      locations.push(names[0] ?? "");
      names = [communeField];
    }
    names.forEach((name, i) => {
      const alt =
        official.length === names.length
          ? official[i]
          : names.length === 1
            ? f.malian?.officialName?.split("/")[0]
            : undefined;
      out.push({
        source: "fiche",
        french: {
          name: f.french.name,
          altNames: f.french.officialName ? [f.french.officialName] : [],
          population: f.french.population,
          areas: f.french.area ? [f.french.area] : [],
          postcodes: f.french.postcode ? [f.french.postcode] : [],
        },
        malian: {
          name,
          altNames: alt ? [cleanName(alt)] : [],
          siblings: names.filter((_, j) => j !== i),
          // A population given for a group of collectivités belongs to none of them.
          population: names.length === 1 ? (f.malian?.population ?? null) : null,
          locations,
          communeHint: f.malian?.communeField ?? null,
        },
        firstContactYear: f.firstContactYear,
        formalisedYear: f.formalisedYear,
        documentType: f.documentType,
        domains: f.domains,
      });
    });
  }
  return out;
}

function plainTie(
  source: SourceKind,
  french: string,
  frenchArea: string | null,
  malian: string,
  malianLocation: string | null,
): RawTie[] {
  const parts = splitMalianList(malian);
  return parts.map((name, i) => ({
    source,
    french: {
      name: cleanName(french),
      altNames: [],
      population: null,
      areas: frenchArea ? [frenchArea] : [],
      postcodes: [],
    },
    malian: {
      name,
      altNames: [],
      siblings: parts.filter((_, j) => j !== i),
      population: null,
      locations: malianLocation ? [malianLocation] : [],
      communeHint: null,
    },
    firstContactYear: null,
    formalisedYear: null,
    documentType: null,
    domains: [],
  }));
}

export function undocumentedToRawTies(pairs: readonly UndocumentedPair[]): RawTie[] {
  return pairs.flatMap((p) => plainTie("undocumented", p.french, null, p.malian, null));
}

export function annexToRawTies(rows: readonly AnnexRow[]): RawTie[] {
  return rows.flatMap((r) =>
    plainTie(
      "annex",
      r.french,
      r.frenchArea,
      r.malian,
      /bamako/i.test(r.region) ? r.region : `Région de ${r.region}`,
    ),
  );
}

// ---------------------------------------------------------------------------
// Name keys and merging

const FRENCH_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/^cg /, "conseil general "],
  [/^cr /, "conseil regional "],
  [/^ca /, "communaute d agglomeration "],
  [/^cc /, "communaute de communes "],
  [/^cu /, "communaute urbaine "],
  [/^c u /, "communaute urbaine "],
  [/^departement /, "conseil general "],
  [/^region /, "conseil regional "],
];

/** Key of a French side: abbreviations expanded, "Ville de"/"Commune de" dropped. */
export function frenchNameKey(name: string): string {
  let n = normalizeName(name);
  for (const [re, to] of FRENCH_ABBREVIATIONS) n = n.replace(re, to);
  n = n.replace(/^(?:ville|commune|mairie) (?:de |d )?/, "");
  return looseKey(n);
}

/**
 * Key of a Malian side: commune-like prefixes dropped ("Commune rurale de", "Ville de",
 * "mairie de", "(commune)"), cercle and région levels kept, Bamako's district aliases unified.
 */
export function malianNameKey(name: string): string {
  let n = normalizeName(name);
  n = n.replace(/ (?:commune rurale|commune|conseil communal|district)$/, "");
  n = n.replace(
    /^(?:mairie du district|district|ville|mairie|commune rurale|commune urbaine|commune|conseil communal|village) (?:de |du |d )?/,
    "",
  );
  const region =
    n.match(/^(?:assemblee regionale|conseil regional|region) (?:de |du |d )?(.+)$/) ??
    n.match(/^(.+) region$/);
  if (region) return `region ${looseKey(region[1] ?? "")}`;
  const cercle = n.match(CERCLE_TITLE) ?? n.match(/^(.+) cercle$/);
  if (cercle) return `cercle ${looseKey(cercle[1] ?? "")}`;
  return looseKey(n);
}

export function defaultTieKeys(t: RawTie): string[] {
  return [`${frenchNameKey(t.french.name)}--${malianNameKey(t.malian.name)}`];
}

const SOURCE_RANK = new Map(SOURCE_ORDER.map((s, i) => [s, i]));
// Which source names a side best: the fiche, then the annex (names départements), then the list.
const NAME_RANK: Record<SourceKind, number> = { fiche: 0, annex: 1, undocumented: 2 };

/**
 * Merge raw ties that share any key (union-find). Names, populations and years come from the
 * best-ranked source; hints, domains and sources are united.
 */
export function mergeTies(
  raw: readonly RawTie[],
  keysOf: (t: RawTie) => string[] = defaultTieKeys,
): MergedTie[] {
  const parent = raw.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    parent[i] = r;
    return r;
  };
  const owner = new Map<string, number>();
  raw.forEach((t, i) => {
    for (const key of keysOf(t)) {
      const o = owner.get(key);
      if (o === undefined) owner.set(key, i);
      else {
        const a = find(o);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, RawTie[]>();
  raw.forEach((t, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(t);
    else groups.set(r, [t]);
  });
  const merged: MergedTie[] = [];
  for (const members of groups.values()) {
    const ranked = [...members].sort((a, b) => NAME_RANK[a.source] - NAME_RANK[b.source]);
    const best = ranked[0];
    if (!best) continue;
    const fiches = members.filter((m) => m.source === "fiche");
    const hinted = ranked.find((m) => m.french.areas.length > 0 || m.french.postcodes.length > 0);
    const uniq = (xs: Iterable<string>) => [...new Set(xs)];
    merged.push({
      french: {
        name: best.french.name,
        altNames: uniq(
          ranked.flatMap((m) => [m.french.name, ...m.french.altNames]).filter((n) => n !== best.french.name),
        ),
        population: ranked.map((m) => m.french.population).find((p) => p !== null) ?? null,
        // Département hints of the best source that has any: the annex's "Chaumont / Cher" must
        // not override the Haute-Marne postcode of the Chaumont fiche.
        areas: hinted?.french.areas ?? [],
        postcodes: hinted?.french.postcodes ?? [],
      },
      malian: {
        name: best.malian.name,
        altNames: uniq(
          ranked.flatMap((m) => [m.malian.name, ...m.malian.altNames]).filter((n) => n !== best.malian.name),
        ),
        siblings: uniq(ranked.flatMap((m) => m.malian.siblings)),
        population: ranked.map((m) => m.malian.population).find((p) => p !== null) ?? null,
        locations: uniq(ranked.flatMap((m) => m.malian.locations)),
        communeHint: ranked.map((m) => m.malian.communeHint).find((c) => c !== null) ?? null,
      },
      firstContactYear: fiches.map((m) => m.firstContactYear).find((y) => y !== null) ?? null,
      formalisedYear: fiches.map((m) => m.formalisedYear).find((y) => y !== null) ?? null,
      documentType: fiches.map((m) => m.documentType).find((d) => d !== null) ?? null,
      domains: sortDomains(members.flatMap((m) => m.domains)),
      sources: uniq(members.map((m) => m.source)).sort(
        (a, b) => (SOURCE_RANK.get(a as SourceKind) ?? 0) - (SOURCE_RANK.get(b as SourceKind) ?? 0),
      ) as SourceKind[],
      members,
    });
  }
  return merged;
}

/**
 * Domains of the summary table for a French collectivité. Table entries are short forms
 * ("CG Allier", "Saint-Sébastien"), so a table name also matches as a word prefix.
 */
export function tableDomainsFor(frenchName: string, table: readonly DomainTableEntry[]): DomainCode[] {
  const key = frenchNameKey(frenchName);
  const found: DomainCode[] = [];
  for (const entry of table) {
    for (const n of entry.names) {
      const k = frenchNameKey(n);
      if (k && (k === key || key.startsWith(`${k} `))) found.push(entry.domain);
    }
  }
  return sortDomains(found);
}
