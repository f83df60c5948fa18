// Dates, short previews and vocabulary labels for the inbox, all as plain strings.
import type {InboxStrings} from './inbox-strings.js';

type Translate = (
  key: keyof InboxStrings & string,
  values?: Record<string, string | number>,
) => string;

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const DATE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
};

/** A date in the given style; the raw value if it is not a date, so nothing is hidden. */
function format(iso: string | undefined, locale: string, options: Intl.DateTimeFormatOptions) {
  const date = parse(iso);
  if (!date) return iso ?? '';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** "27 November 2026". Falls back to the raw value, so nothing is hidden if it is not a date. */
export function formatDate(iso: string | undefined, locale: string): string {
  return format(iso, locale, DATE);
}

/** "27 November 2026, 14:05". */
export function formatDateTime(iso: string | undefined, locale: string): string {
  return format(iso, locale, {...DATE, hour: '2-digit', minute: '2-digit'});
}

/** "November 2026" from "2026-11"; the raw value if it is not a month. */
export function formatMonth(
  month: string,
  locale: string,
  style: 'long' | 'short' = 'long',
): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15));
  return new Intl.DateTimeFormat(locale, {month: style, year: 'numeric', timeZone: 'UTC'}).format(
    date,
  );
}

/** The first words of a message, for a list row. Cuts at a word, never inside one. */
export function firstWords(text: unknown, words = 14): string {
  if (typeof text !== 'string') return '';
  const parts = text.trim().split(/\s+/);
  if (parts.length <= words) return text.trim();
  return `${parts.slice(0, words).join(' ')}…`;
}

/** A label for a fixed value (`kind_complaint`), or the value itself when we have no label for it. */
export function label(t: Translate, strings: InboxStrings, prefix: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const key = `${prefix}_${value}`;
  return key in strings ? t(key as keyof InboxStrings & string) : value;
}

/** A rounded percentage for display: whole numbers stay whole, others keep one decimal place. */
export function formatPercent(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
