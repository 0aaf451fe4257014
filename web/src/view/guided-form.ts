import { css, html, nothing, type TemplateResult } from "lit";
import { state } from "lit/decorators.js";
import { getLang, t } from "../i18n/index.js";
import { ApiError, type FieldError, type Problem } from "../lib/api.js";
import {
  type ClientIssue,
  clearDraft,
  fieldId,
  firstErrorStep,
  type KeyValueStorage,
  loadDraft,
  saveDraft,
  type StepDefinition,
  stepForField,
} from "../lib/draft.js";
import { formatTime } from "../lib/format.js";
import type { PartnerInput, PlancheInput, PublicProfile } from "../lib/types.js";
import { BapElement } from "../state/app-controller.js";
import { api, currentSession, loadSession, loadTaxonomy, requestSignIn } from "../state/app-state.js";
import { baseStyles, formStyles } from "../styles/shared.styles.js";
import "../components/bap-stepper/bap-stepper.js";
import { type ErrorMap, errorMapOf, errorSummary, type SummaryEntry } from "./form-kit.js";
import { problemText } from "./problem-text.js";

export interface DraftShape {
  version: number;
  step: number;
}

function browserStorage(): KeyValueStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

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
  .signin {
    margin-top: 1.5rem;
    border: 2px solid var(--bap-primary);
  }
  .signin:focus {
    outline: none;
  }
  .signin-form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
  }
  .signin-form .field {
    flex: 1 1 16rem;
    margin: 0;
  }
  .created:focus {
    outline: none;
  }
