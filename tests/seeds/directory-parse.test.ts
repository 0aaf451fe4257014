import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertNoContactData } from "../../seeds/directory/build-ties.js";
import {
  annexToRawTies,
  classifyDomains,
  fichesToRawTies,
  mergeTies,
  parseAnnex,
  parseDomainTable,
  parseFiches,
  parseUndocumented,
  tableDomainsFor,
  undocumentedToRawTies,
} from "../../seeds/directory/parse-directory.js";
import {
  buildFranceIndex,
  buildMaliIndex,
  resolveFrench,
  resolveMalian,
  type FranceData,
  type MaliUnit,
} from "../../seeds/directory/resolve.js";

// A miniature of the répertoire's text layout (fake contacts, invented figures).
const DIRECTORY = `
 Tableau récapitulatif des partenariats renseignés par domaines
APPUI A LA SOCIETE CIVILE
- Appui aux dynamiques de quartier

Bures-sur-Yvette, CG Allier / AIMF

EAU ET ASSAINISSEMENT
- Maîtrise de l'eau, accès à l'eau

CG Allier, Saint-
Sébastien
 Date de mise à jour : 09/05/2007


Bures sur Yvette / Korera Kore

Collectivité française
Nom : BURES SUR YVETTE
Nb habitants : 9 897
Département/Région : Essonne/IDF

Collectivité malienne
Nom : KORERA KORE
Nb habitants : 17 000
Cercle/Région/Commune : Cercle de Nioro du Sahel

Coordonnées de l’exécutif (maire, président)
Nom : Prénom NOM
Adresse : 1 place de la Mairie ; 91440 Bures
Tél : 00 00 00 00 00   Fax :
@ : contact@example.invalid

                                                       Présentation du partenariat
Date de début des contacts : 1990
Date de formalisation de la relation + type de document (ex : convention) régissant le partenariat :
 Février 1999  Acte de jumelage coopération
Budget consacré à la coopération décentralisée/an:

Actions de coopération réalisées depuis 2000 (au Mali et en France)
Domaines
d’intervention
SANTE Construction d'un CSCOM et dotation en médicaments
HYDRAULIQUE Réalisation de trois forages
Perspectives du partenariat (ex : existence d’une convention de financement triennale)
Documents de capitalisation, évaluations et études réalisées
 Date de mise à jour : 01/04/2007

Conseil Général de l’Allier / Cercle de Niafunké

Collectivité française
Nom : Conseil Général de l’Allier
Nb habitants : 344 721
Département/Région : ALLIER/Région Auvergne

Collectivité malienne
Nom : Cercle de NIAFUNKE
Nb habitants : 120 000
Cercle/Région/Commune : Région de Tombouctou

Coordonnées de l’exécutif (maire, président)
Nom : Prénom NOM
                                                       Présentation du partenariat
Date de début des contacts : octobre 1988
Date de formalisation de la relation + type de document (ex : convention) régissant le partenariat :
Premier contact en 1988 ; une mission en 1989
Mai 1990 – signature d’une convention de coopération décentralisée
Budget consacré à la coopération décentralisée/an:
 Actions de coopération réalisées depuis 2000 (au Mali et en France)
Education : construction d'écoles, alphabétisation des femmes
Perspectives du partenariat
 Partenariats de coopération décentralisée non renseignés

Achères/Bamako, Amboise/Fana, Communauté de communes Astérienne Isle et Vern/ Djelebou, Karakoro et

Sahel, CG des Hautes Pyrénées, Boussy Saint

Antoine/Dieoura.
 Autres types de partenariats
 Date de mise à jour : 01/05/2007

AIMF / Bamako (District)
Collectivité française
Nom : Association internationale des Maires francophones
Collectivité malienne
Nom : Bamako (District)
Cercle/Région/Commune :
                                                       Présentation du partenariat
Date de début des contacts : 1979, Bamako est membre de l’AIMF dès sa création
 Annexe 1 : Présentation des partenariats renseignés par régions
maliennes
 Tableau 3 : Région de Kayes

France Mali
Bures-sur-Yvette / Essonne Korera Kore
Boussy-st-Antoine / Essonne Dieoura
Conseil général Hauts de Seine Région de Kayes
Tableau 4 : Région de Kidal

France Mali
Conseil général du Morbihan Kidal (Région)

Annexe 2 : Présentation de Cités Unies France
`;

