import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, type Signed, signIn } from "../helpers/auth.js";
import { partnerInput, plancheInput } from "../helpers/fixtures.js";
import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  openApiPath,
  SchemaArbitraries,
} from "../helpers/openapi-arbitrary.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * Issue 8, item 5: a bounded, schema-driven fuzz of every route the app registers, in the
 * three kinds of session. Values come from the OpenAPI document (valid, one step off, garbage),
 * with wrong content types, odd headers and long URLs. Whatever is sent, the answer is never
 * a 5xx, and every 4xx is problem+json (the HTML pages of e-mail links may answer text/html).
 * Fixed seed: the same requests on every run.
 */
const SEED = 8_2024;
const RUNS_PER_OPERATION_AND_SESSION = 30;
/** The document and its rendering: not operations of the API. */
const NOT_OPERATIONS = new Set(["GET /openapi.json", "GET /docs"]);

let rt: TestRuntime;
let contact: Signed;
let staff: Signed;
let spec: OpenApiDocument;
const pools = { id: [] as string[], token: [] as string[] };

beforeAll(async () => {
  // Each request comes from a client address of its own, so that the per-client limits let the
  // fuzz reach the handlers instead of answering 429 after the first few dozen requests.
  let client = 0;
  rt = await startTestRuntime({
    clientIp: () => `198.18.${(client >> 8) & 255}.${client++ & 255}`,
  });
  contact = await signIn(rt, "fuzz.contact@example.org");
  staff = await signIn(rt, "fuzz.staff@example.org", "staff");
  const created = async (who: Signed, body: unknown) => {
    const res = await rt.request("/api/profiles", as(who, "POST", body));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const planche = await created(contact, plancheInput());
  const partner = await created(staff, partnerInput());
  expect((await rt.request(`/api/staff/profiles/${planche}/approve`, as(staff, "POST", {}))).status).toBe(
    200,
  );
  const intro = await rt.request(
    "/api/staff/introductions",
    as(staff, "POST", { maliId: planche, partnerId: partner, note: "" }),
  );
  expect(intro.status).toBe(201);
  await rt.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "fuzz.token@example.org" }),
  });
  const mails = await rt.deps.curation.outbox.list({ limit: 200, offset: 0 });
  pools.id.push(planche, partner, ((await intro.json()) as { id: string }).id, mails.items[0]?.id ?? "none");
  for (const m of mails.items) {
    for (const [, token] of m.text.matchAll(/\/t\/[a-z_]+\/([A-Za-z0-9_.-]+)/g))
      if (token) pools.token.push(token);
  }
  spec = (await (await rt.request("/openapi.json")).json()) as OpenApiDocument;
});
afterAll(async () => {
  await rt?.close();
});

interface Route {
  method: string;
  honoPath: string;
  key: string;
  operation: Operation | undefined;
}

function registeredRoutes(): Route[] {
  const seen = new Map<string, Route>();
  for (const r of rt.app.routes) {
    if (r.method === "ALL") continue; // middleware
    const key = `${r.method} ${openApiPath(r.path)}`;
    if (!seen.has(key)) {
      seen.set(key, {
        method: r.method,
        honoPath: r.path,
        key,
        operation: spec.paths[openApiPath(r.path)]?.[r.method.toLowerCase()],
      });
    }
  }
  // Signing out ends the session the later requests of a session would use: last.
  return [...seen.values()].sort(
    (a, b) => Number(a.key.includes("logout")) - Number(b.key.includes("logout")),
  );
}

interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/json; charset=utf-8",
  "application/problem+json",
  "APPLICATION/JSON",
  "application/json;;",
  "application/jsonx",
  "application/xml",
  "",
];
const ODD_HEADERS: Record<string, string>[] = [
  { origin: "foo" },
  { origin: "http://[::1" },
  { origin: "null" },
  { origin: "https://evil.example" },
  { origin: "http://localhost" },
  { "accept-language": "en-US,en;q=0.9" },
  { "accept-language": ";;;,,q=x" },
  { "if-match": '"abc"' },
  { "if-match": '"1"' },
  { cookie: "bap_session=%%%; other=1" },
  { cookie: `bap_session=${"z".repeat(300)}` },
  { "x-csrf-token": "wrong" },
  { "content-length": "5" },
  { accept: "text/html" },
];
const ODD_SEGMENTS = [
  "..",
  "%2e%2e",
  "%00",
  "%E0%A4%A",
  "%",
  "a%2Fb",
  "%C3%A9",
  "%F0%9F%98%80",
  "'%20OR%201=1",
  "-1",
];
const ODD_QUERIES = [
  "limit=1&limit=2",
  "%zz=1",
  "lang=xx",
  "offset=-1",
  "limit=1e3",
  "q=%00",
  "=",
  "&&&",
  "a[b]=c",
];

