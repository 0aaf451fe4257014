import { css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { ct } from "../../i18n/console/index.js";
import { pathFor, STAFF_TABS, type StaffTab } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { currentSession, isStaff, ensureSession } from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import "../bap-sign-in/bap-sign-in.js";
import "../bap-staff-board/bap-staff-board.js";
import "../bap-staff-interests/bap-staff-interests.js";
import "../bap-staff-outbox/bap-staff-outbox.js";
import "../bap-staff-review/bap-staff-review.js";
import "../bap-staff-stats/bap-staff-stats.js";
import "../bap-staff-suggestions/bap-staff-suggestions.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff": BapStaff;
  }
}

/**
 * Journey 4, /equipe/*: the AMM staff console. Each section has its own address, so the
 * browser's back button, bookmarks and links between sections work; the API refuses
 * non-staff anyway, the page only says so kindly.
 */
@customElement("bap-staff")
export class BapStaff extends BapElement {
  static override styles = [
    baseStyles,
    css`
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        list-style: none;
        margin: 0 0 1.25rem;
        padding: 0;
        border-bottom: 2px solid var(--bap-border);
      }
      nav a {
        display: inline-flex;
        align-items: center;
        min-height: 2.75rem;
        padding: 0.35rem 0.85rem;
        border: 1px solid var(--bap-border);
        border-bottom: none;
        border-radius: 6px 6px 0 0;
        background: var(--bap-surface);
        text-decoration: none;
        font-weight: 600;
      }
      nav a[aria-current="page"] {
        background: var(--bap-primary);
        border-color: var(--bap-primary);
        color: var(--bap-primary-ink);
      }
      @media (max-width: 40rem) {
        nav ul {
          border-bottom: none;
        }
        nav a {
          border-radius: 6px;
          border-bottom: 1px solid var(--bap-border);
        }
      }
    `,
  ];

  @property({ attribute: false }) tab: StaffTab = "review";
  @state() private sessionChecked = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void (async () => {
      await ensureSession();
      this.sessionChecked = true;
    })();
  }

  private renderPanel() {
    switch (this.tab) {
      case "review":
        return html`<bap-staff-review></bap-staff-review>`;
      case "suggestions":
        return html`<bap-staff-suggestions></bap-staff-suggestions>`;
      case "interests":
        return html`<bap-staff-interests></bap-staff-interests>`;
      case "pipeline":
        return html`<bap-staff-board></bap-staff-board>`;
      case "outbox":
        return html`<bap-staff-outbox></bap-staff-outbox>`;
      case "stats":
        return html`<bap-staff-stats></bap-staff-stats>`;
    }
  }

  override render() {
    const head = html`<h1>${ct("staff.title")}</h1>`;
    const s = currentSession();
    if (!s) {
      if (!this.sessionChecked) return html`${head}<p role="status">${ct("staff.loading")}</p>`;
      return html`${head}
        <bap-sign-in
          .heading=${ct("staff.signIn.title")}
          .body=${ct("staff.signIn.body")}
          .next=${pathFor({ name: "staff", tab: this.tab })}
        ></bap-sign-in>`;
    }
    if (!isStaff(s)) return html`${head}<p class="alert" role="alert">${ct("staff.forbidden")}</p>`;
    return html`${head}
      <nav aria-label=${ct("staff.tabs")}>
        <ul>
          ${STAFF_TABS.map(
            (tab) => html`<li>
              <a href=${pathFor({ name: "staff", tab })} aria-current=${tab === this.tab ? "page" : nothing}
                >${ct(`staff.tab.${tab}`)}</a
              >
            </li>`,
          )}
        </ul>
      </nav>
      ${this.renderPanel()}`;
  }
}
