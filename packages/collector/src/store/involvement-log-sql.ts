// The involvement log (#16), for both stores: who took part in what, and the expenses paid. Rows belong
// to a sign-up by its reference, and go with it on erasure and purge (store/involvement-sql.ts).
import type {InvolvementLogEntry} from '@care-feedback/core/provider';
import type {SqlRunner} from './sql-runner.js';

/**
 * Migration 17: one row per time a person took part. The entry is kept whole as JSON in `body` (JSON
 * escapes U+0000, which PostgreSQL text cannot hold), so it reads back byte for byte; the day and the
 * expenses are columns too, for ordering and sums.
 */
export const INVOLVEMENT_LOG_MIGRATION = `
CREATE TABLE involvement_log (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  took_part_on TEXT NOT NULL,
  expenses_pence INTEGER NOT NULL,
  recorded_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX involvement_log_reference ON involvement_log (reference, took_part_on);
`;

/** Erasure: `?` is the sign-up's reference. */
export const INVOLVEMENT_LOG_ERASE_SQL = 'DELETE FROM involvement_log WHERE reference = ?';

/** A purge takes the log of every sign-up it removes (`?`: the cut-off time); run it before that purge. */
export const INVOLVEMENT_LOG_PURGE_SQL =
  'DELETE FROM involvement_log WHERE reference IN (SELECT reference FROM involvement WHERE received_at < ?)';

export interface InvolvementLogStore {
  addInvolvementLog(entry: InvolvementLogEntry): Promise<void>;
  /** A sign-up's entries, the day they took part first. */
  listInvolvementLog(reference: string): Promise<InvolvementLogEntry[]>;
}

export function involvementLogStore(sql: SqlRunner): InvolvementLogStore {
  return {
    async addInvolvementLog(entry) {
      await sql.run(
        'INSERT INTO involvement_log (id, reference, took_part_on, expenses_pence, recorded_at, body) VALUES (?, ?, ?, ?, ?, ?)',
        [entry.id, entry.reference, entry.date, entry.expensesPence, entry.recordedAt, JSON.stringify(entry)],
      );
    },
    async listInvolvementLog(reference) {
      const rows = await sql.all<{body: string}>(
        'SELECT body FROM involvement_log WHERE reference = ? ORDER BY took_part_on, recorded_at, id',
        [reference],
      );
      return rows.map((row) => JSON.parse(row.body) as InvolvementLogEntry);
    },
  };
}
