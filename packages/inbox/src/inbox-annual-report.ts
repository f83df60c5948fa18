// The annual complaints report view: the period form, the complaints received, upheld and referred, how
// they were decided, their themes, and the two parts the manager writes; prints cleanly, and each table
// downloads as CSV. inbox-annual-report-state.ts decides what it says.
import {html, nothing} from 'lit';
import {actionsTable, complaintsTable, outcomesTable, themesTable} from './inbox-annual-report-state.js';
import type {AnnualReportState} from './inbox-annual-report-state.js';
import {renderPeriodForm, renderPeriodShown, renderPrintButton, renderReportTable} from './inbox-report-parts.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

const REPORT = 'annual-complaints';

/** A box the manager writes in, and the same words as text for paper (the box itself is not printed). */
function managerText(
  part: 'matters' | 'improvements',
  label: string,
  hint: string,
  state: AnnualReportState,
  {t}: ViewContext,
) {
  const id = `annual-${part}`;
  return html`<div class="manager-text">
    <div class="field">
      <label for=${id}>${label}</label>
      <p id="${id}-hint" class="hint">${hint}</p>
      <textarea
        id=${id}
        rows="5"
        .value=${state[part]}
        aria-describedby="${id}-hint"
        @input=${(event: Event) => state.write(part, (event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>
    <p class="print-only written" data-written=${part}>${state[part].trim() || t('annualNotWritten')}</p>
  </div>`;
}

export function renderAnnualReport(context: ViewContext) {
  const {c, t} = context;
  const state = c.annualReport;
  const r = state.report;
  const themes = r ? themesTable(r, t) : undefined;
  const actions = r ? actionsTable(r, t) : undefined;
  const section = (id: string, heading: string, body: unknown) =>
    html`<section class="report-section" aria-labelledby=${id}>
      <h3 id=${id}>${heading}</h3>
      ${body}
    </section>`;
  return html`
    <section class="view annual-report" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('annualHeading')}</h2>
      <p>${t('annualIntro')}</p>
      ${renderPeriodForm('annual-period', state, context)}
      ${errorMessage('annual-error', state.error, t)}
      ${state.loading ? html`<p>${t('loadingReports')}</p>` : nothing}
      ${
        r
          ? html`
              ${renderPeriodShown(state, context)} ${renderPrintButton(context)}
              ${section('annual-received-heading', t('annualReceivedHeading'), renderReportTable(complaintsTable(r, t), REPORT, state, context))}
              ${section('annual-outcomes-heading', t('annualOutcomesHeading'), renderReportTable(outcomesTable(r, t), REPORT, state, context))}
              ${section(
                'annual-themes-heading',
                t('annualThemesHeading'),
                themes ? renderReportTable(themes, REPORT, state, context) : html`<p class="no-themes">${t('noThemes')}</p>`,
              )}
              ${section(
                'annual-matters-heading',
                t('annualMattersHeading'),
                managerText('matters', t('annualMattersLabel'), t('annualMattersHint'), state, context),
              )}
              ${section(
                'annual-improvements-heading',
                t('annualImprovementsHeading'),
                html`${actions ? renderReportTable(actions, REPORT, state, context) : nothing}
                ${managerText('improvements', t('annualImprovementsLabel'), t('annualImprovementsHint'), state, context)}`,
              )}
            `
          : nothing
      }
    </section>
  `;
}
