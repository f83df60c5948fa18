// One conformance suite for the Store interface, run against SQLite and PostgreSQL alike.
import {afterEach, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {canonicalSubmissionJson} from '@care-feedback/core';
import {
  openStore,
  REFERENCE_PATTERN,
  type InsertResult,
  type NewRecord,
  type Store,
} from '@care-feedback/collector';
import {ENGINES, submission, tempStore, type TempStore} from './helpers.js';

function record(
  overrides: Partial<NewRecord> = {},
  receivedAt = new Date().toISOString(),
): NewRecord {
  const sent = submission();
  return {
    id: sent.id,
    kind: 'complaint',
    status: 'received',
    service: 'svc',
    rating: 'poor',
    spamReason: null,
    ackDueAt: '2026-12-01',
    receivedAt,
    body: canonicalSubmissionJson(sent),
    ...overrides,
  };
}

/** The reference a store gave a new record. */
function referenceOf(result: InsertResult): string {
  assert.notEqual(result.outcome, 'conflict');
  return (result as {receipt: {reference: string}}).receipt.reference;
}

for (const {engine, skip} of ENGINES) {
  describe(`Store conformance: ${engine}`, {skip}, () => {
    let temp: TempStore;
    let store: Store;
    /** Inserts a new record and answers its reference. */
    const add = async (r: NewRecord) => {
      const result = await store.insert(r);
      assert.equal(result.outcome, 'created');
      return referenceOf(result);
    };
    beforeEach(async () => {
      temp = await tempStore(engine);
      store = temp.store;
    });
    afterEach(() => temp.cleanup());

    it('inserts, reads back byte for byte, and reports duplicates and conflicts by id', async () => {
      const r = record();
      const reference = await add(r);
      const stored = await store.get(reference);
      assert.equal(JSON.stringify(stored!.submission), r.body);
      assert.deepEqual(await store.insert({...r}), {
        outcome: 'duplicate',
        receipt: {id: r.id, reference, receivedAt: r.receivedAt},
      });
      assert.deepEqual(await store.insert({...r, body: r.body.replace('Carers', 'Nurses')}), {
        outcome: 'conflict',
      });
    });

    it('gives every new record its own reference, and finds each by it alone', async () => {
      const made = new Map<string, string>();
      for (let i = 0; i < 40; i++) {
        const r = record();
        made.set(await add(r), r.id);
      }
      assert.equal(made.size, 40);
      for (const [reference, id] of made) {
        assert.match(reference, REFERENCE_PATTERN);
        assert.equal((await store.get(reference))?.id, id);
      }
      for (const never of [
        'CF-2222-2222',
        'CF-YYYY-YYYY',
        'cf-2222-2222',
        'CF-2222',
        '',
        'x'.repeat(300),
      ])
        if (!made.has(never)) assert.equal(await store.get(never), undefined, never);
    });

    it('stores one row for many concurrent inserts of one id', async () => {
      const r = record();
      const results = await Promise.all(Array.from({length: 50}, () => store.insert({...r})));
      assert.equal(results.filter((x) => x.outcome === 'created').length, 1);
      assert.equal(results.filter((x) => x.outcome === 'duplicate').length, 49);
      assert.equal((await store.list({}, 100)).items.length, 1);
    });

    it('lists newest first with filters and a cursor that never repeats or skips', async () => {
      const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i % 3)).toISOString(); // many share a time
      const made = [];
      for (let i = 0; i < 12; i++) {
        const r = record(
          {kind: i % 2 ? 'compliment' : 'complaint', status: i === 4 ? 'quarantined' : 'received'},
          at(i),
        );
        made.push(await add(r));
      }
      const seen: string[] = [];
      let cursor;
      do {
        const page = await store.list({}, 5, cursor);
        seen.push(...page.items.map((x) => x.reference));
        cursor = page.next;
      } while (cursor);
      assert.equal(seen.length, 12);
      assert.equal(new Set(seen).size, 12);
      assert.equal((await store.list({kind: ['compliment']}, 50)).items.length, 6);
      assert.equal((await store.list({quarantined: true}, 50)).items.length, 1);
      assert.equal(
        (await store.list({quarantined: false, kind: ['complaint']}, 50)).items.length,
        5,
      );
      assert.equal(
        (await store.list({from: at(2), before: new Date(Date.UTC(2026, 0, 2)).toISOString()}, 50))
          .items.length,
        4,
      );
      assert.equal((await store.list({service: 'other'}, 50)).items.length, 0);
      assert.equal((await store.list({overdueOn: '2026-12-02'}, 50)).items.length, 5);
      assert.equal((await store.list({overdueOn: '2026-12-01'}, 50)).items.length, 0);
    });

    it('moves status only from the expected one, stamps the time once, and appends notes', async () => {
      const reference = await add(record());
      const moved = await store.update(reference, {
        at: '2026-12-01T10:00:00.000Z',
        status: {from: 'received', to: 'acknowledged', at: '2026-12-01T10:00:00.000Z'},
      });
      assert.equal(moved?.status, 'acknowledged');
      assert.equal(moved?.acknowledgedAt, '2026-12-01T10:00:00.000Z');
      const stale = await store.update(reference, {
        at: 'x',
        status: {from: 'received', to: 'closed', at: 'x'},
      });
      assert.equal(stale, undefined);
      const noted = await store.update(reference, {
        at: '2026-12-02T00:00:00.000Z',
        note: {at: '2026-12-02T00:00:00.000Z', by: 'me', text: 'Rang back 🙂'},
      });
      const again = await store.update(reference, {
        at: '2026-12-03T00:00:00.000Z',
        note: {at: '2026-12-03T00:00:00.000Z', by: 'me', text: 'Second'},
      });
      assert.deepEqual(
        again?.notes.map((n) => n.text),
        ['Rang back 🙂', 'Second'],
      );
      assert.equal(noted?.updatedAt, '2026-12-02T00:00:00.000Z');
      assert.equal(
        await store.update('CF-2222-2222', {at: 'x', note: {at: 'x', by: 'x', text: 'x'}}),
        undefined,
      );
    });

    it('erases one submission and purges old ones with their audit trail', async () => {
      const old = await add(record({}, '2020-01-01T00:00:00.000Z'));
      const fresh = await add(record());
      await store.appendAudit([
        {
          at: '2020-01-02T00:00:00.000Z',
          actor: 'a',
          reference: old,
          action: 'read',
          detail: null,
        },
        {
          at: '2026-01-02T00:00:00.000Z',
          actor: 'a',
          reference: fresh,
          action: 'read',
          detail: null,
        },
      ]);
      assert.equal(await store.purge('2025-01-01T00:00:00.000Z'), 1);
      assert.equal(await store.get(old), undefined);
      assert.deepEqual(await store.auditFor(old), []);
      assert.equal((await store.auditFor(fresh)).length, 1);
      assert.equal(await store.erase(fresh), true);
      assert.equal(await store.erase(fresh), false);
      assert.equal(await store.get(fresh), undefined);
    });

    it('keeps the audit trail append-only', async () => {
      await store.appendAudit([
        {
          at: '2026-01-01T00:00:00.000Z',
          actor: 'a',
          reference: 'CF-2222-2222',
          action: 'read',
          detail: null,
        },
      ]);
      await assert.rejects(async () => {
        if (engine === 'sqlite') {
          const Database = (await import('better-sqlite3')).default;
          const db = new Database(temp.location.db!);
          try {
            db.prepare("UPDATE audit SET actor = 'someone else'").run();
          } finally {
            db.close();
          }
        } else {
          const pg = (await import('pg')).default;
          const client = new pg.Client({
            connectionString: temp.location.postgres,
            options: `-c search_path=${temp.location.schema}`,
          });
          await client.connect();
          try {
            await client.query("UPDATE audit SET actor = 'someone else'");
          } finally {
            await client.end();
          }
        }
      }, /append-only/);
    });

    it('counts by kind, status, month and rating', async () => {
      await store.insert(record({kind: 'complaint', rating: 'poor'}, '2026-01-05T00:00:00.000Z'));
      await store.insert(record({kind: 'complaint', rating: 'poor'}, '2026-01-06T00:00:00.000Z'));
      await store.insert(record({kind: 'compliment', rating: null}, '2026-02-01T00:00:00.000Z'));
      const rows = await store.stats({});
      assert.deepEqual(rows, [
        {
          kind: 'complaint',
          status: 'received',
          month: '2026-01',
          rating: 'poor',
          service: 'svc',
          count: 2,
        },
        {
          kind: 'compliment',
          status: 'received',
          month: '2026-02',
          rating: null,
          service: 'svc',
          count: 1,
        },
      ]);
    });

    it('stores tokens by id, lists them, and revokes by id or by name (every live one of that name)', async () => {
      const token = (id: string, name: string, hash: string, createdAt: string, services: string[] = []) => ({
        id,
        name,
        hash,
        createdAt,
        revokedAt: null,
        services,
      });
      await store.createToken(token('aaaaaaaaaaaa', 'one', 'h1', '2026-01-01T00:00:00.000Z'));
      await store.createToken(token('bbbbbbbbbbbb', 'two', 'h2', '2026-01-02T00:00:00.000Z'));
      await store.createToken(token('cccccccccccc', 'two', 'h3', '2026-01-03T00:00:00.000Z'));
      await assert.rejects(
        store.createToken(token('aaaaaaaaaaaa', 'three', 'h4', '2026-01-04T00:00:00.000Z')),
        'ids are unique',
      );
      assert.equal((await store.findToken('aaaaaaaaaaaa'))?.hash, 'h1');
      assert.deepEqual((await store.findToken('aaaaaaaaaaaa'))?.services, [], 'no services: every service');
      await store.createToken(token('dddddddddddd', 'north', 'h5', '2026-01-05T00:00:00.000Z', ['home-care-north', 'day-centre']));
      assert.deepEqual((await store.findToken('dddddddddddd'))?.services, ['home-care-north', 'day-centre']);
      await store.revokeToken('north', '2026-01-06T00:00:00.000Z');
      assert.equal(await store.revokeToken('two', '2026-02-01T00:00:00.000Z'), true);
      assert.equal(await store.revokeToken('bbbbbbbbbbbb', '2026-02-01T00:00:00.000Z'), false);
      assert.equal(await store.revokeToken('one', '2026-02-02T00:00:00.000Z'), true);
      assert.deepEqual(
        (await store.listTokens()).map((t) => [t.id, t.revokedAt]),
        [
          ['aaaaaaaaaaaa', '2026-02-02T00:00:00.000Z'],
          ['bbbbbbbbbbbb', '2026-02-01T00:00:00.000Z'],
          ['cccccccccccc', '2026-02-01T00:00:00.000Z'],
          ['dddddddddddd', '2026-01-06T00:00:00.000Z'],
        ],
      );
    });

    it('stays exact with two stores (as two collector processes would) on the same database', async () => {
      const second = await openStore(temp.location);
      try {
        const records = Array.from({length: 30}, () => record());
        const results = await Promise.all(
          records.flatMap((r) => [store.insert({...r}), second.insert({...r})]),
        );
        for (let i = 0; i < records.length; i++) {
          const pair = [results[2 * i]!, results[2 * i + 1]!];
          assert.deepEqual(pair.map((x) => x.outcome).sort(), ['created', 'duplicate']);
          const [a, b] = pair as Array<{receipt: {reference: string}}>;
          assert.equal(
            a!.receipt.reference,
            b!.receipt.reference,
            'both are told the same reference',
          );
        }
        assert.equal((await second.list({}, 100)).items.length, 30);
      } finally {
        await second.close();
      }
    });

    it('migrates once when opened again, keeping the data', async () => {
      const r = record({id: randomUUID()});
      const reference = await add(r);
      const again = await openStore(temp.location);
      try {
        assert.equal((await again.get(reference))?.id, r.id);
      } finally {
        await again.close();
      }
    });
  });
}
