// <care-about-you>'s look: the shared form controls (GOV.UK-style fieldsets, large radios, an error summary;
// Skip as plain as Send), with groups of answers set inside a question.
import {css} from 'lit';
import {formControlStyles, formPageStyles} from '../shared/form-control-styles.js';

export const aboutYouStyles = [
  formControlStyles,
  formPageStyles,
  css`
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
    .error-summary h3 {
      margin-top: 0;
      font-size: 1.25rem;
    }
  `,
];
