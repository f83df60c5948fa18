// GET /v1/reports?from=YYYY-MM-DD&to=YYYY-MM-DD (DESIGN.md, version 2): the whole report for a period in one
// answer. The store counts (store/report-sql.ts); this file reads the query and shapes the counts into the
// report, working out days in the provider's time zone, working days and the median here.
import {KINDS} from '@care-feedback/core';
import {
  CHANNELS,
  WORKFLOW,
  type ComplaintFigures,
  type FftFigures,
  type Report,
} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem} from './http.js';
import type {ProviderContext} from './provider.js';
import {summarise} from './stats-summary.js';
import {parseReportPeriod, periodScope} from './report-period.js';
import type {ReportAcknowledgementRow, ReportCountRow, ReportResponseRow, ReportRows} from './store/report-sql.js';
import type {Store} from './types.js';
import {learningFigures} from './report-learning.js';
import {involvementFigures} from './report-involvement.js';
import {ENGLAND_AND_WALES_BANK_HOLIDAYS, localDay, workingDaysBetween} from './working-days.js';

/** Answers GET /v1/reports; `services` is set for a token limited to some services. */
export async function handleReports(
  ctx: ProviderContext,
  store: Store,
  method: string,
  query: URLSearchParams,
  services: readonly string[] | undefined,
): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return methodNotAllowed('GET, HEAD');
  const {period, errors} = parseReportPeriod(query);
  if (!period) return problem(422, 'invalid-period', 'This period cannot be reported on', undefined, {errors});
  const rows = await store.report(periodScope(period, services));
  const report = buildReport(rows, period, {
    today: ctx.today(),
    timeZone: ctx.timeZone,
    holidays: ctx.holidays ?? new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS),
  });
  const [learning, involvement] = await Promise.all([
    learningFigures(store, period, services),
    involvementFigures(store, period, services),
  ]);
  return json(200, {...report, ...learning, ...involvement});
}

interface Calendar {
  /** Today in the provider's time zone (YYYY-MM-DD). */
  today: string;
  timeZone: string;
  holidays: ReadonlySet<string>;
}

