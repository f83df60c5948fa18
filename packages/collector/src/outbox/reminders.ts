// When alert e-mails fall due: the alert at once, acknowledgement reminders as outbox rows with a not-before time, and the daily summary.
import type {OutboxDraft, Store} from '../types.js';
import {isWorkingDay, localDay} from '../working-days.js';
import {dueDate} from '../complaint-record.js';
import type {SummaryCounts} from './messages.js';

/**
 * Reminders are written as outbox rows in the same transaction as the complaint, each with the time
 * before which it is not sent. So they are as durable as the complaint itself, need no sweep over
 * the records, and go out once across instances like any other row. Whether one is still needed is
 * decided when it falls due (see stillNeeded): an acknowledged complaint gets none.
 */
export interface AlertPlan {
  /** The provider's time zone. */
  timeZone: string;
  holidays: ReadonlySet<string>;
  /** Local time reminders are sent, HH:MM (default 09:00). */
  reminderAt?: string;
}

/** The facts an alert carries: no words and no details of the person. */
export interface AlertFacts {
  kind: string;
  service: string | null;
  receivedAt: string;
  ackDueAt: string | null;
}

/** The e-mail rows for a new submission: complaints and concerns only. */
export function emailDrafts(facts: AlertFacts, plan: AlertPlan): OutboxDraft[] {
  if (facts.kind !== 'complaint' && facts.kind !== 'concern') return [];
  const payload = {...facts};
  const drafts: OutboxDraft[] = [
    {
      key: 'email:new',
      channel: 'email',
      topic: 'submission.created',
      notBefore: facts.receivedAt,
      payload,
    },
  ];
  if (facts.kind === 'complaint' && facts.ackDueAt) {
    const at = plan.reminderAt ?? '09:00';
    const before = zonedInstant(
      workingDayNear(facts.ackDueAt, -1, plan.holidays),
      at,
      plan.timeZone,
    );
    // With a due day so close that the reminder's time has passed, the alert itself says it.
    if (before > facts.receivedAt)
      drafts.push({
        key: 'email:ack-due-tomorrow',
        channel: 'email',
        topic: 'ack-due-tomorrow',
        notBefore: before,
        payload,
      });
    drafts.push({
      key: 'email:ack-missed',
      channel: 'email',
      topic: 'ack-missed',
      notBefore: zonedInstant(workingDayNear(facts.ackDueAt, 1, plan.holidays), at, plan.timeZone),
      payload,
    });
  }
  return drafts;
}

/**
 * The reminders for a complaint's reply date: the working day before it, and the working day after
 * if no reply was sent. Keyed by the date, so a new date (an extension) gets reminders of its own and
 * the old date's are skipped when they fall due (see stillNeeded).
 */
export function responseDrafts(facts: AlertFacts & {responseDue: string}, plan: AlertPlan, now: string): OutboxDraft[] {
  const at = plan.reminderAt ?? '09:00';
  const payload = {...facts};
  const before = zonedInstant(workingDayNear(facts.responseDue, -1, plan.holidays), at, plan.timeZone);
  const drafts: OutboxDraft[] = [];
  if (before > now)
    drafts.push({key: `email:response-due-tomorrow:${facts.responseDue}`, channel: 'email', topic: 'response-due-tomorrow', notBefore: before, payload});
  drafts.push({
    key: `email:response-missed:${facts.responseDue}`,
    channel: 'email',
    topic: 'response-missed',
    notBefore: zonedInstant(workingDayNear(facts.responseDue, 1, plan.holidays), at, plan.timeZone),
    payload,
  });
  return drafts;
}

/**
 * Whether a reminder still applies when it falls due: the complaint is still there, still waiting
 * for acknowledgement (or for its reply), with the same due day. Alerts and summaries always apply.
 */
export async function stillNeeded(
  store: Store,
  item: {topic: string; reference: string | null; payload: Record<string, unknown>},
): Promise<boolean> {
  if (item.topic === 'response-due-tomorrow' || item.topic === 'response-missed') {
    const record = item.reference ? await store.getComplaintRecord(item.reference) : undefined;
    return record !== undefined && !record.responseSentAt && dueDate(record) === item.payload.responseDue;
  }
  if (item.topic !== 'ack-due-tomorrow' && item.topic !== 'ack-missed') return true;
  const record = item.reference ? await store.get(item.reference) : undefined;
  return (
    record !== undefined &&
    record.status === 'received' &&
    record.ackDueAt === item.payload.ackDueAt
  );
}

/** The daily summary's row, once its time has come today (by its id, written once across instances). */
export async function enqueueDailySummary(
  store: Store,
  now: Date,
  at: string,
  timeZone: string,
): Promise<'written' | 'not-yet' | 'already'> {
  const today = localDay(now, timeZone);
  const due = zonedInstant(today, at, timeZone);
  if (now.toISOString() < due) return 'not-yet';
  const key = `daily-summary:${today}`;
  const from = new Date(new Date(due).getTime() - 86_400_000).toISOString();
  const count = async (filter: Parameters<Store['stats']>[0]) =>
    (await store.stats(filter)).reduce((sum, row) => sum + row.count, 0);
  const received = await store.stats({from, before: due, quarantined: false});
  const ofKind = (kind: string) =>
    received.filter((r) => r.kind === kind).reduce((sum, row) => sum + row.count, 0);
  const counts: SummaryCounts = {
    day: today,
    time: at,
    newComplaints: ofKind('complaint'),
    newConcerns: ofKind('concern'),
    newOther:
      received.reduce((sum, row) => sum + row.count, 0) - ofKind('complaint') - ofKind('concern'),
    awaitingAck: await count({kind: ['complaint'], status: ['received']}),
    overdueAck: await count({overdueOn: today}),
  };
  const added = await store.enqueueOutbox(
    [{key, channel: 'email', topic: 'daily-summary', notBefore: due, payload: {...counts}}],
    now.toISOString(),
  );
  return added ? 'written' : 'already';
}

/** The nearest working day strictly before (-1) or after (+1) a day. */
export function workingDayNear(
  day: string,
  direction: -1 | 1,
  holidays: ReadonlySet<string>,
): string {
  let next = day;
  do {
    const date = new Date(`${next}T12:00:00Z`);
    date.setUTCDate(date.getUTCDate() + direction);
    next = date.toISOString().slice(0, 10);
  } while (!isWorkingDay(next, holidays));
  return next;
}

/** The instant (ISO) when it is `time` (HH:MM) on `day` in `timeZone`, across clock changes. */
export function zonedInstant(day: string, time: string, timeZone: string): string {
  const wanted = Date.parse(`${day}T${time}:00Z`);
  // Guess as if the zone were UTC, see what local time that is, and move by the difference; twice,
  // so a guess that lands across a clock change settles.
  let instant = wanted;
  for (let i = 0; i < 2; i++) instant += wanted - localAsUtc(instant, timeZone);
  return new Date(instant).toISOString();
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The local wall-clock time of an instant, read as if it were UTC (ms). */
function localAsUtc(instant: number, timeZone: string): number {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(
    format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}
