// References made from a counter (SQLite, and PostgreSQL since migration 25): unique, reversible,
// unrelated to each other, and the ones given out before still found, changed and erased.
import {afterEach, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {canonicalSubmissionJson} from '@care-feedback/core';
import {makeReference, openStore, REFERENCE_PATTERN, type Store} from '@care-feedback/collector';
import {referenceCipher} from '../src/reference-cipher.js';
import {MIGRATIONS} from '../src/store/sql.js';
import {newRecord, POSTGRES_SKIP, submission, tempStore} from './helpers.js';

const newKey = () => randomBytes(24).toString('hex');

describe('the reference shuffle', () => {
  it('gives every number its own reference, and reads each back to its number', () => {
    const cipher = referenceCipher(newKey());
    const seen = new Set<string>();
    for (let n = 1; n <= 100_000; n++) {
      const reference = cipher.encode(n);
      assert.ok(!seen.has(reference), `repeated at ${n}`);
      seen.add(reference);
      assert.equal(cipher.decode(reference), n);
    }
    for (const n of [26 ** 8 - 1, 26 ** 8 - 2, 123_456_789_012])
      assert.equal(cipher.decode(cipher.encode(n)), n);
  });

  it('makes references that look like any other and give no clue to their order', () => {
    const cipher = referenceCipher(newKey());
    let samePrefix = 0;
    let previous = cipher.encode(1);
    for (let n = 2; n <= 10_000; n++) {
      const reference = cipher.encode(n);
      assert.match(reference, REFERENCE_PATTERN);
      if (reference.slice(0, 5) === previous.slice(0, 5)) samePrefix++;
      previous = reference;
    }
    // By chance, neighbours share their first two symbols about 1 time in 676: 15 of 9,999.
    assert.ok(samePrefix < 40, `${samePrefix} neighbours share a prefix`);
    const other = referenceCipher(newKey());
    assert.notEqual(other.encode(1), cipher.encode(1), 'each database has its own shuffle');
  });

  it('refuses what is not a reference, and numbers out of range', () => {
    const cipher = referenceCipher(newKey());
    for (const text of [
      '',
      'CF-2222',
      'CF-2222-222O',
      'cf-2222-2222',
      'CF-22222222',
      'XX-2222-2222',
    ])
      assert.equal(cipher.decode(text), undefined, text);
    assert.throws(() => cipher.encode(0), RangeError);
    assert.throws(() => cipher.encode(26 ** 8), RangeError);
    assert.throws(() => referenceCipher('not hex'));
  });
});

describe('migration 4 on a SQLite file made before it', () => {
  let dir: string;
  let file: string;
  let store: Store | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'care-migrate-'));
    file = join(dir, 'feedback.db');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, {recursive: true, force: true});
  });

  /** A database as version 3 left it, with submissions under random references. */
  function versionThreeWith(count: number): Array<{id: string; reference: string}> {
    const db = new Database(file);
    db.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) {
      db.exec(migration.sql.replace(/INTEGER_PK/g, 'INTEGER PRIMARY KEY AUTOINCREMENT'));
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 'then');
    }
    const rows = Array.from({length: count}, (_, i) => {
      const sent = submission();
      const row = {id: sent.id, reference: makeReference()};
      db.prepare(
        `INSERT INTO submissions (id, reference, kind, status, received_at, updated_at, body)
         VALUES (?, ?, 'comment', 'received', ?, ?, ?)`,
      ).run(
        row.id,
        row.reference,
        `2026-0${1 + i}-01T00:00:00.000Z`,
        'then',
        canonicalSubmissionJson(sent),
      );
      return row;
    });
    db.close();
    return rows;
  }

  it('keeps every earlier reference working: read, moved on, noted, erased', async () => {
    const old = versionThreeWith(3);
    store = await openStore({db: file});
    for (const {id, reference} of old) assert.equal((await store.get(reference))?.id, id);
    const moved = await store.update(old[0]!.reference, {
      at: '2026-12-01T00:00:00.000Z',
      status: {from: 'received', to: 'acknowledged', at: '2026-12-01T00:00:00.000Z'},
      note: {at: '2026-12-01T00:00:00.000Z', by: 'me', text: 'Rang back'},
    });
    assert.equal(moved?.status, 'acknowledged');
    assert.deepEqual(
      moved?.notes.map((n) => n.text),
      ['Rang back'],
    );
    assert.equal(await store.erase(old[1]!.reference), true);
    assert.equal(await store.get(old[1]!.reference), undefined);
    assert.equal(await store.purge('2026-01-15T00:00:00.000Z'), 1); // old[0], received in January
    assert.equal(await store.get(old[0]!.reference), undefined);
    assert.equal((await store.get(old[2]!.reference))?.id, old[2]!.id);
    await store.close();
    store = undefined;
    const db = new Database(file, {readonly: true});
    try {
      assert.deepEqual(
        db.prepare('SELECT reference FROM legacy_references').pluck().all(),
        [old[2]!.reference],
        'erased and purged references are forgotten',
      );
      assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
    } finally {
      db.close();
    }
  });

  it('never gives a new submission a reference given out before', async () => {
    const old = versionThreeWith(3);
    store = await openStore({db: file});
    await store.close();
    store = undefined;
    // Make an earlier, random reference the very one the shuffle would give next (seq 4).
    const db = new Database(file);
    const key = db
      .prepare("SELECT value FROM settings WHERE name = 'reference_key'")
      .pluck()
      .get() as string;
    const cipher = referenceCipher(key);
    const clash = cipher.encode(4);
    db.prepare('UPDATE submissions SET reference = ? WHERE reference = ?').run(
      clash,
      old[2]!.reference,
    );
    db.prepare('UPDATE legacy_references SET reference = ? WHERE reference = ?').run(
      clash,
      old[2]!.reference,
    );
    db.close();

    store = await openStore({db: file});
    const result = await store.insert(newRecord());
    assert.equal(result.outcome, 'created');
    const reference = result.outcome === 'created' ? result.receipt.reference : '';
    assert.notEqual(reference, clash);
    assert.equal(reference, cipher.encode(5), 'the clashing number is skipped');
    assert.equal((await store.get(clash))?.id, old[2]!.id);
    assert.equal((await store.get(reference))?.reference, reference);
  });
});

