// The learning and improvement evidence page: for a period against the one before, the FFT trend, complaint
// timeliness and outcomes, the top themes and how each changed, actions completed, "You said, we did"
// published, and people taking part and consultations. Each chart has its table beside it; counts and published words
// only. inbox-evidence-state.ts decides what it says.
import {html, nothing} from 'lit';
import type {Report} from '@care-feedback/core/provider';
import {formatDate, formatMonth} from './inbox-format.js';
import {renderBarChart, renderFftChart} from './inbox-chart.js';
import {actionFigures} from './inbox-report-extras.js';
import {consultationsTable, involvementTable, waysTable} from './inbox-evidence-involvement.js';
import {equalityTables} from './inbox-equality.js';
import {previousPeriod} from './inbox-report-period.js';
import {fftTable, outcomesTable, themeChanges, themesTable, timelinessTable} from './inbox-evidence-state.js';
import {renderPeriodForm, renderPeriodShown, renderPrintButton, renderReportTable} from './inbox-report-parts.js';
import {chartedMonths} from './inbox-reports.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

const REPORT = 'evidence';

export function renderEvidence(context: ViewContext) {
  const {c, t} = context;
  const state = c.evidence;
  // One template whatever the state, so the heading keeps focus while the report arrives.
  return html`<section class="view evidence" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('evidenceHeading')}</h2>
    <p>${t('evidenceIntro')}</p>
    ${renderPeriodForm('evidence-period', state, context)} ${errorMessage('evidence-error', state.error, t)}
    ${state.loading ? html`<p>${t('loadingReports')}</p>` : nothing}
    ${state.report ? renderEvidenceBody(state.report, context) : nothing}
  </section>`;
}

function renderEvidenceBody(r: Report, context: ViewContext) {
  const {c, t, locale} = context;
  const state = c.evidence;
  const section = (id: string, heading: string, body: unknown) =>
    html`<section class="report-section" aria-labelledby=${id}>
      <h3 id=${id}>${heading}</h3>
      ${body}
    </section>`;
  const before = previousPeriod(r.period);
  const months = chartedMonths(r);
  const previous = state.previous;
  const outcomes = outcomesTable(r, previous, t);
  const changes = themeChanges(r, previous);
  const actions = actionFigures(r);
  const ways = waysTable(r, previous, t);
  const series = [
    {name: t('evidenceThisPeriod'), className: 'positive'},
    {name: t('evidencePreviousPeriod'), className: 'before'},
  ];
  const numbers = (row: Array<string | number>) => row.slice(1, 3).map((cell) => (typeof cell === 'number' ? cell : 0));
  return html`
      ${renderPeriodShown(state, context)}
      <p>${t('evidenceComparedWith', {from: formatDate(before.from, locale), to: formatDate(before.to, locale)})}</p>
      ${renderPrintButton(context)}
      ${section(
        'evidence-fft-heading',
        t('evidenceFftHeading'),
        months.length === 0
          ? html`<p>${t('fftNone')}</p>`
          : html`<div class="chart-pair">
              ${renderFftChart(months, context)}
              ${renderReportTable(fftTable({...r, fft: {...r.fft, byMonth: months}}, t, (m) => formatMonth(m, locale)), REPORT, state, context)}
            </div>`,
      )}
      ${section(
        'evidence-timeliness-heading',
        t('evidenceTimelinessHeading'),
        html`${renderReportTable(timelinessTable(r, previous, t), REPORT, state, context)}
          <div class="chart-pair">
            ${renderBarChart({
              id: 'evidence-outcomes-chart',
              title: t('evidenceOutcomesChartTitle'),
              summary: t('evidenceChartSummary'),
              series,
              groups: outcomes.rows.map((row) => ({label: String(row[0]), values: numbers(row)})),
            })}
            ${renderReportTable(outcomes, REPORT, state, context)}
          </div>`,
      )}
      ${section(
        'evidence-themes-heading',
        t('evidenceThemesHeading'),
        !changes || changes.length === 0
          ? html`<p class="no-themes">${t('noThemes')}</p>`
          : html`<div class="chart-pair">
              ${renderBarChart({
                id: 'evidence-themes-chart',
                title: t('evidenceThemesChartTitle'),
                summary: t('evidenceChartSummary'),
                series,
                groups: changes.map((theme) => ({label: theme.name, values: [theme.now, theme.before]})),
              })}
              ${renderReportTable(themesTable(changes, t), REPORT, state, context)}
            </div>`,
      )}
      ${section(
        'evidence-actions-heading',
        t('evidenceActionsHeading'),
        html`${actions
            ? html`<p class="actions-completed">${t('evidenceActionsCompleted', {count: actions.completed})}</p>`
            : html`<p class="no-actions">${t('evidenceNoActions')}</p>`}
          <h4>${t('evidencePublishedHeading')}</h4>
          ${errorMessage('evidence-published-error', state.publishedError, t)}
          ${state.published.length
            ? html`<ul class="published-list">
                ${state.published.map(
                  (item) =>
                    html`<li>
                      <p><strong>${t('evidenceYouSaid')}:</strong> ${item.youSaid}</p>
                      <p><strong>${t('evidenceWeDid')}:</strong> ${item.weDid}</p>
                    </li>`,
                )}
              </ul>`
            : html`<p class="published-none">${t('evidencePublishedNone')}</p>`}`,
      )}
      ${section(
        'evidence-involvement-heading',
        t('evidenceInvolvementHeading'),
        html`<p>${t('evidenceInvolvementIntro')}</p>
          ${renderReportTable(involvementTable(r, previous, t, locale), REPORT, state, context)}
          <div class="chart-pair">
            ${renderBarChart({
              id: 'evidence-ways-chart',
              title: t('evidenceWaysChartTitle'),
              summary: t('evidenceChartSummary'),
              series,
              groups: ways.rows.map((row) => ({label: String(row[0]), values: numbers(row)})),
            })}
            ${renderReportTable(ways, REPORT, state, context)}
          </div>
          ${renderReportTable(consultationsTable(r, previous, t), REPORT, state, context)}`,
      )}
      ${section(
        'evidence-equality-heading',
        t('equalityHeading'),
        html`${errorMessage('evidence-equality-error', state.equalityError, t)}
        ${state.equality
          ? html`<p>${t('equalityIntro', {min: state.equality.minimumGroupSize})}</p>
              ${equalityTables(state.equality, t).map((table) => renderReportTable(table, REPORT, state, context))}
              ${equalityTables(state.equality, t).length === 0 ? html`<p class="equality-none">${t('equalityNone', {min: state.equality.minimumGroupSize})}</p>` : nothing}`
          : nothing}`,
      )}
  `;
}
