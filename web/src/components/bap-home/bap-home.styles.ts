import { css } from "lit";

export const homeStyles = css`
  .hero {
    padding: 0.5rem 0 1rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: flex-end;
    max-width: 40rem;
    margin: 1rem 0 1.5rem;
  }
  form .field {
    flex: 1 1 16rem;
    margin: 0;
  }
  .paths {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr));
  }
  .paths .card {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .paths .actions {
    margin-top: auto;
  }
  .context {
    margin-top: 1.5rem;
    max-width: 48rem;
  }
`;
