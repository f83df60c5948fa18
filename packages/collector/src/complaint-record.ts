// The whole complaint record (issue #14): what the LGSCO's guidance and the 2009 complaints regulations ask a
// provider to keep for each complaint, beside the submission: the points to investigate and the outcome of
// each, the investigator, the acknowledgement, the agreed response date and any extension, the apology
// and remedy, the response, whether the person was told of the ombudsman, and a referral to it.
//   GET   /v1/submissions/:reference/complaint   the record, with its warnings
//   PATCH /v1/submissions/:reference/complaint   changes some fields; every change goes to the audit trail
import * as z from 'zod';
import {OUTCOMES} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem, type ProblemField} from './http.js';
import type {AlertFacts} from './outbox/reminders.js';
import type {AuditEntry, OutboxDraft, Store, StoredRecord} from './types.js';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-03.').refine(
  // Only a day-shaped text is checked again, so "" gets one message, not two.
  (day) =>
    !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
    (!Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)),
  'Use a real date, like 2026-12-03.',
);
const TEXT = (max: number) =>
  z.string().trim().min(1, 'Write something, or send null to clear it.').max(max, `Use ${max} characters or fewer.`);

export {OUTCOMES};

const point = z.object({
  text: TEXT(1000),
  outcome: z.enum(OUTCOMES, `Use one of: ${OUTCOMES.join(', ')}.`).nullable().default(null),
});

const extension = z.object({
  reason: TEXT(1000),
  newDate: DAY,
});

/** Every field may be sent alone; null clears it. Unknown fields are refused, so a typo is not lost silently. */
const change = z
  .object({
    points: z.array(point).max(50, 'Up to 50 points.'),
    investigator: TEXT(200).nullable(),
    eventsDate: DAY.nullable(),
    acknowledgementSentAt: DAY.nullable(),
    responseDueAt: DAY.nullable(),
    extensions: z.array(extension).max(20, 'Up to 20 extensions.'),
    apology: TEXT(5000).nullable(),
    remedy: TEXT(5000).nullable(),
    responseSentAt: DAY.nullable(),
    toldOfOmbudsman: z.boolean('Use true or false.'),
    ombudsmanReferredAt: DAY.nullable(),
    ombudsmanResult: TEXT(2000).nullable(),
  })
  .partial()
  .strict();

export type ComplaintChange = z.infer<typeof change>;

export interface ComplaintRecord {
  points: Array<{text: string; outcome: (typeof OUTCOMES)[number] | null}>;
  investigator: string | null;
  /** When the events complained about happened (for the 12-month rule). */
  eventsDate: string | null;
  acknowledgementSentAt: string | null;
  /** The response date agreed with the person. */
  responseDueAt: string | null;
  /** Holding extensions, each with its reason and the new date; the last one's date is the one in force. */
  extensions: Array<{reason: string; newDate: string}>;
  apology: string | null;
  remedy: string | null;
  responseSentAt: string | null;
  toldOfOmbudsman: boolean;
  ombudsmanReferredAt: string | null;
  ombudsmanResult: string | null;
  updatedAt: string | null;
}

export const EMPTY_COMPLAINT_RECORD: ComplaintRecord = {
  points: [],
  investigator: null,
  eventsDate: null,
  acknowledgementSentAt: null,
  responseDueAt: null,
  extensions: [],
  apology: null,
  remedy: null,
  responseSentAt: null,
  toldOfOmbudsman: false,
  ombudsmanReferredAt: null,
  ombudsmanResult: null,
  updatedAt: null,
};

/** What the record should make staff look at: dates and rules, never the person's words. */
export function complaintWarnings(record: ComplaintRecord, receivedAt: string, today: string): string[] {
  const warnings: string[] = [];
  // The LGSCO and the 2009 regulations expect a complaint within 12 months of the events, or of
  // learning of them; a later one may still be looked at, but the provider must decide and say why.
  if (record.eventsDate) {
    const limit = new Date(`${record.eventsDate}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 1);
    if (receivedAt.slice(0, 10) > limit.toISOString().slice(0, 10)) warnings.push('events-over-12-months');
  }
  const due = dueDate(record);
  if (due && !record.responseSentAt && due < today) warnings.push('response-overdue');
  if (record.responseSentAt && !record.toldOfOmbudsman) warnings.push('ombudsman-not-mentioned');
  if (record.responseSentAt && record.points.some((p) => p.outcome === null)) warnings.push('points-without-outcome');
  return warnings;
}

/** The response date in force: the last extension's, else the agreed one. */
export const dueDate = (record: ComplaintRecord): string | null =>
  record.extensions.at(-1)?.newDate ?? record.responseDueAt;

const toProblems = (error: z.ZodError): ProblemField[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}.` : issue.message,
  }));

type Audit = (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) => Promise<void>;
type ReadJson = () => Promise<{value?: Record<string, unknown>; response?: Response}>;

/** Answers GET and PATCH on a complaint's record; the caller has already found the submission in scope. */
export async function handleComplaintRecord(options: {
  store: Store;
  submission: StoredRecord;
  method: string;
  readJson: ReadJson;
  audit: Audit;
  now: () => Date;
  today: string;
  reminders?: ((facts: AlertFacts & {responseDue: string}, now: string) => OutboxDraft[]) | undefined;
  nudgeOutbox?: (() => void) | undefined;
}): Promise<Response> {
  const {store, submission, method, readJson, audit, now, today} = options;
  if (submission.kind !== 'complaint')
    return problem(409, 'not-a-complaint', 'This feedback is not a complaint', 'Only complaints have a complaint record.');
  const current = (await store.getComplaintRecord(submission.reference)) ?? EMPTY_COMPLAINT_RECORD;
  const answer = (record: ComplaintRecord) =>
    json(200, {...record, dueDate: dueDate(record), warnings: complaintWarnings(record, submission.receivedAt, today)});
  if (method === 'GET' || method === 'HEAD') return answer(current);
  if (method !== 'PATCH')
    return methodNotAllowed('GET, HEAD, PATCH');
  const body = await readJson();
  if (body.response) return body.response;
  const parsed = change.safeParse(body.value);
  if (!parsed.success)
    return problem(422, 'invalid-complaint-record', 'Some answers need changing', undefined, {errors: toProblems(parsed.error)});
  const changed = Object.keys(parsed.data).filter(
    (key) => JSON.stringify(parsed.data[key as keyof ComplaintChange]) !== JSON.stringify(current[key as keyof ComplaintRecord]),
  );
  if (changed.length === 0) return answer(current);
  const next: ComplaintRecord = {...current, ...(parsed.data as Partial<ComplaintRecord>), updatedAt: now().toISOString()};
  await store.putComplaintRecord(submission.reference, next);
  // The trail names what changed, not the words: notes of an investigation can hold health details.
  await audit([{reference: submission.reference, action: 'complaint-record', detail: changed.sort().join(', ')}]);
  // A new reply date gets its reminders; the old date's are skipped when they fall due.
  const due = dueDate(next);
  if (options.reminders && due && !next.responseSentAt && due !== dueDate(current)) {
    const drafts = options.reminders(
      {kind: submission.kind, service: submission.service, receivedAt: submission.receivedAt, ackDueAt: submission.ackDueAt, responseDue: due},
      now().toISOString(),
    );
    if (await store.enqueueOutbox(drafts, now().toISOString(), submission.reference)) options.nudgeOutbox?.();
  }
  return answer(next);
}
