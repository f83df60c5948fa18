// SQL and row mapping shared by the SQLite and PostgreSQL stores, so both mean the same thing.
import {columnText} from './column-text.js';
import {MONTHLY_COUNTS_MIGRATION, MONTHLY_COUNTS_POSTGRES_MIGRATION} from './monthly-counts-sql.js';
import {INVOLVEMENT_LOG_MIGRATION} from './involvement-log-sql.js';
import {COMPLAINT_RECORD_MIGRATION} from './complaint-record-sql.js';
import type {
  AuditEntry,
  Cursor,
  ListFilter,
  NewRecord,
  StoredRecord,
  TokenRecord,
  YouSaidChange,
  YouSaidItem,
} from '../types.js';
import {OUTBOX_MIGRATION} from './outbox-sql.js';
import {INVOLVEMENT_MIGRATION} from './involvement-sql.js';
import {LETTER_TEMPLATE_MIGRATION} from './letter-template-sql.js';
import {THEMES_MIGRATION} from './themes-sql.js';
import {ACTIONS_MIGRATION} from './actions-sql.js';
import {CONSULTATIONS_MIGRATION} from './consultations-sql.js';
import {ABOUT_YOU_MIGRATION} from './about-you-sql.js';

/** The submissions table's columns, in the order rows are read and written. */
/** The words a search looks in, for SQLite: what was said, what would help, the notes and the reference. */
function SEARCH_WORDS_SQLITE(row: string): string {
  return `coalesce(json_extract(${row}body, '$.message'), '') || ' ' || coalesce(json_extract(${row}body, '$.improvement'), '') || ' ' || (SELECT coalesce(group_concat(json_extract(value, '$.text'), ' '), '') FROM json_each(${row}notes)) || ' ' || ${row}reference`;
}

/** The same words for PostgreSQL: the stored column migration 9 makes. */
export const SEARCH_VECTOR_POSTGRES = 'search';

/**
 * The words of a search, as letters and digits only: every operator and quote a person might type is
 * dropped, so no search can be a query-language error (never a 5xx). At most 10 words.
 */
export function searchTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 10);
}

/** An FTS5 query for the words: each a quoted prefix, all of them needed. */
export const ftsQuery = (terms: readonly string[]): string => terms.map((term) => `"${term}"*`).join(' ');

/** The columns migration 4 copied: frozen, because a shipped migration must never change. */
const V4_COLUMNS =
  'id, reference, kind, status, service, rating, spam_reason, ack_due_at, received_at, acknowledged_at, investigating_at, resolved_at, closed_at, updated_at, notes, body';

export const COLUMNS = `${V4_COLUMNS}, channel, recorded_by`;

/**
 * Versioned migrations: each runs once, in order, inside a transaction. Never edit a shipped one.
 * One with `only` runs on that engine alone; the other records it as done without running it.
 */
