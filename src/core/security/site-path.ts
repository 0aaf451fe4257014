/**
 * Where a sign-in link may land: a path of this site, nothing else. Browsers drop tabs and
 * newlines from a URL and read "\" as "/", so "/\t/evil.example" leaves the site once
 * followed; whitespace, control and invisible formatting characters are therefore refused
 * outright, and what remains is resolved against the public base URL and must keep its origin.
 */
const UNSAFE_CHARACTER = /[\s\p{Cc}\p{Cf}]/u;

/** The shape of a site path, checked without knowing the site: "/", then no unsafe character. */
export function isSitePathSyntax(value: string): boolean {
  return value.startsWith("/") && !UNSAFE_CHARACTER.test(value);
}

/**
 * The normalised path, query and fragment of `value` if it stays on the origin of `baseUrl`,
 * else null. Never throws, whatever `value` is (a stored token may hold anything).
 */
export function sameOriginPath(value: unknown, baseUrl: string): string | null {
  if (typeof value !== "string" || !isSitePathSyntax(value)) return null;
  try {
    const base = new URL(baseUrl);
    const url = new URL(value, base);
    return url.origin === base.origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
