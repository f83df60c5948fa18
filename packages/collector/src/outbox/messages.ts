// The words of the alert e-mails: plain text and simple HTML made from an outbox row's facts, never a person's words.
import type {OutboxItem} from '../types.js';

/**
 * Every sentence an alert e-mail uses, whole, with `{name}` slots. Replace any of them through the
 * collector's `email.strings` option (for another language, or a provider's own wording).
 */
export const EMAIL_STRINGS = {
  subjectNewComplaint: 'New complaint {reference} ({service})',
  subjectNewConcern: 'URGENT: new concern {reference} ({service})',
  subjectNewOther: 'New feedback {reference} ({service})',
  subjectAckDueTomorrow: 'Reminder: acknowledge complaint {reference} by {ackDue}',
  subjectAckMissed: 'Overdue: complaint {reference} was not acknowledged by {ackDue}',
  subjectResponseDueTomorrow: 'Reminder: reply to complaint {reference} by {responseDue}',
  subjectResponseMissed: 'Overdue: complaint {reference} had no reply by {responseDue}',
  subjectDailySummary: 'Feedback summary for {day}',
  introNewComplaint: 'A new complaint has come in.',
  introNewConcern:
    'A new concern has come in. A concern can be about someone’s safety, so please look at it today.',
  introNewOther: 'New feedback has come in.',
  introAckDueTomorrow:
    'This complaint has not been acknowledged yet. The last day to acknowledge it is {ackDue}.',
  introAckMissed:
    'This complaint has not been acknowledged, and the last day to do it was {ackDue}. Please acknowledge it as soon as you can.',
  introResponseDueTomorrow:
    'This complaint has no reply yet. The date we agreed to reply by is {responseDue}. If you need more time, tell the person why and when you will reply, and write it in the complaint record.',
  introResponseMissed:
    'This complaint had no reply by {responseDue}, the date we agreed. Please tell the person today what is happening and when they will hear from us.',
  introDailySummary:
    'Here is how things stand at {time} on {day}. New feedback is what came in over the 24 hours before.',
  moment: '{date} at {time}',
  labelReference: 'Reference',
  labelKind: 'Kind',
  labelService: 'Service',
  labelReceived: 'Received',
  labelAckDue: 'Acknowledge by',
  labelResponseDue: 'Reply by',
  labelNewComplaints: 'New complaints',
  labelNewConcerns: 'New concerns',
  labelNewOther: 'Other new feedback',
  labelAwaitingAck: 'Complaints waiting to be acknowledged',
  labelOverdueAck: 'Of those, past the day to acknowledge',
  noService: 'no service named',
  openInbox: 'Open the inbox',
  openInboxText: 'Open the inbox to read it: {inboxUrl}',
  findReference: 'Look for reference {reference}.',
  openInboxSummaryText: 'Open the inbox: {inboxUrl}',
  privacy:
    'This e-mail never holds what the person wrote or who they are. Sign in to the inbox to read them.',
  kindComplaint: 'Complaint',
  kindConcern: 'Concern',
  kindCompliment: 'Compliment',
  kindComment: 'Comment',
  kindSuggestion: 'Suggestion',
};

export type EmailStrings = typeof EMAIL_STRINGS;

export interface Email {
  subject: string;
  text: string;
  html: string;
}

export interface MessageContext {
  /** The address of the provider inbox, for the link in every e-mail. */
  inboxUrl: string;
  /** The provider's time zone, for the dates shown. */
  timeZone: string;
  strings?: Partial<EmailStrings>;
}

/** The counts a daily summary carries (and nothing else). */
export interface SummaryCounts {
  day: string;
  time: string;
  newComplaints: number;
  newConcerns: number;
  newOther: number;
  awaitingAck: number;
  overdueAck: number;
}

const REMINDER_WORDS: Partial<Record<OutboxItem['topic'], [keyof EmailStrings, keyof EmailStrings]>> = {
  'ack-due-tomorrow': ['subjectAckDueTomorrow', 'introAckDueTomorrow'],
  'ack-missed': ['subjectAckMissed', 'introAckMissed'],
  'response-due-tomorrow': ['subjectResponseDueTomorrow', 'introResponseDueTomorrow'],
  'response-missed': ['subjectResponseMissed', 'introResponseMissed'],
};

