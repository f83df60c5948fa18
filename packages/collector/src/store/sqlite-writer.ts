// SQLite work on worker threads, off the event loop: WAL checkpoints always, inserts when asked to.
import {Worker} from 'node:worker_threads';
import {createRequire} from 'node:module';
import type {InsertResult, NewRecord} from '../types.js';
import {REFERENCE_ALPHABET} from '../reference.js';
import {COLUMNS} from './sql.js';

/**
 * The worker's code, plain JavaScript run with `eval`, so it loads the same way from the TypeScript
 * sources, from dist/, and under any loader. It owns a second connection used only for inserts.
 * Each message is a batch; the batch is one transaction; the answer is posted only after COMMIT.
 */
const WORKER_SOURCE = `
const {parentPort, workerData} = require('node:worker_threads');
const {randomInt} = require('node:crypto');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = ' + workerData.synchronous);
db.pragma('busy_timeout = 5000');
db.pragma('secure_delete = ON');
db.pragma('wal_autocheckpoint = 0');
const byId = db.prepare('SELECT reference, received_at, body FROM submissions WHERE id = ?');
const insertRow = db.prepare(workerData.insertSql);
const alphabet = workerData.alphabet;
const makeReference = () => {
  let out = '';
  for (let i = 0; i < 8; i++) out += alphabet[randomInt(alphabet.length)];
  return 'CF-' + out.slice(0, 4) + '-' + out.slice(4);
};
const insertOne = (record) => {
  let reference = record.reference;
  for (;;) {
    try {
      if (insertRow.run(record.id, reference, record.kind, record.status, record.service, record.rating, record.spamReason, record.ackDueAt, record.receivedAt, record.receivedAt, record.body).changes === 1) {
        return {outcome: 'created', receipt: {id: record.id, reference, receivedAt: record.receivedAt}};
      }
      break;
    } catch (error) {
      if (error.code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      reference = makeReference();
    }
  }
  const existing = byId.get(record.id);
  if (existing.body !== record.body) return {outcome: 'conflict'};
  return {outcome: 'duplicate', receipt: {id: record.id, reference: existing.reference, receivedAt: existing.received_at}};
};
const runBatch = db.transaction((records) => records.map(insertOne));
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({results: runBatch(message)});
  } catch (error) {
    // One bad row must not fail its neighbours: retry them one commit each.
    parentPort.postMessage({
      results: message.map((record) => {
        try {
          return runBatch([record])[0];
        } catch (single) {
          return {error: String(single && single.code || single && single.name || 'error')};
        }
      }),
    });
  }
});
`;

export const INSERT_SQL = `INSERT INTO submissions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, '[]', ?) ON CONFLICT (id) DO NOTHING`;

/** INSERT_SQL's parameters, in order (positional binding is cheaper than named). */
export function insertParams(r: NewRecord, reference: string): unknown[] {
  return [
    r.id,
    reference,
    r.kind,
    r.status,
    r.service,
    r.rating,
    r.spamReason,
    r.ackDueAt,
    r.receivedAt,
    r.receivedAt,
    r.body,
  ];
}

interface Pending {
  record: NewRecord;
  resolve: (result: InsertResult) => void;
  reject: (error: unknown) => void;
}

export interface SqliteWriter {
  insert(record: NewRecord): Promise<InsertResult>;
  close(): Promise<void>;
}

export function startSqliteWriter(
  file: string,
  synchronous: 'FULL' | 'NORMAL',
  maxBatch: number,
): SqliteWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  let worker: Worker | undefined;
  let queue: Pending[] = [];
  let inFlight: Pending[] | undefined;
  let closing: Promise<void> | undefined;

  const fail = (error: unknown) => {
    const lost = [...(inFlight ?? []), ...queue];
    inFlight = undefined;
    queue = [];
    worker = undefined;
    for (const p of lost) p.reject(error);
  };

  const spawn = () => {
    const w = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {driver, file, synchronous, insertSql: INSERT_SQL, alphabet: REFERENCE_ALPHABET},
    });
    w.on('message', (message: {results: Array<InsertResult | {error: string}>}) => {
      const done = inFlight ?? [];
      inFlight = undefined;
      done.forEach((p, i) => {
        const result = message.results[i];
        if (result && 'outcome' in result) p.resolve(result);
        else
          p.reject(
            Object.assign(new Error('insert failed'), {code: (result as {error?: string})?.error}),
          );
      });
      send();
      // Idle, the writer must not keep a finished process alive; busy, it must.
      if (!inFlight) w.unref();
    });
    w.on('error', (error) => fail(error));
    w.on('exit', () => {
      if (worker === w) fail(new Error('the SQLite writer stopped'));
    });
    return w;
  };

  const send = () => {
    if (inFlight || !queue.length) return;
    worker ??= spawn();
    inFlight = queue.splice(0, maxBatch);
    worker.ref();
    worker.postMessage(inFlight.map((p) => p.record));
  };

  return {
    insert(record) {
      if (closing) return Promise.reject(new Error('store closed'));
      return new Promise<InsertResult>((resolve, reject) => {
        queue.push({record, resolve, reject});
        send();
      });
    },
    close() {
      closing ??= (async () => {
        while (inFlight || queue.length) await new Promise((resolve) => setTimeout(resolve, 2));
        const w = worker;
        worker = undefined;
        if (w) {
          const exited = new Promise((resolve) => w.once('exit', resolve));
          w.ref();
          w.postMessage('close');
          await exited;
        }
      })();
      return closing;
    },
  };
}

const CHECKPOINTER_SOURCE = `
const {parentPort, workerData} = require('node:worker_threads');
const Database = require(workerData.driver);
const {statSync} = require('node:fs');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = ' + workerData.walLimitBytes);
// PASSIVE never waits for writers or readers: it copies what it can and tries again next time.
// Under a steady flood of writes it never catches up, and the WAL would grow without end; past
// the limit, TRUNCATE waits a moment for the writer, copies everything, and empties the WAL file.
const timer = setInterval(() => {
  let mode = 'PASSIVE';
  try {
    if (statSync(workerData.file + '-wal').size > workerData.walLimitBytes) mode = 'TRUNCATE';
  } catch {}
  try {
    db.pragma('wal_checkpoint(' + mode + ')');
  } catch {}
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** How large the WAL may grow before a checkpoint waits for the writer to start it again. */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

export interface Checkpointer {
  close(): Promise<void>;
}

/**
 * Runs WAL checkpoints on a worker thread every `intervalMs`. Should the thread stop, `onLost` is
 * called so the caller can turn SQLite's own automatic checkpoints back on.
 */
export function startCheckpointer(
  file: string,
  onLost: () => void,
  intervalMs = 1000,
  walLimitBytes = WAL_LIMIT_BYTES,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER_SOURCE, {
    eval: true,
    workerData: {driver, file, intervalMs, walLimitBytes},
  });
  let closing = false;
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (!closing) onLost();
  });
  worker.unref();
  return {
    async close() {
      if (closing) return;
      closing = true;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.ref();
      worker.postMessage('close');
      await exited;
    },
  };
}
