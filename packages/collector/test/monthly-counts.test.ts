// The counts kept per month (store/monthly-counts-sql.ts) answer /v1/stats and /v1/reports exactly as
// counting the submissions does, through arrivals, status moves, spam released, erasure and purge. A
// bound one millisecond into a month cannot use the month counts, so the same question asked both ways
// compares the two (no submission here arrives in that millisecond). Both stores: on PostgreSQL the
// counts are changes folded by readers, so each question here also folds what came before it.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Report, Stats} from '@care-feedback/core/provider';
import type {Submission} from '@care-feedback/core';
import {createToken} from '../src/tokens.js';
import {serve} from '@care-feedback/collector';
import {ENGINES, POSTGRES_SKIP, authed, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`counts kept per month agree with counting (${engine})`, {skip}, () => {
    let c: Running;
    let clock = new Date('2026-03-01T12:00:00Z');
    const refs: string[] = [];

    const call = async (path: string, init: RequestInit = {}, token = c.token) => {
      const response = await fetch(`${c.api}${path}`, authed({token}, init));
      assert.ok(response.status < 300, `${init.method ?? 'GET'} ${path}: ${response.status}`);
      return response.status === 204 ? undefined : response.json();
    };
    const patch = (reference: string, body: unknown) =>
      call(`/submissions/${reference}`, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
    const send = async (iso: string, fields: Partial<Submission>, extra: Record<string, unknown> = {}) => {
      clock = new Date(iso);
      const response = await post(c.api, {...submission(fields), ...extra}, extra.recorded ? {authorization: `Bearer ${c.token}`} : {});
      assert.equal(response.status, 201);
      const {reference} = (await response.json()) as {reference: string};
      refs.push(reference);
      return reference;
    };
    /** The same stats asked with whole-month bounds (month counts on SQLite) and a bound inside a month (counting). */
    const bothWays = async (query: string, token = c.token) => {
      const days = (await call(`/stats?from=2026-01-01T00:00:00.000Z&to=2027-01-01T00:00:00.000Z${query}`, {}, token)) as Stats;
      const rows = (await call(`/stats?from=2026-01-01T00:00:00.001Z&to=2027-01-01T00:00:00.000Z${query}`, {}, token)) as Stats;
      assert.deepEqual(days, rows, `stats ${query}`);
      return days;
    };

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 3000, now: () => clock});
      await send('2026-03-02T09:00:00Z', {kind: 'complaint', rating: 'poor', service: 'north'});
      await send('2026-03-02T23:59:59Z', {kind: 'compliment', rating: 'very-good', service: 'north'});
      await send('2026-03-03T00:00:01Z', {kind: 'comment', service: undefined});
      await send('2026-04-10T10:00:00Z', {kind: 'concern', rating: 'neither', service: 'south'});
      await send('2026-04-10T11:00:00Z', {kind: 'complaint', service: 'south'}, {recorded: {channel: 'phone', by: 'Ali'}});
      // Held as spam (sent too fast), then released.
      await send('2026-05-01T10:00:00Z', {kind: 'suggestion', service: 'south', spam: {hp: '', elapsedMs: 10}});
      await send('2026-05-01T11:00:00Z', {kind: 'suggestion', service: 'north', spam: {hp: '', elapsedMs: 10}});
      clock = new Date('2026-06-01T10:00:00Z');
    });
    after(() => c?.close());

    it('agree at the start, by kind, status, month, service and rating', async () => {
      const stats = await bothWays('');
      assert.equal(stats.total, 5);
      assert.equal(stats.quarantined, 2);
      assert.deepEqual(stats.byMonth, {'2026-03': 3, '2026-04': 2});
      assert.equal(stats.byService[''], 1, 'no service is counted under ""');
      await bothWays('&kind=complaint,concern&service=south');
      await bothWays('&channel=phone');
    });

    it('agree after moves, a release from spam, an erasure and a purge', async () => {
      await patch(refs[0]!, {status: 'acknowledged'});
      await patch(refs[0]!, {status: 'investigating'});
      await patch(refs[3]!, {status: 'closed'});
      await patch(refs[5]!, {status: 'received'});
      let stats = await bothWays('');
      assert.equal(stats.byStatus.investigating, 1);
      assert.equal(stats.quarantined, 1);
      assert.equal(stats.total, 6);
      await call(`/submissions/${refs[1]}`, {method: 'DELETE'});
      stats = await bothWays('');
      assert.equal(stats.total, 5);
      assert.equal(stats.byKind.compliment, 0);
      clock = new Date('2027-04-05T10:00:00Z');
      await call('/purge', {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"olderThan":"365d"}'});
      clock = new Date('2026-06-01T10:00:00Z');
      stats = await bothWays('');
      assert.deepEqual(stats.byMonth, {'2026-04': 2, '2026-05': 1});
      await bothWays('&status=received,closed');
    });

    it("a report's counts are the same, and a token for one service counts only that service", async () => {
      const report = (await call('/reports?from=2026-01-01&to=2026-12-31')) as Report;
      assert.equal(report.total, 3);
      assert.deepEqual(report.volumes.byService, {south: 3});
      assert.equal(report.volumes.byChannel.phone, 1);
      const {token} = await createToken(c.store, 'south only', clock, 'cli', ['south']);
      const south = await bothWays('', token);
      assert.equal(south.total, 3);
      const {token: north} = await createToken(c.store, 'north only', clock, 'cli', ['north']);
      assert.equal((await bothWays('', north)).total, 0);
    });
  });
}

// On PostgreSQL several collectors write and read at once: each arrival appends a change, and readers
// fold changes while others are still arriving. However they interleave, no change is counted twice or
// lost: the counts agree with counting the rows at the end.
describe('counts kept per month with two collectors writing and reading at once (postgres)', {skip: POSTGRES_SKIP}, () => {
  it('count every arrival once, folded or not', async () => {
    const first = await startCollector('postgres', {minElapsedMs: 0});
    const second = await serve({port: 0, postgres: first.location.postgres, schema: first.location.schema, minElapsedMs: 0, log: false});
    try {
      const api = [first.api, `${second.url}/v1`];
      const stats = async (from: string) =>
        (await (await fetch(`${first.api}/stats?from=${from}&to=2100-01-01T00:00:00.000Z`, authed(first))).json()) as Stats;
      const kinds = ['complaint', 'compliment', 'comment', 'concern'] as const;
      const arrivals = Array.from({length: 80}, (_, i) =>
        post(api[i % 2]!, submission({kind: kinds[i % 4]!, service: i % 3 ? 'north' : 'south'})).then((r) => assert.equal(r.status, 201)),
      );
      // Readers fold while the arrivals are still coming in.
      const reads = Array.from({length: 10}, () => stats('2000-01-01T00:00:00.000Z'));
      await Promise.all([...arrivals, ...reads]);
      const counted = await stats('2000-01-01T00:00:00.001Z');
      const folded = await stats('2000-01-01T00:00:00.000Z');
      assert.equal(counted.total, 80);
      assert.deepEqual(folded, counted);
      assert.deepEqual(folded.byKind, {complaint: 20, compliment: 20, comment: 20, concern: 20, suggestion: 0});
    } finally {
      await second.close();
      await first.close();
    }
  });
});