`;

/**
 * The step machinery shared by the planche and partner forms: a draft kept in localStorage
 * at every keystroke, steps with their fields, client and server errors shown by field, the
 * step of the first error opened, and the POST itself.
 */
export abstract class GuidedForm<D extends DraftShape> extends BapElement {
  static override styles = [baseStyles, formStyles, guidedFormStyles];

  @state() protected draft!: D;
  @state() protected issues: ClientIssue[] = [];
  @state() protected serverErrors: FieldError[] = [];
  @state() protected problem: Problem | null = null;
  @state() protected sending = false;
  @state() protected created: PublicProfile | null = null;
  @state() protected savedAt: Date | null = null;
  @state() protected restored = false;
  @state() protected saveFailed = false;
  /** Polite announcements for list edits ("Priority moved to position 1"). */
  @state() protected announcement = "";
  /** Publishing needs a signed-in user: the magic-link request shown instead of sending. */
  @state() protected signIn: {
    reason: "required" | "expired";
    email: string;
    sent: boolean;
    sending: boolean;
  } | null = null;

  protected abstract readonly draftKey: string;
  protected abstract readonly steps: readonly StepDefinition[];
  protected abstract emptyDraft(): D;
  protected abstract validate(d: D): ClientIssue[];
  protected abstract toInput(d: D): PlancheInput | PartnerInput;
  protected abstract stepLabels(): string[];
  protected abstract renderIntro(): TemplateResult;
  protected abstract renderStep(index: number, errors: ErrorMap): TemplateResult;
  protected abstract renderCreated(p: PublicProfile): TemplateResult;
  protected abstract submitLabel(): string;
  /** A readable name for a field path, for the error summary. */
  protected abstract fieldLabel(path: string): string;

  private storage = browserStorage();

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = loadDraft(this.storage, this.draftKey, () => this.emptyDraft());
    this.draft = saved ?? this.emptyDraft();
    this.restored = saved !== null;
    loadTaxonomy().catch(() => {
      // sector codes show until the taxonomy can be read
    });
  }

  /** The path the sign-in link brings the user back to (this form, with its draft). */
  protected abstract readonly returnPath: string;

  /** The e-mail to offer for sign-in: the contact's, which the user just typed. */
  protected abstract contactEmail(d: D): string;

  private async sendSignIn(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const s = this.signIn;
    if (!s || s.sending) return;
    this.signIn = { ...s, sending: true };
    try {
      await requestSignIn(s.email.trim(), `${this.returnPath}?connexion=1`);
      this.signIn = { ...s, sending: false, sent: true };
      this.problem = null;
    } catch (err) {
      this.signIn = { ...s, sending: false };
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.problem;
    }
  }

  private renderSignIn() {
    const s = this.signIn;
    if (!s) return nothing;
    return html`<section class="card signin" aria-labelledby="signin-title" tabindex="-1">
      <h3 id="signin-title">${t("auth.required.title")}</h3>
      <p>${s.reason === "expired" ? t("auth.expired") : t("auth.required.body")}</p>
      ${
        s.sent
          ? html`<p class="success" role="status">${t("auth.sent", { email: s.email })}</p>`
          : html`<form class="signin-form" @submit=${(e: SubmitEvent) => void this.sendSignIn(e)}>
            <div class="field">
              <label for="signin-email">${t("auth.email")}</label>
              <input
                id="signin-email"
                type="email"
                autocomplete="email"
                required
                .value=${s.email}
                @input=${(e: Event) => {
                  this.signIn = { ...s, email: (e.target as HTMLInputElement).value };
                }}
              />
            </div>
            <button class="button" type="submit" ?disabled=${s.sending}>
              ${s.sending ? t("auth.sending") : t("auth.send")}
            </button>
          </form>`
      }
    </section>`;
  }

  /** Change the draft, save it at once, and forget the errors of the fields touched. */
  protected edit(fields: readonly string[], mutate: (d: D) => D): void {
    this.draft = mutate(this.draft);
    const touched = (f: string) =>
      fields.some((p) => f === p || f.startsWith(`${p}.`) || p.startsWith(`${f}.`));
    if (fields.length > 0) {
      this.issues = this.issues.filter((i) => !touched(i.field));
      this.serverErrors = this.serverErrors.filter((e) => !touched(e.field));
    }
    this.persist();
  }

  private persist(): void {
    const ok = saveDraft(this.storage, this.draftKey, this.draft);
    this.saveFailed = !ok;
    if (ok) this.savedAt = new Date();
  }

  protected get step(): number {
    return Math.min(Math.max(0, this.draft.step), this.steps.length - 1);
  }

  protected async goTo(step: number, focus: "heading" | "none" = "heading"): Promise<void> {
    this.draft = { ...this.draft, step: Math.min(Math.max(0, step), this.steps.length - 1) };
    this.persist();
    await this.updateComplete;
    if (focus === "heading") {
      (this.renderRoot.querySelector("#step-title") as HTMLElement | null)?.focus();
      this.scrollIntoView({ block: "start" });
    }
  }

  /** Open the step of a field and put the cursor in it. */
  protected async jumpTo(field: string): Promise<void> {
    await this.goTo(stepForField(field, this.steps), "none");
    const el = this.findField(field);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
  }

  /** The element of a field, or of its closest parent path ("priorities.0" for "priorities.0.aspect"). */
  protected findField(field: string): HTMLElement | null {
    const parts = field.split(".");
    while (parts.length > 0) {
      const el = this.renderRoot.querySelector<HTMLElement>(`#${fieldId(parts.join("."))}`);
      if (el) return el;
      parts.pop();
    }
    return null;
  }

  protected resetDraft(): void {
    if (!window.confirm(t("form.draft.resetConfirm"))) return;
    clearDraft(this.storage, this.draftKey);
    this.draft = this.emptyDraft();
    this.issues = [];
    this.serverErrors = [];
    this.problem = null;
    this.restored = false;
    this.savedAt = null;
    void this.goTo(0);
  }

  private async showErrors(fields: string[]): Promise<void> {
    const first = firstErrorStep(fields, this.steps);
    if (first !== null) await this.goTo(first, "none");
    await this.updateComplete;
    (this.renderRoot.querySelector("#error-summary") as HTMLElement | null)?.focus();
  }

  protected async submit(): Promise<void> {
    if (this.sending) return;
    this.problem = null;
    const issues = this.validate(this.draft);
    if (issues.length > 0) {
      this.issues = issues;
      this.serverErrors = [];
      await this.showErrors(issues.map((i) => i.field));
      return;
    }
    this.issues = [];
    this.sending = true;
    try {
      // Ask again while anonymous: the user may have signed in from another tab meanwhile.
      const signedIn = currentSession() ?? (await loadSession(true).catch(() => null));
      if (!signedIn) {
        await this.askSignIn("required");
        return;
      }
      this.signIn = null;
      const created = await api.createProfile(this.toInput(this.draft));
      clearDraft(this.storage, this.draftKey);
      this.serverErrors = [];
      this.created = created;
      await this.updateComplete;
      (this.renderRoot.querySelector(".created") as HTMLElement | null)?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) {
        await loadSession(true).catch(() => null);
        await this.askSignIn("expired");
        return;
      }
      // The draft stays in storage: nothing typed is lost on a refusal or a dropped connection.
      this.serverErrors = err.problem.errors;
      this.problem = err.problem.errors.length > 0 ? null : err.problem;
      await this.showErrors(err.problem.errors.map((e) => e.field));
    } finally {
      this.sending = false;
    }
  }

  private async askSignIn(reason: "required" | "expired"): Promise<void> {
    this.signIn = { reason, email: this.contactEmail(this.draft), sent: false, sending: false };
    await this.updateComplete;
    (this.renderRoot.querySelector(".signin") as HTMLElement | null)?.focus();
  }

  protected newProfile(): void {
    this.created = null;
    this.draft = this.emptyDraft();
    this.restored = false;
    void this.goTo(0);
  }

  private summaryEntries(errors: ErrorMap): SummaryEntry[] {
    return Object.entries(errors)
      .map(([field, messages]) => ({ field, label: this.fieldLabel(field), messages }))
      .sort((a, b) => stepForField(a.field, this.steps) - stepForField(b.field, this.steps));
  }

  private renderDraftStatus() {
    const lang = getLang();
    let text = "";
    if (this.saveFailed) text = t("form.draft.unsaved");
    else if (this.savedAt) text = t("form.draft.saved", { time: formatTime(this.savedAt, lang) });
    else if (this.restored) text = t("form.draft.restored");
    return html`<div class="draft">
      <p role="status">${text}</p>
      ${
        this.restored || this.savedAt
          ? html`<button class="link-button" type="button" @click=${() => this.resetDraft()}>
            ${t("form.draft.reset")}
          </button>`
          : nothing
      }
    </div>`;
  }

  override render() {
    if (this.created) {
      return html`${this.renderIntro()}
        <div class="success created" tabindex="-1" role="status">${this.renderCreated(this.created)}</div>`;
    }
    const errors = errorMapOf(this.issues, this.serverErrors, getLang());
    const errorSteps = new Set(Object.keys(errors).map((f) => stepForField(f, this.steps)));
    const step = this.step;
    const labels = this.stepLabels();
    const last = step === this.steps.length - 1;
    return html`
      ${this.renderIntro()} ${this.renderDraftStatus()}
      <bap-stepper
        .steps=${labels}
        .current=${step}
        .errorSteps=${errorSteps}
        @bap-step-select=${(e: CustomEvent<{ index: number }>) => void this.goTo(e.detail.index)}
      ></bap-stepper>
      ${errorSummary(
        this.summaryEntries(errors),
        (f) => void this.jumpTo(f),
        this.problem
          ? this.problem.code === "network"
            ? t("form.errors.network")
            : problemText(this.problem)
          : undefined,
      )}
      <form
        novalidate
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          if (last) void this.submit();
          else void this.goTo(step + 1);
        }}
      >
        <div class="step-head">
          <p class="step-count">${t("form.stepOf", { n: step + 1, total: labels.length })}</p>
          <h2 id="step-title" tabindex="-1">${labels[step]}</h2>
        </div>
        ${this.renderStep(step, errors)}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        <div class="nav">
          ${
            step > 0
              ? html`<button class="button secondary" type="button" @click=${() => void this.goTo(step - 1)}>
                ← ${t("form.prev")}
              </button>`
              : nothing
          }
          <span class="spacer"></span>
          ${
            last
              ? html`<button class="button" type="submit" ?disabled=${this.sending} aria-disabled=${this.sending ? "true" : "false"}>
                ${this.sending ? t("form.sending") : this.submitLabel()}
              </button>`
              : html`<button class="button" type="submit">${t("form.next")} →</button>`
          }
        </div>
      </form>
      ${last ? this.renderSignIn() : nothing}
    `;
  }
}
