import { describe, expect, it } from "vitest";
import {
  ApiClient,
  ApiError,
  fieldErrorMap,
  isCsrfRefusal,
  parseProblem,
  toQueryString,
} from "../../web/src/lib/api.js";

const problemBody = {
  type: "https://bourse-aux-partenaires.example/problems/validation",
  title: "Données invalides",
  status: 400,
  detail: "La requête contient 2 champ(s) invalide(s).",
  code: "validation",
  errors: [
    { field: "priorities.0.aspect", code: "too_small", fr: "Trop court.", en: "Too short." },
    {
      field: "contact.email",
      code: "invalid_format",
      fr: "Adresse e-mail invalide.",
      en: "Invalid e-mail address.",
    },
    { field: "contact.email", code: "custom", fr: "Déjà utilisée.", en: "Already used." },
  ],
};

function fakeFetch(status: number, body: unknown, contentType = "application/problem+json") {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, headers: { "content-type": contentType } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("parseProblem", () => {
  it("reads an RFC 9457 problem with its per-field errors", () => {
    const p = parseProblem(400, problemBody);
    expect(p.code).toBe("validation");
    expect(p.status).toBe(400);
    expect(p.errors.map((e) => e.field)).toEqual(["priorities.0.aspect", "contact.email", "contact.email"]);
  });

  it("survives bodies that are not problems (HTML from a proxy, nothing, garbage)", () => {
    expect(parseProblem(502, null)).toMatchObject({ status: 502, code: "unavailable", errors: [] });
    expect(parseProblem(400, "oops")).toMatchObject({ code: "http_error", errors: [] });
    const odd = parseProblem(400, { errors: [{ field: "x" }, "nope", { fr: "seul" }] });
    expect(odd.errors).toEqual([
      { field: "x", code: "", fr: "", en: "" },
      { field: "(body)", code: "", fr: "seul", en: "seul" },
    ]);
  });
});

describe("fieldErrorMap", () => {
  it("groups messages by field in the reader's language, without duplicates", () => {
    const { errors } = parseProblem(400, problemBody);
    expect(fieldErrorMap(errors, "fr")).toEqual({
      "priorities.0.aspect": ["Trop court."],
      "contact.email": ["Adresse e-mail invalide.", "Déjà utilisée."],
    });
    expect(fieldErrorMap([...errors, ...errors], "en")["contact.email"]).toEqual([
      "Invalid e-mail address.",
      "Already used.",
    ]);
  });
});

describe("toQueryString", () => {
  it("drops empty values and joins lists with commas", () => {
    expect(
      toQueryString({ side: "mali", q: "", region: ["ML01", "ML02"], sector: [], limit: 0, x: undefined }),
    ).toBe("?side=mali&region=ML01%2CML02&limit=0");
    expect(toQueryString({})).toBe("");
  });
});

describe("ApiClient", () => {
  it("turns an error response into an ApiError carrying the problem", async () => {
    const { fetch } = fakeFetch(400, problemBody);
    const client = new ApiClient({ fetch });
    const err = await client.createProfile({} as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).problem.errors).toHaveLength(3);
    expect((err as ApiError).status).toBe(400);
  });

  it("reports a network failure as a problem with code 'network'", async () => {
    const fetch = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    const err = await new ApiClient({ fetch }).profile("x").catch((e: unknown) => e);
    expect((err as ApiError).problem).toMatchObject({ code: "network", status: 0 });
  });

  it("rethrows aborts untouched, so that a superseded search stays silent", async () => {
    const fetch = (async () => {
      throw new DOMException("aborted", "AbortError");
    }) as unknown as typeof globalThis.fetch;
    const err = await new ApiClient({ fetch }).search({}).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as Error).name).toBe("AbortError");
  });

  it("sends the language, JSON bodies, and the CSRF token on unsafe requests only", async () => {
    const { fetch, calls } = fakeFetch(201, { id: "p1" }, "application/json");
    const client = new ApiClient({ fetch, lang: () => "en", csrfToken: () => "tok" });
    await client.createProfile({ side: "mali" } as never);
    await client.get("/api/search", { q: "Kayes", side: "mali" });
    const [post, get] = calls;
    const postHeaders = post?.init.headers as Record<string, string>;
    expect(post?.url).toBe("/api/profiles");
    expect(post?.init.method).toBe("POST");
    expect(postHeaders["x-csrf-token"]).toBe("tok");
    expect(postHeaders["content-type"]).toBe("application/json");
    expect(postHeaders["accept-language"]).toBe("en");
    expect(post?.init.body).toBe('{"side":"mali"}');
    expect(get?.url).toBe("/api/search?q=Kayes&side=mali");
    expect((get?.init.headers ?? {}) as Record<string, string>).not.toHaveProperty("x-csrf-token");
  });

  it("escapes ids in paths", async () => {
    const { fetch, calls } = fakeFetch(200, { matches: [] }, "application/json");
    await new ApiClient({ fetch }).matches("a/b", "fr", 10);
    expect(calls[0]?.url).toBe("/api/profiles/a%2Fb/matches?limit=10&lang=fr");
  });
});

