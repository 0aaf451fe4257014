import { html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, t } from "../../i18n/index.js";
import { formatNumber } from "../../lib/format.js";
import type { PartnerViewModel } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { placeName, resolvePlaces, sectorLabel } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { heading } from "../../view/heading.js";
import { budgetLabel, modalityLabel, sizeLabel } from "../../view/labels.js";
import { definitions, listSection, profileHead, sectorChips, textSection } from "../../view/profile-parts.js";
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

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const sub = this.headingLevel + 1;
    const lang = getLang();
    const means: [string, string][] = [[t("view.capacity.budget"), budgetLabel(p.capacity.budgetBand)]];
    if (p.capacity.staff !== undefined)
      means.push([t("view.capacity.staff"), formatNumber(p.capacity.staff, lang)]);
    means.push([t("view.capacity.cofunding"), p.capacity.cofunding ? t("view.yes") : t("view.no")]);
    if (p.sizePreference !== "any") means.push([t("view.sizePreference"), sizeLabel(p.sizePreference)]);
    if (p.modalities.length > 0)
      means.push([t("view.modalities"), p.modalities.map(modalityLabel).join(", ")]);
    const origins = p.diaspora.map(
      (d) =>
        html`${placeName(d.originCode) ?? d.originCode}${d.association ? html` — ${d.association}` : nothing}`,
    );
    return html`<article>
      ${profileHead(t("view.kind.partner"), p, this.headingLevel)}
      ${textSection(sub, t("view.presentation"), p.presentation)}
      <div class="grid">
        <section>${heading(sub, t("view.themesSought"))}${sectorChips(p.themesSought, sectorLabel)}</section>
        <section>${heading(sub, t("view.expertise"))}${sectorChips(p.expertiseOffered, sectorLabel)}</section>
      </div>
      ${textSection(sub, t("view.offer"), p.offerDescription)}
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
        ${listSection(sub, t("view.diasporaOrigins"), origins, t("view.none"))}
      </div>
      <section>${heading(sub, t("view.capacity"))} ${definitions(means)}</section>
      ${listSection(sub, t("view.currentTies"), p.currentTies, t("view.noPartner"))}
      <p class="note private">${t("view.contactPrivate")}</p>
    </article>`;
  }
}
