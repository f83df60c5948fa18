// GET /v1/attention: "Needs attention" (issue #14). The open complaints and concerns, each with what is due
// next and by when, overdue first: a concern to look at today, a complaint to acknowledge, a reply to send
// or a reply date to agree. `mine=true` keeps those whose investigator is the signed-in token's name.
import {dueDate} from './complaint-record.js';
import {localDay} from './working-days.js';
import type {AttentionRow} from './store/attention-sql.js';

/** What is due next for an open complaint or concern. */
export type NextStep = 'look-at-concern' | 'acknowledge' | 'reply' | 'agree-reply-date';

export interface AttentionItem {
  reference: string;
  kind: string;
  status: string;
  service: string | null;
  channel: string;
  receivedAt: string;
  next: NextStep;
  /** The day it is due (YYYY-MM-DD), or null when no date is set yet. */
  due: string | null;
  overdue: boolean;
  investigator: string | null;
}

function nextStep(row: AttentionRow, timeZone: string): {next: NextStep; due: string | null} {
  const {submission, complaint} = row;
  // A concern can be about someone's safety: it is due the day it came.
  if (submission.kind === 'concern') return {next: 'look-at-concern', due: localDay(new Date(submission.receivedAt), timeZone)};
  if (submission.status === 'received') return {next: 'acknowledge', due: submission.ackDueAt};
  const due = complaint && !complaint.responseSentAt ? dueDate(complaint) : null;
  if (complaint?.responseSentAt) return {next: 'reply', due: null};
  return due ? {next: 'reply', due} : {next: 'agree-reply-date', due: null};
}

/** The list, overdue first, then by due day (undated last), then oldest first. */
export function needsAttention(
  rows: readonly AttentionRow[],
  options: {today: string; timeZone: string; mine?: string | undefined},
): AttentionItem[] {
  const me = options.mine?.trim().toLocaleLowerCase();
  const items = rows
    .filter((row) => !(row.submission.kind === 'complaint' && row.complaint?.responseSentAt))
    .map((row): AttentionItem => {
      const {next, due} = nextStep(row, options.timeZone);
      const s = row.submission;
      return {
        reference: s.reference,
        kind: s.kind,
        status: s.status,
        service: s.service,
        channel: s.channel,
        receivedAt: s.receivedAt,
        next,
        due,
        overdue: due !== null && due < options.today,
        investigator: row.complaint?.investigator ?? null,
      };
    })
    .filter((item) => !me || (item.investigator ?? '').toLocaleLowerCase().startsWith(me));
  return items.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.receivedAt.localeCompare(b.receivedAt),
  );
}
