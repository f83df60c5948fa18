// "Needs attention" (issue #14): open complaints and concerns by what is due next, overdue first, "mine" for
// the investigator, and only a token's own services. Over real HTTP, both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

interface Item {
  reference: string;
  kind: string;
  next: string;
  due: string | null;
  overdue: boolean;
  investigator: string | null;
}

for (const {engine, skip} of ENGINES) {
  describe(`needs attention (${engine})`, {skip}, () => {
    let c: Running;
    let clock = new Date('2026-11-30T10:00:00Z'); // Monday
    const refs: Record<string, string> = {};
    const send = async (name: string, fields: Parameters<typeof submission>[0]) => {
      refs[name] = ((await (await post(c.api, submission(fields))).json()) as {reference: string}).reference;
    };
    const change = (reference: string, path: string, body: unknown) =>
      fetch(`${c.api}/submissions/${reference}${path}`, authed(c, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)}));
    const attention = async (query = '', token = c.token) =>
      ((await (await fetch(`${c.api}/attention${query}`, {headers: {authorization: `Bearer ${token}`}})).json()) as {items: Item[]}).items;

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      await send('waiting', {kind: 'complaint', service: 'home-care-north'}); // acknowledge by Thu 3 Dec
      await send('investigating', {kind: 'complaint', service: 'home-care-north'});
      await send('undated', {kind: 'complaint', service: 'home-care-south'});
      await send('concern', {kind: 'concern', service: 'home-care-south'});
      await send('compliment', {kind: 'compliment'});
      await send('closed', {kind: 'complaint'});
      assert.equal((await change(refs.investigating!, '', {status: 'acknowledged'})).status, 200);
      assert.equal((await change(refs.investigating!, '/complaint', {investigator: 'Jo Smith, deputy manager', responseDueAt: '2026-12-14'})).status, 200);
      assert.equal((await change(refs.undated!, '', {status: 'acknowledged'})).status, 200);
      assert.equal((await change(refs.closed!, '', {status: 'closed'})).status, 200);
    });
    after(() => c.close());

    it('lists what is due next, overdue first, and leaves out what is not a complaint or concern, or is closed', async () => {
      clock = new Date('2026-12-04T10:00:00Z'); // Friday: the acknowledgement day has passed.
      const items = await attention();
      assert.deepEqual(
        items.map((item) => [item.reference, item.next, item.due, item.overdue]),
        [
          [refs.concern, 'look-at-concern', '2026-11-30', true],
          [refs.waiting, 'acknowledge', '2026-12-03', true],
          [refs.investigating, 'reply', '2026-12-14', false],
          [refs.undated, 'agree-reply-date', null, false],
        ],
      );
      assert.ok(!JSON.stringify(items).includes('message'), 'no words, only what is due');
    });

    it('"mine" keeps those the signed-in person investigates, by the name of their token', async () => {
      const {token} = await createToken(c.store, 'Jo Smith', new Date(), 'test');
      assert.deepEqual((await attention('?mine=true', token)).map((item) => item.reference), [refs.investigating]);
      assert.equal((await attention('?mine=true')).length, 0, 'the "tester" token investigates nothing');
      assert.equal((await fetch(`${c.api}/attention?mine=perhaps`, authed(c))).status, 400);
    });

    it('a token for some services sees only theirs', async () => {
      const {token} = await createToken(c.store, 'south', new Date(), 'test', ['home-care-south']);
      assert.deepEqual((await attention('', token)).map((item) => item.reference).sort(), [refs.concern, refs.undated].sort());
    });

    it('a reply sent takes it off the list', async () => {
      assert.equal((await change(refs.investigating!, '/complaint', {responseSentAt: '2026-12-04', toldOfOmbudsman: true})).status, 200);
      assert.ok(!(await attention()).some((item) => item.reference === refs.investigating));
    });
  });
}
