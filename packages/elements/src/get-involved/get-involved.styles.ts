// <care-get-involved>'s look: GOV.UK-style fieldsets, large checkboxes and radios, error summary.
import {css} from 'lit';

export const getInvolvedStyles = css`
  .base {
    max-width: 40rem;
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 var(--_space);
  }
  h3 {
    font-size: 1.2rem;
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
  }
  p {
    margin: 0 0 var(--_space);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 calc(var(--_space) * 1.75);
    min-width: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.125rem;
    padding: 0;
    margin-bottom: calc(var(--_space) / 4);
  }
  .hint {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) / 2);
  }
  .group--error {
    border-left: 5px solid var(--_error);
    padding-left: calc(var(--_space) * 0.75);
  }
  .error-message {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 calc(var(--_space) / 2);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    min-height: var(--_target);
    padding: 0.25rem 0;
  }
  .choice input {
    flex: none;
    width: 1.75rem;
    height: 1.75rem;
    margin: 0.1rem 0 0;
    accent-color: var(--_accent);
  }
  .choice label {
    cursor: pointer;
    padding-top: 0.15rem;
  }
  .field {
    margin: 0 0 var(--_space);
  }
  .field label {
    display: block;
    font-weight: 700;
    margin-bottom: 0.25rem;
  }
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    width: 100%;
    min-height: var(--_target);
    padding: 0.4rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: 0;
  }
  textarea {
    min-height: 5rem;
  }
  .field--error input,
  .field--error textarea {
    border-color: var(--_error);
    border-width: 3px;
  }
  button {
    font: inherit;
    font-weight: 700;
    min-height: var(--_target);
    padding: 0.5rem 1.25rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
    box-shadow: 0 2px 0 var(--_text);
  }
  button[disabled] {
    opacity: 0.7;
    cursor: progress;
  }
  button.secondary {
    background: var(--_subtle);
    color: var(--_text);
    border-color: var(--_border);
  }
  .error-summary {
    border: 5px solid var(--_error);
    padding: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
  }
  .error-summary h2 {
    font-size: 1.25rem;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .panel {
    border: 5px solid var(--_success);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  .reference {
    font-size: 1.5rem;
    font-weight: 700;
    letter-spacing: 0.05em;
    direction: ltr;
    unicode-bidi: isolate;
  }
  @media (forced-colors: active) {
    .error-summary,
    .group--error,
    .panel {
      border-color: CanvasText;
    }
  }
`;
