import { css } from "lit";

/** Lists of cards, badges, definition lists, notices and tables of the signed-in and staff pages. */
export const consoleStyles = css`
  ul.cards,
  ol.cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 1rem;
  }
  .card > header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
    justify-content: space-between;
    margin-bottom: 0.5rem;
  }
  .card > header h3,
  .card > header h4 {
    margin: 0;
  }
  .kind {
    margin: 0;
    font-size: 0.85rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--bap-primary);
  }
  .badge {
    display: inline-block;
    padding: 0.1rem 0.6rem;
    border-radius: 0.9rem;
    border: 1px solid currentColor;
    font-size: 0.9rem;
    font-weight: 600;
    line-height: 1.5;
    margin: 0;
    background: var(--bap-surface);
  }
  .badge.draft {
    color: #5b4600;
  }
  .badge.pending_review,
  .badge.proposed {
    color: #7a3e00;
  }
  .badge.published,
  .badge.accepted,
  .badge.sent {
    color: var(--bap-primary);
  }
  .badge.archived,
  .badge.declined,
  .badge.expired,
  .badge.abandoned,
  .badge.failed {
    color: var(--bap-error);
  }
  .meta {
    color: var(--bap-muted);
    margin: 0 0 0.5rem;
  }
  dl.facts {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 0.75rem;
  }
  dl.facts dt {
    font-weight: 600;
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  details {
    border-top: 1px solid var(--bap-border);
    margin-top: 0.75rem;
    padding-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--bap-primary);
    min-height: 2.25rem;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* A chevron drawn with borders: no character for screen readers to read out. */
  summary::before {
    content: "";
    flex: none;
    width: 0.5rem;
    height: 0.5rem;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(45deg);
  }
  summary:hover {
    color: var(--bap-primary-hover);
  }
  .notice {
    position: sticky;
    top: 0.5rem;
    z-index: 2;
  }
  .notice > p {
    margin: 0 0 1rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-end;
    justify-content: space-between;
    margin: 0 0 1rem;
  }
  .toolbar .field {
    margin: 0;
    min-width: min(100%, 16rem);
  }
  .inline-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: 0.75rem;
  }
  ul.why {
    margin: 0 0 0.5rem;
    padding-left: 1.2rem;
  }
  .quote {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--bap-border);
    background: var(--bap-bg);
    white-space: pre-line;
  }
  @media (max-width: 30rem) {
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0 0;
    }
    dl.facts dd {
      margin-bottom: 0.4rem;
    }
  }
`;
