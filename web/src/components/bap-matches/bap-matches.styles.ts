import { css } from "lit";

export const matchesStyles = css`
  .back {
    margin: 0 0 0.75rem;
  }
`;
