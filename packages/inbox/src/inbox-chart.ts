// The Friends and Family Test chart: horizontal bars per month in SVG, named and described for screen readers.
import {html, svg} from 'lit';
import {formatMonth, formatPercent} from './inbox-format.js';
import type {FftMonth} from './inbox-types.js';
import type {ViewContext} from './inbox-view.js';

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
