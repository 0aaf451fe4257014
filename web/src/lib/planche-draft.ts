import { LIMITS } from "./domain.js";
import type { SizePreference } from "./domain.js";
import {
  type ClientIssue,
  type CommonDraft,
  commonInput,
  contactToDraft,
  emptyContact,
  identityIssues,
  manualIdentity,
  newKey,
  numberText,
  type StepDefinition,
  toInt,
  trimmedLines,
  validateContact,
} from "./draft.js";
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
export const MAX_PRIORITIES = LIMITS.priorities;
export const MAX_DIASPORA = LIMITS.diaspora;

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

export interface PlancheDraft extends CommonDraft {
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
  diaspora: DiasporaDraft[];
  currentPartners: string;
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
    languages: ["fr"],
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
    return { refCode: u.code, name: u.name, country: "ML", level: u.level };
  }
  const m = d.manual;
  return {
    ...manualIdentity(m),
    country: "ML",
    ...(m.regionCode ? { regionCode: m.regionCode, regionName: m.regionName } : {}),
    ...(m.cercleName.trim() ? { cercleName: m.cercleName.trim() } : {}),
  };
}

/** The POST /api/profiles body of a draft. Empty optional fields are left out, never sent blank. */
export function plancheDraftToInput(d: PlancheDraft): PlancheInput {
  const start = toInt(d.pdescStart);
  const end = toInt(d.pdescEnd);
  const common = commonInput<Modality>(d);
  const modalities = common.modalities;
  return {
    side: "mali",
    collectivite: collectiviteOf(d),
    ...common,
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
  const issues = identityIssues(d.mode === "reference", d.reference !== null, d.manual.name);
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

/** A saved planche (GET /private) as a draft of the form, for editing. */
export function plancheToDraft(p: PlancheInput): PlancheDraft {
  const base = emptyPlancheDraft();
  const c = p.collectivite;
  const level: MaliLevel = c.level === "cercle" || c.level === "region" ? c.level : "commune";
  return {
    ...base,
    mode: c.refCode ? "reference" : "manual",
    reference: c.refCode
      ? {
          code: c.refCode,
          pcode: c.refCode,
          level,
          name: c.name,
          population: c.population ?? null,
          cercleCode: c.cercleCode ?? null,
          cercleName: c.cercleName ?? null,
          regionCode: c.regionCode ?? null,
          regionName: c.regionName ?? null,
        }
      : null,
    manual: {
      name: c.refCode ? "" : c.name,
      level,
      population: c.refCode ? "" : numberText(c.population),
      regionCode: c.refCode ? "" : (c.regionCode ?? ""),
      regionName: c.refCode ? "" : (c.regionName ?? ""),
      cercleName: c.refCode ? "" : (c.cercleName ?? ""),
    },
    presentation: p.presentation,
    languages: [...p.languages],
    pdescStart: numberText(p.pdesc?.start),
    pdescEnd: numberText(p.pdesc?.end),
    priorities: p.priorities.map((x) => ({
      key: newKey(),
      sector: x.sector,
      aspect: x.aspect,
      actors: x.actors,
    })),
    assets: p.assets,
    sought: {
      description: p.partnerSought.description,
      themes: [...p.partnerSought.themes],
      levels: [...p.partnerSought.levels],
      countries: [...p.partnerSought.countries],
      size: p.partnerSought.size,
    },
    modalities: [...new Set([...p.modalities, ...p.partnerSought.modalities])],
    diaspora: p.diaspora.map((a) => ({ key: newKey(), name: a.name, city: a.city, country: a.country })),
    currentPartners: p.currentPartners.join("\n"),
    contact: contactToDraft(p.contact),
  };
}
