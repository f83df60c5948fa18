// "About you" answers (issue #15, equality of experience), for both stores. Kept in their own table,
// apart from the feedback: one row per sent feedback, linked to it only by the submission's internal id
// (never its reference, never shown with it), so reports can compare groups while the inbox, the export
// and GET /v1/submissions/:reference never see them. Erasure and purge of the feedback take its answers.
import type {AboutYouQuestion} from '@care-feedback/core';
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';
import type {ReportScope} from './report-sql.js';

/** Each question's column. Answers are fixed words from the schema, so no free text is ever stored here. */
export const ABOUT_YOU_COLUMNS: Record<AboutYouQuestion, string> = {
  ageBand: 'age_band',
  disability: 'disability',
  ethnicity: 'ethnicity',
  sex: 'sex',
  sexualOrientation: 'sexual_orientation',
  religion: 'religion',
  carer: 'carer',
};

/** Migration 19: one row per answered feedback. */
export const ABOUT_YOU_MIGRATION = `
CREATE TABLE about_you (
  answer_id TEXT PRIMARY KEY,
  submission_id TEXT NOT NULL UNIQUE,
  age_band TEXT,
  disability TEXT,
  ethnicity TEXT,
  sex TEXT,
  sexual_orientation TEXT,
  religion TEXT,
  carer TEXT,
  answer_hash TEXT NOT NULL,
  answered_at TEXT NOT NULL
);
CREATE INDEX about_you_answered ON about_you (answered_at);
`;

/**
 * Erasure of one submission takes its answers (`?`s: whatever `bySubmission` needs to find the
 * submission's row, as the store finds it by reference).
 */
export const aboutYouEraseSql = (bySubmission: string) =>
  `DELETE FROM about_you WHERE submission_id IN (SELECT id FROM submissions WHERE ${bySubmission})`;

/** A purge takes the answers of every feedback it removes, and any answered before the cut-off (`?`, `?`). */
export const ABOUT_YOU_PURGE_SQL =
  'DELETE FROM about_you WHERE answered_at < ? OR submission_id IN (SELECT id FROM submissions WHERE received_at < ?)';

export interface AboutYouInsert {
  /** The answers' own id: the idempotency key. */
  id: string;
  submissionId: string;
  answers: Partial<Record<AboutYouQuestion, string>>;
  /** A hash of what was answered, so a repeat can be told from a different answer with the same id. */
  answerHash: string;
  answeredAt: string;
}

/**
 * created: kept. duplicate: the same answers again. conflict: this id, or this feedback, already has
 * other answers. no-submission: no feedback has that id (not yet, or erased).
 */
export type AboutYouOutcome = 'created' | 'duplicate' | 'conflict' | 'no-submission';

/** How many answered feedback items fall in one group: by answer, kind and FFT rating. */
export interface EqualityCountRow {
  question: AboutYouQuestion;
  answer: string;
  kind: string;
  rating: string | null;
  count: number;
}

export interface AboutYouStore {
  insertAboutYou(record: AboutYouInsert): Promise<{outcome: AboutYouOutcome; answeredAt?: string}>;
  /** GET /v1/equality's counts: feedback received in the scope (spam left out) that has answers. */
  equalityCounts(scope: ReportScope): Promise<EqualityCountRow[]>;
}

const QUESTIONS = Object.keys(ABOUT_YOU_COLUMNS) as AboutYouQuestion[];

export function aboutYouStore(sql: SqlRunner): AboutYouStore {
  return {
    async insertAboutYou(record) {
      const columns = QUESTIONS.map((question) => ABOUT_YOU_COLUMNS[question]);
      // One statement: the feedback must exist at the moment the answers are written.
      const changed = await sql.run(
        `INSERT INTO about_you (answer_id, submission_id, ${columns.join(', ')}, answer_hash, answered_at)
          SELECT ?, ?, ${columns.map(() => '?').join(', ')}, ?, ?
          WHERE EXISTS (SELECT 1 FROM submissions WHERE id = ?)
          ON CONFLICT DO NOTHING`,
        [
          record.id,
          record.submissionId,
          ...QUESTIONS.map((question) => record.answers[question] ?? null),
          record.answerHash,
          record.answeredAt,
          record.submissionId,
        ],
      );
      if (changed > 0) return {outcome: 'created', answeredAt: record.answeredAt};
      const [earlier] = await sql.all<{answer_id: string; answer_hash: string; answered_at: string}>(
        'SELECT answer_id, answer_hash, answered_at FROM about_you WHERE answer_id = ? OR submission_id = ?',
        [record.id, record.submissionId],
      );
      if (earlier)
        return earlier.answer_id === record.id && earlier.answer_hash === record.answerHash
          ? {outcome: 'duplicate', answeredAt: earlier.answered_at}
          : {outcome: 'conflict'};
      return {outcome: 'no-submission'};
    },

    async equalityCounts(scope) {
      // Not sql.ts's whereClause: sql.ts imports this file for its migration (as involvement-sql.ts says).
      const where = {
        sql: "WHERE s.received_at >= ? AND s.received_at < ? AND s.status <> 'quarantined'",
        params: [scope.from, scope.before] as unknown[],
      };
      if (scope.services) {
        // As sql.ts's columnText: PostgreSQL text cannot hold U+0000, so the service column holds U+FFFD.
        where.sql += scope.services.length
          ? ` AND s.service IN (${scope.services.map(() => '?').join(', ')})`
          : ' AND 1 = 0';
        where.params.push(...scope.services.map((service) => columnText(service)));
      }
      const rows: EqualityCountRow[] = [];
      for (const question of QUESTIONS) {
        const column = ABOUT_YOU_COLUMNS[question];
        const found = await sql.all<{answer: string; kind: string; rating: string | null; count: number | string}>(
          `SELECT a.${column} AS answer, s.kind AS kind, s.rating AS rating, count(*) AS count
            FROM about_you a JOIN submissions s ON s.id = a.submission_id
            ${where.sql} AND a.${column} IS NOT NULL
            GROUP BY a.${column}, s.kind, s.rating`,
          where.params,
        );
        for (const row of found) rows.push({question, answer: row.answer, kind: row.kind, rating: row.rating, count: Number(row.count)});
      }
      return rows;
    },
  };
}
