import { html, nothing } from "lit";
import { ct } from "../../i18n/console/index.js";
import type { LoadTask } from "../../state/load-task.js";
import { problemText } from "../../view/problem-text.js";

/**
 * The head of a staff section: title (the target of focus after an action that removes an
 * item), what the section is for, a live count, a refresh button, the last action's result
 * and any load failure.
 */
export function panelHead(o: {
  title: string;
  lead: string;
  task: LoadTask<unknown>;
  count: string;
  done: { text: string; error: boolean } | null;
  controls?: unknown;
}) {
  return html`<h2 tabindex="-1">${o.title}</h2>
    <p class="lead">${o.lead}</p>
    <div class="toolbar">
      ${o.controls ?? nothing}
      <p class="status" role="status">${o.task.loading ? ct("staff.loading") : o.count}</p>
      <button class="button secondary small" type="button" ?disabled=${o.task.loading} @click=${() => void o.task.run()}>
        ${ct("staff.reload")}
      </button>
    </div>
    <div class="notice" role="status" aria-live="polite">
      ${o.done ? html`<p class=${o.done.error ? "alert" : "success"}>${o.done.text}</p>` : nothing}
    </div>
    ${o.task.problem ? html`<p class="alert" role="alert">${problemText(o.task.problem)}</p>` : nothing}`;
}

/** The note staff add to an introduction (it goes into both e-mails). */
export function noteField(id: string, value: string, onInput: (value: string) => void) {
  return html`<div class="field">
    <label for=${`${id}-note`}>${ct("staff.note")}</label>
    <p class="hint" id=${`${id}-hint`}>${ct("staff.noteHint")}</p>
    <textarea
      id=${`${id}-note`}
      rows="2"
      maxlength="2000"
      aria-describedby=${`${id}-hint`}
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}

/** A labelled select in a section's toolbar (which list to show). */
export function toolbarSelect<V extends string>(o: {
  id: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}) {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select id=${o.id} @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value as V)}>
      ${o.options.map((x) => html`<option value=${x.value} ?selected=${x.value === o.value}>${x.label}</option>`)}
    </select>
  </div>`;
}
