import { css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import { staffApi } from "../../lib/console-api.js";
import type { OutboxItem, OutboxPage, OutboxStatus } from "../../lib/console-types.js";
import { formatDateTime, formatNumber } from "../../lib/format.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { tableStyles } from "../../styles/table.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import { panelHead, toolbarSelect } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-outbox": BapStaffOutbox;
  }
}

const staff = staffApi(api);
const LIMIT = 20;
const STATUSES = ["sent", "pending", "failed"] as const satisfies readonly OutboxStatus[];
const KNOWN_KINDS = new Set([
  "login",
  "profile_published",
  "profile_returned",
  "profile_expiring",
  "match_alert",
  "match_digest",
  "introduction",
  "introduction_reminder",
  "introduction_declined",
  "introduction_joint",
  "follow_up",
]);
const kindLabel = (k: string) => (KNOWN_KINDS.has(k) ? ct(`mail.kind.${k}` as ConsoleKey) : k);

/** The outbox: how many sent, pending and failed; each message's status and last error; retry. */
@customElement("bap-staff-outbox")
export class BapStaffOutbox extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    consoleStyles,
    tableStyles,
    css`
      .counts {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      .counts div {
        background: var(--bap-surface);
        border: 1px solid var(--bap-border);
        border-top: 4px solid var(--bap-primary);
        border-radius: var(--bap-radius);
        padding: 0.5rem 0.75rem;
      }
      .counts div.failed {
        border-top-color: var(--bap-error);
      }
      .counts div.pending {
        border-top-color: #b58900;
      }
      .counts dt {
        font-size: 0.9rem;
        color: var(--bap-muted);
        font-weight: 600;
      }
      .counts dd {
        margin: 0;
        font-size: 1.6rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-top: 0.75rem;
      }
      .pager p {
        margin: 0;
      }
      td.error-text {
        color: var(--bap-error);
        font-size: 0.9rem;
      }
    `,
  ];

  @state() private status: OutboxStatus | "" = "";
  @state() private offset = 0;
  @state() private retrying = new Set<string>();
  @state() private done: { text: string; error: boolean } | null = null;
  private readonly task = new LoadTask<OutboxPage>(this, (signal) =>
    staff.outbox(
      { ...(this.status ? { status: this.status } : {}), limit: LIMIT, offset: this.offset },
      { signal },
    ),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.task.run();
  }

  private go(patch: { status?: OutboxStatus | ""; offset?: number }): void {
    if (patch.status !== undefined) this.status = patch.status;
    this.offset = patch.offset ?? 0;
    void this.task.run();
  }

  private async retry(m: OutboxItem): Promise<void> {
    if (this.retrying.has(m.id)) return;
    this.retrying = new Set([...this.retrying, m.id]);
    try {
      await staff.retry(m.id);
      this.done = { text: ct("outbox.retried", { subject: m.subject }), error: false };
      await this.task.run();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.done = { text: problemText(err.problem), error: true };
    } finally {
      const next = new Set(this.retrying);
      next.delete(m.id);
      this.retrying = next;
    }
  }

  private renderRow(m: OutboxItem) {
    const lang = getLang();
    const col = (k: ConsoleKey) => ct(k);
    return html`<tr role="row">
      <td role="cell" data-label=${col("outbox.col.date")}>${formatDateTime(m.sentAt ?? m.createdAt, lang)}</td>
      <td role="cell" data-label=${col("outbox.col.kind")}>${kindLabel(m.kind)}</td>
      <td role="cell" data-label=${col("outbox.col.to")}>${m.to.join(", ")}</td>
      <th role="rowheader" scope="row" data-label=${col("outbox.col.subject")}>${m.subject}</th>
      <td role="cell" data-label=${col("outbox.col.status")}>
        <span class=${`badge ${m.status}`}>${ct(`outbox.status.${m.status}`)}</span>
      </td>
      <td role="cell" class="num" data-label=${col("outbox.col.attempts")}>${m.attempts}</td>
      <td role="cell" class="error-text" data-label=${col("outbox.col.error")}>${m.lastError ?? ""}</td>
      <td role="cell" data-label=${col("outbox.col.action")}>
        ${
          m.status === "failed"
            ? html`<button
                class="button small secondary"
                type="button"
                ?disabled=${this.retrying.has(m.id)}
                aria-label=${ct("outbox.retryLabel", { subject: m.subject })}
                @click=${() => void this.retry(m)}
              >
                ${ct("outbox.retry")}
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  override render() {
    const page = this.task.value;
    const lang = getLang();
    const counts = page?.counts;
    return html`${panelHead({
      title: ct("outbox.title"),
      lead: ct("outbox.lead"),
      task: this.task,
      count: "",
      done: this.done,
      controls: toolbarSelect<OutboxStatus | "">({
        id: "outbox-status",
        label: ct("outbox.filter"),
        value: this.status,
        options: [
          { value: "", label: ct("outbox.filter.all") },
          ...STATUSES.map((x) => ({ value: x, label: ct(`outbox.${x}`) })),
        ],
        onChange: (status) => this.go({ status }),
      }),
    })}
      ${
        counts
          ? html`<dl class="counts" aria-label=${ct("outbox.counts")}>
              ${STATUSES.map(
                (s) => html`<div class=${s}>
                  <dt>${ct(`outbox.${s}`)}</dt>
                  <dd>${formatNumber(counts[s] ?? 0, lang)}</dd>
                </div>`,
              )}
            </dl>`
          : nothing
      }
      ${
        page
          ? page.items.length === 0
            ? html`<p>${ct("outbox.none")}</p>`
            : html`<table class="stack" role="table">
                <caption>
                  ${ct("outbox.caption")}
                </caption>
                <thead role="rowgroup">
                  <tr role="row">
                    <th role="columnheader" scope="col">${ct("outbox.col.date")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.kind")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.to")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.subject")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.status")}</th>
                    <th role="columnheader" scope="col" class="num">${ct("outbox.col.attempts")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.error")}</th>
                    <th role="columnheader" scope="col">${ct("outbox.col.action")}</th>
                  </tr>
                </thead>
                <tbody role="rowgroup">
                  ${page.items.map((m) => this.renderRow(m))}
                </tbody>
              </table>
              <div class="pager">
                <button
                  class="button small secondary"
                  type="button"
                  ?disabled=${this.offset === 0 || this.task.loading}
                  @click=${() => this.go({ offset: Math.max(0, this.offset - LIMIT) })}
                >
                  ← ${ct("outbox.prev")}
                </button>
                <p>
                  ${ct("outbox.page", {
                    from: page.offset + 1,
                    to: page.offset + page.items.length,
                    total: page.total,
                  })}
                </p>
                <button
                  class="button small secondary"
                  type="button"
                  ?disabled=${page.offset + page.items.length >= page.total || this.task.loading}
                  @click=${() => this.go({ offset: this.offset + LIMIT })}
                >
                  ${ct("outbox.next")} →
                </button>
              </div>`
          : nothing
      }`;
  }
}
