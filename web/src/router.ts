import { isInAppLink } from "./lib/routes.js";

/**
 * History API routing: clean addresses that the server answers with index.html on reload.
 * Links anywhere (inside shadow roots too) are plain <a href>; clicks on them are caught here.
 */
export interface AppLocation {
  pathname: string;
  search: string;
}

type Listener = (location: AppLocation, cause: "push" | "replace" | "pop") => void;
const listeners = new Set<Listener>();

export const currentLocation = (): AppLocation => ({
  pathname: window.location.pathname,
  search: window.location.search,
});

function emit(cause: "push" | "replace" | "pop"): void {
  const loc = currentLocation();
  for (const l of listeners) l(loc, cause);
}

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(path, window.location.href);
  const same = url.pathname === window.location.pathname && url.search === window.location.search;
  if (opts.replace || same) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  emit(opts.replace || same ? "replace" : "push");
}

export function onNavigate(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let started = false;

export function startRouter(): void {
  if (started) return;
  started = true;
  window.addEventListener("popstate", () => emit("pop"));
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented) return;
    const anchor = event
      .composedPath()
      .find((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement && el.hasAttribute("href"));
    if (!anchor) return;
    const href = new URL(anchor.href, window.location.href);
    const here = new URL(window.location.href);
    if (
      !isInAppLink(href, here, event, { target: anchor.target, download: anchor.hasAttribute("download") })
    ) {
      return;
    }
    event.preventDefault();
    navigate(`${href.pathname}${href.search}${href.hash}`);
  });
}
