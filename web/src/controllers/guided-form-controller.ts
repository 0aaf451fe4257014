import type { ReactiveController, ReactiveElement } from "lit";
import { t } from "../i18n/index.js";
import { ApiError } from "../lib/api.js";
import { accountApi } from "../lib/console-api.js";
import type { PrivateProfile } from "../lib/console-types.js";
import type { ClientIssue, StepDefinition } from "../lib/draft.js";
import { pathFor } from "../lib/routes.js";
import type { PartnerInput, PlancheInput, PublicProfile } from "../lib/types.js";
import { api, currentSession, loadSession, loadTaxonomy } from "../state/app-state.js";
import { DraftController, type DraftShape, type EditTarget } from "./draft-controller.js";
import { FieldErrorsController } from "./field-errors-controller.js";
import { StepsController } from "./steps-controller.js";

/** What one guided form is: its draft, its steps, how it checks, sends and names its fields. */
export interface GuidedFormSpec<D extends DraftShape> {
  draftKey: string;
  steps: readonly StepDefinition[];
  empty(): D;
  fromProfile(p: PrivateProfile): D;
  validate(d: D): ClientIssue[];
  toInput(d: D): PlancheInput | PartnerInput;
  /** The e-mail to offer for sign-in: the contact's, which the user just typed. */
  contactEmail(d: D): string;
  /** The address of the form to publish (the sign-in link comes back to it, with its draft). */
  createPath: string;
  /** The profile the host edits, if any. */
  editing(): EditTarget | null;
}

/**
 * The behaviour shared by the planche and partner forms, composed of three controllers (the
 * draft, the steps, the field errors) and the sending itself: the POST, or, given `editing`,
 * the PUT of a saved profile guarded by its version (a 409 says someone saved in between).
 */
export class GuidedFormController<D extends DraftShape> implements ReactiveController {
  readonly drafts: DraftController<D>;
  readonly steps: StepsController<D>;
  readonly errors: FieldErrorsController<D>;

  sending = false;
  created: PublicProfile | null = null;
  /** The PUT was refused with 409: someone saved the profile after it was loaded. */
  conflict = false;
  /** Publishing needs a signed-in user: the magic-link request shown instead of sending. */
  signIn: { reason: "required" | "expired"; email: string } | null = null;
  /** Polite announcements for list edits ("Priority moved to position 1"). */
  announcement = "";

  constructor(
    private readonly host: ReactiveElement,
    private readonly spec: GuidedFormSpec<D>,
  ) {
    host.addController(this);
    this.drafts = new DraftController<D>(host, {
      key: spec.draftKey,
      empty: spec.empty,
      fromProfile: spec.fromProfile,
      editing: spec.editing,
      onReset: () => {
        this.created = null;
        this.conflict = false;
        this.errors?.clear();
      },
    });
    this.steps = new StepsController(host, this.drafts, spec.steps);
    this.errors = new FieldErrorsController(host, this.steps);
  }

  hostConnected(): void {
    loadTaxonomy().catch(() => {
      // sector codes show until the taxonomy can be read
    });
  }

  get draft(): D {
    return this.drafts.draft;
  }

  get target(): EditTarget | null {
    return this.drafts.target;
  }

  /** The path the sign-in link brings the user back to (this form or this edit, with its draft). */
  get returnPath(): string {
    const e = this.target;
    return e ? pathFor({ name: "edit-profile", id: e.id }) : this.spec.createPath;
  }

  /** Change the draft, save it at once, and forget the errors of the fields touched. */
  edit(fields: readonly string[], mutate: (d: D) => D): void {
    this.errors.forget(fields);
    this.drafts.set(mutate(this.draft));
  }

  /** Change the draft, then put the cursor in a field (back from a chosen entry to its search). */
  async editAndFocus(fields: readonly string[], mutate: (d: D) => D, focus: string): Promise<void> {
    this.edit(fields, mutate);
    await this.host.updateComplete;
    this.steps.findField(focus)?.focus();
  }

  announce(text: string): void {
    this.announcement = text;
    this.host.requestUpdate();
  }

  resetDraft(): void {
    if (!window.confirm(t("form.draft.resetConfirm"))) return;
    this.drafts.reset();
    this.errors.clear();
    void this.steps.goTo(0);
  }

  newProfile(): void {
    this.created = null;
    this.drafts.fresh();
    void this.steps.goTo(0);
  }

  async submit(): Promise<void> {
    if (this.sending) return;
    this.errors.problem = null;
    const issues = this.spec.validate(this.draft);
    if (issues.length > 0) return this.errors.showClient(issues);
    this.errors.issues = [];
    this.sending = true;
    this.host.requestUpdate();
    try {
      // Ask again while anonymous: the user may have signed in from another tab meanwhile.
      const signedIn = currentSession() ?? (await loadSession(true).catch(() => null));
      if (!signedIn) return await this.askSignIn("required");
      this.signIn = null;
      const input = this.spec.toInput(this.draft);
      const e = this.target;
      const saved = e
        ? await accountApi(api).updateProfile(e.id, e.version, input)
        : await api.createProfile(input);
      this.drafts.clear();
      this.errors.serverErrors = [];
      this.created = saved;
      // "Mon espace" and the interest form read the user's profiles from the session.
      void loadSession(true).catch(() => null);
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>(".created")?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 401) {
        await loadSession(true).catch(() => null);
        return await this.askSignIn("expired");
      }
      if (err.status === 409 && this.target) {
        this.conflict = true;
        this.errors.clear();
        await this.host.updateComplete;
        this.host.renderRoot.querySelector<HTMLElement>("#conflict")?.focus();
        return;
      }
      // The draft stays in storage: nothing typed is lost on a refusal or a dropped connection.
      await this.errors.showServer(err.problem);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
  }

  private async askSignIn(reason: "required" | "expired"): Promise<void> {
    this.signIn = { reason, email: this.spec.contactEmail(this.draft) };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>(".signin")?.focus();
  }

  /** After a 409: drop the local edit and start again from the version now saved. */
  async reloadCurrent(): Promise<void> {
    const e = this.target;
    if (!e || !window.confirm(t("edit.reloadConfirm"))) return;
    try {
      const profile = await accountApi(api).privateProfile(e.id);
      this.drafts.clear();
      this.drafts.start({ id: e.id, version: profile.version, profile });
      await this.host.updateComplete;
      await this.steps.goTo(0);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.errors.problem = err.problem;
      this.host.requestUpdate();
    }
  }
}