/** The e-mail for an outbox row. */
export function composeEmail(item: OutboxItem, context: MessageContext): Email {
  const s = {...EMAIL_STRINGS, ...context.strings};
  const p = item.payload;
  const day = (value: unknown) => formatDay(String(value ?? ''));
  if (item.topic === 'daily-summary') {
    const counts = p as unknown as SummaryCounts;
    const values = {day: day(counts.day), time: counts.time, inboxUrl: context.inboxUrl};
    const rows: Array<[string, string]> = [
      [s.labelNewComplaints, String(counts.newComplaints)],
      [s.labelNewConcerns, String(counts.newConcerns)],
      [s.labelNewOther, String(counts.newOther)],
      [s.labelAwaitingAck, String(counts.awaitingAck)],
      [s.labelOverdueAck, String(counts.overdueAck)],
    ];
    return build(
      fill(s.subjectDailySummary, values),
      fill(s.introDailySummary, values),
      rows,
      fill(s.openInboxSummaryText, values),
      [],
      context.inboxUrl,
      s,
    );
  }
  const kind = String(p.kind ?? '');
  const values = {
    reference: item.reference ?? '',
    service: typeof p.service === 'string' && p.service.trim() ? p.service : s.noService,
    ackDue: p.ackDueAt ? day(p.ackDueAt) : '',
    responseDue: p.responseDue ? day(p.responseDue) : '',
    inboxUrl: context.inboxUrl,
  };
  // A reminder has its own words; a new submission's alert has its kind's.
  const reminder = REMINDER_WORDS[item.topic];
  const [subject, intro] = reminder
    ? [s[reminder[0]], s[reminder[1]]]
    : kind === 'complaint'
      ? [s.subjectNewComplaint, s.introNewComplaint]
      : kind === 'concern'
        ? [s.subjectNewConcern, s.introNewConcern]
        : [s.subjectNewOther, s.introNewOther];
  const kindLabel =
    {
      complaint: s.kindComplaint,
      concern: s.kindConcern,
      compliment: s.kindCompliment,
      comment: s.kindComment,
      suggestion: s.kindSuggestion,
    }[kind] ?? kind;
  const rows: Array<[string, string]> = [
    [s.labelReference, values.reference],
    [s.labelKind, kindLabel],
    [s.labelService, values.service],
    [s.labelReceived, formatMoment(String(p.receivedAt ?? ''), context.timeZone, s.moment)],
  ];
  if (p.responseDue) rows.push([s.labelResponseDue, values.responseDue]);
  else if (p.ackDueAt) rows.push([s.labelAckDue, values.ackDue]);
  return build(
    fill(subject, values),
    fill(intro, values),
    rows,
    fill(s.openInboxText, values),
    [fill(s.findReference, values)],
    context.inboxUrl,
    s,
  );
}

function build(
  subject: string,
  intro: string,
  rows: Array<[string, string]>,
  linkText: string,
  after: string[],
  inboxUrl: string,
  s: EmailStrings,
): Email {
  const safeSubject = oneLine(subject);
  const text = [
    intro,
    '',
    ...rows.map(([label, value]) => `${label}: ${oneLine(value)}`),
    '',
    linkText,
    ...after,
    '',
    s.privacy,
    '',
  ].join('\n');
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(safeSubject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #0b0c0c">
<h1 style="font-size: 22px">${escapeHtml(safeSubject)}</h1>
<p>${escapeHtml(intro)}</p>
<table style="border-collapse: collapse">
${rows.map(([label, value]) => `<tr><th scope="row" style="text-align: left; padding: 4px 16px 4px 0">${escapeHtml(label)}</th><td style="padding: 4px 0">${escapeHtml(oneLine(value))}</td></tr>`).join('\n')}
</table>
<p><a href="${escapeHtml(inboxUrl)}" style="color: #1d70b8">${escapeHtml(s.openInbox)}</a></p>
${after.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<p>${escapeHtml(s.privacy)}</p>
</body>
</html>
`;
  return {subject: safeSubject, text, html};
}

/** Fills `{name}` slots; a slot with no value is left as it is. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

/**
 * One line of at most 200 characters: control characters (line breaks above all, which could start
 * a new header) become spaces. The mail library encodes headers too; this holds whatever it does.
 */
export function oneLine(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return [...flat].length > 200 ? `${[...flat].slice(0, 199).join('')}…` : flat;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!,
  );
}

/** "Tuesday 8 December 2026" for a YYYY-MM-DD day. */
export function formatDay(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  return longDate(new Date(`${day}T12:00:00Z`), 'UTC');
}

/** Weekday, day, month and year with no commas, as GOV.UK writes dates. */
function longDate(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
    .formatToParts(date)
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value)
    .join(' ');
}

/** "Thursday 3 December 2026 at 20:26" for an ISO time, in the provider's zone. */
function formatMoment(iso: string, timeZone: string, template: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', {timeZone, ...options}).format(date);
  return fill(template, {
    date: longDate(date, timeZone),
    time: format({hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}),
  });
}
