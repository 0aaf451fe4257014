import type { MailContent } from "../schemas/mail.js";

export type Lang = "fr" | "en";

export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** A block of an e-mail: a paragraph, a list, a row of link buttons, or a quoted note. */
export type Block =
  | { p: string }
  | { list: string[] }
  | { links: { label: string; url: string }[] }
  | { quote: string }
  | { heading: string };

const FOOTER: Record<Lang, (unsubscribe: string) => string> = {
  fr: (u) =>
    `Bourse aux partenaires — Association des Municipalités du Mali.\nNe plus recevoir ces e-mails : ${u}`,
  en: (u) => `Bourse aux partenaires — Association of Municipalities of Mali.\nStop these e-mails: ${u}`,
};

/**
 * Text and HTML versions of one message from the same blocks. Inline styles only, no
 * remote image, font or tracker: it must read well on a phone on a slow connection.
 */
export function render(lang: Lang, subject: string, blocks: Block[], unsubscribeUrl: string): MailContent {
  const text = [
    ...blocks.map((b) => {
      if ("p" in b) return b.p;
      if ("heading" in b) return b.heading.toUpperCase();
      if ("quote" in b)
        return b.quote
          .split("\n")
          .map((l) => `> ${l}`)
          .join("\n");
      if ("list" in b) return b.list.map((l) => `- ${l}`).join("\n");
      return b.links.map((l) => `${l.label} : ${l.url}`).join("\n");
    }),
    "--",
    FOOTER[lang](unsubscribeUrl),
  ].join("\n\n");

  const htmlBlocks = blocks.map((b) => {
    if ("p" in b) return `<p style="margin:0 0 14px">${escapeHtml(b.p).replaceAll("\n", "<br>")}</p>`;
    if ("heading" in b) return `<h2 style="font-size:17px;margin:20px 0 8px">${escapeHtml(b.heading)}</h2>`;
    if ("quote" in b)
      return `<blockquote style="margin:0 0 14px;padding:8px 12px;border-left:4px solid #b35c00;background:#fff7ee">${escapeHtml(b.quote).replaceAll("\n", "<br>")}</blockquote>`;
    if ("list" in b)
      return `<ul style="margin:0 0 14px;padding-left:20px">${b.list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`;
    return `<p style="margin:0 0 14px">${b.links
      .map(
        (l) =>
          `<a href="${escapeHtml(l.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;background:#0b5d3b;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold">${escapeHtml(l.label)}</a>`,
      )
      .join("")}</p>`;
  });
  const footer = escapeHtml(FOOTER[lang](unsubscribeUrl))
    .replace(
      escapeHtml(unsubscribeUrl),
      `<a href="${escapeHtml(unsubscribeUrl)}" style="color:#444">${escapeHtml(unsubscribeUrl)}</a>`,
    )
    .replaceAll("\n", "<br>");
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head><body style="margin:0;padding:16px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a"><div style="max-width:600px;margin:0 auto;background:#ffffff;padding:20px;border-radius:6px">${htmlBlocks.join("")}<hr style="border:0;border-top:1px solid #ddd;margin:20px 0"><p style="font-size:12px;color:#444;margin:0">${footer}</p></div></body></html>`;
  return { subject, text, html };
}