// PostgreSQL makes references the same way (migration 25): the counter is a sequence, so two
// collectors on one database never draw the same number, and a reference given out before (random)
// that a number would shuffle onto is skipped.
describe('references on PostgreSQL', {skip: POSTGRES_SKIP}, () => {
  it('are the shuffle of a shared sequence, unique across two stores at once, skipping one given out before', async () => {
    const temp = await tempStore('postgres');
    const second = await openStore(temp.location);
    const client = new pg.Client({connectionString: temp.location.postgres});
    await client.connect();
    try {
      await client.query(`SET search_path = ${temp.location.schema}`);
      const key = (await client.query<{value: string}>("SELECT value FROM settings WHERE name = 'reference_key'")).rows[0]!.value;
      const cipher = referenceCipher(key);
      // A reference given out before migration 25 that is the very one the shuffle gives next (number 1).
      const earlier = await temp.store.insert(newRecord());
      assert.equal(earlier.outcome, 'created');
      const earlierReference = earlier.outcome === 'created' ? earlier.receipt.reference : '';
      assert.equal(earlierReference, cipher.encode(1), 'the first number’s shuffle');
      await client.query('UPDATE submissions SET reference = $1 WHERE reference = $2', [cipher.encode(2), earlierReference]);

      const made = await Promise.all(
        Array.from({length: 40}, (_, i) => (i % 2 ? second : temp.store).insert(newRecord())),
      );
      const references = made.map((result) => (result.outcome === 'created' ? result.receipt.reference : ''));
      assert.equal(new Set(references).size, 40, 'no reference given twice');
      assert.ok(!references.includes(cipher.encode(2)), 'the earlier reference is skipped');
      const numbers = references.map((reference) => cipher.decode(reference)!).sort((a, b) => a - b);
      assert.ok(numbers.every((n) => n >= 3), 'each is a number after those used');
      assert.ok(references.every((reference) => REFERENCE_PATTERN.test(reference)));
      assert.equal((await second.get(cipher.encode(2)))?.id, earlier.outcome === 'created' ? earlier.receipt.id : '');
    } finally {
      await client.end();
      await second.close();
      await temp.cleanup();
    }
  });
});
