// The complaint record in a complaint's detail: the points and their outcomes, who investigates, the dates,
// an extension, the apology and remedy, the response and the ombudsman (GET/PATCH
// /v1/submissions/:reference/complaint). The collector keeps it and audits each change.
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {errorSummary} from './inbox-form-parts.js';
import {OUTCOMES, type Outcome} from '@care-feedback/core/provider';
import {renderLetters} from './inbox-letters.js';
import type {InboxStrings} from './inbox-strings.js';
import type {InboxRecord} from './inbox-types.js';
import type {ViewContext} from './inbox-view.js';

const WARNING_TEXT: Record<string, keyof InboxStrings> = {
  'events-over-12-months': 'complaintWarnOld',
  'response-overdue': 'complaintWarnLate',
  'ombudsman-not-mentioned': 'complaintWarnOmbudsman',
  'points-without-outcome': 'complaintWarnOutcomes',
};

const OUTCOME_TEXT: Record<Outcome, keyof InboxStrings> = {
  upheld: 'outcomeUpheld',
  'partly-upheld': 'outcomePartly',
  'not-upheld': 'outcomeNotUpheld',
};

export function renderComplaintRecord(item: InboxRecord, {c, t, strings, locale}: ViewContext) {
  const state = c.complaint;
  if (item.submission.kind !== 'complaint') return nothing;
  const record = state.record;
  const problem = (id: string) => state.problems.find((p) => p.field === id)?.message ?? '';
  const field = (id: string, name: string, label: string, hint: string, value: string | null, type = 'text') =>
    html`<div class="field ${problem(id) ? 'field-invalid' : ''}">
      <label for=${id}>${label}</label>
      ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
      ${problem(id) ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${problem(id)}</p>` : nothing}
      ${type === 'textarea'
        ? html`<textarea id=${id} name=${name} rows="3" .defaultValue=${value ?? ''} aria-describedby=${[hint ? `${id}-hint` : '', problem(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing} aria-invalid=${problem(id) ? 'true' : 'false'}></textarea>`
        : html`<input id=${id} name=${name} type=${type} .defaultValue=${value ?? ''} aria-describedby=${[hint ? `${id}-hint` : '', problem(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing} aria-invalid=${problem(id) ? 'true' : 'false'} />`}
    </div>`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void state.save(item.reference, (name) => String(data.get(name) ?? '').trim());
  };
  return html`<section class="complaint-record" aria-labelledby="complaint-heading">
    <h3 id="complaint-heading">${t('complaintHeading')}</h3>
    <p>${t('complaintIntro')}</p>
    ${state.loadError ? html`<p class="error-message">${state.loadError}</p>` : nothing}
    ${record?.warnings.length
      ? html`<div class="panel notice" id="complaint-warnings">
          <h4>${t('complaintWarnings')}</h4>
          <ul>${record.warnings.map((warning) => html`<li>${WARNING_TEXT[warning] ? t(WARNING_TEXT[warning]) : warning}</li>`)}</ul>
        </div>`
      : nothing}
    ${errorSummary('complaint-errors', state.problems, state.formError, t)}
    ${state.saved ? html`<p class="panel notice" id="complaint-saved" tabindex="-1">${t('complaintSaved')}</p>` : nothing}
    ${record
      ? keyed(
          state.formKey,
          html`<form class="complaint-form" @submit=${submit} novalidate>
            ${field('complaint-points', 'points', t('complaintPoints'), t('complaintPointsHint'), record.points.map((p) => p.text).join('\n'), 'textarea')}
            ${record.points.length
              ? html`<fieldset class="field">
                  <legend>${t('complaintOutcomes')}</legend>
                  ${record.points.map(
                    (point, i) => html`<div class="field">
                      <label for="complaint-outcome-${i}">${point.text}</label>
                      <select id="complaint-outcome-${i}" name="outcome-${i}">
                        <option value="" ?selected=${!point.outcome}>${t('outcomeNone')}</option>
                        ${OUTCOMES.map((outcome) => html`<option value=${outcome} ?selected=${point.outcome === outcome}>${t(OUTCOME_TEXT[outcome])}</option>`)}
                      </select>
                    </div>`,
                  )}
                </fieldset>`
              : nothing}
            ${field('complaint-investigator', 'investigator', t('complaintInvestigator'), t('complaintInvestigatorHint'), record.investigator)}
            ${field('complaint-events', 'events', t('complaintEvents'), t('complaintEventsHint'), record.eventsDate, 'date')}
            ${field('complaint-ack', 'ack', t('complaintAck'), '', record.acknowledgementSentAt, 'date')}
            ${field('complaint-due', 'due', t('complaintDue'), t('complaintDueHint'), record.responseDueAt, 'date')}
            <fieldset class="field">
              <legend>${t('complaintExtension')}</legend>
              ${record.extensions.length
                ? html`<ul>${record.extensions.map((extension) => html`<li>${t('complaintExtended', {date: extension.newDate, reason: extension.reason})}</li>`)}</ul>`
                : nothing}
              ${field('complaint-extension-reason', 'extension-reason', t('complaintExtensionReason'), t('complaintExtensionHint'), '', 'textarea')}
              ${field('complaint-extension-date', 'extension-date', t('complaintExtensionDate'), '', '', 'date')}
            </fieldset>
            ${field('complaint-apology', 'apology', t('complaintApology'), '', record.apology, 'textarea')}
            ${field('complaint-remedy', 'remedy', t('complaintRemedy'), t('complaintRemedyHint'), record.remedy, 'textarea')}
            ${field('complaint-sent', 'sent', t('complaintSent'), '', record.responseSentAt, 'date')}
            <div class="field">
              <div class="radio">
                <input type="checkbox" id="complaint-told" name="told" value="yes" ?checked=${record.toldOfOmbudsman} />
                <label for="complaint-told">${t('complaintTold')}</label>
              </div>
            </div>
            ${field('complaint-referred', 'referred', t('complaintReferred'), t('complaintReferredHint'), record.ombudsmanReferredAt, 'date')}
            ${field('complaint-result', 'result', t('complaintResult'), '', record.ombudsmanResult, 'textarea')}
            <button type="submit" class="button" ?disabled=${state.saving}>
              ${state.saving ? t('complaintSaving') : t('complaintSave')}
            </button>
          </form>`,
        )
      : state.loadError
        ? nothing
        : html`<p>${t('loading')}</p>`}
  </section>
  ${renderLetters(item, {c, t, strings, locale})}`;
}
