// The provider's side of the involvement register (#16) over real HTTP, on both stores: the log of who
// took part in what and the expenses paid, the invitation list as CSV for a mail merge, service
// scoping, the audit trail, and erasure and retention taking the log with the person.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {exampleInvolvement, type Involvement} from '@care-feedback/core';
import type {InvolvementLogEntry, InvolvementLogList} from '@care-feedback/core/provider';
import {createToken} from '@care-feedback/collector';
import {authed, ENGINES, startCollector, type Running} from './helpers.js';

const signUp = (overrides: Partial<Involvement> = {}): Involvement =>
  exampleInvolvement({id: randomUUID(), ...overrides});

/** Reads RFC 4180 CSV: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}

for (const {engine, skip} of ENGINES) {
  describe(`involvement log and invitation list (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine);
    });
    after(() => c.close());

    const join = async (overrides: Partial<Involvement> = {}) => {
      const response = await fetch(`${c.api}/involvement`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(signUp(overrides)),
      });
      assert.equal(response.status, 201);
      return ((await response.json()) as {reference: string}).reference;
    };
    const addLog = (reference: string, body: unknown, init: RequestInit = {}) =>
      fetch(`${c.api}/involvement/${reference}/log`, authed(c, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      }));
    const readLog = async (reference: string) =>
      (await (await fetch(`${c.api}/involvement/${reference}/log`, authed(c))).json()) as InvolvementLogList;
    const csv = async (query = '') => {
      const response = await fetch(`${c.api}/involvement.csv${query}`, authed(c));
      assert.equal(response.status, 200);
      return {response, rows: parseCsv(await response.text())};
    };

    it('logs who took part in what and the expenses paid, the day they took part first, with a total', async () => {
      const reference = await join();
      assert.deepEqual(await readLog(reference), {reference, items: [], expensesPence: 0});
      const later = await addLog(reference, {activity: 'Interview panel for a new manager', way: 'interviews', date: '2026-03-14', expensesPence: 1250, note: 'Bus fare both ways'});
      assert.equal(later.status, 201);
      const entry = (await later.json()) as InvolvementLogEntry;
      assert.equal(entry.reference, reference);
      assert.equal(entry.recordedBy, 'tester');
      assert.match(entry.id, /^[0-9a-f-]{36}$/);
      const earlier = await addLog(reference, {activity: 'Read the new leaflet', date: '2026-02-01', expensesPence: 0});
      assert.equal(earlier.status, 201);
      const log = await readLog(reference);
      assert.deepEqual(log.items.map((i) => i.activity), ['Read the new leaflet', 'Interview panel for a new manager']);
      assert.equal(log.expensesPence, 1250);
      assert.deepEqual(log.items[1], entry);
      const audit = (await c.store.auditFor(reference)).map((a) => a.action);
      assert.ok(audit.includes('involvement-log-add') && audit.includes('involvement-log-read'), audit.join());
      const added = (await c.store.auditFor(reference)).find((a) => a.action === 'involvement-log-add')!;
      assert.ok(!JSON.stringify(added).includes('Interview panel'), 'the audit holds no words of the entry');
    });

    it('keeps hostile text in the log byte for byte', async () => {
      const reference = await join();
      const activity = 'Zürich 🙂 <script>x</script> \u202e مرحبا \u0000 "; DROP TABLE involvement_log; --';
      assert.equal((await addLog(reference, {activity, date: '2026-01-05', expensesPence: 0, note: '=SUM(A1)'})).status, 201);
      const [item] = (await readLog(reference)).items;
      assert.equal(item!.activity, activity);
      assert.equal(item!.note, '=SUM(A1)');
    });

    it('refuses a bad entry with each field named in plain words, and stores nothing', async () => {
      const reference = await join();
      const bad = await addLog(reference, {activity: ' ', way: 'dancing', date: '2026-02-30', expensesPence: 12.5, note: 'x'.repeat(1001)});
      assert.equal(bad.status, 422);
      const {errors} = (await bad.json()) as {errors: Array<{path: string; message: string}>};
      assert.deepEqual(errors.map((e) => e.path), ['activity', 'way', 'date', 'expensesPence', 'note']);
      assert.ok(errors.every((e) => e.message.length > 10));
      assert.equal((await addLog(reference, {activity: 'x', date: '2026-01-01', expensesPence: -1})).status, 422);
      assert.equal((await addLog(reference, '{nope')).status, 400);
      assert.equal((await addLog(reference, '[1]')).status, 400);
      assert.equal((await addLog(reference, {activity: 'x'.repeat(20_000), date: '2026-01-01'})).status, 413);
      assert.equal((await addLog(reference, 'x', {headers: {'content-type': 'text/plain'}})).status, 415);
      assert.equal((await addLog('GI-2222-2222', {activity: 'x', date: '2026-01-01'})).status, 404);
      assert.equal((await addLog('nonsense', {activity: 'x', date: '2026-01-01'})).status, 404);
      const put = await fetch(`${c.api}/involvement/${reference}/log`, authed(c, {method: 'PUT'}));
      assert.equal(put.status, 405);
      const noToken = await fetch(`${c.api}/involvement/${reference}/log`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{}'});
      assert.equal(noToken.status, 401);
      assert.equal((await fetch(`${c.api}/involvement/${reference}/log`)).status, 401);
      assert.deepEqual((await readLog(reference)).items, []);
    });

    it('the invitation list gives each person only the contact they chose, their format, filtered, formula-safe', async () => {
      const service = `invite-${engine}`;
      const post = await join({
        service,
        ways: ['panel'],
        topics: ['Food'],
        support: ['transport'],
        communicationNeeds: ['easy-read', 'large-print'],
        contact: {name: '=HYPERLINK("http://evil.example","x")', email: 'post@example.org', phone: '01632 960001', address: '1 High Street\nLeeds', preferredMethod: 'post'},
      });
      const email = await join({
        service,
        ways: ['meetings'],
        topics: ['Visit times'],
        contact: {name: 'Bea', email: 'bea@example.org', phone: '01632 960002', preferredMethod: 'email'},
      });
      const gone = await join({service, ways: ['panel'], contact: {name: 'Cal', phone: '01632 960003', preferredMethod: 'phone'}});
      assert.equal((await fetch(`${c.api}/involvement/${gone}/leave`, {method: 'POST'})).status, 200);

      const {response, rows} = await csv();
      assert.match(response.headers.get('content-type')!, /^text\/csv/);
      assert.match(response.headers.get('content-disposition')!, /attachment; filename="care-feedback-invitations.csv"/);
      const [head, ...body] = rows;
      assert.deepEqual(head!.slice(0, 7), ['Reference', 'Name', 'Contact by', 'Email', 'Phone', 'Address', 'Format needed']);
      const byRef = new Map(body.map((row) => [row[0], Object.fromEntries(head!.map((h, i) => [h, row[i]]))]));
      assert.ok(!byRef.has(gone), 'someone who left is not invited');
      const letter = byRef.get(post)!;
      assert.equal(letter['Name'], `'=HYPERLINK("http://evil.example","x")`, 'a formula is made plain text');
      assert.equal(letter['Contact by'], 'Post');
      assert.equal(letter['Address'], '1 High Street\nLeeds');
      assert.equal(letter['Email'], '', 'only the way they chose');
      assert.equal(letter['Phone'], '');
      assert.equal(letter['Format needed'], 'Easy read; Large print');
      assert.equal(letter['Help needed'], 'Transport');
      const mail = byRef.get(email)!;
      assert.equal(mail['Email'], 'bea@example.org');
      assert.equal(mail['Address'], '');

      const letters = (await csv(`?method=post`)).rows.slice(1).map((r) => r[0]);
      assert.ok(letters.includes(post) && !letters.includes(email), 'method=post lists only people who want letters');
      const panel = (await csv('?way=panel')).rows.slice(1).map((r) => r[0]);
      assert.ok(panel.includes(post) && !panel.includes(email));
      const visits = (await csv('?topic=visit%20times')).rows.slice(1).map((r) => r[0]);
      assert.ok(visits.includes(email) && !visits.includes(post));
      const transport = (await csv('?support=transport')).rows.slice(1).map((r) => r[0]);
      assert.deepEqual(transport, [post]);

      const bad = await fetch(`${c.api}/involvement.csv?method=pigeon&way=dancing`, authed(c));
      assert.equal(bad.status, 400);
      const {errors} = (await bad.json()) as {errors: Array<{path: string}>};
      assert.deepEqual(errors.map((e) => e.path).sort(), ['query.method', 'query.way']);
      assert.equal((await fetch(`${c.api}/involvement.csv`)).status, 401);
      assert.equal((await fetch(`${c.api}/involvement.csv`, authed(c, {method: 'POST'}))).status, 405);
      assert.ok((await c.store.auditFor(post)).some((a) => a.action === 'involvement-invitations'));
    });

    it('a token for some services sees and logs only their sign-ups, in the log and the invitation list', async () => {
      const north = await join({service: 'north-only'});
      const south = await join({service: 'south-only'});
      const {token} = await createToken(c.store, 'south-staff', new Date(), 'test', ['south-only']);
      const limited = (init: RequestInit = {}) => ({...init, headers: {authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>)}});
      const entry = {activity: 'Coffee morning', date: '2026-04-01', expensesPence: 300};
      const post = (reference: string) =>
        fetch(`${c.api}/involvement/${reference}/log`, limited({method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(entry)}));
      assert.equal((await post(south)).status, 201);
      assert.equal((await post(north)).status, 404);
      assert.equal((await fetch(`${c.api}/involvement/${north}/log`, limited())).status, 404);
      const rows = parseCsv(await (await fetch(`${c.api}/involvement.csv`, limited())).text()).slice(1).map((r) => r[0]);
      assert.deepEqual(rows, [south]);
    });

    it('erasing a person removes their log; a purge removes the log with the sign-up', async () => {
      const reference = await join();
      assert.equal((await addLog(reference, {activity: 'Panel', date: '2026-03-01', expensesPence: 500})).status, 201);
      assert.equal((await fetch(`${c.api}/involvement/${reference}`, authed(c, {method: 'DELETE'}))).status, 204);
      assert.deepEqual(await c.store.listInvolvementLog(reference), []);
      assert.equal((await fetch(`${c.api}/involvement/${reference}/log`, authed(c))).status, 404);

      const kept = await join();
      assert.equal((await addLog(kept, {activity: 'Panel', date: '2026-03-01', expensesPence: 500})).status, 201);
      // Leaving keeps the log (how they helped still counts; it holds no contact details).
      assert.equal((await fetch(`${c.api}/involvement/${kept}/leave`, {method: 'POST'})).status, 200);
      assert.equal((await readLog(kept)).items.length, 1);
      await c.store.purge(new Date(Date.now() + 60_000).toISOString());
      assert.deepEqual(await c.store.listInvolvementLog(kept), []);
    });
  });
}
