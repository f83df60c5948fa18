// Styles for <care-you-said-we-did>: a calm list of changes that reflows to 320 px and respects forced colours.
import {css} from 'lit';

export const youSaidWeDidStyles = css`
  :host {
    display: block;
  }

  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }

  li {
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--care-you-said-accent, var(--_accent));
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }

  h3 {
    margin: 0 0 0.25rem;
    font-size: 1.1rem;
  }

  h3 + p {
    margin-block-start: 0;
  }

  p {
    white-space: pre-line;
  }

  blockquote {
    margin: 0.5rem 0;
    padding-inline-start: var(--_space);
    border-inline-start: 3px solid var(--_border);
    font-style: italic;
    white-space: pre-line;
  }

  .date {
    color: var(--_muted);
    font-size: 0.9rem;
    margin-block-end: 0;
  }

  .status {
    margin: 0;
  }

  .error {
    color: var(--_error);
    font-weight: bold;
  }

  @media (forced-colors: active) {
    li {
      border-inline-start-color: CanvasText;
    }
  }
`;
