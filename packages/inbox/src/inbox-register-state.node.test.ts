// The involvement register's state in Node (#16): what it asks the collector for, how it reads pounds,
// how it checks the log form in the inbox's own words, and one whole round against a real collector
// over HTTP: list, filter, page, open a person, add to their log, erase them, download the invitation list.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import {exampleInvolvement, type Involvement} from '@care-feedback/core';
import {createToken, serve, type Serving} from '@care-feedback/collector';
import {InboxApi} from './inbox-api.js';
import {inboxStrings, type InboxStrings} from './inbox-strings.js';
import {poundsToPence, readLogDraft, RegisterState, type RegisterHost} from './inbox-register-state.js';

const t = (key: keyof InboxStrings & string, values: Record<string, string | number> = {}) =>
  inboxStrings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

/** A host like the inbox controller's, that records what the state asked for. */
function host(api?: InboxApi, pageSize = 20) {
  const seen = {announced: [] as string[], focused: [] as string[], files: [] as Array<{blob: Blob; name: string}>};
  const h: RegisterHost = {
    api: () => api,
    t,
    announce: (message) => seen.announced.push(message),
    explain: (error) => `failed: ${String(error)}`,
    focus: (id) => seen.focused.push(id),
    saveFile: (blob, name) => seen.files.push({blob, name}),
    pageSize: () => pageSize,
  };
  return {h, seen};
}

describe('the register state, on its own', () => {
  it('reads pounds as typed into whole pence, and refuses what is not an amount', () => {
    assert.equal(poundsToPence(''), 0);
    assert.equal(poundsToPence('  '), 0);
    assert.equal(poundsToPence('12'), 1200);
    assert.equal(poundsToPence('12.5'), 1250);
    assert.equal(poundsToPence('£12.50'), 1250);
    assert.equal(poundsToPence('£1,200.05'), 120005);
    assert.equal(poundsToPence('10000'), 1_000_000);
    for (const wrong of ['10000.01', '12.505', '-3', 'ten', '1e3', '12,5', '.5'])
      assert.equal(poundsToPence(wrong), undefined, wrong);
  });

  it('checks the log form and names each wrong field in plain words', () => {
    const read = readLogDraft({activity: ' ', way: 'dancing', date: '2026-02-30', expenses: '12.345', note: 'x'.repeat(1001)}, t);
    assert.deepEqual(read.problems?.map((p) => p.field), ['log-activity', 'log-way', 'log-date', 'log-expenses', 'log-note']);
    assert.equal(read.problems?.[3]?.message, inboxStrings.logExpensesWrong);
    const good = readLogDraft({activity: 'Interview panel', way: 'interviews', date: '2026-03-14', expenses: '£7.20', note: ''}, t);
    assert.deepEqual(good.entry, {activity: 'Interview panel', way: 'interviews', date: '2026-03-14', expensesPence: 720});
  });

  it('asks for the filters set, the page size and no more; the invitation list adds the contact method', async () => {
    const {h} = host(undefined, 7);
    const state = new RegisterState(h);
    assert.deepEqual(Object.fromEntries(state.query()), {limit: '7'});
    await state.setFilters({way: 'panel', topic: '  visit times ', support: 'transport'});
    assert.deepEqual(Object.fromEntries(state.query()), {way: 'panel', topic: 'visit times', support: 'transport', limit: '7'});
    state.setMethod('post');
    assert.deepEqual(Object.fromEntries(state.invitationQuery()), {way: 'panel', topic: 'visit times', support: 'transport', method: 'post'});
  });
});

