// "Record feedback" in the inbox: staff write down what came by phone, letter, e-mail, in person or at a
// meeting. It goes through the same POST /v1/submissions as the web form, with `recorded` (DESIGN.md,
// version 2), so it gets a reference, the clock and the workflow like everything else.
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {KINDS, newSubmissionId, RELATIONSHIPS, type Submission} from '@care-feedback/core';
import {VERSION} from '@care-feedback/elements/shared/version';
import {InboxApiError} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import {errorSummary, type FieldProblem} from './inbox-form-parts.js';
import type {InboxStrings} from './inbox-strings.js';
import type {ViewContext} from './inbox-view.js';

/** The ways feedback comes other than the web form (the collector's channels, less `web`). */
export const RECORD_CHANNELS = ['phone', 'letter', 'email', 'in-person', 'meeting', 'other'] as const;
type RecordChannel = (typeof RECORD_CHANNELS)[number];

type RecordField =
  | 'record-kind'
  | 'record-channel'
  | 'record-day'
  | 'record-message'
  | 'record-email'
  | 'record-phone'
  | 'record-by';

/** The collector's field paths (a 422's `errors[].path`) and the fields that hold them. */
const FIELD_FOR_PATH: Record<string, RecordField> = {
  kind: 'record-kind',
  message: 'record-message',
  'contact.email': 'record-email',
  'contact.phone': 'record-phone',
  'recorded.channel': 'record-channel',
  'recorded.by': 'record-by',
  'recorded.receivedAt': 'record-day',
};

/** What the form holds when it is sent. */
export interface RecordFields {
  kind: string;
  channel: string;
  /** YYYY-MM-DD, the day it came; with `time` (HH:MM) if known. */
  day: string;
  time: string;
  message: string;
  service: string;
  relationship: string;
  name: string;
  email: string;
  phone: string;
  by: string;
}

const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** The state of the "Record feedback" form; the inbox controller owns one. */
export class RecordState {
  problems: Array<FieldProblem<RecordField>> = [];
  formError = '';
  saving = false;
  /** The reference of what was just saved, to say so and open it. */
  savedReference = '';
  /** Bumped after a save, so the form's boxes start empty again. */
  formKey = 0;

  constructor(private readonly c: InboxController) {}

  reset(): void {
    this.problems = [];
    this.formError = '';
    this.saving = false;
    this.savedReference = '';
  }

  private check(fields: RecordFields): Array<FieldProblem<RecordField>> {
    const t = this.c.t;
    const problems: Array<FieldProblem<RecordField>> = [];
    if (!fields.kind) problems.push({field: 'record-kind', message: t('recordKindMissing')});
    if (!fields.channel) problems.push({field: 'record-channel', message: t('recordChannelMissing')});
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.day)) problems.push({field: 'record-day', message: t('recordDayMissing')});
    else if (fields.day > today()) problems.push({field: 'record-day', message: t('recordDayFuture')});
    if (!fields.message.trim()) problems.push({field: 'record-message', message: t('recordMessageMissing')});
    if (!fields.by.trim()) problems.push({field: 'record-by', message: t('recordByMissing')});
    return problems;
  }

  async save(fields: RecordFields): Promise<void> {
    const c = this.c;
    if (!c.api || this.saving) return;
    this.formError = '';
    this.savedReference = '';
    this.problems = this.check(fields);
    if (this.problems.length) {
      c.refresh();
      c.focus('record-errors');
      return;
    }
    this.saving = true;
    c.refresh();
    try {
      const {reference} = await c.api.record(toBody(fields));
      this.saving = false;
      this.savedReference = reference;
      this.formKey++;
      c.announce(c.t('recordSaved', {reference}));
      c.focus('record-saved');
      c.refresh();
    } catch (error) {
      this.saving = false;
      if (error instanceof InboxApiError && error.errors.length) {
        for (const {path, message} of error.errors) {
          const field = FIELD_FOR_PATH[path];
          if (field) this.problems.push({field, message});
          else this.formError = message;
        }
      } else {
        this.formError = c.explain(error);
      }
      c.refresh();
      c.focus('record-errors');
    }
  }
}

/** The submission and `recorded` the collector takes, built from the form. */
function toBody(fields: RecordFields): Submission & {recorded: {channel: string; by: string; receivedAt: string}} {
  const name = fields.name.trim();
  const email = fields.email.trim();
  const phone = fields.phone.trim();
  const hasContact = Boolean(name || email || phone);
  const contact = hasContact
    ? {
        ...(name ? {name} : {}),
        ...(email ? {email} : {}),
        ...(phone ? {phone} : {}),
        preferredMethod: email ? ('email' as const) : phone ? ('phone' as const) : ('none' as const),
      }
    : undefined;
  // A day alone means that day at noon, local time: the working-day clock counts days, not hours.
  const receivedAt = new Date(`${fields.day}T${fields.time || '12:00'}`);
  const now = new Date();
  return {
    schemaVersion: 1,
    id: newSubmissionId(),
    kind: fields.kind as Submission['kind'],
    message: fields.message,
    ...(fields.service.trim() ? {service: fields.service.trim()} : {}),
    ...(fields.relationship ? {relationship: fields.relationship as Submission['relationship']} : {}),
    ...(contact ? {contact} : {}),
    consent: {store: true, contact: hasContact},
    createdAt: now.toISOString(),
    client: {name: 'care-feedback-inbox', version: VERSION},
    recorded: {
      channel: fields.channel,
      by: fields.by.trim(),
      // Never after now: "today" with no time, recorded in the morning, is not yet noon.
      receivedAt: new Date(Math.min(receivedAt.getTime(), now.getTime())).toISOString(),
    },
  };
}

const CHANNEL_LABEL = {
  phone: 'channelPhone',
  letter: 'channelLetter',
  email: 'channelEmail',
  'in-person': 'channelInPerson',
  meeting: 'channelMeeting',
  other: 'channelOther',
} as const satisfies Record<RecordChannel, keyof InboxStrings>;

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
          ${radios('record-channel', 'channel', t('recordChannel'), t('recordChannelHint'), RECORD_CHANNELS.map((channel) => [channel, t(CHANNEL_LABEL[channel])]))}
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
              maxlength="5000"
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