const AREA_NAMES = ["Essonne", "Hauts-de-Seine", "Morbihan", "Île-de-France"];

describe("parseFiches", () => {
  const fiches = parseFiches(DIRECTORY);

  it("parses a fiche into both sides with years and document type", () => {
    const bures = fiches[0];
    expect(bures?.section).toBe("partnership");
    expect(bures?.french).toMatchObject({ name: "Bures sur Yvette", population: 9897, area: "Essonne/IDF" });
    expect(bures?.malian).toMatchObject({
      name: "Korera Kore",
      population: 17000,
      location: "Cercle de Nioro du Sahel",
    });
    expect(bures?.firstContactYear).toBe(1990);
    expect(bures?.formalisedYear).toBe(1999);
    expect(bures?.documentType).toBe("jumelage");
  });

  it("takes the year from the sentence naming the document", () => {
    const allier = fiches[1];
    expect(allier?.malian?.name).toBe("Cercle de Niafunké");
    expect(allier?.firstContactYear).toBe(1988);
    expect(allier?.formalisedYear).toBe(1990);
    expect(allier?.documentType).toBe("convention");
  });

  it("classifies the domains of the actions", () => {
    expect(fiches[0]?.domains).toEqual(["health", "water"]);
    expect(fiches[1]?.domains).toEqual(["education", "gender"]);
  });

  it("never carries contact data", () => {
    const json = JSON.stringify(fiches);
    expect(json).not.toMatch(/example\.invalid|00 00 00|Prénom/);
  });

  it("flags an 'autres types' entry and makes no tie of it", () => {
    expect(fiches).toHaveLength(3);
    expect(fiches[2]?.section).toBe("other");
    const ties = fichesToRawTies(fiches);
    expect(ties.map((t) => t.french.name)).toEqual(["Bures sur Yvette", "Conseil Général de l’Allier"]);
  });
});

describe("classifyDomains", () => {
  it("matches accent-insensitively on whole words", () => {
    expect(
      classifyDomains(
        "Réhabilitation du CSCOM ; adduction d'eau potable ; maraîchage des groupements de femmes",
      ),
    ).toEqual(["health", "water", "rural", "gender"]);
  });

  it("does not read crops as culture nor 'ce genre de' as gender", () => {
    expect(classifyDomains("culture maraîchère et autres actions de ce genre")).toEqual(["rural"]);
    expect(classifyDomains("Festival et échanges culturels")).toEqual(["culture"]);
  });
});

describe("parseDomainTable", () => {
  it("lists collectivités under each domain heading and matches short forms", () => {
    const table = parseDomainTable(DIRECTORY);
    expect(table.map((e) => e.domain)).toEqual(["civil_society", "water"]);
    expect(table[1]?.names).toEqual(["CG Allier", "Saint-Sébastien"]);
    expect(tableDomainsFor("Conseil Général de l’Allier", table)).toEqual(["water", "civil_society"]);
    expect(tableDomainsFor("Saint-Sébastien-sur-Loire", table)).toEqual(["water"]);
  });
});

describe("parseUndocumented", () => {
  it("yields one pair per French/Malian entry, across broken lines", () => {
    const { pairs, unpaired } = parseUndocumented(DIRECTORY);
    expect(pairs).toEqual([
      { french: "Achères", malian: "Bamako" },
      { french: "Amboise", malian: "Fana" },
      { french: "Communauté de communes Astérienne Isle et Vern", malian: "Djelebou, Karakoro et Sahel" },
      { french: "Boussy Saint Antoine", malian: "Dieoura" },
    ]);
    expect(unpaired).toEqual(["CG des Hautes Pyrénées"]);
    // A list of Malian partners becomes one tie each.
    expect(undocumentedToRawTies(pairs).map((t) => t.malian.name)).toEqual([
      "Bamako",
      "Fana",
      "Djelebou",
      "Karakoro",
      "Sahel",
      "Dieoura",
    ]);
  });
});

