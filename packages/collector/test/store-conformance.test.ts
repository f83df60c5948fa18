// One conformance suite for the Store interface, run against SQLite and PostgreSQL alike.
import {afterEach, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {canonicalSubmissionJson} from '@care-feedback/core';
import {makeReference, openStore, type NewRecord, type Store} from '@care-feedback/collector';
import {ENGINES, submission, tempStore, type TempStore} from './helpers.js';

function record(
  overrides: Partial<NewRecord> = {},
  receivedAt = new Date().toISOString(),
): NewRecord {
  const sent = submission();
  return {
    id: sent.id,
    reference: makeReference(),
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

const VARIANTS = [
  ...ENGINES.map((e) => ({...e, name: e.engine, writerThread: false})),
  {
    engine: 'sqlite' as const,
    skip: false as const,
    name: 'sqlite (writer thread)',
    writerThread: true,
  },
];

for (const {engine, skip, name, writerThread} of VARIANTS) {
  describe(`Store conformance: ${name}`, {skip}, () => {
    let temp: TempStore;
    let store: Store;
    beforeEach(async () => {
      temp = await tempStore(engine, {writerThread});
      store = temp.store;
    });
    afterEach(() => temp.cleanup());

    it('inserts, reads back byte for byte, and reports duplicates and conflicts by id', async () => {
      const r = record();
      const created = await store.insert(r, makeReference);
      assert.equal(created.outcome, 'created');
      const stored = await store.get(r.reference);
      assert.equal(JSON.stringify(stored!.submission), r.body);
      assert.deepEqual(await store.insert({...r, reference: makeReference()}, makeReference), {
        outcome: 'duplicate',
        receipt: {id: r.id, reference: r.reference, receivedAt: r.receivedAt},
      });
      assert.deepEqual(
        await store.insert(
          {...r, reference: makeReference(), body: r.body.replace('Carers', 'Nurses')},
          makeReference,
        ),
        {outcome: 'conflict'},
      );
    });

    it('draws a new reference when the proposed one is taken', async () => {
      const first = record();
      await store.insert(first, makeReference);
      const second = record({reference: first.reference});
      const result = await store.insert(second, makeReference);
      assert.equal(result.outcome, 'created');
      assert.notEqual(result.outcome === 'created' && result.receipt.reference, first.reference);
    });

    it('stores one row for many concurrent inserts of one id', async () => {
      const r = record();
      const results = await Promise.all(
        Array.from({length: 50}, () =>
          store.insert({...r, reference: makeReference()}, makeReference),
        ),
      );
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
        await store.insert(r, makeReference);
        made.push(r.reference);
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
      const r = record();
      await store.insert(r, makeReference);
      const moved = await store.update(r.reference, {
        at: '2026-12-01T10:00:00.000Z',
        status: {from: 'received', to: 'acknowledged', at: '2026-12-01T10:00:00.000Z'},
      });
      assert.equal(moved?.status, 'acknowledged');
      assert.equal(moved?.acknowledgedAt, '2026-12-01T10:00:00.000Z');
      const stale = await store.update(r.reference, {
        at: 'x',
        status: {from: 'received', to: 'closed', at: 'x'},
      });
      assert.equal(stale, undefined);
      const noted = await store.update(r.reference, {
        at: '2026-12-02T00:00:00.000Z',
        note: {at: '2026-12-02T00:00:00.000Z', by: 'me', text: 'Rang back 🙂'},
      });
      const again = await store.update(r.reference, {
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
      const old = record({}, '2020-01-01T00:00:00.000Z');
      const fresh = record();
      await store.insert(old, makeReference);
      await store.insert(fresh, makeReference);
      await store.appendAudit([
        {
          at: '2020-01-02T00:00:00.000Z',
          actor: 'a',
          reference: old.reference,
          action: 'read',
          detail: null,
        },
        {
          at: '2026-01-02T00:00:00.000Z',
          actor: 'a',
          reference: fresh.reference,
          action: 'read',
          detail: null,
        },
      ]);
      assert.equal(await store.purge('2025-01-01T00:00:00.000Z'), 1);
      assert.equal(await store.get(old.reference), undefined);
      assert.deepEqual(await store.auditFor(old.reference), []);
      assert.equal((await store.auditFor(fresh.reference)).length, 1);
      assert.equal(await store.erase(fresh.reference), true);
      assert.equal(await store.erase(fresh.reference), false);
      assert.equal(await store.get(fresh.reference), undefined);
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
      await store.insert(
        record({kind: 'complaint', rating: 'poor'}, '2026-01-05T00:00:00.000Z'),
        makeReference,
      );
      await store.insert(
        record({kind: 'complaint', rating: 'poor'}, '2026-01-06T00:00:00.000Z'),
        makeReference,
      );
      await store.insert(
        record({kind: 'compliment', rating: null}, '2026-02-01T00:00:00.000Z'),
        makeReference,
      );
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
      const token = (id: string, name: string, hash: string, createdAt: string) => ({
        id,
        name,
        hash,
        createdAt,
        revokedAt: null,
      });
      await store.createToken(token('aaaaaaaaaaaa', 'one', 'h1', '2026-01-01T00:00:00.000Z'));
      await store.createToken(token('bbbbbbbbbbbb', 'two', 'h2', '2026-01-02T00:00:00.000Z'));
      await store.createToken(token('cccccccccccc', 'two', 'h3', '2026-01-03T00:00:00.000Z'));
      await assert.rejects(
        store.createToken(token('aaaaaaaaaaaa', 'three', 'h4', '2026-01-04T00:00:00.000Z')),
        'ids are unique',
      );
      assert.equal((await store.findToken('aaaaaaaaaaaa'))?.hash, 'h1');
      assert.equal(await store.revokeToken('two', '2026-02-01T00:00:00.000Z'), true);
      assert.equal(await store.revokeToken('bbbbbbbbbbbb', '2026-02-01T00:00:00.000Z'), false);
      assert.equal(await store.revokeToken('one', '2026-02-02T00:00:00.000Z'), true);
      assert.deepEqual(
        (await store.listTokens()).map((t) => [t.id, t.revokedAt]),
        [
          ['aaaaaaaaaaaa', '2026-02-02T00:00:00.000Z'],
          ['bbbbbbbbbbbb', '2026-02-01T00:00:00.000Z'],
          ['cccccccccccc', '2026-02-01T00:00:00.000Z'],
        ],
      );
    });

    it('stays exact with two stores (as two collector processes would) on the same database', async () => {
      const second = await openStore(temp.location);
      try {
        const records = Array.from({length: 30}, () => record());
        const results = await Promise.all(
          records.flatMap((r) => [
            store.insert({...r}, makeReference),
            second.insert({...r, reference: makeReference()}, makeReference),
          ]),
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
      await store.insert(r, makeReference);
      const again = await openStore(temp.location);
      try {
        assert.equal((await again.get(r.reference))?.id, r.id);
      } finally {
        await again.close();
      }
    });
  });
}
