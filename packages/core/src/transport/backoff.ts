// How long to wait before the next try: exponential backoff with full jitter, and the collector's Retry-After.

/**
 * A random wait between 0 and `baseMs * 2^(attempt-1)` (capped at `maxMs`). Full jitter spreads the
 * retries of many pages, so a collector coming back up is not hit by all of them at the same moment.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random() * ceiling);
}

/**
 * Reads a `Retry-After` header, given either as seconds (`120`) or as an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`), as milliseconds from `now`. Anything else is ignored.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date always names its month; Date.parse alone would take "-5" as the year 5 BC.
  const at = /[a-z]{3}/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
