import { css } from "lit";

export const searchStyles = css`
  .searchbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
    margin: 1rem 0;
  }
  .searchbar .field {
    flex: 1 1 18rem;
    margin: 0;
  }
  .layout {
    display: grid;
    gap: 1.25rem;
  }
  .filters-toggle {
    justify-self: start;
    align-self: start;
  }
  .filters {
    align-self: start;
  }
  .filters h2 {
    font-size: 1.15rem;
  }
  .filters fieldset {
    background: var(--bap-surface);
  }
  .count {
    margin-left: auto;
    color: var(--bap-muted);
    font-variant-numeric: tabular-nums;
  }
  .choice {
    justify-content: flex-start;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 0.75rem;
  }
  .toolbar .status {
    margin: 0;
    font-weight: 600;
  }
  .sort {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .sort select {
    width: auto;
  }
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
  }
  .results[aria-busy="true"] {
    opacity: 0.6;
  }
  @media (max-width: 59.99rem) {
    .filters[data-open="false"] {
      display: none;
    }
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: 17rem 1fr;
    }
    button.filters-toggle {
      display: none;
    }
  }
`;
