import { LIMITS } from "./domain.js";
import type { BudgetBand, SizePreference } from "./domain.js";
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
import {
  canonicalFrenchCode,
  FRENCH_KINDS,
  type FrenchKind,
  parseRefCode,
} from "../../../src/core/reference-codes.js";
import type { FrenchCollectivite, Level, Modality, PartnerInput, PartnerViewModel } from "./types.js";

export { FRENCH_KINDS };

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
export const MAX_AREAS = LIMITS.preferredAreas;

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

export interface PartnerDraft extends CommonDraft {
  version: 1;
  step: number;
  country: string;
  mode: "reference" | "manual";
  referenceLevel: "" | "commune" | "epci" | "departement" | "region";
  reference: FrenchCollectivite | null;
  manual: { name: string; level: PartnerLevel; population: string; regionName: string };
  themesSought: string[];
  expertiseOffered: string[];
  offerDescription: string;
  preferredAreas: AreaDraft[];
  diaspora: OriginDraft[];
  sizePreference: SizePreference;
  capacity: { budgetBand: BudgetBand; staff: string; cofunding: boolean };
  currentTies: string;
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
    languages: ["fr"],
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

function collectiviteOf(d: PartnerDraft): PartnerInput["collectivite"] {
  if (usesReference(d)) {
    const c = d.reference;
    if (!c) return { name: "", country: "FR", level: "commune" };
    return { refCode: c.code, name: c.name, country: "FR", level: c.kind };
  }
  return {
    ...manualIdentity(d.manual),
    country: d.country,
    ...(d.manual.regionName.trim() ? { regionName: d.manual.regionName.trim() } : {}),
  };
}

export function partnerDraftToInput(d: PartnerDraft): PartnerInput {
  const staff = toInt(d.capacity.staff);
  type Domain = PartnerInput["themesSought"][number];
  return {
    side: "partner",
    collectivite: collectiviteOf(d),
    ...commonInput<Modality>(d),
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
  const issues = identityIssues(usesReference(d), d.reference !== null, d.manual.name);
  if (d.themesSought.length === 0) issues.push({ field: "themesSought", code: "min_one" });
  d.diaspora.forEach((o, i) => {
    if (!o.originCode && o.association.trim())
      issues.push({ field: `diaspora.${i}.originCode`, code: "required" });
  });
  issues.push(...validateContact(d.contact));
  return issues;
}

/**
 * The reference entry behind a saved French refCode (`commune:93048`, `departement:93`), for
 * editing a saved profile. Codes saved before the canonical scheme are read by the level.
 */
export function frenchFromRefCode(c: PartnerInput["collectivite"]): FrenchCollectivite | null {
  if (c.country !== "FR" || !c.refCode) return null;
  const code = canonicalFrenchCode(c.refCode, c.level);
  const parsed = code ? parseRefCode(code) : null;
  if (parsed?.scheme !== "fr") return null;
  return {
    code: parsed.code,
    localCode: parsed.local,
    kind: parsed.level as FrenchKind,
    name: c.name,
    population: c.population ?? null,
    departementCode: c.departementCode ?? null,
    regionCode: c.regionCode ?? null,
    regionName: c.regionName ?? null,
  };
}

/** P-code length by level: ML01 (région), ML0107 (cercle), ML010701 (commune). */
const maliLevelOf = (pcode: string) =>
  pcode.length <= 4 ? "region" : pcode.length <= 6 ? "cercle" : "commune";

/**
 * A saved partner profile (GET /private) as a draft of the form, for editing. Place names
 * come from `placeName` (the codes themselves when unknown).
 */
export function partnerToDraft(
  p: PartnerInput,
  placeName: (pcode: string) => string | undefined,
): PartnerDraft {
  const base = emptyPartnerDraft();
  const c = p.collectivite;
  const reference = frenchFromRefCode(c);
  const level = (["commune", "epci", "departement", "region", "other"] as const).find((l) => l === c.level);
  return {
    ...base,
    country: c.country,
    mode: reference ? "reference" : "manual",
    reference,
    manual: reference
      ? base.manual
      : {
          name: c.name,
          level: level ?? "other",
          population: numberText(c.population),
          regionName: c.regionName ?? "",
        },
    presentation: p.presentation,
    languages: [...p.languages],
    themesSought: [...p.themesSought],
    expertiseOffered: [...p.expertiseOffered],
    offerDescription: p.offerDescription,
    preferredAreas: p.preferredAreas.map((pcode) => ({
      pcode,
      name: placeName(pcode) ?? pcode,
      level: maliLevelOf(pcode),
    })),
    diaspora: p.diaspora.map((o) => ({
      key: newKey(),
      originCode: o.originCode,
      originName: placeName(o.originCode) ?? o.originCode,
      association: o.association,
    })),
    sizePreference: p.sizePreference,
    capacity: {
      budgetBand: p.capacity.budgetBand,
      staff: numberText(p.capacity.staff),
      cofunding: p.capacity.cofunding,
    },
    modalities: [...p.modalities],
    currentTies: p.currentTies.join("\n"),
    contact: contactToDraft(p.contact),
  };
}
