import { escapeHtml } from "../core/mail/layout.js";

/** Small script-free pages for e-mail links: a confirmation form, then the outcome. */
export function tokenPage(
  lang: "fr" | "en",
  p: { title: string; text: string; button?: string; action?: string },
): string {
  const form = p.button
    ? `<form method="post" action="${escapeHtml(p.action ?? "")}"><button type="submit">${escapeHtml(p.button)}</button></form>`
    : `<p><a href="/">${lang === "fr" ? "Aller à la Bourse aux partenaires" : "Go to the Bourse aux partenaires"}</a></p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(p.title)}</title>
<style>body{font:17px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}button{font:inherit;padding:.7rem 1.4rem;background:#0b5d3b;color:#fff;border:0;border-radius:4px;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid #b35c00;outline-offset:2px}</style>
</head><body><main><h1>${escapeHtml(p.title)}</h1><p>${escapeHtml(p.text)}</p>${form}</main></body></html>`;
}
