import { LIMITS } from "../lib/domain.js";
import { html, nothing, type TemplateResult } from "lit";
import type { AutocompleteFetcher, AutocompleteOption } from "../lib/autocomplete.js";
import { type MessageKey, t } from "../i18n/index.js";
import { fieldId } from "../lib/draft.js";
import { choiceGroup, type ErrorMap, selectField, textField } from "./form-kit.js";
import { levelLabel } from "./labels.js";

/**
 * The first step of both guided forms: how the collectivité is found (reference list or by
 * hand), the chosen reference, the name/level/population typed by hand, the presentation.
 */

/** Field paths → labels common to both forms (the error summary names them). */
export const COMMON_FIELD_LABELS: [RegExp, MessageKey][] = [
  [/^collectivite\.name$/, "col.name"],
  [/^collectivite\.level$/, "col.level"],
  [/^collectivite\.population$/, "col.population"],
  [/^presentation$/, "col.presentation"],
  [/^contact\.name$/, "contact.name"],
  [/^contact\.role$/, "contact.role"],
  [/^contact\.email$/, "contact.email"],
  [/^contact\.phone$/, "contact.phone"],
  [/^contact\.language$/, "contact.language"],
];

/** The label of a field path: the form's own table first, then the common one; the path itself last. */
export function labelFor(path: string, own: readonly [RegExp, MessageKey][]): string {
  const found = [...own, ...COMMON_FIELD_LABELS].find(([re]) => re.test(path));
  return found ? t(found[1]) : path;
}

/** Every message on a field or below it ("collectivite" gathers "collectivite.name"…). */
export const errorsUnder = (errors: ErrorMap, prefix: string) =>
  Object.entries(errors)
    .filter(([f]) => f.startsWith(prefix))
    .flatMap(([, m]) => m);

export function modeChoice(mode: "reference" | "manual", onChange: (mode: "reference" | "manual") => void) {
  return choiceGroup({
    path: "mode",
    legend: t("col.mode.legend"),
    type: "radio",
    options: [
      { value: "reference", label: t("col.mode.reference") },
      { value: "manual", label: t("col.mode.manual") },
    ],
    selected: [mode],
    onChange: (v) => onChange(v === "manual" ? "manual" : "reference"),
  });
}

/** The collectivité chosen in the reference list, with the way back to the search. */
export function chosenReference(o: {
  name: string;
  line: string;
  errors: readonly string[];
  onChange: () => void;
}): TemplateResult {
  return html`<div class="card chosen" id=${fieldId("collectivite.refCode")} tabindex="-1">
      <p>
        <span class="muted">${t("col.selected")}</span><br />
        <strong>${o.name}</strong><br />
        ${o.line}
      </p>
      <button class="button secondary small" type="button" @click=${o.onChange}>${t("col.change")}</button>
    </div>
    ${o.errors.length > 0 ? html`<p class="error">${o.errors.join(" ")}</p>` : nothing}`;
}

/** The search in the reference list: a level filter, then the autocomplete of names. */
export function referenceSearch<L extends string, T>(o: {
  level: "" | L;
  levels: readonly L[];
  anyLevel: string;
  label: string;
  errors: readonly string[];
  fetcher: AutocompleteFetcher;
  onLevel: (level: "" | L) => void;
  onSelect: (data: T) => void;
}): TemplateResult {
  return html`
    ${selectField({
      path: "referenceLevel",
      label: t("col.level.filter"),
      value: o.level,
      placeholder: o.anyLevel,
      options: o.levels.map((l) => ({ value: l, label: levelLabel(l) })),
      onChange: (v) => o.onLevel(v as "" | L),
    })}
    <bap-autocomplete
      id=${fieldId("collectivite.refCode")}
      required
      .label=${o.label}
      .hint=${t("col.search.hint")}
      .error=${o.errors.join(" ")}
      .fetcher=${o.fetcher}
      @bap-autocomplete-select=${(e: CustomEvent<{ option: AutocompleteOption }>) => o.onSelect(e.detail.option.data as T)}
    ></bap-autocomplete>
  `;
}

/** Name, then level and population side by side: a collectivité typed by hand. */
export function manualIdentityFields<L extends string>(o: {
  value: { name: string; level: L; population: string };
  levels: readonly L[];
  errors: ErrorMap;
  set: (
    field: "name" | "level" | "population",
    patch: Partial<{ name: string; level: L; population: string }>,
  ) => void;
}): TemplateResult {
  const e = o.errors;
  return html`
    ${textField({
      path: "collectivite.name",
      label: t("col.name"),
      value: o.value.name,
      required: true,
      maxlength: LIMITS.name.max,
      errors: e["collectivite.name"],
      onInput: (v) => o.set("name", { name: v }),
    })}
    <div class="row">
      ${selectField({
        path: "collectivite.level",
        label: t("col.level"),
        value: o.value.level,
        options: o.levels.map((l) => ({ value: l, label: levelLabel(l) })),
        errors: e["collectivite.level"],
        onChange: (v) => o.set("level", { level: v as L }),
      })}
      ${textField({
        path: "collectivite.population",
        label: t("col.population"),
        value: o.value.population,
        type: "number",
        inputmode: "numeric",
        min: 0,
        errors: e["collectivite.population"],
        onInput: (v) => o.set("population", { population: v }),
      })}
    </div>
  `;
}

export function presentationField(
  value: string,
  errors: ErrorMap,
  onInput: (v: string) => void,
  hint?: string,
) {
  return textField({
    path: "presentation",
    label: t("col.presentation"),
    ...(hint ? { hint } : {}),
    value,
    multiline: true,
    rows: 5,
    maxlength: LIMITS.presentation,
    errors: errors.presentation,
    onInput,
  });
}

/** The "saved" panel after a creation: view the profile, see its matches, and more. */
export function createdPanel(o: {
  title: string;
  status: string;
  viewHref: string;
  viewLabel: string;
  matchesHref: string;
  extra?: unknown;
}): TemplateResult {
  return html`<h2>${o.title}</h2>
    <p>${o.status === "published" ? t("planche.created.published") : t("planche.created.pending")}</p>
    <div class="actions">
      <a class="button" href=${o.viewHref}>${o.viewLabel}</a>
      <a class="button secondary" href=${o.matchesHref}>${t("planche.created.matches")}</a>
      ${o.extra ?? nothing}
    </div>`;
}
