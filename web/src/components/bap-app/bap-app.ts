import { html, nothing, type PropertyValues } from "lit";
import { customElement, query, state } from "lit/decorators.js";
import { getLang, type Lang, type MessageKey, setLang, t } from "../../i18n/index.js";
import { saveLang } from "../../i18n/saved-lang.js";
import { matchRoute, pathFor, type Route, type RouteName } from "../../lib/routes.js";
import { onNavigate, startRouter } from "../../router.js";
import { BapElement } from "../../state/app-controller.js";
import {
  currentSession,
  isStaff,
  loadSession,
  loadTaxonomy,
  maybeSignedIn,
  signOut,
} from "../../state/app-state.js";
import { baseStyles } from "../../styles/shared.styles.js";
import { appStyles } from "./bap-app.styles.js";

/** Each page is its own chunk, fetched the first time it is shown. */
const PAGES: Record<RouteName, (() => Promise<unknown>) | null> = {
  home: () => import("../bap-home/bap-home.js"),
  search: () => import("../bap-search/bap-search.js"),
  planche: () => import("../bap-profile-page/bap-profile-page.js"),
  partner: () => import("../bap-profile-page/bap-profile-page.js"),
  matches: () => import("../bap-matches/bap-matches.js"),
  "publish-planche": () => import("../bap-planche-form/bap-planche-form.js"),
  "publish-partner": () => import("../bap-partner-form/bap-partner-form.js"),
  // Signed-in and staff pages: chunks of their own, never loaded by the public pages.
  "my-space": () => import("../bap-my-space/bap-my-space.js"),
  "edit-profile": () => import("../bap-profile-edit/bap-profile-edit.js"),
  staff: () => import("../bap-staff/bap-staff.js"),
  "not-found": null,
};

const TITLES: Record<RouteName, MessageKey> = {
  home: "home.title",
  search: "search.title",
  planche: "view.kind.planche",
  partner: "view.kind.partner",
  matches: "matches.pageTitle",
  "publish-planche": "planche.title",
  "publish-partner": "partner.title",
  "my-space": "app.nav.mySpace",
  "edit-profile": "edit.pageTitle",
  staff: "app.nav.staff",
  "not-found": "notFound.title",
};

/** Query parameter marking the return from a sign-in link. */
export const SIGNED_IN_PARAM = "connexion";

export interface PageTitleDetail {
  title: string;
}

declare global {
  interface HTMLElementTagNameMap {
    "bap-app": BapApp;
  }
  interface GlobalEventHandlersEventMap {
    /** A page names itself (a planche's name) for the document title. */
    "bap-page-title": CustomEvent<PageTitleDetail>;
  }
}

@customElement("bap-app")
export class BapApp extends BapElement {
  static override styles = [baseStyles, appStyles];

  @state() private route: Route = matchRoute(window.location.pathname);
  @state() private search = window.location.search;
  @state() private loadFailed = false;
  @state() private pageTitle: string | null = null;
  @query("main") private main!: HTMLElement;
  private moveFocus = false;

  override connectedCallback(): void {
    super.connectedCallback();
    startRouter();
    onNavigate((loc, cause) => {
      this.route = matchRoute(loc.pathname);
      this.search = loc.search;
      this.pageTitle = null;
      // Moving between pages puts the reader at the start of the new content; filtering
      // the same page (replace) leaves focus where it is.
      this.moveFocus = cause !== "replace";
      if (cause === "push") window.scrollTo(0, 0);
      void this.loadPage();
    });
    this.addEventListener("bap-page-title", (e) => {
      this.pageTitle = e.detail.title;
    });
    void this.loadPage();
    loadTaxonomy().catch(() => {
      // Sector codes are shown until the taxonomy arrives; pages retry when they need it.
    });
    // Sign-in links bring the user back with ?connexion=1 (see GuidedForm.returnPath).
    const params = new URLSearchParams(window.location.search);
    const justSignedIn = params.has(SIGNED_IN_PARAM);
    if (justSignedIn || maybeSignedIn()) {
      loadSession(true).catch(() => {
        // Anonymous until the API answers; the forms ask again before sending.
      });
    }
    if (justSignedIn) {
      params.delete(SIGNED_IN_PARAM);
      const rest = params.toString();
      window.history.replaceState(null, "", `${window.location.pathname}${rest ? `?${rest}` : ""}`);
      this.search = window.location.search;
    }
  }

