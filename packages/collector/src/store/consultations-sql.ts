// Consultations and the answers people give to them, for both stores. Written once over the tiny SQL
// runner of involvement-sql.ts (`?` placeholders), so SQLite and PostgreSQL mean the same thing.
import type {Consultation} from '@care-feedback/core';
import type {
  ConsultationResponseInsert,
  ConsultationResponsePage,
  ConsultationResponseRecord,
  ConsultationStore,
  Cursor,
  Receipt,
} from '../types.js';
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';

/**
 * Migration 16: a consultation is one row, its whole definition and workflow dates as JSON in `body`
 * (status and service copied out for lists). Each answer is a row of its own; `quarantined` answers
 * (the hidden field filled, or sent too fast) are kept for the provider but never counted.
 */
export const CONSULTATIONS_MIGRATION = `
CREATE TABLE consultations (
  slug TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  service TEXT,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE consultation_responses (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  consultation TEXT NOT NULL,
  quarantined INTEGER NOT NULL DEFAULT 0,
  body_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX consultation_responses_received ON consultation_responses (consultation, received_at, reference);
CREATE INDEX consultation_responses_purge ON consultation_responses (received_at);
`;

/** A purge removes answers received before the cut-off, like feedback (`?`: the cut-off time). */
export const CONSULTATION_RESPONSES_PURGE_SQL = 'DELETE FROM consultation_responses WHERE received_at < ?';

interface ResponseRow {
  id: string;
  reference: string;
  consultation: string;
  quarantined: number | boolean;
  body: string;
  received_at: string;
}

const RESPONSE_COLUMNS = 'id, reference, consultation, quarantined, body, received_at';

const toResponse = (row: ResponseRow): ConsultationResponseRecord => ({
  id: row.id,
  reference: row.reference,
  consultation: row.consultation,
  receivedAt: row.received_at,
  quarantined: Number(row.quarantined) === 1,
  response: JSON.parse(row.body),
});

export function consultationStore(sql: SqlRunner, makeReference: () => string): ConsultationStore {
  const findResponse = async (id: string) => {
    const row = (
      await sql.all<{reference: string; received_at: string; body_hash: string}>(
        'SELECT reference, received_at, body_hash FROM consultation_responses WHERE id = ?',
        [id],
      )
    )[0];
    if (!row) return undefined;
    const receipt: Receipt = {id, reference: row.reference, receivedAt: row.received_at};
    return {receipt, bodyHash: row.body_hash};
  };
  return {
    async insertConsultation(consultation: Consultation) {
      const changed = await sql.run(
        'INSERT INTO consultations (slug, status, service, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [
          consultation.slug,
          consultation.status,
          columnText(consultation.service),
          JSON.stringify(consultation),
          consultation.createdAt,
          consultation.updatedAt,
        ],
      );
      return changed > 0;
    },

    async getConsultation(slug) {
      const rows = await sql.all<{body: string}>('SELECT body FROM consultations WHERE slug = ?', [slug]);
      return rows[0] ? (JSON.parse(rows[0].body) as Consultation) : undefined;
    },

    async listConsultations(services) {
      const where = services
        ? services.length
          ? `WHERE c.service IN (${services.map(() => '?').join(', ')})`
          : 'WHERE 1 = 0'
        : '';
      const rows = await sql.all<{body: string; responses: number | string}>(
        `SELECT c.body, (SELECT count(*) FROM consultation_responses r WHERE r.consultation = c.slug AND r.quarantined = 0) AS responses
         FROM consultations c ${where} ORDER BY c.created_at DESC, c.slug`,
        services?.map((s) => columnText(s)) ?? [],
      );
      return rows.map((row) => ({...(JSON.parse(row.body) as Consultation), responses: Number(row.responses)}));
    },

    async updateConsultation(consultation, expectedUpdatedAt) {
      // Only over the version the caller read: two people changing one consultation never lose a change silently.
      return (
        (await sql.run(
          `UPDATE consultations SET status = ?, service = ?, body = ?, updated_at = ? WHERE slug = ? AND updated_at = ?`,
          [
            consultation.status,
            columnText(consultation.service),
            JSON.stringify(consultation),
            consultation.updatedAt,
            consultation.slug,
            expectedUpdatedAt,
          ],
        )) > 0
      );
    },

    async deleteConsultation(slug) {
      await sql.run('DELETE FROM consultation_responses WHERE consultation = ?', [slug]);
      return (await sql.run('DELETE FROM consultations WHERE slug = ?', [slug])) > 0;
    },

    async insertConsultationResponse(record: ConsultationResponseInsert) {
      // A clash on the id is a repeat; a clash on a new random reference is tried again.
      for (let attempt = 0; attempt < 20; attempt++) {
        const reference = makeReference();
        const changed = await sql.run(
          'INSERT INTO consultation_responses (id, reference, consultation, quarantined, body, received_at, body_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [
            record.id,
            reference,
            record.consultation,
            record.quarantined ? 1 : 0,
            record.body,
            record.receivedAt,
            record.bodyHash,
          ],
        );
        if (changed > 0)
          return {outcome: 'created', receipt: {id: record.id, reference, receivedAt: record.receivedAt}};
        const existing = await findResponse(record.id);
        if (existing) {
          if (existing.bodyHash !== record.bodyHash) return {outcome: 'conflict'};
          return {outcome: 'duplicate', receipt: existing.receipt};
        }
      }
      throw new Error('no free consultation reference');
    },

    findConsultationResponse: findResponse,

    async getConsultationResponse(reference) {
      const rows = await sql.all<ResponseRow>(
        `SELECT ${RESPONSE_COLUMNS} FROM consultation_responses WHERE reference = ?`,
        [reference],
      );
      return rows[0] ? toResponse(rows[0]) : undefined;
    },

    async listConsultationResponses(slug, limit, after?: Cursor) {
      const params: unknown[] = [slug];
      let where = 'consultation = ?';
      if (after) {
        where += ' AND (received_at < ? OR (received_at = ? AND reference < ?))';
        params.push(after.receivedAt, after.receivedAt, after.reference);
      }
      const rows = await sql.all<ResponseRow>(
        `SELECT ${RESPONSE_COLUMNS} FROM consultation_responses WHERE ${where} ORDER BY received_at DESC, reference DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const items = rows.slice(0, limit).map(toResponse);
      const last = items[items.length - 1];
      const page: ConsultationResponsePage =
        rows.length > limit && last ? {items, next: {receivedAt: last.receivedAt, reference: last.reference}} : {items};
      return page;
    },

    async consultationAnswers(slug) {
      const rows = await sql.all<{body: string}>(
        'SELECT body FROM consultation_responses WHERE consultation = ? AND quarantined = 0 ORDER BY received_at, reference',
        [slug],
      );
      return rows.map((row) => (JSON.parse(row.body) as {answers: Record<string, unknown>}).answers);
    },

    async eraseConsultationResponse(reference) {
      return (await sql.run('DELETE FROM consultation_responses WHERE reference = ?', [reference])) > 0;
    },
  };
}
