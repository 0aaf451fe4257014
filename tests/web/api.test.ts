import { describe, expect, it } from "vitest";
import { ApiClient, ApiError, fieldErrorMap, parseProblem, toQueryString } from "../../web/src/lib/api.js";

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