/** `arb` with probability 1/`oneIn`, else null. */
const sometimes = <T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 1, arbitrary: arb }, { weight: oneIn - 1, arbitrary: fc.constant(null) });

function requestsFor(route: Route, session: "anonymous" | "contact" | "staff"): FuzzRequest[] {
  const arbs = new SchemaArbitraries(spec);
  const op = route.operation;
  const paramSchema = (name: string, where: string): JsonSchema =>
    op?.parameters?.find((p) => p.name === name && p.in === where)?.schema ?? { type: "string" };

  const segment = (name: string): fc.Arbitrary<string> => {
    const pool = name === "token" ? pools.token : name === "purpose" ? [] : pools.id;
    return fc.oneof(
      {
        weight: 3,
        arbitrary: arbs.valid(paramSchema(name, "path")).map((v) => encodeURIComponent(String(v))),
      },
      ...(pool.length ? [{ weight: 3, arbitrary: fc.constantFrom(...pool) }] : []),
      {
        weight: 1,
        arbitrary: fc
          .string({ unit: "binary", minLength: 1, maxLength: 30 })
          .map((v) => encodeURIComponent(v)),
      },
      { weight: 1, arbitrary: fc.constantFrom(...ODD_SEGMENTS) },
      { weight: 1, arbitrary: fc.integer({ min: 70, max: 20_000 }).map((n) => "x".repeat(n)) },
    );
  };
  const names = [...route.honoPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? "");
  const path = fc
    .tuple(...names.map((n) => segment(n)))
    .map((values) => names.reduce((p, n, i) => p.replace(`:${n}`, values[i] ?? ""), route.honoPath));

  // A query string has no null: zod documents coerced numbers as integer-or-null.
  const notNull = (schema: JsonSchema): JsonSchema =>
    Array.isArray(schema.type) ? { ...schema, type: schema.type.filter((t) => t !== "null") } : schema;
  const queryParams = (op?.parameters ?? [])
    .filter((p) => p.in === "query")
    .map((p) => ({ ...p, schema: notNull(p.schema) }));
  const pair = (name: string, v: unknown) =>
    `${name}=${encodeURIComponent(Array.isArray(v) ? v.map(String).join(",") : typeof v === "string" ? v : JSON.stringify(v))}`;
  const params = (wrongness: number) =>
    fc.tuple(
      ...queryParams.map((p) =>
        sometimes(
          fc
            .oneof(
              { weight: 6, arbitrary: arbs.valid(p.schema) },
              { weight: wrongness, arbitrary: arbs.near(p.schema) },
              { weight: wrongness, arbitrary: arbs.garbage() },
            )
            .map((v) => pair(p.name, v)),
          3,
        ),
      ),
    );
  // A third of the queries hold only valid values, so that the handlers behind validation run too.
  const query = fc
    .tuple(
      fc.oneof(params(0), params(2)),
      sometimes(fc.constantFrom(...ODD_QUERIES), 6),
      sometimes(fc.integer({ min: 8_000, max: 20_000 }), 25),
    )
    .map(([parts, odd, pad]) => {
      const all = [...parts.filter((p): p is string => p !== null), ...(odd ? [odd] : [])];
      if (pad) all.push(`pad=${"p".repeat(pad)}`);
      return all.length ? `?${all.join("&")}` : "";
    });

  const jsonBody = Object.entries(op?.requestBody?.content ?? {}).find(([type]) => type.includes("json"))?.[1]
    ?.schema;
  const bodyless = route.method === "GET" || route.method === "HEAD";
  const body: fc.Arbitrary<string | undefined> = bodyless
    ? fc.constant(undefined)
    : fc.oneof(
        ...(jsonBody
          ? [
              { weight: 4, arbitrary: arbs.valid(jsonBody).map((v) => JSON.stringify(v)) },
              { weight: 3, arbitrary: arbs.near(jsonBody).map((v) => JSON.stringify(v)) },
            ]
          : [{ weight: 2, arbitrary: fc.constant(undefined) }]),
        { weight: 2, arbitrary: arbs.garbage().map((v) => JSON.stringify(v) ?? "null") },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
        { weight: 1, arbitrary: fc.constantFrom("{", "", "[", '{"a":', "\u0000", "null") },
      );

  const signed = session === "contact" ? contact : session === "staff" ? staff : null;
  const base: Record<string, string> = signed ? { cookie: signed.cookie, "x-csrf-token": signed.csrf } : {};
  const headers = fc
    .tuple(sometimes(fc.constantFrom(...CONTENT_TYPES), 4), sometimes(fc.constantFrom(...ODD_HEADERS), 4))
    .map(([type, odd]) => ({
      ...base,
      ...(bodyless ? {} : { "content-type": type ?? "application/json" }),
      ...(odd ?? {}),
    }));

  const method =
    route.method === "GET" ? fc.constantFrom("GET", "GET", "GET", "HEAD") : fc.constant(route.method);
  const request = fc.record({ method, path, query, headers, body }).map(
    ({ method, path, query, headers, body }): FuzzRequest => ({
      method,
      url: `${path}${query}`,
      headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== "")),
      ...(body === undefined ? {} : { body }),
    }),
  );
  const seed = [...`${route.key} ${session}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);
  return fc.sample(request, { seed, numRuns: RUNS_PER_OPERATION_AND_SESSION });
}

describe("every route, any input", () => {
  it("documents every registered route in /openapi.json", () => {
    const missing = registeredRoutes()
      .filter((r) => !r.operation && !NOT_OPERATIONS.has(r.key))
      .map((r) => r.key);
    expect(missing).toEqual([]);
  });

  it("answers without a 5xx, and with problem+json on every 4xx, in every session", async () => {
    const started = performance.now();
    const statuses = new Map<number, number>();
    const violations: string[] = [];
    const undeclared = new Set<string>();
    let sent = 0;
    for (const session of ["anonymous", "contact", "staff"] as const) {
      for (const route of registeredRoutes()) {
        for (const req of requestsFor(route, session)) {
          const res = await rt.request(req.url, {
            method: req.method,
            headers: req.headers,
            ...(req.body === undefined ? {} : { body: req.body }),
          });
          sent++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          // Every status the app answers is one its operation declares.
          if (route.operation && !route.operation.responses?.[String(res.status)]) {
            undeclared.add(`${route.key} → ${res.status}`);
          }
          const type = res.headers.get("content-type") ?? "";
          const text = await res.text();
          const where = `${session} ${req.method} ${req.url.slice(0, 120)} ${JSON.stringify(req.headers).slice(0, 160)} ${req.body?.slice(0, 80) ?? ""}`;
          if (res.status >= 500) {
            violations.push(`${res.status} ← ${where} → ${text.slice(0, 160)}`);
          } else if (res.status >= 400 && req.method !== "HEAD") {
            const tokenPage = route.honoPath.startsWith("/t/") && type.startsWith("text/html");
            if (tokenPage) continue;
            let ok = type.startsWith("application/problem+json");
            if (ok) {
              const p = JSON.parse(text) as Record<string, unknown>;
              ok =
                p.status === res.status &&
                [p.title, p.title_fr, p.detail, p.detail_fr, p.code].every(Boolean);
            }
            if (!ok)
              violations.push(`${res.status} ${type || "(no type)"} ← ${where} → ${text.slice(0, 120)}`);
          }
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] ${sent} requests over ${registeredRoutes().length} routes × 3 sessions in ${seconds} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}; ${violations.length} violations`,
    );
    expect(sent).toBeGreaterThan(3000);
    expect(violations.slice(0, 25)).toEqual([]);
    expect([...undeclared].sort()).toEqual([]);
  }, 120_000);
});
