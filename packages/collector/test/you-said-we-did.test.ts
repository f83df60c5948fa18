// "You said, we did" over real HTTP on SQLite and PostgreSQL: the consent rule, publishing, the public list, erasure.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';
import {waitUntil} from '../../../tests/support/wait-until.js';

for (const {engine, skip} of ENGINES) {
  describe(`"You said, we did" on ${engine}`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {allowOrigins: ['https://provider.example']});
    });
    after(() => c?.close());

    const call = (path: string, method = 'GET', body?: unknown) =>
      fetch(
        `${c.api}/you-said-we-did${path}`,
        authed(c, {
          method,
          ...(body === undefined
            ? {}
            : {headers: {'content-type': 'application/json'}, body: JSON.stringify(body)}),
        }),
      );
    const send = async (
      publish: boolean,
      message = 'The tea is always cold by the time it reaches my room.',
    ) => {
      const sent = submission({
        kind: 'complaint',
        message,
        consent: {store: true, contact: true, publish},
      });
      const answer = await (await post(c.api, sent)).json();
      return answer.reference as string;
    };
    const published = async () => {
      const response = await fetch(`${c.api}/you-said-we-did/published`);
      assert.equal(response.status, 200);
      return (await response.json()).items as Array<Record<string, unknown>>;
    };

    it('answers 401 without a token, and the public list needs none', async () => {
      for (const [path, method] of [
        ['', 'GET'],
        ['', 'POST'],
        ['/00000000-0000-4000-8000-000000000000', 'PATCH'],
        ['/00000000-0000-4000-8000-000000000000/publish', 'POST'],
        ['/00000000-0000-4000-8000-000000000000', 'DELETE'],
      ] as const) {
        const response = await fetch(`${c.api}/you-said-we-did${path}`, {method});
        assert.equal(response.status, 401, `${method} ${path}`);
      }
      assert.equal((await fetch(`${c.api}/you-said-we-did/published`)).status, 200);
    });

    it('publishes a quote only when the author consented; the refusal is 422 naming the field', async () => {
      const consented = await send(true);
      const refused = await send(false);
      const quote = 'The tea is always cold';
      const good = await call('', 'POST', {
        submissionReference: consented,
        youSaid: 'Tea was cold.',
        weDid: 'We bought heated trolleys.',
        quote,
      });
      assert.equal(good.status, 201);
      const goodItem = await good.json();
      assert.equal(goodItem.published, false);
      const bad = await (
        await call('', 'POST', {
          submissionReference: refused,
          youSaid: 'Tea was cold.',
          weDid: 'We bought heated trolleys.',
          quote,
        })
      ).json();

      const refusal = await call(`/${bad.id}/publish`, 'POST');
      assert.equal(refusal.status, 422);
      assert.match(refusal.headers.get('content-type')!, /^application\/problem\+json/);
      const problem = await refusal.json();
      assert.equal(problem.errors[0].path, 'quote');
      assert.match(problem.errors[0].message, /did not agree/);
      assert.equal((await (await call(`/${bad.id}`)).json()).published, false);

      const ok = await call(`/${goodItem.id}/publish`, 'POST');
      assert.equal(ok.status, 200);
      assert.equal((await ok.json()).published, true);
      const items = await published();
      assert.deepEqual(
        items.map((i) => i.id),
        [goodItem.id],
      );
      assert.equal(items[0]!.quote, quote);

      // Without the quote the same unconsented item can be published.
      const changed = await call(`/${bad.id}`, 'PATCH', {quote: null});
      assert.equal(changed.status, 200);
      assert.equal((await call(`/${bad.id}/publish`, 'POST')).status, 200);
    });

    it('a quote must be words from the message it answers', async () => {
      const reference = await send(true);
      const response = await call('', 'POST', {
        submissionReference: reference,
        youSaid: 'x',
        weDid: 'y',
        quote: 'Words nobody wrote',
      });
      assert.equal(response.status, 422);
      assert.equal((await response.json()).errors[0].path, 'quote');
      const theme = await call('', 'POST', {youSaid: 'x', weDid: 'y', quote: 'cold'});
      assert.equal(theme.status, 422);
    });

    it('the public list shows only published items, newest first, without references or personal data', async () => {
      const before = (await published()).length;
      const first = await (
        await call('', 'POST', {
          youSaid: 'Visiting hours were too short.',
          weDid: 'Visits now run until 8pm.',
        })
      ).json();
      const second = await (
        await call('', 'POST', {
          youSaid: 'The garden path was slippery.',
          weDid: 'We resurfaced it.',
        })
      ).json();
      const hidden = await (
        await call('', 'POST', {youSaid: 'Not yet public.', weDid: 'Draft.'})
      ).json();
      assert.equal((await call(`/${first.id}/publish`, 'POST')).status, 200);
      const firstPublished = Date.now();
      await waitUntil(() => Date.now() > firstPublished); // "newest first" needs a later time
      assert.equal((await call(`/${second.id}/publish`, 'POST')).status, 200);
      let items = await published();
      assert.equal(items.length, before + 2);
      assert.deepEqual(
        items.slice(0, 2).map((i) => i.id),
        [second.id, first.id],
      );
      assert.ok(!items.some((i) => i.id === hidden.id));
      assert.deepEqual(Object.keys(items[0]!).sort(), [
        'id',
        'publishedAt',
        'quote',
        'weDid',
        'youSaid',
      ]);

      assert.equal((await call(`/${second.id}/unpublish`, 'POST')).status, 200);
      items = await published();
      assert.ok(!items.some((i) => i.id === second.id));
      assert.equal((await call(`/${first.id}`, 'DELETE')).status, 204);
      assert.ok(!(await published()).some((i) => i.id === first.id));
      assert.equal((await call(`/${first.id}`)).status, 404);
    });

    it('the public list answers CORS for allowed origins only', async () => {
      const allowed = await fetch(`${c.api}/you-said-we-did/published`, {
        headers: {origin: 'https://provider.example'},
      });
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://provider.example');
      const other = await fetch(`${c.api}/you-said-we-did/published`, {
        headers: {origin: 'https://elsewhere.example'},
      });
      assert.equal(other.status, 403);
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    });

    it('erasing a submission removes its quote from every item and unpublishes them', async () => {
      const reference = await send(true, 'My mum loved the music afternoons. Please keep them.');
      const quoted = await (
        await call('', 'POST', {
          submissionReference: reference,
          youSaid: 'People love the music.',
          weDid: 'Music is now weekly.',
          quote: 'My mum loved the music afternoons.',
        })
      ).json();
      assert.equal((await call(`/${quoted.id}/publish`, 'POST')).status, 200);
      assert.ok((await published()).some((i) => i.quote === 'My mum loved the music afternoons.'));

      const erased = await fetch(
        `${c.api}/submissions/${reference}`,
        authed(c, {method: 'DELETE'}),
      );
      assert.equal(erased.status, 204);
      const after = await (await call(`/${quoted.id}`)).json();
      assert.equal(after.quote, null);
      assert.equal(after.published, false);
      assert.equal(after.submissionReference, null);
      assert.ok(!(await published()).some((i) => i.id === quoted.id));
      // Nowhere in the store's list of items either.
      const all = await c.store.listYouSaid();
      assert.ok(!JSON.stringify(all).includes('My mum loved'));
    });

    it('writes an audit record for each provider action', async () => {
      const reference = await send(true);
      const item = await (
        await call('', 'POST', {submissionReference: reference, youSaid: 'a', weDid: 'b'})
      ).json();
      await call(`/${item.id}`, 'PATCH', {weDid: 'c'});
      await call(`/${item.id}/publish`, 'POST');
      await call(`/${item.id}/unpublish`, 'POST');
      await call(`/${item.id}`, 'DELETE');
      const trail = (await c.store.auditFor(reference))
        .filter((e) => e.action.startsWith('you-said'))
        .map((e) => [e.action, e.actor, e.detail]);
      assert.deepEqual(trail, [
        ['you-said-create', 'tester', item.id],
        ['you-said-update', 'tester', item.id],
        ['you-said-publish', 'tester', item.id],
        ['you-said-unpublish', 'tester', item.id],
        ['you-said-delete', 'tester', item.id],
      ]);
    });
  });
}
