// Styles of the report views (reports, the annual complaints report, the evidence page): the period form,
// tables beside their charts, and a print layout with every control hidden and every table shown.
import {css} from 'lit';

export const learningStyles = css`
  .period-form fieldset {
    margin-block-end: 0.75rem;
  }

  .period-fields {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
  }

  .period-shown {
    font-weight: 600;
  }

  .report-section {
    margin-block-end: 2rem;
  }

  .report-table {
    margin-block-end: 1.5rem;
  }

  .report-table table {
    margin-block-end: 0.5rem;
  }

  /* A chart and the table with its numbers sit side by side where there is room, one above the other where not. */
  .chart-pair {
    display: flex;
    flex-wrap: wrap;
    gap: 0 2rem;
    align-items: flex-start;
  }

  .chart-pair > * {
    flex: 1 1 18rem;
  }

  /* "The period before" is drawn outlined, this period solid: the two differ in shape, not colour alone. */
  .chart .before,
  .swatch.before {
    fill: var(--_surface);
    stroke: var(--_text);
    stroke-width: 2;
    background: var(--_surface);
    border: 2px solid var(--_text);
  }

  .manager-text textarea {
    inline-size: 100%;
  }

  .print-only {
    display: none;
  }

  .written {
    white-space: pre-wrap;
  }

  .published-list {
    padding-inline-start: 1.25rem;
  }

  @media (forced-colors: active) {
    .chart .before {
      stroke: CanvasText;
    }
  }

  /*
   * Paper: the report and nothing to press. The section bar, the period form, the CSV and print buttons
   * and the manager's text boxes go; what was typed in the boxes is printed as text instead.
   */
  @media print {
    .bar,
    .no-print,
    .manager-text .field {
      display: none !important;
    }

    .print-only {
      display: block;
    }

    .table-wrap {
      overflow: visible;
    }

    table,
    figure,
    .report-table {
      break-inside: avoid;
    }

    h2,
    h3 {
      break-after: avoid;
    }
  }
`;
