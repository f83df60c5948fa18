// <care-get-involved>'s look: the shared form controls (GOV.UK-style fieldsets, large checkboxes and radios,
// an error summary), and the confirmation panel with its reference.
import {css} from 'lit';
import {formControlStyles, formPageStyles} from '../shared/form-control-styles.js';

export const getInvolvedStyles = [
  formControlStyles,
  formPageStyles,
  css`
    h3 {
      font-size: 1.2rem;
      margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    }
    .error-summary h2 {
      font-size: 1.25rem;
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
      .panel {
        border-color: CanvasText;
      }
    }
  `,
];
