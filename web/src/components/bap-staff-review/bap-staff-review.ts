import { css, html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang, t } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import { staffApi } from "../../lib/console-api.js";
import type { ReviewItem } from "../../lib/console-types.js";
import { formatDate } from "../../lib/format.js";
import { QUALITY_CRITERIA, type QualityDraft, qualityOf, qualityTotal } from "../../lib/my-space.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import "../bap-partner-view/bap-partner-view.js";
import "../bap-planche-view/bap-planche-view.js";
import { panelHead } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-review": BapStaffReview;
  }
}

interface ReviewForm {
  quality: QualityDraft;
  reason: string;
  error: string | null;
  sending: boolean;
}

const staff = staffApi(api);

/**
 * The reference unit's own name, when the collectivité calls itself otherwise (a renamed
 * place, a local spelling): staff check the link, the product never replaces the name.
 */
function referenceNote(c: { name: string; refCode?: string; referenceName?: string }) {
  if (!c.refCode || !c.referenceName || c.referenceName === c.name) return nothing;
  return html`<p class="meta reference-name">
    ${ct("review.referenceName", { name: c.referenceName, code: c.refCode })}
  </p>`;
}
const emptyForm = (): ReviewForm => ({ quality: {}, reason: "", error: null, sending: false });

/** The review queue: each waiting profile with its contact, a quality score, publish or send back. */
@customElement("bap-staff-review")
export class BapStaffReview extends BapElement {
  static override styles = [
    baseStyles,
    formStyles,
    consoleStyles,
    css`
      .quality {
        display: grid;
        gap: 0 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
      }
      .quality fieldset {
        margin: 0 0 0.75rem;
        padding: 0.4rem 0.6rem 0.5rem;
      }
      .scale {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.7rem;
      }
      .scale .choice {
        align-items: center;
        min-height: 2.75rem;
      }
      .preview {
        border: 1px dashed var(--bap-border);
        border-radius: var(--bap-radius);
        padding: 0.75rem;
        margin-top: 0.5rem;
        background: var(--bap-bg);
      }
      .total {
        font-weight: 600;
      }
    `,
  ];

  @state() private forms = new Map<string, ReviewForm>();
  @state() private done: { text: string; error: boolean } | null = null;
  private readonly task = new LoadTask<ReviewItem[]>(
    this,
    async (signal) => (await staff.reviewQueue({ signal })).items,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.task.run();
  }

  private form(id: string): ReviewForm {
    return this.forms.get(id) ?? emptyForm();
  }

  private patch(id: string, patch: Partial<ReviewForm>): void {
    this.forms = new Map(this.forms).set(id, { ...this.form(id), ...patch });
  }

  private async decide(item: ReviewItem, decision: "approve" | "return"): Promise<void> {
    const p = item.profile;
    const f = this.form(p.id);
    if (f.sending) return;
    const { quality, partial } = qualityOf(f.quality);
    if (partial) return this.patch(p.id, { error: ct("review.quality.partial") });
    if (decision === "return" && f.reason.trim().length < 5) {
      this.patch(p.id, { error: ct("review.reasonRequired") });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#reason-${p.id}`)?.focus();
      return;
    }
    this.patch(p.id, { sending: true, error: null });
    try {
      if (decision === "approve") await staff.approve(p.id, quality);
      else await staff.sendBack(p.id, f.reason.trim(), quality);
      const name = p.collectivite.name;
      this.done = {
        text: ct(decision === "approve" ? "review.approved" : "review.returned", { name }),
        error: false,
      };
      this.task.value = (this.task.value ?? []).filter((x) => x.profile.id !== p.id);
      this.forms.delete(p.id);
      this.requestUpdate();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("h2")?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.patch(p.id, { sending: false, error: problemText(err.problem) });
    }
  }

  private renderQuality(id: string, f: ReviewForm) {
    return html`<fieldset>
      <legend>${ct("review.quality")}</legend>
      <p class="hint">${ct("review.qualityHint")}</p>
      <div class="quality">
        ${QUALITY_CRITERIA.map((c) => {
          const name = `q-${id}-${c}`;
          return html`<fieldset>
            <legend>${ct(`review.quality.${c}` as ConsoleKey)}</legend>
            <div class="scale">
              ${[null, 0, 1, 2, 3].map(
                (v) => html`<label class="choice" for=${`${name}-${v ?? "x"}`}>
                  <input
                    id=${`${name}-${v ?? "x"}`}
                    type="radio"
                    name=${name}
                    .checked=${(f.quality[c] ?? null) === v}
                    @change=${() => {
                      const quality = { ...f.quality };
                      if (v === null) delete quality[c];
                      else quality[c] = v;
                      this.patch(id, { quality, error: null });
                    }}
                  />
                  <span
                    >${
                      v === null
                        ? html`<span aria-hidden="true">${ct("review.quality.none")}</span
                            ><span class="visually-hidden">${ct("review.quality.unset")}</span>`
                        : v
                    }</span
                  >
                </label>`,
              )}
            </div>
          </fieldset>`;
        })}
      </div>
      <p class="total" aria-live="polite">${ct("review.quality.total", { total: qualityTotal(f.quality) })}</p>
    </fieldset>`;
  }