describe("parseAnnex", () => {
  it("separates the département column from the Malian collectivité", () => {
    expect(parseAnnex(DIRECTORY, AREA_NAMES)).toEqual([
      { region: "Kayes", french: "Bures-sur-Yvette", frenchArea: "Essonne", malian: "Korera Kore" },
      { region: "Kayes", french: "Boussy-st-Antoine", frenchArea: "Essonne", malian: "Dieoura" },
      {
        region: "Kayes",
        french: "Conseil général Hauts de Seine",
        frenchArea: "Hauts de Seine",
        malian: "Région de Kayes",
      },
      {
        region: "Kidal",
        french: "Conseil général du Morbihan",
        frenchArea: "Morbihan",
        malian: "Kidal (Région)",
      },
    ]);
  });
});

describe("mergeTies", () => {
  it("dedupes the same pair across sources accent- and punctuation-insensitively", () => {
    const raw = [
      ...fichesToRawTies(parseFiches(DIRECTORY)),
      ...undocumentedToRawTies(parseUndocumented(DIRECTORY).pairs),
      ...annexToRawTies(parseAnnex(DIRECTORY, AREA_NAMES)),
    ];
    const merged = mergeTies(raw);
    const bures = merged.filter((t) => t.french.name.startsWith("Bures"));
    expect(bures).toHaveLength(1);
    expect(bures[0]?.sources).toEqual(["fiche", "annex"]);
    expect(bures[0]?.formalisedYear).toBe(1999);
    const boussy = merged.filter((t) => t.malian.name === "Dieoura");
    expect(boussy).toHaveLength(1);
    expect(boussy[0]?.sources).toEqual(["undocumented", "annex"]);
    // The fiche's name wins over the annex's spelling.
    expect(bures[0]?.french.name).toBe("Bures sur Yvette");
  });
});

describe("resolveMalian", () => {
  const units: MaliUnit[] = [
    { level: "region", pcode: "ML02", name: "Koulikoro" },
    { level: "region", pcode: "ML04", name: "Ségou" },
    { level: "cercle", pcode: "ML0207", name: "Nara", region: "Koulikoro" },
    { level: "cercle", pcode: "ML0405", name: "San", region: "Ségou" },
    { level: "commune", pcode: "ML020710", name: "Niamana", cercle: "Nara", region: "Koulikoro" },
    { level: "commune", pcode: "ML040512", name: "Niamana", cercle: "San", region: "Ségou" },
    { level: "commune", pcode: "ML040517", name: "San Commune", cercle: "San", region: "Ségou" },
  ];
  const index = buildMaliIndex(units);

  it("picks the right homonym using the cercle named in the fiche", () => {
    expect(resolveMalian({ name: "Niamana-Mourdiah", locations: ["Nara"] }, index).match?.unit.pcode).toBe(
      "ML020710",
    );
    expect(
      resolveMalian({ name: "Niamana", locations: ["Cercle de San / Ségou"] }, index).match?.unit.pcode,
    ).toBe("ML040512");
    expect(resolveMalian({ name: "Niamana" }, index)).toEqual({ match: null, ambiguous: true });
  });

  it("prefers the level the name states, else the commune", () => {
    expect(resolveMalian({ name: "San" }, index).match?.unit.pcode).toBe("ML040517");
    expect(resolveMalian({ name: "Cercle de San" }, index).match?.unit.pcode).toBe("ML0405");
    expect(resolveMalian({ name: "Assemblée régionale de Ségou" }, index).match?.unit.pcode).toBe("ML04");
  });
});

