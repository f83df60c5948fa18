// The involvement register (people who signed up to help shape the service), for both stores.
// Written once over the store's SQL runner (sql-runner.ts, `?` placeholders), so SQLite and PostgreSQL mean the same thing.
import type {
  InvolvementCursor,
  InvolvementFilter,
  InvolvementInsert,
  InvolvementPage,
  InvolvementRecord,
  InvolvementStore,
  Receipt,
} from '../types.js';
import {INVOLVEMENT_LOG_ERASE_SQL} from './involvement-log-sql.js';
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';

/** Migration 10: one row per sign-up. ways/support/topics_key are copies of the body for filters. */
export const INVOLVEMENT_MIGRATION = `
CREATE TABLE involvement (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  service TEXT,
  ways TEXT NOT NULL,
  support TEXT NOT NULL,
  topics_key TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL,
  left_at TEXT
);
CREATE INDEX involvement_received ON involvement (received_at, reference);
`;

interface InvolvementRow {
  id: string;
  reference: string;
  body: string;
  received_at: string;
  left_at: string | null;
}

const COLUMNS = 'id, reference, body, received_at, left_at';

/** Topics kept lower case between newlines, so one topic is found whole: "\nfood\nvisit times\n". */
export function topicsKey(topics: readonly string[] = []): string {
  return `\n${topics.map((topic) => columnText(topic.toLowerCase().replace(/\n/g, ' '))!).join('\n')}\n`;
}

/** A LIKE pattern that matches `text` literally (its % _ and \ escaped). */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A purge removes sign-ups received before the cut-off, like feedback (`?`: the cut-off time). */
export const INVOLVEMENT_PURGE_SQL = 'DELETE FROM involvement WHERE received_at < ?';

export function involvementStore(
  sql: SqlRunner,
  makeReference: () => string,
): InvolvementStore {
  const toRecord = (row: InvolvementRow): InvolvementRecord => ({
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    leftAt: row.left_at,
    signUp: JSON.parse(row.body),
  });
  const byId = async (id: string) =>
    (
      await sql.all<{reference: string; received_at: string; body_hash: string}>(
        'SELECT reference, received_at, body_hash FROM involvement WHERE id = ?',
        [id],
      )
    )[0];

  return {
    async insertInvolvement(record: InvolvementInsert) {
      // A clash on the id is a repeat; a clash on a new random reference is tried again.
      for (let attempt = 0; attempt < 20; attempt++) {
        const reference = makeReference();
        const changed = await sql.run(
          'INSERT INTO involvement (id, reference, service, ways, support, topics_key, body_hash, body, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [
            record.id,
            reference,
            columnText(record.service),
            JSON.stringify(record.ways),
            JSON.stringify(record.support),
            topicsKey(record.topics),
            record.bodyHash,
            record.body,
            record.receivedAt,
          ],
        );
        if (changed > 0)
          return {
            outcome: 'created',
            receipt: {id: record.id, reference, receivedAt: record.receivedAt},
          };
        const existing = await byId(record.id);
        if (existing) {
          if (existing.body_hash !== record.bodyHash) return {outcome: 'conflict'};
          const receipt: Receipt = {
            id: record.id,
            reference: existing.reference,
            receivedAt: existing.received_at,
          };
          return {outcome: 'duplicate', receipt};
        }
      }
      throw new Error('no free involvement reference');
    },

    async getInvolvement(reference) {
      const rows = await sql.all<InvolvementRow>(
        `SELECT ${COLUMNS} FROM involvement WHERE reference = ?`,
        [reference],
      );
      return rows[0] ? toRecord(rows[0]) : undefined;
    },

    async listInvolvement(filter: InvolvementFilter, limit: number, after?: InvolvementCursor) {
      const where: string[] = [];
      const params: unknown[] = [];
      // ways and support hold JSON lists of fixed words, so a quoted word matches one item whole.
      if (filter.way) {
        where.push(`ways LIKE ? ESCAPE '\\'`);
        params.push(`%${literal(JSON.stringify(filter.way))}%`);
      }
      if (filter.support) {
        where.push(`support LIKE ? ESCAPE '\\'`);
        params.push(`%${literal(JSON.stringify(filter.support))}%`);
      }
      if (filter.topic) {
        where.push(`topics_key LIKE ? ESCAPE '\\'`);
        params.push(`%${literal(topicsKey([filter.topic]))}%`);
      }
      if (filter.services) {
        where.push(
          filter.services.length ? `service IN (${filter.services.map(() => '?').join(', ')})` : '1 = 0',
        );
        params.push(...filter.services);
      }
      if (after) {
        where.push('(received_at < ? OR (received_at = ? AND reference < ?))');
        params.push(after.receivedAt, after.receivedAt, after.reference);
      }
      const rows = await sql.all<InvolvementRow>(
        `SELECT ${COLUMNS} FROM involvement ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, reference DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const items = rows.slice(0, limit).map(toRecord);
      const last = items[items.length - 1];
      const page: InvolvementPage =
        rows.length > limit && last
          ? {items, next: {receivedAt: last.receivedAt, reference: last.reference}}
          : {items};
      return page;
    },

    async leaveInvolvement(reference, body, at) {
      // The first time counts: leaving again keeps the day they left.
      return (
        (await sql.run(
          'UPDATE involvement SET body = ?, left_at = COALESCE(left_at, ?) WHERE reference = ?',
          [body, at, reference],
        )) > 0
      );
    },

    async eraseInvolvement(reference) {
      // The log of what they took part in goes with them (involvement-log-sql.ts).
      await sql.run(INVOLVEMENT_LOG_ERASE_SQL, [reference]);
      return (await sql.run('DELETE FROM involvement WHERE reference = ?', [reference])) > 0;
    },
  };
}
