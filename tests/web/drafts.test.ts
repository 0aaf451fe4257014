import { describe, expect, it } from "vitest";
import { PartnerInputSchema, PlancheInputSchema } from "../../src/core/schemas/profile.js";
import {
  clearDraft,
  firstErrorStep,
  fieldId,
  type KeyValueStorage,
  loadDraft,
  moveItem,
  saveDraft,
  stepForField,
  toInt,
} from "../../web/src/lib/draft.js";
import {
  emptyPartnerDraft,
  frenchFromRefCode,
  PARTNER_STEPS,
  partnerDraftToInput,
  partnerToDraft,
  validatePartnerDraft,
} from "../../web/src/lib/partner-draft.js";
import {
  emptyPlancheDraft,
  emptyPriority,
  PLANCHE_STEPS,
  type PlancheDraft,
  plancheDraftToInput,
  plancheDraftToView,
  plancheToDraft,
  validatePlancheDraft,
} from "../../web/src/lib/planche-draft.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new Error("QuotaExceededError");
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

const kayes = {
  code: "ML010312",
  pcode: "ML010312",
  level: "commune" as const,
  name: "Kayes Commune",
  population: 126319,
  cercleCode: "ML0103",
  cercleName: "Kayes",
  regionCode: "ML01",
  regionName: "Kayes",
};

function filledPlanche(): PlancheDraft {
  const d = emptyPlancheDraft();
  return {
    ...d,
    reference: kayes,
    presentation: "  Capitale régionale.  ",
    pdescStart: "2024",
    pdescEnd: "2028",
    priorities: [
      { ...emptyPriority(), sector: "water", aspect: "Réhabiliter les forages", actors: "" },
      { ...emptyPriority(), sector: "health", aspect: "Équiper la maternité", actors: "ASACO" },
    ],
    sought: { ...d.sought, themes: ["water"], countries: ["FR"] },
    modalities: ["remote", "diaspora"],
    diaspora: [
      { key: "a", name: "Ressortissants de Kayes", city: "Montreuil", country: "FR" },
      { key: "b", name: "", city: "", country: "FR" },
    ],
    currentPartners: "Évry\n\n  Montreuil  \n",
    contact: { name: "Secrétaire général", role: "", email: "sg@example.org", phone: "", language: "fr" },
  };
}

describe("planche draft → POST body", () => {
  it("produces a body the API's own schema accepts", () => {
    const body = plancheDraftToInput(filledPlanche());
    const parsed = PlancheInputSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body.collectivite).toEqual({
      refCode: "ML010312",
      name: "Kayes Commune",
      country: "ML",
      level: "commune",
    });
    expect(body.pdesc).toEqual({ start: 2024, end: 2028 });
    expect(body.presentation).toBe("Capitale régionale.");
    expect(body.diaspora).toHaveLength(1);
    expect(body.currentPartners).toEqual(["Évry", "Montreuil"]);
    expect(body.partnerSought.modalities).toEqual(["remote", "diaspora"]);
    expect(body.contact).toEqual({ name: "Secrétaire général", email: "sg@example.org", language: "fr" });
  });

  it("keeps a hand-entered collectivité as typed and leaves empty optional fields out", () => {
    const d = filledPlanche();
    const body = plancheDraftToInput({
      ...d,
      mode: "manual",
      pdescStart: "",
      pdescEnd: "",
      manual: {
        name: " Nouvelle commune ",
        level: "commune",
        population: "12 500",
        regionCode: "ML01",
        regionName: "Kayes",
        cercleName: "",
      },
    });
    expect(body.collectivite).toEqual({
      name: "Nouvelle commune",
      country: "ML",
      level: "commune",
      population: 12500,
      regionCode: "ML01",
      regionName: "Kayes",
    });
    expect(body.pdesc).toBeUndefined();
    expect(PlancheInputSchema.safeParse(body).success).toBe(true);
  });

  it("previews the reference names the server will fill in", () => {
    const view = plancheDraftToView(filledPlanche());
    expect(view.collectivite).toMatchObject({ population: 126319, cercleName: "Kayes", regionName: "Kayes" });
    expect("contact" in view).toBe(false);
  });

  it("flags missing essentials only, by API field path", () => {
    const d = emptyPlancheDraft();
    expect(validatePlancheDraft(d).map((i) => i.field)).toEqual([
      "collectivite.refCode",
      "priorities.0.sector",
      "priorities.0.aspect",
      "contact.name",
      "contact.email",
    ]);
    expect(validatePlancheDraft(filledPlanche())).toEqual([]);
    const badEmail = { ...filledPlanche(), contact: { ...filledPlanche().contact, email: "sg@" } };
    expect(validatePlancheDraft(badEmail)).toEqual([{ field: "contact.email", code: "email" }]);
  });
});