describe("ApiClient and CSRF refusals", () => {
  const csrfProblem = {
    status: 403,
    code: "forbidden",
    title: "Interdit",
    errors: [
      { field: "x-csrf-token", code: "csrf", fr: "Jeton CSRF absent ou périmé.", en: "Missing or stale." },
    ],
  };

  /** Answers 403 csrf until the request carries `good`, then 200. */
  function csrfServer(good: string) {
    const tokens: (string | undefined)[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      const token = (init.headers as Record<string, string>)["x-csrf-token"];
      tokens.push(token);
      const ok = token === good;
      return new Response(JSON.stringify(ok ? { ok: true } : csrfProblem), {
        status: ok ? 200 : 403,
        headers: { "content-type": "application/json" },
      });
    }) as unknown as typeof globalThis.fetch;
    return { fetch, tokens };
  }

  it("recognises the refusal a fresh token cures, and only that one", () => {
    expect(isCsrfRefusal(parseProblem(403, csrfProblem))).toBe(true);
    expect(isCsrfRefusal(parseProblem(403, { code: "forbidden", errors: [] }))).toBe(false);
    expect(isCsrfRefusal(parseProblem(400, { ...csrfProblem, status: 400 }))).toBe(false);
  });

  it("refreshes the token once and sends the request again", async () => {
    const { fetch, tokens } = csrfServer("fresh");
    let refreshed = 0;
    const client = new ApiClient({
      fetch,
      csrfToken: () => "stale",
      refreshCsrf: async () => {
        refreshed += 1;
        return "fresh";
      },
    });
    await expect(client.request("POST", "/api/profiles/x/submit")).resolves.toEqual({ ok: true });
    expect(tokens).toEqual(["stale", "fresh"]);
    expect(refreshed).toBe(1);
  });

  it("gives up after one retry, when no token comes back, and never retries a GET", async () => {
    const still = csrfServer("never");
    const client = new ApiClient({ fetch: still.fetch, csrfToken: () => "a", refreshCsrf: async () => "b" });
    const err = await client.request("PUT", "/api/x", {}).catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(403);
    expect(still.tokens).toEqual(["a", "b"]);

    const none = csrfServer("never");
    const anonymous = new ApiClient({
      fetch: none.fetch,
      csrfToken: () => "a",
      refreshCsrf: async () => null,
    });
    await expect(anonymous.request("POST", "/api/x")).rejects.toBeInstanceOf(ApiError);
    expect(none.tokens).toEqual(["a"]);

    const get = csrfServer("never");
    let asked = 0;
    const reader = new ApiClient({
      fetch: get.fetch,
      refreshCsrf: async () => {
        asked += 1;
        return "b";
      },
    });
    await expect(reader.get("/api/x")).rejects.toBeInstanceOf(ApiError);
    expect(asked).toBe(0);
  });
});