describe("resolveFrench", () => {
  const data: FranceData = {
    communes: [
      {
        code: "28267",
        nom: "Montreuil",
        type: "commune-actuelle",
        departement: "28",
        region: "24",
        population: 538,
      },
      {
        code: "85148",
        nom: "Montreuil",
        type: "commune-actuelle",
        departement: "85",
        region: "52",
        population: 818,
      },
      {
        code: "93048",
        nom: "Montreuil",
        type: "commune-actuelle",
        departement: "93",
        region: "11",
        population: 111934,
      },
      {
        code: "91085",
        nom: "Boissy-sous-Saint-Yon",
        type: "commune-actuelle",
        departement: "91",
        region: "11",
        population: 3882,
      },
    ],
    departements: [
      { code: "03", nom: "Allier", region: "84" },
      { code: "28", nom: "Eure-et-Loir", region: "24" },
      { code: "85", nom: "Vendée", region: "52" },
      { code: "91", nom: "Essonne", region: "11" },
      { code: "93", nom: "Seine-Saint-Denis", region: "11" },
    ],
    regions: [
      { code: "11", nom: "Île-de-France" },
      { code: "24", nom: "Centre-Val de Loire" },
      { code: "52", nom: "Pays de la Loire" },
      { code: "84", nom: "Auvergne-Rhône-Alpes" },
    ],
    epci: [],
  };
  const index = buildFranceIndex(data);

  it("uses the département given to pick a commune", () => {
    expect(resolveFrench({ name: "Montreuil", areas: ["Vendée"] }, index).match?.code).toBe("85148");
    expect(resolveFrench({ name: "MONTREUIL", areas: ["Seine-Saint-Denis"] }, index).match?.code).toBe(
      "93048",
    );
    expect(resolveFrench({ name: "Boissy-sous-st-yon", areas: ["Essonne"] }, index).match?.code).toBe(
      "91085",
    );
  });

  it("links councils to départements and 2008 régions to their successor", () => {
    expect(resolveFrench({ name: "Conseil Général de l’Allier" }, index).match).toMatchObject({
      kind: "departement",
      code: "03",
    });
    expect(resolveFrench({ name: "CR Rhône-Alpes" }, index).match).toMatchObject({
      kind: "region",
      code: "84",
    });
    expect(resolveFrench({ name: "Fédération France Cercle de Ménaka" }, index)).toMatchObject({
      kind: "other",
      match: null,
    });
  });
});

describe("committed ties-2008.json", () => {
  const data = JSON.parse(
    readFileSync(new URL("../../seeds/directory/ties-2008.json", import.meta.url), "utf8"),
  ) as {
    counts: Record<string, number>;
    ties: Array<{ id: string; french: { name: string }; malian: { name: string } }>;
  };

  it("holds no e-mail, phone number or URL", () => {
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(text).not.toMatch(/https?:\/\/|www\./i);
    expect(text).not.toMatch(/(?:\+|\b00)\s?\d{2,3}[\s.]\d/);
    expect(text).not.toMatch(/\b0\d(?:[\s.-]?\d{2}){4}\b/);
    expect(() => assertNoContactData(data)).not.toThrow();
  });

  it("names both sides of every tie, once", () => {
    for (const t of data.ties) {
      expect(t.french.name.trim()).not.toBe("");
      expect(t.malian.name.trim()).not.toBe("");
    }
    expect(new Set(data.ties.map((t) => t.id)).size).toBe(data.ties.length);
    expect(data.counts.distinctTies).toBe(data.ties.length);
  });

  it("has a guard that refuses contact-like strings", () => {
    expect(() => assertNoContactData({ name: "mairie@example.invalid" })).toThrow(/e-mail/);
    expect(() => assertNoContactData({ name: "Tél : 01 02 03 04 05" })).toThrow();
    expect(() => assertNoContactData({ name: "00 223 222 29 46" })).toThrow(/phone/);
    expect(() => assertNoContactData({ name: "www.example.org" })).toThrow(/URL/);
    expect(() => assertNoContactData({ name: "Saint-Jean de la Ruelle", code: "243300316" })).not.toThrow();
  });
});
