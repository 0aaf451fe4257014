import { css } from "lit";

export const appStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
  }
  .skip {
    position: absolute;
    left: 0.5rem;
    top: -4rem;
    z-index: 10;
    padding: 0.6rem 1rem;
    background: var(--bap-surface);
    color: var(--bap-primary);
    border: 2px solid var(--bap-primary);
    border-radius: var(--bap-radius);
    font-weight: 600;
  }
  .skip:focus {
    top: 0.5rem;
  }
  header {
    background: var(--bap-primary);
    color: var(--bap-primary-ink);
    border-bottom: 4px solid var(--bap-accent);
  }
  .bar {
    max-width: var(--bap-max);
    margin: 0 auto;
    padding: 0.6rem 1rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.5rem;
  }
  .brand {
    display: flex;
    flex-direction: column;
    color: inherit;
    text-decoration: none;
    margin-right: auto;
  }
  .brand strong {
    font-size: 1.15rem;
  }
  .brand span {
    font-size: 0.85rem;
    opacity: 0.95;
  }
  header a,
  header a:hover {
    color: var(--bap-primary-ink);
  }
  header :focus-visible {
    outline-color: var(--bap-accent);
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-block;
    padding: 0.4rem 0.1rem;
    text-decoration: none;
    font-weight: 600;
    border-bottom: 3px solid transparent;
  }
  nav a:hover {
    border-bottom-color: rgba(255, 255, 255, 0.6);
  }
  nav a[aria-current="page"] {
    border-bottom-color: var(--bap-accent);
  }
  .lang {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  .lang button {
    min-width: 2.75rem;
    min-height: 2.25rem;
    border: 2px solid rgba(255, 255, 255, 0.85);
    border-radius: 6px;
    background: transparent;
    color: var(--bap-primary-ink);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }
  .lang button[aria-pressed="true"] {
    background: var(--bap-primary-ink);
    color: var(--bap-primary);
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  .signout {
    background: none;
    border: none;
    padding: 0.25rem;
    color: var(--bap-primary-ink);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  main {
    flex: 1;
    width: 100%;
    max-width: var(--bap-max);
    margin: 0 auto;
    padding: 1.25rem 1rem 2.5rem;
  }
  main:focus {
    outline: none;
  }
  footer {
    background: #e9e7df;
    color: var(--bap-ink);
    font-size: 0.9rem;
  }
  footer div {
    max-width: var(--bap-max);
    margin: 0 auto;
    padding: 1rem;
  }
  footer p {
    margin: 0 0 0.35rem;
  }
  @media (max-width: 40rem) {
    .bar {
      padding: 0.5rem 0.75rem;
    }
    nav {
      order: 3;
      width: 100%;
    }
    nav ul {
      gap: 0 0.9rem;
    }
    nav a {
      font-size: 0.95rem;
      padding: 0.3rem 0;
    }
    .brand span {
      display: none;
    }
    main {
      padding: 1rem 0.75rem 2rem;
    }
  }
`;