describe('the register state against a real collector', () => {
  let serving: Serving;
  let dir: string;
  let api: InboxApi;
  const references: string[] = [];
  const signUp = async (overrides: Partial<Involvement>) => {
    const response = await fetch(`${serving.url}/v1/involvement`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(exampleInvolvement({id: randomUUID(), ...overrides})),
    });
    assert.equal(response.status, 201);
    return ((await response.json()) as {reference: string}).reference;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-register-state-'));
    serving = await serve({port: 0, host: '127.0.0.1', db: join(dir, 'feedback.db'), log: false});
    const {token} = await createToken(await serving.collector.store(), 'Pat at the office');
    api = new InboxApi(`${serving.url}/v1`, token);
    references.push(await signUp({ways: ['panel'], topics: ['Food'], contact: {name: 'Ada', address: '1 High Street', preferredMethod: 'post'}}));
    references.push(await signUp({ways: ['meetings'], topics: ['Visit times'], contact: {name: 'Bo', email: 'bo@example.org', preferredMethod: 'email'}}));
    references.push(await signUp({ways: ['panel', 'surveys'], topics: ['Gardens'], support: ['online'], contact: {name: 'Cy', phone: '01632 960000', preferredMethod: 'phone'}}));
  });
  after(async () => {
    await serving.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('lists, filters and pages through the people, newest first', async () => {
    const {h, seen} = host(api, 2);
    const state = new RegisterState(h);
    let changes = 0;
    state.subscribe(() => changes++);
    await state.load();
    assert.ok(changes >= 2, 'says when it starts and finishes loading');
    assert.deepEqual(state.items.map((p) => p.reference), [references[2], references[1]]);
    assert.ok(state.nextCursor);
    await state.nextPage();
    assert.deepEqual(state.items.map((p) => p.reference), [references[0]]);
    assert.equal(state.pageIndex, 1);
    await state.previousPage();
    assert.deepEqual(state.items.map((p) => p.reference), [references[2], references[1]]);
    await state.setFilters({way: 'panel', topic: '', support: ''});
    assert.deepEqual(state.items.map((p) => p.reference), [references[2], references[0]]);
    await state.setFilters({way: '', topic: 'VISIT TIMES', support: ''});
    assert.deepEqual(state.items.map((p) => p.reference), [references[1]]);
    assert.equal(seen.announced.at(-1), t('registerCount', {count: 1}));
  });

  it('opens a person, refuses a bad log entry keeping what was typed, then adds one and shows the total', async () => {
    const {h, seen} = host(api);
    const state = new RegisterState(h);
    await state.open(references[0]!);
    assert.equal(state.mode, 'person');
    assert.equal(state.person?.signUp.contact?.name, 'Ada');
    assert.equal(state.log?.items.length, 0);
    const bad = {activity: 'Panel meeting', way: '', date: 'soon', expenses: '4.50', note: ''};
    await state.addToLog(bad);
    assert.deepEqual(state.problems.map((p) => p.field), ['log-date']);
    assert.deepEqual(state.draft, bad, 'what was typed is kept');
    assert.equal(seen.focused.at(-1), 'log-errors');
    await state.addToLog({...bad, date: '2026-03-14'});
    assert.deepEqual(state.problems, []);
    assert.equal(state.log?.items[0]?.activity, 'Panel meeting');
    assert.equal(state.log?.items[0]?.recordedBy, 'Pat at the office');
    assert.equal(state.log?.expensesPence, 450);
    assert.equal(state.draft.activity, '', 'the form is empty for the next entry');
    assert.equal(seen.announced.at(-1), inboxStrings.logSaved);
  });

  it('downloads the invitation list for the people shown, by the chosen method', async () => {
    const {h, seen} = host(api);
    const state = new RegisterState(h);
    await state.setFilters({way: 'panel', topic: '', support: ''});
    state.setMethod('phone');
    await state.downloadInvitations();
    assert.equal(seen.files.length, 1);
    assert.match(seen.files[0]!.name, /^invitations-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await seen.files[0]!.blob.text();
    assert.ok(csv.includes(references[2]!) && !csv.includes(references[0]!) && !csv.includes(references[1]!), csv);
  });

  it('erases a person only once asked and confirmed; one already gone is said, and they stay on the question', async () => {
    const response = await fetch(`${serving.url}/v1/involvement`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(exampleInvolvement({id: randomUUID(), contact: {name: 'Di', email: 'di@example.org', preferredMethod: 'email'}})),
    });
    const {reference} = (await response.json()) as {reference: string};
    const {h, seen} = host(api);
    const state = new RegisterState(h);
    await state.open(reference);
    state.askErase();
    assert.equal(state.confirmingErase, true);
    assert.equal(seen.focused.at(-1), 'erase-person-heading');
    state.cancelErase();
    assert.equal(state.confirmingErase, false);
    assert.equal(seen.focused.at(-1), 'erase-person');
    state.askErase();
    await state.erase();
    assert.equal(state.mode, 'list');
    assert.equal(state.erased, t('personErased', {reference}));
    assert.equal(seen.focused.at(-1), 'register-erased');
    assert.ok(!state.items.some((person) => person.reference === reference));

    // Someone else erased them first: the question stays, with the reason.
    const other = new RegisterState(host(api).h);
    const again = await fetch(`${serving.url}/v1/involvement`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(exampleInvolvement({id: randomUUID()})),
    });
    const second = ((await again.json()) as {reference: string}).reference;
    await other.open(second);
    other.askErase();
    await api.request(`/involvement/${second}`, {method: 'DELETE'});
    await other.erase();
    assert.equal(other.confirmingErase, true);
    assert.equal(other.mode, 'person');
    assert.match(other.eraseError, /^failed: /);
  });

  it('says what went wrong when the collector refuses', async () => {
    const {h} = host(new InboxApi(`${serving.url}/v1`, 'not-a-token'));
    const state = new RegisterState(h);
    await state.load();
    assert.match(state.error, /^failed: /);
    assert.deepEqual(state.items, []);
  });
});
