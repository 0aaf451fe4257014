/**
 * Signed single-use tokens and hashes, with the Web Crypto API only, so that the same code
 * runs on Node and on Workers. A token is `nonce.signature`: the signature (HMAC-SHA-256 of
 * purpose and nonce under the server secret) makes forging impossible without the secret;
 * the nonce's row in the database makes it single-use and carries its expiry and subject.
 */
const enc = new TextEncoder();

function b64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function randomToken(bytes = 24): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return b64url(buf);
}

export async function sha256(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", enc.encode(value));
  return b64url(new Uint8Array(digest));
}

export class TokenSigner {
  private key: Promise<CryptoKey>;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error("The token secret must have at least 16 characters.");
    this.key = crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
  }

  private async signature(purpose: string, nonce: string): Promise<string> {
    const sig = await crypto.subtle.sign("HMAC", await this.key, enc.encode(`${purpose}:${nonce}`));
    return b64url(new Uint8Array(sig)).slice(0, 32);
  }

  async sign(purpose: string, nonce: string): Promise<string> {
    return `${nonce}.${await this.signature(purpose, nonce)}`;
  }

  /** The nonce if the token's signature is valid for this purpose, else null. */
  async verify(purpose: string, token: string): Promise<string | null> {
    const m = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32})$/.exec(token);
    if (!m) return null;
    const [, nonce, sig] = m as unknown as [string, string, string];
    const expected = await this.signature(purpose, nonce);
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ sig.charCodeAt(i);
    return diff === 0 ? nonce : null;
  }
}
