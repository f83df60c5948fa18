// The periods the inbox reports on, worked out in plain days (YYYY-MM-DD): the default for each report,
// the period before one, and what is wrong with one a person typed. No Lit, no DOM: Node tests it.
import {REPORT_MAX_DAYS} from '@care-feedback/core/provider';

/** Both days included, written YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A real calendar day as midnight UTC (not 2026-02-30); undefined otherwise. */
export function parseDay(text: string): Date | undefined {
  if (!DAY.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : undefined;
}

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Today in the provider's time zone (England's, as every date the inbox shows). */
export function todayIn(now: Date = new Date(), timeZone = 'Europe/London'): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(now);
}

/** How many days a period covers, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((parseDay(period.to)!.getTime() - parseDay(period.from)!.getTime()) / DAY_MS) + 1;
}

/**
 * The annual complaints report's default: the last whole year from 1 April to 31 March that has ended.
 * A report is written once the year is over, so in December 2026 it is 1 April 2025 to 31 March 2026.
 */
export function lastComplaintsYear(today: string): Period {
  const year = Number(today.slice(0, 4));
  const endYear = today.slice(5) >= '04-01' ? year : year - 1;
  return {from: `${endYear - 1}-04-01`, to: `${endYear}-03-31`};
}

/** The reports view's and the evidence page's default: the last 12 months, from the 1st of the month 11 months ago to today. */
export function lastTwelveMonths(today: string): Period {
  const date = parseDay(today)!;
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11, 1));
  return {from: dayOf(start), to: today};
}

/** The period of the same length that ends the day before this one starts: what "the previous period" means. */
export function previousPeriod(period: Period): Period {
  const from = parseDay(period.from)!;
  const to = new Date(from.getTime() - DAY_MS);
  return {from: dayOf(new Date(to.getTime() - (periodDays(period) - 1) * DAY_MS)), to: dayOf(to)};
}

/** What is wrong with a period typed into the form, by field; the collector checks the same. */
export type PeriodProblem = {field: 'from' | 'to'; problem: 'missing' | 'not-a-day' | 'before-start' | 'too-long'};

export function periodProblems(period: Period): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  for (const field of ['from', 'to'] as const) {
    const text = period[field].trim();
    if (!text) problems.push({field, problem: 'missing'});
    else if (!parseDay(text)) problems.push({field, problem: 'not-a-day'});
  }
  if (problems.length) return problems;
  const days = periodDays(period);
  if (days < 1) problems.push({field: 'to', problem: 'before-start'});
  else if (days > REPORT_MAX_DAYS) problems.push({field: 'to', problem: 'too-long'});
  return problems;
}