  private async loadPage(): Promise<void> {
    const loader = PAGES[this.route.name];
    this.loadFailed = false;
    if (!loader) return;
    try {
      await loader();
    } catch {
      this.loadFailed = true;
    }
  }

  private switchLang(lang: Lang): void {
    setLang(lang);
    document.documentElement.lang = lang;
    saveLang(lang);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const page = this.pageTitle ?? t(TITLES[this.route.name]);
    document.title = this.route.name === "home" ? t("app.name") : t("app.pageTitle", { page });
    if (this.moveFocus) {
      this.moveFocus = false;
      this.main.focus({ preventScroll: true });
    }
  }

  private skipToMain(e: Event): void {
    // The target lives in this shadow root, where fragment navigation cannot reach it.
    e.preventDefault();
    this.main.focus();
    this.main.scrollIntoView();
  }

  private renderSession() {
    const s = currentSession();
    if (!s) return nothing;
    return html`<div class="session">
      <span>${t("auth.signedInAs", { email: s.user.email })}</span>
      <button class="signout" type="button" @click=${() => void signOut().catch(() => {})}>
        ${t("auth.signOut")}
      </button>
    </div>`;
  }

  private navLink(href: string, key: MessageKey, active: boolean) {
    return html`<li><a href=${href} aria-current=${active ? "page" : nothing}>${t(key)}</a></li>`;
  }

  private renderPage() {
    if (this.loadFailed) {
      return html`<div class="alert" role="alert">
        <p>${t("app.loadFailed")}</p>
        <button class="button" type="button" @click=${() => void this.loadPage()}>${t("app.retry")}</button>
      </div>`;
    }
    const r = this.route;
    switch (r.name) {
      case "home":
        return html`<bap-home></bap-home>`;
      case "search":
        return html`<bap-search .query=${this.search}></bap-search>`;
      case "planche":
      case "partner":
        return html`<bap-profile-page .profileId=${r.id}></bap-profile-page>`;
      case "matches":
        return html`<bap-matches .profileId=${r.id}></bap-matches>`;
      case "publish-planche":
        return html`<bap-planche-form></bap-planche-form>`;
      case "publish-partner":
        return html`<bap-partner-form></bap-partner-form>`;
      case "my-space":
        return html`<bap-my-space .query=${this.search}></bap-my-space>`;
      case "edit-profile":
        return html`<bap-profile-edit .profileId=${r.id}></bap-profile-edit>`;
      case "staff":
        return html`<bap-staff .tab=${r.tab}></bap-staff>`;
      case "not-found":
        return html`<h1>${t("notFound.title")}</h1>
          <p>${t("notFound.body")}</p>
          <p><a href="/">${t("notFound.home")}</a></p>`;
    }
  }

  override render() {
    const lang = getLang();
    const name = this.route.name;
    return html`
      <a class="skip" href="#main" @click=${this.skipToMain}>${t("app.skip")}</a>
      <header>
        <div class="bar">
          <a class="brand" href="/">
            <strong>${t("app.name")}</strong>
            <span>${t("app.tagline")}</span>
          </a>
          <nav aria-label=${t("app.nav.label")}>
            <ul>
              ${this.navLink("/recherche", "app.nav.search", name === "search")}
              ${this.navLink("/publier/planche", "app.nav.publishPlanche", name === "publish-planche")}
              ${this.navLink("/publier/partenaire", "app.nav.publishPartner", name === "publish-partner")}
              ${this.navLink(pathFor({ name: "my-space" }), "app.nav.mySpace", name === "my-space" || name === "edit-profile")}
              ${isStaff() ? this.navLink(pathFor({ name: "staff", tab: "review" }), "app.nav.staff", name === "staff") : nothing}
            </ul>
          </nav>
          ${this.renderSession()}
          <div class="lang" role="group" aria-label=${t("app.lang.label")}>
            ${(["fr", "en"] as const).map(
              (l) => html`<button
                type="button"
                lang=${l}
                aria-pressed=${l === lang ? "true" : "false"}
                @click=${() => this.switchLang(l)}
              >
                <span aria-hidden="true">${l.toUpperCase()}</span
                ><span class="visually-hidden">${t(l === "fr" ? "app.lang.fr" : "app.lang.en")}</span>
              </button>`,
            )}
          </div>
        </div>
      </header>
      <main id="main" tabindex="-1">${this.renderPage()}</main>
      <footer>
        <div>
          <p>${t("app.footer.about")}</p>
          <p>${t("app.footer.sources")} <a href="/docs">${t("app.footer.api")}</a></p>
        </div>
      </footer>
    `;
  }
}
