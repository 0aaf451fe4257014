import { css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles } from "../../styles/shared.styles.js";

export interface StepSelectDetail {
  index: number;
}

declare global {
  interface HTMLElementTagNameMap {
    "bap-stepper": BapStepper;
  }
  interface GlobalEventHandlersEventMap {
    /** The user asked for another step of a guided form. */
    "bap-step-select": CustomEvent<StepSelectDetail>;
  }
}

/** The steps of a guided form as buttons: where you are, where errors wait, any step reachable. */
@customElement("bap-stepper")
export class BapStepper extends BapElement {
  static override styles = [
    baseStyles,
    css`
      ol {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.35rem;
        grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
        counter-reset: step;
      }
      li {
        display: flex;
      }
      button {
        flex: 1;
        width: 100%;
        min-height: 2.75rem;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--bap-field-border);
        border-radius: 6px;
        background: var(--bap-surface);
        color: var(--bap-ink);
        font: inherit;
        font-size: 0.95rem;
        text-align: left;
        cursor: pointer;
      }
      .n {
        flex: none;
        display: inline-grid;
        place-items: center;
        width: 1.6rem;
        height: 1.6rem;
        border-radius: 50%;
        background: var(--bap-primary-soft);
        color: var(--bap-chip-ink);
        font-weight: 700;
      }
      button[aria-current="step"] {
        border: 2px solid var(--bap-primary);
        font-weight: 700;
      }
      button[aria-current="step"] .n {
        background: var(--bap-primary);
        color: var(--bap-primary-ink);
      }
      button.has-error {
        border: 2px solid var(--bap-error);
      }
      .has-error .n {
        background: var(--bap-error);
        color: #fff;
      }
      @media (max-width: 40rem) {
        ol {
          grid-template-columns: repeat(5, 1fr);
        }
        .label {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
          white-space: nowrap;
        }
        button {
          justify-content: center;
        }
      }
    `,
  ];

  @property({ attribute: false }) steps: string[] = [];
  @property({ type: Number }) current = 0;
  @property({ attribute: false }) errorSteps: ReadonlySet<number> = new Set();

  override render() {
    return html`<nav aria-label=${t("form.steps")}>
      <ol>
        ${this.steps.map(
          (label, i) => html`<li>
            <button
              type="button"
              class=${this.errorSteps.has(i) ? "has-error" : ""}
              aria-current=${i === this.current ? "step" : nothing}
              @click=${() =>
                this.dispatchEvent(
                  new CustomEvent("bap-step-select", { detail: { index: i }, bubbles: true, composed: true }),
                )}
            >
              <span class="n" aria-hidden="true">${i + 1}</span>
              <span class="visually-hidden">${t("form.stepOf", { n: i + 1, total: this.steps.length })}</span>
              <span class="label">${label}</span>
              ${this.errorSteps.has(i) ? html`<span class="visually-hidden">(${t("form.stepHasErrors")})</span>` : nothing}
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }
}
