import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { isClientRoute, serveWebApp } from "../../src/entry/web.js";

/** The web serving rules, on a small built-like folder and an API that answers problem+json. */
const dir = mkdtempSync(join(tmpdir(), "bap-web-"));
mkdirSync(join(dir, "assets"));
const INDEX = `<!doctype html><title>shell</title>${"<!-- padding -->".repeat(10)}`;
writeFileSync(join(dir, "index.html"), INDEX);
writeFileSync(join(dir, "index.html.gz"), gzipSync(INDEX));
writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log(1)");
writeFileSync(join(dir, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");

function app() {
  const a = new Hono();
  a.get("/api/search", (c) => c.json({ hits: [] }));
  a.get("/health", (c) => c.json({ status: "ok" }));
  a.notFound((c) =>
    c.body(JSON.stringify({ status: 404 }), 404, { "content-type": "application/problem+json" }),
  );
  expect(serveWebApp(a, dir)).toBe(true);
  return a;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("serveWebApp", () => {
  it("answers client routes with index.html, deep links included", async () => {
    const a = app();
    for (const path of ["/", "/recherche", "/planche/demo-1", "/profil/x/correspondances"]) {
      const res = await a.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await res.text()).toBe(INDEX);
    }
  });

  it("never answers the API, token links or missing files with the shell", async () => {
    const a = app();
    for (const path of [
      "/api/nope",
      "/api/profiles/x/unknown",
      "/t/login",
      "/assets/missing.js",
      "/favicon.ico",
    ]) {
      const res = await a.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("cache-control")).toBeNull();
    }
    expect((await a.request("/api/search")).status).toBe(200);
    expect(await (await a.request("/health")).json()).toEqual({ status: "ok" });
  });

  it("caches hashed assets for good and sends precompressed files when accepted", async () => {
    const a = app();
    const asset = await a.request("/assets/app-abc123.js");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(asset.headers.get("content-type")).toContain("javascript");
    const gz = await a.request("/recherche", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect((await a.request("/favicon.svg")).headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("tells client routes from server paths", () => {
    expect(isClientRoute("/recherche")).toBe(true);
    expect(isClientRoute("/api")).toBe(false);
    expect(isClientRoute("/apiculture")).toBe(true);
    expect(isClientRoute("/docs")).toBe(false);
    expect(isClientRoute("/openapi.json")).toBe(false);
    expect(isClientRoute("/assets/x.js")).toBe(false);
  });

  it("reports an unbuilt application", () => {
    expect(serveWebApp(new Hono(), join(dir, "nowhere"))).toBe(false);
  });
});
