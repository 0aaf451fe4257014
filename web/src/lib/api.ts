import type { FieldError, Problem as ApiProblem } from "../../../src/core/schemas/problem.js";
import type {
  Domain,
  FrenchCollectivite,
  Lang,
  MaliUnit,
  MatchView,
  PartnerInput,
  PlancheInput,
  PublicProfile,
  SearchResult,
} from "./types.js";

/** One bad field of a request, as the API names it ("priorities.0.aspect"). */
export type { FieldError };

/**
 * The API's RFC 9457 problem as the page reads it: `errors` always present, and `code` is
 * "network" when no answer came back at all.
 */
export type Problem = Pick<ApiProblem, "status" | "code" | "title" | "detail"> & { errors: FieldError[] };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
  }
  get status(): number {
    return this.problem.status;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);

/** Read any error body (problem+json, plain JSON, HTML from a proxy, nothing) into a Problem. */
export function parseProblem(status: number, body: unknown): Problem {
  if (!isRecord(body)) {
    return { status, code: status >= 500 ? "unavailable" : "http_error", title: "", detail: "", errors: [] };
  }
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((e) => ({
        field: str(e.field, "(body)"),
        code: str(e.code),
        fr: str(e.fr, str(e.en)),
        en: str(e.en, str(e.fr)),
      }))
    : [];
  return {
    status: typeof body.status === "number" ? body.status : status,
    code: str(body.code, status >= 500 ? "unavailable" : "http_error"),
    title: str(body.title),
    detail: str(body.detail),
    errors,
  };
}

export const networkProblem = (): Problem => ({
  status: 0,
  code: "network",
  title: "",
  detail: "",
  errors: [],
});

/** field → messages in the reader's language; several errors on one field are all kept. */
export function fieldErrorMap(errors: readonly FieldError[], lang: Lang): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const list = out[e.field] ?? [];
    const message = e[lang] || e.fr || e.en;
    if (!list.includes(message)) list.push(message);
    out[e.field] = list;
  }
  return out;
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/** Stable query string: empty values and empty lists are left out, lists are comma-joined. */
export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(","));
    } else {
      search.set(key, String(value));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** The reader's language, sent as Accept-Language so that problem titles come back in it. */
  lang?: () => Lang;
  /**
   * The session's CSRF token, sent as `x-csrf-token` on every unsafe request once sign-in
   * exists; null while there is no session.
   */
  csrfToken?: () => string | null;
  /**
   * Called once when an unsafe request is refused for its CSRF token (the session was renewed
   * in another tab, or the page outlived it): returns a fresh token (GET /api/me), and the
   * request is sent again with it. Null gives up.
   */
  refreshCsrf?: () => Promise<string | null>;
}

/** A refusal that a fresh CSRF token can cure: 403 whose first field error is "csrf". */
export function isCsrfRefusal(p: Problem): boolean {
  return p.status === 403 && p.errors[0]?.code === "csrf";
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly baseUrl: string;

  constructor(private readonly options: ApiClientOptions = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? "";
  }

  async request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    const unsafe = method !== "GET" && method !== "HEAD";
    try {
      return await this.send<T>(method, path, body, opts, unsafe ? this.options.csrfToken?.() : null);
    } catch (err) {
      if (!(unsafe && err instanceof ApiError && isCsrfRefusal(err.problem) && this.options.refreshCsrf)) {
        throw err;
      }
      const fresh = await this.options.refreshCsrf().catch(() => null);
      if (!fresh) throw err;
      return this.send<T>(method, path, body, opts, fresh);
    }
  }

  private async send<T>(
    method: string,
    path: string,
    body: unknown,
    opts: RequestOptions,
    csrf: string | null | undefined,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json", ...opts.headers };
    const lang = this.options.lang?.();
    if (lang) headers["accept-language"] = lang;
    if (body !== undefined) headers["content-type"] = "application/json";
    if (csrf) headers["x-csrf-token"] = csrf;
    let res: Response;
    try {
      res = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
        signal: opts.signal,
      });
    } catch (err) {
      if (isAbort(err)) throw err;
      throw new ApiError(networkProblem());
    }
    const text = await res.text().catch(() => "");
    let parsed: unknown = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
    }
    if (!res.ok) throw new ApiError(parseProblem(res.status, parsed));
    return parsed as T;
  }

  get<T>(path: string, query: Record<string, QueryValue> = {}, opts?: RequestOptions): Promise<T> {
    return this.request<T>("GET", `${path}${toQueryString(query)}`, undefined, opts);
  }

  search(query: Record<string, QueryValue>, opts?: RequestOptions): Promise<SearchResult> {
    return this.get<SearchResult>("/api/search", query, opts);
  }

  profile(id: string, opts?: RequestOptions): Promise<PublicProfile> {
    return this.get<PublicProfile>(`/api/profiles/${encodeURIComponent(id)}`, {}, opts);
  }

  matches(id: string, lang: Lang, limit = 10, opts?: RequestOptions): Promise<{ matches: MatchView[] }> {
    return this.get(`/api/profiles/${encodeURIComponent(id)}/matches`, { limit, lang }, opts);
  }

  createProfile(input: PlancheInput | PartnerInput): Promise<PublicProfile> {
    return this.request<PublicProfile>("POST", "/api/profiles", input);
  }

  taxonomy(opts?: RequestOptions): Promise<{ items: Domain[] }> {
    return this.get("/api/reference/taxonomy", {}, opts);
  }

  mali(q: string, level?: string, limit = 8, opts?: RequestOptions): Promise<{ items: MaliUnit[] }> {
    return this.get("/api/reference/mali", { q, level, limit }, opts);
  }

  maliUnit(pcode: string, opts?: RequestOptions): Promise<MaliUnit> {
    return this.get(`/api/reference/mali/${encodeURIComponent(pcode)}`, {}, opts);
  }

  france(
    q: string,
    level?: string,
    limit = 8,
    opts?: RequestOptions,
  ): Promise<{ items: FrenchCollectivite[] }> {
    return this.get("/api/reference/france", { q, level, limit }, opts);
  }
}

export function isAbort(err: unknown): boolean {
  return isRecord(err) && (err as { name?: unknown }).name === "AbortError";
}
