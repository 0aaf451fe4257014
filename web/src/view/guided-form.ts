import { css, html, nothing, type PropertyValues, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { getLang, t } from "../i18n/index.js";
import { ApiError, type FieldError, type Problem } from "../lib/api.js";
import { accountApi } from "../lib/console-api.js";
import type { PrivateProfile } from "../lib/console-types.js";
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
import { formatDate, formatTime } from "../lib/format.js";
import { pathFor } from "../lib/routes.js";
import type { PartnerInput, PlancheInput, PublicProfile } from "../lib/types.js";
import { BapElement } from "../state/app-controller.js";
import { api, currentSession, loadSession, loadTaxonomy } from "../state/app-state.js";
import { baseStyles, formStyles } from "../styles/shared.styles.js";
import "../components/bap-sign-in/bap-sign-in.js";
import "../components/bap-stepper/bap-stepper.js";
import { type ErrorMap, errorMapOf, errorSummary, type SummaryEntry } from "./form-kit.js";
import { problemText } from "./problem-text.js";

export interface DraftShape {
  version: number;
  step: number;
}

/** A saved profile opened for editing: its content and the version the PUT must match. */
export interface EditTarget {
  id: string;
  version: number;
  profile: PrivateProfile;
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
  bap-sign-in {
    margin-top: 1.5rem;
  }
  .created:focus {
    outline: none;
  }
`;

/**
 * The step machinery shared by the planche and partner forms: a draft kept in localStorage
 * at every keystroke, steps with their fields, client and server errors shown by field, the
 * step of the first error opened, and the POST itself — or, given `editing`, the PUT of a
 * saved profile guarded by its version (a 409 says someone saved in between).
 */
export abstract class GuidedForm<D extends DraftShape> extends BapElement {
  static override styles = [baseStyles, formStyles, guidedFormStyles];

  /** Set by the edit page: the form starts from this profile and saves it with PUT. */
  @property({ attribute: false }) editing: EditTarget | null = null;
  /**
   * The version being edited: `editing`, or the one loaded after a conflict. Kept apart from
   * the input property, which the parent sets again (same object) each time it renders.
   */
  @state() private target: EditTarget | null = null;
  /** The PUT was refused with 409: someone saved the profile after it was loaded. */
  @state() protected conflict = false;

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
  @state() protected signIn: { reason: "required" | "expired"; email: string } | null = null;

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
  /** The draft of a saved profile, for editing. */
  protected abstract draftFromProfile(p: PrivateProfile): D;
  /** A readable name for a field path, for the error summary. */
  protected abstract fieldLabel(path: string): string;

  private storage = browserStorage();
  private initialized = false;
  /** The `editing` value the draft was last built from. */
  private initializedFrom: EditTarget | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.initialized) {
      this.initializedFrom = this.editing;
      this.initDraft(this.editing);
    }
    loadTaxonomy().catch(() => {
      // sector codes show until the taxonomy can be read
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has("editing") && this.initialized && this.editing !== this.initializedFrom) {
      this.initializedFrom = this.editing;
      this.initDraft(this.editing);
    }
  }

  /**
   * Where this draft is kept. An edit draft is tied to the version it started from: when the
   * profile was saved elsewhere since, the stale local copy is not offered again.
   */
  private get storageKey(): string {
    const e = this.target;
    return e ? `${this.draftKey}:edit:${e.id}:v${e.version}` : this.draftKey;
  }

  /** The starting point: the empty form, or the saved profile being edited. */
  private startingDraft(): D {
    return this.target ? this.draftFromProfile(this.target.profile) : this.emptyDraft();
  }

  private initDraft(target: EditTarget | null): void {
    this.initialized = true;
    this.target = target;
    const saved = loadDraft(this.storage, this.storageKey, () => this.startingDraft());
    this.draft = saved ?? this.startingDraft();
    this.restored = saved !== null;
    this.savedAt = null;
    this.created = null;
    this.conflict = false;
    this.issues = [];
    this.serverErrors = [];
    this.problem = null;
  }

  /** The address of the form to publish (the sign-in link comes back to it, with its draft). */
  protected abstract readonly createPath: string;

  /** The path the sign-in link brings the user back to (this form or this edit, with its draft). */
  protected get returnPath(): string {
    return this.target ? pathFor({ name: "edit-profile", id: this.target.id }) : this.createPath;
  }

  /** The e-mail to offer for sign-in: the contact's, which the user just typed. */
  protected abstract contactEmail(d: D): string;

  private renderSignIn() {
    const s = this.signIn;
    if (!s) return nothing;
    return html`<bap-sign-in
      class="signin"
      heading-level="3"
      .heading=${t("auth.required.title")}
      .body=${s.reason === "expired" ? t("auth.expired") : t("auth.required.body")}
      .email=${s.email}
      .next=${this.returnPath}
    ></bap-sign-in>`;
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
    const ok = saveDraft(this.storage, this.storageKey, this.draft);
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

  /** Back from a chosen reference entry to the search, the cursor in it. */
  protected async clearReference(): Promise<void> {
    this.edit(["collectivite"], (x) => ({ ...x, reference: null }));
    await this.updateComplete;
    this.findField("collectivite.refCode")?.focus();
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
    clearDraft(this.storage, this.storageKey);
    this.draft = this.startingDraft();
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
      const input = this.toInput(this.draft);
      const e = this.target;
      const saved = e
        ? await accountApi(api).updateProfile(e.id, e.version, input)
        : await api.createProfile(input);
      clearDraft(this.storage, this.storageKey);
      this.serverErrors = [];
      this.created = saved;
      // "Mon espace" and the interest form read the user's profiles from the session.
      void loadSession(true).catch(() => null);
      await this.updateComplete;
      (this.renderRoot.querySelector(".created") as HTMLElement | null)?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) {
        await loadSession(true).catch(() => null);
        await this.askSignIn("expired");
        return;
      }
      if (err.status === 409 && this.target) {
        this.conflict = true;
        this.serverErrors = [];
        this.problem = null;
        await this.updateComplete;
        (this.renderRoot.querySelector("#conflict") as HTMLElement | null)?.focus();
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
    this.signIn = { reason, email: this.contactEmail(this.draft) };
    await this.updateComplete;
    (this.renderRoot.querySelector(".signin") as HTMLElement | null)?.focus();
  }

  /** After a 409: drop the local edit and start again from the version now saved. */
  private async reloadCurrent(): Promise<void> {
    const e = this.target;
    if (!e || !window.confirm(t("edit.reloadConfirm"))) return;
    try {
      const profile = await accountApi(api).privateProfile(e.id);
      clearDraft(this.storage, this.storageKey);
      this.initDraft({ id: e.id, version: profile.version, profile });
      await this.updateComplete;
      await this.goTo(0);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.problem;
    }
  }

  private renderEditIntro(e: EditTarget): TemplateResult {
    return html`<p><a href=${pathFor({ name: "my-space" })}>← ${t("edit.back")}</a></p>
      <h1>${t("edit.title", { name: e.profile.collectivite.name })}</h1>
      <p class="lead">${t("edit.lead")}</p>`;
  }

  private renderSaved(p: PublicProfile): TemplateResult {
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
    const e = this.target;
    const intro = e ? this.renderEditIntro(e) : this.renderIntro();
    if (this.created) {
      return html`${intro}
        <div class="success created" tabindex="-1" role="status">
          ${e ? this.renderSaved(this.created) : this.renderCreated(this.created)}
        </div>`;
    }
    const errors = errorMapOf(this.issues, this.serverErrors, getLang());
    const errorSteps = new Set(Object.keys(errors).map((f) => stepForField(f, this.steps)));
    const step = this.step;
    const labels = this.stepLabels();
    const last = step === this.steps.length - 1;
    return html`
      ${intro} ${this.renderDraftStatus()}
      ${
        this.conflict
          ? html`<div class="alert" id="conflict" role="alert" tabindex="-1">
            <p>${t("edit.conflict")}</p>
            <button class="button secondary" type="button" @click=${() => void this.reloadCurrent()}>
              ${t("edit.reload")}
            </button>
          </div>`
          : nothing
      }
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
                ${this.sending ? t("form.sending") : e ? t("edit.submit") : this.submitLabel()}
              </button>`
              : html`<button class="button" type="submit">${t("form.next")} →</button>`
          }
        </div>
      </form>
      ${last ? this.renderSignIn() : nothing}
    `;
  }
}
