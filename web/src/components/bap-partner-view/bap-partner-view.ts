import { html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, t } from "../../i18n/index.js";
import { formatDate, formatNumber } from "../../lib/format.js";
import type { PartnerViewModel } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { placeName, resolvePlaces, sectorLabel } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { heading } from "../../view/heading.js";
import {
  budgetLabel,
  modalityLabel,
  placeLine,
  populationText,
  sizeLabel,
  statusLabel,
} from "../../view/labels.js";
import { profileViewStyles } from "../bap-planche-view/bap-planche-view.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-partner-view": BapPartnerView;
  }
}

/** A partner profile as anyone sees it: what it seeks and offers, where, with what means. */
@customElement("bap-partner-view")
export class BapPartnerView extends BapElement {
  static override styles = [baseStyles, profileViewStyles];

  @property({ attribute: false }) profile: PartnerViewModel | null = null;
  @property({ type: Number, attribute: "heading-level" }) headingLevel = 1;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("profile") && this.profile) {
      void resolvePlaces([...this.profile.preferredAreas, ...this.profile.diaspora.map((d) => d.originCode)]);
    }
  }

  private chips(codes: readonly string[]) {
    return codes.length > 0
      ? html`<ul class="chips">${codes.map((c) => html`<li class="chip">${sectorLabel(c)}</li>`)}</ul>`
      : html`<p class="muted">${t("view.none")}</p>`;
  }

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const level = this.headingLevel;
    const sub = level + 1;
    const c = p.collectivite;
    const lang = getLang();
    const pop = populationText(c.population, "view.population");
    const means: [string, string][] = [[t("view.capacity.budget"), budgetLabel(p.capacity.budgetBand)]];
    if (p.capacity.staff !== undefined)
      means.push([t("view.capacity.staff"), formatNumber(p.capacity.staff, lang)]);
    means.push([t("view.capacity.cofunding"), p.capacity.cofunding ? t("view.yes") : t("view.no")]);
    if (p.sizePreference !== "any") means.push([t("view.sizePreference"), sizeLabel(p.sizePreference)]);
    if (p.modalities.length > 0)
      means.push([t("view.modalities"), p.modalities.map(modalityLabel).join(", ")]);
    return html`<article>
      <header class="head">
        <p class="kind">${t("view.kind.partner")}</p>
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
      <div class="grid">
        <section>${heading(sub, t("view.themesSought"))}${this.chips(p.themesSought)}</section>
        <section>${heading(sub, t("view.expertise"))}${this.chips(p.expertiseOffered)}</section>
      </div>
      ${
        p.offerDescription
          ? html`<section>${heading(sub, t("view.offer"))}<p class="text">${p.offerDescription}</p></section>`
          : nothing
      }
      <div class="grid">
        <section>
          ${heading(sub, t("view.areas"))}
          ${
            p.preferredAreas.length > 0
              ? html`<ul class="chips">
                ${p.preferredAreas.map((a) => html`<li class="chip">${placeName(a) ?? a}</li>`)}
              </ul>`
              : html`<p class="muted">${t("view.areas.any")}</p>`
          }
        </section>
        <section>
          ${heading(sub, t("view.diasporaOrigins"))}
          ${
            p.diaspora.length > 0
              ? html`<ul class="plain">
                ${p.diaspora.map(
                  (d) =>
                    html`<li>${placeName(d.originCode) ?? d.originCode}${d.association ? html` — ${d.association}` : nothing}</li>`,
                )}
              </ul>`
              : html`<p class="muted">${t("view.none")}</p>`
          }
        </section>
      </div>
      <section>
        ${heading(sub, t("view.capacity"))}
        <dl>${means.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
      </section>
      <section>
        ${heading(sub, t("view.currentTies"))}
        ${
          p.currentTies.length > 0
            ? html`<ul class="plain">${p.currentTies.map((x) => html`<li>${x}</li>`)}</ul>`
            : html`<p class="muted">${t("view.noPartner")}</p>`
        }
      </section>
      <p class="note private">${t("view.contactPrivate")}</p>
    </article>`;
  }
}
