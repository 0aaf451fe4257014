import { css, html, nothing } from "lit";
import { getLang, t } from "../i18n/index.js";
import { formatPercent } from "../lib/format.js";
import { profilePath } from "../lib/routes.js";
import type { MatchView } from "../lib/types.js";
import { heading } from "./heading.js";
import { placeLine, populationText } from "./labels.js";

/**
 * One ranked candidate: rank, name, score, the factor bars and the sentences saying why.
 * Shared by the matches page (level 2) and "Mon espace" (deeper in the page).
 */
export function matchCard(m: MatchView, index: number, opts: { idPrefix: string; level: number }) {
  const p = m.profile;
  const c = p.collectivite;
  const pop = populationText(c.population, "view.population");
  const id = `${opts.idPrefix}-${index}`;
  const reasons = m.reasons.length > 0 ? m.reasons : m.explanation.map((text) => ({ factor: "", text }));
  return html`<article class="card match" aria-labelledby=${id}>
    <header>
      ${heading(
        opts.level,
        html`<span id=${id}>
          <span class="rank">${t("matches.rank", { rank: m.rank ?? index + 1 })}</span>
          <a href=${profilePath(p.side, p.id)}>${c.name}</a>
        </span>`,
      )}
      <p class="score">
        <span>${t("matches.score")}</span>
        <strong>${formatPercent(m.score, getLang())}</strong>
      </p>
    </header>
    <p class="meta">${placeLine(c)}${pop ? html` · ${pop}` : nothing}</p>
    <div class="body">
      <bap-factor-bars .factors=${m.factors} label=${t("matches.factors", { name: c.name })}></bap-factor-bars>
      <div>
        ${heading(opts.level + 1, t("matches.why"))}
        <ul class="why">
          ${reasons.map((r) => html`<li class=${r.factor === "context" ? "context note" : ""}>${r.text}</li>`)}
        </ul>
      </div>
    </div>
  </article>`;
}

export const matchCardStyles = css`
  ol.matches {
    list-style: none;
    margin: 1rem 0 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  .match {
    display: grid;
    gap: 0.75rem;
  }
  .match header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: baseline;
    justify-content: space-between;
  }
  .match header > :first-child {
    margin: 0;
    font-size: 1.2rem;
  }
  .rank {
    color: var(--bap-muted);
    font-weight: 600;
    margin-right: 0.35rem;
  }
  .score {
    display: flex;
    align-items: baseline;
    gap: 0.4rem;
    margin: 0;
  }
  .score strong {
    font-size: 1.5rem;
    color: var(--bap-primary);
    font-variant-numeric: tabular-nums;
  }
  .match .meta {
    margin: 0;
    color: var(--bap-muted);
  }
  .body {
    display: grid;
    gap: 1rem;
  }
  .body h3,
  .body h4,
  .body h5 {
    font-size: 1rem;
    margin: 0 0 0.35rem;
  }
  ul.why {
    margin: 0;
    padding-left: 1.2rem;
  }
  ul.why li {
    margin-bottom: 0.25rem;
  }
  ul.why li.context {
    list-style: none;
    margin-left: -1.2rem;
    margin-top: 0.5rem;
  }
  @media (min-width: 50rem) {
    .body {
      grid-template-columns: minmax(18rem, 2fr) 3fr;
    }
  }
`;
