// WAL checkpoints on a worker thread, off the event loop.
import {Worker} from 'node:worker_threads';
import {createRequire} from 'node:module';

/**
 * The worker's code, plain JavaScript run with `eval`, so it loads the same way from the TypeScript
 * sources, from dist/, and under any loader. It owns a second connection used only for checkpoints.
 */
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
