// GET /v1/reports' queries, shared by the SQLite and PostgreSQL stores: grouped counts the database works
// out (GROUP BY over indexed columns), never the rows themselves. reports.ts turns them into the report.
import {monthlyCountsWhere, reportCountsFromMonthlyCounts} from './monthly-counts-sql.js';
import {whereClause} from './sql.js';

/** The period and scope of a report: received_at in [from, before), and only these services when set. */
export interface ReportScope {
  /** Inclusive, ISO instant. */
  from: string;
  /** Exclusive, ISO instant. */
  before: string;
  /** A token limited to some services: only theirs; an empty list matches nothing. */
  services?: readonly string[];
}

/** Counts of everything received in the period, by every dimension the report splits on at once. */
export interface ReportCountRow {
  kind: string;
  status: string;
  /** `YYYY-MM` of received_at (UTC, as /v1/stats counts months). */
  month: string;
  rating: string | null;
  service: string | null;
  channel: string;
  count: number;
}

/**
 * Complaints by when they were acknowledged. `ackDay` is the day staff recorded the acknowledgement was
 * sent (the complaint record); without one, `ackHour` is the UTC hour (`YYYY-MM-DDTHH`) the complaint
 * first moved on from `received`. Both null: not acknowledged yet.
 */
export interface ReportAcknowledgementRow {
  ackDueAt: string | null;
  ackDay: string | null;
  ackHour: string | null;
  count: number;
}

/**
 * Complaints with a response, by the UTC hour they came and when they were answered: `responseDay`, the
 * record's response date, or else `statusHour`, the UTC hour it moved to resolved (or straight to closed).
 */
export interface ReportResponseRow {
  receivedHour: string;
  responseDay: string | null;
  statusHour: string | null;
  count: number;
}

/** Complaints by their points' outcomes (`undecided`: none decided yet) and whether they went to the ombudsman. */
export interface ReportOutcomeRow {
  outcome: 'upheld' | 'partly-upheld' | 'not-upheld' | 'undecided';
  referred: boolean;
  count: number;
}

export interface ReportRows {
  counts: ReportCountRow[];
  acknowledgements: ReportAcknowledgementRow[];
  responses: ReportResponseRow[];
  outcomes: ReportOutcomeRow[];
}

type Engine = 'sqlite' | 'postgres';


/**
 * A date field of the complaint record (`"name":"YYYY-MM-DD"`), read from its JSON text without parsing it:
 * PostgreSQL's JSON types refuse some text a record may hold (an escaped NUL, a lone surrogate half), and a
 * report must not fail because of what someone wrote. A quote inside written text is always escaped
 * (`\"`), so `"name":"` can only be the field itself.
 */
function recordDay(engine: Engine, name: string): string {
  const find = engine === 'sqlite' ? 'instr(c.record, ' : 'strpos(c.record, ';
  const key = `'"${name}":"'`;
  return `CASE WHEN ${find}${key}) > 0 THEN substr(c.record, ${find}${key}) + ${name.length + 4}, 10) END`;
}

/** How many points of the record have this outcome: occurrences of `"outcome":"<outcome>"` in its text. */
function pointsWith(outcome: string): string {
  const needle = `"outcome":"${outcome}"`;
  return `coalesce((length(c.record) - length(replace(c.record, '${needle}', ''))) / ${needle.length}, 0)`;
}

