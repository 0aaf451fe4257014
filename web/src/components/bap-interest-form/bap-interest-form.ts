import { LIMITS } from "../../lib/domain.js";
import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang, t } from "../../i18n/index.js";
import { ApiError, type FieldError, type Problem } from "../../lib/api.js";
import { accountApi } from "../../lib/console-api.js";
import type { PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { errorMapOf, selectField, textField } from "../../view/form-kit.js";
import { statusLabel } from "../../view/labels.js";
import { problemText } from "../../view/problem-text.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-interest-form": BapInterestForm;
  }
  interface GlobalEventHandlersEventMap {
    /** The interest form asks to be closed. */
    "bap-interest-close": CustomEvent<void>;
  }
}

const account = accountApi(api);
const MIN = 10;
type Field = "cooperation" | "unclear" | "whoWeAre";

/**
 * "Express interest" on a planche, for a signed-in user who owns a partner profile: three
 * short answers and which of my partner profiles speaks. It goes to the staff queue; nobody's
 * contact changes hands here.
 */
@customElement("bap-interest-form")
export class BapInterestForm extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        outline: none;
      }
      section.card {
        border: 2px solid var(--bap-primary);
      }
    `,
  ];

  @property({ attribute: false }) planche: PublicProfile | null = null;
  @property({ attribute: false }) partners: PublicProfile[] = [];

  @state() private partnerId = "";
  @state() private answers: Record<Field, string> = { cooperation: "", unclear: "", whoWeAre: "" };
  @state() private localErrors: FieldError[] = [];
  @state() private serverErrors: FieldError[] = [];
  @state() private problem: Problem | null = null;
  @state() private sending = false;
  @state() private sent = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("partners") && !this.partners.some((p) => p.id === this.partnerId)) {
      this.partnerId = this.partners[0]?.id ?? "";
    }
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>("h2")?.focus();
  }

  private set(field: Field, value: string): void {
    this.answers = { ...this.answers, [field]: value };
    this.localErrors = this.localErrors.filter((e) => e.field !== field);
    this.serverErrors = this.serverErrors.filter((e) => e.field !== field);
  }

  private validate(): FieldError[] {
    const tooShort = (field: Field): FieldError => ({
      field,
      code: "too_short",
      fr: ct("interest.tooShort"),
      en: ct("interest.tooShort"),
    });
    return (["cooperation", "whoWeAre"] as const)
      .filter((f) => this.answers[f].trim().length < MIN)
      .map(tooShort);
  }

  private async send(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.sending || !this.planche) return;
    this.problem = null;
    this.localErrors = this.validate();
    if (this.localErrors.length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
      return;
    }
    this.sending = true;
    try {
      await account.expressInterest(this.planche.id, {
        partnerProfileId: this.partnerId,
        cooperation: this.answers.cooperation.trim(),
        unclear: this.answers.unclear.trim(),
        whoWeAre: this.answers.whoWeAre.trim(),
      });
      this.sent = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(".success")?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.serverErrors = err.problem.errors;
      this.problem = err.problem.errors.length > 0 ? null : err.problem;
    } finally {
      this.sending = false;
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent("bap-interest-close", { bubbles: true, composed: true }));
  }

  override render() {
    const p = this.planche;
    if (!p) return nothing;
    const errors = errorMapOf([], [...this.localErrors, ...this.serverErrors], getLang());
    const text = (field: Field, required: boolean) =>
      textField({
        path: field,
        label: ct(`interest.${field}` as ConsoleKey),
        hint: ct(`interest.${field}Hint` as ConsoleKey),
        value: this.answers[field],
        required,
        multiline: true,
        rows: 3,
        maxlength: LIMITS.interestAnswer,
        errors: errors[field],
        onInput: (v) => this.set(field, v),
      });
    return html`<section class="card" aria-labelledby="interest-title">
      <h2 id="interest-title" tabindex="-1">${ct("interest.title", { name: p.collectivite.name })}</h2>
      ${
        this.sent
          ? html`<p class="success" role="status" tabindex="-1">${ct("interest.sent")}</p>
            <button class="button secondary" type="button" @click=${() => this.close()}>${ct("interest.cancel")}</button>`
          : html`<p>${ct("interest.lead")}</p>
            <form novalidate @submit=${(e: SubmitEvent) => void this.send(e)}>
              ${selectField({
                path: "partnerProfileId",
                label: ct("interest.profile"),
                value: this.partnerId,
                required: true,
                options: this.partners.map((x) => ({
                  value: x.id,
                  label:
                    x.status === "published"
                      ? x.collectivite.name
                      : `${x.collectivite.name} (${statusLabel(x.status)})`,
                })),
                errors: errors.partnerProfileId,
                onChange: (v) => {
                  this.partnerId = v;
                },
              })}
              ${text("cooperation", true)} ${text("unclear", false)} ${text("whoWeAre", true)}
              ${this.problem ? html`<p class="alert" role="alert">${problemText(this.problem)}</p>` : nothing}
              <div class="actions">
                <button class="button" type="submit" ?disabled=${this.sending}>
                  ${this.sending ? t("form.sending") : ct("interest.send")}
                </button>
                <button class="button secondary" type="button" @click=${() => this.close()}>${ct("interest.cancel")}</button>
              </div>
            </form>`
      }
    </section>`;
  }
}
