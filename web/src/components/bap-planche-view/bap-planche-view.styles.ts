import { css } from "lit";

/** Shared by the planche and partner views. */
export const profileViewStyles = css`
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
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--bap-surface);
    border: 1px solid var(--bap-border);
    border-radius: var(--bap-radius);
  }
  caption {
    text-align: left;
    color: var(--bap-muted);
    padding: 0 0 0.5rem;
    font-size: 0.95rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.6rem 0.75rem;
    border-bottom: 1px solid var(--bap-border);
  }
  thead th {
    background: var(--bap-primary-soft);
    color: var(--bap-chip-ink);
    font-size: 0.92rem;
  }
  td.rank,
  th.rank {
    width: 3.5rem;
    font-variant-numeric: tabular-nums;
  }
  tbody th {
    font-weight: 700;
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
    /* The priorities table becomes one block per priority; ARIA roles keep it a table. */
    table,
    tbody,
    tr,
    td,
    tbody th {
      display: block;
      width: 100%;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table {
      border: none;
      background: none;
    }
    tr {
      background: var(--bap-surface);
      border: 1px solid var(--bap-border);
      border-radius: var(--bap-radius);
      margin-bottom: 0.6rem;
      padding: 0.25rem 0;
    }
    td,
    tbody th {
      border: none;
      padding: 0.25rem 0.75rem;
    }
    caption {
      display: block;
      width: 100%;
    }
    td.rank {
      width: 100%;
      color: var(--bap-muted);
      font-size: 0.9rem;
    }
    td.rank[data-label]::before {
      display: inline;
      content: attr(data-label) " ";
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--bap-muted);
    }
  }
`;
