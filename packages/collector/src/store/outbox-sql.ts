// SQL and row mapping for the outbox (e-mails and webhooks waiting to leave), shared by both stores.
import type {
  OutboxClaim,
  OutboxDraft,
  OutboxItem,
  OutboxSettlement,
  OutboxState,
} from '../types.js';

/**
 * The outbox table. Times are ISO text, like every other time in the store, so they compare as
 * text. A row is `waiting` until it is settled; `claimed_by`/`claimed_until` is the lease of the
 * sender trying it now, so a sender that dies mid-send gives its rows back when the lease runs out.
 */
export const OUTBOX_MIGRATION = `
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  topic TEXT NOT NULL,
  reference TEXT,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  next_attempt_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  claimed_by TEXT,
  claimed_until TEXT,
  state TEXT NOT NULL DEFAULT 'waiting',
  settled_at TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'waiting';
CREATE INDEX outbox_reference ON outbox (reference);
`;

/** The columns a new row is written with, in outboxParams' order. */
export const OUTBOX_INSERT_COLUMNS =
  'id, channel, topic, reference, payload, created_at, next_attempt_at';

export const OUTBOX_COLUMNS =
  'id, channel, topic, reference, payload, created_at, next_attempt_at, attempts, last_error, state, settled_at';

/** OUTBOX_INSERT_COLUMNS' values for a draft; with a reference, the row's id is `<reference>:<key>`. */
export function outboxParams(
  draft: OutboxDraft,
  reference: string | null,
  createdAt: string,
): unknown[] {
  return [
    reference === null ? draft.key : `${reference}:${draft.key}`,
    draft.channel,
    draft.topic,
    reference,
    JSON.stringify(draft.payload),
    createdAt,
    draft.notBefore,
  ];
}

/** One row's placeholders for OUTBOX_INSERT_COLUMNS. */
export const OUTBOX_VALUES = '(?, ?, ?, ?, ?, ?, ?)';

/**
 * Claims due rows. The inner SELECT picks them; PostgreSQL adds FOR UPDATE SKIP LOCKED there, so
 * a row another sender is claiming at this instant is passed over rather than waited for, and a row
 * it has just claimed no longer matches once its lease is seen. `?`s: see claimParams.
 */
export function claimSql(claim: OutboxClaim, lock: string): string {
  const channels = claim.channels.map(() => '?').join(', ');
  return `UPDATE outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
  WHERE id IN (
    SELECT id FROM outbox
    WHERE state = 'waiting' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
      AND channel IN (${channels})
    ORDER BY next_attempt_at, id LIMIT ?${lock}
  )
  RETURNING ${OUTBOX_COLUMNS}`;
}

export function claimParams(claim: OutboxClaim): unknown[] {
  return [claim.claimer, claim.until, claim.now, claim.now, ...claim.channels, claim.limit];
}

/** An UPDATE that settles a claimed row, only while the claim is still the caller's. */
export function settleSql(settlement: OutboxSettlement): {sql: string; params: unknown[]} {
  const release = 'claimed_by = NULL, claimed_until = NULL';
  if (settlement.state === 'waiting')
    return {
      sql: `UPDATE outbox SET next_attempt_at = ?, last_error = ?, ${release} WHERE id = ? AND claimed_by = ?`,
      params: [settlement.retryAt, settlement.error],
    };
  return {
    sql: `UPDATE outbox SET state = ?, settled_at = ?, last_error = ?, ${release} WHERE id = ? AND claimed_by = ?`,
    params: [
      settlement.state,
      settlement.at,
      settlement.state === 'gave-up' ? settlement.error : null,
    ],
  };
}

export function listOutboxSql(states: readonly OutboxState[]): string {
  return `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY next_attempt_at, id LIMIT ?`;
}

/** Erasing a submission forgets its outbox rows too: they name its reference. `?` is the reference. */
export const OUTBOX_ERASE_SQL = 'DELETE FROM outbox WHERE reference = ?';

/**
 * A purge removes the outbox rows of the submissions it removes, and rows settled before the
 * cut-off (`?` twice: the cut-off time). Run before the submissions are deleted.
 */
export const OUTBOX_PURGE_SQL =
  'DELETE FROM outbox WHERE reference IN (SELECT reference FROM submissions WHERE received_at < ?) OR settled_at < ?';

export interface OutboxRow {
  id: string;
  channel: string;
  topic: string;
  reference: string | null;
  payload: string;
  created_at: string;
  next_attempt_at: string;
  attempts: number | string;
  last_error: string | null;
  state: string;
  settled_at: string | null;
}

export function toOutboxItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    channel: row.channel as OutboxItem['channel'],
    topic: row.topic as OutboxItem['topic'],
    reference: row.reference,
    payload: JSON.parse(row.payload) as OutboxItem['payload'],
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    state: row.state as OutboxState,
    settledAt: row.settled_at,
  };
}
