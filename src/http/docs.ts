import type { OpenAPIHono } from "@hono/zod-openapi";

/**
 * A script-free, human-readable page of the API, rendered from the OpenAPI document so
 * that it can never drift from the routes.
 */
export type DocsSpec = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);

export function renderDocs(spec: DocsSpec): string {
  const rows = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      return [
        `<tr><td><code>${esc(method.toUpperCase())}</code></td><td><code>${esc(path)}</code></td><td>${esc(op.summary ?? "")}${op.description ? `<br><small>${esc(op.description)}</small>` : ""}</td></tr>`,
      ];
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(spec.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td{border-top:1px solid #ccc;padding:.4rem;vertical-align:top}code{background:#f1f1f1;padding:0 .2rem}</style>
</head><body><h1>${esc(spec.info.title)} <small>${esc(spec.info.version)}</small></h1>
<p>${esc(spec.info.description ?? "")}</p><p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}
