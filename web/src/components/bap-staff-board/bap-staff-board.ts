import { css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import {
  type Board,
  type BoardCard,
  boardCount,
  CLOSED_PHASES,
  isClosed,
  moveCard,
  nextPhases,
  OPEN_PHASES,
  toBoard,
} from "../../lib/board.js";
import { staffApi } from "../../lib/console-api.js";
import type { Phase } from "../../lib/console-types.js";
import { formatDate, formatPercent } from "../../lib/format.js";
import { pathFor } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import { panelHead } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-board": BapStaffBoard;
  }
}

const staff = staffApi(api);
const phaseLabel = (p: Phase) => ct(`phase.${p}` as ConsoleKey);
const cardName = (c: BoardCard) => `${c.maliName ?? c.maliId} ↔ ${c.partnerName ?? c.partnerId}`;

interface MoveForm {
  /** Never preselected: a move is always a choice. */
  to: Phase | "";
  note: string;
  sending: boolean;
  /** A closing move waits here for its confirmation. */
  confirming: boolean;
  error: string | null;
}

const emptyMove = (): MoveForm => ({ to: "", note: "", sending: false, confirming: false, error: null });

/**
 * The pipeline as a board, one column per phase. Moving a card is a form on the card (next
 * phase, note, button): the same for mouse, keyboard and screen reader, no drag and drop.
 * After a move, focus follows the card into its new column.
 */
