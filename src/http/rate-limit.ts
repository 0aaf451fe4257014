import type { Context } from "hono";
import { DomainError } from "../core/errors.js";
import type { AppEnv } from "./context.js";

export interface ClientLimit {
  /** Requests one client may make in a window. */
  perClient: number;
  /** Requests all clients together may make in a window: far above normal traffic, logged when hit. */
  overall?: number;
  windowSeconds: number;
}

/**
 * Limits on the entry points that anyone may call without an account. The AMM's normal traffic
 * is a few sign-ins an hour; the ceilings are there for floods from many addresses at once.
 */
export const CLIENT_LIMITS = {
  /** Every accepted request sends an e-mail: a ceiling protects the mail server's reputation. */
  login: { perClient: 20, overall: 1000, windowSeconds: 900 },
  /** Tokens are signed and cannot be guessed; a ceiling would only let a crowd block everyone's links. */
  token: { perClient: 60, windowSeconds: 900 },
} as const satisfies Record<string, ClientLimit>;
export type ClientLimitName = keyof typeof CLIENT_LIMITS;

const tooMany = (c: Context<AppEnv>, windowSeconds: number) => {
  c.header("retry-after", String(windowSeconds));
  return DomainError.of("rate_limited", "request.rate_limited");
};

async function hit(c: Context<AppEnv>, key: string, windowSeconds: number): Promise<number> {
  const deps = c.get("deps");
  return deps.curation.accounts.hit(key, windowSeconds, deps.curation.clock.now().getTime());
}

/** Fixed-window rate limit on a key (a user, an e-mail address); over the limit → 429 problem. */
export async function rateLimit(c: Context<AppEnv>, key: string, max: number, windowSeconds: number) {
  if ((await hit(c, key, windowSeconds)) > max) throw tooMany(c, windowSeconds);
}

/**
 * The key of a client address. An IPv6 client usually holds a whole /64, so it is counted as
 * its /64; anything else (IPv4, or no address at all for in-process requests) as itself.
 */
export function clientKey(address: string | undefined): string {
  if (!address) return "unknown";
  if (!address.includes(":")) return address;
  const [head = ""] = address.toLowerCase().split("%");
  const halves = head.split("::");
  if (halves.length > 2) return head;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves[1] ? halves[1].split(":") : [];
  const zeros =
    halves.length === 2 ? Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0") : [];
  const groups = [...left, ...zeros, ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Count a request against its client's limit, then against the ceiling for everyone. A client
 * over its own limit does not use up the shared ceiling, so one client alone cannot reach it.
 */
export async function limitClient(c: Context<AppEnv>, name: ClientLimitName): Promise<void> {
  const deps = c.get("deps");
  const limit: ClientLimit = { ...CLIENT_LIMITS[name], ...deps.clientLimits?.[name] };
  await rateLimit(c, `${name}:ip:${clientKey(deps.clientIp?.(c))}`, limit.perClient, limit.windowSeconds);
  if (limit.overall === undefined) return;
  const n = await hit(c, `${name}:all`, limit.windowSeconds);
  if (n === limit.overall + 1) {
    console.warn(
      `[rate-limit] ${name}: more than ${limit.overall} requests from all clients within ${limit.windowSeconds} s; refusing everyone until the window ends`,
    );
  }
  if (n > limit.overall) throw tooMany(c, limit.windowSeconds);
}
