import { css } from "lit";

export const autocompleteStyles = css`
  .wrap {
    position: relative;
  }
  ul[role="listbox"] {
    position: absolute;
    z-index: 5;
    left: 0;
    right: 0;
    top: calc(100% + 2px);
    max-height: 18rem;
    overflow-y: auto;
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    background: var(--bap-surface);
    border: 1px solid var(--bap-field-border);
    border-radius: 6px;
    box-shadow: 0 6px 18px rgba(0, 0, 0, 0.15);
  }
  li[role="option"] {
    padding: 0.5rem 0.75rem;
    cursor: pointer;
    min-height: 2.75rem;
  }
  li[role="option"] small {
    display: block;
    color: var(--bap-muted);
  }
  li[role="option"][aria-selected="true"],
  li[role="option"]:hover {
    background: var(--bap-primary-soft);
    outline: 2px solid var(--bap-primary);
    outline-offset: -2px;
  }
  .message {
    margin: 0.25rem 0 0;
    color: var(--bap-muted);
    font-size: 0.92rem;
  }
`;
