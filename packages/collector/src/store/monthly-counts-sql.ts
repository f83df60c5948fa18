// Counts of submissions per month, kind, status, rating, service and channel, kept by triggers as
// submissions arrive, move and go (SQLite migration 20). /v1/stats and the counts of /v1/reports read
// these rows (a few hundred a month) instead of counting a year's submissions one by one: at a million
// submissions, a year's stats took a second (docs/performance.md, "Scale"). Months, not days, because
// both answers count by month, and a day's rows would be nearly as many as its submissions.
//
// SQLite has one writer, so its triggers keep each counter row up to date: one small write, never a wait.
// On PostgreSQL several collectors write at once, and every submission of the same month and kind would
// queue for the same counter row (two batches could deadlock on two of them). So there a trigger only
// appends a change (+1 or -1) to an insert-only table, which never waits on another writer; a reader
// folds the changes into the counts now and then (under a lock, so one at a time) and always reads the
// counts together with whatever changes are not folded yet, so the figures are exact either way.
import type {ListFilter} from '../types.js';
import {columnText} from './column-text.js';

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

const CHANGE = (row: 'NEW' | 'OLD', n: 1 | -1) =>
  `INSERT INTO monthly_count_changes (${KEY}, n) VALUES (substr(${row}.received_at, 1, 7), ${row}.kind, ${row}.status,
    coalesce(${row}.rating, ''), coalesce(${row}.service, ''), ${row}.channel, ${n});`;
const COUNTED_COLUMNS = ['received_at', 'kind', 'status', 'rating', 'service', 'channel'];

/** PostgreSQL's counts: the folded counts, the changes not yet folded, and the trigger that appends them. */
export const MONTHLY_COUNTS_POSTGRES_MIGRATION = `
CREATE TABLE monthly_counts (
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  rating TEXT NOT NULL,
  service TEXT NOT NULL,
  channel TEXT NOT NULL,
  n BIGINT NOT NULL,
  PRIMARY KEY (${KEY})
);
CREATE TABLE monthly_count_changes (
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  rating TEXT NOT NULL,
  service TEXT NOT NULL,
  channel TEXT NOT NULL,
  n INTEGER NOT NULL
);
INSERT INTO monthly_counts (${KEY}, n)
  SELECT substr(received_at, 1, 7), kind, status, coalesce(rating, ''), coalesce(service, ''), channel, count(*)
  FROM submissions GROUP BY 1, 2, 3, 4, 5, 6;
CREATE FUNCTION care_monthly_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${CHANGE('OLD', -1)} END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN ${CHANGE('NEW', 1)} END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER monthly_counts_insert_delete AFTER INSERT OR DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION care_monthly_count_change();
CREATE TRIGGER monthly_counts_update AFTER UPDATE OF ${COUNTED_COLUMNS.join(', ')} ON submissions
  FOR EACH ROW WHEN ((${COUNTED_COLUMNS.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${COUNTED_COLUMNS.map((c) => `NEW.${c}`).join(', ')}))
  EXECUTE FUNCTION care_monthly_count_change();
`;

/**
 * Folds PostgreSQL's waiting changes into the counts, in one transaction. Only one reader folds at a time
 * (the others skip it: their reads add the changes anyway). A change written by a transaction still open
 * is not seen, so it stays for the next fold.
 */
export const FOLD_MONTHLY_COUNTS = {
  lock: "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.monthly_counts')) AS locked",
  fold: `WITH moved AS (DELETE FROM monthly_count_changes RETURNING ${KEY}, n)
   INSERT INTO monthly_counts (${KEY}, n) SELECT ${KEY}, sum(n) FROM moved GROUP BY ${KEY}
   ON CONFLICT (${KEY}) DO UPDATE SET n = monthly_counts.n + excluded.n`,
} as const;

/** What the counts are read from on each engine: PostgreSQL adds the changes not folded yet. */
const COUNTS_SOURCE = {
  sqlite: 'monthly_counts',
  postgres: `(SELECT ${KEY}, n FROM monthly_counts UNION ALL SELECT ${KEY}, n FROM monthly_count_changes) AS monthly_counts`,
} as const;
export type CountsEngine = keyof typeof COUNTS_SOURCE;

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
  // A NUL is stored as U+FFFD (columnText), so the service asked for is matched the same way.
  if (filter.service !== undefined) list('service', [columnText(filter.service)!]);
  if (filter.channel?.length) list('channel', filter.channel);
  list('service', filter.services?.map((service) => columnText(service)!));
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
export const statsFromMonthlyCounts = (where: string, engine: CountsEngine) =>
  `SELECT kind, status, month AS month, nullif(rating, '') AS rating, service, sum(n) AS count
   FROM ${COUNTS_SOURCE[engine]} ${where}
   GROUP BY kind, status, month, nullif(rating, ''), service HAVING sum(n) > 0
   ORDER BY month, kind, status, 4, service`;

/** The report's counts from the counts table. */
export const reportCountsFromMonthlyCounts = (where: string, engine: CountsEngine) =>
  `SELECT kind, status, month AS month, nullif(rating, '') AS rating, service, channel, sum(n) AS count
   FROM ${COUNTS_SOURCE[engine]} ${where}
   GROUP BY kind, status, month, nullif(rating, ''), service, channel HAVING sum(n) > 0`;
