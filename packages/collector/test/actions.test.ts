// Improvement actions (issue #15) over real HTTP on both stores: what will change, who owns it, its due date
// and status, links to feedback and themes, "Needs attention" when overdue, starting a "You said, we did"
// item from a done action, a token for some services, erasure and the audit trail.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createToken} from '../src/tokens.js';
import {ENGINES, startCollector, type Running} from './helpers.js';
import {auditWithoutReference, call, seed} from './learning-helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`improvement actions (${engine})`, {skip}, () => {
    let c: Running;
    let north = ''; // a token for home-care-north only
    let a = '';
    let b = '';
    let south = '';
    let late = ''; // the first action: overdue
    const clock = new Date('2026-12-10T10:00:00Z'); // today is 2026-12-10
    const create = (body: unknown, token = c.token) => call(c, token, '/actions', 'POST', body);
    const change = (id: string, body: unknown, token = c.token) => call(c, token, `/actions/${id}`, 'PATCH', body);

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      north = (await createToken(c.store, 'north manager', clock, 'test', ['home-care-north'])).token;
      a = await seed(c, '2026-11-02T09:00:00.000Z', 'home-care-north', 'Carers keep coming late.');
      b = await seed(c, '2026-11-03T09:00:00.000Z', 'home-care-north', 'The morning visit was late.');
      south = await seed(c, '2026-11-04T09:00:00.000Z', 'home-care-south', 'Late again.');
    });
    after(() => c.close());

    it('records what will change, who owns it, when it is due and what it answers', async () => {
      const {status, body} = await create({
        change: 'Ring people when a carer will be more than 15 minutes late.',
        owner: 'Sam Patel, care co-ordinator',
        dueOn: '2026-12-01',
        references: [a, b.toLowerCase()],
        themes: ['missed-or-late-visits'],
      });
      assert.equal(status, 201);
      late = body.id;
      assert.equal(body.status, 'open', 'open unless told');
      assert.deepEqual(body.references.sort(), [a, b].sort(), 'references as the collector writes them');
      assert.deepEqual(body.themes, ['missed-or-late-visits']);
      assert.equal(body.overdue, true, 'due before today and not done');
      assert.equal(body.completedAt, null);
      assert.deepEqual((await call(c, c.token, `/actions/${late}`)).body, body, 'kept');
      const soon = await create({change: 'New rota software.', owner: 'Office manager', dueOn: '2027-01-31', themes: ['continuity-of-carers']});
      assert.equal(soon.body.overdue, false);
      assert.deepEqual((await call(c, c.token, '/actions')).body.items.map((x: {id: string}) => x.id), [late, soon.body.id], 'soonest due first');
    });

    it('explains what is wrong with an action, field by field', async () => {
      const {status, body} = await create({change: ' ', owner: 'x', dueOn: '2026-02-30', references: ['CF-0000-0000'], themes: ['no-such-theme'], colour: 'red'});
      assert.equal(status, 422);
      const paths = body.errors.map((e: {path: string}) => e.path).sort();
      assert.deepEqual(paths, ['', 'change', 'dueOn', 'references.0', 'themes.0']);
      const status2 = await create({change: 'x', owner: 'y', dueOn: '2027-01-01', status: 'finished'});
      assert.deepEqual(status2.body.errors.map((e: {path: string}) => e.path), ['status']);
      assert.equal((await call(c, c.token, '/actions?status=finished')).status, 400);
    });

    it('is not overdue on its due day', async () => {
      const today = await create({change: 'Check the rota.', owner: 'Office manager', dueOn: '2026-12-10'});
      assert.equal(today.body.overdue, false);
      assert.equal((await call(c, c.token, `/actions/${today.body.id}`, 'DELETE')).status, 204);
    });

    it('lists overdue actions in Needs attention until they are done', async () => {
      const attention = (await call(c, c.token, '/attention')).body;
      assert.deepEqual(attention.actions, [
        {id: late, change: 'Ring people when a carer will be more than 15 minutes late.', owner: 'Sam Patel, care co-ordinator', dueOn: '2026-12-01', status: 'open'},
      ]);
      assert.ok(Array.isArray(attention.items), 'the feedback list is still there');
      const moving = await change(late, {status: 'in-progress'});
      assert.equal(moving.body.overdue, true, 'in progress is still overdue');
      const done = await change(late, {status: 'done'});
      assert.equal(done.status, 200);
      assert.equal(done.body.completedAt, clock.toISOString());
      assert.equal(done.body.overdue, false);
      assert.deepEqual((await call(c, c.token, '/attention')).body.actions, []);
      assert.deepEqual((await call(c, c.token, '/actions?overdue=true')).body.items, []);
      assert.deepEqual((await call(c, c.token, '/actions?status=done')).body.items.map((x: {id: string}) => x.id), [late]);
      assert.deepEqual((await call(c, c.token, `/actions?reference=${a}`)).body.items.map((x: {id: string}) => x.id), [late]);
      assert.equal((await call(c, c.token, '/actions?theme=continuity-of-carers')).body.items.length, 1);
    });

    it('starts a "You said, we did" item from a done action, once', async () => {
      const open = await create({change: 'Tea at four.', owner: 'Cook', dueOn: '2027-02-01', references: [a]});
      const notYet = await call(c, c.token, `/actions/${open.body.id}/you-said-we-did`, 'POST', {youSaid: 'Tea was late.'});
      assert.equal(notYet.status, 409);
      const started = await call(c, c.token, `/actions/${late}/you-said-we-did`, 'POST', {youSaid: 'You told us carers came late without a word.'});
      assert.equal(started.status, 201);
      assert.equal(started.body.item.weDid, 'Ring people when a carer will be more than 15 minutes late.', 'what was done, from the action');
      assert.equal(started.body.item.published, false, 'for staff to check and publish');
      assert.equal(started.body.action.youSaidId, started.body.item.id);
      const item = await call(c, c.token, `/you-said-we-did/${started.body.item.id}`);
      assert.equal(item.status, 200);
      assert.equal(item.body.youSaid, 'You told us carers came late without a word.');
      assert.equal((await call(c, c.token, `/actions/${late}/you-said-we-did`, 'POST', {youSaid: 'Again.'})).status, 409);
      assert.equal((await call(c, c.token, `/actions/${open.body.id}/you-said-we-did`, 'POST', {})).status, 409, 'not done: that first');
      await call(c, c.token, `/actions/${open.body.id}`, 'DELETE');
    });

    it('moves back from done, changes links, and audits every change by id', async () => {
      const back = await change(late, {status: 'in-progress', dueOn: '2027-01-15'});
      assert.equal(back.body.completedAt, null);
      const relinked = await change(late, {references: [b]});
      assert.deepEqual(relinked.body.references, [b]);
      assert.deepEqual(relinked.body.themes, ['missed-or-late-visits'], 'themes unchanged when not sent');
      const unchanged = await change(late, {owner: 'Sam Patel, care co-ordinator'});
      assert.equal(unchanged.status, 200);
      const onA = (await call(c, c.token, `/submissions/${a}/audit`)).body.items.filter((e: {action: string; detail: string}) => e.action.startsWith('action-') && e.detail === late);
      assert.deepEqual(onA.map((e: {action: string; detail: string}) => [e.action, e.detail]), [['action-link', late], ['action-unlink', late]]);
      const trail = (await auditWithoutReference(c)).filter((e) => e.detail?.startsWith(late)).map((e) => [e.action, e.detail]);
      assert.deepEqual(trail, [
        ['action-create', late],
        ['action-update', `${late}: status`],
        ['action-update', `${late}: status`],
        ['action-you-said', trail[3]![1]],
        ['action-update', `${late}: dueOn, status`],
        ['action-update', `${late}: links`],
      ]);
      assert.ok(!JSON.stringify(await auditWithoutReference(c)).includes('Ring people'), 'the words stay out of the trail');
    });

    it('shows a token for some services only the actions about its services’ feedback', async () => {
      const mixed = await create({change: 'Shared rota.', owner: 'Area manager', dueOn: '2026-12-02', references: [a, south]});
      const southOnly = await create({change: 'South lunches.', owner: 'Cook', dueOn: '2026-12-03', references: [south]});
      const everyone = (await call(c, c.token, '/actions')).body.items.length;
      const seen = (await call(c, north, '/actions')).body.items.map((x: {id: string}) => x.id);
      assert.deepEqual(seen, [late], 'not the theme-only one, the mixed one or the south one');
      assert.ok(everyone >= 4);
      for (const id of [mixed.body.id, southOnly.body.id]) {
        assert.equal((await call(c, north, `/actions/${id}`)).status, 404);
        assert.equal((await change(id, {status: 'done'}, north)).status, 404);
        assert.equal((await call(c, north, `/actions/${id}`, 'DELETE')).status, 404);
      }
      assert.deepEqual((await call(c, north, '/attention')).body.actions, [], 'south’s overdue actions are not north’s');
      assert.equal((await call(c, c.token, '/attention')).body.actions.length, 2);
      const noLink = await create({change: 'x', owner: 'y', dueOn: '2027-01-01'}, north);
      assert.deepEqual([noLink.status, noLink.body.errors[0].path], [422, 'references']);
      const theirs = await create({change: 'x', owner: 'y', dueOn: '2027-01-01', references: [south]}, north);
      assert.deepEqual([theirs.status, theirs.body.errors[0].message], [422, 'No feedback has this reference.'], 'as if it did not exist');
      const own = await create({change: 'North rota.', owner: 'North manager', dueOn: '2027-01-01', references: [a]}, north);
      assert.equal(own.status, 201);
      const report = (await call(c, north, '/reports?from=2026-12-01&to=2026-12-31')).body;
      assert.deepEqual(report.actions, {opened: 2, completed: 0});
    });

    it('counts actions opened and completed in GET /v1/reports', async () => {
      await change(late, {status: 'done'});
      const {body} = await call(c, c.token, '/reports?from=2026-12-01&to=2026-12-31');
      const all = (await call(c, c.token, '/actions')).body.items;
      assert.deepEqual(body.actions, {opened: all.length, completed: 1});
      assert.deepEqual((await call(c, c.token, '/reports?from=2026-11-01&to=2026-11-30')).body.actions, {opened: 0, completed: 0});
    });

    it('keeps the action when linked feedback is erased, without the link', async () => {
      assert.equal((await call(c, c.token, `/submissions/${b}`, 'DELETE')).status, 204);
      const kept = await call(c, c.token, `/actions/${late}`);
      assert.equal(kept.status, 200);
      assert.deepEqual(kept.body.references, []);
      assert.deepEqual(kept.body.themes, ['missed-or-late-visits']);
    });

    it('takes purged feedback off its actions', async () => {
      const before = (await call(c, c.token, `/actions?reference=${a}`)).body.items as Array<{id: string; references: string[]}>;
      assert.ok(before.length > 0);
      // Today is 2026-12-10: 37 days back is 2026-11-03 10:00, after a (2 November 09:00) and before south.
      assert.equal((await call(c, c.token, '/purge', 'POST', {olderThan: '37d'})).status, 200);
      for (const action of before) {
        const after = (await call(c, c.token, `/actions/${action.id}`)).body as {references: string[]};
        assert.ok(!after.references.includes(a), 'the purged reference is gone');
      }
      assert.deepEqual((await call(c, c.token, `/actions?reference=${a}`)).body.items, []);
    });

    it('deletes an action', async () => {
      assert.equal((await call(c, c.token, `/actions/${late}`, 'DELETE')).status, 204);
      assert.equal((await call(c, c.token, `/actions/${late}`)).status, 404);
      assert.equal((await call(c, c.token, '/actions/not-an-id')).status, 404);
    });
  });
}
