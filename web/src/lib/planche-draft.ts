import {
  type ClientIssue,
  type ContactDraft,
  contactToInput,
  emptyContact,
  newKey,
  type StepDefinition,
  toInt,
  trimmedLines,
  validateContact,
} from "./draft.js";
import type { SizePreference } from "./domain.js";
import type { Level, MaliUnit, Modality, PlancheInput, PlancheViewModel } from "./types.js";

/** The Guide's method, one step each: who, PDESC priorities, partner sought, contact, review. */
export const PLANCHE_STEPS = [
  { id: "collectivite", fields: ["collectivite", "presentation", "languages"] },
  { id: "priorities", fields: ["pdesc", "priorities", "assets"] },
  { id: "partner", fields: ["partnerSought", "modalities", "diaspora", "currentPartners"] },
  { id: "contact", fields: ["contact"] },
  { id: "preview", fields: [] },
] as const satisfies readonly StepDefinition[];

export const PLANCHE_DRAFT_KEY = "bap:draft:planche";
export const MAX_PRIORITIES = 12;
export const MAX_DIASPORA = 20;

export type MaliLevel = "commune" | "cercle" | "region";

export interface PriorityDraft {
  key: string;
  sector: string;
  aspect: string;
  actors: string;
}

export interface DiasporaDraft {
  key: string;
  name: string;
  city: string;
  country: string;
}

export interface PlancheDraft {
  version: 1;
  step: number;
  mode: "reference" | "manual";
  /** Level filter of the reference autocomplete ("" for all). */
  referenceLevel: "" | MaliLevel;
  reference: MaliUnit | null;
  manual: {
    name: string;
    level: MaliLevel;
    population: string;
    regionCode: string;
    regionName: string;
    cercleName: string;
  };
  presentation: string;
  pdescStart: string;
  pdescEnd: string;
  priorities: PriorityDraft[];
  assets: string;
  sought: {
    description: string;
    themes: string[];
    levels: string[];
    countries: string[];
    size: SizePreference;
  };
  modalities: string[];
  diaspora: DiasporaDraft[];
  currentPartners: string;
  contact: ContactDraft;
}

export const emptyPriority = (): PriorityDraft => ({ key: newKey(), sector: "", aspect: "", actors: "" });
export const emptyDiaspora = (): DiasporaDraft => ({ key: newKey(), name: "", city: "", country: "FR" });

export function emptyPlancheDraft(): PlancheDraft {
  return {
    version: 1,
    step: 0,
    mode: "reference",
    referenceLevel: "",
    reference: null,
    manual: { name: "", level: "commune", population: "", regionCode: "", regionName: "", cercleName: "" },
    presentation: "",
    pdescStart: "",
    pdescEnd: "",
    priorities: [emptyPriority()],
    assets: "",
    sought: { description: "", themes: [], levels: [], countries: [], size: "any" },
    modalities: [],
    diaspora: [],
    currentPartners: "",
    contact: emptyContact(),
  };
}

function collectiviteOf(d: PlancheDraft): PlancheInput["collectivite"] {
  if (d.mode === "reference") {
    const u = d.reference;
    if (!u) return { name: "", country: "ML", level: "commune" };
    // The server fills names, population and parents from the reference code.
    return { refCode: u.pcode, name: u.name, country: "ML", level: u.level };
  }
  const m = d.manual;
  const population = toInt(m.population);
  return {
    name: m.name.trim(),
    country: "ML",
    level: m.level,
    ...(population !== undefined ? { population } : {}),
    ...(m.regionCode ? { regionCode: m.regionCode, regionName: m.regionName } : {}),
    ...(m.cercleName.trim() ? { cercleName: m.cercleName.trim() } : {}),
  };
}

/** The POST /api/profiles body of a draft. Empty optional fields are left out, never sent blank. */
export function plancheDraftToInput(d: PlancheDraft): PlancheInput {
  const start = toInt(d.pdescStart);
  const end = toInt(d.pdescEnd);
  const modalities = d.modalities as Modality[];
  return {
    side: "mali",
    collectivite: collectiviteOf(d),
    presentation: d.presentation.trim(),
    languages: ["fr"],
    modalities,
    contact: contactToInput(d.contact),
    assets: d.assets.trim(),
    ...(start !== undefined || end !== undefined ? { pdesc: { start, end } as PlancheInput["pdesc"] } : {}),
    priorities: d.priorities.map((p) => ({
      sector: p.sector as PlancheInput["priorities"][number]["sector"],
      aspect: p.aspect.trim(),
      actors: p.actors.trim(),
    })),
    partnerSought: {
      countries: d.sought.countries,
      levels: d.sought.levels as Level[],
      size: d.sought.size,
      themes: d.sought.themes as PlancheInput["partnerSought"]["themes"],
      modalities,
      description: d.sought.description.trim(),
    },
    diaspora: d.diaspora
      .filter((a) => a.name.trim() || a.city.trim())
      .map((a) => ({ name: a.name.trim(), city: a.city.trim(), country: a.country })),
    currentPartners: trimmedLines(d.currentPartners),
  };
}

/** The planche as others will see it, for the preview step (reference names filled in). */
export function plancheDraftToView(d: PlancheDraft): PlancheViewModel {
  const { contact: _contact, ...input } = plancheDraftToInput(d);
  const u = d.mode === "reference" ? d.reference : null;
  if (!u) return input;
  return {
    ...input,
    collectivite: {
      ...input.collectivite,
      ...(u.population !== null ? { population: u.population } : {}),
      ...(u.regionCode ? { regionCode: u.regionCode, regionName: u.regionName ?? undefined } : {}),
      ...(u.cercleCode ? { cercleCode: u.cercleCode, cercleName: u.cercleName ?? undefined } : {}),
    },
  };
}

/**
 * What the browser can tell before sending: missing essentials only. Formats and coherence
 * (years, phone numbers, lengths) are the server's to judge, and its answer is shown the same way.
 */
export function validatePlancheDraft(d: PlancheDraft): ClientIssue[] {
  const issues: ClientIssue[] = [];
  if (d.mode === "reference" && !d.reference) {
    issues.push({ field: "collectivite.refCode", code: "choose_collectivite" });
  }
  if (d.mode === "manual" && d.manual.name.trim().length < 2) {
    issues.push({ field: "collectivite.name", code: "required" });
  }
  if (d.priorities.length === 0) issues.push({ field: "priorities", code: "min_one" });
  d.priorities.forEach((p, i) => {
    if (!p.sector) issues.push({ field: `priorities.${i}.sector`, code: "required" });
    if (!p.aspect.trim()) issues.push({ field: `priorities.${i}.aspect`, code: "required" });
    else if (p.aspect.trim().length < 3) issues.push({ field: `priorities.${i}.aspect`, code: "too_short" });
  });
  d.diaspora.forEach((a, i) => {
    if (a.city.trim() && !a.name.trim()) issues.push({ field: `diaspora.${i}.name`, code: "required" });
  });
  issues.push(...validateContact(d.contact));
  return issues;
}

/** Sectors of the priorities, in PDESC order, to offer as the themes sought. */
export function prioritySectors(d: PlancheDraft): string[] {
  return [...new Set(d.priorities.map((p) => p.sector).filter((s) => s !== ""))];
}
