// The look of form controls, one home for every element that asks questions (the feedback form, About you,
// Get involved, a consultation): fieldsets, hints, radios and checkboxes, text boxes, error messages and
// the error summary, buttons and their focus. GOV.UK-style, logical properties only (right-to-left ready),
// forced-colors safe. Each element adopts it after baseStyles and keeps only its own look after it.
import {css} from 'lit';

/**
 * Reads the element's own accent when it sets `--_control-accent` / `--_control-accent-text` (the form
 * does, from `--care-form-accent`), and the shared `--care-accent` otherwise.
 *
 * Buttons are matched as `button:not(.link)` (the form also names them `.button`) inside `:where()`, so the
 * rule weighs nothing: a button styled as a link, or an element's own button class, wins without a fight.
 */
export const formControlStyles = css`
  fieldset {
    border: 0;
    margin: 0 0 calc(var(--_space) * 1.75);
    padding: 0;
    min-inline-size: 0;
  }

  legend {
    padding: 0;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.5);
    max-inline-size: 100%;
  }

  .hint {
    color: var(--_muted);
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .optional {
    font-weight: 400;
  }

  /* A bar at the start of a group that has an error, on the right in right-to-left languages. */
  .group--error {
    border-inline-start: 5px solid var(--_error);
    padding-inline-start: calc(var(--_space) * 0.75);
  }

  .error-message {
    display: block;
    color: var(--_error);
    font-weight: 700;
    margin-block: 0 calc(var(--_space) * 0.5);
  }

  .field {
    margin-block: 0 var(--_space);
  }

  .label,
  .field label {
    display: block;
    font-weight: 700;
    margin-block-end: calc(var(--_space) * 0.25);
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

  /* Inside the box, so the yellow ring and the dark line stay clear of the text box's own border. */
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }

  /* A large radio or checkbox with its whole label as the target (WCAG 2.5.8). */
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
    accent-color: var(--_control-accent, var(--_accent));
  }

  .choice label {
    padding-block: 0.5rem;
    cursor: pointer;
    flex: 1;
  }

  .choice .hint {
    display: block;
  }

  :where(button:not(.link), .button) {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 700;
    color: var(--_control-accent-text, var(--_accent-text));
    background: var(--_control-accent, var(--_accent));
    border: 2px solid transparent;
    border-radius: var(--_radius);
    box-shadow: 0 2px 0 var(--_text);
    cursor: pointer;
  }

  :where(button.secondary, .button--secondary) {
    color: var(--_text);
    background: var(--_subtle);
    border-color: var(--_border);
  }

  /* The whole button turns yellow on focus, as GOV.UK's do: plain to see on any background. */
  :where(button:not(.link), .button):focus-visible {
    outline: 3px solid var(--_focus);
    background: var(--_focus);
    color: var(--_focus-text);
    box-shadow: 0 2px 0 var(--_focus-text);
  }

  :where(button[disabled], .button[aria-disabled='true']) {
    cursor: progress;
    opacity: 0.8;
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

  .error-summary ul {
    margin: 0;
    padding-inline-start: 0;
    list-style: none;
  }

  .error-summary li + li {
    margin-block-start: 0.25rem;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }

  @media (forced-colors: active) {
    :where(button:not(.link), .button) {
      border: 3px solid CanvasText;
    }

    .error-summary,
    .group--error,
    input[aria-invalid='true'],
    textarea[aria-invalid='true'] {
      border-color: CanvasText;
    }

    :where(button:not(.link), .button):focus-visible,
    input:focus-visible,
    textarea:focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;

/**
 * The page around the controls for the smaller elements that ask questions (About you, Get involved and
 * a consultation): a readable line length and their heading sizes. The feedback form sizes its own.
 */
export const formPageStyles = css`
  .base {
    max-inline-size: 40rem;
  }

  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin-block: 0 var(--_space);
  }

  p {
    margin-block: 0 var(--_space);
  }

  legend {
    font-size: 1.125rem;
  }
`;
