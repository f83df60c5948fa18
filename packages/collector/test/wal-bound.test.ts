// The SQLite write-ahead log stays bounded under a flood of submissions and is emptied after it:
// checkpoints that never wait for the writer cannot catch up with a steady flood of commits.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import {openSqliteStore} from '@care-feedback/collector';
import {newRecord, submission} from './helpers.js';

const LIMIT = 1024 * 1024;
const walSize = (file: string) => {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
};

test('keeps the WAL near its limit under a flood, and within it after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'care-wal-'));
  const file = join(dir, 'feedback.db');
  const store = openSqliteStore({file, walLimitBytes: LIMIT});
  const message = 'A long account of what happened. '.repeat(120); // about 4 KB a row
  let largest = 0;
  let stored = 0;
  try {
    // Fifty at a time, as fast as they are committed, for two seconds: tens of megabytes of log a
    // second, far more than a checkpoint that never waits could copy.
    for (const until = Date.now() + 2000; Date.now() < until;) {
      const results = await Promise.all(
        Array.from({length: 50}, () => store.insert(newRecord(submission({message})))),
      );
      stored += results.filter((r) => r.outcome === 'created').length;
      largest = Math.max(largest, walSize(file));
    }
    console.log(`${stored} stored; the WAL peaked at ${(largest / LIMIT).toFixed(1)} MB`);
    assert.ok(stored > 1000, `only ${stored} stored`);
    // Measured: about 7 MB (what 25 ms between two looks at its size adds, and the copy). With
    // no pause for a checkpoint the same flood left 758 MB.
    assert.ok(largest < 16 * LIMIT, `the WAL reached ${(largest / LIMIT).toFixed(1)} MB`);
    await store.close();
    const db = new Database(file, {readonly: true});
    try {
      assert.equal(db.prepare('SELECT count(*) FROM submissions').pluck().get(), stored);
      assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
    } finally {
      db.close();
    }
    assert.ok(walSize(file) <= LIMIT, `the WAL stayed at ${(walSize(file) / LIMIT).toFixed(1)} MB`);
  } finally {
    await store.close();
    rmSync(dir, {recursive: true, force: true});
  }
});
