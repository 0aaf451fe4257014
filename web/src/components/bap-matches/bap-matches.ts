import { html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { getLang, type Lang, t } from "../../i18n/index.js";
import { ApiError, isAbort, type Problem } from "../../lib/api.js";
import { formatPercent } from "../../lib/format.js";
import { profilePath } from "../../lib/routes.js";
import type { MatchView, PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { placeLine, populationText } from "../../view/labels.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-factor-bars/bap-factor-bars.js";
import { matchesStyles } from "./bap-matches.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-matches": BapMatches;
  }
}

/** /profil/:id/correspondances: the ranked candidates of the other side, each explained. */
@customElement("bap-matches")
export class BapMatches extends BapElement {
  static override styles = [baseStyles, matchesStyles];

  @property({ attribute: false }) profileId = "";
  @state() private subject: PublicProfile | null = null;
  @state() private results: MatchView[] | null = null;
  @state() private problem: Problem | null = null;
  @state() private loading = false;
  /** Explanations are written by the server in one language; fetch again when it changes. */
  private loadedLang: Lang | null = null;
  private controller: AbortController | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has("profileId") || this.loadedLang !== getLang()) && this.profileId) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const lang = getLang();
    this.loadedLang = lang;
    this.loading = true;
    this.problem = null;
    try {
      const [subject, { matches }] = await Promise.all([
        this.subject?.id === this.profileId
          ? Promise.resolve(this.subject)
          : api.profile(this.profileId, { signal: controller.signal }),
        api.matches(this.profileId, lang, 10, { signal: controller.signal }),
      ]);
      this.subject = subject;
      this.results = matches;
      this.dispatchEvent(
        new CustomEvent("bap-page-title", {
          detail: { title: t("matches.title", { name: subject.collectivite.name }) },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (err) {
      if (isAbort(err)) return;
      if (!(err instanceof ApiError)) throw err;
      this.problem = err.problem;
    } finally {
      if (this.controller === controller) this.loading = false;
    }
  }

  private renderMatch(m: MatchView, index: number) {
    const p = m.profile;
    const c = p.collectivite;
    const lang = getLang();
    const pop = populationText(c.population, "view.population");
    const id = `m-${index}`;
    const reasons = m.reasons.length > 0 ? m.reasons : m.explanation.map((text) => ({ factor: "", text }));
    return html`<li>
      <article class="card match" aria-labelledby=${id}>
        <header>
          <h2 id=${id}>
            <span class="rank">${t("matches.rank", { rank: m.rank ?? index + 1 })}</span>
            <a href=${profilePath(p.side, p.id)}>${c.name}</a>
          </h2>
          <p class="score">
            <span>${t("matches.score")}</span>
            <strong>${formatPercent(m.score, lang)}</strong>
          </p>
        </header>
        <p class="meta">${placeLine(c)}${pop ? html` · ${pop}` : nothing}</p>
        <div class="body">
          <bap-factor-bars .factors=${m.factors} label=${t("matches.factors", { name: c.name })}></bap-factor-bars>
          <div>
            <h3>${t("matches.why")}</h3>
            <ul class="why">
              ${reasons.map(
                (r) => html`<li class=${r.factor === "context" ? "context note" : ""}>${r.text}</li>`,
              )}
            </ul>
          </div>
        </div>
      </article>
    </li>`;
  }

  override render() {
    const s = this.subject;
    const list = this.results;
    const name = s?.collectivite.name ?? "";
    let status = "";
    if (this.loading) status = t("matches.loading");
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
      <h1>${s ? t("matches.title", { name }) : t("matches.pageTitle")}</h1>
      <p class="lead">${t("matches.lead")}</p>
      ${
        this.problem
          ? html`<div class="alert" role="alert">
            <p>${this.problem.status === 404 ? t("profile.notFound") : problemText(this.problem)}</p>
          </div>`
          : nothing
      }
      <p class="status" role="status">${status}</p>
      ${
        list && list.length > 0
          ? html`<ol class="matches" aria-busy=${this.loading ? "true" : "false"}>
            ${list.map((m, i) => this.renderMatch(m, i))}
          </ol>`
          : nothing
      }
    `;
  }
}
