// Tokens for some services (DESIGN.md, version 2): a care group's home manager sees and changes only
// their own homes' feedback, in every route; any other reference is "not found". Over real HTTP, both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`tokens for some services (${engine})`, {skip}, () => {
    let c: Running;
    let north: string;
    const refs: Record<string, string> = {};
    const as = (token: string, init: RequestInit = {}): RequestInit => ({
      ...init,
      headers: {authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>)},
    });

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0});
      north = (await createToken(c.store, 'north manager', new Date(), 'test', ['home-care-north', 'day-centre'])).token;
      for (const [name, service] of [['north', 'home-care-north'], ['day', 'day-centre'], ['south', 'home-care-south'], ['none', undefined]] as const) {
        const response = await post(c.api, submission({kind: 'complaint', service, message: `About ${name}`}));
        assert.equal(response.status, 201);
        refs[name] = ((await response.json()) as {reference: string}).reference;
      }
    });
    after(() => c.close());

    it('lists, exports and counts only its services', async () => {
      const list = (await (await fetch(`${c.api}/submissions`, as(north))).json()) as {items: Array<{reference: string}>};
      assert.deepEqual(new Set(list.items.map((item) => item.reference)), new Set([refs.north, refs.day]));
      const filtered = (await (await fetch(`${c.api}/submissions?service=home-care-south`, as(north))).json()) as {items: unknown[]};
      assert.deepEqual(filtered.items, [], 'asking for another service finds nothing');
      const csv = await (await fetch(`${c.api}/export.csv`, as(north))).text();
      assert.ok(csv.includes(refs.north!) && csv.includes(refs.day!), 'its own in the export');
      assert.ok(!csv.includes(refs.south!) && !csv.includes(refs.none!), "nobody else's in the export");
      const ndjson = await (await fetch(`${c.api}/export.ndjson`, as(north))).text();
      assert.deepEqual(new Set(ndjson.trim().split('\n').map((line) => (JSON.parse(line) as {reference: string}).reference)), new Set([refs.north, refs.day]));
      const stats = (await (await fetch(`${c.api}/stats`, as(north))).json()) as {total: number; byService: Record<string, number>};
      assert.equal(stats.total, 2);
      assert.deepEqual(stats.byService, {'home-care-north': 1, 'day-centre': 1});
      const all = (await (await fetch(`${c.api}/stats`, as(c.token))).json()) as {total: number};
      assert.equal(all.total, 4, 'a token for every service still sees all four');
    });

    it("answers 404 for another service's reference, and changes nothing, whatever it tries", async () => {
      for (const name of ['south', 'none']) {
        const reference = refs[name]!;
        assert.equal((await fetch(`${c.api}/submissions/${reference}`, as(north))).status, 404, `GET ${name}`);
        assert.equal((await fetch(`${c.api}/submissions/${reference}/audit`, as(north))).status, 404, `audit ${name}`);
        assert.equal((await fetch(`${c.api}/submissions/${reference}/complaint`, as(north))).status, 404, `complaint record ${name}`);
        const recordPatch = await fetch(`${c.api}/submissions/${reference}/complaint`, as(north, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({investigator: 'Not mine'})}));
        assert.equal(recordPatch.status, 404, `complaint record PATCH ${name}`);
        const patch = await fetch(`${c.api}/submissions/${reference}`, as(north, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({status: 'acknowledged', note: 'Not mine'})}));
        assert.equal(patch.status, 404, `PATCH ${name}`);
        assert.equal((await fetch(`${c.api}/submissions/${reference}`, as(north, {method: 'DELETE'}))).status, 404, `DELETE ${name}`);
        const record = await c.store.get(reference);
        assert.equal(record?.status, 'received', `${name} is unchanged`);
        assert.deepEqual(record?.notes, []);
      }
      const own = await fetch(`${c.api}/submissions/${refs.north}`, as(north, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({status: 'acknowledged'})}));
      assert.equal(own.status, 200, 'its own it can move on');
    });

    it('cannot purge, or make or see tokens (it could make itself one for every service)', async () => {
      const purge = await fetch(`${c.api}/purge`, as(north, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({olderThan: '1d'})}));
      assert.equal(purge.status, 403);
      const make = await fetch(`${c.api}/tokens`, as(north, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'escalate'})}));
      assert.equal(make.status, 403);
      assert.equal((await fetch(`${c.api}/tokens`, as(north))).status, 403);
    });

    it('a token for every service can make a limited one, and the list says which services each has', async () => {
      const made = await fetch(`${c.api}/tokens`, as(c.token, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'south manager', services: ['home-care-south']})}));
      assert.equal(made.status, 201);
      const {token, services} = (await made.json()) as {token: string; services: string[]};
      assert.deepEqual(services, ['home-care-south']);
      const list = (await (await fetch(`${c.api}/submissions`, as(token))).json()) as {items: Array<{reference: string}>};
      assert.deepEqual(list.items.map((item) => item.reference), [refs.south]);
      const bad = await fetch(`${c.api}/tokens`, as(c.token, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: 'x', services: ['ok', '']})}));
      assert.equal(bad.status, 422);
      const tokens = (await (await fetch(`${c.api}/tokens`, as(c.token))).json()) as {items: Array<{name: string; services: string[]}>};
      assert.deepEqual(tokens.items.find((t) => t.name === 'north manager')?.services, ['home-care-north', 'day-centre']);
      assert.deepEqual(tokens.items.find((t) => t.name === 'tester')?.services, []);
    });

    it('"You said, we did": sees and writes only items about its own services\' feedback', async () => {
      const send = async (token: string, method: string, path: string, body?: unknown) => {
        const response = await fetch(`${c.api}/you-said-we-did${path}`, as(token, {method, ...(body === undefined ? {} : {headers: {'content-type': 'application/json'}, body: JSON.stringify(body)})}));
        return {status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>)};
      };
      const make = async (fields: Record<string, unknown>) => {
        const made = await send(c.token, 'POST', '', {youSaid: 'You said', weDid: 'We did', ...fields});
        assert.equal(made.status, 201);
        return made.body!.id as string;
      };
      const south = await make({submissionReference: refs.south, quote: 'About south'});
      const whole = await make({});
      const northItem = await make({submissionReference: refs.north});

      const listed = await send(north, 'GET', '');
      assert.deepEqual((listed.body!.items as Array<{id: string}>).map((item) => item.id), [northItem]);
      for (const id of [south, whole]) {
        assert.equal((await send(north, 'GET', `/${id}`)).status, 404, 'GET');
        assert.equal((await send(north, 'PATCH', `/${id}`, {weDid: 'Changed'})).status, 404, 'PATCH');
        assert.equal((await send(north, 'POST', `/${id}/publish`)).status, 404, 'publish');
        assert.equal((await send(north, 'DELETE', `/${id}`)).status, 404, 'DELETE');
      }
      assert.equal((await c.store.getYouSaid(south))?.weDid, 'We did', 'unchanged');
      assert.ok(await c.store.getYouSaid(whole), 'not erased');

      // Another home's reference is "not found", and a quote tells nothing about its words.
      const right = await send(north, 'POST', '', {youSaid: 'a', weDid: 'b', submissionReference: refs.south, quote: 'About south'});
      const wrong = await send(north, 'POST', '', {youSaid: 'a', weDid: 'b', submissionReference: refs.south, quote: 'Not in it'});
      assert.equal(right.status, 422);
      assert.deepEqual(right.body!.errors, wrong.body!.errors);
      assert.ok((right.body!.errors as Array<{path: string}>).some((error) => error.path === 'submissionReference'));
      const unlinked = await send(north, 'POST', '', {youSaid: 'a', weDid: 'b'});
      assert.equal(unlinked.status, 422, 'an item for the whole provider needs a token for every service');
      assert.equal((await send(north, 'PATCH', `/${northItem}`, {submissionReference: null})).status, 422);
      const own = await send(north, 'POST', '', {youSaid: 'a', weDid: 'b', submissionReference: refs.day});
      assert.equal(own.status, 201);
      assert.equal((await send(north, 'PATCH', `/${northItem}`, {weDid: 'Carers now ring ahead'})).status, 200);
      const everything = await send(c.token, 'GET', '');
      assert.equal((everything.body!.items as unknown[]).length, 4, 'a token for every service sees them all');
    });
  });
}