describe("steps", () => {
  it("finds the step of any API field path", () => {
    expect(stepForField("collectivite.refCode", PLANCHE_STEPS)).toBe(0);
    expect(stepForField("priorities.3.aspect", PLANCHE_STEPS)).toBe(1);
    expect(stepForField("pdesc.end", PLANCHE_STEPS)).toBe(1);
    expect(stepForField("partnerSought.modalities.0", PLANCHE_STEPS)).toBe(2);
    expect(stepForField("contact.email", PLANCHE_STEPS)).toBe(3);
    expect(stepForField("extra", PLANCHE_STEPS)).toBe(4);
    expect(stepForField("(body)", PLANCHE_STEPS)).toBe(4);
    expect(stepForField("capacity.staff", PARTNER_STEPS)).toBe(2);
    expect(firstErrorStep(["contact.email", "priorities.0.aspect"], PLANCHE_STEPS)).toBe(1);
    expect(firstErrorStep([], PLANCHE_STEPS)).toBeNull();
  });

  it("derives DOM ids from field paths", () => {
    expect(fieldId("priorities.0.aspect")).toBe("f-priorities-0-aspect");
  });
});

describe("draft storage", () => {
  it("saves and restores a draft, filling fields an older draft lacks", () => {
    const storage = new MemoryStorage();
    const d = filledPlanche();
    expect(saveDraft(storage, "k", d)).toBe(true);
    expect(loadDraft(storage, "k", emptyPlancheDraft)).toEqual(d);
    const { sought: _s, ...older } = d;
    storage.setItem("k", JSON.stringify(older));
    expect(loadDraft(storage, "k", emptyPlancheDraft)?.sought).toEqual(emptyPlancheDraft().sought);
  });

  it("ignores corrupt, foreign-version or mistyped drafts", () => {
    const storage = new MemoryStorage();
    storage.setItem("k", "{not json");
    expect(loadDraft(storage, "k", emptyPlancheDraft)).toBeNull();
    storage.setItem("k", JSON.stringify({ version: 99 }));
    expect(loadDraft(storage, "k", emptyPlancheDraft)).toBeNull();
    storage.setItem("k", JSON.stringify({ version: 1, presentation: 42, priorities: "x" }));
    const d = loadDraft(storage, "k", emptyPlancheDraft);
    expect(d?.presentation).toBe("");
    expect(Array.isArray(d?.priorities)).toBe(true);
  });

  it("reports a refused write and clears", () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    expect(saveDraft(storage, "k", {})).toBe(false);
    expect(saveDraft(null, "k", {})).toBe(false);
    storage.failWrites = false;
    saveDraft(storage, "k", { version: 1 });
    clearDraft(storage, "k");
    expect(storage.getItem("k")).toBeNull();
  });
});

describe("ordered lists", () => {
  it("moves an item within bounds without touching the original", () => {
    const list = ["a", "b", "c"];
    expect(moveItem(list, 2, -1)).toEqual(["a", "c", "b"]);
    expect(moveItem(list, 0, -1)).toEqual(["a", "b", "c"]);
    expect(moveItem(list, 0, 5)).toEqual(["b", "c", "a"]);
    expect(list).toEqual(["a", "b", "c"]);
  });

  it("reads integers typed with spaces", () => {
    expect(toInt("12 500")).toBe(12500);
    expect(toInt("")).toBeUndefined();
    expect(toInt("1,5")).toBeUndefined();
  });
});