export const MIGRATIONS: ReadonlyArray<{version: number; sql: string; only?: 'sqlite' | 'postgres'}> = [
  {
    version: 1,
    sql: `
CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  service TEXT,
  rating TEXT,
  spam_reason TEXT,
  ack_due_at TEXT,
  received_at TEXT NOT NULL,
  acknowledged_at TEXT,
  investigating_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '[]',
  body TEXT NOT NULL
);
CREATE INDEX submissions_received ON submissions (received_at, reference);
CREATE TABLE audit (
  seq INTEGER_PK,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  reference TEXT,
  action TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_reference ON audit (reference);
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE UNIQUE INDEX tokens_live_name ON tokens (name) WHERE revoked_at IS NULL;
`,
  },
  {
    // Token names need not be unique: a lost token is replaced by a new one of the same name.
    version: 2,
    sql: `
DROP INDEX IF EXISTS tokens_live_name;
CREATE INDEX IF NOT EXISTS tokens_name ON tokens (name);
`,
  },
  {
    // "You said, we did": what the provider changed, optionally quoting a submission (by reference).
    version: 3,
    sql: `
CREATE TABLE you_said_we_did (
  id TEXT PRIMARY KEY,
  submission_reference TEXT,
  you_said TEXT NOT NULL,
  we_did TEXT NOT NULL,
  quote TEXT,
  published INTEGER NOT NULL DEFAULT 0,
  published_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX you_said_we_did_reference ON you_said_we_did (submission_reference);
CREATE INDEX you_said_we_did_published ON you_said_we_did (published, published_at);
`,
  },
  {
    // SQLite: references come from a keyed shuffle of a counter (reference-cipher.ts), so the table
    // needs no unique index of random references, the biggest cost of each insert. The counter is
    // the row's own key; AUTOINCREMENT never reuses one, so no reference is ever given out twice.
    // References given out before this keep working through legacy_references.
    version: 4,
    only: 'sqlite',
    sql: `
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (name, value) VALUES ('reference_key', lower(hex(randomblob(24))));
CREATE TABLE submissions_v4 (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  reference TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  service TEXT,
  rating TEXT,
  spam_reason TEXT,
  ack_due_at TEXT,
  received_at TEXT NOT NULL,
  acknowledged_at TEXT,
  investigating_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  updated_at TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '[]',
  body TEXT NOT NULL
);
INSERT INTO submissions_v4 (${V4_COLUMNS})
  SELECT ${V4_COLUMNS} FROM submissions ORDER BY received_at, rowid;
CREATE TABLE legacy_references (reference TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO legacy_references (reference, seq) SELECT reference, seq FROM submissions_v4;
DROP TABLE submissions;
ALTER TABLE submissions_v4 RENAME TO submissions;
CREATE INDEX submissions_received ON submissions (received_at, reference);
CREATE TRIGGER submissions_forget_legacy_reference AFTER DELETE ON submissions
BEGIN DELETE FROM legacy_references WHERE reference = old.reference; END;
`,
  },
  // The outbox: e-mails and webhooks waiting to leave, written with the submission they are about.
  {version: 5, sql: OUTBOX_MIGRATION},
  // Tokens limited to some services: a JSON array of service ids, or NULL for every service.
  {version: 6, sql: 'ALTER TABLE tokens ADD COLUMN services TEXT'},
  // Feedback recorded by staff (a phone call, a letter, a visit): how it came, and who wrote it down.
  {
    version: 7,
    sql: `ALTER TABLE submissions ADD COLUMN channel TEXT NOT NULL DEFAULT 'web';
ALTER TABLE submissions ADD COLUMN recorded_by TEXT;`,
  },
  // Search (GET /v1/submissions?q=): what was said, what would help, the notes and the reference, in
  // the database's own full-text index. On SQLite, FTS5 kept in step by triggers; secure-delete makes
  // an erased or purged submission's words leave the index itself, not just the table.
  {
    version: 8,
    only: 'sqlite',
    sql: `
CREATE VIRTUAL TABLE submissions_fts USING fts5(words, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO submissions_fts (submissions_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO submissions_fts (rowid, words) SELECT seq, ${SEARCH_WORDS_SQLITE('submissions.')} FROM submissions;
CREATE TRIGGER submissions_fts_insert AFTER INSERT ON submissions
BEGIN INSERT INTO submissions_fts (rowid, words) VALUES (new.seq, ${SEARCH_WORDS_SQLITE('new.')}); END;
CREATE TRIGGER submissions_fts_notes AFTER UPDATE OF notes ON submissions
BEGIN UPDATE submissions_fts SET words = ${SEARCH_WORDS_SQLITE('new.')} WHERE rowid = new.seq; END;
CREATE TRIGGER submissions_fts_delete AFTER DELETE ON submissions
BEGIN DELETE FROM submissions_fts WHERE rowid = old.seq; END;
`,
  },
  // On PostgreSQL, a GIN index over the same words ('simple': no stemming, any language).
  {
    version: 9,
    only: 'postgres',
    // The words are kept in a stored column, made when a row is written or its notes change: an index
    // over the function alone made PostgreSQL run it again on every row it checked (12 s for a rare
    // word at a million rows). The reference's dashes become spaces: PostgreSQL's parser reads "-6784"
    // in CF-6784-WRTQ as a negative number. PostgreSQL's JSON types refuse some text a submission may
    // hold (an escaped NUL, a lone surrogate half): then the whole body is searched rather than refuse
    // the submission, which an error here would.
    sql: `
CREATE FUNCTION care_search_words(body TEXT, notes TEXT, reference TEXT) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN to_tsvector('simple'::regconfig, coalesce((body::jsonb) ->> 'message', '') || ' ' ||
    coalesce((body::jsonb) ->> 'improvement', '') || ' ' || notes || ' ' || translate(reference, '-', ' '));
EXCEPTION WHEN others THEN
  RETURN to_tsvector('simple'::regconfig, body || ' ' || notes || ' ' || translate(reference, '-', ' '));
END $$;
ALTER TABLE submissions ADD COLUMN search tsvector
  GENERATED ALWAYS AS (care_search_words(body, notes, reference)) STORED;
CREATE INDEX submissions_search ON submissions USING GIN (search);`,
  },
  // The involvement register: people who signed up to help shape the service (#16).
  {version: 10, sql: INVOLVEMENT_MIGRATION},
  // GET /v1/reports and /v1/stats count a period's submissions by kind, status, month, rating, service and
  // channel, and the report reads the complaints' dates: each index holds every column its query reads,
  // so the database reads the index alone, never the rows (store/report-sql.ts; docs/performance.md).
  {
    version: 11,
    sql: `CREATE INDEX submissions_report ON submissions (received_at, kind, status, service, rating, channel);
CREATE INDEX submissions_complaints ON submissions
  (received_at, status, ack_due_at, acknowledged_at, investigating_at, resolved_at, closed_at, reference)
  WHERE kind = 'complaint';`,
  },
  // The whole complaint record, beside the submission (complaint-record.ts). 10 and 11 are taken by
  // the involvement register and the reports.
  {version: 12, sql: COMPLAINT_RECORD_MIGRATION},
  // "Needs attention" reads only the open complaints and concerns.
  {version: 13, sql: 'CREATE INDEX submissions_open ON submissions (kind, status, received_at)'},
  // Care themes (the default list) and the themes staff put on each item (store/themes-sql.ts, #15).
  {version: 14, sql: THEMES_MIGRATION},
  // Improvement actions and the items and themes each answers (store/actions-sql.ts, #15).
  {version: 15, sql: ACTIONS_MIGRATION},
  // Consultations and the answers people give to them (#16).
  {version: 16, sql: CONSULTATIONS_MIGRATION},
  // The involvement log: who took part in what, and the expenses paid (#16).
  {version: 17, sql: INVOLVEMENT_LOG_MIGRATION},
  // A provider's own wording for the complaint letters (letters/).
  {version: 18, sql: LETTER_TEMPLATE_MIGRATION},
  // "About you": equality answers, apart from the feedback (store/about-you-sql.ts).
  {version: 19, sql: ABOUT_YOU_MIGRATION},
  // Counts per month kept by triggers, so a year's stats and report counts read a few thousand rows, not
  // every submission (store/monthly-counts-sql.ts). 14 to 19 are taken by themes, actions, consultations,
  // the involvement log, letter templates and "About you".
  {version: 20, sql: MONTHLY_COUNTS_MIGRATION, only: 'sqlite'},
  // A home manager's list (one service, one kind, newest first) walks its own index in order rather than
  // every submission of the period: 220 ms at a million (docs/performance.md). PostgreSQL chose well already.
  {version: 21, sql: 'CREATE INDEX submissions_service_kind ON submissions (service, kind, received_at, reference)', only: 'sqlite'},
  // PostgreSQL's counts per month: changes appended by a trigger, folded by readers (store/monthly-counts-sql.ts).
  // 22 and 23 are taken by the involvement figures and the consultations' summaries.
  {version: 24, sql: MONTHLY_COUNTS_POSTGRES_MIGRATION, only: 'postgres'},
  // PostgreSQL makes references as SQLite does (migration 4): a keyed shuffle of a counter
  // (reference-cipher.ts), the counter a sequence, so several collectors never draw the same number.
  // The key is random per database (gen_random_uuid is cryptographically random). References made
  // before keep working: they stay in the unique index, and a number whose shuffle lands on one of
  // them is skipped.
  {
    version: 25,
    only: 'postgres',
    sql: `
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (name, value)
  VALUES ('reference_key', replace(gen_random_uuid()::text, '-', '') || left(replace(gen_random_uuid()::text, '-', ''), 16));
CREATE SEQUENCE submission_references;`,
  },
];

