import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type NodeServer, serveNode } from "../../src/entry/node-server.js";
import { createApp } from "../../src/http/app.js";
import { startTestRuntime, TestClock, type TestRuntime } from "../helpers/runtime.js";

/**
 * Issue 8, item 4: limits count per client. A real server on 127.0.0.1, reached from two
 * loopback addresses (127.0.0.1 and 127.0.0.2 are both this machine), as the Node entry
 * serves it. The clock is pinned so that no 15-minute window ends during the test.
 */
const started: { rt: TestRuntime; server: NodeServer }[] = [];
async function start(env: Record<string, string> = {}) {
  const rt = await startTestRuntime({ env, clock: new TestClock(new Date("2030-03-04T10:01:00Z")) });
  try {
    const server = await serveNode(rt.app, { port: 0, hostname: "127.0.0.1" });
    started.push({ rt, server });
    return server;
  } catch (err) {
    await rt.close();
    throw err;
  }
}
afterAll(async () => {
  for (const { rt, server } of started) {
    await server.close();
    await rt.close();
  }
});

/** POST over a real TCP connection from `from`; resolves with the status. */
function post(
  server: NodeServer,
  path: string,
  opts: { from: string; body?: unknown; headers?: Record<string, string> },
): Promise<number> {
  const body = opts.body === undefined ? "" : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        localAddress: opts.from,
        method: "POST",
        path,
        agent: false,
        headers: {
          ...(opts.body === undefined ? {} : { "content-type": "application/json" }),
          "content-length": Buffer.byteLength(body),
          ...opts.headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

let n = 0;
const login = (server: NodeServer, from: string, headers: Record<string, string> = {}) =>
  post(server, "/api/auth/login", { from, body: { email: `someone.${++n}@example.org` }, headers });

describe("rate limits per client", () => {
  let server: NodeServer;
  beforeAll(async () => {
    server = await start();
  });

  it("lets a second address sign in after the first one used up its 20 requests", async () => {
    const first: number[] = [];
    for (let i = 0; i < 21; i++) first.push(await login(server, "127.0.0.1"));
    expect(first.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(first[20]).toBe(429);
    expect(await login(server, "127.0.0.2")).toBe(202);
    // X-Forwarded-For from a peer that is not a trusted proxy changes nothing.
    expect(await login(server, "127.0.0.1", { "x-forwarded-for": "198.51.100.1" })).toBe(429);
  });

  it("lets a second address use its links after the first one posted 60 bad tokens", async () => {
    const bad = "/api/tokens/login/AAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    const first: number[] = [];
    for (let i = 0; i < 61; i++) first.push(await post(server, bad, { from: "127.0.0.1" }));
    expect(first.slice(0, 60).every((s) => s === 410)).toBe(true);
    expect(first[60]).toBe(429);
    expect(await post(server, bad, { from: "127.0.0.2" })).toBe(410);
    expect(await post(server, bad.replace("/api/tokens/", "/t/"), { from: "127.0.0.2" })).toBe(410);
  });
});

describe("behind a trusted proxy (TRUST_PROXY)", () => {
  it("counts the address the proxy forwards, one client at a time", async () => {
    const server = await start({ TRUST_PROXY: "127.0.0.1" });
    const viaProxy = (client: string) => login(server, "127.0.0.1", { "x-forwarded-for": client });
    const first: number[] = [];
    for (let i = 0; i < 21; i++) first.push(await viaProxy("203.0.113.7"));
    expect(first[19]).toBe(202);
    expect(first[20]).toBe(429);
    expect(await viaProxy("203.0.113.8")).toBe(202);
    // A client that claims a forwarded address but is not the proxy is counted as itself.
    const direct: number[] = [];
    for (let i = 0; i < 21; i++) {
      direct.push(await login(server, "127.0.0.2", { "x-forwarded-for": `203.0.113.${100 + i}` }));
    }
    expect(direct[20]).toBe(429);
  });
});

describe("the ceiling for everyone", () => {
  it("refuses past the ceiling whoever asks, and says so once in the log", async () => {
    await start();
    const { rt } = started.at(-1)!;
    // The same dependencies with a ceiling of 3 and the client named by a header.
    const app = createApp({
      ...rt.deps,
      clientIp: (c) => c.req.header("x-test-client"),
      clientLimits: { login: { overall: 3 } },
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.request("/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json", "x-test-client": `192.0.2.${i}` },
          body: JSON.stringify({ email: `ceiling.${i}@example.org` }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([202, 202, 202, 429, 429]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/\[rate-limit\] login: more than 3 requests/);
    } finally {
      warn.mockRestore();
    }
  });
});
