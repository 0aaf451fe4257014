import { css } from "lit";

/** Typography, links, buttons, focus and helpers shared by every shadow root. */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--bap-font);
    color: var(--bap-ink);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2.1rem);
  }
  h2 {
    font-size: 1.3rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--bap-primary);
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--bap-primary-hover);
  }
  :focus-visible {
    outline: 3px solid var(--bap-focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .lead {
    font-size: 1.05rem;
    color: var(--bap-muted);
    max-width: 48rem;
  }
  .muted {
    color: var(--bap-muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .button,
  button.button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--bap-primary);
    border-radius: var(--bap-radius);
    background: var(--bap-primary);
    color: var(--bap-primary-ink);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  .button:hover {
    background: var(--bap-primary-hover);
    border-color: var(--bap-primary-hover);
    color: var(--bap-primary-ink);
  }
  .button.secondary {
    background: var(--bap-surface);
    color: var(--bap-primary);
  }
  .button.secondary:hover {
    background: var(--bap-primary-soft);
    color: var(--bap-primary-hover);
  }
  .button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.7rem;
    font-size: 0.95rem;
  }
  .button[disabled],
  .button[aria-disabled="true"] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .link-button {
    background: none;
    border: none;
    padding: 0.25rem 0;
    font: inherit;
    color: var(--bap-primary);
    text-decoration: underline;
    cursor: pointer;
  }
  .card {
    background: var(--bap-surface);
    border: 1px solid var(--bap-border);
    border-radius: var(--bap-radius);
    padding: 1rem;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    display: inline-block;
    padding: 0.15rem 0.6rem;
    border-radius: 999px;
    background: var(--bap-chip-bg);
    color: var(--bap-chip-ink);
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .note {
    background: var(--bap-note-bg);
    color: var(--bap-note-ink);
    border-left: 4px solid #b58900;
    padding: 0.75rem 1rem;
    border-radius: 4px;
  }
  .alert {
    background: var(--bap-error-bg);
    color: var(--bap-error);
    border-left: 4px solid var(--bap-error);
    padding: 0.75rem 1rem;
    border-radius: 4px;
  }
  .success {
    background: var(--bap-success-bg);
    border-left: 4px solid var(--bap-primary);
    padding: 1rem;
    border-radius: 4px;
  }
  .status {
    min-height: 1.5rem;
  }
`;

/** Labels, inputs, hints and errors of the guided forms. */
export const formStyles = css`
  .field {
    display: grid;
    align-content: start;
    gap: 0.3rem;
    margin: 0 0 1rem;
  }
  label,
  legend {
    font-weight: 600;
  }
  .req {
    font-weight: 400;
    color: var(--bap-muted);
    font-size: 0.9rem;
  }
  .hint {
    color: var(--bap-muted);
    font-size: 0.92rem;
    margin: 0;
  }
  input[type="text"],
  input[type="search"],
  input[type="email"],
  input[type="tel"],
  input[type="number"],
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.65rem;
    border: 1px solid var(--bap-field-border);
    border-radius: 6px;
    background: var(--bap-surface);
    color: var(--bap-ink);
    font: inherit;
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  input[aria-invalid="true"],
  select[aria-invalid="true"],
  textarea[aria-invalid="true"] {
    border: 2px solid var(--bap-error);
  }
  .error {
    color: var(--bap-error);
    font-weight: 600;
    margin: 0;
    font-size: 0.95rem;
  }
  fieldset {
    border: 1px solid var(--bap-border);
    border-radius: var(--bap-radius);
    padding: 0.75rem 1rem 1rem;
    margin: 0 0 1rem;
    min-width: 0;
  }
  fieldset.plain {
    border: none;
    padding: 0;
  }
  legend {
    padding: 0 0.25rem;
  }
  .choices {
    display: grid;
    gap: 0.35rem;
    margin-top: 0.35rem;
  }
  .choices.columns {
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
    min-height: 2rem;
  }
  .choice input {
    width: 1.2rem;
    height: 1.2rem;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--bap-primary);
  }
  .choice small {
    display: block;
    color: var(--bap-muted);
  }
  .row {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-top: 1rem;
  }
`;
