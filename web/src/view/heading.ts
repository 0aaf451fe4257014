import { html, type TemplateResult } from "lit";

/** A heading whose level depends on where a view is shown (page: 1, form preview: 2, a card in a list: 3+). */
export function heading(level: number, content: unknown): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level)))) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}
