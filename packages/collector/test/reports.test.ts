// GET /v1/reports (issues #12 and #15): the whole report for a period in one answer. A seeded set with known
// answers, sent and handled through the real API with a moving clock, on both stores: FFT by month and
// service, volumes, complaint timeliness across a weekend and Christmas bank holidays, outcomes.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Report} from '@care-feedback/core/provider';
import type {Submission} from '@care-feedback/core';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

const PERIOD = '?from=2026-11-01&to=2026-12-31';

for (const {engine, skip} of ENGINES) {
  describe(`reports (${engine})`, {skip}, () => {
    let c: Running;
    let clock = new Date('2026-10-31T12:00:00Z');
    const refs: Record<string, string> = {};
    const at = (iso: string) => {
      clock = new Date(iso);
    };
    /** Sends feedback at `iso`; `channel` records it as staff would, with the token. */
    const send = async (name: string, iso: string, fields: Partial<Submission>, channel?: string) => {
      at(iso);
      const body = channel ? {...submission(fields), recorded: {channel, by: 'Ali (office)'}} : submission(fields);
      const response = await post(c.api, body, channel ? {authorization: `Bearer ${c.token}`} : {});
      assert.equal(response.status, 201, `${name} was stored`);
      refs[name] = ((await response.json()) as {reference: string}).reference;
    };
    const move = async (name: string, iso: string, status: string) => {
      at(iso);
      const response = await fetch(
        `${c.api}/submissions/${refs[name]}`,
        authed(c, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({status})}),
      );
      assert.equal(response.status, 200, `${name} moved to ${status}`);
    };
    const record = async (name: string, fields: Record<string, unknown>) => {
      const response = await fetch(
        `${c.api}/submissions/${refs[name]}/complaint`,
        authed(c, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify(fields)}),
      );
      assert.equal(response.status, 200, `${name}'s record was kept`);
    };
    const report = async (query = PERIOD, token = c.token) => {
      const response = await fetch(`${c.api}/reports${query}`, {headers: {authorization: `Bearer ${token}`}});
      assert.equal(response.status, 200);
      return (await response.json()) as Report;
    };
    const north = 'home-care-north';
    const south = 'home-care-south';
    const noRating = {rating: undefined};

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      // Outside the period on both sides: in no figure.
      await send('before', '2026-10-31T23:59:59Z', {kind: 'compliment', rating: 'very-good', service: north});
      await send('after', '2027-01-01T00:00:00Z', {kind: 'complaint', ...noRating, service: north});
      // Friends and Family Test answers over two months and two services.
      await send('nov-north-1', '2026-11-02T10:00:00Z', {kind: 'compliment', rating: 'very-good', service: north});
      await send('nov-north-2', '2026-11-03T10:00:00Z', {kind: 'compliment', rating: 'good', service: north});
      await send('nov-north-3', '2026-11-04T10:00:00Z', {kind: 'comment', rating: 'poor', service: north});
      await send('nov-south-1', '2026-11-05T10:00:00Z', {kind: 'suggestion', rating: 'dont-know', service: south});
      await send('nov-south-2', '2026-11-06T10:00:00Z', {kind: 'compliment', rating: 'very-good', service: south});
      await send('dec-north-1', '2026-12-07T10:00:00Z', {kind: 'comment', rating: 'neither', service: north});
      await send('dec-north-2', '2026-12-08T10:00:00Z', {kind: 'concern', rating: 'very-poor', service: north}, 'letter');
      await send('dec-south-1', '2026-12-09T10:00:00Z', {kind: 'compliment', rating: 'good', service: south});
      // Held as spam: counted as quarantined only.
      await send('spam', '2026-12-10T10:00:00Z', {kind: 'complaint', ...noRating, service: north, spam: {hp: 'filled', elapsedMs: 48000}});

      // C1: Monday 30 Nov, acknowledged Thursday 3 Dec (the last day: on time); response sent Monday 7 Dec
      // (5 working days); both points upheld.
      await send('c1', '2026-11-30T10:00:00Z', {kind: 'complaint', ...noRating, service: north});
      await move('c1', '2026-12-03T16:00:00Z', 'acknowledged');
      await record('c1', {responseSentAt: '2026-12-07', points: [{text: 'Late visits', outcome: 'upheld'}, {text: 'No call', outcome: 'upheld'}]});
      // C2, by phone: Friday 4 Dec; over the weekend the last day is Wednesday 9 Dec, acknowledged Thursday
      // 10 Dec (late); resolved Friday 18 Dec with no response date (10 working days); one point each way,
      // and taken to the ombudsman.
      await send('c2', '2026-12-04T15:00:00Z', {kind: 'complaint', ...noRating, service: north}, 'phone');
      await move('c2', '2026-12-10T09:00:00Z', 'acknowledged');
      await move('c2', '2026-12-18T11:00:00Z', 'resolved');
      await record('c2', {
        points: [{text: 'Medicines', outcome: 'upheld'}, {text: 'Attitude', outcome: 'not-upheld'}],
        ombudsmanReferredAt: '2026-12-21',
      });
      // C3: Wednesday 23 Dec; Christmas Day and the Boxing Day holiday (Monday 28) make the last day
      // Wednesday 30 Dec, so acknowledging then is on time; response Tuesday 29 Dec: 2 working days.
      await send('c3', '2026-12-23T12:00:00Z', {kind: 'complaint', ...noRating, service: north});
      await record('c3', {responseSentAt: '2026-12-29'});
      await move('c3', '2026-12-30T17:00:00Z', 'acknowledged');
      // C4: Thursday 24 Dec, last day Thursday 31 Dec, never acknowledged: late by the time of the report.
      await send('c4', '2026-12-24T10:00:00Z', {kind: 'complaint', ...noRating, service: south});
      // C5: Thursday 31 Dec; New Year's Day is a holiday, so its last day (Wednesday 6 Jan) is still to come.
      await send('c5', '2026-12-31T10:00:00Z', {kind: 'complaint', ...noRating, service: south});
      // C6: Tuesday 1 Dec, moved straight on to investigating the next day (that acknowledges it), closed
      // Thursday 3 Dec (2 working days), not upheld.
      await send('c6', '2026-12-01T09:00:00Z', {kind: 'complaint', ...noRating, service: north});
      await move('c6', '2026-12-02T09:00:00Z', 'investigating');
      await move('c6', '2026-12-03T09:00:00Z', 'closed');
      await record('c6', {points: [{text: 'Fees', outcome: 'not-upheld'}]});
      at('2027-01-05T12:00:00Z'); // the report is made on Tuesday 5 January
    });
    after(() => c.close());

    it('counts FFT answers by month and by service, as /v1/stats does', async () => {
      const {fft} = await report();
      const figures = (f: Report['fft']['overall']) => [f.answers, f.dontKnow, f.positivePercent, f.negativePercent];
      assert.deepEqual(figures(fft.overall), [7, 1, 57.1, 28.6]);
      assert.deepEqual(fft.overall, {...fft.overall, veryGood: 2, good: 2, neither: 1, poor: 1, veryPoor: 1});
      assert.deepEqual(
        fft.byMonth.map((m) => [m.month, ...figures(m)]),
        [
          ['2026-11', 4, 1, 75, 25],
          ['2026-12', 3, 0, 33.3, 33.3],
        ],
      );
      assert.deepEqual(
        fft.byService.map((s) => [s.service, ...figures(s)]),
        [
          [north, 5, 0, 40, 40],
          [south, 2, 1, 100, 0],
        ],
      );
    });

    it('counts what came by kind, channel, service, month and status, leaving spam and other periods out', async () => {
      const r = await report();
      assert.deepEqual(r.period, {from: '2026-11-01', to: '2026-12-31'});
      assert.equal(r.total, 14);
      assert.equal(r.quarantined, 1);
      assert.deepEqual(r.volumes.byKind, {compliment: 4, complaint: 6, comment: 2, suggestion: 1, concern: 1});
      assert.deepEqual(r.volumes.byChannel, {web: 12, phone: 1, letter: 1, email: 0, 'in-person': 0, meeting: 0, other: 0});
      assert.deepEqual(r.volumes.byService, {[north]: 9, [south]: 5});
      assert.deepEqual(r.volumes.byMonth, {'2026-11': 6, '2026-12': 8});
      assert.deepEqual(r.byStatus, {received: 10, acknowledged: 2, investigating: 0, resolved: 1, closed: 1});
      assert.ok(!('themes' in r.volumes), 'no themes until feedback can be tagged with them');
    });

    it('measures complaint timeliness in working days, across a weekend and bank holidays', async () => {
      const {complaints} = await report();
      assert.equal(complaints.received, 6);
      assert.deepEqual(complaints.byStatus, {received: 2, acknowledged: 2, investigating: 0, resolved: 1, closed: 1});
      assert.deepEqual(complaints.acknowledgement, {onTime: 3, late: 2, overdue: 1, waiting: 1, onTimePercent: 60});
      // 2, 2, 5 and 10 working days (calendar days would be 2, 6, 7 and 14).
      assert.deepEqual(complaints.response, {responded: 4, fromStatusDate: 2, medianWorkingDays: 3.5});
    });

    it('counts outcomes from the complaint records, and ombudsman referrals', async () => {
      const {complaints} = await report();
      assert.deepEqual(complaints.outcomes, {upheld: 1, partlyUpheld: 1, notUpheld: 1, undecided: 3});
      assert.equal(complaints.ombudsmanReferrals, 1);
    });

    it('a token for some services reports on those services only', async () => {
      const {token} = await createToken(c.store, 'south manager', new Date(), 'tester', [south]);
      const r = await report(PERIOD, token);
      assert.equal(r.total, 5);
      assert.deepEqual(r.volumes.byService, {[south]: 5});
      assert.equal(r.complaints.received, 2);
      assert.deepEqual(r.complaints.acknowledgement, {onTime: 0, late: 1, overdue: 1, waiting: 1, onTimePercent: 0});
    });

    it('an empty period gives zeros and nulls, not an error', async () => {
      const r = await report('?from=2030-01-01&to=2030-01-31');
      assert.equal(r.total, 0);
      assert.equal(r.quarantined, 0);
      assert.deepEqual(
        [r.fft.overall.answers, r.fft.overall.positivePercent, r.fft.overall.negativePercent],
        [0, null, null],
      );
      assert.deepEqual(r.fft.byMonth.map((m) => [m.month, m.answers]), [['2030-01', 0]]);
      assert.deepEqual(r.fft.byService, []);
      assert.deepEqual(r.volumes.byMonth, {'2030-01': 0});
      assert.deepEqual(r.complaints, {
        received: 0,
        byStatus: {received: 0, acknowledged: 0, investigating: 0, resolved: 0, closed: 0},
        acknowledgement: {onTime: 0, late: 0, overdue: 0, waiting: 0, onTimePercent: null},
        response: {responded: 0, fromStatusDate: 0, medianWorkingDays: null},
        outcomes: {upheld: 0, partlyUpheld: 0, notUpheld: 0, undecided: 0},
        ombudsmanReferrals: 0,
      });
    });

    it('answers 401 without a valid token', async () => {
      const none = await fetch(`${c.api}/reports${PERIOD}`);
      assert.equal(none.status, 401);
      const wrong = await fetch(`${c.api}/reports${PERIOD}`, {headers: {authorization: 'Bearer cf_not_a_token'}});
      assert.equal(wrong.status, 401);
    });

    const bad: Array<[string, string, string]> = [
      ['no from', '?to=2026-12-31', 'query.from'],
      ['no to', '?from=2026-11-01', 'query.to'],
      ['neither', '', 'query.from,query.to'],
      ['a month that does not exist', '?from=2026-13-01&to=2026-12-31', 'query.from'],
      ['30 February', '?from=2026-11-01&to=2027-02-30', 'query.to'],
      ['words', '?from=yesterday&to=2026-12-31', 'query.from'],
      ['a time as well', '?from=2026-11-01T00:00:00Z&to=2026-12-31', 'query.from'],
      ['from after to', '?from=2026-12-31&to=2026-11-01', 'query.to'],
      ['over five years', '?from=2020-01-01&to=2025-12-31', 'query.to'],
    ];
    for (const [name, query, paths] of bad) {
      it(`answers 422 naming the field for ${name}`, async () => {
        const response = await fetch(`${c.api}/reports${query}`, authed(c));
        assert.equal(response.status, 422);
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
        const body = (await response.json()) as {errors: Array<{path: string; message: string}>};
        assert.equal(body.errors.map((e) => e.path).join(','), paths);
        assert.ok(body.errors.every((e) => e.message.length > 0));
      });
    }

    it("words in a complaint record that look like its fields, or that PostgreSQL's JSON refuses, change nothing", async () => {
      await send('hostile', '2027-02-01T10:00:00Z', {kind: 'complaint', ...noRating, service: north});
      const lookalike = '"responseSentAt":"2027-02-02" "outcome":"upheld" "ombudsmanReferredAt":"2027-02-03" \u0000 \ud800';
      await record('hostile', {apology: lookalike, remedy: lookalike, points: [{text: lookalike, outcome: null}]});
      const {complaints} = await report('?from=2027-02-01&to=2027-02-28');
      assert.equal(complaints.received, 1);
      assert.deepEqual(complaints.response, {responded: 0, fromStatusDate: 0, medianWorkingDays: null});
      assert.deepEqual(complaints.outcomes, {upheld: 0, partlyUpheld: 0, notUpheld: 0, undecided: 1});
      assert.equal(complaints.ombudsmanReferrals, 0);
    });

    it('five years exactly is allowed', async () => {
      assert.equal((await report('?from=2022-01-01&to=2026-12-31')).total, 15);
    });

    it("counts the acknowledgement day in the provider's time zone (British Summer Time)", async () => {
      // Both came Monday 1 June, last day Thursday 4 June. 22:30 UTC is 23:30 that Thursday in London;
      // 23:30 UTC is already Friday there.
      await send('summer-in-time', '2026-06-01T10:00:00Z', {kind: 'complaint', ...noRating, service: south});
      await send('summer-late', '2026-06-01T10:00:00Z', {kind: 'complaint', ...noRating, service: south});
      await move('summer-in-time', '2026-06-04T22:30:00Z', 'acknowledged');
      await move('summer-late', '2026-06-04T23:30:00Z', 'acknowledged');
      const {complaints} = await report('?from=2026-06-01&to=2026-06-30');
      assert.deepEqual(complaints.acknowledgement, {onTime: 1, late: 1, overdue: 0, waiting: 0, onTimePercent: 50});
    });
  });
}