describe("partner draft", () => {
  it("produces a body the API accepts, with French reference codes disambiguated", () => {
    const d = emptyPartnerDraft();
    const body = partnerDraftToInput({
      ...d,
      reference: {
        code: "departement:91",
        localCode: "91",
        kind: "departement",
        name: "Essonne",
        population: 1338485,
        departementCode: "departement:91",
        regionCode: "region:11",
        regionName: "Île-de-France",
      },
      themesSought: ["water"],
      preferredAreas: [{ pcode: "ML01", name: "Kayes", level: "region" }],
      diaspora: [{ key: "k", originCode: "ML0107", originName: "Yélimané", association: "ARY" }],
      capacity: { budgetBand: "10k_50k", staff: "3", cofunding: true },
      contact: { name: "Service RI", role: "", email: "ri@example.org", phone: "", language: "fr" },
    });
    expect(body.collectivite.refCode).toBe("departement:91");
    expect(body.capacity).toEqual({ budgetBand: "10k_50k", staff: 3, cofunding: true });
    const parsed = PartnerInputSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("enters collectivités outside France by hand", () => {
    const d = { ...emptyPartnerDraft(), country: "BE" };
    expect(validatePartnerDraft(d).map((i) => i.field)).toContain("collectivite.name");
    const body = partnerDraftToInput({
      ...d,
      manual: { name: "Ville de Namur", level: "commune", population: "", regionName: "Wallonie" },
    });
    expect(body.collectivite).toEqual({
      name: "Ville de Namur",
      country: "BE",
      level: "commune",
      regionName: "Wallonie",
    });
  });
});

describe("a saved profile back into the form (edit mode)", () => {
  const names: Record<string, string> = { ML0107: "Yélimané", ML010701: "Diafounou Diongaga" };

  it("turns a planche into a draft whose body is the same planche", () => {
    const saved = PlancheInputSchema.parse({
      ...plancheInput(),
      collectivite: {
        refCode: "ML010701",
        name: "Diafounou Diongaga",
        country: "ML",
        level: "commune",
        population: 9678,
        regionCode: "ML01",
        regionName: "Kayes",
        cercleCode: "ML0107",
        cercleName: "Yélimané",
      },
      modalities: ["remote", "diaspora"],
      currentPartners: ["Montreuil"],
    });
    const d = plancheToDraft(saved);
    expect(d.mode).toBe("reference");
    expect(d.reference).toMatchObject({ pcode: "ML010701", cercleName: "Yélimané", population: 9678 });
    expect(d.contact.phone).toBe("+223 20 00 00 00");
    expect(new Set(d.priorities.map((p) => p.key)).size).toBe(d.priorities.length);
    const body = plancheDraftToInput(d);
    expect(PlancheInputSchema.safeParse(body).success).toBe(true);
    expect(body.priorities).toEqual(saved.priorities);
    expect(body.pdesc).toEqual(saved.pdesc);
    expect(body.partnerSought).toEqual(saved.partnerSought);
    expect(body.diaspora).toEqual(saved.diaspora);
    expect(body.currentPartners).toEqual(["Montreuil"]);
    expect(body.collectivite).toEqual({
      refCode: "ML010701",
      name: "Diafounou Diongaga",
      country: "ML",
      level: "commune",
    });
    expect(body.contact).toEqual(saved.contact);
  });

  it("keeps a hand-entered collectivité as typed", () => {
    const saved = PlancheInputSchema.parse({
      ...plancheInput(),
      collectivite: {
        name: "Nouvelle commune",
        country: "ML",
        level: "commune",
        population: 12500,
        regionCode: "ML01",
        regionName: "Kayes",
      },
    });
    const d = plancheToDraft(saved);
    expect(d.mode).toBe("manual");
    expect(d.manual).toMatchObject({ name: "Nouvelle commune", population: "12500", regionCode: "ML01" });
    expect(plancheDraftToInput(d).collectivite).toEqual(saved.collectivite);
  });

  it("turns a partner profile into a draft, names of places included, and back", () => {
    const saved = PartnerInputSchema.parse({
      ...partnerInput(),
      diaspora: [{ originCode: "ML010701", association: "Ressortissants" }],
      capacity: { budgetBand: "10k_50k", staff: 3, cofunding: true },
      currentTies: ["Yélimané"],
    });
    const d = partnerToDraft(saved, (c) => names[c]);
    expect(d.reference).toMatchObject({ code: "commune:93048", kind: "commune", name: "Montreuil" });
    expect(d.preferredAreas).toEqual([{ pcode: "ML0107", name: "Yélimané", level: "cercle" }]);
    expect(d.diaspora[0]).toMatchObject({ originCode: "ML010701", originName: "Diafounou Diongaga" });
    const body = partnerDraftToInput(d);
    expect(PartnerInputSchema.safeParse(body).success).toBe(true);
    for (const k of [
      "themesSought",
      "expertiseOffered",
      "preferredAreas",
      "diaspora",
      "capacity",
      "currentTies",
      "modalities",
    ] as const) {
      expect(body[k], k).toEqual(saved[k]);
    }
    expect(body.collectivite).toEqual({
      refCode: "commune:93048",
      name: "Montreuil",
      country: "FR",
      level: "commune",
    });
  });

  it("reads départements and régions from their kind:code references; elsewhere, by hand", () => {
    const dep = frenchFromRefCode({
      refCode: "departement:91",
      name: "Essonne",
      country: "FR",
      level: "departement",
    });
    expect(dep).toMatchObject({ code: "departement:91", localCode: "91", kind: "departement" });
    // A commune saved before the canonical scheme (bare INSEE code) is read by its level.
    expect(
      frenchFromRefCode({ refCode: "93048", name: "Montreuil", country: "FR", level: "commune" }),
    ).toMatchObject({ code: "commune:93048", kind: "commune" });
    expect(frenchFromRefCode({ name: "Girona", country: "ES", level: "commune" })).toBeNull();
    const spanish = partnerToDraft(
      PartnerInputSchema.parse({
        ...partnerInput(),
        collectivite: { name: "Ajuntament de Girona", country: "ES", level: "commune" },
      }),
      () => undefined,
    );
    expect([spanish.mode, spanish.country, spanish.manual.name]).toEqual([
      "manual",
      "ES",
      "Ajuntament de Girona",
    ]);
  });
});
