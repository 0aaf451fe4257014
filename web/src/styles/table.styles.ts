import { css } from "lit";

/**
 * Data tables (the planche's priorities, the outbox, chart data); `table.stack` becomes one
 * block per row on a phone, each cell led by its column's name (ARIA roles on the elements keep
 * it a table for assistive technology once the display changes).
 */
export const tableStyles = css`
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
    padding: 0.55rem 0.7rem;
    border-bottom: 1px solid var(--bap-border);
    overflow-wrap: break-word;
  }
  thead th {
    background: var(--bap-primary-soft);
    color: var(--bap-chip-ink);
    font-size: 0.92rem;
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tbody th {
    font-weight: 700;
  }
  @media (max-width: 40rem) {
    table.stack,
    table.stack tbody,
    table.stack tr,
    table.stack td,
    table.stack tbody th {
      display: block;
      width: 100%;
    }
    table.stack thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table.stack {
      border: none;
      background: none;
    }
    table.stack caption {
      display: block;
    }
    table.stack tr {
      background: var(--bap-surface);
      border: 1px solid var(--bap-border);
      border-radius: var(--bap-radius);
      margin-bottom: 0.6rem;
      padding: 0.25rem 0;
    }
    table.stack td,
    table.stack tbody th {
      border: none;
      padding: 0.2rem 0.75rem;
      text-align: left;
    }
    table.stack td[data-label]::before,
    table.stack tbody th[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.85rem;
      font-weight: 600;
      color: var(--bap-muted);
    }
  }
`;
