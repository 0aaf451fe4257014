import type { BudgetBand, SizePreference } from "./domain.js";
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
import type { FrenchCollectivite, Level, Modality, PartnerInput, PartnerViewModel } from "./types.js";

export const PARTNER_STEPS = [
  { id: "collectivite", fields: ["collectivite", "presentation", "languages"] },
  { id: "offer", fields: ["themesSought", "expertiseOffered", "offerDescription"] },
  {
    id: "where",
    fields: ["preferredAreas", "diaspora", "sizePreference", "capacity", "modalities", "currentTies"],
  },
  { id: "contact", fields: ["contact"] },
  { id: "preview", fields: [] },
] as const satisfies readonly StepDefinition[];

export const PARTNER_DRAFT_KEY = "bap:draft:partner";
export const MAX_AREAS = 30;

export type PartnerLevel = "commune" | "epci" | "departement" | "region" | "other";

export interface AreaDraft {
  pcode: string;
  name: string;
  level: string;
}

export interface OriginDraft {
  key: string;
  originCode: string;
  originName: string;
  association: string;
}

export interface PartnerDraft {
  version: 1;
  step: number;
  country: string;
  mode: "reference" | "manual";
  referenceLevel: "" | "commune" | "epci" | "departement" | "region";
  reference: FrenchCollectivite | null;
  manual: { name: string; level: PartnerLevel; population: string; regionName: string };
  presentation: string;
  themesSought: string[];
  expertiseOffered: string[];
  offerDescription: string;
  preferredAreas: AreaDraft[];
  diaspora: OriginDraft[];
  sizePreference: SizePreference;
  capacity: { budgetBand: BudgetBand; staff: string; cofunding: boolean };
  modalities: string[];
  currentTies: string;
  contact: ContactDraft;
}

export const emptyOrigin = (): OriginDraft => ({
  key: newKey(),
  originCode: "",
  originName: "",
  association: "",
});

export function emptyPartnerDraft(): PartnerDraft {
  return {
    version: 1,
    step: 0,
    country: "FR",
    mode: "reference",
    referenceLevel: "",
    reference: null,
    manual: { name: "", level: "commune", population: "", regionName: "" },
    presentation: "",
    themesSought: [],
    expertiseOffered: [],
    offerDescription: "",
    preferredAreas: [],
    diaspora: [],
    sizePreference: "any",
    capacity: { budgetBand: "unknown", staff: "", cofunding: false },
    modalities: [],
    currentTies: "",
    contact: emptyContact(),
  };
}

/** The reference list covers France only; elsewhere the collectivité is entered by hand. */
export const usesReference = (d: PartnerDraft) => d.country === "FR" && d.mode === "reference";

/**
 * A French reference code as the API resolves it: communes and EPCI by their bare code,
 * départements and régions as `kind:code` since "11" is both a région and a département.
 */
export function frenchRefCode(c: FrenchCollectivite): string {
  return c.kind === "departement" || c.kind === "region" ? `${c.kind}:${c.code}` : c.code;
}

function collectiviteOf(d: PartnerDraft): PartnerInput["collectivite"] {
  if (usesReference(d)) {
    const c = d.reference;
    if (!c) return { name: "", country: "FR", level: "commune" };
    return { refCode: frenchRefCode(c), name: c.name, country: "FR", level: c.kind };
  }
  const population = toInt(d.manual.population);
  return {
    name: d.manual.name.trim(),
    country: d.country,
    level: d.manual.level,
    ...(population !== undefined ? { population } : {}),
    ...(d.manual.regionName.trim() ? { regionName: d.manual.regionName.trim() } : {}),
  };
}

export function partnerDraftToInput(d: PartnerDraft): PartnerInput {
  const staff = toInt(d.capacity.staff);
  type Domain = PartnerInput["themesSought"][number];
  return {
    side: "partner",
    collectivite: collectiviteOf(d),
    presentation: d.presentation.trim(),
    languages: ["fr"],
    modalities: d.modalities as Modality[],
    contact: contactToInput(d.contact),
    themesSought: d.themesSought as Domain[],
    expertiseOffered: d.expertiseOffered as Domain[],
    offerDescription: d.offerDescription.trim(),
    preferredAreas: d.preferredAreas.map((a) => a.pcode),
    sizePreference: d.sizePreference,
    currentTies: trimmedLines(d.currentTies),
    diaspora: d.diaspora
      .filter((o) => o.originCode)
      .map((o) => ({ originCode: o.originCode, association: o.association.trim() })),
    capacity: {
      budgetBand: d.capacity.budgetBand,
      ...(staff !== undefined ? { staff } : {}),
      cofunding: d.capacity.cofunding,
    },
  };
}

export function partnerDraftToView(d: PartnerDraft): PartnerViewModel {
  const { contact: _contact, ...input } = partnerDraftToInput(d);
  const c = usesReference(d) ? d.reference : null;
  if (!c) return input;
  return {
    ...input,
    collectivite: {
      ...input.collectivite,
      level: c.kind as Level,
      ...(c.population !== null ? { population: c.population } : {}),
      ...(c.regionName ? { regionName: c.regionName } : {}),
    },
  };
}

export function validatePartnerDraft(d: PartnerDraft): ClientIssue[] {
  const issues: ClientIssue[] = [];
  if (usesReference(d) && !d.reference)
    issues.push({ field: "collectivite.refCode", code: "choose_collectivite" });
  if (!usesReference(d) && d.manual.name.trim().length < 2) {
    issues.push({ field: "collectivite.name", code: "required" });
  }
  if (d.themesSought.length === 0) issues.push({ field: "themesSought", code: "min_one" });
  d.diaspora.forEach((o, i) => {
    if (!o.originCode && o.association.trim())
      issues.push({ field: `diaspora.${i}.originCode`, code: "required" });
  });
  issues.push(...validateContact(d.contact));
  return issues;
}
