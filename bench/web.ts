/**
 * npm run bench:web — what the public pages cost a reader on a slow connection.
 *
 *   1. builds the web application (vite build, with .gz/.br written next to each asset);
 *   2. starts the real server in-process (SQLite + a local Meilisearch, demo profiles, in a
 *      temporary folder) serving web/dist as `npm start` does;
 *   3. loads each public page in Chromium and records every response: the JavaScript it
 *      loads (gzipped size of those files) and the bytes on the wire of the first load
 *      (HTML + CSS + JS + the API responses the page makes, headers included).
 *
 * Budgets: JavaScript of the search page (entry + search chunk + shared) < 100 KB gzipped;
 * first load of the search page < 300 KB; and no public page loads the code of the signed-in
 * pages ("Mon espace", the staff console), which stay in chunks of their own — measured too,
 * signed out, as a first visit would fetch them. Prints a PASS/FAIL line for each, writes
 * bench-results/web.json, exits 1 when a budget fails. Everything it starts is stopped in a
 * `finally`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { chromium } from "playwright-core";
import { build } from "vite";
import { parseConfig } from "../src/entry/config.js";
import { buildRuntime, type Runtime } from "../src/entry/runtime.js";
import { serveWebApp, WEB_DIST } from "../src/entry/web.js";

const ROOT = resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const KB = 1024;
const BUDGET_JS_GZ = 100 * KB;
const BUDGET_FIRST_LOAD = 300 * KB;

const PAGES = [
  { name: "home", path: "/", public: true },
  { name: "search", path: "/recherche", public: true },
  { name: "planche", path: "/planche/demo-mali-kayes-commune-2", public: true },
  { name: "matches", path: "/profil/demo-mali-kayes-commune-2/correspondances", public: true },
  { name: "my-space", path: "/mon-espace", public: false },
  { name: "staff", path: "/equipe", public: false },
] as const;

/** Chunks of the signed-in pages and the staff console (file names from vite's chunk names). */
const SIGNED_IN_CHUNK =
  /\/assets\/(bap-my-space|bap-profile-edit|bap-intro-card|bap-staff|bap-chart|console)[-.]/;

type Kind = "html" | "css" | "js" | "api" | "other";

interface Transfer {
  url: string;
  kind: Kind;
  /** Body bytes as sent (compressed when the server compressed) plus response headers. */
  wire: number;
  /** For our JavaScript files: size of the gzip file the server holds. */
  jsGzip: number;
}

interface PageReport {
  name: string;
  path: string;
  public: boolean;
  requests: number;
  wire: Record<Kind | "total", number>;
  jsGzip: number;
  jsFiles: string[];
}

const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

function kindOf(url: URL, resourceType: string): Kind {
  if (url.pathname.startsWith("/api/")) return "api";
  if (resourceType === "document") return "html";
  if (resourceType === "stylesheet" || url.pathname.endsWith(".css")) return "css";
  if (resourceType === "script" || url.pathname.endsWith(".js")) return "js";
  return "other";
}

