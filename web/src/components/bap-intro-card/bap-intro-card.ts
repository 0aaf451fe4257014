import { css, html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { type ConsoleKey, ct } from "../../i18n/console/index.js";
import { getLang, t } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import { accountApi } from "../../lib/console-api.js";
import type { Contact, IntroductionDetail } from "../../lib/console-types.js";
import { formatDate, formatDateTime } from "../../lib/format.js";
import { type IntroView, sortedHistory, summarizeEvent } from "../../lib/my-space.js";
import { profilePath } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";

export interface IntroChangedDetail {
  intro: IntroductionDetail;
  message: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "bap-intro-card": BapIntroCard;
  }
  interface GlobalEventHandlersEventMap {
    /** An answer was recorded: the introduction as it now is, and what to announce. */
    "bap-intro-changed": CustomEvent<IntroChangedDetail>;
    "bap-intro-failed": CustomEvent<{ message: string }>;
  }
}

const account = accountApi(api);

/**
 * One of my introductions in "Mon espace": the stage, both answers, why AMM proposed it,
 * accept / decline (a decline is final, so it asks first in a modal dialog), the other side's
 * contact once both accepted, and the dated history.
 */
@customElement("bap-intro-card")
export class BapIntroCard extends BapElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    css`
      dialog {
        max-width: min(32rem, calc(100vw - 2rem));
        border: 2px solid var(--bap-error);
        border-radius: var(--bap-radius);
        padding: 1.25rem;
        color: var(--bap-ink);
        background: var(--bap-surface);
      }
      dialog::backdrop {
        background: rgba(0, 0, 0, 0.45);
      }
      .danger {
        background: var(--bap-error);
        border-color: var(--bap-error);
      }
      .danger:hover {
        background: #8c1d17;
        border-color: #8c1d17;
      }
      .contact {
        border-left: 4px solid var(--bap-primary);
        padding-left: 0.75rem;
      }
      ol.history {
        margin: 0.25rem 0 0;
        padding-left: 1.2rem;
      }
      ol.history time {
        color: var(--bap-muted);
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  @property({ attribute: false }) intro: IntroductionDetail | null = null;
  @property({ attribute: false }) view: IntroView | null = null;
  @state() private sending = false;
  @query("dialog") private dialog!: HTMLDialogElement;
  /** After an answer the buttons are gone: focus goes to the card's title once it is redrawn. */
  private focusTitle = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusTitle && changed.has("intro")) {
      this.focusTitle = false;
      this.renderRoot.querySelector<HTMLElement>("h3")?.focus();
    }
  }

  private get names() {
    const i = this.intro!;
    const v = this.view!;
    return { mine: i[v.mySide].collectivite.name, other: i[v.otherSide].collectivite.name };
  }

  private async respond(decision: "accept" | "decline"): Promise<void> {
    const i = this.intro;
    const v = this.view;
    if (!i || !v || this.sending) return;
    this.sending = true;
    try {
      await account.respond(i.id, decision, v.mySide === "mali" ? i.maliId : i.partnerId);
      const next = await account.introduction(i.id);
      const { other } = this.names;
      const message =
        decision === "decline"
          ? ct("space.intro.declinedDone")
          : next.contacts
            ? ct("space.intro.bothAccepted", { name: other })
            : ct("space.intro.accepted", { name: other });
      this.focusTitle = true;
      this.dispatchEvent(
        new CustomEvent("bap-intro-changed", {
          detail: { intro: next, message },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.dispatchEvent(
        new CustomEvent("bap-intro-failed", {
          detail: { message: problemText(err.problem) },
          bubbles: true,
          composed: true,
        }),
      );
    } finally {
      this.sending = false;
    }
  }

  private openDecline(): void {
    this.dialog.showModal();
    this.dialog.querySelector<HTMLButtonElement>(".cancel")?.focus();
  }

  private closeDecline(confirmed: boolean): void {
    this.dialog.close();
    if (confirmed) void this.respond("decline");
    else this.renderRoot.querySelector<HTMLButtonElement>(".decline")?.focus();
  }

  private renderContact(c: Contact, otherName: string) {
    const rows: [string, unknown][] = [[ct("space.contact.name"), c.name]];
    if (c.role) rows.push([ct("space.contact.role"), c.role]);
    rows.push([ct("space.contact.email"), html`<a href=${`mailto:${c.email}`}>${c.email}</a>`]);
    if (c.phone)
      rows.push([
        ct("space.contact.phone"),
        html`<a href=${`tel:${c.phone.replace(/[^+\d]/g, "")}`}>${c.phone}</a>`,
      ]);
    rows.push([ct("space.contact.language"), c.language === "en" ? t("app.lang.en") : t("app.lang.fr")]);
    return html`<section class="contact" aria-labelledby=${`c-${this.intro!.id}`}>
      <h4 id=${`c-${this.intro!.id}`}>${ct("space.intro.contact", { name: otherName })}</h4>
      <dl class="facts">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    </section>`;
  }

  private renderHistory(i: IntroductionDetail) {
    const lang = getLang();
    const sideName = (side: "mali" | "partner") => i[side].collectivite.name;
    return html`<details>
      <summary>${ct("space.intro.history")}</summary>
      <ol class="history">
        ${sortedHistory(i.events).map((e) => {
          const s = summarizeEvent(e);
          const text =
            s.kind === "answer"
              ? ct(s.decision === "accept" ? "history.answer.accept" : "history.answer.decline", {
                  name: sideName(s.side),
                })
              : `${ct("history.phase", { phase: ct(`phase.${s.phase}` as ConsoleKey) })}${s.note ? ` — ${s.note}` : ""}`;
          return html`<li><time datetime=${e.at}>${formatDateTime(e.at, lang)}</time> · ${text}</li>`;
        })}
      </ol>
    </details>`;
  }

  override render() {
    const i = this.intro;
    const v = this.view;
    if (!i || !v) return nothing;
    const lang = getLang();
    const { mine, other } = this.names;
    const otherProfile = i[v.otherSide];
    const answer = (a: string) => ct(`answer.${a}` as ConsoleKey);
    const titleId = `i-${i.id}`;
    const contact = v.revealed && i.contacts ? i.contacts[v.otherSide] : null;
    const why = lang === "en" ? i.why.en : i.why.fr;
    return html`<article class="card intro" aria-labelledby=${titleId}>
      <header>
        <h3 id=${titleId} tabindex="-1">${ct("space.intro.heading", { mine, other })}</h3>
        <p class=${`badge ${i.phase}`}>${ct("space.intro.phase", { phase: ct(`phase.${i.phase}` as ConsoleKey) })}</p>
      </header>
      <p class="meta">
        ${ct("space.intro.myAnswer", { answer: answer(v.myAnswer) })} ·
        ${ct("space.intro.otherAnswer", { name: other, answer: answer(v.otherAnswer) })}
      </p>
      ${v.canRespond ? html`<p>${ct("space.intro.deadline", { date: formatDate(i.expiresAt, lang) })}</p>` : nothing}
      ${
        i.note
          ? html`<h4>${ct("space.intro.note")}</h4>
            <p class="quote">${i.note}</p>`
          : nothing
      }
      ${
        why.length > 0
          ? html`<h4>${ct("space.intro.why")}</h4>
            <ul class="why">
              ${why.map((x) => html`<li>${x}</li>`)}
            </ul>`
          : nothing
      }
      ${
        v.canRespond
          ? html`<div class="inline-actions">
            <button class="button" type="button" ?disabled=${this.sending} @click=${() => void this.respond("accept")}>
              ${ct("space.intro.accept")}
            </button>
            <button class="button secondary decline" type="button" ?disabled=${this.sending} @click=${() => this.openDecline()}>
              ${ct("space.intro.decline")}
            </button>
          </div>`
          : nothing
      }
      ${
        contact
          ? this.renderContact(contact, other)
          : v.myAnswer !== "declined" && i.phase === "proposed"
            ? html`<p class="muted">${ct("space.intro.contactHidden", { name: other })}</p>`
            : nothing
      }
      ${
        otherProfile.status === "published"
          ? html`<p><a href=${profilePath(otherProfile.side, otherProfile.id)}>${ct("space.intro.viewOther", { name: other })}</a></p>`
          : nothing
      }
      ${this.renderHistory(i)}
      <dialog aria-labelledby=${`d-${i.id}`} aria-describedby=${`dd-${i.id}`} @cancel=${() => this.closeDecline(false)}>
        <h2 id=${`d-${i.id}`}>${ct("space.decline.title")}</h2>
        <p id=${`dd-${i.id}`}>${ct("space.decline.body", { name: other })}</p>
        <div class="inline-actions">
          <button class="button danger" type="button" @click=${() => this.closeDecline(true)}>
            ${ct("space.decline.confirm")}
          </button>
          <button class="button secondary cancel" type="button" @click=${() => this.closeDecline(false)}>
            ${ct("space.decline.cancel")}
          </button>
        </div>
      </dialog>
    </article>`;
  }
}
