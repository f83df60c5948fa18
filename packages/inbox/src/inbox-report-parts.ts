// What the report views share on screen: the period form, a table with its "Download CSV" button, and
// the download itself.
import {html, nothing} from 'lit';
import {formatDate} from './inbox-format.js';
import {csvFileName, tableCsv, type ReportTable} from './inbox-report-table.js';
import type {PeriodProblem} from './inbox-report-period.js';
import type {ReportState} from './inbox-reports-state.js';
import type {Translate, ViewContext} from './inbox-view.js';
import {errorSummary} from './inbox-form-parts.js';

function problemText(problem: PeriodProblem, t: Translate): string {
  switch (problem.problem) {
    case 'missing':
      return t(problem.field === 'from' ? 'periodMissing_from' : 'periodMissing_to');
    case 'not-a-day':
      return t(problem.field === 'from' ? 'periodNotADay_from' : 'periodNotADay_to');
    case 'before-start':
      return t('periodBeforeStart');
    case 'too-long':
      return t('periodTooLong');
  }
}

/**
 * The period form: two date fields and a button. Plain text boxes written YYYY-MM-DD rather than date
 * pickers, which some screen readers and switch users find hard, and which change shape by browser. `prefix` keeps ids apart between views. On a
 * problem the summary names each field; the collector checks the same rules again.
 */
export function renderPeriodForm(prefix: string, state: ReportState, {t}: ViewContext) {
  const problems = state.problems.map((p) => ({field: `${prefix}-${p.field}`, message: problemText(p, t)}));
  const problemFor = (field: 'from' | 'to') => problems.find((p) => p.field === `${prefix}-${field}`)?.message ?? '';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void state.load({from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '')}).then(async () => {
      if (!state.problems.length) return;
      // The summary renders with the problems; move to it once it is there.
      await Promise.resolve();
      const host = (form.getRootNode() as ShadowRoot).host as HTMLElement & {updateComplete?: Promise<unknown>};
      await host.updateComplete;
      (form.getRootNode() as ShadowRoot).getElementById(`${prefix}-errors`)?.focus();
    });
  };
  const field = (name: 'from' | 'to', label: string) => {
    const id = `${prefix}-${name}`;
    const problem = problemFor(name);
    return html`<div class="field ${problem ? 'field-invalid' : ''}">
      <label for=${id}>${label}</label>
      <p id="${id}-hint" class="hint">${t('periodHint')}</p>
      ${problem
        ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${problem}</p>`
        : nothing}
      <input
        id=${id}
        name=${name}
        type="text"
        autocomplete="off"
        spellcheck="false"
        .value=${state.period[name]}
        aria-describedby="${id}-hint${problem ? ` ${id}-error` : ''}"
        aria-invalid=${problem ? 'true' : 'false'}
      />
    </div>`;
  };
  return html`<form class="period-form no-print" @submit=${submit} novalidate>
    ${errorSummary(`${prefix}-errors`, problems, '', t)}
    <fieldset>
      <legend>${t('periodLegend')}</legend>
      <div class="period-fields">${field('from', t('periodFrom'))} ${field('to', t('periodTo'))}</div>
    </fieldset>
    <button type="submit" class="button">${t('periodShow')}</button>
  </form>`;
}

/** "From 1 April 2025 to 31 March 2026": printed under the heading, so a paper copy says its period. */
export function renderPeriodShown(state: ReportState, {t, locale}: ViewContext) {
  const {from, to} = state.report?.period ?? state.period;
  return html`<p class="period-shown">${t('periodShown', {from: formatDate(from, locale), to: formatDate(to, locale)})}</p>`;
}

/** Saves text as a file through a short-lived link, as the list's CSV export does. */
export function downloadText(root: HTMLElement | DocumentFragment, name: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], {type: `${type};charset=utf-8`}));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the Blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A report table with a caption, row headers, and its own CSV download button (hidden in print). */
export function renderReportTable(table: ReportTable, report: string, state: ReportState, {t}: ViewContext) {
  const id = `${report}-${table.id}`;
  const download = (event: Event) =>
    downloadText(
      (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot,
      csvFileName(report, table, state.report?.period ?? state.period),
      tableCsv(table),
    );
  return html`<div class="report-table" data-table=${table.id}>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="${id}-caption">
      <table class="counts">
        <caption id="${id}-caption">${table.caption}</caption>
        <thead>
          <tr>
            ${table.columns.map((column) => html`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            ([first, ...rest]) =>
              html`<tr>
                <th scope="row">${first}</th>
                ${rest.map((cell) => html`<td>${cell}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <button type="button" class="button secondary csv-button no-print" @click=${download}>
      ${t('downloadCsv', {caption: table.caption})}
    </button>
  </div>`;
}

/** The print button: the browser's own print, which the print styles turn into a clean paper copy. */
export function renderPrintButton({t}: ViewContext) {
  return html`<button type="button" class="button secondary print-button no-print" @click=${() => window.print()}>
    ${t('printReport')}
  </button>`;
}