function gzipSizeOf(pathname: string): number {
  const file = join(WEB_DIST, pathname);
  if (existsSync(`${file}.gz`)) return statSync(`${file}.gz`).size;
  return existsSync(file) ? statSync(file).size : 0;
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium".`);
  }
  console.log("[bench:web] vite build");
  await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });

  const dataDir = mkdtempSync(join(tmpdir(), "bap-bench-web-"));
  let runtime: Runtime | undefined;
  let server: ReturnType<typeof serve> | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    console.log("[bench:web] starting the server (SQLite, Meilisearch, demo profiles)");
    runtime = await buildRuntime(
      parseConfig({ DATA_DIR: dataDir, SEED_DEMO: "true", NODE_ENV: "test", PORT: "0" }),
      () => {},
    );
    if (!serveWebApp(runtime.app, WEB_DIST)) throw new Error("web/dist has no index.html after the build");
    const app = runtime.app;
    server = await new Promise<ReturnType<typeof serve>>((ok) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => ok(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });

    const reports: PageReport[] = [];
    for (const p of PAGES) {
      // A new context per page: empty cache, as for a first visit.
      const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "fr-FR" });
      const page = await context.newPage();
      const transfers: Promise<Transfer>[] = [];
      page.on("requestfinished", (req) => {
        transfers.push(
          (async () => {
            const url = new URL(req.url());
            const sizes = await req.sizes();
            const kind = kindOf(url, req.resourceType());
            return {
              url: url.pathname + url.search,
              kind,
              wire: sizes.responseBodySize + sizes.responseHeadersSize,
              jsGzip: kind === "js" && url.origin === base ? gzipSizeOf(url.pathname) : 0,
            };
          })(),
        );
      });
      await page.goto(base + p.path, { waitUntil: "networkidle" });
      await page.waitForTimeout(300);
      const done = await Promise.all(transfers);
      await context.close();
      const wire = { html: 0, css: 0, js: 0, api: 0, other: 0, total: 0 };
      for (const t of done) {
        wire[t.kind] += t.wire;
        wire.total += t.wire;
      }
      reports.push({
        name: p.name,
        path: p.path,
        public: p.public,
        requests: done.length,
        wire,
        jsGzip: done.reduce((n, t) => n + t.jsGzip, 0),
        jsFiles: done.filter((t) => t.kind === "js").map((t) => t.url),
      });
    }

    console.log("\nFirst load of each public page (empty cache, bytes on the wire incl. headers)\n");
    console.log(
      [
        "page".padEnd(9),
        "reqs",
        "HTML".padStart(9),
        "CSS".padStart(9),
        "JS".padStart(9),
        "API".padStart(9),
        "total".padStart(10),
        "JS gzip".padStart(10),
      ].join(" "),
    );
    for (const r of reports) {
      console.log(
        [
          r.name.padEnd(9),
          String(r.requests).padStart(4),
          kb(r.wire.html).padStart(9),
          kb(r.wire.css).padStart(9),
          kb(r.wire.js).padStart(9),
          kb(r.wire.api).padStart(9),
          kb(r.wire.total).padStart(10),
          kb(r.jsGzip).padStart(10),
        ].join(" "),
      );
    }
    const search = reports.find((r) => r.name === "search")!;
    console.log(`\nJavaScript of the search page: ${search.jsFiles.join(", ")}`);
    const publicReports = reports.filter((r) => r.public);
    const union = new Set(publicReports.flatMap((r) => r.jsFiles));
    const unionGz = [...union].reduce((n, f) => n + gzipSizeOf(f), 0);
    console.log(`All JavaScript of the public pages together: ${union.size} files, ${kb(unionGz)} gzipped`);
    const leaked = [...union].filter((f) => SIGNED_IN_CHUNK.test(f));
    const signedIn = new Set(reports.filter((r) => !r.public).flatMap((r) => r.jsFiles));
    const ownChunks = [...signedIn].filter((f) => !union.has(f));
    console.log(
      `Signed-in pages' own chunks (not loaded by public pages): ${ownChunks.length} files, ${kb(ownChunks.reduce((n, f) => n + gzipSizeOf(f), 0))} gzipped`,
    );

    const checks: { name: string; value: number; budget: number; unit?: "files" }[] = [
      {
        name: "JS of the search page (entry + search chunk), gzipped",
        value: search.jsGzip,
        budget: BUDGET_JS_GZ,
      },
      {
        name: "First load of the search page (HTML+CSS+JS+API)",
        value: search.wire.total,
        budget: BUDGET_FIRST_LOAD,
      },
      {
        name: `Signed-in chunks loaded by public pages${leaked.length > 0 ? ` (${leaked.join(", ")})` : ""}`,
        value: leaked.length,
        budget: 1,
        unit: "files",
      },
    ];
    console.log("");
    for (const c of checks) {
      const show = (n: number) => (c.unit === "files" ? `${n} file(s)` : kb(n));
      console.log(
        `${c.value < c.budget ? "PASS" : "FAIL"}  ${c.name}: ${show(c.value)} (budget < ${show(c.budget)})`,
      );
    }
    mkdirSync(join(ROOT, "bench-results"), { recursive: true });
    writeFileSync(
      join(ROOT, "bench-results", "web.json"),
      `${JSON.stringify({ pages: reports, allPublicJsGzip: unionGz, signedInChunks: ownChunks, checks }, null, 2)}\n`,
    );
    console.log("\n[bench:web] wrote bench-results/web.json");
    if (checks.some((c) => c.value >= c.budget)) process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await runtime?.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
