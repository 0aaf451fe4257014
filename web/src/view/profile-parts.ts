import { html, nothing, type TemplateResult } from "lit";
import { getLang, t } from "../i18n/index.js";
import { formatDate } from "../lib/format.js";
import type { ProfileStatus } from "../lib/types.js";
import type { PlaceFields } from "./labels.js";
import { heading } from "./heading.js";
import { placeLine, populationText, statusLabel } from "./labels.js";

/** What the head of a profile view reads: who, where, how big, its status unless published. */
export interface ProfileHeadModel {
  collectivite: PlaceFields & { name: string; population?: number };
  status?: ProfileStatus;
  updatedAt?: string;
}

/** Kind, name (with a status badge unless published), place and population, last update. */
export function profileHead(kind: string, p: ProfileHeadModel, level: number): TemplateResult {
  const c = p.collectivite;
  const pop = populationText(c.population, "view.population");
  return html`<header class="head">
    <p class="kind">${kind}</p>
    ${heading(
      level,
      html`${c.name || t("view.none")}${
        p.status && p.status !== "published"
          ? html`<span class="badge">${statusLabel(p.status)}</span>`
          : nothing
      }`,
    )}
    <p class="meta">${placeLine(c)}${pop ? html` · ${pop}` : nothing}</p>
    ${p.updatedAt ? html`<p class="meta">${t("view.updated", { date: formatDate(p.updatedAt, getLang()) })}</p>` : nothing}
  </header>`;
}

/** A titled paragraph, left out when the text is empty. */
export function textSection(level: number, title: string, text: string | undefined) {
  return text ? html`<section>${heading(level, title)}<p class="text">${text}</p></section>` : nothing;
}

/** A titled plain list, or a muted line when it is empty. */
export function listSection(level: number, title: string, items: readonly unknown[], empty: string) {
  return html`<section>
    ${heading(level, title)}
    ${
      items.length > 0
        ? html`<ul class="plain">${items.map((x) => html`<li>${x}</li>`)}</ul>`
        : html`<p class="muted">${empty}</p>`
    }
  </section>`;
}

/** Sector chips, or a muted "not given". */
export function sectorChips(codes: readonly string[], label: (code: string) => string) {
  return codes.length > 0
    ? html`<ul class="chips">${codes.map((c) => html`<li class="chip">${label(c)}</li>`)}</ul>`
    : html`<p class="muted">${t("view.none")}</p>`;
}

/** A definition list of label → value rows. */
export const definitions = (rows: readonly [string, unknown][]) =>
  rows.length > 0 ? html`<dl>${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>` : nothing;
