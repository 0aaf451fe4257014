import { css, html, nothing, type TemplateResult } from "lit";
import type { EditTarget } from "../controllers/draft-controller.js";
import type { GuidedFormController } from "../controllers/guided-form-controller.js";
import { getLang, t } from "../i18n/index.js";
import { formatDate, formatTime } from "../lib/format.js";
import { pathFor } from "../lib/routes.js";
import type { PublicProfile } from "../lib/types.js";
import { type ErrorMap, errorSummary, type SummaryEntry } from "./form-kit.js";
import { problemText } from "./problem-text.js";

export const guidedFormStyles = css`
  :host {
    max-width: 58rem;
  }
  .step-head {
    margin: 0.5rem 0 1rem;
  }
  .step-head h2:focus {
    outline: none;
  }
  .step-count {
    margin: 0;
    color: var(--bap-muted);
    font-weight: 600;
    font-size: 0.95rem;
  }
  .draft {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    font-size: 0.92rem;
    color: var(--bap-muted);
    margin: 0 0 1rem;
  }
  .draft p {
    margin: 0;
  }
  .summary {
    margin: 0 0 1rem;
  }
  .summary h2 {
    font-size: 1.1rem;
  }
  .summary ul {
    margin: 0;
    padding-left: 1.2rem;
  }
  .summary a {
    color: var(--bap-error);
    font-weight: 600;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.75rem;
    margin-top: 1.5rem;
    padding-top: 1rem;
    border-top: 1px solid var(--bap-border);
  }
  .nav .spacer {
    flex: 1;
  }
  .item {
    background: var(--bap-surface);
  }
  .item-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 1rem;
  }
  .chosen p {
    margin: 0;
  }
  .preview {
    border: 2px dashed var(--bap-border);
    border-radius: var(--bap-radius);
    padding: 1rem;
    background: var(--bap-bg);
  }
  ol.items {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .after-items {
    margin-top: 1.25rem;
  }
  bap-sign-in {
    margin-top: 1.5rem;
  }
  .created:focus {
    outline: none;
  }
`;

/** What each guided form renders itself; the shell around it is the same for both. */
export interface GuidedFormParts {
  intro: TemplateResult;
  stepLabels: string[];
  step(index: number, errors: ErrorMap): TemplateResult;
  created(p: PublicProfile): TemplateResult;
  submitLabel: string;
  /** A readable name for a field path, for the error summary. */
  fieldLabel(path: string): string;
}

function editIntro(e: EditTarget): TemplateResult {
  return html`<p><a href=${pathFor({ name: "my-space" })}>← ${t("edit.back")}</a></p>
    <h1>${t("edit.title", { name: e.profile.collectivite.name })}</h1>
    <p class="lead">${t("edit.lead")}</p>`;
}

function saved(p: PublicProfile): TemplateResult {
  const text =
    p.status === "published"
      ? t("edit.saved.published")
      : p.status === "draft"
        ? t("edit.saved.draft")
        : t("edit.saved.pending");
  return html`<h2>${t("edit.saved.title")}</h2>
    <p>${text}${p.status === "published" && p.expiresAt ? ` (${formatDate(p.expiresAt, getLang())})` : ""}</p>
    <div class="actions">
      <a class="button" href=${pathFor({ name: "my-space" })}>${t("edit.back")}</a>
      ${
        p.status === "published"
          ? html`<a class="button secondary" href=${pathFor({ name: p.side === "mali" ? "planche" : "partner", id: p.id })}
              >${t("planche.created.view")}</a
            >`
          : nothing
      }
    </div>`;
}

function draftStatus<D extends { version: number; step: number }>(form: GuidedFormController<D>) {
  const d = form.drafts;
  const lang = getLang();
  let text = "";
  if (d.saveFailed) text = t("form.draft.unsaved");
  else if (d.savedAt) text = t("form.draft.saved", { time: formatTime(d.savedAt, lang) });
  else if (d.restored) text = t("form.draft.restored");
  return html`<div class="draft">
    <p role="status">${text}</p>
    ${
      d.restored || d.savedAt
        ? html`<button class="link-button" type="button" @click=${() => form.resetDraft()}>
          ${t("form.draft.reset")}
        </button>`
        : nothing
    }
  </div>`;
}

