// Where each complaint's record is kept: one row per complaint reference, the record as JSON. Erasure and
// purge of the submission take its record with it (COMPLAINT_ERASE_SQL, COMPLAINT_PURGE_SQL).
import type {ComplaintRecord} from '../complaint-record.js';

export const COMPLAINT_RECORD_MIGRATION = `
CREATE TABLE complaint_records (
  reference TEXT PRIMARY KEY,
  record TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`;

export const COMPLAINT_GET_SQL = 'SELECT record FROM complaint_records WHERE reference = ?';

export const COMPLAINT_PUT_SQL = `INSERT INTO complaint_records (reference, record, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (reference) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at`;

/** `?` is the reference being erased. */
export const COMPLAINT_ERASE_SQL = 'DELETE FROM complaint_records WHERE reference = ?';

/** `?` is the purge's cut-off time. */
export const COMPLAINT_PURGE_SQL =
  'DELETE FROM complaint_records WHERE reference IN (SELECT reference FROM submissions WHERE received_at < ?)';

export const complaintPutParams = (reference: string, record: ComplaintRecord): unknown[] => [
  reference,
  JSON.stringify(record),
  record.updatedAt ?? new Date().toISOString(),
];

export const toComplaintRecord = (row: {record: string} | undefined): ComplaintRecord | undefined =>
  row ? (JSON.parse(row.record) as ComplaintRecord) : undefined;
