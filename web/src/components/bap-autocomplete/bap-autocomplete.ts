import { html, nothing, type PropertyValues } from "lit";
import { customElement, property, query, state } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { isAbort } from "../../lib/api.js";
import type {
  AutocompleteFetcher,
  AutocompleteOption,
  AutocompleteSelectDetail,
} from "../../lib/autocomplete.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { autocompleteStyles } from "./bap-autocomplete.styles.js";

export type { AutocompleteFetcher, AutocompleteOption, AutocompleteSelectDetail };

declare global {
  interface HTMLElementTagNameMap {
    "bap-autocomplete": BapAutocomplete;
  }
  interface GlobalEventHandlersEventMap {
    /** The user picked a suggestion (click, or Enter on the highlighted one). */
    "bap-autocomplete-select": CustomEvent<AutocompleteSelectDetail>;
  }
}

const DEBOUNCE_MS = 250;

/**
 * A labelled text box with suggestions from the API (ARIA 1.2 combobox with a listbox):
 * arrows move, Enter picks, Escape closes. Requests are debounced and the previous one is
 * cancelled, which matters on a slow mobile connection.
 */
@customElement("bap-autocomplete")
export class BapAutocomplete extends BapElement {
  static override styles = [baseStyles, formStyles, autocompleteStyles];
  static override shadowRootOptions = { ...BapElement.shadowRootOptions, delegatesFocus: true };

  @property() label = "";
  @property() hint = "";
  @property() error = "";
  @property({ type: Boolean }) required = false;
  @property({ attribute: false }) fetcher: AutocompleteFetcher | null = null;

  @state() private text = "";
  @state() private options: AutocompleteOption[] = [];
  @state() private open = false;
  @state() private active = -1;
  @state() private status: "idle" | "loading" | "done" | "error" = "idle";
  @query("input") private input!: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private controller: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.controller?.abort();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has("active" as keyof BapAutocomplete) && this.active >= 0) {
      this.renderRoot.querySelector(`#opt-${this.active}`)?.scrollIntoView({ block: "nearest" });
    }
  }

  /** Empty the box (after a choice has been shown elsewhere). */
  clear(): void {
    this.text = "";
    this.options = [];
    this.open = false;
    this.status = "idle";
  }

  private onInput(e: InputEvent): void {
    this.text = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    const q = this.text.trim();
    if (q.length === 0) {
      this.controller?.abort();
      this.options = [];
      this.open = false;
      this.status = "idle";
      return;
    }
    this.timer = setTimeout(() => void this.fetch(q), DEBOUNCE_MS);
  }

  private async fetch(q: string): Promise<void> {
    if (!this.fetcher) return;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.status = "loading";
    try {
      const options = await this.fetcher(q, controller.signal);
      if (controller.signal.aborted) return;
      this.options = options;
      this.active = -1;
      this.open = true;
      this.status = "done";
    } catch (err) {
      if (isAbort(err)) return;
      this.options = [];
      this.open = false;
      this.status = "error";
    }
  }

  private pick(option: AutocompleteOption): void {
    this.text = option.label;
    this.open = false;
    this.active = -1;
    this.dispatchEvent(
      new CustomEvent("bap-autocomplete-select", { detail: { option }, bubbles: true, composed: true }),
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    const n = this.options.length;
    switch (e.key) {
      case "ArrowDown":
        if (n === 0) return;
        e.preventDefault();
        this.open = true;
        this.active = (this.active + 1) % n;
        break;
      case "ArrowUp":
        if (n === 0) return;
        e.preventDefault();
        this.open = true;
        this.active = this.active <= 0 ? n - 1 : this.active - 1;
        break;
      case "Enter": {
        const option = this.open ? this.options[Math.max(this.active, 0)] : undefined;
        if (option) {
          e.preventDefault();
          this.pick(option);
        }
        break;
      }
      case "Escape":
        if (this.open) {
          e.preventDefault();
          this.open = false;
          this.active = -1;
        }
        break;
    }
  }

  private message(): string {
    switch (this.status) {
      case "loading":
        return t("ac.loading");
      case "error":
        return t("ac.error");
      case "done":
        if (this.options.length === 0) return t("ac.none");
        return this.options.length === 1 ? t("ac.one") : t("ac.many", { count: this.options.length });
      default:
        return "";
    }
  }

  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  override render() {
    const expanded = this.open && this.options.length > 0;
    const described = [this.hint ? "hint" : "", this.error ? "err" : ""].filter(Boolean).join(" ");
    return html`<div class="field">
      <label for="input"
        >${this.label}${this.required ? html` <span class="req">(${t("form.required")})</span>` : nothing}</label
      >
      ${this.hint ? html`<p class="hint" id="hint">${this.hint}</p>` : nothing}
      <div class="wrap">
        <input
          id="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${expanded ? "true" : "false"}
          aria-activedescendant=${this.active >= 0 && expanded ? `opt-${this.active}` : nothing}
          aria-describedby=${described || nothing}
          aria-invalid=${this.error ? "true" : nothing}
          .value=${this.text}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @blur=${() => {
            // Let a click on an option land before the list closes.
            setTimeout(() => {
              this.open = false;
            }, 150);
          }}
          @focus=${() => {
            if (this.options.length > 0) this.open = true;
          }}
        />
        <ul id="listbox" role="listbox" aria-label=${this.label} ?hidden=${!expanded}>
          ${this.options.map(
            (o, i) => html`<li
              id=${`opt-${i}`}
              role="option"
              aria-selected=${i === this.active ? "true" : "false"}
              @mousedown=${(e: Event) => e.preventDefault()}
              @click=${() => this.pick(o)}
            >
              ${o.label}${o.description ? html`<small>${o.description}</small>` : nothing}
            </li>`,
          )}
        </ul>
      </div>
      <p class="message" role="status">${this.message()}</p>
      ${this.error ? html`<p class="error" id="err">${this.error}</p>` : nothing}
    </div>`;
  }
}
