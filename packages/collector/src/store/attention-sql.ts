// "Needs attention": the open complaints and concerns, with each complaint's record, in one query. The
// index on (kind, status, received_at) (migration 13) keeps it quick with a million submissions.
import type {ComplaintRecord} from '../complaint-record.js';
import {COLUMNS, toRecord, type Row} from './sql.js';
import type {StoredRecord} from '../types.js';

/** What is still open: not resolved, not closed, not held as spam. */
export const OPEN_STATUSES = ['received', 'acknowledged', 'investigating'] as const;
const LIMIT = 1000;

/** The query, with `?` placeholders, and its parameters. `services` limits it as a token's services do. */
export function attentionSql(services?: readonly string[]): {sql: string; params: unknown[]} {
  const columns = COLUMNS.split(', ')
    .map((column) => `s.${column}`)
    .join(', ');
  const params: unknown[] = ['complaint', 'concern', ...OPEN_STATUSES];
  let scope = '';
  if (services) {
    scope = services.length ? ` AND s.service IN (${services.map(() => '?').join(', ')})` : ' AND 1 = 0';
    params.push(...services);
  }
  params.push(LIMIT);
  return {
    sql: `SELECT ${columns}, c.record AS complaint_record FROM submissions s
      LEFT JOIN complaint_records c ON c.reference = s.reference
      WHERE s.kind IN (?, ?) AND s.status IN (?, ?, ?)${scope}
      ORDER BY s.received_at LIMIT ?`,
    params,
  };
}

export interface AttentionRow {
  submission: StoredRecord;
  complaint: ComplaintRecord | undefined;
}

export const toAttentionRow = (row: Row & {complaint_record: string | null}): AttentionRow => ({
  submission: toRecord(row),
  complaint: row.complaint_record ? (JSON.parse(row.complaint_record) as ComplaintRecord) : undefined,
});
