// The complaint record's state: the points and their outcomes, who investigates, the dates, an
// extension, the apology and remedy, the response and the ombudsman, as the collector keeps them
// (GET/PATCH /v1/submissions/:reference/complaint). Plain TypeScript (no Lit, no DOM), so Node tests
// it (inbox-complaint-state.node.test.ts); inbox-complaint.ts draws the form.
import {InboxApiError} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import type {InboxRecord} from './inbox-types.js';

import {OUTCOMES, type Outcome} from '@care-feedback/core/provider';

/** The record as the collector answers it. */
export interface ComplaintRecord {
  points: Array<{text: string; outcome: Outcome | null}>;
  investigator: string | null;
  eventsDate: string | null;
  acknowledgementSentAt: string | null;
  responseDueAt: string | null;
  extensions: Array<{reason: string; newDate: string}>;
  apology: string | null;
  remedy: string | null;
  responseSentAt: string | null;
  toldOfOmbudsman: boolean;
  ombudsmanReferredAt: string | null;
  ombudsmanResult: string | null;
  dueDate: string | null;
  warnings: string[];
}

/** Reads one box of a form by its name: what is in it, trimmed; '' when it is empty or not there. */
export type FormReader = (name: string) => string;

/** What a save sends: the record's fields staff can change. */
export type ComplaintChange = Omit<ComplaintRecord, 'dueDate' | 'warnings'>;

/** The collector's field names and the boxes that hold them, for its 422 answers. */
const FIELD_FOR_PATH: Array<[RegExp, string]> = [
  [/^points/, 'complaint-points'],
  [/^investigator$/, 'complaint-investigator'],
  [/^eventsDate$/, 'complaint-events'],
  [/^acknowledgementSentAt$/, 'complaint-ack'],
  [/^responseDueAt$/, 'complaint-due'],
  [/^extensions/, 'complaint-extension-reason'],
  [/^apology$/, 'complaint-apology'],
  [/^remedy$/, 'complaint-remedy'],
  [/^responseSentAt$/, 'complaint-sent'],
  [/^ombudsmanReferredAt$/, 'complaint-referred'],
  [/^ombudsmanResult$/, 'complaint-result'],
];

/** The change to send for the form's boxes, read by name with `value`, over the record as it was. */
export function complaintChange(record: ComplaintRecord, value: FormReader): ComplaintChange {
  const orNull = (name: string) => value(name) || null;
  // Points: one a line. A point kept from before keeps its outcome, chosen beside it.
  const points = value('points')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => {
      const before = record.points.findIndex((point) => point.text === text);
      const chosen = before >= 0 ? value(`outcome-${before}`) : '';
      return {text, outcome: (OUTCOMES as readonly string[]).includes(chosen) ? (chosen as Outcome) : null};
    });
  const extensions = [...record.extensions];
  if (value('extension-reason') || value('extension-date'))
    extensions.push({reason: value('extension-reason'), newDate: value('extension-date')});
  return {
    points,
    investigator: orNull('investigator'),
    eventsDate: orNull('events'),
    acknowledgementSentAt: orNull('ack'),
    responseDueAt: orNull('due'),
    extensions,
    apology: orNull('apology'),
    remedy: orNull('remedy'),
    responseSentAt: orNull('sent'),
    toldOfOmbudsman: value('told') === 'yes',
    ombudsmanReferredAt: orNull('referred'),
    ombudsmanResult: orNull('result'),
  };
}

/** The state of one complaint's record; the inbox controller owns one and loads it when a complaint opens. */
export class ComplaintState extends Observable {
  record: ComplaintRecord | undefined;
  loadError = '';
  problems: FieldProblem[] = [];
  formError = '';
  saving = false;
  saved = false;
  /** Bumped on each load and save, so the boxes show what the collector holds. */
  formKey = 0;

  constructor(private readonly c: InboxController) {
    super();
  }

  async load(item: InboxRecord): Promise<void> {
    this.record = undefined;
    this.loadError = '';
    this.problems = [];
    this.formError = '';
    this.saved = false;
    if (!this.c.api || item.submission.kind !== 'complaint') return;
    try {
      this.record = (await this.c.api.complaint(item.reference)) as ComplaintRecord;
      this.formKey++;
    } catch (error) {
      this.loadError = this.c.explain(error);
    }
    this.notify();
  }

  /** Saves the form, whose boxes `value` reads by name. */
  async save(reference: string, value: FormReader): Promise<void> {
    const c = this.c;
    if (!c.api || !this.record || this.saving) return;
    const change = complaintChange(this.record, value);
    this.problems = [];
    this.formError = '';
    this.saved = false;
    this.saving = true;
    this.notify();
    try {
      this.record = (await c.api.updateComplaint(reference, change)) as ComplaintRecord;
      this.saving = false;
      this.saved = true;
      this.formKey++;
      c.announce(c.t('complaintSaved'));
      this.notify();
      c.focus('complaint-saved');
      void c.loadAudit();
    } catch (error) {
      this.saving = false;
      if (error instanceof InboxApiError && error.errors.length) {
        for (const {path, message} of error.errors) {
          const field = FIELD_FOR_PATH.find(([pattern]) => pattern.test(path))?.[1];
          if (field) this.problems.push({field, message});
          else this.formError = message;
        }
      } else {
        this.formError = c.explain(error);
      }
      this.notify();
      c.focus('complaint-errors');
    }
  }
}
