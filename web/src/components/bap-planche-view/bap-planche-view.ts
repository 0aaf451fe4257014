import { html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, t } from "../../i18n/index.js";
import { countryName } from "../../lib/format.js";
import type { PlancheViewModel } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { sectorLabel } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { heading } from "../../view/heading.js";
import { levelLabel, modalityLabel, sizeLabel } from "../../view/labels.js";
import { definitions, listSection, profileHead, sectorChips, textSection } from "../../view/profile-parts.js";
import { profileViewStyles } from "./bap-planche-view.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-planche-view": BapPlancheView;
  }
}

/**
 * A planche as anyone sees it: presentation, PDESC priorities in order, the partner sought,
 * diaspora and current partners. Never any contact: the model has none.
 * Used by the planche page, the form's preview step and the staff review queue.
 */
@customElement("bap-planche-view")
export class BapPlancheView extends BapElement {
  static override styles = [baseStyles, profileViewStyles];

  @property({ attribute: false }) profile: PlancheViewModel | null = null;
  /** 1 on its own page, 3 inside the form or the review queue. */
  @property({ type: Number, attribute: "heading-level" }) headingLevel = 1;

  private renderPriorities(p: PlancheViewModel, level: number) {
    const title =
      p.pdesc?.start && p.pdesc?.end
        ? t("view.prioritiesPeriod", { start: p.pdesc.start, end: p.pdesc.end })
        : t("view.priorities");
    return html`<section class="priorities">
      ${heading(level, title)}
      ${
        p.priorities.length === 0
          ? html`<p class="muted">${t("view.priorities.empty")}</p>`
          : html`<table class="stack" role="table">
            <caption>${t("view.priorities.caption")}</caption>
            <thead role="rowgroup">
              <tr role="row">
                <th role="columnheader" scope="col" class="rank">${t("view.col.rank")}</th>
                <th role="columnheader" scope="col">${t("view.col.sector")}</th>
                <th role="columnheader" scope="col">${t("view.col.aspect")}</th>
                <th role="columnheader" scope="col">${t("view.col.actors")}</th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              ${p.priorities.map(
                (x, i) => html`<tr role="row">
                  <td role="cell" class="rank" data-label=${t("view.col.rank")}>${i + 1}</td>
                  <th role="rowheader" scope="row" data-label=${t("view.col.sector")}>
                    ${x.sector ? sectorLabel(x.sector) : t("view.none")}
                  </th>
                  <td role="cell" data-label=${t("view.col.aspect")}>${x.aspect || t("view.none")}</td>
                  <td role="cell" data-label=${t("view.col.actors")}>${x.actors || t("view.none")}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </section>`;
  }

  private renderSought(p: PlancheViewModel, level: number) {
    const s = p.partnerSought;
    const lang = getLang();
    const rows: [string, unknown][] = [];
    if (s.themes.length > 0) rows.push([t("view.sought.themes"), sectorChips(s.themes, sectorLabel)]);
    if (s.levels.length > 0) rows.push([t("view.sought.levels"), s.levels.map(levelLabel).join(", ")]);
    if (s.countries.length > 0) {
      rows.push([t("view.sought.countries"), s.countries.map((c) => countryName(c, lang)).join(", ")]);
    }
    if (s.size !== "any") rows.push([t("view.sought.size"), sizeLabel(s.size)]);
    const modalities = p.modalities.length > 0 ? p.modalities : s.modalities;
    if (modalities.length > 0) rows.push([t("view.modalities"), modalities.map(modalityLabel).join(", ")]);
    return html`<section>
      ${heading(level, t("view.partnerSought"))}
      ${s.description ? html`<p class="text">${s.description}</p>` : nothing} ${definitions(rows)}
    </section>`;
  }

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const sub = this.headingLevel + 1;
    const lang = getLang();
    const diaspora = p.diaspora.map(
      (d) =>
        html`${d.name}${d.city || d.country ? html` — ${[d.city, countryName(d.country, lang)].filter(Boolean).join(", ")}` : nothing}`,
    );
    return html`<article>
      ${profileHead(t("view.kind.planche"), p, this.headingLevel)}
      ${textSection(sub, t("view.presentation"), p.presentation)} ${this.renderPriorities(p, sub)}
      ${textSection(sub, t("view.assets"), p.assets)} ${this.renderSought(p, sub)}
      <div class="grid">
        ${listSection(sub, t("view.diaspora"), diaspora, t("view.none"))}
        ${listSection(sub, t("view.currentPartners"), p.currentPartners, t("view.noPartner"))}
      </div>
      <p class="note private">${t("view.contactPrivate")}</p>
    </article>`;
  }
}
