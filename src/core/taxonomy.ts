/**
 * Domain taxonomy of decentralised cooperation.
 * Derived from the summary table of the 2008 franco-malian directory (Cités Unies France)
 * and from the PDESC sectors of the Guide de la coopération décentralisée au Mali.
 * Synonyms feed Meilisearch and the directory parser's keyword mapping.
 */
export const DOMAIN_CODES = [
  "governance",
  "education",
  "health",
  "water",
  "rural",
  "economy",
  "environment",
  "culture",
  "youth_sport",
  "gender",
  "civil_society",
  "school_exchange",
  "food_security",
  "migration",
  "urban",
  "energy",
] as const;

export type DomainCode = (typeof DOMAIN_CODES)[number];

export interface Domain {
  code: DomainCode;
  fr: string;
  en: string;
  /** Lower-case words and phrases, French and English, that denote this domain. */
  synonyms: readonly string[];
}

export const TAXONOMY: readonly Domain[] = [
  {
    code: "governance",
    fr: "Gouvernance et appui institutionnel",
    en: "Governance and institutional support",
    synonyms: [
      "appui institutionnel",
      "gouvernance",
      "maîtrise d'ouvrage",
      "renforcement des capacités",
      "formation des élus",
      "état civil",
      "fiscalité locale",
      "décentralisation",
      "governance",
      "capacity building",
      "civil registry",
    ],
  },
  {
    code: "education",
    fr: "Éducation",
    en: "Education",
    synonyms: [
      "éducation",
      "école",
      "scolarisation",
      "alphabétisation",
      "enseignement",
      "bibliothèque",
      "formation professionnelle",
      "education",
      "school",
      "literacy",
    ],
  },
  {
    code: "health",
    fr: "Santé",
    en: "Health",
    synonyms: [
      "santé",
      "cscom",
      "centre de santé",
      "maternité",
      "dispensaire",
      "hôpital",
      "médicaments",
      "health",
      "clinic",
      "maternity",
    ],
  },
  {
    code: "water",
    fr: "Eau et assainissement",
    en: "Water and sanitation",
    synonyms: [
      "eau",
      "eau potable",
      "hydraulique",
      "forage",
      "puits",
      "assainissement",
      "latrines",
      "adduction d'eau",
      "water",
      "sanitation",
      "borehole",
      "well",
    ],
  },
  {
    code: "rural",
    fr: "Développement rural, agriculture, élevage",
    en: "Rural development, agriculture, livestock",
    synonyms: [
      "développement rural",
      "agriculture",
      "élevage",
      "maraîchage",
      "périmètre irrigué",
      "pêche",
      "banque de céréales",
      "rural development",
      "farming",
      "livestock",
      "market gardening",
    ],
  },
  {
    code: "economy",
    fr: "Développement économique, artisanat, microcrédit",
    en: "Economic development, crafts, micro-credit",
    synonyms: [
      "développement économique",
      "artisanat",
      "microcrédit",
      "micro-crédit",
      "commerce",
      "activités génératrices de revenus",
      "emploi",
      "economic development",
      "crafts",
      "microfinance",
      "jobs",
    ],
  },
  {
    code: "environment",
    fr: "Environnement, climat, déchets",
    en: "Environment, climate, waste",
    synonyms: [
      "environnement",
      "climat",
      "déchets",
      "ordures",
      "reboisement",
      "désertification",
      "lutte contre l'ensablement",
      "environment",
      "climate",
      "waste",
      "reforestation",
    ],
  },
  {
    code: "culture",
    fr: "Culture, patrimoine, tourisme",
    en: "Culture, heritage, tourism",
    synonyms: [
      "culture",
      "patrimoine",
      "tourisme",
      "musée",
      "festival",
      "échanges culturels",
      "heritage",
      "tourism",
    ],
  },
  {
    code: "youth_sport",
    fr: "Jeunesse et sport",
    en: "Youth and sport",
    synonyms: ["jeunesse", "jeunes", "sport", "loisirs", "maison des jeunes", "youth", "sports"],
  },
  {
    code: "gender",
    fr: "Femmes et genre",
    en: "Women and gender",
    synonyms: ["femmes", "genre", "promotion féminine", "groupements de femmes", "women", "gender"],
  },
  {
    code: "civil_society",
    fr: "Société civile",
    en: "Civil society",
    synonyms: ["société civile", "associations", "comité de jumelage", "civil society", "ngo"],
  },
  {
    code: "school_exchange",
    fr: "Éducation au développement et échanges scolaires",
    en: "Development education and school exchanges",
    synonyms: [
      "éducation au développement",
      "échanges scolaires",
      "correspondance scolaire",
      "sensibilisation",
      "development education",
      "school exchange",
      "school twinning",
    ],
  },
  {
    code: "food_security",
    fr: "Sécurité alimentaire",
    en: "Food security",
    synonyms: [
      "sécurité alimentaire",
      "nutrition",
      "malnutrition",
      "stock de sécurité",
      "food security",
      "nutrition",
    ],
  },
  {
    code: "migration",
    fr: "Migrations et codéveloppement",
    en: "Migration and co-development",
    synonyms: [
      "migration",
      "migrations",
      "codéveloppement",
      "co-développement",
      "diaspora",
      "ressortissants",
      "co-development",
    ],
  },
  {
    code: "urban",
    fr: "Urbanisme et équipements marchands",
    en: "Urban planning and market facilities",
    synonyms: [
      "urbanisme",
      "aménagement",
      "marché",
      "équipements marchands",
      "voirie",
      "cadastre",
      "urban planning",
      "market",
      "roads",
    ],
  },
  {
    code: "energy",
    fr: "Énergie",
    en: "Energy",
    synonyms: [
      "énergie",
      "électrification",
      "solaire",
      "énergies renouvelables",
      "energy",
      "solar",
      "electrification",
    ],
  },
];

const BY_CODE = new Map(TAXONOMY.map((d) => [d.code, d]));

export function domainLabel(code: DomainCode, lang: "fr" | "en"): string {
  const d = BY_CODE.get(code);
  return d ? d[lang] : code;
}

export function isDomainCode(value: string): value is DomainCode {
  return BY_CODE.has(value as DomainCode);
}
