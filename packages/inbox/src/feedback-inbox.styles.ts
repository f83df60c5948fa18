// Styles of <care-feedback-inbox>: one column from 320 px up, large targets, flags that never rely on colour alone.
import {css} from 'lit';
import {targetBox} from '@care-feedback/elements/shared/styles';

export const inboxStyles = css`
  :host {
    display: block;
    --_inbox-max: var(--care-inbox-max-width, 60rem);
    --_positive: var(--care-inbox-positive, var(--_accent));
    --_negative: var(--care-inbox-negative, #8a1f11);
  }

  .inbox {
    max-inline-size: var(--_inbox-max);
    margin-inline: auto;
    background: var(--_surface);
    color: var(--_text);
  }

  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin-block: 1.5rem 0.75rem;
  }

  h2 {
    font-size: 1.75rem;
    margin-block-start: 1rem;
  }

  h3 {
    font-size: 1.375rem;
  }

  h4 {
    font-size: 1.125rem;
  }

  /* Headings take focus only so a screen reader starts reading the new view there; they are not
     controls, so they get no focus ring (which would look like something to press). */
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }

  p {
    margin-block: 0 1rem;
  }

  a {
    color: var(--_accent);
  }

  /* Header: section buttons wrap onto as many lines as they need at 320 px. */
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding-block-end: 0.5rem;
    border-block-end: 2px solid var(--_border);
  }

  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .nav-button {
    min-block-size: var(--_target);
    padding-inline: 0.375rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: none;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }

  /* The current section is marked by a border and no underline as well as colour. */
  .nav-button[aria-current='page'] {
    border-color: var(--_text);
    color: var(--_text);
    text-decoration: none;
  }

  .button {
    ${targetBox}
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font: inherit;
    font-weight: 600;
    text-align: center;
    cursor: pointer;
  }

  .button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }

  .button.danger {
    border-color: var(--_error);
    background: var(--_error);
    color: #ffffff;
  }

  .link-button {
    display: inline;
    min-block-size: var(--_target);
    padding: 0.5rem 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }

  .actions,
  .paging {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-block: 1rem;
  }

  /* Forms */
  .field {
    margin-block-end: 1.25rem;
  }

  label,
  legend,
  summary {
    display: block;
    font-weight: 600;
  }

  .hint {
    margin-block: 0.25rem;
    color: var(--_muted);
  }

  /* A theme's suggestion sits under its name, so "Matched: late, missed" reads as its own line. */
  .radio .suggestion {
    display: block;
    margin-block: 0;
  }

  input[type='text'],
  input[type='search'],
  input[type='password'],
  input[type='date'],
  input[type='time'],
  input[type='email'],
  input[type='tel'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 30rem;
    min-block-size: var(--_target);
    margin-block-start: 0.25rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--_border);
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }

  .field-invalid {
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid var(--_error);
  }

  .field-invalid input,
  .field-invalid textarea {
    border-color: var(--_error);
  }

  .error-message {
    color: var(--_error);
    font-weight: 700;
  }

  .error-summary {
    margin-block: 1rem;
    padding: 1rem;
    border: 5px solid var(--_error);
  }

  .error-summary h3,
  .error-summary h4 {
    margin-block-start: 0;
  }

  .error-summary a {
    color: var(--_error);
    font-weight: 700;
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0;
    border: 0;
  }

  legend {
    padding: 0;
  }

  .radios {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }

  .radio {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  .radio input {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .radio label {
    font-weight: 400;
    padding-block: 0.5rem;
  }

  /* Filters fold away so the list is near the top on a small screen. */
  .filters {
    margin-block: 1rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_border);
  }

  .filters summary {
    min-block-size: var(--_target);
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
  }

  .filters summary::before {
    content: '▸';
    margin-inline-end: 0.5rem;
  }

  .filters[open] summary::before {
    content: '▾';
  }

  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    gap: 0 1.5rem;
    margin-block-start: 1rem;
  }

  .results {
    font-weight: 600;
  }

  /* List rows */
  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    margin-block-end: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_border);
    border-inline-start: 6px solid var(--_border);
  }

  .row.is-overdue {
    border-inline-start-color: var(--_error);
  }

  .row-title {
    margin: 0;
    font-size: 1.125rem;
  }

  .preview {
    margin-block: 0.25rem 0.5rem;
    white-space: pre-line;
  }

  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.5rem;
    margin: 0;
  }

  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.375rem;
  }

  .facts dt {
    color: var(--_muted);
  }

  .facts dt::after {
    content: ':';
  }

  .facts dd {
    margin: 0;
  }

  .facts.stacked {
    display: block;
  }

  .facts.stacked > div {
    display: block;
    margin-block-end: 0.75rem;
  }

  .facts.stacked dt {
    font-weight: 600;
    color: var(--_text);
  }

  .facts.stacked dt::after {
    content: none;
  }

  /* Overdue: a warning icon and the word, in bold, with a border, so colour is never the only cue. */
  .ack {
    align-items: center;
  }

  .overdue-flag {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    margin-inline-start: 0.25rem;
    padding: 0 0.375rem;
    border: 2px solid currentColor;
    color: var(--_error);
    font-weight: 700;
  }

  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }

  .export {
    margin-block-start: 1.5rem;
  }

  /* Detail */
  .panel {
    margin-block: 1rem;
    padding: 1rem;
    border: 3px solid var(--_accent);
  }

  .panel > h3:first-child {
    margin-block-start: 0;
  }

  .reply {
    background: var(--_subtle);
  }

  .notice {
    border-color: var(--_error);
  }

  .needs {
    margin: 0 0 1rem;
    padding-inline-start: 1.25rem;
    font-size: 1.25rem;
    font-weight: 700;
  }

  .multiline {
    white-space: pre-wrap;
  }

  .quote {
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_border);
  }

  .warning-text {
    font-weight: 700;
  }

  /* Says a change was saved or an item deleted; the words carry it, the bar only draws the eye. */
  .done-message {
    padding-inline-start: 0.75rem;
    border-inline-start: 5px solid var(--_success);
    font-weight: 700;
  }

  .you-said-edit,
  .confirm-delete {
    margin-block: 1rem;
  }

  .confirm-delete > h4:first-child {
    margin-block-start: 0;
  }

  .history,
  .audit {
    padding-inline-start: 1.25rem;
  }

  .history li,
  .audit li {
    margin-block-end: 0.5rem;
  }

  .audit .repeats {
    display: block;
    color: var(--_muted);
  }

  .audit .who {
    font-weight: 600;
  }

  .history .when,
  .audit .when {
    display: block;
    color: var(--_muted);
  }

  .loses {
    font-weight: 600;
  }

  /* Tables scroll sideways inside their box rather than widen the page at 320 px. */
  .table-wrap {
    max-inline-size: 100%;
    overflow-x: auto;
  }

  table {
    font-size: 0.9375rem;
    border-collapse: collapse;
    margin-block-end: 1.5rem;
    min-inline-size: min(100%, 20rem);
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }

  /* Table cells break between words only; a word split across lines is hard to read. */
  th,
  td {
    overflow-wrap: normal;
    padding: 0.5rem 0.375rem 0.5rem 0;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }

  td:last-child,
  .counts td {
    font-variant-numeric: tabular-nums;
  }

  /* Reports */
  .big-numbers {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin: 0;
  }

  .big-numbers > div {
    flex: 1 1 12rem;
    padding: 0.75rem 1rem;
    border: 2px solid var(--_border);
  }

  .big-numbers > div.is-overdue {
    border: 4px solid var(--_error);
  }

  .big-numbers dt {
    font-weight: 600;
  }

  .big-numbers dd {
    margin: 0;
    font-size: 2rem;
    font-weight: 700;
  }

  .chart {
    margin: 0 0 1rem;
    max-inline-size: 26rem;
  }

  .chart svg {
    display: block;
    block-size: auto;
    font-size: 14px;
  }

  .chart .track {
    fill: var(--_subtle);
    stroke: var(--_border);
    stroke-width: 0.5;
  }

  .chart text {
    fill: var(--_text);
  }

  .chart .positive,
  .swatch.positive {
    fill: var(--_positive);
    background: var(--_positive);
  }

  /* The negative bars are striped as well as a different colour. */
  .chart .negative {
    fill: url(#fft-negative-pattern);
  }

  .chart .negative-fill {
    fill: var(--_negative);
  }

  .chart .negative-stripe {
    stroke: var(--_surface);
    stroke-width: 2;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin-block-start: 0.5rem;
  }

  .key {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }

  .swatch {
    display: inline-block;
    inline-size: 1.5rem;
    block-size: 1rem;
    border: 1px solid var(--_text);
  }

  .swatch.negative {
    background: repeating-linear-gradient(45deg, var(--_negative) 0 4px, var(--_surface) 4px 6px);
  }

  @media (forced-colors: active) {
    .button,
    .nav-button[aria-current='page'],
    .row,
    .overdue-flag,
    .panel,
    .done-message {
      border-color: CanvasText;
    }

    .chart .positive {
      fill: CanvasText;
    }

    .chart .negative-fill {
      fill: GrayText;
    }

    .chart text {
      fill: CanvasText;
    }
  }
`;
