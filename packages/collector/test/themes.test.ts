// Care themes (issue #15) over real HTTP on both stores: the default list and changes to it, tagging,
// suggestions that show their words, trends by month and quarter with known answers, the report's theme
// volumes, a token for some services, erasure, and the audit trail.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, startCollector, type Running} from './helpers.js';
import {auditWithoutReference, call, seed} from './learning-helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`themes (${engine})`, {skip}, () => {
    let c: Running;
    let north = ''; // a token for home-care-north only
    const ref = {a: '', b: '', c: '', d: '', e: '', f: '', spam: ''};
    const clock = new Date('2026-12-10T10:00:00Z');
    const tag = (reference: string, themes: unknown, token = c.token) =>
      call(c, token, `/submissions/${reference}/themes`, 'PUT', {themes});

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      north = (await createToken(c.store, 'north manager', clock, 'test', ['home-care-north'])).token;
      // Known answers: January to June 2026, north and south, one held as spam, one just after the period.
      ref.a = await seed(c, '2026-01-15T09:00:00.000Z', 'home-care-north', 'The carer was late and missed my tablets.');
      ref.b = await seed(c, '2026-02-20T09:00:00.000Z', 'home-care-north', 'Nobody came on Sunday.');
      ref.c = await seed(c, '2026-04-02T09:00:00.000Z', 'home-care-south', 'Late again, and lunch was cold.');
      ref.d = await seed(c, '2026-04-30T23:30:00.000Z', 'home-care-south', 'The food is too salty.');
      ref.e = await seed(c, '2026-06-30T23:59:59.000Z', 'home-care-north', 'Wrong dose given.');
      ref.f = await seed(c, '2026-07-01T00:00:00.000Z', 'home-care-north', 'Late on the first of July.');
      ref.spam = await seed(c, '2026-03-01T09:00:00.000Z', 'home-care-north', 'Buy cheap watches.', {status: 'quarantined', spamReason: 'honeypot'});
    });
    after(() => c.close());

    it('starts with the default list of 20 care themes, none retired', async () => {
      const {status, body} = await call(c, c.token, '/themes');
      assert.equal(status, 200);
      assert.equal(body.items.length, 20);
      assert.deepEqual(body.items.slice(0, 3).map((t: {id: string}) => t.id), ['missed-or-late-visits', 'continuity-of-carers', 'staff-attitude']);
      assert.ok(body.items.every((t: {builtIn: boolean; retiredAt: null}) => t.builtIn && t.retiredAt === null));
      assert.ok(body.items.some((t: {name: string}) => t.name === 'End of life care'));
    });

    it('suggests themes with the words that matched, and tags nothing by itself', async () => {
      const {status, body} = await call(c, c.token, `/submissions/${ref.a}/theme-suggestions`);
      assert.equal(status, 200);
      const late = body.items.find((s: {themeId: string}) => s.themeId === 'missed-or-late-visits');
      assert.deepEqual(late.matched, ['late', 'missed']);
      assert.deepEqual(body.items.find((s: {themeId: string}) => s.themeId === 'medicines').matched, ['tablets']);
      assert.deepEqual((await call(c, c.token, `/submissions/${ref.a}/themes`)).body.items, []);
      const trail = (await call(c, c.token, `/submissions/${ref.a}/audit`)).body.items;
      assert.deepEqual(trail.map((e: {action: string; detail: string | null}) => [e.action, e.detail]), [['read', 'suggested themes']], 'reading the matched words is a read');
    });

    it('tags an item with the themes a person chose, keeps who and when, and audits the ids only', async () => {
      const {status, body} = await tag(ref.a, ['medicines', 'missed-or-late-visits', 'medicines']);
      assert.equal(status, 200);
      assert.deepEqual(body.items.map((t: {themeId: string}) => t.themeId), ['missed-or-late-visits', 'medicines'], 'in the list’s order, once each');
      assert.equal(body.items[0].taggedBy, 'tester');
      assert.equal(body.items[0].taggedAt, clock.toISOString());
      assert.equal(body.items[0].name, 'Missed or late visits');
      assert.deepEqual((await call(c, c.token, `/submissions/${ref.a}/themes`)).body, body, 'kept');
      assert.equal((await tag(ref.a, ['missed-or-late-visits', 'medicines'])).status, 200, 'the same again');
      await tag(ref.b, ['missed-or-late-visits']);
      await tag(ref.c, ['missed-or-late-visits', 'food-and-drink']);
      await tag(ref.d, ['food-and-drink']);
      await tag(ref.e, ['medicines', 'cleanliness']);
      await tag(ref.e, ['medicines']);
      await tag(ref.f, ['missed-or-late-visits']);
      await tag(ref.spam, ['missed-or-late-visits']);
      const audit = (await call(c, c.token, `/submissions/${ref.a}/audit`)).body.items.filter((e: {action: string}) => e.action === 'themes');
      assert.deepEqual(audit.map((e: {detail: string}) => e.detail), ['added medicines, missed-or-late-visits'], 'no change, no line');
      const e = (await call(c, c.token, `/submissions/${ref.e}/audit`)).body.items.filter((x: {action: string}) => x.action === 'themes');
      assert.deepEqual(e.map((x: {detail: string}) => x.detail), ['added medicines, cleanliness', 'removed cleanliness']);
      assert.equal(e[0].actor, 'tester');
    });

    it('lets an inbox on another allowed website send PUT (the CORS preflight allows it)', async () => {
      const other = await startCollector(engine, {allowOrigins: ['https://provider.example']});
      try {
        const preflight = await fetch(`${other.api}/submissions/${ref.a}/themes`, {
          method: 'OPTIONS',
          headers: {origin: 'https://provider.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type'},
        });
        assert.equal(preflight.status, 204);
        assert.match(preflight.headers.get('access-control-allow-methods')!, /\bPUT\b/);
      } finally {
        await other.close();
      }
    });

    it('refuses tags it cannot keep, saying which and why', async () => {
      assert.equal((await tag(ref.b, 'medicines')).status, 422);
      const unknown = await tag(ref.b, ['medicines', 'no-such-theme']);
      assert.equal(unknown.status, 422);
      assert.deepEqual(unknown.body.errors.map((e: {path: string}) => e.path), ['themes.1']);
      const many = await tag(ref.b, Array.from({length: 21}, (_, i) => `t${i}`));
      assert.ok(many.body.errors.some((e: {message: string}) => /Up to 20/.test(e.message)));
      assert.equal((await tag('CF-0000-0000', ['medicines'])).status, 404);
      assert.deepEqual((await call(c, c.token, `/submissions/${ref.b}/themes`)).body.items.map((t: {themeId: string}) => t.themeId), ['missed-or-late-visits'], 'unchanged');
    });

    it('counts trends by month with known answers, spam left out and the period’s edges kept', async () => {
      const {status, body} = await call(c, c.token, '/themes/trends?from=2026-01-01&to=2026-06-30&by=month');
      assert.equal(status, 200);
      assert.deepEqual(body.buckets, ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
      assert.deepEqual(
        body.themes.map((t: {themeId: string; counts: number[]; total: number}) => [t.themeId, t.counts, t.total]),
        [
          ['missed-or-late-visits', [1, 1, 0, 1, 0, 0], 3],
          ['medicines', [1, 0, 0, 0, 0, 1], 2],
          ['food-and-drink', [0, 0, 0, 2, 0, 0], 2],
        ],
      );
    });

    it('counts trends by quarter, and month is the default', async () => {
      const {body} = await call(c, c.token, '/themes/trends?from=2026-01-01&to=2026-06-30&by=quarter');
      assert.deepEqual(body.buckets, ['2026-Q1', '2026-Q2']);
      assert.deepEqual(
        body.themes.map((t: {themeId: string; counts: number[]}) => [t.themeId, t.counts]),
        [['missed-or-late-visits', [2, 1]], ['medicines', [1, 1]], ['food-and-drink', [0, 2]]],
      );
      const year = (await call(c, c.token, '/themes/trends?from=2026-02-01&to=2026-12-31&by=quarter')).body;
      assert.deepEqual(year.buckets, ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
      assert.deepEqual(year.themes[0].counts, [1, 1, 1, 0]);
      assert.equal((await call(c, c.token, '/themes/trends?from=2026-01-01&to=2026-06-30')).body.by, 'month');
    });

    it('explains a bad trends query', async () => {
      const {status, body} = await call(c, c.token, '/themes/trends?from=2026-06-30&to=2026-01-01&by=week');
      assert.equal(status, 422);
      assert.deepEqual(body.errors.map((e: {path: string}) => e.path).sort(), ['query.by', 'query.to']);
    });

    it('adds theme volumes and action counts to GET /v1/reports', async () => {
      const {status, body} = await call(c, c.token, '/reports?from=2026-01-01&to=2026-06-30');
      assert.equal(status, 200);
      assert.deepEqual(body.themes, [
        {themeId: 'missed-or-late-visits', name: 'Missed or late visits', count: 3},
        {themeId: 'medicines', name: 'Medicines', count: 2},
        {themeId: 'food-and-drink', name: 'Food and drink', count: 2},
      ]);
      assert.deepEqual(body.actions, {opened: 0, completed: 0});
      assert.equal(typeof body.fft, 'object', 'the rest of the report is still there');
    });

    it('shows a token for some services only its services’ tags and trends; everything else is not found', async () => {
      assert.equal((await call(c, north, `/submissions/${ref.c}/themes`)).status, 404);
      assert.equal((await call(c, north, `/submissions/${ref.c}/theme-suggestions`)).status, 404);
      assert.equal((await tag(ref.c, [], north)).status, 404);
      assert.equal((await call(c, c.token, `/submissions/${ref.c}/themes`)).body.items.length, 2, 'south’s tags untouched');
      assert.equal((await call(c, north, `/submissions/${ref.a}/themes`)).body.items.length, 2);
      const trends = (await call(c, north, '/themes/trends?from=2026-01-01&to=2026-06-30')).body;
      assert.deepEqual(
        trends.themes.map((t: {themeId: string; counts: number[]}) => [t.themeId, t.counts]),
        [['missed-or-late-visits', [1, 1, 0, 0, 0, 0]], ['medicines', [1, 0, 0, 0, 0, 1]]],
      );
      const report = (await call(c, north, '/reports?from=2026-01-01&to=2026-06-30')).body;
      assert.deepEqual(report.themes.map((t: {count: number}) => t.count), [2, 2]);
      assert.equal((await call(c, north, '/themes')).status, 200, 'it may read the list');
      assert.equal((await call(c, north, '/themes', 'POST', {name: 'North only'})).status, 403);
      assert.equal((await call(c, north, '/themes/medicines', 'PATCH', {name: 'Pills'})).status, 403);
    });

    it('adds, renames, retires and brings back themes, with every change in the audit trail', async () => {
      const made = await call(c, c.token, '/themes', 'POST', {name: '  Night-time checks '});
      assert.equal(made.status, 201);
      assert.deepEqual([made.body.id, made.body.name, made.body.builtIn, made.body.retiredAt], ['night-time-checks', 'Night-time checks', false, null]);
      assert.equal((await call(c, c.token, '/themes')).body.items.at(-1).id, 'night-time-checks', 'at the end of the list');
      const twin = await call(c, c.token, '/themes', 'POST', {name: 'NIGHT-TIME CHECKS'});
      assert.equal(twin.status, 422);
      assert.equal(twin.body.errors[0].path, 'name');
      assert.equal((await call(c, c.token, '/themes', 'POST', {name: ''})).status, 422);
      assert.equal((await call(c, c.token, '/themes', 'POST', {name: 'x', colour: 'red'})).status, 422);
      const renamed = await call(c, c.token, '/themes/night-time-checks', 'PATCH', {name: 'Night checks'});
      assert.deepEqual([renamed.status, renamed.body.id, renamed.body.name], [200, 'night-time-checks', 'Night checks']);
      const retired = await call(c, c.token, '/themes/medicines', 'PATCH', {retired: true});
      assert.ok(retired.body.retiredAt);
      const refused = await tag(ref.b, ['missed-or-late-visits', 'medicines']);
      assert.equal(refused.status, 422, 'a retired theme goes on no new item');
      assert.match(refused.body.errors[0].message, /retired/);
      assert.equal((await tag(ref.a, ['missed-or-late-visits', 'medicines'])).status, 200, 'but stays where it was');
      const suggested = (await call(c, c.token, `/submissions/${ref.a}/theme-suggestions`)).body.items;
      assert.ok(!suggested.some((s: {themeId: string}) => s.themeId === 'medicines'), 'and is not suggested');
      const trends = (await call(c, c.token, '/themes/trends?from=2026-01-01&to=2026-06-30')).body;
      assert.equal(trends.themes.find((t: {themeId: string}) => t.themeId === 'medicines').retired, true, 'and still counts in the trends');
      assert.equal((await call(c, c.token, '/themes/medicines', 'PATCH', {retired: false})).body.retiredAt, null);
      await call(c, c.token, '/themes/missed-or-late-visits', 'PATCH', {name: 'Visit times'});
      assert.equal((await call(c, c.token, `/submissions/${ref.a}/themes`)).body.items[0].name, 'Visit times', 'a tag shows the new name');
      assert.equal((await call(c, c.token, '/themes/no-such-theme', 'PATCH', {name: 'x'})).status, 404);
      const trail = (await auditWithoutReference(c)).map((e) => [e.actor, e.action, e.detail]);
      assert.deepEqual(trail, [
        ['tester', 'theme-create', 'night-time-checks'],
        ['tester', 'theme-update', 'night-time-checks: renamed'],
        ['tester', 'theme-update', 'medicines: retired'],
        ['tester', 'theme-update', 'medicines: brought back'],
        ['tester', 'theme-update', 'missed-or-late-visits: renamed'],
      ]);
    });

    it('takes an item’s tags with it when the item is erased', async () => {
      assert.equal((await call(c, c.token, `/submissions/${ref.a}`, 'DELETE')).status, 204);
      assert.deepEqual(await c.store.tagsFor(ref.a), []);
      const trends = (await call(c, c.token, '/themes/trends?from=2026-01-01&to=2026-06-30')).body;
      assert.deepEqual(trends.themes.find((t: {themeId: string}) => t.themeId === 'missed-or-late-visits').counts, [0, 1, 0, 1, 0, 0]);
      assert.equal((await call(c, c.token, `/submissions/${ref.a}/themes`)).status, 404);
    });

    it('takes the tags of purged feedback with it', async () => {
      // Today is 2026-12-10: 290 days back is 2026-02-23, after b (20 February) and before c (2 April).
      assert.equal((await call(c, c.token, '/purge', 'POST', {olderThan: '290d'})).status, 200);
      assert.deepEqual(await c.store.tagsFor(ref.b), []);
      assert.equal((await c.store.tagsFor(ref.c)).length, 2, 'later feedback keeps its tags');
    });
  });
}
