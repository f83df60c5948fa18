// The counts behind GET /v1/reports' `involvement` and `consultations` (#16), for both stores: sign-ups,
// leavers, the involvement log and consultation answers in a period. Counts only, never who. Written once
// over the store's SQL runner (sql-runner.ts) (`?` placeholders), so SQLite and PostgreSQL mean the same thing.
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';

/** A period as the reports use it: `from` included, `before` not (ISO times, UTC). */
export interface InvolvementReportScope {
  from: string;
  before: string;
  /** A token limited to some services counts only sign-ups and consultations of these. */
  services?: readonly string[];
}

/** One log entry in the period: whose, which way (from its body), and the expenses paid. */
export interface InvolvementReportLogRow {
  reference: string;
  way: string | undefined;
  expensesPence: number;
}

export interface InvolvementReportRows {
  signedUp: number;
  left: number;
  log: InvolvementReportLogRow[];
  /** Consultation answers received in the period, spam left out. */
  answers: number;
}

export interface InvolvementReportStore {
  involvementReport(scope: InvolvementReportScope): Promise<InvolvementReportRows>;
}

/** `AND <column> IN (…)` for a limited token ("AND 1 = 0" when it may see no service), with its params. */
function serviceFilter(column: string, services: readonly string[] | undefined): {sql: string; params: string[]} {
  if (!services) return {sql: '', params: []};
  if (!services.length) return {sql: ' AND 1 = 0', params: []};
  return {sql: ` AND ${column} IN (${services.map(() => '?').join(', ')})`, params: services.map((service) => columnText(service))};
}

export function involvementReportStore(sql: SqlRunner): InvolvementReportStore {
  const count = async (text: string, params: unknown[]) =>
    Number((await sql.all<{n: number | string}>(text, params))[0]?.n ?? 0);
  return {
    async involvementReport(scope) {
      const signUps = serviceFilter('service', scope.services);
      const logScope = serviceFilter('i.service', scope.services);
      const answerScope = serviceFilter('c.service', scope.services);
      // The log gives the day someone took part (YYYY-MM-DD): the period's days, first to last.
      const firstDay = scope.from.slice(0, 10);
      const dayAfter = scope.before.slice(0, 10);
      const [signedUp, left, log, answers] = await Promise.all([
        count(
          `SELECT count(*) AS n FROM involvement WHERE received_at >= ? AND received_at < ?${signUps.sql}`,
          [scope.from, scope.before, ...signUps.params],
        ),
        count(
          `SELECT count(*) AS n FROM involvement WHERE left_at >= ? AND left_at < ?${signUps.sql}`,
          [scope.from, scope.before, ...signUps.params],
        ),
        // The way is kept only in the entry's JSON; a provider logs by hand, so a period holds few entries.
        sql.all<{reference: string; expenses_pence: number | string; body: string}>(
          `SELECT l.reference, l.expenses_pence, l.body FROM involvement_log l JOIN involvement i ON i.reference = l.reference
           WHERE l.took_part_on >= ? AND l.took_part_on < ?${logScope.sql}`,
          [firstDay, dayAfter, ...logScope.params],
        ),
        count(
          `SELECT count(*) AS n FROM consultation_responses r JOIN consultations c ON c.slug = r.consultation
           WHERE r.quarantined = 0 AND r.received_at >= ? AND r.received_at < ?${answerScope.sql}`,
          [scope.from, scope.before, ...answerScope.params],
        ),
      ]);
      return {
        signedUp,
        left,
        log: log.map((row) => ({
          reference: row.reference,
          way: (JSON.parse(row.body) as {way?: string}).way,
          expensesPence: Number(row.expenses_pence),
        })),
        answers,
      };
    },
  };
}