  private renderItem(item: ReviewItem) {
    const p = item.profile;
    const c = p.contact;
    const f = this.form(p.id);
    const lang = getLang();
    const name = p.collectivite.name;
    const titleId = `r-${p.id}`;
    const contactRows: [string, unknown][] = [[ct("space.contact.name"), c.name]];
    if (c.role) contactRows.push([ct("space.contact.role"), c.role]);
    contactRows.push([ct("space.contact.email"), html`<a href=${`mailto:${c.email}`}>${c.email}</a>`]);
    if (c.phone) contactRows.push([ct("space.contact.phone"), c.phone]);
    contactRows.push([
      ct("space.contact.language"),
      c.language === "en" ? t("app.lang.en") : t("app.lang.fr"),
    ]);
    return html`<li>
      <article class="card" aria-labelledby=${titleId}>
        <header>
          <div>
            <p class="kind">${p.side === "mali" ? t("view.kind.planche") : t("view.kind.partner")}</p>
            <h3 id=${titleId}>${name}</h3>
            ${referenceNote(p.collectivite)}
          </div>
          <p class="meta">${ct("review.received", { date: formatDate(p.updatedAt, lang) })}</p>
        </header>
        <h4>${ct("review.contact")}</h4>
        <dl class="facts">${contactRows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
        ${
          item.reviews.length > 0
            ? html`<h4>${ct("review.previous")}</h4>
              <ul>
                ${item.reviews.map(
                  (r) =>
                    html`<li>
                      ${
                        r.decision === "approved"
                          ? ct("review.previous.approved", { date: formatDate(r.at, lang) })
                          : ct("review.previous.returned", {
                              date: formatDate(r.at, lang),
                              reason: r.reason ?? "",
                            })
                      }
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        <details>
          <summary>${ct("review.full")}</summary>
          <div class="preview">
            ${
              p.side === "mali"
                ? html`<bap-planche-view heading-level="4" .profile=${p}></bap-planche-view>`
                : html`<bap-partner-view heading-level="4" .profile=${p}></bap-partner-view>`
            }
          </div>
        </details>
        <form
          novalidate
          @submit=${(e: SubmitEvent) => {
            e.preventDefault();
            void this.decide(item, "approve");
          }}
        >
          ${this.renderQuality(p.id, f)}
          <div class="field">
            <label for=${`reason-${p.id}`}>${ct("review.reason")}</label>
            <p class="hint" id=${`reason-${p.id}-hint`}>${ct("review.reasonHint")}</p>
            <textarea
              id=${`reason-${p.id}`}
              rows="3"
              maxlength="2000"
              aria-describedby=${`reason-${p.id}-hint`}
              .value=${f.reason}
              @input=${(e: Event) => this.patch(p.id, { reason: (e.target as HTMLTextAreaElement).value, error: null })}
            ></textarea>
          </div>
          ${f.error ? html`<p class="error" role="alert">${f.error}</p>` : nothing}
          <div class="inline-actions">
            <button class="button" type="submit" ?disabled=${f.sending} aria-label=${ct("review.approveLabel", { name })}>
              ${ct("review.approve")}
            </button>
            <button
              class="button secondary"
              type="button"
              ?disabled=${f.sending}
              aria-label=${ct("review.sendBackLabel", { name })}
              @click=${() => void this.decide(item, "return")}
            >
              ${ct("review.sendBack")}
            </button>
          </div>
        </form>
      </article>
    </li>`;
  }

  override render() {
    const items = this.task.value;
    return html`${panelHead({
      title: ct("review.title"),
      lead: ct("review.lead"),
      task: this.task,
      count: items
        ? items.length === 0
          ? ct("review.none")
          : ct("review.count", { count: items.length })
        : "",
      done: this.done,
    })}
      ${items && items.length > 0 ? html`<ul class="cards">${items.map((i) => this.renderItem(i))}</ul>` : nothing}`;
  }
}