function signIn<D extends { version: number; step: number }>(form: GuidedFormController<D>) {
  const s = form.signIn;
  if (!s) return nothing;
  return html`<bap-sign-in
    class="signin"
    heading-level="3"
    .heading=${t("auth.required.title")}
    .body=${s.reason === "expired" ? t("auth.expired") : t("auth.required.body")}
    .email=${s.email}
    .next=${form.returnPath}
  ></bap-sign-in>`;
}

/**
 * The shell of a guided form: the intro, the draft's status, the stepper, the error summary,
 * the current step and its navigation, then the sign-in request or the outcome. The host
 * registers <bap-stepper> and <bap-sign-in>.
 */
export function renderGuidedForm<D extends { version: number; step: number }>(
  form: GuidedFormController<D>,
  parts: GuidedFormParts,
): TemplateResult {
  const e = form.target;
  const intro = e ? editIntro(e) : parts.intro;
  if (form.created) {
    return html`${intro}
      <div class="success created" tabindex="-1" role="status">
        ${e ? saved(form.created) : parts.created(form.created)}
      </div>`;
  }
  const errors = form.errors.map;
  const errorSteps = new Set(Object.keys(errors).map((f) => form.steps.stepOf(f)));
  const step = form.steps.current;
  const labels = parts.stepLabels;
  const last = form.steps.last;
  const entries: SummaryEntry[] = Object.entries(errors)
    .map(([field, messages]) => ({ field, label: parts.fieldLabel(field), messages }))
    .sort((a, b) => form.steps.stepOf(a.field) - form.steps.stepOf(b.field));
  const problem = form.errors.problem;
  return html`
    ${intro} ${draftStatus(form)}
    ${
      form.conflict
        ? html`<div class="alert" id="conflict" role="alert" tabindex="-1">
          <p>${t("edit.conflict")}</p>
          <button class="button secondary" type="button" @click=${() => void form.reloadCurrent()}>
            ${t("edit.reload")}
          </button>
        </div>`
        : nothing
    }
    <bap-stepper
      .steps=${labels}
      .current=${step}
      .errorSteps=${errorSteps}
      @bap-step-select=${(ev: CustomEvent<{ index: number }>) => void form.steps.goTo(ev.detail.index)}
    ></bap-stepper>
    ${errorSummary(
      entries,
      (f) => void form.steps.jumpTo(f),
      problem ? (problem.code === "network" ? t("form.errors.network") : problemText(problem)) : undefined,
    )}
    <form
      novalidate
      @submit=${(ev: SubmitEvent) => {
        ev.preventDefault();
        if (last) void form.submit();
        else void form.steps.goTo(step + 1);
      }}
    >
      <div class="step-head">
        <p class="step-count">${t("form.stepOf", { n: step + 1, total: labels.length })}</p>
        <h2 id="step-title" tabindex="-1">${labels[step]}</h2>
      </div>
      ${parts.step(step, errors)}
      <p class="visually-hidden" role="status">${form.announcement}</p>
      <div class="nav">
        ${
          step > 0
            ? html`<button class="button secondary" type="button" @click=${() => void form.steps.goTo(step - 1)}>
              ← ${t("form.prev")}
            </button>`
            : nothing
        }
        <span class="spacer"></span>
        ${
          last
            ? html`<button class="button" type="submit" ?disabled=${form.sending} aria-disabled=${form.sending ? "true" : "false"}>
              ${form.sending ? t("form.sending") : e ? t("edit.submit") : parts.submitLabel}
            </button>`
            : html`<button class="button" type="submit">${t("form.next")} →</button>`
        }
      </div>
    </form>
    ${last ? signIn(form) : nothing}
  `;
}