@customElement("bap-staff-board")
export class BapStaffBoard extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    consoleStyles,
    css`
      .board {
        display: grid;
        gap: 0.75rem;
        padding-bottom: 0.5rem;
      }
      .board:focus-visible {
        outline: 3px solid var(--bap-focus);
      }
      @media (min-width: 50rem) {
        .board {
          grid-auto-flow: column;
          grid-auto-columns: minmax(11rem, 1fr);
          overflow-x: auto;
        }
      }
      .column {
        background: #ebeae3;
        border-radius: var(--bap-radius);
        padding: 0.6rem;
        min-width: 0;
      }
      .column h3 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .column ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      .column .empty {
        color: var(--bap-muted);
        margin: 0;
      }
      .board-card {
        padding: 0.75rem;
      }
      .board-card h4 {
        font-size: 1rem;
        margin: 0 0 0.35rem;
        overflow-wrap: anywhere;
      }
      .board-card .meta {
        font-size: 0.9rem;
        margin: 0 0 0.35rem;
      }
      .board-card:focus {
        outline: 3px solid var(--bap-focus);
        outline-offset: 2px;
      }
      .board-card .field {
        margin: 0 0 0.5rem;
      }
      .board-card label {
        font-size: 0.92rem;
      }
      .closed .board {
        margin-top: 0.75rem;
      }
      .confirm {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        border-left: 4px solid var(--bap-focus);
        padding: 0.25rem 0 0.25rem 0.6rem;
      }
      .confirm p {
        flex-basis: 100%;
        margin: 0;
      }
    `,
  ];

  @state() private forms = new Map<string, MoveForm>();
  @state() private done: { text: string; error: boolean } | null = null;
  private readonly task = new LoadTask<Board>(this, async (signal) =>
    toBoard((await staff.board({ signal })).byPhase),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.task.run();
  }

  private form(id: string): MoveForm {
    return this.forms.get(id) ?? emptyMove();
  }

  private patch(c: BoardCard, patch: Partial<MoveForm>): void {
    this.forms = new Map(this.forms).set(c.id, { ...this.form(c.id), ...patch });
  }

  /** Submit: nothing without a chosen phase; a closing phase asks first, on the card itself. */
  private async submit(c: BoardCard): Promise<void> {
    const f = this.form(c.id);
    if (f.sending) return;
    if (!f.to) {
      this.patch(c, { error: ct("board.chooseFirst") });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#card-${c.id}-to`)?.focus();
      return;
    }
    if (isClosed(f.to) && !f.confirming) {
      this.patch(c, { confirming: true, error: null });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#card-${c.id}-confirm`)?.focus();
      return;
    }
    await this.move(c);
  }

  private async move(c: BoardCard): Promise<void> {
    const f = this.form(c.id);
    if (!f.to || f.sending || !this.task.value) return;
    this.patch(c, { sending: true, error: null });
    try {
      const moved = await staff.movePhase(c.id, f.to, f.note);
      this.task.value = moveCard(this.task.value, moved);
      const forms = new Map(this.forms);
      forms.delete(c.id);
      this.forms = forms;
      this.done = {
        text: ct("board.moved", { name: cardName(c), phase: phaseLabel(moved.phase) }),
        error: false,
      };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#card-${c.id}`)?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.patch(c, { sending: false, confirming: false });
      this.done = { text: problemText(err.problem), error: true };
    }
  }

  private renderCard(c: BoardCard) {
    const lang = getLang();
    const moves = nextPhases(c.phase);
    const f = this.form(c.id);
    const id = `card-${c.id}`;
    const answer = (a: string) => ct(`answer.${a}` as ConsoleKey);
    return html`<li>
      <article class="card board-card" id=${id} tabindex="-1" aria-labelledby=${`${id}-t`}>
        <h4 id=${`${id}-t`}>
          <a href=${pathFor({ name: "planche", id: c.maliId })}>${c.maliName ?? c.maliId}</a> ↔
          <a href=${pathFor({ name: "partner", id: c.partnerId })}>${c.partnerName ?? c.partnerId}</a>
        </h4>
        <p class="meta">
          ${ct("board.since", { date: formatDate(c.updatedAt, lang) })} ·
          ${ct("board.score", { score: formatPercent(c.score, lang) })}
        </p>
        ${
          c.phase === "proposed"
            ? html`<p class="meta">
                ${ct("board.answers", { mali: answer(c.responses.mali), partner: answer(c.responses.partner) })}
              </p>`
            : nothing
        }
        ${
          moves.length === 0
            ? html`<p class="meta">${ct("board.noMove")}</p>`
            : html`<form
                @submit=${(e: SubmitEvent) => {
                  e.preventDefault();
                  void this.submit(c);
                }}
              >
                ${c.phase === "proposed" ? html`<p class="meta">${ct("board.waiting")}</p>` : nothing}
                <div class="field">
                  <label for=${`${id}-to`}>${ct("board.moveTo")}</label>
                  <select
                    id=${`${id}-to`}
                    aria-invalid=${f.error ? "true" : "false"}
                    aria-describedby=${f.error ? `${id}-error` : nothing}
                    ?disabled=${f.confirming}
                    @change=${(e: Event) =>
                      this.patch(c, { to: (e.target as HTMLSelectElement).value as Phase | "", error: null })}
                  >
                    <option value="" ?selected=${f.to === ""}>${ct("board.choose")}</option>
                    ${moves.map((p) => html`<option value=${p} ?selected=${p === f.to}>${phaseLabel(p)}</option>`)}
                  </select>
                  ${f.error ? html`<p class="error" id=${`${id}-error`}>${f.error}</p>` : nothing}
                </div>
                <div class="field">
                  <label for=${`${id}-note`}>${ct("board.moveNote")}</label>
                  <input
                    id=${`${id}-note`}
                    type="text"
                    maxlength="2000"
                    .value=${f.note}
                    @input=${(e: Event) => this.patch(c, { note: (e.target as HTMLInputElement).value })}
                  />
                </div>
                ${
                  f.confirming && f.to
                    ? html`<div class="confirm" role="group" aria-labelledby=${`${id}-confirm-text`}>
                        <p id=${`${id}-confirm-text`}>
                          ${ct("board.confirmClose", { name: cardName(c), phase: phaseLabel(f.to) })}
                        </p>
                        <button class="button small" type="submit" id=${`${id}-confirm`} ?disabled=${f.sending}>
                          ${ct("board.confirm", { phase: phaseLabel(f.to) })}
                        </button>
                        <button
                          class="button small secondary"
                          type="button"
                          @click=${() => this.patch(c, { confirming: false })}
                        >
                          ${ct("board.cancel")}
                        </button>
                      </div>`
                    : html`<button
                        class="button small"
                        type="submit"
                        ?disabled=${f.sending}
                        aria-label=${ct("board.moveLabel", { name: cardName(c) })}
                      >
                        ${ct("board.move")}
                      </button>`
                }
              </form>`
        }
      </article>
    </li>`;
  }

  private renderColumns(board: Board, phases: readonly Phase[], label: string) {
    return html`<div class="board" role="region" aria-label=${label} tabindex="0">
      ${phases.map(
        (p) => html`<section class="column" aria-labelledby=${`col-${p}`}>
          <h3 id=${`col-${p}`}>${ct("board.column", { phase: phaseLabel(p), count: board[p].length })}</h3>
          ${
            board[p].length === 0
              ? html`<p class="empty">${ct("board.empty")}</p>`
              : html`<ol>
                ${repeat(
                  board[p],
                  (c) => c.id,
                  (c) => this.renderCard(c),
                )}
              </ol>`
          }
        </section>`,
      )}
    </div>`;
  }

  override render() {
    const board: Board | null = this.task.value;
    const closed = board ? boardCount(board, CLOSED_PHASES) : 0;
    return html`${panelHead({
      title: ct("board.title"),
      lead: ct("board.lead"),
      task: this.task,
      count: board ? ct("board.count", { count: boardCount(board) }) : "",
      done: this.done,
    })}
      ${
        board
          ? html`${this.renderColumns(board, OPEN_PHASES, ct("board.title"))}
              <details class="closed">
                <summary>${ct("board.closed", { count: closed })}</summary>
                ${this.renderColumns(board, CLOSED_PHASES, ct("board.closed", { count: closed }))}
              </details>`
          : nothing
      }`;
  }
}
