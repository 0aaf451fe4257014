import { html, nothing, type TemplateResult } from "lit";
import { t } from "../i18n/index.js";
import { fieldErrorMap, type FieldError } from "../lib/api.js";
import { type ClientIssue, fieldId } from "../lib/draft.js";
import type { Lang } from "../lib/types.js";

/**
 * Templates for labelled fields. Each field's id derives from its API path, so that an error
 * named "priorities.0.aspect" by the server lands on the right input.
 */

export type ErrorMap = Record<string, string[]>;

/** Client issues and server errors as one map of field → messages, in the reader's language. */
export function errorMapOf(
  issues: readonly ClientIssue[],
  server: readonly FieldError[],
  lang: Lang,
): ErrorMap {
  const map = fieldErrorMap(server, lang);
  for (const issue of issues) {
    const message = t(`validation.${issue.code}`);
    const list = map[issue.field] ?? [];
    if (!list.includes(message)) list.push(message);
    map[issue.field] = list;
  }
  return map;
}

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || nothing;

const requiredMark = (required?: boolean) =>
  required ? html` <span class="req">(${t("form.required")})</span>` : nothing;

function errorLine(id: string, errors?: readonly string[]) {
  return errors && errors.length > 0
    ? html`<p class="error" id=${`${id}-err`}>${errors.join(" ")}</p>`
    : nothing;
}

export interface TextFieldOptions {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  type?: "text" | "email" | "tel" | "number";
  multiline?: boolean;
  rows?: number;
  autocomplete?: string;
  inputmode?: "numeric" | "tel" | "email" | "text";
  min?: number;
  max?: number;
  maxlength?: number;
}

export function textField(o: TextFieldOptions): TemplateResult {
  const id = fieldId(o.path);
  const invalid = (o.errors?.length ?? 0) > 0;
  const aria = describedBy(o.hint && `${id}-hint`, invalid && `${id}-err`);
  const onInput = (e: Event) => o.onInput((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field">
    <label for=${id}>${o.label}${requiredMark(o.required)}</label>
    ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${
      o.multiline
        ? html`<textarea
          id=${id}
          rows=${o.rows ?? 4}
          maxlength=${o.maxlength ?? nothing}
          aria-describedby=${aria}
          aria-invalid=${invalid ? "true" : nothing}
          .value=${o.value}
          @input=${onInput}
        ></textarea>`
        : html`<input
          id=${id}
          type=${o.type ?? "text"}
          autocomplete=${o.autocomplete ?? nothing}
          inputmode=${o.inputmode ?? nothing}
          min=${o.min ?? nothing}
          max=${o.max ?? nothing}
          maxlength=${o.maxlength ?? nothing}
          aria-describedby=${aria}
          aria-invalid=${invalid ? "true" : nothing}
          .value=${o.value}
          @input=${onInput}
        />`
    }
    ${errorLine(id, o.errors)}
  </div>`;
}

export interface SelectFieldOptions {
  path: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  /** Shown first with an empty value ("Choose…"). */
  placeholder?: string;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  const id = fieldId(o.path);
  const invalid = (o.errors?.length ?? 0) > 0;
  return html`<div class="field">
    <label for=${id}>${o.label}${requiredMark(o.required)}</label>
    ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    <select
      id=${id}
      aria-describedby=${describedBy(o.hint && `${id}-hint`, invalid && `${id}-err`)}
      aria-invalid=${invalid ? "true" : nothing}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}
    >
      ${o.placeholder !== undefined ? html`<option value="" ?selected=${o.value === ""}>${o.placeholder}</option>` : nothing}
      ${o.options.map((x) => html`<option value=${x.value} ?selected=${x.value === o.value}>${x.label}</option>`)}
    </select>
    ${errorLine(id, o.errors)}
  </div>`;
}

export interface ChoiceGroupOptions {
  path: string;
  legend: string;
  type: "checkbox" | "radio";
  options: readonly { value: string; label: string; hint?: string }[];
  selected: readonly string[];
  onChange: (value: string, checked: boolean) => void;
  errors?: readonly string[];
  hint?: string;
  required?: boolean;
  columns?: boolean;
  extra?: unknown;
}

/** Checkboxes or radios in a fieldset; the fieldset carries the group's id for errors. */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const id = fieldId(o.path);
  const invalid = (o.errors?.length ?? 0) > 0;
  return html`<fieldset
    id=${id}
    tabindex="-1"
    aria-describedby=${describedBy(o.hint && `${id}-hint`, invalid && `${id}-err`)}
    aria-invalid=${invalid ? "true" : nothing}
  >
    <legend>${o.legend}${requiredMark(o.required)}</legend>
    ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing}
    ${o.extra ?? nothing}
    <div class=${o.columns ? "choices columns" : "choices"}>
      ${o.options.map((x) => {
        const optId = `${id}-${x.value}`;
        return html`<label class="choice" for=${optId}>
          <input
            id=${optId}
            type=${o.type}
            name=${id}
            .value=${x.value}
            .checked=${o.selected.includes(x.value)}
            aria-describedby=${x.hint ? `${optId}-hint` : nothing}
            @change=${(e: Event) => o.onChange(x.value, (e.target as HTMLInputElement).checked)}
          />
          <span>${x.label}${x.hint ? html`<small id=${`${optId}-hint`}>${x.hint}</small>` : nothing}</span>
        </label>`;
      })}
    </div>
    ${errorLine(id, o.errors)}
  </fieldset>`;
}

export interface SummaryEntry {
  field: string;
  label: string;
  messages: string[];
}

/** The list of what to correct, at the top of the form; each entry jumps to its field. */
export function errorSummary(
  entries: readonly SummaryEntry[],
  onJump: (field: string) => void,
  general?: string,
) {
  if (entries.length === 0 && !general) return nothing;
  return html`<div class="alert summary" role="alert" tabindex="-1" id="error-summary">
    <h2>${t("form.errors.title")}</h2>
    ${general ? html`<p>${general}</p>` : nothing}
    ${
      entries.length > 0
        ? html`<p>
            ${entries.length === 1 ? t("form.errors.one") : t("form.errors.many", { count: entries.length })}
          </p>
          <ul>
            ${entries.map(
              (e) => html`<li>
                <a
                  href=${`#${fieldId(e.field)}`}
                  @click=${(ev: Event) => {
                    ev.preventDefault();
                    onJump(e.field);
                  }}
                  >${e.label}</a
                >
                — ${e.messages.join(" ")}
              </li>`,
            )}
          </ul>`
        : nothing
    }
  </div>`;
}
