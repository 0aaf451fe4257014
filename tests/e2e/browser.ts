import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { WEB_DIST } from "../../src/entry/web.js";

/**
 * What the browser journeys share: the build of web/dist (once, even when several test files
 * start together), Chromium, fresh contexts, axe, screenshots, and polling helpers
 * (playwright-core has no web-first assertions).
 */

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
export const SHOTS = join(ROOT, "test-results", "screenshots");
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
export const WIDTHS = [360, 1280] as const;
const LOCK = join(ROOT, "test-results", ".web-build-lock");

function newestMtime(dir: string): number {
  return readdirSync(dir).reduce((max, name) => {
    const path = join(dir, name);
    const s = statSync(path);
    return Math.max(max, s.isDirectory() ? newestMtime(path) : s.mtimeMs);
  }, 0);
}

function isFresh(): boolean {
  const index = join(WEB_DIST, "index.html");
  const sources = Math.max(
    newestMtime(join(ROOT, "web", "src")),
    statSync(join(ROOT, "web", "index.html")).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

/**
 * Build web/dist when it is missing or older than its sources (a stale build would test old
 * code). Test files run in parallel processes: a lock directory (mkdir is atomic) lets one
 * build while the others wait, then find the build fresh.
 */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(dirname(LOCK), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // Another process is building; a lock older than two minutes was left by a crash.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000)
        rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("web/dist: gave up waiting for another build");
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (isFresh()) return;
      const { build } = await import("vite");
      await build({ configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (the browser journeys never skip).`,
    );
  }
  mkdirSync(SHOTS, { recursive: true });
  // launch() gives each run a fresh temporary profile of its own, removed on close.
  return chromium.launch({
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
}

export const WAIT = { timeout: 10_000 };

export const visible = (l: Locator, timeout = WAIT.timeout) =>
  l.first().waitFor({ state: "visible", timeout });
export const textOf = (l: Locator) => expect.poll(async () => ((await l.textContent()) ?? "").trim(), WAIT);
export const inputValueOf = (l: Locator) => expect.poll(() => l.inputValue(), WAIT);
export const countOf = (l: Locator) => expect.poll(() => l.count(), WAIT);
export const textsOf = (l: Locator) =>
  expect.poll(async () => (await l.allTextContents()).map((x) => x.trim()), WAIT);

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** A fresh context (own storage and cookies), with the page's script errors collected. */
export async function open(browser: Browser, width = 1280): Promise<Session> {
  // bypassCSP: the test injects axe-core as an inline script, which the app's CSP forbids.
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: "fr-FR",
    bypassCSP: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/** axe-core on the whole page: serious and critical violations fail the test. */
export async function axe(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(ctx: Document): Promise<{
          violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[];
        }>;
      };
    };
    const res = await w.axe.run(document);
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, `${name}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

/** Full-page screenshots at phone and desktop widths. */
export async function shoot(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
