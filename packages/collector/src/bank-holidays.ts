// Bank holidays from a file in the GOV.UK format (https://www.gov.uk/bank-holidays.json), the division for
// the provider's nation, and a loud warning when a year the clocks need is missing: a missing bank holiday
// silently moves every due date in that year by a day.
import {NATION_FACTS, type Nation} from '@care-feedback/core';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What went wrong reading a bank-holidays file, said so an operator can fix it. */
export class BankHolidaysError extends Error {}

interface GovUkDivision {
  division?: string;
  events?: Array<{date?: unknown}>;
}

/**
 * The days (YYYY-MM-DD, sorted) for `nation` from a bank-holidays text: the GOV.UK JSON (its division
 * for the nation is used), a JSON array of days, or days separated by commas, spaces or lines.
 */
export function parseBankHolidays(text: string, nation: Nation): string[] {
  const source = text.trim();
  let days: unknown[];
  if (source.startsWith('{')) {
    let json: Record<string, GovUkDivision>;
    try {
      json = JSON.parse(source) as Record<string, GovUkDivision>;
    } catch (error) {
      throw new BankHolidaysError(`The bank-holidays file is not valid JSON: ${(error as Error).message}`);
    }
    const division = NATION_FACTS[nation].bankHolidayDivision;
    const events = json[division]?.events;
    if (!Array.isArray(events))
      throw new BankHolidaysError(`The bank-holidays file has no "${division}" list with "events" (the GOV.UK format), which ${nation} needs.`);
    days = events.map((event) => event?.date);
  } else if (source.startsWith('[')) {
    try {
      days = JSON.parse(source) as unknown[];
    } catch (error) {
      throw new BankHolidaysError(`The bank-holidays file is not valid JSON: ${(error as Error).message}`);
    }
    if (!Array.isArray(days)) throw new BankHolidaysError('The bank-holidays list is not a JSON array of days.');
  } else {
    days = source.split(/[\s,]+/).filter(Boolean);
  }
  for (const day of days) {
    if (typeof day !== 'string' || !DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw new BankHolidaysError(`Not a date (YYYY-MM-DD) in the bank holidays: ${JSON.stringify(day)}`);
  }
  return [...new Set(days as string[])].sort();
}

/** The years of `[this year, next year]` with no bank holiday at all in `days`: due dates there would be wrong. */
export function missingYears(days: readonly string[], today: Date): number[] {
  const year = today.getUTCFullYear();
  const known = new Set(days.map((day) => Number(day.slice(0, 4))));
  return [year, year + 1].filter((needed) => !known.has(needed));
}

/** The warning to print (loudly) when years are missing, or undefined when all is well. */
export function missingYearsWarning(days: readonly string[], today: Date, source: string): string | undefined {
  const missing = missingYears(days, today);
  if (missing.length === 0) return undefined;
  return (
    `WARNING: the bank holidays (${source}) have none for ${missing.join(' or ')}. Due dates in ` +
    `${missing.length > 1 ? 'those years' : 'that year'} will count bank holidays as working days. ` +
    'Download https://www.gov.uk/bank-holidays.json and start the collector with --bank-holidays FILE.'
  );
}
