// WAL checkpoints on a worker thread, off the event loop.
import {statSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {createRequire} from 'node:module';

/**
 * The worker's code, plain JavaScript run with `eval`, so it loads the same way from the TypeScript
 * sources, from dist/, and under any loader. It owns a second connection used only for checkpoints.
 */
const CHECKPOINTER_SOURCE = `
const {parentPort, workerData} = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('journal_size_limit = ' + workerData.walLimitBytes);
const checkpoint = (mode) => {
  try {
    db.pragma('wal_checkpoint(' + mode + ')');
  } catch {}
};
// PASSIVE never waits for the writer: it copies what it can and tries again next time.
const timer = setInterval(() => checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'truncate') {
    checkpoint('TRUNCATE');
    parentPort.postMessage('truncated');
  } else if (message === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** How large the WAL may grow before the writer pauses for a checkpoint that empties it. */
export const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

export interface Checkpointer {
  /**
   * Copies the whole WAL into the database and empties it. The writer must pause until this
   * resolves: PASSIVE checkpoints never catch up with a steady flood of commits (each adds to the
   * log while they copy), so without a pause the log grows until the disk is full.
   */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** The WAL's size on disk, 0 when there is none. */
export function walBytes(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Runs PASSIVE WAL checkpoints on a worker thread every `intervalMs`, and a TRUNCATE when asked.
 * Should the thread stop, `onLost` is called so the caller can turn SQLite's own automatic
 * checkpoints back on.
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
  let running = true;
  let truncated: (() => void) | undefined;
  worker.on('error', () => {});
  worker.on('message', () => truncated?.());
  worker.on('exit', () => {
    running = false;
    truncated?.();
    if (!closing) onLost();
  });
  worker.unref();
  return {
    truncate() {
      if (!running || closing) return Promise.resolve();
      return new Promise<void>((resolve) => {
        truncated = () => {
          truncated = undefined;
          // Once closing, close() holds the worker until it exits: unref here would undo that, and a
          // process with nothing else to do would end before the database was closed.
          if (!closing) worker.unref();
          resolve();
        };
        worker.ref(); // the answer must arrive even if nothing else keeps the process alive
        worker.postMessage('truncate');
      });
    },
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
