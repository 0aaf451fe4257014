import { css, html, nothing } from "lit";
import { customElement, property } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { pageWindow } from "../../lib/query-state.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles } from "../../styles/shared.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-pagination": BapPagination;
  }
}

/** Page links (real addresses: they can be opened in a new tab and survive reload). */
@customElement("bap-pagination")
export class BapPagination extends BapElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        list-style: none;
        padding: 0;
        margin: 1rem 0 0;
        align-items: center;
      }
      a,
      span.gap {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-width: 2.75rem;
        min-height: 2.75rem;
        padding: 0 0.6rem;
        border-radius: 6px;
      }
      a {
        border: 1px solid var(--bap-field-border);
        background: var(--bap-surface);
        text-decoration: none;
      }
      a[aria-current="page"] {
        background: var(--bap-primary);
        border-color: var(--bap-primary);
        color: var(--bap-primary-ink);
        font-weight: 700;
      }
    `,
  ];

  @property({ type: Number }) page = 1;
  @property({ type: Number }) pages = 1;
  /** Builds the address of a page. */
  @property({ attribute: false }) href: (page: number) => string = (p) => `?page=${p}`;

  override render() {
    if (this.pages <= 1) return nothing;
    const { page, pages } = this;
    return html`<nav aria-label=${t("pagination.label")}>
      <ul>
        ${
          page > 1
            ? html`<li>
              <a href=${this.href(page - 1)} rel="prev" aria-label=${t("pagination.prevLabel")}
                >‹ ${t("pagination.prev")}</a
              >
            </li>`
            : nothing
        }
        ${pageWindow(page, pages).map((p) =>
          p === null
            ? html`<li><span class="gap" aria-hidden="true">…</span></li>`
            : html`<li>
                <a
                  href=${this.href(p)}
                  aria-current=${p === page ? "page" : nothing}
                  aria-label=${t("pagination.page", { page: p })}
                  >${p}</a
                >
              </li>`,
        )}
        ${
          page < pages
            ? html`<li>
              <a href=${this.href(page + 1)} rel="next" aria-label=${t("pagination.nextLabel")}
                >${t("pagination.next")} ›</a
              >
            </li>`
            : nothing
        }
      </ul>
      <p class="visually-hidden">${t("pagination.status", { page, pages })}</p>
    </nav>`;
  }
}