export {columnText};

export const YOU_SAID_COLUMNS =
  'id, submission_reference, you_said, we_did, quote, published, published_at, created_at, updated_at';

export interface YouSaidRow {
  id: string;
  submission_reference: string | null;
  you_said: string;
  we_did: string;
  quote: string | null;
  published: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export function toYouSaid(row: YouSaidRow): YouSaidItem {
  return {
    id: row.id,
    submissionReference: row.submission_reference,
    youSaid: row.you_said,
    weDid: row.we_did,
    quote: row.quote,
    published: Number(row.published) === 1,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** SQL for listing items: all newest first by creation, or published ones newest first by publication. */
export function youSaidListSql(publishedOnly: boolean): string {
  return publishedOnly
    ? `SELECT ${YOU_SAID_COLUMNS} FROM you_said_we_did WHERE published = 1 ORDER BY published_at DESC, id DESC`
    : `SELECT ${YOU_SAID_COLUMNS} FROM you_said_we_did ORDER BY created_at DESC, id DESC`;
}

/** An UPDATE with `?` placeholders for the fields a change sets. */
export function youSaidUpdateSql(
  id: string,
  change: YouSaidChange,
): {sql: string; params: unknown[]} {
  const columns: Array<[keyof YouSaidChange, string]> = [
    ['submissionReference', 'submission_reference'],
    ['youSaid', 'you_said'],
    ['weDid', 'we_did'],
    ['quote', 'quote'],
    ['published', 'published'],
    ['publishedAt', 'published_at'],
    ['updatedAt', 'updated_at'],
  ];
  const sets: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of columns) {
    if (change[key] === undefined) continue;
    sets.push(`${column} = ?`);
    params.push(key === 'published' ? (change.published ? 1 : 0) : change[key]);
  }
  params.push(id);
  return {sql: `UPDATE you_said_we_did SET ${sets.join(', ')} WHERE id = ?`, params};
}

/**
 * Erasure must be complete: items quoting an erased submission lose the quote and are unpublished,
 * and every item forgets the reference. `?` is the reference.
 */
export const YOU_SAID_ERASE_SQL = `UPDATE you_said_we_did SET
  published = CASE WHEN quote IS NULL THEN published ELSE 0 END,
  published_at = CASE WHEN quote IS NULL THEN published_at ELSE NULL END,
  quote = NULL,
  submission_reference = NULL
  WHERE submission_reference = ?`;

/** The same for every submission a purge removes (`?` is the purge's cut-off time). */
export const YOU_SAID_PURGE_SQL = YOU_SAID_ERASE_SQL.replace(
  'WHERE submission_reference = ?',
  'WHERE submission_reference IN (SELECT reference FROM submissions WHERE received_at < ?)',
);


/** A new record's values in COLUMNS order, the later status times and notes empty. */
export const RECORD_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, '[]', ?, ?, ?";

/** RECORD_VALUES' parameters, in order (positional binding is cheaper than named). */
export function recordParams(record: NewRecord, reference: string): unknown[] {
  return [
    record.id,
    reference,
    record.kind,
    record.status,
    record.service,
    record.rating,
    record.spamReason,
    record.ackDueAt,
    record.receivedAt,
    record.receivedAt,
    record.body,
    record.recorded?.channel ?? 'web',
    record.recorded ? columnText(record.recorded.by) : null,
  ];
}

/** Timestamp column set when a record reaches a status. */
export const STATUS_COLUMN: Record<string, string | undefined> = {
  acknowledged: 'acknowledged_at',
  investigating: 'investigating_at',
  resolved: 'resolved_at',
  closed: 'closed_at',
};

export interface Row {
  id: string;
  reference: string;
  kind: string;
  status: string;
  service: string | null;
  rating: string | null;
  spam_reason: string | null;
  ack_due_at: string | null;
  received_at: string;
  acknowledged_at: string | null;
  investigating_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  updated_at: string;
  notes: string;
  body: string;
  channel: string;
  recorded_by: string | null;
}

export function toRecord(row: Row): StoredRecord {
  const submission = JSON.parse(row.body) as StoredRecord['submission'];
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    kind: row.kind as StoredRecord['kind'],
    status: row.status as StoredRecord['status'],
    // From the submission, not the column copy, so it is byte for byte what was sent.
    service: submission.service ?? null,
    rating: row.rating,
    spamReason: row.spam_reason as StoredRecord['spamReason'],
    ackDueAt: row.ack_due_at,
    acknowledgedAt: row.acknowledged_at,
    investigatingAt: row.investigating_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
    notes: JSON.parse(row.notes),
    channel: row.channel as StoredRecord['channel'],
    recordedBy: row.recorded_by,
    submission,
  };
}

export function toAudit(row: {
  at: string;
  actor: string;
  reference: string | null;
  action: string;
  detail: string | null;
}): AuditEntry {
  return {
    at: row.at,
    actor: row.actor,
    reference: row.reference,
    action: row.action,
    detail: row.detail,
  };
}

export function toToken(row: {
  id: string;
  name: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
  services?: string | null;
}): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    hash: row.hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    services: row.services ? (JSON.parse(row.services) as string[]) : [],
  };
}

