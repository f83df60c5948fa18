// The "Record feedback" form's state: what staff wrote down of feedback that came by phone, letter,
// e-mail, in person or at a meeting, what is wrong with it, and what goes to the collector. Plain
// TypeScript (no Lit, no DOM), so Node tests it (inbox-record-state.node.test.ts); inbox-record.ts
// draws the form.
import {newSubmissionId, type Submission} from '@care-feedback/core';
import {VERSION} from '@care-feedback/elements/shared/version';
import {InboxApiError} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import type {Translate} from './inbox-view.js';


export type RecordField =
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

/** Today's date where the person is, YYYY-MM-DD. */
export const today = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** The state of the "Record feedback" form; the inbox controller owns one. */
export class RecordState extends Observable {
  problems: Array<FieldProblem<RecordField>> = [];
  formError = '';
  saving = false;
  /** The reference of what was just saved, to say so and open it. */
  savedReference = '';
  /** Bumped after a save, so the form's boxes start empty again. */
  formKey = 0;

  constructor(private readonly c: InboxController) {
    super();
  }

  reset(): void {
    this.problems = [];
    this.formError = '';
    this.saving = false;
    this.savedReference = '';
    this.notify();
  }

  async save(fields: RecordFields): Promise<void> {
    const c = this.c;
    if (!c.api || this.saving) return;
    this.formError = '';
    this.savedReference = '';
    this.problems = recordProblems(fields, c.t);
    if (this.problems.length) {
      this.notify();
      c.focus('record-errors');
      return;
    }
    this.saving = true;
    this.notify();
    try {
      const {reference} = await c.api.record(recordBody(fields));
      this.saving = false;
      this.savedReference = reference;
      this.formKey++;
      c.announce(c.t('recordSaved', {reference}));
      c.focus('record-saved');
      this.notify();
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
      this.notify();
      c.focus('record-errors');
    }
  }
}

/** What is missing or wrong in the form before it is sent, field by field, in the form's order. */
export function recordProblems(fields: RecordFields, t: Translate): Array<FieldProblem<RecordField>> {
  const problems: Array<FieldProblem<RecordField>> = [];
  if (!fields.kind) problems.push({field: 'record-kind', message: t('recordKindMissing')});
  if (!fields.channel) problems.push({field: 'record-channel', message: t('recordChannelMissing')});
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fields.day)) problems.push({field: 'record-day', message: t('recordDayMissing')});
  else if (fields.day > today()) problems.push({field: 'record-day', message: t('recordDayFuture')});
  if (!fields.message.trim()) problems.push({field: 'record-message', message: t('recordMessageMissing')});
  if (!fields.by.trim()) problems.push({field: 'record-by', message: t('recordByMissing')});
  return problems;
}

/** The submission and `recorded` the collector takes, built from the form. */
export function recordBody(fields: RecordFields): Submission & {recorded: {channel: string; by: string; receivedAt: string}} {
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
