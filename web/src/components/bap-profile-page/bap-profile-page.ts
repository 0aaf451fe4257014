import { css, html, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { ApiError, isAbort, type Problem } from "../../lib/api.js";
import { pathFor } from "../../lib/routes.js";
import type { PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
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
    `,
  ];

  @property({ attribute: false }) profileId = "";
  @state() private profile: PublicProfile | null = null;
  @state() private problem: Problem | null = null;
  @state() private loading = false;
  private controller: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("profileId") && this.profileId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loading = true;
    this.problem = null;
    try {
      this.profile = await api.profile(this.profileId, { signal: controller.signal });
      this.dispatchEvent(
        new CustomEvent("bap-page-title", {
          detail: { title: this.profile.collectivite.name },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (err) {
      if (isAbort(err)) return;
      if (!(err instanceof ApiError)) throw err;
      this.profile = null;
      this.problem = err.problem;
    } finally {
      if (this.controller === controller) this.loading = false;
    }
  }

  override render() {
    const p = this.profile;
    if (this.problem) {
      return html`<h1>${t("view.kind.planche")}</h1>
        <div class="alert" role="alert">
          <p>${this.problem.status === 404 ? t("profile.notFound") : problemText(this.problem)}</p>
        </div>
        <p><a href="/recherche">${t("profile.back")}</a></p>`;
    }
    if (!p) {
      return html`<p role="status" aria-busy=${this.loading ? "true" : "false"}>${t("profile.loading")}</p>`;
    }
    return html`
      <div class="actions">
        <a class="button" href=${pathFor({ name: "matches", id: p.id })}>${t("profile.matches")}</a>
        <a href="/recherche">${t("profile.back")}</a>
      </div>
      ${
        p.side === "mali"
          ? html`<bap-planche-view .profile=${p}></bap-planche-view>`
          : html`<bap-partner-view .profile=${p}></bap-partner-view>`
      }
    `;
  }
}
