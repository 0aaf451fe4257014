import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { ApiError, type Problem } from "../../lib/api.js";
import { BapElement } from "../../state/app-controller.js";
import { requestSignIn } from "../../state/app-state.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { heading } from "../../view/heading.js";
import { problemText } from "../../view/problem-text.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-sign-in": BapSignIn;
  }
}

/**
 * The e-mail sign-in hand-off: the address, then "a link was sent". The link brings the user
 * back to `next` (with ?connexion=1, which makes the shell read the new session). Used by the
 * guided forms before publishing, by "Mon espace" and by the staff console.
 */
@customElement("bap-sign-in")
export class BapSignIn extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      section.card {
        border: 2px solid var(--bap-primary);
      }
      section:focus {
        outline: none;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: flex-end;
      }
      form .field {
        flex: 1 1 16rem;
        margin: 0;
      }
    `,
  ];

  @property() heading = "";
  @property() body = "";
  /** The address offered first (the contact's, in a form). */
  @property() email = "";
  /** Where the link lands, a path of this site. */
  @property() next = "/mon-espace";
  @property({ type: Number, attribute: "heading-level" }) headingLevel = 2;

  @state() private value = "";
  @state() private sending = false;
  @state() private sent = false;
  @state() private problem: Problem | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("email") && !this.sent) this.value = this.email;
  }

  override focus(): void {
    this.renderRoot.querySelector<HTMLElement>("section")?.focus();
  }

  private async send(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.sending) return;
    this.sending = true;
    this.problem = null;
    const separator = this.next.includes("?") ? "&" : "?";
    try {
      await requestSignIn(this.value.trim(), `${this.next}${separator}connexion=1`);
      this.sent = true;
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.problem;
    } finally {
      this.sending = false;
    }
  }

  override render() {
    return html`<section class="card" aria-labelledby="signin-title" tabindex="-1">
      ${heading(this.headingLevel, html`<span id="signin-title">${this.heading || t("auth.signIn.title")}</span>`)}
      <p>${this.body || t("auth.signIn.body")}</p>
      ${
        this.sent
          ? html`<p class="success" role="status">${t("auth.sent", { email: this.value.trim() })}</p>`
          : html`<form @submit=${(e: SubmitEvent) => void this.send(e)}>
            <div class="field">
              <label for="signin-email">${t("auth.email")}</label>
              <input
                id="signin-email"
                type="email"
                autocomplete="email"
                required
                .value=${this.value}
                aria-invalid=${this.problem?.errors.length ? "true" : nothing}
                aria-describedby=${this.problem ? "signin-error" : nothing}
                @input=${(e: Event) => {
                  this.value = (e.target as HTMLInputElement).value;
                }}
              />
            </div>
            <button class="button" type="submit" ?disabled=${this.sending}>
              ${this.sending ? t("auth.sending") : t("auth.send")}
            </button>
          </form>`
      }
      ${this.problem ? html`<p class="error" id="signin-error" role="alert">${problemText(this.problem)}</p>` : nothing}
    </section>`;
  }
}
