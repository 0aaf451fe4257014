/**
 * The application's addresses. Pure: the History binding lives in web/src/router.ts.
 */

/** Tabs of the staff console, each its own address (/equipe/<slug>) so that it can be shared. */
export const STAFF_TABS = ["review", "suggestions", "interests", "pipeline", "outbox", "stats"] as const;
export type StaffTab = (typeof STAFF_TABS)[number];

const STAFF_SLUGS: Record<StaffTab, string> = {
  review: "relecture",
  suggestions: "suggestions",
  interests: "interets",
  pipeline: "parcours",
  outbox: "courriels",
  stats: "statistiques",
};

export type Route =
  | { name: "home" }
  | { name: "search" }
  | { name: "planche"; id: string }
  | { name: "partner"; id: string }
  | { name: "matches"; id: string }
  | { name: "publish-planche" }
  | { name: "publish-partner" }
  | { name: "my-space" }
  | { name: "edit-profile"; id: string }
  | { name: "staff"; tab: StaffTab }
  | { name: "not-found" };

export type RouteName = Route["name"];

const ID = "([A-Za-z0-9_-]{1,64})";

const TABLE: { pattern: RegExp; build: (m: RegExpMatchArray) => Route }[] = [
  { pattern: /^\/$/, build: () => ({ name: "home" }) },
  { pattern: /^\/recherche$/, build: () => ({ name: "search" }) },
  { pattern: new RegExp(`^/planche/${ID}$`), build: (m) => ({ name: "planche", id: m[1]! }) },
  { pattern: new RegExp(`^/partenaire/${ID}$`), build: (m) => ({ name: "partner", id: m[1]! }) },
  { pattern: new RegExp(`^/profil/${ID}/correspondances$`), build: (m) => ({ name: "matches", id: m[1]! }) },
  { pattern: /^\/publier\/planche$/, build: () => ({ name: "publish-planche" }) },
  { pattern: /^\/publier\/partenaire$/, build: () => ({ name: "publish-partner" }) },
  { pattern: /^\/mon-espace$/, build: () => ({ name: "my-space" }) },
  {
    pattern: new RegExp(`^/mon-espace/modifier/${ID}$`),
    build: (m) => ({ name: "edit-profile", id: m[1]! }),
  },
  { pattern: /^\/equipe$/, build: () => ({ name: "staff", tab: "review" }) },
  ...STAFF_TABS.map((tab) => ({
    pattern: new RegExp(`^/equipe/${STAFF_SLUGS[tab]}$`),
    build: (): Route => ({ name: "staff", tab }),
  })),
];

export function matchRoute(pathname: string): Route {
  // A trailing slash ("/recherche/") is the same page.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  for (const { pattern, build } of TABLE) {
    const m = path.match(pattern);
    if (m) return build(m);
  }
  return { name: "not-found" };
}

export function pathFor(route: Route, search = ""): string {
  const base = (() => {
    switch (route.name) {
      case "home":
        return "/";
      case "search":
        return "/recherche";
      case "planche":
        return `/planche/${encodeURIComponent(route.id)}`;
      case "partner":
        return `/partenaire/${encodeURIComponent(route.id)}`;
      case "matches":
        return `/profil/${encodeURIComponent(route.id)}/correspondances`;
      case "publish-planche":
        return "/publier/planche";
      case "publish-partner":
        return "/publier/partenaire";
      case "my-space":
        return "/mon-espace";
      case "edit-profile":
        return `/mon-espace/modifier/${encodeURIComponent(route.id)}`;
      case "staff":
        return `/equipe/${STAFF_SLUGS[route.tab]}`;
      case "not-found":
        return "/404";
    }
  })();
  return `${base}${search}`;
}

/** Where a profile is read, by its side. */
export function profilePath(side: "mali" | "partner", id: string): string {
  return pathFor(side === "mali" ? { name: "planche", id } : { name: "partner", id });
}

/**
 * Whether a click on a link should be handled in the page rather than by a full load:
 * same origin, no modifier key, no target, not a download, and a path the server does not
 * answer itself (the API, its documentation).
 */
export function isInAppLink(
  href: URL,
  here: URL,
  click: { button: number; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  anchor: { target: string; download: boolean },
): boolean {
  if (click.button !== 0 || click.ctrlKey || click.metaKey || click.shiftKey || click.altKey) return false;
  if (anchor.target && anchor.target !== "_self") return false;
  if (anchor.download) return false;
  if (href.origin !== here.origin) return false;
  if (/^\/(?:api|docs|openapi\.json|health)(?:\/|$)/.test(href.pathname)) return false;
  // Same page, only the hash differs: let the browser scroll.
  if (href.pathname === here.pathname && href.search === here.search && href.hash) return false;
  return true;
}
