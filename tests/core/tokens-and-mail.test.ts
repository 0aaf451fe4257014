import { describe, expect, it } from "vitest";
import { render } from "../../src/core/mail/layout.js";
import { messages } from "../../src/core/mail/messages.js";
import { randomToken, TokenSigner } from "../../src/core/security/tokens.js";

describe("signed tokens", () => {
  const signer = new TokenSigner("a-secret-of-at-least-16-chars");

  it("verifies its own tokens for the same purpose only", async () => {
    const nonce = randomToken(18);
    const token = await signer.sign("intro_accept", nonce);
    expect(await signer.verify("intro_accept", token)).toBe(nonce);
    expect(await signer.verify("intro_decline", token)).toBeNull();
  });

  it("rejects a tampered token and one signed with another secret", async () => {
    const nonce = randomToken(18);
    const token = await signer.sign("login", nonce);
    const tampered = `${randomToken(18)}${token.slice(token.indexOf("."))}`;
    expect(await signer.verify("login", tampered)).toBeNull();
    const other = await new TokenSigner("another-secret-16-chars").sign("login", nonce);
    expect(await signer.verify("login", other)).toBeNull();
    expect(await signer.verify("login", "garbage")).toBeNull();
  });

  it("refuses a short secret", () => {
    expect(() => new TokenSigner("short")).toThrow(/16/);
  });
});

describe("e-mail rendering", () => {
  it("escapes user text in HTML and loads nothing remote", () => {
    const m = messages.returned(
      "fr",
      "Kayes <script>",
      "Précisez <b>vos</b> priorités & actions",
      "https://x.example/e",
      "https://x.example/u",
    );
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("Précisez &lt;b&gt;vos&lt;/b&gt; priorités &amp; actions");
    expect(m.html).not.toMatch(/<img|<link|@import|url\(/);
    expect(m.text).toContain("> Précisez <b>vos</b> priorités & actions");
  });

  it("puts the unsubscribe link in both versions and speaks the recipient's language", () => {
    const fr = render("fr", "Objet", [{ p: "Bonjour" }], "https://x.example/t/unsubscribe/abc");
    const en = messages.login(
      "en",
      "https://x.example/t/login/tok",
      20,
      "https://x.example/t/unsubscribe/abc",
    );
    expect(fr.text).toContain("Ne plus recevoir ces e-mails : https://x.example/t/unsubscribe/abc");
    expect(fr.html).toContain('href="https://x.example/t/unsubscribe/abc"');
    expect(en.subject).toBe("Your sign-in link — Bourse aux partenaires");
    expect(en.text).toContain("valid 20 minutes");
  });
});
