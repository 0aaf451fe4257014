import { html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, t } from "../../i18n/index.js";
import { countryName, formatDate } from "../../lib/format.js";
import type { PlancheViewModel } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { sectorLabel } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { heading } from "../../view/heading.js";
import {
  levelLabel,
  modalityLabel,
  placeLine,
  populationText,
  sizeLabel,
  statusLabel,
} from "../../view/labels.js";
import { profileViewStyles } from "./bap-planche-view.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-planche-view": BapPlancheView;
  }
}

/**
 * A planche as anyone sees it: presentation, PDESC priorities in order, the partner sought,
 * diaspora and current partners. Never any contact: the model has none.
 * Used by the planche page and by the form's preview step.
 */
@customElement("bap-planche-view")
export class BapPlancheView extends BapElement {
  static override styles = [baseStyles, profileViewStyles];

  @property({ attribute: false }) profile: PlancheViewModel | null = null;
  /** 1 on its own page, 2 inside the form. */
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
          : html`<table role="table">
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
    if (s.themes.length > 0) {
      rows.push([
        t("view.sought.themes"),
        html`<ul class="chips">${s.themes.map((c) => html`<li class="chip">${sectorLabel(c)}</li>`)}</ul>`,
      ]);
    }
    if (s.levels.length > 0) rows.push([t("view.sought.levels"), s.levels.map(levelLabel).join(", ")]);
    if (s.countries.length > 0) {
      rows.push([t("view.sought.countries"), s.countries.map((c) => countryName(c, lang)).join(", ")]);
    }
    if (s.size !== "any") rows.push([t("view.sought.size"), sizeLabel(s.size)]);
    const modalities = p.modalities.length > 0 ? p.modalities : s.modalities;
    if (modalities.length > 0) rows.push([t("view.modalities"), modalities.map(modalityLabel).join(", ")]);
    return html`<section>
      ${heading(level, t("view.partnerSought"))}
      ${s.description ? html`<p class="text">${s.description}</p>` : nothing}
      ${rows.length > 0 ? html`<dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : nothing}
    </section>`;
  }

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const level = this.headingLevel;
    const sub = level + 1;
    const c = p.collectivite;
    const lang = getLang();
    const pop = populationText(c.population, "view.population");
    return html`<article>
      <header class="head">
        <p class="kind">${t("view.kind.planche")}</p>
        ${heading(
          level,
          html`${c.name || t("view.none")}${
            p.status && p.status !== "published"
              ? html`<span class="badge">${statusLabel(p.status)}</span>`
              : nothing
          }`,
        )}
        <p class="meta">${placeLine(c)}${pop ? html` · ${pop}` : nothing}</p>
        ${p.updatedAt ? html`<p class="meta">${t("view.updated", { date: formatDate(p.updatedAt, lang) })}</p>` : nothing}
      </header>
      ${
        p.presentation
          ? html`<section>${heading(sub, t("view.presentation"))}<p class="text">${p.presentation}</p></section>`
          : nothing
      }
      ${this.renderPriorities(p, sub)}
      ${p.assets ? html`<section>${heading(sub, t("view.assets"))}<p class="text">${p.assets}</p></section>` : nothing}
      ${this.renderSought(p, sub)}
      <div class="grid">
        <section>
          ${heading(sub, t("view.diaspora"))}
          ${
            p.diaspora.length > 0
              ? html`<ul class="plain">
                ${p.diaspora.map(
                  (d) =>
                    html`<li>${d.name}${d.city || d.country ? html` — ${[d.city, countryName(d.country, lang)].filter(Boolean).join(", ")}` : nothing}</li>`,
                )}
              </ul>`
              : html`<p class="muted">${t("view.none")}</p>`
          }
        </section>
        <section>
          ${heading(sub, t("view.currentPartners"))}
          ${
            p.currentPartners.length > 0
              ? html`<ul class="plain">${p.currentPartners.map((x) => html`<li>${x}</li>`)}</ul>`
              : html`<p class="muted">${t("view.noPartner")}</p>`
          }
        </section>
      </div>
      <p class="note private">${t("view.contactPrivate")}</p>
    </article>`;
  }
}
