// The involvement log (#16): who took part in what, and the expenses paid to them. The collector checks
// an entry with this, and the inbox's form shows the same limits and the same plain messages.
import {INVOLVEMENT_WAYS, type InvolvementWay} from '../schema/involvement.js';

export const INVOLVEMENT_LOG_LIMITS = {
  activity: 200,
  note: 1000,
  /** £10,000 in pence: more than any one day's expenses, less than a typing slip would make. */
  expensesPence: 1_000_000,
} as const;

/** What a provider sends to POST /v1/involvement/:reference/log. */
export interface InvolvementLogInput {
  /** What the person took part in, in the provider's words: "Interview panel for a new manager". */
  activity: string;
  /** Which way of taking part it was, when it is one of the six. */
  way?: InvolvementWay;
  /** The day they took part, YYYY-MM-DD. */
  date: string;
  /** Expenses paid to them for it, in pence (0 when none). */
  expensesPence: number;
  /** Anything else worth keeping: what the expenses were for, how it went. */
  note?: string;
}

/** One entry as kept and listed. */
export interface InvolvementLogEntry extends InvolvementLogInput {
  id: string;
  reference: string;
  recordedBy: string;
  recordedAt: string;
}

/** GET /v1/involvement/:reference/log answers this. */
export interface InvolvementLogList {
  reference: string;
  items: InvolvementLogEntry[];
  /** The sum of `expensesPence` over every entry. */
  expensesPence: number;
}

export interface InvolvementLogError {
  path: string;
  message: string;
}

export const INVOLVEMENT_LOG_MESSAGES = {
  activity: `Say what they took part in, in ${INVOLVEMENT_LOG_LIMITS.activity} characters or fewer.`,
  way: `Choose one of: ${INVOLVEMENT_WAYS.join(', ')}, or leave it out.`,
  date: 'Give the day they took part as YYYY-MM-DD, like 2026-03-14.',
  expensesPence: 'Give the expenses paid in pence, as a whole number from 0 to 1000000 (£10,000).',
  note: `Keep the note to ${INVOLVEMENT_LOG_LIMITS.note} characters or fewer.`,
} as const;

const characters = (text: string) => [...text].length;

/** A real calendar day, YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** Checks a log entry; unknown fields are dropped, text is kept byte for byte. */
export function checkInvolvementLogInput(
  input: unknown,
): {ok: true; value: InvolvementLogInput} | {ok: false; errors: InvolvementLogError[]} {
  const body = (input ?? {}) as Record<string, unknown>;
  const errors: InvolvementLogError[] = [];
  const wrong = (path: keyof typeof INVOLVEMENT_LOG_MESSAGES) =>
    errors.push({path, message: INVOLVEMENT_LOG_MESSAGES[path]});
  const {activity, way, date, expensesPence, note} = body;
  if (typeof activity !== 'string' || activity.trim() === '' || characters(activity) > INVOLVEMENT_LOG_LIMITS.activity)
    wrong('activity');
  if (way !== undefined && !(INVOLVEMENT_WAYS as readonly unknown[]).includes(way)) wrong('way');
  if (!isCalendarDate(date)) wrong('date');
  const pence = expensesPence === undefined ? 0 : expensesPence;
  if (typeof pence !== 'number' || !Number.isInteger(pence) || pence < 0 || pence > INVOLVEMENT_LOG_LIMITS.expensesPence)
    wrong('expensesPence');
  if (note !== undefined && (typeof note !== 'string' || characters(note) > INVOLVEMENT_LOG_LIMITS.note)) wrong('note');
  if (errors.length) return {ok: false, errors};
  return {
    ok: true,
    value: {
      activity: activity as string,
      ...(way !== undefined ? {way: way as InvolvementWay} : {}),
      date: date as string,
      expensesPence: pence as number,
      ...(note !== undefined && note !== '' ? {note: note as string} : {}),
    },
  };
}
