import "../bap-factor-bars/bap-factor-bars.js";
import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang, t } from "../../i18n/index.js";
import { ApiError, type Problem } from "../../lib/api.js";
import { accountApi } from "../../lib/console-api.js";
import type { AlertSettings, IntroductionDetail } from "../../lib/console-types.js";
import { formatDate, formatPercent } from "../../lib/format.js";
import { introView, safeReturnPath, statusInfo } from "../../lib/my-space.js";
import { pathFor, profilePath } from "../../lib/routes.js";
import type { MatchView, PublicProfile } from "../../lib/types.js";
import { BapElement } from "../../state/app-controller.js";
import { api, currentSession, ensureSession, loadSession } from "../../state/app-state.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { matchCard, matchCardStyles } from "../../view/match-card.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-intro-card/bap-intro-card.js";
import "../bap-sign-in/bap-sign-in.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-my-space": BapMySpace;
  }
}

type Loadable<T> =
  | { state: "loading" }
  | { state: "ready"; value: T }
  | { state: "failed"; problem: Problem };

interface AlertForm {
  settings: AlertSettings;
  saving: boolean;
  saved: boolean;
  problem: Problem | null;
}

const account = accountApi(api);

/**
 * Journey 3, /mon-espace: sign in by e-mail link; then my profiles with their status and
 * actions (edit, submit a draft, renew), each one's ranked matches and e-mail alerts, and my
 * introductions with their answers, the other side's contact once both accepted, and history.
 */
