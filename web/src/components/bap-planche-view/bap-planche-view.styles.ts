import { css } from "lit";
import { tableStyles } from "../../styles/table.styles.js";

/** Shared by the planche and partner views (after the shared table styles). */
const viewStyles = css`
  .head {
    margin-bottom: 1rem;
  }
  .kind {
    display: inline-block;
    margin: 0 0 0.25rem;
    font-size: 0.85rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--bap-primary);
  }
  .meta {
    color: var(--bap-muted);
    margin: 0;
  }
  .badge {
    display: inline-block;
    margin-left: 0.5rem;
    padding: 0.05rem 0.5rem;
    border-radius: 4px;
    background: var(--bap-note-bg);
    color: var(--bap-note-ink);
    font-size: 0.85rem;
    font-weight: 600;
    vertical-align: middle;
  }
  section {
    margin: 0 0 1.25rem;
  }
  .grid {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
  }
  dl {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.4rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  ul.plain {
    margin: 0;
    padding-left: 1.2rem;
  }
  .text {
    white-space: pre-line;
    max-width: 52rem;
  }
  td.rank,
  th.rank {
    width: 3.5rem;
    font-variant-numeric: tabular-nums;
  }
  .private {
    margin-top: 1rem;
  }
  @media (max-width: 40rem) {
    dl {
      grid-template-columns: 1fr;
      gap: 0.1rem;
    }
    dd {
      margin-bottom: 0.5rem;
    }
    td.rank {
      width: 100%;
      color: var(--bap-muted);
      font-size: 0.9rem;
    }
    table.stack td.rank[data-label]::before {
      display: inline;
      content: attr(data-label) " ";
    }
  }
`;

export const profileViewStyles = [tableStyles, viewStyles];
