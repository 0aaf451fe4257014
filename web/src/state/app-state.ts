import { getLang, onLangChange } from "../i18n/index.js";
import { ApiClient, ApiError } from "../lib/api.js";
import type { Domain, Lang, MaliUnit, PublicProfile } from "../lib/types.js";

/**
 * What every page shares: one API client, the taxonomy (fetched once), names of Malian places
 * learnt along the way. Components re-render through AppController when any of it changes.
 */
export const api = new ApiClient({
  lang: getLang,
  csrfToken: () => session?.csrfToken ?? null,
  refreshCsrf: () => loadSession(true).then((s) => s?.csrfToken ?? null),
});

const changes = new EventTarget();
const notify = () => changes.dispatchEvent(new Event("change"));

export function onAppStateChange(listener: () => void): () => void {
  changes.addEventListener("change", listener);
  const offLang = onLangChange(listener);
  return () => {
    changes.removeEventListener("change", listener);
    offLang();
  };
}

let domains: Domain[] = [];
let taxonomyLoad: Promise<void> | null = null;

/** Load the taxonomy once; a failure is retried at the next call. */
export function loadTaxonomy(): Promise<void> {
  taxonomyLoad ??= api
    .taxonomy()
    .then(({ items }) => {
      domains = items.map(({ code, fr, en }) => ({ code, fr, en }));
      notify();
    })
    .catch((err: unknown) => {
      taxonomyLoad = null;
      throw err;
    });
  return taxonomyLoad;
}

export function taxonomy(): readonly Domain[] {
  return domains;
}

export function sectorLabel(code: string, lang: Lang = getLang()): string {
  const d = domains.find((x) => x.code === code);
  return d ? d[lang] : code;
}

const PLACES_KEY = "bap:places";
const places = new Map<string, string>(readSavedPlaces());
const pending = new Set<string>();

/** Place names are reference data: kept for the visit so that facets need no second look-up. */
function readSavedPlaces(): [string, string][] {
  try {
    const raw = sessionStorage.getItem(PLACES_KEY);
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed)
      ? parsed.filter(
          (x): x is [string, string] =>
            Array.isArray(x) && typeof x[0] === "string" && typeof x[1] === "string",
        )
      : [];
  } catch {
    return [];
  }
}

function savePlaces(): void {
  try {
    sessionStorage.setItem(PLACES_KEY, JSON.stringify([...places]));
  } catch {
    // storage full or disabled: names are fetched again next time
  }
}

export function placeName(code: string): string | undefined {
  return places.get(code);
}

export function knownPlaces(): ReadonlyMap<string, string> {
  return places;
}

export function rememberPlaces(names: Iterable<[string, string]>): void {
  let changed = false;
  for (const [code, name] of names) {
    if (places.get(code) !== name) {
      places.set(code, name);
      changed = true;
    }
  }
  if (changed) {
    savePlaces();
    notify();
  }
}

export function rememberUnit(u: MaliUnit): void {
  rememberPlaces([[u.pcode, u.name]]);
}

let levelLoads: Partial<Record<"region" | "cercle", Promise<void>>> = {};

/**
 * Names of a whole level in one request: the 9 régions, or the 50 cercles (the reference API
 * lists a level without a name, up to 100 entries, compressed). Once per visit; retried after a failure.
 */
function loadLevel(level: "region" | "cercle"): Promise<void> {
  const load =
    levelLoads[level] ??
    api
      .mali("", level, 100)
      .then(({ items }) => rememberPlaces(items.map((u): [string, string] => [u.pcode, u.name])))
      .catch(() => {
        levelLoads = { ...levelLoads, [level]: undefined };
      });
  levelLoads[level] = load;
  return load;
}

/** P-code length by level: ML01 (région), ML0107 (cercle), ML010701 (commune). */
const levelOfCode = (code: string) => (code.length === 4 ? "region" : code.length === 6 ? "cercle" : null);

/**
 * Fetch the names of Malian P-codes not known yet (facet labels, preferred areas): régions and
 * cercles by listing their level once, anything else one by one.
 */
export async function resolvePlaces(codes: readonly string[]): Promise<void> {
  const missing = codes.filter((c) => !places.has(c) && !pending.has(c));
  const levels = new Set(missing.map(levelOfCode).filter((l) => l !== null));
  await Promise.all([...levels].map(loadLevel));
  const todo = missing.filter((c) => levelOfCode(c) === null || !places.has(c));
  if (todo.length === 0) return;
  for (const c of todo) pending.add(c);
  const found = await Promise.all(
    todo.map((c) =>
      api
        .maliUnit(c)
        .then((u): [string, string] => [c, u.name])
        .catch(() => null)
        .finally(() => pending.delete(c)),
    ),
  );
  rememberPlaces(found.filter((x): x is [string, string] => x !== null));
}

export interface SessionUser {
  id: string;
  email: string;
  role: "contact" | "staff";
  language: Lang;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  /** The profiles this user owns, every status (GET /api/me). */
  profiles: PublicProfile[];
}

/** undefined: not asked yet; null: nobody signed in. */
let session: Session | null | undefined;
let sessionLoad: Promise<Session | null> | null = null;

export function currentSession(): Session | null {
  return session ?? null;
}

/** GET /api/me once (again with `force`): the user and the CSRF token of unsafe requests. */
export function loadSession(force = false): Promise<Session | null> {
  if (!force && session !== undefined) return Promise.resolve(session);
  if (!force && sessionLoad) return sessionLoad;
  sessionLoad = api
    .get<{ user: SessionUser | null; csrfToken?: string | null; profiles?: PublicProfile[] }>("/api/me")
    .then((me) =>
      me.user && me.csrfToken
        ? { user: me.user, csrfToken: me.csrfToken, profiles: me.profiles ?? [] }
        : null,
    )
    .catch((err: unknown) => {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) return null;
      throw err;
    })
    .then((s) => {
      session = s;
      setSessionHint(s !== null);
      notify();
      return s;
    })
    .finally(() => {
      sessionLoad = null;
    });
  return sessionLoad;
}

/**
 * For the pages that exist for signed-in users ("Mon espace", editing, the staff console):
 * ask GET /api/me unless it was answered already, whatever the session hint says (a cookie
 * may come from a link opened in another browser tab or profile). Null when anonymous or offline.
 */
export function ensureSession(): Promise<Session | null> {
  return loadSession().catch(() => null);
}

/** Whether the signed-in user may use the staff console. */
export const isStaff = (s: Session | null = currentSession()) => s?.user.role === "staff";

/** Ask for a magic link; after it is opened the browser lands on `next`, signed in. */
export function requestSignIn(email: string, next: string): Promise<unknown> {
  return api.request("POST", "/api/auth/login", { email, language: getLang(), next });
}

export async function signOut(): Promise<void> {
  await api.request("POST", "/api/auth/logout");
  session = null;
  setSessionHint(false);
  notify();
}

/**
 * The session cookie is httpOnly; this flag only remembers that a session was seen, so that
 * anonymous visitors (most of them) do not pay a GET /api/me answered 401 on every page.
 */
const HINT_KEY = "bap:session";

function setSessionHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, "1");
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // storage disabled: the forms still ask before sending
  }
}

export function maybeSignedIn(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === "1";
  } catch {
    return false;
  }
}
