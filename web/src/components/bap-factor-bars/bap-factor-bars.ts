import { css, html, svg } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, type MessageKey, t } from "../../i18n/index.js";
import { MATCH_FACTORS } from "../../lib/domain.js";
import { formatPercent } from "../../lib/format.js";
import type { FactorName } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles } from "../../styles/shared.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-factor-bars": BapFactorBars;
  }
}

const clamp = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

/**
 * One bar per ranking factor, values in [0, 1]. The bars are inline SVG for the eye; the
 * percentages are text, so the figures reach screen readers and survive without colours.
 */
@customElement("bap-factor-bars")
export class BapFactorBars extends BapElement {
  static override styles = [
    baseStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: minmax(8.5rem, max-content) 1fr 3.75rem;
        align-items: center;
        gap: 0.35rem 0.75rem;
        margin: 0;
      }
      dt {
        font-size: 0.95rem;
      }
      dd {
        margin: 0;
        display: contents;
      }
      svg {
        width: 100%;
        height: 0.8rem;
        display: block;
      }
      .track {
        fill: #dfe6e2;
      }
      .fill {
        fill: var(--bap-primary);
      }
      .value {
        text-align: right;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      @media (max-width: 24rem) {
        dl {
          grid-template-columns: 1fr 3.75rem;
        }
        dt {
          grid-column: 1 / -1;
          margin-top: 0.25rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) factors: Partial<Record<FactorName, number>> = {};
  /** Names the list for assistive technology ("Score breakdown for Évry"). */
  @property() label = "";

  override render() {
    const lang = getLang();
    return html`<dl aria-label=${this.label || nothingLabel()}>
      ${MATCH_FACTORS.map((f) => {
        const v = clamp(this.factors[f] ?? 0);
        return html`<dt>${t(`factor.${f}` as MessageKey)}</dt>
          <dd>
            <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              ${svg`<rect class="track" x="0" y="0" width="100" height="8" rx="4"></rect>
              <rect class="fill" x="0" y="0" width=${(v * 100).toFixed(1)} height="8" rx="4"></rect>`}
            </svg>
            <span class="value">${formatPercent(v, lang)}</span>
          </dd>`;
      })}
    </dl>`;
  }
}

const nothingLabel = () => t("matches.score");
