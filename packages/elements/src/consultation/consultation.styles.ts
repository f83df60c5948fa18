// <care-consultation>'s look: the form as <care-get-involved> has it, the plan set apart, and the
// answers counted as words with a bar beside them (the bar is decoration; the words say it all).
import {css} from 'lit';
import {clipHidden} from '../shared/styles.js';
import {getInvolvedStyles} from '../get-involved/get-involved.styles.js';

export const consultationStyles = [
  getInvolvedStyles,
  css`
    .proposal {
      border-inline-start: 5px solid var(--_border);
      padding-inline-start: var(--_space);
      margin-block-end: var(--_space);
    }
    .proposal h3,
    .proposal h4,
    .results h4 {
      font-size: 1.125rem;
      margin: var(--_space) 0 calc(var(--_space) / 4);
    }
    .words {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .title {
      font-weight: 700;
    }
    .scale .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.25rem;
    }
    .contact {
      border-inline-start: 5px solid var(--_border);
      padding-inline-start: var(--_space);
      margin-block-end: var(--_space);
    }
    .counts {
      list-style: none;
      padding: 0;
      margin: 0 0 var(--_space);
    }
    .counts li {
      margin-block-end: 0.5rem;
    }
    .bar {
      display: block;
      block-size: 0.75rem;
      min-inline-size: 2px;
      background: var(--_accent);
    }
    .hp {
      ${clipHidden}
    }
    @media (forced-colors: active) {
      .bar {
        background: CanvasText;
      }
      .proposal,
      .contact {
        border-color: CanvasText;
      }
    }
  `,
];
