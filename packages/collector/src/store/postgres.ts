// The shared store: PostgreSQL through a connection pool, safe for several collector processes.
import pg from 'pg';
import {makeInvolvementReference} from '../involvement-reference.js';
import {INVOLVEMENT_PURGE_SQL, involvementStore} from './involvement-sql.js';
import {INVOLVEMENT_LOG_PURGE_SQL, involvementLogStore} from './involvement-log-sql.js';
import {involvementReportStore} from './involvement-report-sql.js';
import {CONSULTATION_RESPONSES_PURGE_SQL, consultationStore} from './consultations-sql.js';
import {makeConsultationReference} from '../consultation-reference.js';
import {ABOUT_YOU_PURGE_SQL, aboutYouEraseSql, aboutYouStore} from './about-you-sql.js';
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
import {
  COLUMNS,
  MIGRATIONS,
  STATUS_COLUMN,
  numbered,
  RECORD_VALUES,
  recordParams,
  toAudit,
  toRecord,
  toToken,
  tokenServices,
  toYouSaid,
  whereClause,
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
import {FOLD_MONTHLY_COUNTS, monthlyCountsWhere, statsFromMonthlyCounts} from './monthly-counts-sql.js';
import {THEME_TAGS_ERASE_SQL, THEME_TAGS_PURGE_SQL, themeStore} from './themes-sql.js';
import {ACTION_LINKS_ERASE_SQL, ACTION_LINKS_PURGE_SQL, actionStore} from './actions-sql.js';
import type {SqlRunner} from './sql-runner.js';
import {createRateLimitTables, postgresRateLimiter} from './postgres-rate-limit.js';

export interface PostgresStoreOptions {
  /** postgres:// connection URL. */
  url: string;
  /** A schema to keep the tables in (created when missing); default `public`. */
  schema?: string;
  /** Pool size; default 10. */
  poolSize?: number;
}

interface Pending {
  record: NewRecord;
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

const MIGRATION_LOCK = 727_001; // an arbitrary advisory-lock key: one migrator at a time across processes

export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error('The PostgreSQL schema name must be lower-case letters, digits and _.');
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    options: `-c search_path=${schema}`,
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const query = async <T extends pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
    client: pg.Pool | pg.PoolClient = pool,
  ) => (await client.query<T>(numbered(sql), params)).rows;

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  /** Folds the month counts' waiting changes (store/monthly-counts-sql.ts); skipped while another reader folds. */
  const foldMonthlyCounts = () =>
    transaction(async (client) => {
      const [row] = await query<{locked: boolean}>(FOLD_MONTHLY_COUNTS.lock, [], client);
      if (row?.locked) await query(FOLD_MONTHLY_COUNTS.fold, [], client);
    });

  await transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await client.query<{version: number}>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      if (migration.only !== 'sqlite')
        await client.query(migration.sql.replace(/INTEGER_PK/g, 'BIGSERIAL PRIMARY KEY'));
      if (migration.version === 1) {
        await client.query(`
          CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;
          CREATE TRIGGER audit_append_only BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();`);
      }
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        migration.version,
        new Date().toISOString(),
      ]);
    }
    await createRateLimitTables(client);
  });
  const takeRateLimit = postgresRateLimiter(pool);

  const getRow = async (reference: string, client: pg.Pool | pg.PoolClient = pool, lock = false) =>
    (
      await query<Row>(
        `SELECT ${COLUMNS} FROM submissions WHERE reference = ?${lock ? ' FOR UPDATE' : ''}`,
        [reference],
        client,
      )
    )[0];

  /**
   * One statement that inserts records under proposed references and, for those that went in, their
   * outbox rows: a single statement is a single transaction, so an outbox row exists exactly when
   * its submission does, and the group commit still costs one round trip.
   */
  const insertWithOutbox = (records: NewRecord[], references: string[]): [string, unknown[]] => {
    const insert = `INSERT INTO submissions (${COLUMNS}) VALUES ${records.map(() => `(${RECORD_VALUES})`).join(', ')} ON CONFLICT DO NOTHING RETURNING id, reference`;
    const params = records.flatMap((record, i) => recordParams(record, references[i]!));
    const drafts = records.flatMap((record, i) =>
      (record.outbox ?? []).map((draft) => [
        ...outboxParams(draft, references[i]!, record.receivedAt),
        record.id,
      ]),
    );
    if (!drafts.length) return [insert, params];
    // A draft goes in only with its own record: the id and the reference it was proposed under.
    const values = drafts.map(() => OUTBOX_VALUES.replace(')', ', ?)')).join(', ');
    return [
      `WITH inserted AS (${insert}),
       queued AS (
         INSERT INTO outbox (${OUTBOX_INSERT_COLUMNS})
         SELECT d.id, d.channel, d.topic, d.reference, d.payload, d.created_at, d.next_attempt_at
         FROM (VALUES ${values}) AS d (id, channel, topic, reference, payload, created_at, next_attempt_at, submission_id)
         JOIN inserted ON inserted.id = d.submission_id AND inserted.reference = d.reference
       )
       SELECT id, reference FROM inserted`,
      [...params, ...drafts.flat()],
    ];
  };

  // References as on SQLite: the next numbers of a sequence, shuffled with this database's key
  // (reference-cipher.ts). The unique index stays, for references made before (migration 25).
  const [referenceKey] = await query<{value: string}>("SELECT value FROM settings WHERE name = 'reference_key'");
  const cipher = referenceCipher(referenceKey!.value);
  const nextReferences = async (count: number) =>
    (await query<{n: string}>("SELECT nextval('submission_references') AS n FROM generate_series(1, ?)", [count])).map((row) =>
      cipher.encode(Number(row.n)),
    );

  /**
   * One insert on its own, committed on return (synchronous_commit on): a concurrent insert of the
   * same id in another process waits for that one to commit, then does nothing.
   */
  const insertOne = async (record: NewRecord): Promise<InsertResult> => {
    let reference = (await nextReferences(1))[0]!;
    for (let attempt = 0; attempt < 20; attempt++) {
      const inserted = await query(...insertWithOutbox([record], [reference]));
      if (inserted.length)
        return {
          outcome: 'created',
          receipt: {id: record.id, reference, receivedAt: record.receivedAt},
        };
      const existing = (
        await query<{reference: string; received_at: string; body: string}>(
          'SELECT reference, received_at, body FROM submissions WHERE id = ?',
          [record.id],
        )
      )[0];
      if (existing) {
        if (existing.body !== record.body) return {outcome: 'conflict'};
        return {
          outcome: 'duplicate',
          receipt: {
            id: record.id,
            reference: existing.reference,
            receivedAt: existing.received_at,
          },
        };
      }
      reference = (await nextReferences(1))[0]!; // a reference made before migration 25 has it: take the next
    }
    throw new Error('could not find a free reference');
  };

  // Group commit, as on SQLite: the inserts that arrive in one turn of the event loop go in one
  // statement, so one commit (and one fsync) serves them all. What it skips (an id already stored,
  // twice in one batch, or a reference drawn twice) is settled one by one afterwards.
  const maxBatch = 256;
  const queue: Pending[] = [];
  let scheduled = false;
  const insertBatch = async (batch: Pending[]) => {
    const proposed = await nextReferences(batch.length);
    let created: Set<string>;
    try {
      const rows = await query<{id: string; reference: string}>(
        ...insertWithOutbox(
          batch.map((p) => p.record),
          proposed,
        ),
      );
      created = new Set(rows.map((row) => `${row.id} ${row.reference}`));
    } catch {
      created = new Set(); // one bad row must not fail its neighbours: each is tried on its own
    }
    await Promise.all(
      batch.map(async ({record, resolve, reject}, i) => {
        const reference = proposed[i]!;
        if (created.has(`${record.id} ${reference}`))
          return resolve({
            outcome: 'created',
            receipt: {id: record.id, reference, receivedAt: record.receivedAt},
          });
        await insertOne(record).then(resolve, reject);
      }),
    );
  };
  const inFlight = new Set<Promise<void>>();
  const flush = () => {
    scheduled = false;
    while (queue.length) {
      const sending = insertBatch(queue.splice(0, maxBatch));
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
    }
  };

  // One runner for every part written over both engines (sql-runner.ts): `?` numbered for PostgreSQL.
  const runner: SqlRunner = {
    all: async <T,>(sql: string, params: unknown[]) => (await pool.query(numbered(sql), params)).rows as T[],
    run: async (sql, params) => (await pool.query(numbered(sql), params)).rowCount ?? 0,
    transaction: (statements) =>
      transaction(async (client) => {
        const counts: number[] = [];
        for (const {sql, params} of statements) counts.push((await client.query(numbered(sql), params)).rowCount ?? 0);
        return counts;
      }),
  };
  const involvement = {
    ...involvementStore(runner, makeInvolvementReference),
    ...involvementLogStore(runner),
    ...involvementReportStore(runner),
  };
  const consultations = consultationStore(runner, makeConsultationReference);
  const aboutYou = aboutYouStore(runner);

  return {
    engine: 'postgres',
    ...involvement,
    ...themeStore(runner),
    ...actionStore(runner),
    ...consultations,
    ...aboutYou,
    takeRateLimit,
    insert(record: NewRecord): Promise<InsertResult> {
      return new Promise<InsertResult>((resolve, reject) => {
        queue.push({record, resolve, reject});
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    async get(reference) {
      const row = await getRow(reference);
      return row ? toRecord(row) : undefined;
    },
    async list(filter: ListFilter, limit: number, after?: Cursor): Promise<Page> {
      const where = whereClause(filter, after, 'postgres');
      const rows = await query<Row>(
        `SELECT ${COLUMNS} FROM submissions ${where.sql} ORDER BY received_at DESC, reference DESC LIMIT ?`,
        [...where.params, limit + 1],
      );
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
      const row = await transaction(async (client) => {
        const current = await getRow(reference, client, true);
        if (!current) return undefined;
        if (change.status) {
          if (current.status !== change.status.from) return undefined;
          const column = STATUS_COLUMN[change.status.to];
          await query(
            `UPDATE submissions SET status = ?, updated_at = ?${column ? `, ${column} = COALESCE(${column}, ?)` : ''} WHERE reference = ?`,
            [change.status.to, change.at, ...(column ? [change.status.at] : []), reference],
            client,
          );
        }
        if (change.note) {
          const notes = [...(JSON.parse(current.notes) as Note[]), change.note];
          await query(
            'UPDATE submissions SET notes = ?, updated_at = ? WHERE reference = ?',
            [JSON.stringify(notes), change.at, reference],
            client,
          );
        }
        return getRow(reference, client);
      });
      return row ? toRecord(row) : undefined;
    },
    async erase(reference) {
      return transaction(async (client) => {
        await query(YOU_SAID_ERASE_SQL, [reference], client);
        await query(OUTBOX_ERASE_SQL, [reference], client);
        await query(COMPLAINT_ERASE_SQL, [reference], client);
        await query(THEME_TAGS_ERASE_SQL, [reference], client);
        await query(ACTION_LINKS_ERASE_SQL, [reference], client);
        await query(aboutYouEraseSql('reference = ?'), [reference], client);
        return (
          ((await client.query('DELETE FROM submissions WHERE reference = $1', [reference]))
            .rowCount ?? 0) > 0
        );
      });
    },
    async purge(before) {
      return transaction(async (client) => {
        await query(YOU_SAID_PURGE_SQL, [before], client);
        await query(INVOLVEMENT_LOG_PURGE_SQL, [before], client);
        await query(INVOLVEMENT_PURGE_SQL, [before], client);
        await query(CONSULTATION_RESPONSES_PURGE_SQL, [before], client);
        await query(OUTBOX_PURGE_SQL, [before, before], client);
        await query(COMPLAINT_PURGE_SQL, [before], client);
        await query(THEME_TAGS_PURGE_SQL, [before], client);
        await query(ACTION_LINKS_PURGE_SQL, [before], client);
        await query(ABOUT_YOU_PURGE_SQL, [before, before], client);
        await client.query(
          'DELETE FROM audit WHERE reference IN (SELECT reference FROM submissions WHERE received_at < $1)',
          [before],
        );
        return (
          (await client.query('DELETE FROM submissions WHERE received_at < $1', [before]))
            .rowCount ?? 0
        );
      });
    },
    async stats(filter): Promise<StatsRow[]> {
      const counted = monthlyCountsWhere(filter);
      if (counted) await foldMonthlyCounts();
      const where = counted ?? whereClause(filter, undefined, 'postgres');
      const rows = await query<StatsRow & {count: string}>(
        counted
          ? statsFromMonthlyCounts(counted.sql, 'postgres')
          : `SELECT kind, status, substr(received_at, 1, 7) AS month, rating, service, count(*) AS count FROM submissions ${where.sql} GROUP BY kind, status, month, rating, service ORDER BY month, kind, status, rating, service`,
        where.params,
      );
      return rows.map((r) => ({...r, count: Number(r.count)}));
    },
    async appendAudit(entries: AuditEntry[]) {
      if (!entries.length) return;
      const values = entries.map(() => '(?, ?, ?, ?, ?)').join(', ');
      await query(
        `INSERT INTO audit (at, actor, reference, action, detail) VALUES ${values}`,
        entries.flatMap((e) => [e.at, e.actor, e.reference, e.action, e.detail]),
      );
    },
    async auditFor(reference) {
      return (
        await query<AuditEntry>(
          'SELECT at, actor, reference, action, detail FROM audit WHERE reference = ? ORDER BY seq',
          [reference],
        )
      ).map(toAudit);
    },
    async report(scope) {
      await foldMonthlyCounts();
      // A year's counts fall into a few thousand groups, but PostgreSQL guesses one a row and, within the
      // default 4 MB, sorts them on disk: with room it hashes them instead (0.3 s, not 0.8 s, at a million).
      return transaction(async (client) => {
        await client.query("SET LOCAL work_mem = '64MB'");
        return readReport(scope, 'postgres', (sql, params) => query(sql, params, client));
      });
    },
    async attention(services) {
      const {sql, params} = attentionSql(services);
      return (await query<Row & {complaint_record: string | null}>(sql, params)).map(toAttentionRow);
    },
    async getComplaintRecord(reference) {
      return toComplaintRecord((await query<{record: string}>(COMPLAINT_GET_SQL, [reference]))[0]);
    },
    async putComplaintRecord(reference, record) {
      await query(COMPLAINT_PUT_SQL, complaintPutParams(reference, record));
    },
    async listLetterTemplates() {
      return (await query<{kind: string; template: string; updated_at: string}>(LETTER_TEMPLATES_SQL, [])).map(toLetterTemplate);
    },
    async putLetterTemplate(kind, template) {
      if (template) await query(LETTER_TEMPLATE_PUT_SQL, letterTemplatePutParams(template));
      else await query(LETTER_TEMPLATE_DELETE_SQL, [kind]);
    },
    async createToken(token: TokenRecord) {
      await query(
        'INSERT INTO tokens (id, name, hash, created_at, revoked_at, services) VALUES (?, ?, ?, ?, NULL, ?)',
        [token.id, token.name, token.hash, token.createdAt, tokenServices(token)],
      );
    },
    async findToken(id) {
      const row = (
        await query<Parameters<typeof toToken>[0]>('SELECT * FROM tokens WHERE id = ?', [id])
      )[0];
      return row ? toToken(row) : undefined;
    },
    async listTokens() {
      return (
        await query<Parameters<typeof toToken>[0]>('SELECT * FROM tokens ORDER BY created_at, id')
      ).map(toToken);
    },
    async revokeToken(idOrName, at) {
      const result = await pool.query(
        'UPDATE tokens SET revoked_at = $1 WHERE (id = $2 OR name = $2) AND revoked_at IS NULL',
        [at, idOrName],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async createYouSaid(item: YouSaidItem) {
      await query(
        `INSERT INTO you_said_we_did (${YOU_SAID_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          item.id,
          item.submissionReference,
          item.youSaid,
          item.weDid,
          item.quote,
          item.published ? 1 : 0,
          item.publishedAt,
          item.createdAt,
          item.updatedAt,
        ],
      );
    },
    async getYouSaid(id) {
      const row = (
        await query<YouSaidRow>(`SELECT ${YOU_SAID_COLUMNS} FROM you_said_we_did WHERE id = ?`, [
          id,
        ])
      )[0];
      return row ? toYouSaid(row) : undefined;
    },
    async listYouSaid(options = {}) {
      return (await query<YouSaidRow>(youSaidListSql(!!options.publishedOnly))).map(toYouSaid);
    },
    async updateYouSaid(id, change) {
      const {sql, params} = youSaidUpdateSql(id, change);
      const rows = await query<YouSaidRow>(`${sql} RETURNING ${YOU_SAID_COLUMNS}`, params);
      return rows[0] ? toYouSaid(rows[0]) : undefined;
    },
    async deleteYouSaid(id) {
      return (
        ((await pool.query('DELETE FROM you_said_we_did WHERE id = $1', [id])).rowCount ?? 0) > 0
      );
    },
    async enqueueOutbox(drafts, createdAt, reference = null) {
      if (!drafts.length) return 0;
      const rows = await query(
        `INSERT INTO outbox (${OUTBOX_INSERT_COLUMNS}) VALUES ${drafts.map(() => OUTBOX_VALUES).join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
        drafts.flatMap((draft) => outboxParams(draft, reference, createdAt)),
      );
      return rows.length;
    },
    async claimOutbox(claim) {
      if (!claim.channels.length) return [];
      return (
        await query<OutboxRow>(claimSql(claim, ' FOR UPDATE SKIP LOCKED'), claimParams(claim))
      ).map(toOutboxItem);
    },
    async settleOutbox(id, claimer, settlement) {
      const {sql, params} = settleSql(settlement);
      return ((await pool.query(numbered(sql), [...params, id, claimer])).rowCount ?? 0) > 0;
    },
    async listOutbox(filter = {}) {
      const states = filter.states ?? ['waiting'];
      return (await query<OutboxRow>(listOutboxSql(states), [...states, filter.limit ?? 100])).map(
        toOutboxItem,
      );
    },
    async close() {
      flush();
      await Promise.all(inFlight);
      if (!pool.ended) await pool.end();
    },
  };
}
