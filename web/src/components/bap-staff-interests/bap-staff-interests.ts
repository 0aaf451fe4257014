import { html, nothing } from "lit";
import { customElement, state } from "lit/decorators.js";
import { repeat } from "lit/directives/repeat.js";
import { ct } from "../../i18n/console/index.js";
import { getLang } from "../../i18n/index.js";
import { ApiError } from "../../lib/api.js";
import { staffApi } from "../../lib/console-api.js";
import type { Interest } from "../../lib/console-types.js";
import { formatDate } from "../../lib/format.js";
import { pathFor } from "../../lib/routes.js";
import { BapElement } from "../../state/app-controller.js";
import { api } from "../../state/app-state.js";
import { LoadTask } from "../../state/load-task.js";
import { consoleStyles } from "../../styles/console.styles.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { problemText } from "../../view/problem-text.js";
import { noteField, panelHead, toolbarSelect } from "../bap-staff/panel.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-staff-interests": BapStaffInterests;
  }
}

const staff = staffApi(api);
const STATUSES = ["pending", "proposed", "dismissed"] as const;

interface Loaded {
  items: Interest[];
  names: Map<string, string>;
}

/** Expressions of interest: what the partner wrote, then propose the introduction or dismiss. */
@customElement("bap-staff-interests")
export class BapStaffInterests extends BapElement {
  static override styles = [baseStyles, formStyles, consoleStyles];

  @state() private status: Interest["status"] = "pending";
  @state() private notes = new Map<string, string>();
  @state() private sending = new Set<string>();
  @state() private done: { text: string; error: boolean } | null = null;
  private readonly task = new LoadTask<Loaded>(this, async (signal) => {
    const { items } = await staff.interests(this.status, { signal });
    // Both sides' names; staff may read any profile, published or not.
    const ids = [...new Set(items.flatMap((i) => [i.plancheId, i.partnerId]))];
    const names = new Map<string, string>();
    await Promise.all(
      ids.map((id) =>
        api
          .profile(id, { signal })
          .then((p) => names.set(id, p.collectivite.name))
          .catch(() => names.set(id, id)),
      ),
    );
    return { items, names };
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.task.run();
  }

  private async act(i: Interest, action: "propose" | "dismiss"): Promise<void> {
    if (this.sending.has(i.id)) return;
    this.sending = new Set([...this.sending, i.id]);
    const names = this.task.value?.names;
    const partner = names?.get(i.partnerId) ?? i.partnerId;
    const planche = names?.get(i.plancheId) ?? i.plancheId;
    try {
      if (action === "propose") await staff.proposeInterest(i.id, (this.notes.get(i.id) ?? "").trim());
      else await staff.dismissInterest(i.id);
      this.done = {
        text: action === "propose" ? ct("int.proposed", { partner, planche }) : ct("int.dismissed"),
        error: false,
      };
      if (this.task.value) {
        this.task.value = { ...this.task.value, items: this.task.value.items.filter((x) => x.id !== i.id) };
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>("h2")?.focus();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      this.done = { text: problemText(err.problem), error: true };
    } finally {
      const next = new Set(this.sending);
      next.delete(i.id);
      this.sending = next;
    }
  }

  private renderItem(i: Interest, names: Map<string, string>) {
    const id = `int-${i.id}`;
    const partner = names.get(i.partnerId) ?? i.partnerId;
    const planche = names.get(i.plancheId) ?? i.plancheId;
    const rows: [string, string][] = [[ct("int.cooperation"), i.answers.cooperation]];
    if (i.answers.unclear) rows.push([ct("int.unclear"), i.answers.unclear]);
    rows.push([ct("int.whoWeAre"), i.answers.whoWeAre]);
    return html`<li>
      <article class="card" aria-labelledby=${id}>
        <header>
          <h3 id=${id}>
            <a href=${pathFor({ name: "partner", id: i.partnerId })}>${partner}</a> →
            <a href=${pathFor({ name: "planche", id: i.plancheId })}>${planche}</a>
          </h3>
          <p class="meta">${ct("int.received", { date: formatDate(i.createdAt, getLang()) })}</p>
        </header>
        ${rows.map(([k, v]) => html`<h4>${k}</h4><p class="quote">${v}</p>`)}
        ${
          i.status === "pending"
            ? html`${noteField(id, this.notes.get(i.id) ?? "", (v) => {
                this.notes = new Map(this.notes).set(i.id, v);
              })}
              <div class="inline-actions">
                <button class="button" type="button" ?disabled=${this.sending.has(i.id)} @click=${() => void this.act(i, "propose")}>
                  ${ct("int.propose")}
                </button>
                <button
                  class="button secondary"
                  type="button"
                  ?disabled=${this.sending.has(i.id)}
                  @click=${() => void this.act(i, "dismiss")}
                >
                  ${ct("int.dismiss")}
                </button>
              </div>`
            : html`<p class=${`badge ${i.status === "proposed" ? "accepted" : "declined"}`}>
                ${ct(`int.status.${i.status}`)}
              </p>`
        }
      </article>
    </li>`;
  }

  override render() {
    const loaded = this.task.value;
    const items = loaded?.items ?? null;
    const count = items
      ? items.length === 0
        ? ct("int.none")
        : ct("int.count", { count: items.length })
      : "";
    return html`${panelHead({
      title: ct("int.title"),
      lead: ct("int.lead"),
      task: this.task,
      count,
      done: this.done,
      controls: toolbarSelect({
        id: "int-status",
        label: ct("int.status"),
        value: this.status,
        options: STATUSES.map((x) => ({ value: x, label: ct(`int.status.${x}`) })),
        onChange: (status) => {
          this.status = status;
          void this.task.run();
        },
      }),
    })}
      ${
        loaded && items && items.length > 0
          ? html`<ul class="cards">${repeat(
              items,
              (i) => i.id,
              (i) => this.renderItem(i, loaded.names),
            )}</ul>`
          : nothing
      }`;
  }
}
