// The Friends and Family Test chart: horizontal bars per month in SVG, named and described for screen readers.
import {html, svg} from 'lit';
import {formatMonth, formatPercent} from './inbox-format.js';
import type {Report} from '@care-feedback/core/provider';
import type {ViewContext} from './inbox-view.js';

/** One month of the Friends and Family Test, as GET /v1/reports gives it. */
export type FftMonth = Report['fft']['byMonth'][number];

// One row per month keeps the chart readable at 320 px: it grows down, not across.
// Drawn at about the size it is shown on a phone, so its 14px text stays 14px there.
const WIDTH = 280;
const LABEL = 76;
const VALUE = 56;
const BAR = 16;
const ROW = 2 * BAR + 20;

function bar(y: number, percent: number | null, className: string, text: string) {
  const room = WIDTH - LABEL - VALUE;
  const length = percent === null ? 0 : Math.max(0, Math.min(100, percent)) * (room / 100);
  // A faint full-length track shows where 100% would be, so each bar can be judged against it.
  return svg`
    <rect class="track" x=${LABEL} y=${y} width=${room} height=${BAR}></rect>
    <rect class=${className} x=${LABEL} y=${y} width=${length} height=${BAR}></rect>
    <text class="value" x=${LABEL + room + 4} y=${y + BAR - 3}>${text}</text>
  `;
}

export function renderFftChart(months: FftMonth[], {t, locale}: ViewContext) {
  const height = months.length * ROW + 8;
  const percentText = (value: number | null) =>
    value === null ? '–' : t('percent', {value: formatPercent(value)});
  return html`
    <figure class="chart">
      <svg
        role="img"
        aria-labelledby="fft-chart-title fft-chart-desc"
        viewBox="0 0 ${WIDTH} ${height}"
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        ${svg`<title id="fft-chart-title">${t('fftChartTitle')}</title>
        <desc id="fft-chart-desc">${t('fftChartSummary', {months: months.length})}</desc>
        <defs>
          <pattern id="fft-negative-pattern" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" class="negative-fill"></rect>
            <line x1="0" y1="0" x2="0" y2="6" class="negative-stripe"></line>
          </pattern>
        </defs>
        ${months.map((month, index) => {
          const y = index * ROW + 4;
          return svg`<g class="month" data-month=${month.month}>
            <text class="month-label" x="0" y=${y + BAR + 5}>${formatMonth(month.month, locale, 'short')}</text>
            ${bar(y, month.positivePercent, 'positive', percentText(month.positivePercent))}
            ${bar(y + BAR + 2, month.negativePercent, 'negative', percentText(month.negativePercent))}
          </g>`;
        })}`}
      </svg>
      <figcaption class="legend">
        <span class="key"
          ><span class="swatch positive" aria-hidden="true"></span>${t('fftPositive')}</span
        >
        <span class="key"
          ><span class="swatch negative" aria-hidden="true"></span>${t('fftNegative')}</span
        >
      </figcaption>
    </figure>
  `;
}

export function renderFftTable(months: FftMonth[], {t, locale}: ViewContext) {
  const percentText = (value: number | null) =>
    value === null ? '–' : t('percent', {value: formatPercent(value)});
  return html`
    <!-- If the table is ever wider than the screen it scrolls in its own box, which the keyboard can reach. -->
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="fft-table-caption">
      <table class="fft-table">
        <caption id="fft-table-caption">
          ${t('fftTableCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('fftMonth')}</th>
            <th scope="col">${t('fftPositive')}</th>
            <th scope="col">${t('fftNegative')}</th>
            <th scope="col">${t('fftResponses')}</th>
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (month) =>
              html`<tr data-month=${month.month}>
                <th scope="row">${formatMonth(month.month, locale)}</th>
                <td>${percentText(month.positivePercent)}</td>
                <td>${percentText(month.negativePercent)}</td>
                <td>${month.answers}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/** One group of bars: a name (a theme, an outcome) and one value per series. */
export interface BarGroup {
  label: string;
  values: number[];
}

/** A chart of counts as horizontal bars, one group per row and one bar per series (this period, the one before). */
export interface BarChart {
  /** Makes the title and description ids unique in the view. */
  id: string;
  title: string;
  summary: string;
  /** The series' names and CSS classes, in the order of each group's values. */
  series: Array<{name: string; className: string}>;
  groups: BarGroup[];
}

/**
 * Counts drawn as bars against the largest count, named and described for screen readers; a table with
 * the same numbers goes beside it. Text labels stay short: the table has the full names.
 */
export function renderBarChart(chart: BarChart) {
  const label = 110;
  const room = WIDTH + 60 - label - VALUE;
  const row = chart.series.length * (BAR + 2) + 18;
  const height = chart.groups.length * row + 8;
  const max = Math.max(1, ...chart.groups.flatMap((group) => group.values));
  const short = (text: string) => (text.length > 16 ? `${text.slice(0, 15)}…` : text);
  return html`
    <figure class="chart bar-chart">
      <svg
        role="img"
        aria-labelledby="${chart.id}-title ${chart.id}-desc"
        viewBox="0 0 ${WIDTH + 60} ${height}"
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        ${svg`<title id="${chart.id}-title">${chart.title}</title>
        <desc id="${chart.id}-desc">${chart.summary}</desc>
        ${chart.groups.map((group, index) => {
          const y = index * row + 4;
          return svg`<g class="group" data-label=${group.label}>
            <text class="month-label" x="0" y=${y + BAR}>${short(group.label)}</text>
            ${group.values.map((value, n) => {
              const top = y + n * (BAR + 2);
              return svg`<rect class="track" x=${label} y=${top} width=${room} height=${BAR}></rect>
                <rect class=${chart.series[n]?.className ?? ''} data-value=${value} x=${label} y=${top} width=${(value / max) * room} height=${BAR}></rect>
                <text class="value" x=${label + room + 4} y=${top + BAR - 3}>${value}</text>`;
            })}
          </g>`;
        })}`}
      </svg>
      <figcaption class="legend">
        ${chart.series.map(
          (series) =>
            html`<span class="key"><span class="swatch ${series.className}" aria-hidden="true"></span>${series.name}</span>`,
        )}
      </figcaption>
    </figure>
  `;
}