@customElement("bap-my-space")
export class BapMySpace extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    consoleStyles,
    matchCardStyles,
    css`
      section.block {
        margin: 0 0 2rem;
      }
      .profile .actions {
        margin-top: 0.5rem;
      }
      .range {
        width: 100%;
        max-width: 24rem;
        accent-color: var(--bap-primary);
        min-height: 2.75rem;
      }
      .empty-actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
      }
    `,
  ];

  /** The query string: `?retour=/planche/…` names where to land after signing in. */
  @property({ attribute: false }) query = "";

  @state() private sessionChecked = false;
  @state() private intros: Loadable<IntroductionDetail[]> | null = null;
  @state() private matchLists = new Map<string, Loadable<MatchView[]>>();
  @state() private alerts = new Map<string, Loadable<AlertForm>>();
  @state() private busy = new Set<string>();
  @state() private notice: { text: string; error: boolean } | null = null;
  private loadedFor: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    await ensureSession();
    this.sessionChecked = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const s = currentSession();
    // Signed in (here or in another tab): load what depends on the user once.
    if (s && this.loadedFor !== s.user.id) {
      this.loadedFor = s.user.id;
      void this.loadIntros();
    }
    if (!s) this.loadedFor = null;
  }

  private async loadIntros(): Promise<void> {
    this.intros = { state: "loading" };
    try {
      const { items } = await account.myIntroductions();
      const details = await Promise.all(items.map((i) => account.introduction(i.id)));
      const pendingFirst = (i: IntroductionDetail) => (i.phase === "proposed" ? 0 : 1);
      details.sort((a, b) => pendingFirst(a) - pendingFirst(b) || b.updatedAt.localeCompare(a.updatedAt));
      this.intros = { state: "ready", value: details };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.intros = { state: "failed", problem: err.problem };
    }
  }

  private say(text: string, error = false): void {
    this.notice = { text, error };
  }

  /**
   * Run an action of a profile card. Its button is disabled meanwhile (and may be gone after:
   * a submitted draft has no "submit" any more), so focus goes back to the card's title.
   */
  private async act(key: string, profileId: string, run: () => Promise<string>): Promise<void> {
    if (this.busy.has(key)) return;
    this.busy = new Set([...this.busy, key]);
    try {
      this.say(await run());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.say(problemText(err.problem), true);
    } finally {
      const next = new Set(this.busy);
      next.delete(key);
      this.busy = next;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#p-${CSS.escape(profileId)}`)?.focus();
  }

  private submit(p: PublicProfile): Promise<void> {
    return this.act(`submit:${p.id}`, p.id, async () => {
      await account.submit(p.id);
      await loadSession(true);
      return ct("space.done.submit", { name: p.collectivite.name });
    });
  }

  private renew(p: PublicProfile): Promise<void> {
    return this.act(`renew:${p.id}`, p.id, async () => {
      const next = await account.renew(p.id);
      await loadSession(true);
      return ct("space.done.renew", {
        name: p.collectivite.name,
        date: formatDate(next.expiresAt, getLang()),
      });
    });
  }

  private async loadMatches(id: string): Promise<void> {
    if (this.matchLists.get(id)?.state === "ready") return;
    this.matchLists = new Map(this.matchLists).set(id, { state: "loading" });
    let value: Loadable<MatchView[]>;
    try {
      value = { state: "ready", value: (await api.matches(id, getLang(), 5)).matches };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      value = { state: "failed", problem: err.problem };
    }
    this.matchLists = new Map(this.matchLists).set(id, value);
  }

  private async loadAlerts(id: string): Promise<void> {
    if (this.alerts.get(id)?.state === "ready") return;
    this.alerts = new Map(this.alerts).set(id, { state: "loading" });
    let value: Loadable<AlertForm>;
    try {
      const settings = await account.alerts(id);
      value = { state: "ready", value: { settings, saving: false, saved: false, problem: null } };
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      value = { state: "failed", problem: err.problem };
    }
    this.alerts = new Map(this.alerts).set(id, value);
  }

  private setAlertForm(id: string, patch: Partial<AlertForm>): void {
    const cur = this.alerts.get(id);
    if (cur?.state !== "ready") return;
    this.alerts = new Map(this.alerts).set(id, { state: "ready", value: { ...cur.value, ...patch } });
  }

  private async saveAlerts(e: SubmitEvent, id: string): Promise<void> {
    e.preventDefault();
    const cur = this.alerts.get(id);
    if (cur?.state !== "ready" || cur.value.saving) return;
    this.setAlertForm(id, { saving: true, saved: false, problem: null });
    try {
      const settings = await account.saveAlerts(id, cur.value.settings);
      this.setAlertForm(id, { settings, saving: false, saved: true });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.setAlertForm(id, { saving: false, problem: err.problem });
    }
  }

  private statusText(p: PublicProfile): string {
    if (p.status === "published") {
      return p.expiresAt
        ? ct("space.status.published", { date: formatDate(p.expiresAt, getLang()) })
        : ct("space.status.publishedNoDate");
    }
    return ct(`space.status.${p.status}` as ConsoleKey);
  }

  private renderMatches(p: PublicProfile) {
    const m = this.matchLists.get(p.id);
    let body: unknown = nothing;
    if (!m || m.state === "loading") body = html`<p role="status">${t("matches.loading")}</p>`;
    else if (m.state === "failed") body = html`<p class="alert" role="alert">${problemText(m.problem)}</p>`;
    else if (m.value.length === 0) body = html`<p>${t("matches.none")}</p>`;
    else {
      body = html`<ol class="matches">
          ${m.value.map((x, i) => html`<li>${matchCard(x, i, { idPrefix: `m-${p.id}`, level: 4 })}</li>`)}
        </ol>
        <p><a href=${pathFor({ name: "matches", id: p.id })}>${ct("space.matches.all", { name: p.collectivite.name })}</a></p>`;
    }
    return html`<details
      @toggle=${(e: Event) => {
        if ((e.target as HTMLDetailsElement).open) void this.loadMatches(p.id);
      }}
    >
      <summary>${ct("space.matches.title")}</summary>
      ${m ? body : nothing}
    </details>`;
  }

  private renderAlerts(p: PublicProfile) {
    const a = this.alerts.get(p.id);
    const id = (x: string) => `al-${p.id}-${x}`;
    let body: unknown = nothing;
    if (!a || a.state === "loading") body = html`<p role="status">${ct("space.alerts.loading")}</p>`;
    else if (a.state === "failed") body = html`<p class="alert" role="alert">${problemText(a.problem)}</p>`;
    else {
      const f = a.value;
      const percent = formatPercent(f.settings.threshold, getLang());
      const modes = ["off", "instant", "weekly"] as const;
      body = html`<form @submit=${(e: SubmitEvent) => void this.saveAlerts(e, p.id)}>
        <fieldset>
          <legend>${ct("space.alerts.mode")}</legend>
          <div class="choices">
            ${modes.map(
              (mode) => html`<label class="choice" for=${id(mode)}>
                <input
                  id=${id(mode)}
                  type="radio"
                  name=${id("mode")}
                  .checked=${f.settings.mode === mode}
                  @change=${() => this.setAlertForm(p.id, { settings: { ...f.settings, mode }, saved: false })}
                />
                <span>${ct(`space.alerts.mode.${mode}`)}</span>
              </label>`,
            )}
          </div>
        </fieldset>
        <div class="field">
          <label for=${id("threshold")}>${ct("space.alerts.threshold", { percent })}</label>
          <p class="hint" id=${id("threshold-hint")}>${ct("space.alerts.thresholdHint")}</p>
          <input
            class="range"
            id=${id("threshold")}
            type="range"
            min="0"
            max="100"
            step="5"
            aria-describedby=${id("threshold-hint")}
            aria-valuetext=${percent}
            ?disabled=${f.settings.mode === "off"}
            .value=${String(Math.round(f.settings.threshold * 100))}
            @input=${(e: Event) =>
              this.setAlertForm(p.id, {
                settings: { ...f.settings, threshold: Number((e.target as HTMLInputElement).value) / 100 },
                saved: false,
              })}
          />
        </div>
        <div class="inline-actions">
          <button class="button small" type="submit" ?disabled=${f.saving}>${ct("space.alerts.save")}</button>
          <span role="status">${f.saved ? ct("space.alerts.saved") : ""}</span>
        </div>
        ${f.problem ? html`<p class="error" role="alert">${problemText(f.problem)}</p>` : nothing}
      </form>`;
    }
    return html`<details
      @toggle=${(e: Event) => {
        if ((e.target as HTMLDetailsElement).open) void this.loadAlerts(p.id);
      }}
    >
      <summary>${ct("space.alerts.title")}</summary>
      ${a ? body : nothing}
    </details>`;
  }

  private renderProfile(p: PublicProfile) {
    const info = statusInfo(p, new Date());
    const name = p.collectivite.name;
    const titleId = `p-${p.id}`;
    return html`<li>
      <article class="card profile" aria-labelledby=${titleId}>
        <header>
          <div>
            <p class="kind">${p.side === "mali" ? t("view.kind.planche") : t("view.kind.partner")}</p>
            <h3 id=${titleId} tabindex="-1">${name}</h3>
          </div>
          <p class=${`badge ${p.status}`}>${this.statusText(p)}</p>
        </header>
        ${info.expiresSoon ? html`<p class="note">${ct("space.status.expiresSoon")}</p>` : nothing}
        <div class="actions">
          ${
            info.canEdit
              ? html`<a
                class="button small secondary"
                href=${pathFor({ name: "edit-profile", id: p.id })}
                aria-label=${ct("space.action.editLabel", { name })}
                >${ct("space.action.edit")}</a
              >`
              : nothing
          }
          ${
            info.canSubmit
              ? html`<button
                class="button small"
                type="button"
                ?disabled=${this.busy.has(`submit:${p.id}`)}
                @click=${() => void this.submit(p)}
              >
                ${this.busy.has(`submit:${p.id}`) ? ct("space.action.working") : ct("space.action.submit")}
              </button>`
              : nothing
          }
          ${
            info.canRenew
              ? html`<button
                class="button small secondary"
                type="button"
                ?disabled=${this.busy.has(`renew:${p.id}`)}
                @click=${() => void this.renew(p)}
              >
                ${this.busy.has(`renew:${p.id}`) ? ct("space.action.working") : ct("space.action.renew")}
              </button>`
              : nothing
          }
          ${p.status === "published" ? html`<a href=${profilePath(p.side, p.id)}>${ct("space.action.view")}</a>` : nothing}
        </div>
        ${info.showMatches ? this.renderMatches(p) : nothing} ${this.renderAlerts(p)}
      </article>
    </li>`;
  }

  private renderIntros(myIds: ReadonlySet<string>) {
    const s = this.intros;
    if (!s || s.state === "loading") return html`<p role="status">${ct("space.intros.loading")}</p>`;
    if (s.state === "failed") return html`<p class="alert" role="alert">${problemText(s.problem)}</p>`;
    if (s.value.length === 0) return html`<p>${ct("space.intros.none")}</p>`;
    const now = new Date();
    return html`<ul class="cards">
      ${s.value.map((intro) => {
        const view = introView(intro, myIds, now);
        return view
          ? html`<li>
              <bap-intro-card
                .intro=${intro}
                .view=${view}
                @bap-intro-changed=${(e: CustomEvent<{ intro: IntroductionDetail; message: string }>) => {
                  if (this.intros?.state !== "ready") return;
                  this.intros = {
                    state: "ready",
                    value: this.intros.value.map((i) => (i.id === e.detail.intro.id ? e.detail.intro : i)),
                  };
                  this.say(e.detail.message);
                }}
                @bap-intro-failed=${(e: CustomEvent<{ message: string }>) => this.say(e.detail.message, true)}
              ></bap-intro-card>
            </li>`
          : nothing;
      })}
    </ul>`;
  }

  override render() {
    const s = currentSession();
    const head = html`<h1>${ct("space.title")}</h1>
      <p class="lead">${ct("space.lead")}</p>`;
    if (!s) {
      if (!this.sessionChecked) return html`${head}<p role="status">${ct("space.loading")}</p>`;
      const retour = new URLSearchParams(this.query).get("retour");
      return html`${head}
        <bap-sign-in
          .heading=${ct("space.signIn.title")}
          .body=${ct("space.signIn.body")}
          .next=${safeReturnPath(retour, pathFor({ name: "my-space" }))}
        ></bap-sign-in>`;
    }
    const profiles = s.profiles;
    const myIds = new Set(profiles.map((p) => p.id));
    return html`${head}
      <div class="notice" role="status" aria-live="polite">
        ${this.notice ? html`<p class=${this.notice.error ? "alert" : "success"}>${this.notice.text}</p>` : nothing}
      </div>
      <section class="block" aria-labelledby="mine-title">
        <h2 id="mine-title">${ct("space.profiles.title")}</h2>
        ${
          profiles.length === 0
            ? html`<p>${ct("space.profiles.none")}</p>
              <div class="empty-actions">
                <a class="button" href=${pathFor({ name: "publish-planche" })}>${ct("space.profiles.publishPlanche")}</a>
                <a class="button secondary" href=${pathFor({ name: "publish-partner" })}
                  >${ct("space.profiles.publishPartner")}</a
                >
              </div>`
            : html`<ul class="cards">
              ${profiles.map((p) => this.renderProfile(p))}
            </ul>`
        }
      </section>
      <section class="block" aria-labelledby="intros-title">
        <h2 id="intros-title">${ct("space.intros.title")}</h2>
        ${this.renderIntros(myIds)}
      </section>`;
  }
}