/** A token's services as stored: NULL for every service. */
export const tokenServices = (token: TokenRecord): string | null =>
  token.services.length ? JSON.stringify(token.services) : null;

/** A WHERE clause with `?` placeholders (PostgreSQL numbers them) and its parameters. */
export function whereClause(
  filter: ListFilter,
  after?: Cursor,
  engine: 'sqlite' | 'postgres' = 'sqlite',
  /** SQLite: the search matches so many rows that walking the newest first and checking each is quicker. */
  manyMatches = false,
): {sql: string; params: unknown[]} {
  const parts: string[] = [];
  const params: unknown[] = [];
  const list = (column: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  list('kind', filter.kind);
  list('status', filter.status);
  if (filter.service !== undefined) {
    parts.push('service = ?');
    params.push(columnText(filter.service));
  }
  list('channel', filter.channel);
  if (filter.q !== undefined) {
    const terms = searchTerms(filter.q);
    if (terms.length === 0) parts.push('1 = 0');
    else if (engine === 'postgres') {
      parts.push(`${SEARCH_VECTOR_POSTGRES} @@ to_tsquery('simple'::regconfig, ?)`);
      params.push(terms.map((term) => `${term}:*`).join(' & '));
    } else {
      // `+seq` stops SQLite driving the query from the matches, so it walks the newest first instead.
      parts.push(`${manyMatches ? '+' : ''}seq IN (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?)`);
      params.push(ftsQuery(terms));
    }
  }
  if (filter.services !== undefined) {
    if (filter.services.length === 0) parts.push('1 = 0');
    else list('service', filter.services.map((service) => columnText(service)!));
  }
  if (filter.from !== undefined) {
    parts.push('received_at >= ?');
    params.push(filter.from);
  }
  if (filter.before !== undefined) {
    parts.push('received_at < ?');
    params.push(filter.before);
  }
  if (filter.quarantined !== undefined)
    parts.push(filter.quarantined ? "status = 'quarantined'" : "status <> 'quarantined'");
  if (filter.overdueOn !== undefined) {
    parts.push("kind = 'complaint' AND status = 'received' AND ack_due_at < ?");
    params.push(filter.overdueOn);
  }
  if (after) {
    parts.push('(received_at < ? OR (received_at = ? AND reference < ?))');
    params.push(after.receivedAt, after.receivedAt, after.reference);
  }
  return {sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params};
}

/** Turns `?` placeholders into PostgreSQL's `$1, $2, …` (our SQL never has `?` inside strings). */
export function numbered(sql: string, start = 1): string {
  let n = start - 1;
  return sql.replace(/\?/g, () => `$${++n}`);
}
