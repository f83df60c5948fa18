// The reports view: Friends and Family Test by month (chart and table), counts by kind, service and status, complaints.
import {html, nothing} from 'lit';
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

export function renderReports(context: ViewContext) {
  const {c, t, strings} = context;
  const r = c.reports;
  return html`
    <section class="view reports" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('reportsHeading')}</h2>
      ${errorMessage('reports-error', c.reportsError, t)}
      ${c.loadingReports ? html`<p>${t('loadingReports')}</p>` : nothing}
      ${
        r
          ? html`
              <section aria-labelledby="complaints-heading">
                <h3 id="complaints-heading">${t('complaintsHeading')}</h3>
                <dl class="big-numbers">
                  <div>
                    <dt>${t('complaintsOpen')}</dt>
                    <dd>${r.complaintsOpen}</dd>
                  </div>
                  <div class="${r.complaintsOverdue > 0 ? 'is-overdue' : ''}">
                    <dt>${t('complaintsOverdue')}</dt>
                    <dd>${r.complaintsOverdue}</dd>
                  </div>
                </dl>
              </section>
              <section aria-labelledby="fft-heading">
                <h3 id="fft-heading">${t('fftHeading')}</h3>
                <p>${t('fftIntro')}</p>
                ${
                  r.fftByMonth.length === 0
                    ? html`<p>${t('fftNone')}</p>`
                    : html`${renderFftChart(r.fftByMonth, context)}
                      ${renderFftTable(r.fftByMonth, context)}`
                }
              </section>
              ${countTable(
                'by-kind-heading',
                t('byKindHeading'),
                t('detailKind'),
                r.overall.byKind.map(([kind, count]) => [label(t, strings, 'kind', kind), count]),
                context,
              )}
              ${countTable(
                'by-service-heading',
                t('byServiceHeading'),
                t('detailService'),
                r.byService.map(([service, count]) => [service || t('noService'), count]),
                context,
              )}
              ${r.byServicePartial ? html`<p class="hint">${t('byServicePartial')}</p>` : nothing}
              ${countTable(
                'by-status-heading',
                t('byStatusHeading'),
                t('rowStatus'),
                r.overall.byStatus.map(([status, count]) => [
                  label(t, strings, 'status', status),
                  count,
                ]),
                context,
              )}
            `
          : nothing
      }
    </section>
  `;
}
