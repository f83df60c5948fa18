// Feedback recorded by staff (DESIGN.md, version 2): a phone call, a letter, a visit, typed in with a provider
// token. Over real HTTP against both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`feedback recorded by staff (${engine})`, {skip}, () => {
    let c: Running;
    // Typed in on Tuesday 29 December 2026; Friday 25 and Monday 28 were bank holidays.
    const clock = new Date('2026-12-29T09:00:00Z');
    before(async () => {
      c = await startCollector(engine, {now: () => clock, allowOrigins: ['https://provider.example']});
    });
    after(() => c.close());
    const bearer = (token: string) => ({authorization: `Bearer ${token}`});
    const stored = async () => (await c.store.list({}, 100)).items;

    it('refuses "recorded" without a valid provider token, and stores nothing', async () => {
      const body = {...submission({kind: 'complaint'}), recorded: {channel: 'phone', by: 'Sam'}};
      const none = await post(c.api, body);
      assert.equal(none.status, 403);
      assert.equal(((await none.json()) as {type: string}).type.endsWith('recording-needs-token'), true);
      const wrong = await post(c.api, {...body, id: crypto.randomUUID()}, bearer('cft_aaaaaaaaaaaa_' + 'x'.repeat(43)));
      assert.equal(wrong.status, 403);
      assert.deepEqual(await stored(), []);
    });

    it('stores a phone complaint with its channel, who recorded it, and the clock from when it came', async () => {
      const sent = submission({kind: 'complaint', message: 'My mother’s carer did not come on Christmas Eve.', spam: {hp: '', elapsedMs: 0}});
      const response = await post(c.api, {...sent, recorded: {channel: 'phone', by: 'Sam (duty manager)', receivedAt: '2026-12-24T10:00:00Z'}}, bearer(c.token));
      assert.equal(response.status, 201);
      const {reference} = (await response.json()) as {reference: string};
      const view = (await (await fetch(`${c.api}/submissions/${reference}`, {headers: bearer(c.token)})).json()) as Record<string, unknown>;
      assert.equal(view.channel, 'phone');
      assert.equal(view.recordedBy, 'Sam (duty manager)');
      assert.equal(view.receivedAt, '2026-12-24T10:00:00.000Z', 'received when the call came, not when typed in');
      assert.equal(view.status, 'received', 'staff typing fast is not spam');
      assert.equal(view.ackDueAt, '2026-12-31', '3 working days from Thursday 24th: 29th, 30th, 31st, past Christmas, the weekend and Boxing Day');
      const audit = (await (await fetch(`${c.api}/submissions/${reference}/audit`, {headers: bearer(c.token)})).json()) as {items: Array<{actor: string; action: string; detail: string}>};
      assert.ok(audit.items.some((entry) => entry.action === 'record' && entry.actor === 'tester' && entry.detail === 'phone'), 'the audit trail says who recorded it');
      const phone = (await (await fetch(`${c.api}/submissions?channel=phone`, {headers: bearer(c.token)})).json()) as {items: Array<{reference: string}>};
      assert.deepEqual(phone.items.map((item) => item.reference), [reference]);
      const web = (await (await fetch(`${c.api}/submissions?channel=web`, {headers: bearer(c.token)})).json()) as {items: unknown[]};
      assert.deepEqual(web.items, []);
      const csv = await (await fetch(`${c.api}/export.csv`, {headers: bearer(c.token)})).text();
      assert.match(csv.split('\n')[0]!, /"closedAt","channel","recordedBy"\r?$/);
      assert.match(csv, /"phone","Sam \(duty manager\)"\r?\n/);
    });

    it('web feedback is channel "web", with nobody recorded', async () => {
      const response = await post(c.api, submission(), {origin: 'https://provider.example'});
      const {reference} = (await response.json()) as {reference: string};
      const record = await c.store.get(reference);
      assert.equal(record?.channel, 'web');
      assert.equal(record?.recordedBy, null);
    });

    it('says what is wrong with "recorded", field by field, and stores nothing', async () => {
      const before = (await stored()).length;
      const response = await post(c.api, {...submission(), recorded: {channel: 'fax', by: ' ', receivedAt: '2027-06-01T00:00:00Z'}}, bearer(c.token));
      assert.equal(response.status, 422);
      const {errors} = (await response.json()) as {errors: Array<{path: string}>};
      assert.deepEqual(errors.map((error) => error.path).sort(), ['recorded.by', 'recorded.channel', 'recorded.receivedAt']);
      // Dates a calendar cannot count working days from are refused, never a server error.
      for (const receivedAt of ['0099-06-01T00:00:00Z', '0000-01-01T00:00:00Z', '1999-12-31T23:59:59Z', '2026-02-30T10:00:00Z', '2026-12-01T25:00:00Z']) {
        const old = await post(c.api, {...submission({kind: 'complaint'}), recorded: {channel: 'letter', by: 'Sam', receivedAt}}, bearer(c.token));
        assert.equal(old.status, 422, receivedAt);
        const {errors: oldErrors} = (await old.json()) as {errors: Array<{path: string}>};
        assert.deepEqual(oldErrors.map((error) => error.path), ['recorded.receivedAt'], receivedAt);
      }
      const notAnObject = await post(c.api, {...submission(), recorded: 'phone'}, bearer(c.token));
      assert.equal(notAnObject.status, 422);
      assert.equal((await stored()).length, before);
    });

    it('a token for some services records only for them', async () => {
      const {token} = await createToken(c.store, 'north', new Date(), 'test', ['home-care-north']);
      const other = await post(c.api, {...submission({service: 'home-care-south'}), recorded: {channel: 'letter', by: 'Ali'}}, bearer(token));
      assert.equal(other.status, 403);
      const own = await post(c.api, {...submission({service: 'home-care-north'}), recorded: {channel: 'letter', by: 'Ali'}}, bearer(token));
      assert.equal(own.status, 201);
    });

    it('with a valid token the origin check does not apply; without one it still does', async () => {
      const elsewhere = {origin: 'https://elsewhere.example'};
      const body = () => ({...submission({kind: 'complaint'}), recorded: {channel: 'email', by: 'Ali'}});
      const staff = await post(c.api, body(), {...elsewhere, ...bearer(c.token)});
      assert.equal(staff.status, 201);
      assert.equal(staff.headers.get('access-control-allow-origin'), null, 'no CORS for a site not allowed: a browser there cannot read it');
      const before = (await stored()).length;
      const publicPost = await post(c.api, submission(), elsewhere);
      assert.equal(publicPost.status, 403);
      assert.equal(((await publicPost.json()) as {type: string}).type.endsWith('origin-not-allowed'), true);
      const forged = await post(c.api, body(), {...elsewhere, ...bearer('cft_aaaaaaaaaaaa_' + 'x'.repeat(43))});
      assert.equal(forged.status, 403);
      assert.equal((await stored()).length, before, 'nothing stored without a valid token');
    });
  });

  describe(`staff recording and the rate limit (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {rateLimit: 1, minElapsedMs: 0});
    });
    after(() => c.close());

    it('a valid token is not rate limited (a backlog of letters typed in at once); the public still is', async () => {
      assert.equal((await post(c.api, submission())).status, 201);
      assert.equal((await post(c.api, submission())).status, 429, 'the public: one a minute here');
      for (let letter = 0; letter < 3; letter++) {
        const response = await post(
          c.api,
          {...submission({kind: 'complaint'}), recorded: {channel: 'letter', by: 'Sam'}},
          {authorization: `Bearer ${c.token}`},
        );
        assert.equal(response.status, 201, `letter ${letter + 1}`);
      }
      const forged = await post(c.api, {...submission(), recorded: {channel: 'letter', by: 'Sam'}}, {authorization: 'Bearer cft_aaaaaaaaaaaa_' + 'x'.repeat(43)});
      assert.equal(forged.status, 429, 'a token that is not valid counts as the public');
    });
  });
}
