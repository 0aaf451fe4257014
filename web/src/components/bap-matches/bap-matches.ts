import "../bap-factor-bars/bap-factor-bars.js";
import { html, nothing, type PropertyValues } from "lit";
import { customElement, property } from "lit/decorators.js";
import { getLang, type Lang, t } from "../../i18n/index.js";
import { profilePath } from "../../lib/routes.js";
import type { MatchView, PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { announcePageTitle, LoadTask } from "../../state/load-task.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { matchCard, matchCardStyles } from "../../view/match-card.js";
import { problemText } from "../../view/problem-text.js";
import { matchesStyles } from "./bap-matches.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-matches": BapMatches;
  }
}

interface Loaded {
  subject: PublicProfile;
  matches: MatchView[];
}

/** /profil/:id/correspondances: the ranked candidates of the other side, each explained. */
@customElement("bap-matches")
export class BapMatches extends BapElement {
  static override styles = [baseStyles, matchCardStyles, matchesStyles];

  @property({ attribute: false }) profileId = "";
  /** Explanations are written by the server in one language; fetch again when it changes. */
  private loadedLang: Lang | null = null;
  private readonly task: LoadTask<Loaded> = new LoadTask<Loaded>(this, async (signal): Promise<Loaded> => {
    const known: PublicProfile | undefined = this.task.value?.subject;
    const [subject, { matches }] = await Promise.all([
      known?.id === this.profileId ? known : api.profile(this.profileId, { signal }),
      api.matches(this.profileId, getLang(), 10, { signal }),
    ]);
    return { subject, matches };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has("profileId") || this.loadedLang !== getLang()) && this.profileId) {
      this.loadedLang = getLang();
      void this.task.run().then((r) => {
        if (r) announcePageTitle(this, t("matches.title", { name: r.subject.collectivite.name }));
      });
    }
  }

  override render() {
    const loaded = this.task.value?.subject.id === this.profileId ? this.task.value : null;
    const s = loaded?.subject ?? null;
    const list = loaded?.matches ?? null;
    const problem = this.task.problem;
    let status = "";
    if (this.task.loading) status = t("matches.loading");
    else if (list) {
      status =
        list.length === 0
          ? t("matches.none")
          : list.length === 1
            ? t("matches.one")
            : t("matches.many", { count: list.length });
    }
    return html`
      ${s ? html`<p class="back"><a href=${profilePath(s.side, s.id)}>← ${t("matches.back")}</a></p>` : nothing}
      <h1>${s ? t("matches.title", { name: s.collectivite.name }) : t("matches.pageTitle")}</h1>
      <p class="lead">${t("matches.lead")}</p>
      ${
        problem
          ? html`<div class="alert" role="alert">
            <p>${problem.status === 404 ? t("profile.notFound") : problemText(problem)}</p>
          </div>`
          : nothing
      }
      <p class="status" role="status">${status}</p>
      ${
        list && list.length > 0
          ? html`<ol class="matches" aria-busy=${this.task.loading ? "true" : "false"}>
            ${list.map((m, i) => html`<li>${matchCard(m, i, { idPrefix: "m", level: 2 })}</li>`)}
          </ol>`
          : nothing
      }
    `;
  }
}
