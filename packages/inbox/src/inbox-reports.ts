// The reports view: for a period (the last 12 months unless changed), the Friends and Family Test by month
// (chart and table), counts by kind, service and status, and complaints; all from one GET /v1/reports.
import {html, nothing} from 'lit';
import type {Report} from '@care-feedback/core/provider';
import {renderPeriodForm, renderPeriodShown} from './inbox-report-parts.js';
import {label} from './inbox-format.js';
import {renderFftChart, renderFftTable} from './inbox-chart.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

function countTable(
  id: string,
  heading: string,
  first: string,
  rows: Array<[string, number]>,
  {t}: ViewContext,
) {
  return html`
    <section aria-labelledby=${id}>
      <h3 id=${id}>${heading}</h3>
      ${
        rows.length === 0
          ? html`<p>${t('nothingYet')}</p>`
          : html`<div class="table-wrap">
              <table class="counts">
                <caption class="visually-hidden">
                  ${heading}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${first}</th>
                    <th scope="col">${t('countHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    ([name, count]) =>
                      html`<tr>
                        <th scope="row">${name}</th>
                        <td>${count}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
    </section>
  `;
}

/** The months to chart: from the first with any feedback to the end of the period, gaps kept. */
export function chartedMonths(report: Report): Report['fft']['byMonth'] {
  const first = report.fft.byMonth.findIndex((month) => month.answers > 0 || (report.volumes.byMonth[month.month] ?? 0) > 0);
  return first === -1 ? [] : report.fft.byMonth.slice(first);
}

export function renderReports(context: ViewContext) {
  const {c, t, strings} = context;
  const state = c.reportsState;
  const r = state.report;
  const months = r ? chartedMonths(r) : [];
  const open = r ? r.complaints.byStatus.received + r.complaints.byStatus.acknowledged + r.complaints.byStatus.investigating : 0;
  return html`
    <section class="view reports" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('reportsHeading')}</h2>
      ${renderPeriodForm('reports-period', state, context)}
      ${errorMessage('reports-error', state.error, t)}
      ${state.loading ? html`<p>${t('loadingReports')}</p>` : nothing}
      ${
        r
          ? html`
              ${renderPeriodShown(state, context)}
              <section aria-labelledby="complaints-heading">
                <h3 id="complaints-heading">${t('complaintsHeading')}</h3>
                <dl class="big-numbers">
                  <div>
                    <dt>${t('complaintsOpen')}</dt>
                    <dd>${open}</dd>
                  </div>
                  <div class="${r.complaints.acknowledgement.overdue > 0 ? 'is-overdue' : ''}">
                    <dt>${t('complaintsOverdue')}</dt>
                    <dd>${r.complaints.acknowledgement.overdue}</dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="fft-heading">
                <h3 id="fft-heading">${t('fftHeading')}</h3>
                <p>${t('fftIntro')}</p>
                ${
                  months.length === 0
                    ? html`<p>${t('fftNone')}</p>`
                    : html`${renderFftChart(months, context)} ${renderFftTable(months, context)}`
                }
              </section>
              ${countTable(
                'by-kind-heading',
                t('byKindHeading'),
                t('detailKind'),
                Object.entries(r.volumes.byKind).map(([kind, count]) => [label(t, strings, 'kind', kind), count]),
                context,
              )}
              ${countTable(
                'by-service-heading',
                t('byServiceHeading'),
                t('detailService'),
                Object.entries(r.volumes.byService)
                  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                  .map(([service, count]) => [service || t('noService'), count]),
                context,
              )}
              ${countTable(
                'by-status-heading',
                t('byStatusHeading'),
                t('rowStatus'),
                Object.entries(r.byStatus).map(([status, count]) => [label(t, strings, 'status', status), count]),
                context,
              )}
            `
          : nothing
      }
    </section>
  `;
}
