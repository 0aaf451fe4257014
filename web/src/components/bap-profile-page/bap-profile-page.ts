import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { pathFor } from "../../lib/routes.js";
import type { PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api, currentSession } from "../../state/app-state.js";
import { announcePageTitle, LoadTask } from "../../state/load-task.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-partner-view/bap-partner-view.js";
import "../bap-planche-view/bap-planche-view.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-profile-page": BapProfilePage;
  }
}

/** /planche/:id and /partenaire/:id: one public profile and the way to its matches. */
@customElement("bap-profile-page")
export class BapProfilePage extends BapElement {
  static override styles = [
    baseStyles,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        margin: 0 0 1.25rem;
      }
      .interest {
        margin: 0 0 1.5rem;
      }
      .interest > p {
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) profileId = "";
  /** The interest form is its own chunk, fetched when a partner asks for it. */
  @state() private interestOpen = false;
  @state() private interestFailed = false;
  private readonly task = new LoadTask<PublicProfile>(this, (signal) =>
    api.profile(this.profileId, { signal }),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("profileId") && this.profileId) {
      this.interestOpen = false;
      void this.task.run().then((p) => {
        if (p) announcePageTitle(this, p.collectivite.name);
      });
    }
  }

  private async openInterest(): Promise<void> {
    this.interestFailed = false;
    try {
      await import("../bap-interest-form/bap-interest-form.js");
      this.interestOpen = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("bap-interest-form")?.focus();
    } catch {
      this.interestFailed = true;
    }
  }

  /** "Express interest": for a signed-in partner, on a published planche. */
  private renderInterest(p: PublicProfile) {
    if (p.side !== "mali" || p.status !== "published") return nothing;
    const session = currentSession();
    if (!session) {
      const next = encodeURIComponent(pathFor({ name: "planche", id: p.id }));
      return html`<p class="interest muted">
        ${t("interest.anonymous")} <a href=${`${pathFor({ name: "my-space" })}?retour=${next}`}>${t("interest.signIn")}</a>
      </p>`;
    }
    const partners = session.profiles.filter((x) => x.side === "partner" && x.status !== "archived");
    if (partners.length === 0) {
      return html`<p class="interest muted">
        ${t("interest.needPartner")} <a href=${pathFor({ name: "publish-partner" })}>${t("interest.publishPartner")}</a>
      </p>`;
    }
    if (this.interestOpen) {
      return html`<div class="interest">
        <bap-interest-form
          .planche=${p}
          .partners=${partners}
          @bap-interest-close=${() => {
            this.interestOpen = false;
          }}
        ></bap-interest-form>
      </div>`;
    }
    return html`<div class="interest">
      <button class="button secondary" type="button" @click=${() => void this.openInterest()}>
        ${t("interest.open")}
      </button>
      ${this.interestFailed ? html`<p class="alert" role="alert">${t("app.loadFailed")}</p>` : nothing}
    </div>`;
  }

  override render() {
    const p = this.task.value?.id === this.profileId ? this.task.value : null;
    const problem = this.task.problem;
    if (problem) {
      return html`<h1>${t("view.kind.planche")}</h1>
        <div class="alert" role="alert">
          <p>${problem.status === 404 ? t("profile.notFound") : problemText(problem)}</p>
        </div>
        <p><a href="/recherche">${t("profile.back")}</a></p>`;
    }
    if (!p) {
      return html`<p role="status" aria-busy=${this.task.loading ? "true" : "false"}>${t("profile.loading")}</p>`;
    }
    return html`
      <div class="actions">
        <a class="button" href=${pathFor({ name: "matches", id: p.id })}>${t("profile.matches")}</a>
        <a href="/recherche">${t("profile.back")}</a>
      </div>
      ${this.renderInterest(p)}
      ${
        p.side === "mali"
          ? html`<bap-planche-view .profile=${p}></bap-planche-view>`
          : html`<bap-partner-view .profile=${p}></bap-partner-view>`
      }
    `;
  }
}
