import { html } from "lit";
import { customElement, state } from "lit/decorators.js";
import { t } from "../../i18n/index.js";
import { emptySearchState, serializeSearchState } from "../../lib/query-state.js";
import { navigate } from "../../router.js";
import { BapElement } from "../../state/app-controller.js";
import { baseStyles, formStyles } from "../../styles/shared.styles.js";
import { homeStyles } from "./bap-home.styles.js";

declare global {
  interface HTMLElementTagNameMap {
    "bap-home": BapHome;
  }
}

/** The two doors: a Malian collectivité publishes, a partner searches (or publishes too). */
@customElement("bap-home")
export class BapHome extends BapElement {
  static override styles = [baseStyles, formStyles, homeStyles];

  @state() private q = "";

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    navigate(`/recherche${serializeSearchState({ ...emptySearchState(), q: this.q.trim() })}`);
  }

  override render() {
    return html`
      <section class="hero">
        <h1>${t("home.title")}</h1>
        <p class="lead">${t("home.lead")}</p>
        <form role="search" @submit=${this.submit}>
          <div class="field">
            <label for="home-q">${t("home.search.label")}</label>
            <input
              id="home-q"
              type="search"
              name="q"
              .value=${this.q}
              @input=${(e: InputEvent) => {
                this.q = (e.target as HTMLInputElement).value;
              }}
            />
          </div>
          <button class="button" type="submit">${t("home.search.submit")}</button>
        </form>
      </section>
      <div class="paths">
        <section class="card" aria-labelledby="home-mali">
          <h2 id="home-mali">${t("home.mali.title")}</h2>
          <p>${t("home.mali.body")}</p>
          <div class="actions"><a class="button" href="/publier/planche">${t("home.mali.cta")}</a></div>
        </section>
        <section class="card" aria-labelledby="home-partner">
          <h2 id="home-partner">${t("home.partner.title")}</h2>
          <p>${t("home.partner.body")}</p>
          <div class="actions">
            <a class="button" href="/recherche">${t("home.partner.search")}</a>
            <a class="button secondary" href="/publier/partenaire">${t("home.partner.publish")}</a>
          </div>
        </section>
      </div>
      <section class="context note" aria-labelledby="home-context">
        <h2 id="home-context">${t("home.context.title")}</h2>
        <p>${t("home.context.body")}</p>
      </section>
    `;
  }
}
