import { css } from "lit";

export const matchesStyles = css`
  .back {
    margin: 0 0 0.75rem;
  }
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
  .match h2 {
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
  .meta {
    margin: 0;
    color: var(--bap-muted);
  }
  .body {
    display: grid;
    gap: 1rem;
  }
  h3 {
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
