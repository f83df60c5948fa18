// The whole complaint record (issue #14): points and outcomes, investigator, dates, extensions, remedy,
// response and the ombudsman, with warnings and an audit of every change. Over real HTTP, both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`the complaint record (${engine})`, {skip}, () => {
    let c: Running;
    let complaint = '';
    let compliment = '';
    // Today, for the collector: Thursday 10 December 2026.
    const clock = new Date('2026-12-10T10:00:00Z');
    const record = (reference: string, init: RequestInit = {}) =>
      fetch(`${c.api}/submissions/${reference}/complaint`, authed(c, init));
    const patch = (reference: string, body: unknown) =>
      record(reference, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      const sent = async (fields: Parameters<typeof submission>[0]) =>
        ((await (await post(c.api, submission(fields))).json()) as {reference: string}).reference;
      complaint = await sent({kind: 'complaint', service: 'home-care-north', message: 'Two missed visits in a week.'});
      compliment = await sent({kind: 'compliment'});
    });
    after(() => c.close());

    it('starts empty, and only complaints have one', async () => {
      const response = await record(complaint);
      assert.equal(response.status, 200);
      const empty = (await response.json()) as Record<string, unknown>;
      assert.deepEqual(empty.points, []);
      assert.equal(empty.investigator, null);
      assert.equal(empty.dueDate, null);
      assert.deepEqual(empty.warnings, []);
      assert.equal((await record(compliment)).status, 409);
      assert.equal((await record('CF-0000-0000')).status, 404);
    });

    it('keeps each change, answers the whole record, and audits which fields changed, never their words', async () => {
      const first = await patch(complaint, {
        points: [{text: 'Missed visit on Monday'}, {text: 'Missed visit on Thursday', outcome: 'upheld'}],
        investigator: 'Jo Smith, deputy manager',
        acknowledgementSentAt: '2026-12-04',
        responseDueAt: '2026-12-31',
      });
      assert.equal(first.status, 200);
      const extended = await patch(complaint, {extensions: [{reason: 'Waiting for the rota records', newDate: '2027-01-15'}]});
      const body = (await extended.json()) as Record<string, unknown>;
      assert.deepEqual(body.points, [
        {text: 'Missed visit on Monday', outcome: null},
        {text: 'Missed visit on Thursday', outcome: 'upheld'},
      ]);
      assert.equal(body.investigator, 'Jo Smith, deputy manager');
      assert.equal(body.responseDueAt, '2026-12-31');
      assert.equal(body.dueDate, '2027-01-15', 'the extension is the date in force');
      const again = (await (await record(complaint)).json()) as Record<string, unknown>;
      assert.deepEqual(again, body, 'kept');
      const audit = (await (await fetch(`${c.api}/submissions/${complaint}/audit`, authed(c))).json()) as {items: Array<{action: string; detail: string}>};
      const changes = audit.items.filter((entry) => entry.action === 'complaint-record').map((entry) => entry.detail);
      assert.deepEqual(changes, ['acknowledgementSentAt, investigator, points, responseDueAt', 'extensions']);
      assert.ok(!JSON.stringify(audit).includes('rota records'), 'the words stay out of the trail');
      const unchanged = await patch(complaint, {investigator: 'Jo Smith, deputy manager'});
      assert.equal(unchanged.status, 200);
      const after = (await (await fetch(`${c.api}/submissions/${complaint}/audit`, authed(c))).json()) as {items: Array<{action: string}>};
      assert.equal(after.items.filter((entry) => entry.action === 'complaint-record').length, 2, 'no change, no entry');
    });

    it('warns about old events, a late response, points without an outcome and the ombudsman not mentioned', async () => {
      const response = await patch(complaint, {eventsDate: '2025-10-01', responseDueAt: '2026-12-01', extensions: []});
      const warned = (await response.json()) as {warnings: string[]};
      assert.deepEqual(warned.warnings, ['events-over-12-months', 'response-overdue']);
      const sent = (await (await patch(complaint, {responseSentAt: '2026-12-09'})).json()) as {warnings: string[]};
      assert.deepEqual(sent.warnings, ['events-over-12-months', 'ombudsman-not-mentioned', 'points-without-outcome']);
      const done = (await (await patch(complaint, {
        toldOfOmbudsman: true,
        points: [{text: 'Missed visit on Monday', outcome: 'partly-upheld'}, {text: 'Missed visit on Thursday', outcome: 'upheld'}],
        apology: 'We are sorry.',
        remedy: 'A regular carer from January.',
      })).json()) as {warnings: string[]};
      assert.deepEqual(done.warnings, ['events-over-12-months']);
      const referred = (await (await patch(complaint, {ombudsmanReferredAt: '2026-12-10', ombudsmanResult: 'Waiting'})).json()) as Record<string, unknown>;
      assert.equal(referred.ombudsmanReferredAt, '2026-12-10');
    });

    it('says what is wrong with a change, field by field, and keeps nothing of it', async () => {
      const before = await (await record(complaint)).json();
      const response = await patch(complaint, {
        points: [{text: 'x', outcome: 'maybe'}],
        investigator: '',
        responseDueAt: '2026-02-31',
        colour: 'blue',
      });
      assert.equal(response.status, 422);
      const {errors} = (await response.json()) as {errors: Array<{path: string; message: string}>};
      const paths = errors.map((error) => error.path).sort();
      assert.deepEqual(paths, ['', 'investigator', 'points.0.outcome', 'responseDueAt']);
      assert.ok(errors.find((error) => error.path === '')!.message.includes('colour'));
      assert.deepEqual(await (await record(complaint)).json(), before);
      const notJson = await record(complaint, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: '{'});
      assert.equal(notJson.status, 400);
    });

    it('a token for other services cannot see it; erasing the complaint erases its record', async () => {
      const {token} = await createToken(c.store, 'south', new Date(), 'test', ['home-care-south']);
      assert.equal((await fetch(`${c.api}/submissions/${complaint}/complaint`, {headers: {authorization: `Bearer ${token}`}})).status, 404);
      assert.ok(await c.store.getComplaintRecord(complaint));
      assert.equal((await fetch(`${c.api}/submissions/${complaint}`, authed(c, {method: 'DELETE'}))).status, 204);
      assert.equal(await c.store.getComplaintRecord(complaint), undefined);
    });
  });
}
