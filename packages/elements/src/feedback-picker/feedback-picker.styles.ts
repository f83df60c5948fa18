// Styles for <care-feedback-picker>: large option boxes, a visible chosen state that is not colour alone.
import {css} from 'lit';
import {linkFocus, targetBox} from '../shared/styles.js';

export const pickerStyles = css`
  :host {
    display: block;
    --_selected: var(--care-picker-selected-background, #eaf1fa);
  }

  .base {
    max-inline-size: 40rem;
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-size: 1.5rem;
    font-weight: 700;
    line-height: 1.25;
  }

  .hint {
    margin-block: 0 1rem;
    color: var(--_muted);
  }

  .error {
    margin-block: 0 1rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid var(--_error);
    color: var(--_error);
    font-weight: 700;
  }

  .options {
    display: grid;
    gap: 0.75rem;
  }

  /* The whole box is the label, so the target is the box, not the small circle. */
  .option {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    min-block-size: var(--_target);
    padding: calc(0.75rem + 2px) calc(1rem + 2px);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  .option:hover {
    background: var(--_subtle);
    border-color: var(--_text);
  }

  /* Chosen: the filled radio, a border twice as thick, and a tint. Three signals, not one colour. */
  .option:has(input:checked) {
    padding: 0.75rem 1rem;
    border-width: 4px;
    border-color: var(--_accent);
    background: var(--_selected);
  }

  input[type='radio'] {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0.25rem 0 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }

  /* Where :has works, the focus ring goes round the whole box instead of the small circle. */
  @supports selector(:has(*)) {
    input[type='radio']:focus-visible {
      outline: none;
      box-shadow: none;
    }

    .option:has(input:focus-visible) {
      outline: 3px solid var(--_focus);
      outline-offset: 0;
      box-shadow: 0 0 0 6px var(--_focus-text);
    }
  }

  .icon {
    flex: none;
    display: flex;
    color: var(--_accent);
  }

  .icon svg {
    inline-size: 2rem;
    block-size: 2rem;
  }

  .text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }

  .label {
    font-weight: 700;
    font-size: 1.125rem;
  }

  .description {
    color: var(--_text);
  }

  .safeguarding {
    margin-block: 1.5rem 0;
    padding: 1rem 1.25rem;
    border-inline-start: 8px solid var(--_error);
    background: var(--_subtle);
  }

  .safeguarding p {
    margin-block: 0 0.75rem;
  }

  .safeguarding ul {
    margin-block: 0 0.75rem;
    padding-inline-start: 1.5rem;
  }

  .safeguarding li + li {
    margin-block-start: 0.5rem;
  }

  .safeguarding-heading {
    font-size: 1.125rem;
    font-weight: 700;
  }

  .danger {
    font-size: 1.25rem;
    font-weight: 700;
  }

  a {
    color: var(--care-link-color, #1d4f91);
    text-decoration-thickness: max(1px, 0.0625em);
    text-underline-offset: 0.15em;
  }

  ${linkFocus}

  .button {
    ${targetBox}
    margin-block-start: 1.5rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 700;
    text-align: center;
    cursor: pointer;
  }

  .go-on {
    margin-block-start: 0.25rem;
  }

  .button:hover {
    text-decoration: underline;
  }

  @media (forced-colors: active) {
    .option {
      border-color: CanvasText;
    }

    .option:has(input:checked) {
      border-color: Highlight;
    }

    .icon {
      color: CanvasText;
    }

    .safeguarding {
      border: 1px solid CanvasText;
      border-inline-start: 8px solid CanvasText;
    }

    .button {
      border-color: ButtonText;
    }

    .option:has(input:focus-visible) {
      outline-color: Highlight;
      box-shadow: none;
    }
  }
`;
