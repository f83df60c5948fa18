// The involvement register (#16, DESIGN.md "People taking part") over real HTTP, on both stores:
// sign up under the same rules as feedback, leave by reference, and the provider's list and erasure.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {exampleInvolvement, type Involvement} from '@care-feedback/core';
import {createToken} from '@care-feedback/collector';
import {authed, ENGINES, startCollector, type Running} from './helpers.js';

const signUp = (overrides: Partial<Involvement> = {}): Involvement =>
  exampleInvolvement({id: randomUUID(), ...overrides});

const send = (c: Running, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${c.api}/involvement`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

interface Listed {
  items: Array<{reference: string; leftAt: string | null; signUp: Involvement}>;
  next: string | null;
}

for (const {engine, skip} of ENGINES) {
  describe(`involvement register (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {allowOrigins: ['https://provider.example']});
    });
    after(() => c.close());
    const list = async (query = '') =>
      (await (await fetch(`${c.api}/involvement${query}`, authed(c))).json()) as Listed;

    it('takes a sign-up: 201 with id, reference and time; the same again is 200 with the same answer', async () => {
      const body = signUp();
      const first = await send(c, body, {origin: 'https://provider.example'});
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('access-control-allow-origin'), 'https://provider.example');
      const receipt = (await first.json()) as {id: string; reference: string; receivedAt: string};
      assert.equal(receipt.id, body.id);
      assert.match(receipt.reference, /^GI-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      // Keys in another order are the same sign-up.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await send(c, reordered);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), receipt);
      const other = await send(c, {...body, ways: ['panel']});
      assert.equal(other.status, 409);
      const read = (await (await fetch(`${c.api}/involvement/${receipt.reference}`, authed(c))).json()) as Listed['items'][0];
      assert.deepEqual(read.signUp, body);
    });

    it('keeps hostile text byte for byte', async () => {
      const topic = 'Zürich 🙂 <script>x</script> \u202e مرحبا \u0000';
      const response = await send(c, signUp({topics: [topic], supportDetail: '"; DROP TABLE involvement; --'}));
      assert.equal(response.status, 201);
      const {reference} = (await response.json()) as {reference: string};
      const read = (await (await fetch(`${c.api}/involvement/${reference}`, authed(c))).json()) as Listed['items'][0];
      assert.equal(read.signUp.topics![0], topic);
      assert.equal(read.signUp.supportDetail, '"; DROP TABLE involvement; --');
    });

    it('answers bad input as feedback does: 400, 413, 415, 422 with each field, 403 for a strange origin', async () => {
      const before = (await list()).items.length;
      const notJson = await send(c, '{nope');
      assert.equal(notJson.status, 400);
      assert.match(notJson.headers.get('content-type')!, /^application\/problem\+json/);
      const big = await send(c, signUp({supportDetail: 'x'.repeat(70_000)}));
      assert.equal(big.status, 413);
      const text = await fetch(`${c.api}/involvement`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{}'});
      assert.equal(text.status, 415);
      const invalid = await send(c, {...signUp({ways: []}), consent: {store: true}, contact: {preferredMethod: 'email'}});
      assert.equal(invalid.status, 422);
      const {errors} = (await invalid.json()) as {errors: Array<{path: string; code: string; message: string}>};
      assert.deepEqual(errors.map((e) => e.path).sort(), ['consent.contact', 'contact.email', 'contact.name', 'ways']);
      assert.ok(errors.every((e) => e.message.length > 0));
      const foreign = await send(c, signUp(), {origin: 'https://elsewhere.example'});
      assert.equal(foreign.status, 403);
      assert.equal((await list()).items.length, before, 'nothing bad was stored');
    });

    it('lists newest first for a token only, filtered by way, topic and support, a page at a time', async () => {
      assert.equal((await fetch(`${c.api}/involvement`)).status, 401);
      const panel = (await (await send(c, signUp({ways: ['panel'], topics: ['Food'], support: ['transport']}))).json()) as {reference: string};
      const meetings = (await (await send(c, signUp({ways: ['meetings', 'training'], topics: ['Visit times', 'food'], support: []}))).json()) as {reference: string};
      const byWay = await list('?way=panel');
      assert.deepEqual(byWay.items.map((i) => i.reference), [panel.reference]);
      const byTopic = await list('?topic=FOOD');
      assert.ok(byTopic.items.some((i) => i.reference === panel.reference));
      assert.ok(byTopic.items.some((i) => i.reference === meetings.reference));
      assert.ok(byTopic.items.every((i) => i.signUp.topics!.some((t) => t.toLowerCase() === 'food')));
      assert.deepEqual((await list('?topic=foo')).items, [], 'a topic matches whole, not part of a word');
      assert.deepEqual((await list('?topic=%25')).items, [], 'a % is a letter, not a wildcard');
      const bySupport = await list('?support=transport');
      assert.deepEqual(bySupport.items.map((i) => i.reference), [panel.reference]);
      const bad = await fetch(`${c.api}/involvement?way=dancing&support=money&limit=0`, authed(c));
      assert.equal(bad.status, 400);
      const {errors} = (await bad.json()) as {errors: Array<{path: string}>};
      assert.deepEqual(errors.map((e) => e.path), ['query.way', 'query.support', 'query.limit']);
      // Paging: one at a time reaches every sign-up once, newest first.
      const all = (await list('?limit=500')).items.map((i) => i.reference);
      const paged: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: Listed = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((i) => i.reference));
        cursor = page.next;
      }
      assert.deepEqual(paged, all);
      assert.equal(all[0], meetings.reference, 'newest first');
      assert.equal((await fetch(`${c.api}/involvement?cursor=nonsense`, authed(c))).status, 400);
    });

    it('a token for some services sees only their sign-ups', async () => {
      const north = (await (await send(c, signUp({service: 'home-care-north'}))).json()) as {reference: string};
      const south = (await (await send(c, signUp({service: 'home-care-south'}))).json()) as {reference: string};
      const {token} = await createToken(c.store, 'south', new Date(), 'test', ['home-care-south']);
      const limited = {headers: {authorization: `Bearer ${token}`}};
      const seen = (await (await fetch(`${c.api}/involvement`, limited)).json()) as Listed;
      assert.deepEqual(seen.items.map((i) => i.reference), [south.reference]);
      assert.equal((await fetch(`${c.api}/involvement/${north.reference}`, limited)).status, 404);
    });

    it('a person leaves by their reference: contact details are erased, and a repeat send does not bring them back', async () => {
      const body = signUp({contact: {name: 'Ali Khan', phone: '01632 960123', preferredMethod: 'phone'}});
      const {reference} = (await (await send(c, body)).json()) as {reference: string};
      const left = await fetch(`${c.api}/involvement/${reference.toLowerCase()}/leave`, {method: 'POST'});
      assert.equal(left.status, 200);
      const answer = (await left.json()) as {reference: string; message: string};
      assert.equal(answer.reference, reference);
      assert.match(answer.message, /You have left/);
      const read = (await (await fetch(`${c.api}/involvement/${reference}`, authed(c))).json()) as Listed['items'][0];
      assert.ok(read.leftAt);
      assert.equal(read.signUp.contact, undefined);
      assert.equal(read.signUp.communicationNeeds, undefined);
      assert.deepEqual(read.signUp.ways, body.ways, 'how they helped still counts');
      const raw = JSON.stringify(await c.store.getInvolvement(reference));
      assert.ok(!raw.includes('Ali Khan') && !raw.includes('960123'));
      const resent = await send(c, body);
      assert.equal(resent.status, 200, 'a copy still waiting on a phone is the same sign-up');
      assert.equal((await c.store.getInvolvement(reference))!.signUp.contact, undefined);
      assert.equal((await fetch(`${c.api}/involvement/${reference}/leave`, {method: 'POST'})).status, 200, 'leaving twice is fine');
      assert.equal((await fetch(`${c.api}/involvement/GI-2222-2222/leave`, {method: 'POST'})).status, 404);
      assert.equal((await fetch(`${c.api}/involvement/nonsense/leave`, {method: 'POST'})).status, 404);
    });

    it('the provider erases a sign-up completely; an unknown reference is 404', async () => {
      const {reference} = (await (await send(c, signUp())).json()) as {reference: string};
      assert.equal((await fetch(`${c.api}/involvement/${reference}`, {method: 'DELETE'})).status, 401);
      const erased = await fetch(`${c.api}/involvement/${reference}`, authed(c, {method: 'DELETE'}));
      assert.equal(erased.status, 204);
      assert.equal(await c.store.getInvolvement(reference), undefined);
      assert.equal((await fetch(`${c.api}/involvement/${reference}`, authed(c, {method: 'DELETE'}))).status, 404);
      assert.equal((await fetch(`${c.api}/involvement/${reference}`, authed(c))).status, 404);
    });

    it('a purge removes sign-ups received before the cut-off', async () => {
      const {reference} = (await (await send(c, signUp())).json()) as {reference: string};
      await c.store.purge(new Date(Date.now() + 60_000).toISOString());
      assert.equal(await c.store.getInvolvement(reference), undefined);
      assert.deepEqual((await list()).items, []);
    });
  });

  describe(`involvement sign-ups are rate limited (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {rateLimit: 2});
    });
    after(() => c.close());
    it('answers 429 with Retry-After once the limit is spent, for sign-ups and leaving alike', async () => {
      assert.equal((await send(c, signUp())).status, 201);
      assert.equal((await send(c, signUp())).status, 201);
      const third = await send(c, signUp());
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
      assert.equal((await fetch(`${c.api}/involvement/GI-2222-2222/leave`, {method: 'POST'})).status, 429);
    });
  });
}
