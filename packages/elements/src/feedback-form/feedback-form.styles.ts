// Styles for <care-feedback-form>: calm, large, logical properties only (right-to-left ready), forced-colors safe.
import {css} from 'lit';
import {clipHidden} from '../shared/styles.js';

export const formStyles = css`
  :host {
    display: block;
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

  .progress,
  .hint {
    color: var(--_muted);
  }

  .progress {
    margin-block-end: calc(var(--_space) * 0.25);
  }

  .hint {
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .group {
    margin-block: 0 calc(var(--_space) * 1.75);
  }

  .group--error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }

  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.5);
    max-inline-size: 100%;
  }

  legend h2 {
    margin: 0;
  }

  .label {
    display: block;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.25);
  }

  .optional {
    font-weight: 400;
  }

  .error-message {
    display: block;
    color: var(--_error);
    font-weight: 700;
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  input[type='text'],
  input[type='email'],
  input[type='tel'],
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5rem;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: 0;
  }

  textarea {
    min-block-size: 8rem;
    resize: vertical;
  }

  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-width: 4px;
    border-color: var(--_error);
  }

  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }

  .width-email {
    max-inline-size: 30ch;
  }

  .width-phone {
    max-inline-size: 20ch;
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-block-size: var(--_target);
    margin-block-end: 0.5rem;
  }

  .choice input {
    flex: none;
    inline-size: 2rem;
    block-size: 2rem;
    margin: 0.3rem 0 0;
    accent-color: var(--_form-accent);
  }

  .choice label {
    padding-block: 0.5rem;
    cursor: pointer;
    flex: 1;
  }

  .choice .hint {
    display: block;
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

  .button {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    color: var(--_form-accent-text);
    background: var(--_form-accent);
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 var(--_text);
    cursor: pointer;
  }

  .button--secondary {
    color: var(--_text);
    background: var(--_subtle);
    border-color: var(--_border);
  }

  .button:focus-visible {
    outline: 3px solid var(--_focus);
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
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

  .error-summary {
    border: 5px solid var(--_error);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }

  .error-summary:focus {
    outline: 3px solid var(--_focus);
    box-shadow: none;
  }

  .error-summary h2 {
    font-size: 1.5rem;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }

  .error-summary li + li {
    margin-block-start: 0.25rem;
  }

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
    .button,
    .panel,
    .error-summary,
    .group--error,
    .notice {
      border: 3px solid CanvasText;
    }

    .button:focus-visible,
    .link:focus-visible,
    a:focus-visible {
      outline: 3px solid Highlight;
    }

    input[aria-invalid='true'],
    textarea[aria-invalid='true'] {
      border-color: CanvasText;
    }
  }
`;
