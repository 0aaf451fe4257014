/**
 * Pieces shared by the guided forms: drafts kept in the browser's storage, ordered lists,
 * and which step holds a field. Pure; the storage is passed in.
 */

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A draft is saved with its format version; one of another version is ignored, not half-read. */
export function loadDraft<T extends { version: number }>(
  storage: KeyValueStorage | null,
  key: string,
  empty: () => T,
): T | null {
  if (!storage) return null;
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    const base = empty();
    if (typeof parsed !== "object" || parsed === null) return null;
    if ((parsed as { version?: unknown }).version !== base.version) return null;
    return mergeDefaults(base, parsed as Partial<T>);
  } catch {
    return null;
  }
}

/** Fill what an older or hand-edited draft lacks, keeping the types of the defaults. */
function mergeDefaults<T>(base: T, saved: Partial<T>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
    const def = (base as Record<string, unknown>)[key];
    if (def === undefined) continue;
    if (Array.isArray(def)) {
      if (Array.isArray(value)) out[key] = value;
    } else if (def !== null && typeof def === "object") {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        out[key] = mergeDefaults(def, value as Record<string, unknown>);
      }
    } else if (def === null || typeof value === typeof def) {
      out[key] = value;
    }
  }
  return out as T;
}

/** Returns false when the storage refused (private mode, quota): the form warns, the text stays on screen. */
export function saveDraft(storage: KeyValueStorage | null, key: string, draft: unknown): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Move one item by `delta` places, clamped to the list; a new array, the old one untouched. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const out = [...list];
  const target = Math.min(out.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= out.length || target === index) return out;
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item as T);
  return out;
}

export function removeItem<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceItem<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}

export function toggle(list: readonly string[], value: string, on: boolean): string[] {
  const without = list.filter((v) => v !== value);
  return on ? [...without, value] : without;
}

let counter = 0;
/** Stable identity for a repeated item (keeps focus and input state when the list is reordered). */
export function newKey(): string {
  counter += 1;
  return `k${Date.now().toString(36)}${counter.toString(36)}`;
}

/** An issue found in the browser before sending; its text comes from the message catalogue. */
export interface ClientIssue {
  field: string;
  code: "required" | "email" | "too_short" | "choose_collectivite" | "min_one" | "year_order";
}

export interface StepDefinition {
  id: string;
  /** Field paths (as the API names them) whose errors this step shows. */
  fields: readonly string[];
}

/** The step showing a field: the one with the longest matching prefix, else the last (review) step. */
export function stepForField(field: string, steps: readonly StepDefinition[]): number {
  let best = -1;
  let bestLength = -1;
  steps.forEach((step, i) => {
    for (const prefix of step.fields) {
      const matches = field === prefix || field.startsWith(`${prefix}.`);
      if (matches && prefix.length > bestLength) {
        best = i;
        bestLength = prefix.length;
      }
    }
  });
  return best >= 0 ? best : steps.length - 1;
}

/** The first step holding one of these fields, in step order then in the order given. */
export function firstErrorStep(fields: readonly string[], steps: readonly StepDefinition[]): number | null {
  if (fields.length === 0) return null;
  return Math.min(...fields.map((f) => stepForField(f, steps)));
}

/** A DOM id for a field path ("priorities.0.aspect" → "f-priorities-0-aspect"). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

export const trimmedLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** An integer typed in a form field, or undefined when left empty or unreadable. */
export function toInt(value: string): number | undefined {
  const t = value.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (t === "") return undefined;
  const n = Number(t);
  return Number.isInteger(n) ? n : undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const looksLikeEmail = (s: string) => EMAIL.test(s.trim());

export interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
  language: "fr" | "en";
}

export const emptyContact = (): ContactDraft => ({
  name: "",
  role: "",
  email: "",
  phone: "",
  language: "fr",
});

export function contactToInput(c: ContactDraft) {
  return {
    name: c.name.trim(),
    ...(c.role.trim() ? { role: c.role.trim() } : {}),
    email: c.email.trim(),
    ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
    language: c.language,
  };
}

/** The draft of a contact as saved in a profile (edit mode). */
export function contactToDraft(c: {
  name: string;
  role?: string;
  email: string;
  phone?: string;
  language?: "fr" | "en";
}): ContactDraft {
  return {
    name: c.name,
    role: c.role ?? "",
    email: c.email,
    phone: c.phone ?? "",
    language: c.language ?? "fr",
  };
}

/** What both guided forms hold besides their side's fields. */
export interface CommonDraft {
  presentation: string;
  languages: string[];
  modalities: string[];
  contact: ContactDraft;
}

/** The fields of the POST/PUT body common to both sides. */
export function commonInput<M extends string>(d: CommonDraft) {
  return {
    presentation: d.presentation.trim(),
    languages: d.languages.length > 0 ? d.languages : ["fr"],
    modalities: d.modalities as M[],
    contact: contactToInput(d.contact),
  };
}

/** A collectivité entered by hand: name, level and the population when it reads as a number. */
export function manualIdentity<L extends string>(m: { name: string; level: L; population: string }) {
  const population = toInt(m.population);
  return { name: m.name.trim(), level: m.level, ...(population !== undefined ? { population } : {}) };
}

/** The collectivité is chosen from the reference list, or typed by hand: either must be there. */
export function identityIssues(
  fromReference: boolean,
  hasReference: boolean,
  manualName: string,
): ClientIssue[] {
  if (fromReference)
    return hasReference ? [] : [{ field: "collectivite.refCode", code: "choose_collectivite" }];
  return manualName.trim().length < 2 ? [{ field: "collectivite.name", code: "required" }] : [];
}

/** A number field's text in a draft ("" when absent). */
export const numberText = (n: number | undefined | null) => (typeof n === "number" ? String(n) : "");

export function validateContact(c: ContactDraft): ClientIssue[] {
  const issues: ClientIssue[] = [];
  if (c.name.trim().length < 2) issues.push({ field: "contact.name", code: "required" });
  if (!c.email.trim()) issues.push({ field: "contact.email", code: "required" });
  else if (!looksLikeEmail(c.email)) issues.push({ field: "contact.email", code: "email" });
  return issues;
}
