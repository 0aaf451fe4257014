import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import type { TrustProxy } from "./config.js";

/** "[2001:db8::1]:443" → "2001:db8::1", "192.0.2.1:80" → "192.0.2.1", "::ffff:192.0.2.1" → "192.0.2.1". */
export function normalizeAddress(raw: string): string | null {
  let a = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : null;
}

function proxyList(proxies: string[]): BlockList {
  const list = new BlockList();
  for (const p of proxies) {
    const [address = "", prefix] = p.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  return list;
}

/**
 * Reads the client's address from the connection's address and the X-Forwarded-For it
 * carried, believing only what trusted proxies wrote: each proxy appends the address it saw,
 * so the chain is read from the right. An entry that is not an address stops the walk at the
 * proxy that wrote it.
 */
export function clientAddressResolver(
  trust: TrustProxy,
): (peer: string, forwardedFor: string | undefined) => string {
  const proxies = trust.kind === "proxies" ? proxyList(trust.proxies) : null;
  const trusted = (a: string | null | undefined) =>
    Boolean(a && proxies?.check(a, isIP(a) === 6 ? "ipv6" : "ipv4"));
  return (peer, forwardedFor) => {
    const connection = normalizeAddress(peer) ?? peer;
    if (trust.kind === "none" || !forwardedFor) return connection;
    const chain = [...forwardedFor.split(",").map(normalizeAddress), connection];
    let i = chain.length - 1;
    if (trust.kind === "hops") i = Math.max(0, i - trust.hops);
    else while (i > 0 && trusted(chain[i])) i--;
    while (chain[i] === null) i++;
    return chain[i] ?? connection;
  };
}

/**
 * The client address dependency for the Node entry: the TCP peer from Hono's connection info,
 * or what a trusted proxy forwarded. Requests made in-process (app.request) have no connection
 * and no address.
 */
export function nodeClientIp(trust: TrustProxy): (c: Context) => string | undefined {
  const resolve = clientAddressResolver(trust);
  return (c) => {
    if (!c.env?.incoming?.socket) return undefined;
    const peer = getConnInfo(c).remote.address;
    return peer ? resolve(peer, c.req.header("x-forwarded-for")) : undefined;
  };
}