/** Every month (`YYYY-MM`) from the first day's to the last day's. */
function monthsOf(period: {from: string; to: string}): string[] {
  const months: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  for (let key = period.from.slice(0, 7); key <= period.to.slice(0, 7); ) {
    months.push(key);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/** FFT figures for some count rows, by the same rule as /v1/stats. */
const fftOf = (rows: readonly ReportCountRow[]): FftFigures => summarise(rows, []).fft;

/** Adds `count` under `key`. */
function add(totals: Record<string, number>, key: string, count: number) {
  totals[key] = (totals[key] ?? 0) + count;
}

/** The report from the store's grouped counts. */
export function buildReport(rows: ReportRows, period: {from: string; to: string}, calendar: Calendar): Omit<Report, 'themes' | 'actions' | 'involvement' | 'consultations'> {
  const handled = rows.counts.filter((row) => row.status !== 'quarantined');
  const months = monthsOf(period);
  const byService = new Map<string, ReportCountRow[]>();
  for (const row of handled) {
    const service = row.service ?? '';
    byService.set(service, [...(byService.get(service) ?? []), row]);
  }
  const volumes: Report['volumes'] = {
    byKind: Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Report['volumes']['byKind'],
    byChannel: Object.fromEntries(CHANNELS.map((channel) => [channel, 0])) as Report['volumes']['byChannel'],
    byService: {},
    byMonth: Object.fromEntries(months.map((month) => [month, 0])),
  };
  const byStatus = Object.fromEntries(WORKFLOW.map((status) => [status, 0])) as Report['byStatus'];
  for (const row of handled) {
    add(volumes.byKind, row.kind, row.count);
    add(volumes.byChannel, row.channel, row.count);
    add(volumes.byService, row.service ?? '', row.count);
    add(volumes.byMonth, row.month, row.count);
    add(byStatus, row.status, row.count);
  }
  return {
    period,
    total: handled.reduce((sum, row) => sum + row.count, 0),
    quarantined: rows.counts.filter((row) => row.status === 'quarantined').reduce((sum, row) => sum + row.count, 0),
    fft: {
      overall: fftOf(handled),
      byMonth: months.map((month) => ({month, ...fftOf(handled.filter((row) => row.month === month))})),
      byService: [...byService.keys()].sort().map((service) => ({service, ...fftOf(byService.get(service)!)})),
    },
    volumes,
    byStatus,
    complaints: complaintFigures(rows, calendar),
  };
}

/** The provider's calendar day of a UTC hour (`YYYY-MM-DDTHH`); exact wherever days change on the hour. */
const dayOfHour = (hour: string, timeZone: string) => localDay(new Date(`${hour}:00:00.000Z`), timeZone);

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

function acknowledgement(rows: readonly ReportAcknowledgementRow[], calendar: Calendar): ComplaintFigures['acknowledgement'] {
  const figures = {onTime: 0, late: 0, overdue: 0, waiting: 0};
  for (const row of rows) {
    const acknowledged = row.ackDay ?? (row.ackHour ? dayOfHour(row.ackHour, calendar.timeZone) : null);
    // ack_due_at is the last day allowed (working-days.ts): on or before it is on time.
    if (acknowledged) figures[row.ackDueAt === null || acknowledged <= row.ackDueAt ? 'onTime' : 'late'] += row.count;
    else if (row.ackDueAt !== null && row.ackDueAt < calendar.today) {
      figures.late += row.count;
      figures.overdue += row.count;
    } else figures.waiting += row.count;
  }
  return {...figures, onTimePercent: percent(figures.onTime, figures.onTime + figures.late)};
}

function response(rows: readonly ReportResponseRow[], calendar: Calendar): ComplaintFigures['response'] {
  let responded = 0;
  let fromStatusDate = 0;
  const days = new Map<number, number>();
  for (const row of rows) {
    const answered = row.responseDay ?? (row.statusHour ? dayOfHour(row.statusHour, calendar.timeZone) : null);
    if (!answered) continue;
    responded += row.count;
    if (!row.responseDay) fromStatusDate += row.count;
    const taken = workingDaysBetween(dayOfHour(row.receivedHour, calendar.timeZone), answered, calendar.holidays);
    days.set(taken, (days.get(taken) ?? 0) + row.count);
  }
  return {responded, fromStatusDate, medianWorkingDays: median(days)};
}

/** The median of a list given as value → how many times it occurs; halfway between the middle two for an even count. */
export function median(counts: ReadonlyMap<number, number>): number | null {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const sorted = [...counts.entries()].sort(([a], [b]) => a - b);
  const at = (position: number) => {
    let seen = 0;
    for (const [value, n] of sorted) {
      seen += n;
      if (position < seen) return value;
    }
    return sorted.at(-1)![0];
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

function complaintFigures(rows: ReportRows, calendar: Calendar): ComplaintFigures {
  const byStatus = Object.fromEntries(WORKFLOW.map((status) => [status, 0])) as ComplaintFigures['byStatus'];
  let received = 0;
  for (const row of rows.counts) {
    if (row.kind !== 'complaint' || row.status === 'quarantined') continue;
    received += row.count;
    add(byStatus, row.status, row.count);
  }
  const outcomes = {upheld: 0, partlyUpheld: 0, notUpheld: 0, undecided: 0};
  const key = {upheld: 'upheld', 'partly-upheld': 'partlyUpheld', 'not-upheld': 'notUpheld', undecided: 'undecided'} as const;
  let ombudsmanReferrals = 0;
  for (const row of rows.outcomes) {
    outcomes[key[row.outcome]] += row.count;
    if (row.referred) ombudsmanReferrals += row.count;
  }
  return {
    received,
    byStatus,
    acknowledgement: acknowledgement(rows.acknowledgements, calendar),
    response: response(rows.responses, calendar),
    outcomes,
    ombudsmanReferrals,
  };
}
