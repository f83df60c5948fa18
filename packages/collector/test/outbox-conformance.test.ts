// The outbox part of the Store conformance suite, run against SQLite and PostgreSQL alike.
import {afterEach, beforeEach, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {OutboxClaim, OutboxDraft, Store} from '@care-feedback/collector';
import {ENGINES, newRecord, submission, tempStore, type TempStore} from './helpers.js';

const T0 = '2026-12-01T09:00:00.000Z';
const T1 = '2026-12-01T09:01:00.000Z';
const T2 = '2026-12-01T09:02:00.000Z';
const T3 = '2026-12-01T09:03:00.000Z';

function draft(key: string, fields: Partial<OutboxDraft> = {}): OutboxDraft {
  return {
    key,
    channel: 'email',
    topic: 'submission.created',
    notBefore: T0,
    payload: {kind: 'complaint', service: 'svc'},
    ...fields,
  };
}

function claim(claimer: string, fields: Partial<OutboxClaim> = {}): OutboxClaim {
  return {claimer, now: T1, until: T2, channels: ['email', 'webhook'], limit: 100, ...fields};
}

for (const {engine, skip} of ENGINES) {
  describe(`Store conformance, outbox: ${engine}`, {skip}, () => {
    let temp: TempStore;
    let store: Store;
    beforeEach(async () => {
      temp = await tempStore(engine);
      store = temp.store;
    });
    afterEach(() => temp.cleanup());

    const insertWith = async (drafts: OutboxDraft[]) => {
      const result = await store.insert(newRecord(submission(), {outbox: drafts}));
      assert.equal(result.outcome, 'created');
      return (result as {receipt: {reference: string}}).receipt.reference;
    };

    it('writes a new record’s outbox rows with it, and none for a repeat of it', async () => {
      const record = newRecord(submission(), {
        outbox: [draft('email:new'), draft('webhook', {channel: 'webhook'})],
      });
      const first = await store.insert(record);
      assert.equal(first.outcome, 'created');
      const reference = (first as {receipt: {reference: string}}).receipt.reference;
      assert.equal((await store.insert(record)).outcome, 'duplicate');
      const rows = await store.listOutbox();
      assert.deepEqual(rows.map((r) => r.id).sort(), [
        `${reference}:email:new`,
        `${reference}:webhook`,
      ]);
      for (const row of rows) {
        assert.equal(row.reference, reference);
        assert.equal(row.state, 'waiting');
        assert.equal(row.attempts, 0);
        assert.equal(row.lastError, null);
        assert.equal(row.nextAttemptAt, T0);
        assert.deepEqual(row.payload, {kind: 'complaint', service: 'svc'});
      }
    });

    it('gives every record of a concurrent burst its own outbox row (group commits included)', async () => {
      const references = await Promise.all(
        Array.from({length: 120}, () => insertWith([draft('email:new')])),
      );
      const rows = await store.listOutbox({limit: 1000});
      assert.deepEqual(
        rows.map((r) => r.reference).sort(),
        [...references].sort(),
        'one row per record, each under its own reference',
      );
    });

    it('claims only due rows, holds them from other senders until the lease ends, and counts tries', async () => {
      const reference = await insertWith([draft('now'), draft('later', {notBefore: T3})]);
      const first = await store.claimOutbox(claim('a'));
      assert.deepEqual(
        first.map((r) => r.id),
        [`${reference}:now`],
      );
      assert.equal(first[0]!.attempts, 1);
      assert.deepEqual(await store.claimOutbox(claim('b')), [], 'held by a');
      const retaken = await store.claimOutbox(claim('b', {now: T2, until: T3}));
      assert.deepEqual(
        retaken.map((r) => [r.id, r.attempts]),
        [[`${reference}:now`, 2]],
        'a’s lease ran out: b may try it',
      );
      assert.equal(
        await store.settleOutbox(`${reference}:now`, 'a', {state: 'sent', at: T2}),
        false,
        'a lost its claim',
      );
      assert.deepEqual(
        (await store.claimOutbox(claim('c', {channels: ['webhook'], now: T3, until: T3}))).length,
        0,
        'only the channels asked for',
      );
    });

    it('settles: sent rows are never claimed again; a retry waits for its time and keeps the error kind', async () => {
      const reference = await insertWith([draft('one'), draft('two')]);
      await store.claimOutbox(claim('a'));
      assert.ok(await store.settleOutbox(`${reference}:one`, 'a', {state: 'sent', at: T1}));
      assert.ok(
        await store.settleOutbox(`${reference}:two`, 'a', {
          state: 'waiting',
          retryAt: T3,
          error: 'ECONNREFUSED',
        }),
      );
      assert.deepEqual(await store.claimOutbox(claim('b', {now: T2, until: T3})), []);
      const waiting = await store.listOutbox();
      assert.deepEqual(
        waiting.map((r) => [r.id, r.attempts, r.lastError, r.nextAttemptAt]),
        [[`${reference}:two`, 1, 'ECONNREFUSED', T3]],
      );
      const sent = await store.listOutbox({states: ['sent']});
      assert.deepEqual(
        sent.map((r) => [r.id, r.settledAt]),
        [[`${reference}:one`, T1]],
      );
      const again = await store.claimOutbox(
        claim('b', {now: T3, until: T3.replace('09:03', '09:04')}),
      );
      assert.deepEqual(
        again.map((r) => r.id),
        [`${reference}:two`],
      );
      assert.ok(
        await store.settleOutbox(`${reference}:two`, 'b', {
          state: 'gave-up',
          at: T3,
          error: 'smtp-550',
        }),
      );
      assert.deepEqual(await store.listOutbox(), []);
      assert.deepEqual(
        (await store.listOutbox({states: ['gave-up']})).map((r) => r.lastError),
        ['smtp-550'],
      );
    });

    it('never hands one row to two senders claiming at the same moment', async () => {
      await Promise.all(Array.from({length: 30}, (_, i) => insertWith([draft(`n${i}`)])));
      const claims = await Promise.all(
        Array.from({length: 12}, (_, i) => store.claimOutbox(claim(`s${i}`, {limit: 4}))),
      );
      const ids = claims.flat().map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'no row claimed twice');
      assert.equal(ids.length, 30, 'and every due row claimed');
    });

    it('adds rows without a submission once per id (a daily summary)', async () => {
      const summary = draft('daily-summary:2026-12-01', {topic: 'daily-summary'});
      assert.equal(await store.enqueueOutbox([summary], T0), 1);
      assert.equal(await store.enqueueOutbox([summary], T1), 0);
      const rows = await store.listOutbox();
      assert.deepEqual(
        rows.map((r) => [r.id, r.reference, r.topic, r.createdAt]),
        [['daily-summary:2026-12-01', null, 'daily-summary', T0]],
      );
    });

    it('forgets a submission’s outbox rows when it is erased or purged', async () => {
      const erased = await insertWith([draft('a')]);
      const kept = await insertWith([draft('a')]);
      assert.ok(await store.erase(erased));
      assert.deepEqual(
        (await store.listOutbox()).map((r) => r.reference),
        [kept],
      );
      assert.equal(await store.purge('2999-01-01T00:00:00.000Z'), 1);
      assert.deepEqual(await store.listOutbox(), []);
    });
  });
}
