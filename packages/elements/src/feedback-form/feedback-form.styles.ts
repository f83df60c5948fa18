// Styles for <care-feedback-form>: calm, large, logical properties only (right-to-left ready), forced-colors safe.
import {css} from 'lit';
import {clipHidden} from '../shared/styles.js';
import {formControlStyles} from '../shared/form-control-styles.js';

/** The controls' look is shared (formControlStyles); what follows is the form's own. */
export const formStyles = [
  formControlStyles,
  css`
  :host {
    display: block;
    --_control-accent: var(--_form-accent);
    --_control-accent-text: var(--_form-accent-text);
    --_form-accent: var(--care-form-accent, var(--_accent));
    --_form-accent-text: var(--care-form-accent-text, var(--_accent-text));
    --_form-max: var(--care-form-max-width, 40rem);
  }

  .base {
    max-inline-size: var(--_form-max);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--care-form-padding, 0);
  }

  form {
    margin: 0;
  }

  /* Nastaliq script needs taller lines to stay readable. */
  .base:lang(ur) {
    line-height: 1.9;
  }

  h2 {
    font-size: var(--care-form-heading-size, 1.75rem);
    line-height: 1.25;
    margin-block: 0 var(--_space);
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 0.25rem;
    box-shadow: none;
  }

  h3 {
    font-size: 1.25rem;
    margin-block: calc(var(--_space) * 1.5) calc(var(--_space) * 0.5);
  }

  p {
    margin-block: 0 var(--_space);
  }

  .progress {
    color: var(--_muted);
    margin-block-end: calc(var(--_space) * 0.25);
  }

  .group {
    margin-block: 0 calc(var(--_space) * 1.75);
  }

  /* The space between questions is on .group, which holds fields that are not fieldsets too. */
  fieldset {
    margin: 0;
  }

  legend h2 {
    margin: 0;
  }

  .width-email {
    max-inline-size: 30ch;
  }

  .width-phone {
    max-inline-size: 20ch;
  }

  .reveal {
    margin-block: 0 1rem;
    margin-inline-start: 1rem;
    padding-inline-start: 1.5rem;
    border-inline-start: 4px solid var(--_border);
  }

  .count {
    margin-block: 0.25rem 0;
    color: var(--_muted);
  }

  .count--over {
    color: var(--_error);
    font-weight: 700;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-start: calc(var(--_space) * 1.5);
  }

  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--_target);
    padding: 0;
    font: inherit;
    color: var(--care-form-link, var(--_form-accent));
    background: none;
    border: 0;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  a:not(.button) {
    color: var(--care-form-link, var(--_form-accent));
    text-underline-offset: 0.15em;
  }

  .link:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 4px 0 var(--_focus-text);
    text-decoration: none;
  }

  .back {
    margin-block-end: 0.5rem;
  }

  .back::before {
    content: '‹';
    margin-inline-end: 0.35em;
    text-decoration: none;
  }

  :host(:dir(rtl)) .back::before,
  [dir='rtl'] .back::before {
    content: '›';
  }

  .error-summary h2 {
    font-size: 1.5rem;
  }

  /* After the form's own link colour, so the summary's links stay red. */
  .error-summary a,
  .error-summary .link {
    color: var(--_error);
    font-weight: 700;
  }

  .notice {
    border-inline-start: 5px solid var(--_form-accent);
    padding-inline-start: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }

  .summary {
    margin: 0 0 calc(var(--_space) * 1.5);
    border-block-start: 1px solid var(--_border);
  }

  .summary-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    padding-block: 0.75rem;
    border-block-end: 1px solid var(--_border);
  }

  @media (min-width: 40rem) {
    .summary-row {
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr) auto;
      gap: var(--_space);
    }
  }

  /* Keeps the 44px target but lines the word up with the answer beside it. */
  .summary .link {
    align-items: flex-start;
  }

  .summary dt {
    font-weight: 700;
  }

  .summary dd {
    margin: 0;
  }

  /* What the person typed keeps its line breaks. */
  .summary .text,
  .summary li {
    white-space: pre-wrap;
  }

  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .panel {
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
    color: var(--care-form-panel-text, #ffffff);
    background: var(--care-form-panel, var(--_success));
    border: 3px solid transparent;
  }

  .panel--waiting {
    color: var(--_text);
    background: var(--_subtle);
    border-color: var(--_border);
  }

  .panel h2 {
    margin-block-end: 0.5rem;
  }

  .reference {
    font-size: 1.5rem;
    font-weight: 700;
    margin: 0;
    overflow-wrap: anywhere;
  }

  .status {
    font-weight: 700;
  }

  .hp {
    ${clipHidden}
  }

  @media (forced-colors: active) {
    .panel,
    .notice {
      border: 3px solid CanvasText;
    }

    .link:focus-visible,
    a:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`,
];
