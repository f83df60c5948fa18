// Counts of submissions per month, kind, status, rating, service and channel, kept by triggers as
// submissions arrive, move and go (SQLite migration 20). /v1/stats and the counts of /v1/reports read
// these rows (a few hundred a month) instead of counting a year's submissions one by one: at a million
// submissions, a year's stats took a second (docs/performance.md, "Scale"). Months, not days, because
// both answers count by month, and a day's rows would be nearly as many as its submissions.
//
// SQLite only: it has one writer, so keeping a counter row up to date costs one small write and never
// waits. On PostgreSQL several collectors write at once, and every submission of the same month and kind
// would queue for the same counter row (and two batches could deadlock on two of them); it keeps
// counting rows (docs/performance.md says what that costs and what would close it).
import type {ListFilter} from '../types.js';

const KEY = 'month, kind, status, rating, service, channel';
// No service and no rating are kept as '' (a NOT NULL key). Figures already report "no service" as "".
const NEW_KEY = "substr(NEW.received_at, 1, 7), NEW.kind, NEW.status, coalesce(NEW.rating, ''), coalesce(NEW.service, ''), NEW.channel";
const OLD_MATCH =
  "month = substr(OLD.received_at, 1, 7) AND kind = OLD.kind AND status = OLD.status AND rating = coalesce(OLD.rating, '') AND service = coalesce(OLD.service, '') AND channel = OLD.channel";
const ADD_NEW = `INSERT INTO monthly_counts (${KEY}, n) VALUES (${NEW_KEY}, 1) ON CONFLICT (${KEY}) DO UPDATE SET n = n + 1;`;
const TAKE_OLD = `UPDATE monthly_counts SET n = n - 1 WHERE ${OLD_MATCH};`;

export const MONTHLY_COUNTS_MIGRATION = `
CREATE TABLE monthly_counts (
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  rating TEXT NOT NULL,
  service TEXT NOT NULL,
  channel TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (${KEY})
) WITHOUT ROWID;
INSERT INTO monthly_counts (${KEY}, n)
  SELECT substr(received_at, 1, 7), kind, status, coalesce(rating, ''), coalesce(service, ''), channel, count(*)
  FROM submissions GROUP BY 1, 2, 3, 4, 5, 6;
CREATE TRIGGER monthly_counts_insert AFTER INSERT ON submissions BEGIN ${ADD_NEW} END;
CREATE TRIGGER monthly_counts_delete AFTER DELETE ON submissions BEGIN ${TAKE_OLD} END;
CREATE TRIGGER monthly_counts_update AFTER UPDATE OF received_at, kind, status, rating, service, channel ON submissions
  BEGIN ${TAKE_OLD} ${ADD_NEW} END;
`;

const MONTH_START = /^\d{4}-\d{2}-01T00:00:00(\.000)?Z$/;

/**
 * The filter as conditions on monthly_counts, or undefined when the counts cannot answer it exactly: a
 * search, the overdue filter, a bound inside a month, or asking for the service "" (which the counts
 * keep together with no service).
 */
export function monthlyCountsWhere(filter: ListFilter): {sql: string; params: unknown[]} | undefined {
  if (filter.q !== undefined || filter.overdueOn !== undefined) return undefined;
  if ((filter.from !== undefined && !MONTH_START.test(filter.from)) || (filter.before !== undefined && !MONTH_START.test(filter.before)))
    return undefined;
  if (filter.service === '' || filter.services?.includes('')) return undefined;
  const parts: string[] = [];
  const params: unknown[] = [];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (!values) return;
    if (values.length === 0) return void parts.push('1 = 0');
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (filter.kind?.length) list('kind', filter.kind);
  if (filter.status?.length) list('status', filter.status);
  if (filter.service !== undefined) list('service', [filter.service]);
  if (filter.channel?.length) list('channel', filter.channel);
  // A NUL is stored as U+FFFD (columnText), so the service asked for is matched the same way.
  list('service', filter.services?.map((service) => service.replace(/\u0000/g, '\uFFFD')));
  if (filter.from !== undefined) {
    parts.push('month >= ?');
    params.push(filter.from.slice(0, 7));
  }
  if (filter.before !== undefined) {
    parts.push('month < ?');
    params.push(filter.before.slice(0, 7));
  }
  if (filter.quarantined !== undefined) parts.push(filter.quarantined ? "status = 'quarantined'" : "status <> 'quarantined'");
  return {sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params};
}

/** /v1/stats' rows from the counts (the same columns as counting the submissions). */
export const statsFromMonthlyCounts = (where: string) =>
  `SELECT kind, status, month AS month, nullif(rating, '') AS rating, service, sum(n) AS count
   FROM monthly_counts ${where}
   GROUP BY kind, status, month, nullif(rating, ''), service HAVING sum(n) > 0
   ORDER BY month, kind, status, 4, service`;

/** The report's counts from the counts table. */
export const reportCountsFromMonthlyCounts = (where: string) =>
  `SELECT kind, status, month AS month, nullif(rating, '') AS rating, service, channel, sum(n) AS count
   FROM monthly_counts ${where}
   GROUP BY kind, status, month, nullif(rating, ''), service, channel HAVING sum(n) > 0`;
