// Styles for <care-jargon>: an inline word that looks like the text around it, and its popup.
import {css} from 'lit';
import {linkFocus} from '../shared/styles.js';

export const jargonStyles = css`
  /* The word belongs to the sentence around it: same font, size, colour and line height. */
  :host {
    display: inline;
    font: inherit;
    color: inherit;
    line-height: inherit;
    overflow-wrap: inherit;
  }

  button {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    background: none;
    border: 0;
    border-radius: 2px;
    margin: 0;
    padding: 0;
    text-align: inherit;
    cursor: help;
    /* The affordance is the dotted line's shape, not only its colour (WCAG 1.4.1). */
    text-decoration-line: underline;
    text-decoration-style: dotted;
    text-decoration-thickness: max(2px, 0.1em);
    text-decoration-color: var(--care-jargon-underline, currentColor);
    text-underline-offset: 0.22em;
  }

  button:hover,
  button[aria-expanded='true'] {
    text-decoration-style: solid;
    background: var(--care-jargon-highlight, var(--_subtle));
  }

  .popup {
    position: fixed;
    inset: auto;
    top: 0;
    left: 0;
    margin: 0;
    z-index: 2147483000;
    display: block;
    box-sizing: border-box;
    width: max-content;
    max-width: min(var(--care-jargon-popup-width, 22rem), var(--_room-inline, calc(100vw - 16px)));
    max-height: var(--_room-block, calc(100vh - 16px));
    overflow: auto;
    padding: 0.75rem 1rem;
    font-family: var(--_font);
    font-size: var(--care-font-size, 1rem);
    font-weight: normal;
    font-style: normal;
    line-height: 1.5;
    text-align: start;
    white-space: normal;
    overflow-wrap: anywhere;
    color: var(--_text);
    background: var(--care-jargon-popup-background, var(--_surface));
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.28);
  }

  /* Before it is shown (and where popover is not supported and it is hidden) it takes no room. */
  .popup[popover]:not(:popover-open) {
    display: none;
  }

  .heading {
    display: block;
    font-weight: bold;
  }

  .definition {
    display: block;
  }

  a {
    display: inline-block;
    margin-block-start: 0.5rem;
    padding-block: 0.25rem;
    color: var(--care-link-color, var(--_accent));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  ${linkFocus}

  @media (forced-colors: active) {
    button {
      text-decoration-color: CanvasText;
    }
    /* Forced colours repaint backgrounds but not text, so an open word is shown by a solid line alone. */
    button:hover,
    button[aria-expanded='true'] {
      background: none;
      color: inherit;
      text-decoration-style: solid;
    }
    .popup {
      border-color: CanvasText;
      box-shadow: none;
    }
  }

  @media print {
    button {
      text-decoration: none;
    }
    .popup {
      display: none !important;
    }
  }
`;
