import { css } from "lit";

export const resultCardStyles = css`
  article {
    display: grid;
    gap: 0.4rem;
    height: 100%;
  }
  h3 {
    margin: 0;
    font-size: 1.15rem;
  }
  h3 a {
    text-decoration: none;
  }
  h3 a:hover {
    text-decoration: underline;
  }
  .meta {
    margin: 0;
    color: var(--bap-muted);
    font-size: 0.95rem;
  }
  .excerpt {
    margin: 0.25rem 0 0;
    font-size: 0.95rem;
  }
  .more {
    margin-top: auto;
    padding-top: 0.25rem;
    font-weight: 600;
  }
`;