/** The report's four queries, each with `?` placeholders and its parameters. */
export function reportQueries(scope: ReportScope, engine: Engine): Record<keyof ReportRows, {sql: string; params: unknown[]}> {
  const where = whereClause(
    {from: scope.from, before: scope.before, ...(scope.services ? {services: scope.services} : {})},
    undefined,
    engine,
  );
  // SQLite, with no statistics, would rather walk every complaint ever by the (kind, status, received_at)
  // index than this period's in their own: it is told which to use.
  const complaintIndex = engine === 'sqlite' ? ' INDEXED BY submissions_complaints' : '';
  const complaints = `FROM submissions s${complaintIndex} LEFT JOIN complaint_records c ON c.reference = s.reference
    ${where.sql.replace(/^WHERE /, "WHERE s.kind = 'complaint' AND s.status <> 'quarantined' AND ")}`;
  // \`kind = 'complaint'\` as written here is what lets both databases read the complaints' own index
  // (migration 11, partial: complaints only), which holds every column these queries read.
  // whereClause names bare columns; in the joins they are the submission's (complaint_records has none of them).
  const firstMove = 'coalesce(s.acknowledged_at, s.investigating_at, s.resolved_at, s.closed_at)';
  // Counts are kept per month (store/monthly-counts-sql.ts); they answer a period of whole months.
  const counted = monthlyCountsWhere({from: scope.from, before: scope.before, ...(scope.services ? {services: scope.services} : {})});
  return {
    counts: counted
      ? {sql: reportCountsFromMonthlyCounts(counted.sql, engine), params: counted.params}
      : {
          sql: `SELECT kind, status, substr(received_at, 1, 7) AS month, rating, service, channel, count(*) AS count
        FROM submissions ${where.sql} GROUP BY kind, status, substr(received_at, 1, 7), rating, service, channel`,
          params: where.params,
        },
    acknowledgements: {
      sql: `SELECT s.ack_due_at AS "ackDueAt", ${recordDay(engine, 'acknowledgementSentAt')} AS "ackDay",
        substr(${firstMove}, 1, 13) AS "ackHour", count(*) AS count ${complaints}
        GROUP BY s.ack_due_at, ${recordDay(engine, 'acknowledgementSentAt')}, substr(${firstMove}, 1, 13)`,
      params: where.params,
    },
    responses: {
      sql: `SELECT substr(s.received_at, 1, 13) AS "receivedHour", ${recordDay(engine, 'responseSentAt')} AS "responseDay",
        substr(coalesce(s.resolved_at, s.closed_at), 1, 13) AS "statusHour", count(*) AS count ${complaints}
        AND (${recordDay(engine, 'responseSentAt')} IS NOT NULL OR s.status IN ('resolved', 'closed'))
        GROUP BY substr(s.received_at, 1, 13), ${recordDay(engine, 'responseSentAt')}, substr(coalesce(s.resolved_at, s.closed_at), 1, 13)`,
      params: where.params,
    },
    outcomes: {
      sql: `SELECT CASE
          WHEN upheld + partly + not_upheld = 0 THEN 'undecided'
          WHEN partly = 0 AND not_upheld = 0 THEN 'upheld'
          WHEN upheld = 0 AND partly = 0 THEN 'not-upheld'
          ELSE 'partly-upheld' END AS outcome,
        referred, count(*) AS count
        FROM (SELECT ${pointsWith('upheld')} AS upheld, ${pointsWith('partly-upheld')} AS partly,
            ${pointsWith('not-upheld')} AS not_upheld,
            CASE WHEN ${recordDay(engine, 'ombudsmanReferredAt')} IS NULL THEN 0 ELSE 1 END AS referred
          ${complaints}) AS decided
        GROUP BY 1, referred`,
      params: where.params,
    },
  };
}

/** Runs the report's queries with a store's own runner; PostgreSQL's counts (bigint, so text) become numbers. */
export async function readReport(
  scope: ReportScope,
  engine: Engine,
  run: (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>> | Array<Record<string, unknown>>,
): Promise<ReportRows> {
  const queries = reportQueries(scope, engine);
  const counted = async <T>(query: {sql: string; params: unknown[]}) =>
    (await run(query.sql, query.params)).map((row) => ({...row, count: Number(row.count)}) as T);
  return {
    counts: await counted<ReportCountRow>(queries.counts),
    acknowledgements: await counted<ReportAcknowledgementRow>(queries.acknowledgements),
    responses: await counted<ReportResponseRow>(queries.responses),
    outcomes: (await counted<ReportOutcomeRow>(queries.outcomes)).map((row) => ({...row, referred: Number(row.referred) === 1})),
  };
}
