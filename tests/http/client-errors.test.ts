import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NodeServer, serveNode } from "../../src/entry/node-server.js";
import { type Signed, signIn } from "../helpers/auth.js";
import { plancheInput } from "../helpers/fixtures.js";
import { startTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/** Issue 8, item 5: a client's mistake gets its 4xx problem; only a server fault gets a 5xx. */
let rt: TestRuntime;
let server: NodeServer;
let staff: Signed;
beforeAll(async () => {
  rt = await startTestRuntime();
  server = await serveNode(rt.app, { port: 0, hostname: "127.0.0.1" });
  staff = await signIn(rt, "staff.errors@example.org", "staff");
});
afterAll(async () => {
  await server?.close();
  await rt?.close();
});

interface Problem {
  status: number;
  code: string;
  title: string;
  title_fr: string;
  detail: string;
  detail_fr: string;
  errors?: { field: string; code: string; fr: string; en: string }[];
}

async function problem(res: Response, status: number): Promise<Problem> {
  expect({ status: res.status, type: res.headers.get("content-type") }).toEqual({
    status,
    type: "application/problem+json",
  });
  const p = (await res.json()) as Problem;
  expect(p.status).toBe(status);
  expect(p.detail && p.detail_fr && p.title && p.title_fr).toBeTruthy();
  return p;
}

/** Send raw bytes over TCP (what fetch refuses to send) and read the whole answer. */
function raw(bytes: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    let data = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      data += chunk;
    });
    socket.on("error", reject);
    socket.on("close", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), headers: head.toLowerCase(), body });
    });
    socket.end(bytes, "latin1");
  });
}

describe("client errors are 4xx problems", () => {
  it.each([
    ["text/plain"],
    ["application/x-www-form-urlencoded"],
    ["multipart/form-data; boundary=x"],
    ["application/jsonx"],
  ])("answers a JSON route sent %s with 415", async (type) => {
    const res = await rt.request("/api/profiles", {
      method: "POST",
      headers: { ...staff.headers, "content-type": type },
      body: JSON.stringify(plancheInput()),
    });
    const p = await problem(res, 415);
    expect(p.errors?.[0]?.field).toBe("content-type");
    const anon = await rt.request("/api/auth/login", {
      method: "POST",
      headers: { "content-type": type },
      body: "email=a@example.org",
    });
    await problem(anon, 415);
  });

  it.each([["foo"], ["http://[::1"], ["http://"], ["https://evil.example"]])(
    "refuses a state change with Origin %j with 403",
    async (origin) => {
      const res = await rt.request("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: "origin@example.org" }),
      });
      const p = await problem(res, 403);
      expect(p.errors?.[0]?.field).toBe("origin");
    },
  );

  it("answers a URL over 8 KiB with 414, in process and over HTTP", async () => {
    const long = `/api/profiles?q=${"x".repeat(9000)}`;
    const res = await rt.request(long);
    await problem(res, 414);
    const http = await fetch(`http://127.0.0.1:${server.port}${long}`);
    await problem(http, 414);
  });

  it("answers a URL or headers beyond Node's 16 KiB header limit with a 431 problem", async () => {
    const url = await fetch(`http://127.0.0.1:${server.port}/api/search?q=${"x".repeat(20_000)}`);
    const p = await problem(url, 431);
    expect(p.title_fr).toMatch(/trop/);
    const cookie = await fetch(`http://127.0.0.1:${server.port}/api/me`, {
      headers: { cookie: `a=${"y".repeat(20_000)}` },
    });
    await problem(cookie, 431);
  });

  it("answers requests Node or the adapter cannot read with a 400 problem", async () => {
    for (const bytes of [
      "HELLO WORLD\r\n\r\n",
      "GET /api/me HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: x\r\n\r\n",
      "GET /api\\me HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      "GET /api/me HTTP/1.1\r\nHost: [bad\r\nConnection: close\r\n\r\n",
    ]) {
      const res = await raw(bytes);
      expect({ bytes, status: res.status }).toEqual({ bytes, status: 400 });
      expect(res.headers).toContain("content-type: application/problem+json");
      expect((JSON.parse(res.body) as Problem).status).toBe(400);
    }
  });
});

describe("server faults are still 5xx", () => {
  it("answers 503 when the store fails", async () => {
    const store = rt.deps.profiles.store;
    const original = store.get.bind(store);
    store.get = () => Promise.reject(new Error("disk I/O error"));
    try {
      const res = await rt.request("/api/profiles/any-id");
      const p = await problem(res, 503);
      expect(p.code).toBe("unavailable");
    } finally {
      store.get = original;
    }
  });
});
