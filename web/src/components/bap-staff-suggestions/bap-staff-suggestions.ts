import { css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { ct } from "../../i18n/console/index.js";
import { getLang, type Lang } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import { staffApi } from "../../lib/console-api.js";
import type { Suggestion } from "../../lib/console-types.js";
import { formatPercent } from "../../lib/format.js";
import { pathFor } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import { noteField, panelHead } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-suggestions": BapStaffSuggestions;
  }
}

const staff = staffApi(api);
const PAGE = 20;
const keyOf = (s: Suggestion) => `${s.maliId}~${s.partnerId}`;
/** Accent- and case-insensitive, for the name filter. */
const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

/** The best matches without an introduction: score, why, a note, "Propose". */
@customElement("bap-staff-suggestions")
export class BapStaffSuggestions extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    consoleStyles,
    css`
      .score strong {
        font-size: 1.4rem;
        color: var(--bap-primary);
        font-variant-numeric: tabular-nums;
      }
      .score {
        margin: 0;
      }
    `,
  ];

  @state() private filter = "";
  /** How many are drawn: the list grows on demand (a hundred cards with a note field each is heavy on a phone). */
  @state() private limit = PAGE;
  @state() private notes = new Map<string, string>();
  @state() private sending = new Set<string>();
  @state() private done: { text: string; error: boolean } | null = null;
  private loadedLang: Lang | null = null;
  private readonly task = new LoadTask<Suggestion[]>(this, async (signal) => {
    this.loadedLang = getLang();
    return (await staff.suggestions(getLang(), 100, { signal })).items;
  });

  protected override willUpdate(): void {
    // The explanations are sentences in the reader's language.
    if (this.loadedLang !== getLang() && !this.task.loading) void this.task.run();
  }

  private async propose(s: Suggestion): Promise<void> {
    const key = keyOf(s);
    if (this.sending.has(key)) return;
    this.sending = new Set([...this.sending, key]);
    try {
      await staff.propose(s.maliId, s.partnerId, (this.notes.get(key) ?? "").trim());
      this.done = { text: ct("sugg.proposed", { mali: s.mali, partner: s.partner }), error: false };
      this.task.value = (this.task.value ?? []).filter((x) => keyOf(x) !== key);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("h2")?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.done = { text: problemText(err.problem), error: true };
    } finally {
      const next = new Set(this.sending);
      next.delete(key);
      this.sending = next;
    }
  }

  private renderItem(s: Suggestion) {
    const key = keyOf(s);
    const id = `s-${s.maliId}-${s.partnerId}`;
    const lang = getLang();
    return html`<li>
      <article class="card" aria-labelledby=${id}>
        <header>
          <h3 id=${id}>
            <a href=${pathFor({ name: "planche", id: s.maliId })}>${s.mali}</a> ↔
            <a href=${pathFor({ name: "partner", id: s.partnerId })}>${s.partner}</a>
          </h3>
          <p class="score">${ct("sugg.score")} <strong>${formatPercent(s.score, lang)}</strong></p>
        </header>
        <h4>${ct("sugg.why")}</h4>
        <ul class="why">
          ${s.explanation.map((x) => html`<li>${x}</li>`)}
        </ul>
        <form
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            void this.propose(s);
          }}
        >
          ${noteField(id, this.notes.get(key) ?? "", (v) => {
            this.notes = new Map(this.notes).set(key, v);
          })}
          <button
            class="button"
            type="submit"
            ?disabled=${this.sending.has(key)}
            aria-label=${ct("sugg.proposeLabel", { mali: s.mali, partner: s.partner })}
          >
            ${ct("sugg.propose")}
          </button>
        </form>
      </article>
    </li>`;
  }

  override render() {
    const all = this.task.value;
    const f = fold(this.filter.trim());
    const shown = all ? (f ? all.filter((s) => fold(`${s.mali} ${s.partner}`).includes(f)) : all) : null;
    const count = shown
      ? shown.length === 0
        ? f
          ? ct("sugg.noneFiltered")
          : ct("sugg.none")
        : ct("sugg.count", { count: shown.length })
      : "";
    return html`${panelHead({
      title: ct("sugg.title"),
      lead: ct("sugg.lead"),
      task: this.task,
      count,
      done: this.done,
      controls: html`<div class="field">
          <label for="sugg-filter">${ct("sugg.filter")}</label>
          <input
            id="sugg-filter"
            type="search"
            autocomplete="off"
            .value=${this.filter}
            @input=${(e: Event) => {
              this.filter = (e.target as HTMLInputElement).value;
            }}
          />
        </div>`,
    })}
      ${
        shown && shown.length > 0
          ? html`<ul class="cards">
                ${repeat(shown.slice(0, this.limit), keyOf, (s) => this.renderItem(s))}
              </ul>
              ${
                shown.length > this.limit
                  ? html`<p class="inline-actions">
                      <button
                        class="button secondary"
                        type="button"
                        @click=${() => {
                          this.limit += PAGE;
                        }}
                      >
                        ${ct("sugg.more", { count: Math.min(PAGE, shown.length - this.limit) })}
                      </button>
                    </p>`
                  : nothing
              }`
          : nothing
      }`;
  }
}
