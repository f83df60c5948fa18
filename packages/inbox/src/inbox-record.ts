// "Record feedback" in the inbox: staff write down what came by phone, letter, e-mail, in person or at a
// meeting. It goes through the same POST /v1/submissions as the web form, with `recorded` (DESIGN.md,
// version 2), so it gets a reference, the clock and the workflow like everything else.
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {KINDS, LIMITS, RELATIONSHIPS} from '@care-feedback/core';
import {errorSummary} from './inbox-form-parts.js';
import {RECORDED_CHANNELS, type RecordedChannel} from '@care-feedback/core/provider';
import {today, type RecordField} from './inbox-record-state.js';
import type {InboxStrings} from './inbox-strings.js';
import type {ViewContext} from './inbox-view.js';

const CHANNEL_LABEL = {
  phone: 'channelPhone',
  letter: 'channelLetter',
  email: 'channelEmail',
  'in-person': 'channelInPerson',
  meeting: 'channelMeeting',
  other: 'channelOther',
} as const satisfies Record<RecordedChannel, keyof InboxStrings>;

export function renderRecord({c, t}: ViewContext) {
  const r = c.recording;
  const problem = (field: RecordField) => r.problems.find((p) => p.field === field)?.message ?? '';
  const errorLine = (field: RecordField) =>
    problem(field)
      ? html`<p id="${field}-error" class="error-message">
          <span class="visually-hidden">${t('errorTitle')}:</span> ${problem(field)}
        </p>`
      : nothing;
  const describedBy = (field: RecordField, hint = true) =>
    [hint ? `${field}-hint` : '', problem(field) ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
  const radios = (field: RecordField, name: string, legend: string, hint: string, options: Array<[string, string]>) =>
    html`<div class="field ${problem(field) ? 'field-invalid' : ''}">
      <fieldset aria-describedby=${describedBy(field)}>
        <legend>${legend}</legend>
        <p id="${field}-hint" class="hint">${hint}</p>
        ${errorLine(field)}
        <div class="radios">
          ${options.map(
            ([value, label], i) => html`<div class="radio">
              <input type="radio" id=${i === 0 ? field : `${field}-${value}`} name=${name} value=${value} />
              <label for=${i === 0 ? field : `${field}-${value}`}>${label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
    </div>`;
  const input = (field: RecordField | 'record-name' | 'record-service' | 'record-time', name: string, label: string, hint: string, type = 'text', extra: {value?: string; max?: string; autocomplete?: string} = {}) =>
    html`<div class="field ${problem(field as RecordField) ? 'field-invalid' : ''}">
      <label for=${field}>${label}</label>
      <p id="${field}-hint" class="hint">${hint}</p>
      ${errorLine(field as RecordField)}
      <input
        id=${field}
        name=${name}
        type=${type}
        .defaultValue=${extra.value ?? ''}
        max=${extra.max ?? nothing}
        autocomplete=${extra.autocomplete ?? 'off'}
        aria-describedby=${describedBy(field as RecordField)}
        aria-invalid=${problem(field as RecordField) ? 'true' : 'false'}
      />
    </div>`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '');
    void r.save({
      kind: value('kind'),
      channel: value('channel'),
      day: value('day'),
      time: value('time'),
      message: value('message'),
      service: value('service'),
      relationship: value('relationship'),
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      by: value('by'),
    });
  };
  return html`
    <section class="view record" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('recordHeading')}</h2>
      <p>${t('recordIntro')}</p>
      <div class="panel notice"><p>${t('recordAnyComplaint')}</p></div>
      ${errorSummary('record-errors', r.problems, r.formError, t)}
      ${r.savedReference
        ? html`<div class="panel notice" id="record-saved" tabindex="-1">
            <p>${t('recordSaved', {reference: r.savedReference})}</p>
            <button type="button" class="button secondary" @click=${() => void c.open(r.savedReference)}>
              ${t('recordOpen')}
            </button>
          </div>`
        : nothing}
      ${keyed(
        r.formKey,
        html`<form @submit=${submit} novalidate>
          ${radios('record-kind', 'kind', t('recordKind'), t('recordKindHint'), KINDS.map((kind) => [kind, t(`kind_${kind}`)]))}
          ${radios('record-channel', 'channel', t('recordChannel'), t('recordChannelHint'), RECORDED_CHANNELS.map((channel) => [channel, t(CHANNEL_LABEL[channel])]))}
          ${input('record-day', 'day', t('recordDay'), t('recordDayHint'), 'date', {value: today(), max: today()})}
          ${input('record-time', 'time', t('recordTime'), t('recordTimeHint'), 'time')}
          <div class="field ${problem('record-message') ? 'field-invalid' : ''}">
            <label for="record-message">${t('recordMessage')}</label>
            <p id="record-message-hint" class="hint">${t('recordMessageHint')}</p>
            ${errorLine('record-message')}
            <textarea
              id="record-message"
              name="message"
              rows="6"
              maxlength=${LIMITS.message}
              aria-describedby=${describedBy('record-message')}
              aria-invalid=${problem('record-message') ? 'true' : 'false'}
            ></textarea>
          </div>
          ${input('record-service', 'service', t('recordService'), t('recordServiceHint'))}
          <div class="field">
            <label for="record-relationship">${t('recordRelationship')}</label>
            <p id="record-relationship-hint" class="hint">${t('recordRelationshipHint')}</p>
            <select id="record-relationship" name="relationship" aria-describedby="record-relationship-hint">
              <option value="">${t('recordRelationshipUnknown')}</option>
              ${RELATIONSHIPS.map((value) => html`<option value=${value}>${t(`relationship_${value}`)}</option>`)}
            </select>
          </div>
          <fieldset class="field">
            <legend>${t('recordContact')}</legend>
            <p class="hint">${t('recordContactHint')}</p>
            ${input('record-name', 'name', t('recordName'), t('recordNameHint'))}
            ${input('record-email', 'email', t('recordEmail'), t('recordEmailHint'), 'email')}
            ${input('record-phone', 'phone', t('recordPhone'), t('recordPhoneHint'), 'tel')}
          </fieldset>
          ${input('record-by', 'by', t('recordBy'), t('recordByHint'), 'text', {autocomplete: 'name'})}
          <button type="submit" class="button" ?disabled=${r.saving}>
            ${r.saving ? t('recordSaving') : t('recordSave')}
          </button>
        </form>`,
      )}
    </section>
  `;
}
