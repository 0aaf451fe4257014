import { html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { ct } from "../../i18n/console/index.js";
import { t } from "../../i18n/index.js";
import { accountApi } from "../../lib/console-api.js";
import type { PrivateProfile } from "../../lib/console-types.js";
import { pathFor } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { api, currentSession, ensureSession, resolvePlaces } from "../../state/app-state.js";
import { announcePageTitle, LoadTask } from "../../state/load-task.js";
import { baseStyles } from "../../styles/shared.styles.js";
import type { EditTarget } from "../../controllers/draft-controller.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-sign-in/bap-sign-in.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-profile-edit": BapProfileEdit;
  }
}

const account = accountApi(api);

/**
 * /mon-espace/modifier/:id: one of my profiles, read whole (GET /private, contact included),
 * opened in the same guided form that created it; saved with PUT and If-Match.
 */
@customElement("bap-profile-edit")
export class BapProfileEdit extends BapElement {
  static override styles = [baseStyles];

  @property({ attribute: false }) profileId = "";
  @state() private target: EditTarget | null = null;
  @state() private sessionChecked = false;
  private readonly task = new LoadTask<PrivateProfile>(this, async (signal) => {
    const p = await account.privateProfile(this.profileId, { signal });
    // Place names of a partner's areas and diaspora origins, for the form's chips.
    if (p.side === "partner")
      await resolvePlaces([...p.preferredAreas, ...p.diaspora.map((d) => d.originCode)]);
    await (p.side === "mali"
      ? import("../bap-planche-form/bap-planche-form.js")
      : import("../bap-partner-form/bap-partner-form.js"));
    return p;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void (async () => {
      await ensureSession();
      this.sessionChecked = true;
    })();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const signedIn = currentSession() !== null;
    if (
      signedIn &&
      this.profileId &&
      (changed.has("profileId") || (!this.task.value && !this.task.loading && !this.task.problem))
    ) {
      this.target = null;
      void this.task.run().then((p) => {
        if (!p) return;
        this.target = { id: p.id, version: p.version, profile: p };
        announcePageTitle(this, t("edit.title", { name: p.collectivite.name }));
      });
    }
  }

  override render() {
    if (!currentSession()) {
      if (!this.sessionChecked) return html`<p role="status">${t("edit.loading")}</p>`;
      return html`<h1>${t("edit.pageTitle")}</h1>
        <bap-sign-in
          .heading=${ct("space.signIn.title")}
          .body=${ct("space.signIn.body")}
          .next=${pathFor({ name: "edit-profile", id: this.profileId })}
        ></bap-sign-in>`;
    }
    const problem = this.task.problem;
    if (problem) {
      return html`<h1>${t("edit.pageTitle")}</h1>
        <div class="alert" role="alert">
          <p>${problem.status === 403 || problem.status === 404 ? t("edit.forbidden") : problemText(problem)}</p>
        </div>
        <p><a href=${pathFor({ name: "my-space" })}>${t("edit.back")}</a></p>`;
    }
    const target = this.target;
    if (!target) return html`<p role="status" aria-busy="true">${t("edit.loading")}</p>`;
    return target.profile.side === "mali"
      ? html`<bap-planche-form .editing=${target}></bap-planche-form>`
      : target.profile.side === "partner"
        ? html`<bap-partner-form .editing=${target}></bap-partner-form>`
        : nothing;
  }
}
