// Styles for <care-feedback-launcher>: a corner button that shrinks on narrow screens, and a dialog that fills small ones.
import {css} from 'lit';
import {clipHidden, targetBox} from '../shared/styles.js';

export const launcherStyles = css`
  :host {
    display: inline-block;
    --_offset: var(--care-launcher-offset, 1rem);
  }

  /* Hidden removes the button, not the dialog: a picker on the page can still open it. */
  :host([hidden]) {
    display: contents !important;
  }

  :host([hidden]) .launcher {
    display: none;
  }

  .launcher {
    ${targetBox}
    gap: 0.5rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--_accent-text);
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 700;
    line-height: 1.25;
    cursor: pointer;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.35);
  }

  .launcher:hover .launcher-text {
    text-decoration: underline;
  }

  .launcher svg {
    flex: none;
  }

  .launcher:not(.inline) {
    position: fixed;
    z-index: var(--care-launcher-z-index, 1000);
  }

  /* Logical insets: in a right-to-left language the corners mirror, as the page does. */
  .bottom-right,
  .bottom-left {
    inset-block-end: calc(var(--_offset) + env(safe-area-inset-bottom, 0px));
  }

  .top-right,
  .top-left {
    inset-block-start: calc(var(--_offset) + env(safe-area-inset-top, 0px));
  }

  .bottom-right,
  .top-right {
    inset-inline-end: var(--_offset);
  }

  .bottom-left,
  .top-left {
    inset-inline-start: var(--_offset);
  }

  /* An icon alone keeps its name: the words stay for screen readers and voice control. */
  .icon-only {
    padding: 0;
    inline-size: 3rem;
    block-size: 3rem;
  }

  .icon-only .launcher-text {
    ${clipHidden}
  }

  /* Narrow screens and high zoom: the corner button covers as little as it can. */
  @media (max-width: 37.5em), (max-height: 25em) {
    .collapsible {
      padding: 0;
      inline-size: 3rem;
      block-size: 3rem;
    }

    .collapsible .launcher-text {
      ${clipHidden}
    }
  }

  dialog {
    inline-size: min(var(--care-launcher-dialog-width, 40rem), calc(100vw - 2rem));
    max-inline-size: 100vw;
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow: auto;
    overscroll-behavior: contain;
  }

  dialog::backdrop {
    background: rgb(11 12 12 / 0.6);
  }

  /* On a phone (or at 400% zoom) the dialog is the whole screen: nothing half-hidden behind it. */
  @media (max-width: 37.5em), (max-height: 25em) {
    dialog {
      inline-size: 100%;
      max-inline-size: 100%;
      block-size: 100%;
      max-block-size: 100%;
      margin: 0;
      border: 0;
      border-radius: 0;
    }
  }

  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    padding: 0.75rem 1rem;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }

  /* Kept in view while the form scrolls, but only where there is height to spare. */
  @media (min-height: 30em) {
    .header {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
    }
  }

  h2 {
    margin: 0;
    font-size: 1.5rem;
    line-height: 1.25;
  }

  /* Headings take focus only so a screen reader starts there; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }

  .close,
  .action {
    ${targetBox}
    gap: 0.375rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .close:hover,
  .action:hover {
    background: var(--_subtle);
    text-decoration: underline;
  }

  .action.primary {
    border-color: transparent;
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .body {
    padding: 1rem;
  }

  .confirm {
    margin: 1rem;
    padding: 1rem 1.25rem;
    border-inline-start: 8px solid var(--_accent);
    background: var(--_subtle);
  }

  .confirm h3 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }

  .confirm p {
    margin: 0 0 1rem;
  }

  .confirm-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
  }

  @media (forced-colors: active) {
    .launcher,
    .action.primary {
      border-color: ButtonText;
    }

    dialog {
      border: 2px solid CanvasText;
    }

    .confirm {
      border: 1px solid CanvasText;
      border-inline-start: 8px solid CanvasText;
    }
  }
`;
