// Helpers for the themes and actions suites: requests with a token, seeded feedback, the whole audit trail.
import Database from 'better-sqlite3';
import pg from 'pg';
import type {AuditEntry, NewRecord} from '@care-feedback/collector';
import {newRecord, submission, type Running} from './helpers.js';

/** A JSON request to the provider API with a given token. */
export async function call(
  c: Pick<Running, 'api'>,
  token: string,
  path: string,
  method = 'GET',
  body?: unknown,
  // The tests read answers field by field, as a client would; their shapes are checked by the assertions.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{status: number; body: any}> {
  const response = await fetch(`${c.api}${path}`, {
    method,
    headers: {authorization: `Bearer ${token}`, ...(body === undefined ? {} : {'content-type': 'application/json'})},
    ...(body === undefined ? {} : {body: JSON.stringify(body)}),
  });
  const text = await response.text();
  return {status: response.status, body: text ? JSON.parse(text) : null};
}

/** Feedback stored as if received at a given time, for a service: its reference. */
export async function seed(
  c: Pick<Running, 'store'>,
  receivedAt: string,
  service: string,
  message: string,
  fields: Partial<NewRecord> = {},
): Promise<string> {
  const result = await c.store.insert(newRecord(submission({service, message}), {receivedAt, service, ...fields}));
  if (result.outcome !== 'created') throw new Error('not stored');
  return result.receipt.reference;
}

/** The audit lines about no one submission (themes, actions): read from the database itself. */
export async function auditWithoutReference(c: Pick<Running, 'location'>): Promise<AuditEntry[]> {
  const sql = "SELECT at, actor, reference, action, detail FROM audit WHERE reference IS NULL AND action <> 'token-create' ORDER BY seq";
  if (c.location.db) {
    const db = new Database(c.location.db, {readonly: true});
    try {
      return db.prepare(sql).all() as AuditEntry[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({connectionString: c.location.postgres, options: `-c search_path=${c.location.schema}`});
  await client.connect();
  try {
    return (await client.query(sql)).rows as AuditEntry[];
  } finally {
    await client.end();
  }
}
