// Feedback recorded by staff (DESIGN.md, version 2): what came by phone, letter, e-mail, in person or at a
// meeting is typed in by someone with a provider token, with `recorded: {channel, by, receivedAt?}`. It
// gets the same reference, clock and workflow as web feedback; its clock starts when it really arrived.
import {RECORDED_CHANNELS, type RecordedChannel} from '@care-feedback/core/provider';
import type {ProblemField} from './http.js';

export interface Recorded {
  channel: RecordedChannel;
  by: string;
  /** When the feedback really arrived, if not now. */
  receivedAt?: Date;
}

const STAFF_CHANNELS = RECORDED_CHANNELS;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The earliest it may have come: working days are counted from it, and a date far back is a slip. */
const EARLIEST = Date.UTC(2000, 0, 1);

/** Whether the date and hour as written exist (no 30 February, no hour 24): Date rolls them over. */
function onCalendar(text: string): boolean {
  const [year, month, day, hour] = text.slice(0, 13).split(/[-T]/).map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return hour <= 23 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads `recorded` from a body; each problem comes back with its field path, as the schema's do. */
export function parseRecorded(value: unknown, now: Date): {recorded?: Recorded; errors: ProblemField[]} {
  const errors: ProblemField[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {errors: [{path: 'recorded', message: 'Say how the feedback came, and who is recording it.'}]};
  }
  const {channel, by, receivedAt} = value as Record<string, unknown>;
  if (typeof channel !== 'string' || !(STAFF_CHANNELS as readonly string[]).includes(channel))
    errors.push({path: 'recorded.channel', message: `Say how it came: ${STAFF_CHANNELS.join(', ')}.`});
  const name = typeof by === 'string' ? by.trim() : '';
  if (!name || name.length > 100 || /[\u0000-\u001f\u007f]/.test(name))
    errors.push({path: 'recorded.by', message: 'Give the name of the person recording it (up to 100 characters).'});
  let arrived: Date | undefined;
  if (receivedAt !== undefined) {
    arrived =
      typeof receivedAt === 'string' && ISO_DATE_TIME.test(receivedAt) && onCalendar(receivedAt)
        ? new Date(receivedAt)
        : undefined;
    if (!arrived || Number.isNaN(arrived.getTime()))
      errors.push({path: 'recorded.receivedAt', message: 'Give the date and time it came, like 2026-12-03T14:30:00Z.'});
    else if (arrived.getTime() < EARLIEST)
      errors.push({path: 'recorded.receivedAt', message: 'The date it came must be in the year 2000 or later.'});
    // A minute's grace for clocks that differ a little.
    else if (arrived.getTime() > now.getTime() + 60_000)
      errors.push({path: 'recorded.receivedAt', message: 'The date it came cannot be in the future.'});
  }
  if (errors.length) return {errors};
  return {
    recorded: {channel: channel as Recorded['channel'], by: name, ...(arrived ? {receivedAt: arrived} : {})},
    errors,
  };
}
