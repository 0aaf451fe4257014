import { html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { excerpt } from "../../lib/format.js";
import { pathFor, profilePath } from "../../lib/routes.js";
import type { SearchDocument } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { sectorLabel } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { placeLine, populationText } from "../../view/labels.js";
import { resultCardStyles } from "./bap-result-card.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-result-card": BapResultCard;
  }
}

/** One planche in a result list: who, where, how big, its first PDESC sectors. */
@customElement("bap-result-card")
export class BapResultCard extends BapElement {
  static override styles = [baseStyles, resultCardStyles];

  @property({ attribute: false }) hit: SearchDocument | null = null;

  override render() {
    const h = this.hit;
    if (!h) return nothing;
    const side = h.side === "mali" ? "mali" : "partner";
    const sectors = (h.needs.length > 0 ? h.needs : h.sectors).slice(0, 4);
    const pop = populationText(h.population, "card.population");
    const summary = h.partnerSought || h.presentation;
    return html`<article class="card">
      <h3><a href=${profilePath(side, h.id)}>${h.name}</a></h3>
      <p class="meta">
        ${placeLine({
          level: h.level as never,
          country: h.country,
          regionName: h.regionName ?? undefined,
          cercleName: h.cercleName ?? undefined,
        })}${pop ? html` · ${pop}` : nothing}
      </p>
      ${
        sectors.length > 0
          ? html`<ul class="chips" aria-label=${t("card.priorities")}>
            ${sectors.map((s) => html`<li class="chip">${sectorLabel(s)}</li>`)}
          </ul>`
          : nothing
      }
      ${summary ? html`<p class="excerpt">${excerpt(summary, 160)}</p>` : nothing}
      <a class="more" href=${pathFor({ name: "matches", id: h.id })} aria-label=${t("card.matchesFor", { name: h.name })}
        >${t("card.matches")}</a
      >
    </article>`;
  }
}
