// Acknowledgement due dates: complaints are acknowledged within 3 working days (2009 Regulations).

/**
 * Bank holidays in England and Wales for 2025–2028 (from the published gov.uk list), the default
 * when an operator sets none. Scotland and Northern Ireland differ: set your own with --bank-holidays.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function localDay(instant: Date, timeZone: string): string {
  // Days change on the minute at the finest (whole-minute and half-hour zones): cache per minute.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (lastDay && lastDay.minute === minute && lastDay.timeZone === timeZone) return lastDay.day;
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD. Making a formatter is slow: keep one per zone.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(timeZone, format);
  }
  const day = format.format(instant);
  lastDay = {minute, timeZone, day};
  return day;
}

let lastDay: {minute: number; timeZone: string; day: string} | undefined;
const formats = new Map<string, Intl.DateTimeFormat>();

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/**
 * The last day to acknowledge: the Nth working day after the day of receipt (the day itself does
 * not count, whether or not it is a working day), skipping weekends and bank holidays.
 */
export function acknowledgementDueDay(
  receivedDay: string,
  workingDays: number,
  holidays: ReadonlySet<string>,
): string {
  let day = receivedDay;
  let left = workingDays;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/**
 * Working days from one day to a later one, counted as an acknowledgement is: the first day does not
 * count, the last one does (so an answer the next working day took 1). 0 when `to` is not after `from`.
 */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}
