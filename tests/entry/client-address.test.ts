import { describe, expect, it } from "vitest";
import { clientAddressResolver, normalizeAddress } from "../../src/entry/client-address.js";
import { parseConfig } from "../../src/entry/config.js";
import { clientKey } from "../../src/http/rate-limit.js";

const resolverFor = (TRUST_PROXY?: string) => clientAddressResolver(parseConfig({ TRUST_PROXY }).TRUST_PROXY);

describe("TRUST_PROXY", () => {
  it("parses false, a number of hops, or proxy addresses, and refuses true", () => {
    expect(parseConfig({}).TRUST_PROXY).toEqual({ kind: "none" });
    expect(parseConfig({ TRUST_PROXY: "false" }).TRUST_PROXY).toEqual({ kind: "none" });
    expect(parseConfig({ TRUST_PROXY: "2" }).TRUST_PROXY).toEqual({ kind: "hops", hops: 2 });
    expect(parseConfig({ TRUST_PROXY: "127.0.0.1, ::1,10.0.0.0/8" }).TRUST_PROXY).toEqual({
      kind: "proxies",
      proxies: ["127.0.0.1", "::1", "10.0.0.0/8"],
    });
    expect(() => parseConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: .*true/);
    expect(() => parseConfig({ TRUST_PROXY: "nginx" })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ TRUST_PROXY: "99" })).toThrow(/TRUST_PROXY/);
  });
});

describe("the client address", () => {
  it("is the connection's address unless a proxy is trusted", () => {
    const resolve = resolverFor();
    expect(resolve("::ffff:192.0.2.1", "203.0.113.9")).toBe("192.0.2.1");
    expect(resolve("2001:db8::1", undefined)).toBe("2001:db8::1");
  });

  it("is read from the right of X-Forwarded-For, as far as trusted proxies go", () => {
    const proxies = resolverFor("127.0.0.1,10.0.0.0/8");
    expect(proxies("127.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
    // A client's own forged entries sit to the left of what the proxies wrote.
    expect(proxies("127.0.0.1", "198.51.100.66, 203.0.113.7, 10.1.2.3")).toBe("203.0.113.7");
    expect(proxies("192.0.2.5", "203.0.113.7")).toBe("192.0.2.5");
    expect(proxies("127.0.0.1", "garbage, 10.1.2.3")).toBe("10.1.2.3");
    expect(proxies("127.0.0.1", "[2001:db8::7]:443")).toBe("2001:db8::7");
    const oneHop = resolverFor("1");
    expect(oneHop("127.0.0.1", "198.51.100.66, 203.0.113.7")).toBe("203.0.113.7");
    expect(oneHop("127.0.0.1", undefined)).toBe("127.0.0.1");
    expect(resolverFor("3")("127.0.0.1", "203.0.113.7")).toBe("203.0.113.7");
  });

  it("normalises ports, brackets and IPv4-mapped addresses, and refuses non-addresses", () => {
    expect(normalizeAddress(" 192.0.2.1:8080 ")).toBe("192.0.2.1");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("unknown")).toBeNull();
  });

  it("counts an IPv6 client by its /64", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("192.0.2.1")).toBe("192.0.2.1");
    expect(clientKey(undefined)).toBe("unknown");
  });
});
