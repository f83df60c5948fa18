// <care-about-you>'s look: GOV.UK-style fieldsets, large radios, an error summary; Skip as plain as Send.
import {css} from 'lit';

export const aboutYouStyles = css`
  .base {
    max-width: 40rem;
  }
  h2 {
    font-size: 1.5rem;
    line-height: 1.25;
    margin: 0 0 var(--_space);
  }
  .subgroup legend {
    font-size: 1rem;
  }
  .subgroup {
    margin: calc(var(--_space) / 2) 0 calc(var(--_space) / 2);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .message:focus {
    outline: 3px solid var(--_focus);
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
  .error-summary h3 {
    margin-top: 0;
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
  @media (forced-colors: active) {
    .error-summary,
    .group--error {
      border-color: CanvasText;
    }
  }
`;
