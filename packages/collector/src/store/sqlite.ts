// The embedded store: one SQLite file in WAL mode, with inserts grouped into short batched commits.
import {mkdirSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import Database from 'better-sqlite3';
import type {
  AuditEntry,
  Cursor,
  InsertResult,
  ListFilter,
  NewRecord,
  Note,
  Page,
  StatsRow,
  StatusChange,
  Store,
  StoredRecord,
  TokenRecord,
  YouSaidItem,
} from '../types.js';
import {referenceCipher} from '../reference-cipher.js';
import {makeInvolvementReference} from '../involvement-reference.js';
import {INVOLVEMENT_PURGE_SQL, involvementStore} from './involvement-sql.js';
import {INVOLVEMENT_LOG_PURGE_SQL, involvementLogStore} from './involvement-log-sql.js';
import {involvementReportStore} from './involvement-report-sql.js';
import {CONSULTATION_RESPONSES_PURGE_SQL, consultationStore} from './consultations-sql.js';
import {makeConsultationReference} from '../consultation-reference.js';
import {ABOUT_YOU_PURGE_SQL, aboutYouEraseSql, aboutYouStore} from './about-you-sql.js';
import {startCheckpointer, WAL_LIMIT_BYTES, walBytes} from './sqlite-checkpointer.js';
import {
  COLUMNS,
  MIGRATIONS,
  RECORD_VALUES,
  recordParams,
  STATUS_COLUMN,
  toAudit,
  toRecord,
  toToken,
  tokenServices,
  toYouSaid,
  whereClause,
  ftsQuery,
  searchTerms,
  YOU_SAID_COLUMNS,
  YOU_SAID_ERASE_SQL,
  YOU_SAID_PURGE_SQL,
  youSaidListSql,
  youSaidUpdateSql,
  type Row,
  type YouSaidRow,
} from './sql.js';
import {
  claimParams,
  claimSql,
  listOutboxSql,
  OUTBOX_ERASE_SQL,
  OUTBOX_INSERT_COLUMNS,
  OUTBOX_PURGE_SQL,
  OUTBOX_VALUES,
  outboxParams,
  settleSql,
  toOutboxItem,
  type OutboxRow,
} from './outbox-sql.js';
import {
  COMPLAINT_ERASE_SQL,
  COMPLAINT_GET_SQL,
  COMPLAINT_PURGE_SQL,
  COMPLAINT_PUT_SQL,
  complaintPutParams,
  toComplaintRecord,
} from './complaint-record-sql.js';
import {
  LETTER_TEMPLATE_DELETE_SQL,
  LETTER_TEMPLATE_PUT_SQL,
  LETTER_TEMPLATES_SQL,
  letterTemplatePutParams,
  toLetterTemplate,
} from './letter-template-sql.js';
import {attentionSql, toAttentionRow} from './attention-sql.js';
import {readReport} from './report-sql.js';
import {monthlyCountsWhere, statsFromMonthlyCounts} from './monthly-counts-sql.js';
import {THEME_TAGS_ERASE_SQL, THEME_TAGS_PURGE_SQL, themeStore} from './themes-sql.js';
import {ACTION_LINKS_ERASE_SQL, ACTION_LINKS_PURGE_SQL, actionStore} from './actions-sql.js';
import type {SqlRunner} from './sql-runner.js';

export interface SqliteStoreOptions {
  /** Path of the database file; its folder is created. */
  file: string;
  /**
   * `normal` (default): each commit is written to the WAL before the 201, so it survives kill -9 or a
   * crash of the collector; the WAL is fsynced at checkpoints, so a power cut or OS crash can lose
   * the last moments of commits. `full`: the WAL is fsynced at every (batched) commit as well, so a
   * 201 also survives power loss, at roughly half the throughput on a typical disk.
   */
  synchronous?: 'full' | 'normal';
  /** Most inserts grouped into one commit. */
  maxBatch?: number;
  /** How long the first insert of a batch waits for company before the commit, in ms; 0 = the next turn of the event loop. */
  batchWindowMs?: number;
  /** How large the WAL may grow before commits pause for a checkpoint that empties it (64 MB). */
  walLimitBytes?: number;
}

const INSERT_SQL = `INSERT INTO submissions (seq, ${COLUMNS}) VALUES (?, ${RECORD_VALUES}) ON CONFLICT (id) DO NOTHING`;

interface Pending {
  record: NewRecord;
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const file = resolve(options.file);
  mkdirSync(dirname(file), {recursive: true});
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  // Erased and purged text is overwritten on disk, not just unlinked from the b-tree.
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Checkpoints copy the WAL into the database file and fsync it. Run by the committing connection
  // they would stall every request for that fsync now and then; a small thread does them instead.
  const walLimitBytes = options.walLimitBytes ?? WAL_LIMIT_BYTES;
  const checkpointer = startCheckpointer(
    file,
    () => db.open && db.pragma('wal_autocheckpoint = 1000'),
    1000,
    walLimitBytes,
  );
  db.pragma('wal_autocheckpoint = 0');
  // Once a checkpoint has restarted the WAL, the file is cut back to this size.
  db.pragma(`journal_size_limit = ${walLimitBytes}`);
  migrate(db);

  const byId = db.prepare<[string], {reference: string; received_at: string; body: string}>(
    'SELECT reference, received_at, body FROM submissions WHERE id = ?',
  );
  const insertRow = db.prepare(INSERT_SQL);
  const lastSeq = db
    .prepare<[], number>("SELECT seq FROM sqlite_sequence WHERE name = 'submissions'")
    .pluck();
  const isLegacy = db
    .prepare<[string], number>('SELECT 1 FROM legacy_references WHERE reference = ?')
    .pluck();
  const cipher = referenceCipher(
    db
      .prepare<[], string>("SELECT value FROM settings WHERE name = 'reference_key'")
      .pluck()
      .get()!,
  );
  // A reference is found by running the shuffle backwards to its row, or, for one given out before
  // migration 4, through legacy_references. `?`s: the row number, then the reference twice.
  /** Above this many matches, a search walks the newest rows rather than sort every match. */
  const MANY_MATCHES = 5000;
  const BY_REFERENCE =
    'seq IN (?, (SELECT seq FROM legacy_references WHERE reference = ?)) AND reference = ?';
  const at = (reference: string) => [cipher.decode(reference) ?? 0, reference, reference];
  const getRow = db.prepare<unknown[], Row>(
    `SELECT ${COLUMNS} FROM submissions WHERE ${BY_REFERENCE}`,
  );
  const insertOutbox = db.prepare(
    `INSERT INTO outbox (${OUTBOX_INSERT_COLUMNS}) VALUES ${OUTBOX_VALUES} ON CONFLICT (id) DO NOTHING`,
  );
  const insertAudit = db.prepare(
    'INSERT INTO audit (at, actor, reference, action, detail) VALUES (@at, @actor, @reference, @action, @detail)',
  );

  // One statement in the common case: the insert itself, which does nothing for a known id. The
  // batch holds the write lock throughout, so the counter read at its start is ours to use.
  const insertBatch = (batch: Pending[]): InsertResult[] => {
    let seq = (lastSeq.get() ?? 0) + 1;
    return batch.map(({record}) => {
      let reference = cipher.encode(seq);
      // A reference given out before migration 4 was random and may be the one this number makes.
      while (isLegacy.get(reference)) reference = cipher.encode(++seq);
      if (insertRow.run(seq, ...recordParams(record, reference)).changes === 1) {
        seq++;
        // In the batch's transaction: the outbox row exists exactly when the submission does.
        for (const draft of record.outbox ?? [])
          insertOutbox.run(...outboxParams(draft, reference, record.receivedAt));
        return {
          outcome: 'created',
          receipt: {id: record.id, reference, receivedAt: record.receivedAt},
        };
      }
      const existing = byId.get(record.id)!;
      if (existing.body !== record.body) return {outcome: 'conflict'};
      return {
        outcome: 'duplicate',
        receipt: {id: record.id, reference: existing.reference, receivedAt: existing.received_at},
      };
    });
  };

  // Group commit: requests that arrive while the event loop is busy wait for the next turn and are
  // committed together, so one fsync serves many 201s. Each answer waits for its commit.
  const maxBatch = options.maxBatch ?? 256;
  const batchWindowMs = options.batchWindowMs ?? 0;
  const queue: Pending[] = [];
  let scheduled = false;
  const inTransaction = db.transaction(insertBatch);
  const runBatch = (batch: Pending[]) => inTransaction.immediate(batch);
  // Past the limit, commits wait (requests are still read and checked meanwhile) while the
  // checkpoint thread empties the WAL; looked at no more than every 25 ms.
  let truncating: Promise<void> | undefined;
  let walCheckedAt = 0;
  const keepWalBounded = () => {
    const now = Date.now();
    if (now - walCheckedAt < 25) return;
    walCheckedAt = now;
    if (walBytes(file) <= walLimitBytes) return;
    truncating = checkpointer.truncate().then(() => {
      truncating = undefined;
      flush();
    });
  };
  const flush = () => {
    scheduled = false;
    if (truncating) return; // flushed again when the checkpoint is done
    while (queue.length) {
      const batch = queue.splice(0, maxBatch);
      let results: InsertResult[];
      try {
        results = runBatch(batch);
      } catch {
        // One bad row must not fail its neighbours: retry them one commit each.
        for (const p of batch) {
          try {
            p.resolve(runBatch([p])[0]!);
          } catch (single) {
            p.reject(single);
          }
        }
        continue;
      }
      batch.forEach((p, i) => p.resolve(results[i]!));
    }
    keepWalBounded();
  };

  // One runner for every part written over both engines (sql-runner.ts).
  const runner: SqlRunner = {
    all: async <T,>(sql: string, params: unknown[]) => db.prepare(sql).all(...params) as T[],
    run: async (sql, params) => db.prepare(sql).run(...params).changes,
    transaction: async (statements) =>
      db.transaction(() => statements.map(({sql, params}) => db.prepare(sql).run(...params).changes)).immediate(),
  };
  const involvement = {
    ...involvementStore(runner, makeInvolvementReference),
    ...involvementLogStore(runner),
    ...involvementReportStore(runner),
  };
  const consultations = consultationStore(runner, makeConsultationReference);
  const aboutYou = aboutYouStore(runner);

  let closed = false;
  const store: Store = {
    engine: 'sqlite',
    ...involvement,
    ...themeStore(runner),
    ...actionStore(runner),
    ...consultations,
    ...aboutYou,
    insert(record) {
      if (closed) return Promise.reject(new Error('store closed'));
      return new Promise<InsertResult>((resolve, reject) => {
        queue.push({record, resolve, reject});
        if (!scheduled) {
          scheduled = true;
          if (batchWindowMs > 0) setTimeout(flush, batchWindowMs);
          else setImmediate(flush);
        }
      });
    },
    async get(reference) {
      const row = getRow.get(...at(reference));
      return row ? toRecord(row) : undefined;
    },
    async list(filter: ListFilter, limit: number, after?: Cursor): Promise<Page> {
      // A common word matches a large share of a million rows: then the newest rows are walked and
      // checked, which finds a page at once; a rare word's few matches are fetched and sorted.
      const terms = filter.q === undefined ? [] : searchTerms(filter.q);
      const manyMatches =
        terms.length > 0 &&
        db.prepare<[string], {n: number}>('SELECT count(*) AS n FROM submissions_fts WHERE submissions_fts MATCH ?').get(ftsQuery(terms))!.n > MANY_MATCHES;
      const where = whereClause(filter, after, 'sqlite', manyMatches);
      const rows = db
        .prepare<unknown[], Row>(
          `SELECT ${COLUMNS} FROM submissions ${where.sql} ORDER BY received_at DESC, reference DESC LIMIT ?`,
        )
        .all(...where.params, limit + 1);
      const items = rows.slice(0, limit).map(toRecord);
      const last = items[items.length - 1];
      return rows.length > limit && last
        ? {items, next: {receivedAt: last.receivedAt, reference: last.reference}}
        : {items};
    },
    async update(
      reference: string,
      change: {status?: StatusChange; note?: Note; at: string},
    ): Promise<StoredRecord | undefined> {
      const apply = db.transaction(() => {
        const row = getRow.get(...at(reference));
        if (!row) return undefined;
        if (change.status) {
          if (row.status !== change.status.from) return undefined;
          const column = STATUS_COLUMN[change.status.to];
          db.prepare(
            `UPDATE submissions SET status = ?, updated_at = ?${column ? `, ${column} = COALESCE(${column}, ?)` : ''} WHERE ${BY_REFERENCE}`,
          ).run(
            change.status.to,
            change.at,
            ...(column ? [change.status.at] : []),
            ...at(reference),
          );
        }
        if (change.note) {
          const notes = [...(JSON.parse(row.notes) as Note[]), change.note];
          db.prepare(`UPDATE submissions SET notes = ?, updated_at = ? WHERE ${BY_REFERENCE}`).run(
            JSON.stringify(notes),
            change.at,
            ...at(reference),
          );
        }
        return getRow.get(...at(reference));
      });
      const row = apply.immediate();
      return row ? toRecord(row) : undefined;
    },
    async erase(reference) {
      return db
        .transaction(() => {
          db.prepare(YOU_SAID_ERASE_SQL).run(reference);
          db.prepare(OUTBOX_ERASE_SQL).run(reference);
          db.prepare(COMPLAINT_ERASE_SQL).run(reference);
          db.prepare(THEME_TAGS_ERASE_SQL).run(reference);
          db.prepare(ACTION_LINKS_ERASE_SQL).run(reference);
          db.prepare(aboutYouEraseSql(BY_REFERENCE)).run(...at(reference));
          return (
            db.prepare(`DELETE FROM submissions WHERE ${BY_REFERENCE}`).run(...at(reference))
              .changes > 0
          );
        })
        .immediate();
    },
    async purge(before) {
      return db
        .transaction(() => {
          db.prepare(YOU_SAID_PURGE_SQL).run(before);
          db.prepare(INVOLVEMENT_LOG_PURGE_SQL).run(before);
          db.prepare(INVOLVEMENT_PURGE_SQL).run(before);
          db.prepare(CONSULTATION_RESPONSES_PURGE_SQL).run(before);
          db.prepare(OUTBOX_PURGE_SQL).run(before, before);
          db.prepare(COMPLAINT_PURGE_SQL).run(before);
          db.prepare(THEME_TAGS_PURGE_SQL).run(before);
          db.prepare(ACTION_LINKS_PURGE_SQL).run(before);
          db.prepare(ABOUT_YOU_PURGE_SQL).run(before, before);
          db.prepare(
            'DELETE FROM audit WHERE reference IN (SELECT reference FROM submissions WHERE received_at < ?)',
          ).run(before);
          return db.prepare('DELETE FROM submissions WHERE received_at < ?').run(before).changes;
        })
        .immediate();
    },
    async stats(filter): Promise<StatsRow[]> {
      const counted = monthlyCountsWhere(filter);
      if (counted) return db.prepare<unknown[], StatsRow>(statsFromMonthlyCounts(counted.sql, 'sqlite')).all(...counted.params);
      const where = whereClause(filter);
      return db
        .prepare<unknown[], StatsRow>(
          `SELECT kind, status, substr(received_at, 1, 7) AS month, rating, service, count(*) AS count FROM submissions ${where.sql} GROUP BY kind, status, month, rating, service ORDER BY month, kind, status, rating, service`,
        )
        .all(...where.params);
    },
    async appendAudit(entries: AuditEntry[]) {
      if (!entries.length) return;
      db.transaction(() => entries.forEach((e) => insertAudit.run(e)))();
    },
    async auditFor(reference) {
      return db
        .prepare<[string], AuditEntry>(
          'SELECT at, actor, reference, action, detail FROM audit WHERE reference = ? ORDER BY seq',
        )
        .all(reference)
        .map(toAudit);
    },
    async report(scope) {
      return readReport(scope, 'sqlite', (sql, params) => db.prepare<unknown[], Record<string, unknown>>(sql).all(...params));
    },
    async attention(services) {
      const {sql, params} = attentionSql(services);
      return db.prepare<unknown[], Row & {complaint_record: string | null}>(sql).all(...params).map(toAttentionRow);
    },
    async getComplaintRecord(reference) {
      return toComplaintRecord(db.prepare<[string], {record: string}>(COMPLAINT_GET_SQL).get(reference));
    },
    async putComplaintRecord(reference, record) {
      db.prepare(COMPLAINT_PUT_SQL).run(...complaintPutParams(reference, record));
    },
    async listLetterTemplates() {
      return db.prepare<[], {kind: string; template: string; updated_at: string}>(LETTER_TEMPLATES_SQL).all().map(toLetterTemplate);
    },
    async putLetterTemplate(kind, template) {
      if (template) db.prepare(LETTER_TEMPLATE_PUT_SQL).run(...letterTemplatePutParams(template));
      else db.prepare(LETTER_TEMPLATE_DELETE_SQL).run(kind);
    },
    async createToken(token: TokenRecord) {
      db.prepare(
        'INSERT INTO tokens (id, name, hash, created_at, revoked_at, services) VALUES (?, ?, ?, ?, NULL, ?)',
      ).run(token.id, token.name, token.hash, token.createdAt, tokenServices(token));
    },
    async findToken(id) {
      const row = db
        .prepare<[string], Parameters<typeof toToken>[0]>('SELECT * FROM tokens WHERE id = ?')
        .get(id);
      return row ? toToken(row) : undefined;
    },
    async listTokens() {
      return db
        .prepare<[], Parameters<typeof toToken>[0]>('SELECT * FROM tokens ORDER BY created_at, id')
        .all()
        .map(toToken);
    },
    async revokeToken(idOrName, at) {
      return (
        db
          .prepare(
            'UPDATE tokens SET revoked_at = ? WHERE (id = ? OR name = ?) AND revoked_at IS NULL',
          )
          .run(at, idOrName, idOrName).changes > 0
      );
    },
    async createYouSaid(item: YouSaidItem) {
      db.prepare(
        `INSERT INTO you_said_we_did (${YOU_SAID_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        item.id,
        item.submissionReference,
        item.youSaid,
        item.weDid,
        item.quote,
        item.published ? 1 : 0,
        item.publishedAt,
        item.createdAt,
        item.updatedAt,
      );
    },
    async getYouSaid(id) {
      const row = db
        .prepare<[string], YouSaidRow>(
          `SELECT ${YOU_SAID_COLUMNS} FROM you_said_we_did WHERE id = ?`,
        )
        .get(id);
      return row ? toYouSaid(row) : undefined;
    },
    async listYouSaid(options = {}) {
      return db
        .prepare<[], YouSaidRow>(youSaidListSql(!!options.publishedOnly))
        .all()
        .map(toYouSaid);
    },
    async updateYouSaid(id, change) {
      const {sql, params} = youSaidUpdateSql(id, change);
      if (db.prepare(sql).run(...params).changes === 0) return undefined;
      return store.getYouSaid(id);
    },
    async deleteYouSaid(id) {
      return db.prepare('DELETE FROM you_said_we_did WHERE id = ?').run(id).changes > 0;
    },
    async enqueueOutbox(drafts, createdAt, reference = null) {
      return db.transaction(() =>
        drafts.reduce(
          (added, draft) =>
            added + insertOutbox.run(...outboxParams(draft, reference, createdAt)).changes,
          0,
        ),
      )();
    },
    async claimOutbox(claim) {
      if (!claim.channels.length) return [];
      return db
        .prepare<unknown[], OutboxRow>(claimSql(claim, ''))
        .all(...claimParams(claim))
        .map(toOutboxItem);
    },
    async settleOutbox(id, claimer, settlement) {
      const {sql, params} = settleSql(settlement);
      return db.prepare(sql).run(...params, id, claimer).changes > 0;
    },
    async listOutbox(filter = {}) {
      const states = filter.states ?? ['waiting'];
      return db
        .prepare<unknown[], OutboxRow>(listOutboxSql(states))
        .all(...states, filter.limit ?? 100)
        .map(toOutboxItem);
    },
    async close() {
      if (closed) return;
      closed = true; // no new inserts; those already queued are still committed
      await truncating;
      flush();
      await checkpointer.close();
      db.close();
    },
  };
  return store;
}

function migrate(db: Database.Database) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  // IMMEDIATE takes the write lock first, so two processes opening one new file migrate once.
  db.transaction(() => {
    const done = new Set(
      db
        .prepare<[], {version: number}>('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    );
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      if (migration.only !== 'postgres')
        db.exec(migration.sql.replace(/INTEGER_PK/g, 'INTEGER PRIMARY KEY AUTOINCREMENT'));
      db.exec(`
        CREATE TRIGGER IF NOT EXISTS audit_append_only BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        new Date().toISOString(),
      );
    }
  }).immediate();
}
