// The period a report, a trend or the equality figures cover: `from` and `to` as days, read from the query
// with a plain error for each field, and turned into the store's scope. Its own file, so the routes that
// read a period import it rather than each other.
import {REPORT_MAX_DAYS} from '@care-feedback/core/provider';
import type {ProblemField} from './http.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30), as midnight UTC; undefined otherwise. */
function parseDay(text: string | null): Date | undefined {
  if (text === null || !DAY.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : undefined;
}

/** Reads `from` and `to` (both days included); every problem comes back naming its field. */
export function parseReportPeriod(query: URLSearchParams): {period?: {from: string; to: string}; errors: ProblemField[]} {
  const errors: ProblemField[] = [];
  const read = (name: 'from' | 'to', example: string) => {
    const text = query.get(name);
    const day = parseDay(text);
    if (!day)
      errors.push({
        path: `query.${name}`,
        message: text ? `Use a real date written like ${example}.` : `Give the ${name === 'from' ? 'first' : 'last'} day, like ${example}.`,
      });
    return day;
  };
  const from = read('from', '2026-04-01');
  const to = read('to', '2027-03-31');
  if (from && to) {
    const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
    if (days < 1) errors.push({path: 'query.to', message: 'The last day must be the same as the first day or after it.'});
    else if (days > REPORT_MAX_DAYS) errors.push({path: 'query.to', message: 'A report can cover up to five years.'});
  }
  if (errors.length || !from || !to) return {errors};
  return {period: {from: query.get('from')!, to: query.get('to')!}, errors};
}

/** The store's scope for a period: from its first day's midnight (UTC) to the midnight after its last day. */
export const periodScope = (period: {from: string; to: string}, services: readonly string[] | undefined) => ({
  from: `${period.from}T00:00:00.000Z`,
  before: new Date(Date.parse(`${period.to}T00:00:00.000Z`) + DAY_MS).toISOString(),
  ...(services ? {services} : {}),
});
