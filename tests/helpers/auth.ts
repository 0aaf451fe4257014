import { addStaff } from "../../src/core/services/auth.js";
import type { TestRuntime } from "./runtime.js";

export interface Signed {
  email: string;
  cookie: string;
  csrf: string;
  /** Headers for a state-changing JSON request as this user. */
  headers: Record<string, string>;
}

/** The link of the newest e-mail of `kind` to `email`, read from the outbox table. */
export async function lastLink(
  rt: TestRuntime,
  email: string,
  kind: string,
  purpose: string,
): Promise<string> {
  const page = await rt.deps.curation.outbox.list({ limit: 200, offset: 0 });
  const msg = page.items.find((m) => m.kind === kind && m.to.includes(email));
  if (!msg) throw new Error(`no ${kind} e-mail to ${email}`);
  const m = new RegExp(`/t/${purpose}/([A-Za-z0-9_.-]+)`).exec(msg.text);
  if (!m?.[1]) throw new Error(`no ${purpose} link in the ${kind} e-mail`);
  return m[1];
}

/** Sign in through the real magic-link flow (login request → e-mail → token → cookie). */
export async function signIn(
  rt: TestRuntime,
  email: string,
  role: "contact" | "staff" = "contact",
): Promise<Signed> {
  if (role === "staff") await addStaff(rt.deps.curation, email);
  const res = await rt.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email }),
  });
  if (res.status !== 202) throw new Error(`login request: ${res.status} ${await res.text()}`);
  const token = await lastLink(rt, email, "login", "login");
  const done = await rt.request(`/api/tokens/login/${token}`, { method: "POST" });
  const setCookie = done.headers.get("set-cookie") ?? "";
  const cookie = /bap_session=[^;]+/.exec(setCookie)?.[0];
  if (!cookie) throw new Error(`no session cookie: ${done.status}`);
  const me = (await (await rt.request("/api/me", { headers: { cookie } })).json()) as { csrfToken: string };
  return {
    email,
    cookie,
    csrf: me.csrfToken,
    headers: { cookie, "x-csrf-token": me.csrfToken, "content-type": "application/json" },
  };
}

export const as = (
  s: Signed,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: { ...s.headers, ...headers },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
