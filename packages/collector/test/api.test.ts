// The HTTP API of DESIGN.md, row by row, over real HTTP on loopback, on SQLite and on PostgreSQL.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {canonicalSubmissionJson} from '@care-feedback/core';
import {REFERENCE_PATTERN, type StoredRecord} from '@care-feedback/collector';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`collector HTTP API on ${engine}`, {skip}, () => {
    let c: Running;
    let clock: Date | undefined;
    before(async () => {
      c = await startCollector(engine, {now: () => clock ?? new Date()});
    });
    after(() => c?.close());

    const get = (path: string, init: RequestInit = {}) => fetch(`${c.api}${path}`, authed(c, init));
    const patch = (reference: string, body: unknown) =>
      get(`/submissions/${reference}`, {
        method: 'PATCH',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(body),
      });

    it('POST stores a submission and answers 201 {id, reference, receivedAt} once it is stored', async () => {
      const sent = submission();
      const response = await post(c.api, sent);
      assert.equal(response.status, 201);
      const answer = await response.json();
      assert.deepEqual(Object.keys(answer).sort(), ['id', 'receivedAt', 'reference']);
      assert.equal(answer.id, sent.id);
      assert.match(answer.reference, REFERENCE_PATTERN);
      assert.ok(Math.abs(Date.parse(answer.receivedAt) - Date.now()) < 60_000);
      const stored = await c.store.get(answer.reference);
      assert.equal(stored?.status, 'received');
      assert.equal(canonicalSubmissionJson(stored!.submission), canonicalSubmissionJson(sent));
    });

    it('the same id and body again answers 200 with the first answer (key order and unknown fields aside)', async () => {
      const sent = submission();
      const first = await (await post(c.api, sent)).json();
      const reordered = {
        surprise: 'ignored',
        ...Object.fromEntries(Object.entries(sent).reverse()),
      };
      const again = await post(c.api, reordered);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), first);
    });

    it('the same id with another body answers 409 problem+json and keeps the first', async () => {
      const sent = submission();
      const first = await (await post(c.api, sent)).json();
      const other = await post(c.api, {...sent, message: 'Something else entirely.'});
      assert.equal(other.status, 409);
      assert.match(other.headers.get('content-type')!, /^application\/problem\+json/);
      assert.equal((await c.store.get(first.reference))!.submission.message, sent.message);
    });

    it('a hundred concurrent requests with one id store one row and all get the same answer', async () => {
      const sent = submission({service: `concurrent-${engine}`});
      const responses = await Promise.all(Array.from({length: 100}, () => post(c.api, sent)));
      const statuses = responses.map((r) => r.status).sort();
      assert.equal(statuses.filter((s) => s === 201).length, 1, `statuses: ${statuses}`);
      assert.equal(statuses.filter((s) => s === 200).length, 99);
      const answers = await Promise.all(responses.map((r) => r.json()));
      assert.equal(new Set(answers.map((a) => a.reference)).size, 1);
      const page = await c.store.list({service: `concurrent-${engine}`}, 500);
      assert.equal(page.items.length, 1);
    });

    it('quarantines a filled honeypot and an implausibly fast submission, with the same success answer', async () => {
      for (const [spam, reason] of [
        [{hp: 'http://spam.example', elapsedMs: 60_000}, 'honeypot'],
        [{hp: '', elapsedMs: 400}, 'too-fast'],
      ] as const) {
        const response = await post(c.api, submission({spam}));
        assert.equal(response.status, 201);
        const answer = await response.json();
        assert.deepEqual(Object.keys(answer).sort(), ['id', 'receivedAt', 'reference']);
        const stored = await c.store.get(answer.reference);
        assert.equal(stored?.status, 'quarantined');
        assert.equal(stored?.spamReason, reason);
      }
    });

    it('GET /v1/health answers 200 {"status":"ok"}', async () => {
      const response = await fetch(`${c.api}/health`);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), {status: 'ok'});
    });

    it('answers 400 for a body that is not JSON, 415 for other types, 413 over the limit, 422 naming each field', async () => {
      const bad = await post(c.api, '{"schemaVersion": 1,');
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type')!, /^application\/problem\+json/);
      const typed = await post(c.api, JSON.stringify(submission()), {'content-type': 'text/plain'});
      assert.equal(typed.status, 415);
      assert.match(typed.headers.get('content-type')!, /^application\/problem\+json/);
      const big = await post(
        c.api,
        JSON.stringify({...submission(), padding: 'x'.repeat(70 * 1024)}),
      );
      assert.equal(big.status, 413);
      assert.match(big.headers.get('content-type')!, /^application\/problem\+json/);
      const invalid = await post(c.api, {
        ...submission(),
        kind: 'moan',
        contact: {preferredMethod: 'email'},
        consent: {store: false},
      });
      assert.equal(invalid.status, 422);
      assert.match(invalid.headers.get('content-type')!, /^application\/problem\+json/);
      const problem = await invalid.json();
      assert.equal(problem.status, 422);
      assert.deepEqual(problem.errors.map((e: {path: string}) => e.path).sort(), [
        'consent.store',
        'contact.email',
        'kind',
      ]);
      for (const error of problem.errors) assert.ok(error.message.length > 5);
    });

    it('takes NUL and other odd characters anywhere without a 5xx, and keeps them byte for byte', async () => {
      const odd = 'a\u0000b\ud800c\u202e\u0007';
      const service = `svc\u0000\u202e\u0007-${engine}`;
      const sent = submission({
        service,
        message: odd,
        contact: {name: odd, preferredMethod: 'none'},
      });
      const created = await post(c.api, sent);
      assert.equal(created.status, 201);
      const {reference} = await created.json();
      const record = await (await get(`/submissions/${reference}`)).json();
      assert.equal(
        record.submission.message,
        odd,
        'JSON escapes carry even a lone surrogate exactly',
      );
      assert.equal(record.submission.contact.name, odd);
      assert.equal(record.service, service);
      const listed = await get(`/submissions?service=${encodeURIComponent(service)}`);
      assert.equal(listed.status, 200);
      assert.ok((await listed.json()).items.some((r: StoredRecord) => r.reference === reference));
      for (const path of [
        `/submissions?cursor=${Buffer.from(JSON.stringify(['\u0000', '\u0000'])).toString('base64url')}`,
        `/stats?service=%00`,
        `/export.csv?service=%00`,
        `/tokens/%00`,
        `/submissions/%00`,
      ]) {
        const response = await get(path, path.startsWith('/tokens') ? {method: 'DELETE'} : {});
        await response.arrayBuffer();
        assert.ok(response.status < 500, `${path}: ${response.status}`);
      }
      const named = await get('/tokens', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({name: 'a\u0000b'}),
      });
      assert.equal(named.status, 422);
      const noted = await patch(reference, {note: odd});
      assert.equal(noted.status, 200);
      assert.equal((await noted.json()).notes[0].text, odd);
    });

    it('the provider API answers 401 without a valid token', async () => {
      for (const headers of [
        {} as Record<string, string>,
        {authorization: 'Bearer nope'},
        {authorization: `Bearer ${c.token}x`},
        {authorization: c.token},
      ]) {
        for (const path of [
          '/submissions',
          '/submissions/CF-2345-6789',
          '/export.csv',
          '/export.ndjson',
          '/stats',
          '/tokens',
        ]) {
          const response = await fetch(`${c.api}${path}`, {headers});
          assert.equal(response.status, 401, `${path} ${JSON.stringify(headers)}`);
          assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
        }
      }
    });

    it('lists with filters (kind, status, service, dates, quarantined) and cursor paging', async () => {
      const service = `list-${engine}`;
      const made: string[] = [];
      const kinds = [
        'complaint',
        'compliment',
        'comment',
        'complaint',
        'suggestion',
        'concern',
        'complaint',
      ] as const;
      for (const [i, kind] of kinds.entries()) {
        clock = new Date(Date.UTC(2026, 9, 1 + i, 10));
        const spam = i === 6 ? {hp: 'bot', elapsedMs: 10} : {hp: '', elapsedMs: 40_000};
        made.push((await (await post(c.api, submission({kind, service, spam}))).json()).reference);
      }
      clock = undefined;
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await get(
          `/submissions?service=${service}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(response.status, 200);
        const page = await response.json();
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((r: StoredRecord) => r.reference));
        cursor = page.next;
        pages++;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, [...made].reverse(), 'newest first, each once');
      const refs = async (query: string) =>
        (await (await get(`/submissions?service=${service}&${query}`)).json()).items
          .map((r: StoredRecord) => r.reference)
          .sort();
      assert.deepEqual(await refs('kind=complaint'), [made[0], made[3], made[6]].sort());
      assert.deepEqual(await refs('kind=compliment,comment'), [made[1], made[2]].sort());
      assert.deepEqual(await refs('quarantined=true'), [made[6]]);
      assert.equal((await refs('quarantined=false')).length, 6);
      assert.deepEqual(await refs('status=quarantined'), [made[6]]);
      assert.deepEqual(await refs('from=2026-10-02&to=2026-10-03'), [made[1], made[2]].sort());
      assert.deepEqual((await (await get('/submissions?service=nothing-here')).json()).items, []);
      const bad = await get('/submissions?kind=moan&from=yesterday&limit=0&cursor=zzz');
      assert.equal(bad.status, 400);
      assert.deepEqual((await bad.json()).errors.map((e: {path: string}) => e.path).sort(), [
        'query.cursor',
        'query.from',
        'query.kind',
        'query.limit',
      ]);
    });

    it('gets one by reference (typed loosely too), and 404 for an unknown one', async () => {
      const sent = submission();
      const {reference} = await (await post(c.api, sent)).json();
      const response = await get(`/submissions/${reference}`);
      assert.equal(response.status, 200);
      const record = await response.json();
      assert.equal(record.reference, reference);
      assert.equal(record.submission.message, sent.message);
      assert.equal(
        (await get(`/submissions/${reference.toLowerCase().replace(/-/g, ' ')}`)).status,
        200,
      );
      assert.equal((await get('/submissions/CF-2222-2222')).status, 404);
      assert.equal((await get('/submissions/%E0%A4%A')).status, 404);
    });

    it('moves a complaint received → acknowledged → investigating → resolved → closed with times and notes', async () => {
      const {reference} = await (await post(c.api, submission({kind: 'complaint'}))).json();
      let record = await (
        await patch(reference, {status: 'acknowledged', note: 'Rang Sam back.'})
      ).json();
      assert.equal(record.status, 'acknowledged');
      assert.ok(record.acknowledgedAt);
      assert.deepEqual(
        record.notes.map((n: {text: string; by: string}) => [n.text, n.by]),
        [['Rang Sam back.', 'tester']],
      );
      for (const status of ['investigating', 'resolved', 'closed']) {
        const response = await patch(reference, {status});
        assert.equal(response.status, 200);
        record = await response.json();
        assert.equal(record.status, status);
        assert.ok(record[`${status}At`]);
      }
      const back = await patch(reference, {status: 'received'});
      assert.equal(back.status, 409);
      assert.equal((await patch(reference, {status: 'done'})).status, 422);
      assert.equal((await patch(reference, {})).status, 422);
      assert.equal((await patch(reference, {note: ''})).status, 422);
      assert.equal((await patch('CF-2222-2222', {status: 'closed'})).status, 404);
      const spam = await (await post(c.api, submission({spam: {hp: 'x'}}))).json();
      const released = await patch(spam.reference, {status: 'received'});
      assert.equal((await released.json()).status, 'received');
    });

    it('gives complaints an acknowledgement day 3 working days on, skipping weekends and bank holidays, and flags it overdue', async () => {
      clock = new Date('2026-12-24T10:00:00Z'); // Thursday; Fri 25 and Mon 28 are bank holidays
      const service = `due-${engine}`;
      const complaint = await (await post(c.api, submission({kind: 'complaint', service}))).json();
      const comment = await (await post(c.api, submission({kind: 'comment', service}))).json();
      clock = new Date('2026-12-31T16:00:00Z');
      let record = await (await get(`/submissions/${complaint.reference}`)).json();
      assert.equal(record.ackDueAt, '2026-12-31');
      assert.equal(record.overdue, false);
      assert.equal((await (await get(`/submissions/${comment.reference}`)).json()).ackDueAt, null);
      clock = new Date('2027-01-01T09:00:00Z');
      record = await (await get(`/submissions/${complaint.reference}`)).json();
      assert.equal(record.overdue, true);
      const overdue = await (await get(`/submissions?service=${service}&overdue=true`)).json();
      assert.deepEqual(
        overdue.items.map((r: StoredRecord) => r.reference),
        [complaint.reference],
      );
      await patch(complaint.reference, {status: 'acknowledged'});
      assert.equal(
        (await (await get(`/submissions/${complaint.reference}`)).json()).overdue,
        false,
      );
      clock = undefined;
    });

    it('DELETE erases a submission completely; the audit keeps who and when, never content', async () => {
      const sent = submission({message: 'ERASE-ME-CANARY please'});
      const {reference} = await (await post(c.api, sent)).json();
      await get(`/submissions/${reference}`);
      const erased = await get(`/submissions/${reference}`, {method: 'DELETE'});
      assert.equal(erased.status, 204);
      assert.equal((await get(`/submissions/${reference}`)).status, 404);
      assert.equal((await get(`/submissions/${reference}`, {method: 'DELETE'})).status, 404);
      const exported = await (await get('/export.ndjson')).text();
      assert.ok(!exported.includes('ERASE-ME-CANARY'));
      const audit = await (await get(`/submissions/${reference}/audit`)).json();
      assert.deepEqual(
        audit.items.map((a: {action: string}) => a.action),
        ['read', 'erase'],
      );
      assert.ok(audit.items.every((a: {actor: string}) => a.actor === 'tester'));
      assert.ok(!JSON.stringify(audit).includes('ERASE-ME'));
      // The same id may be sent again afterwards and is a new submission.
      assert.equal((await post(c.api, sent)).status, 201);
    });

    it('audits every read and change through the provider API, without content', async () => {
      const sent = submission({message: 'AUDIT-CANARY text'});
      const {reference} = await (await post(c.api, sent)).json();
      await get(`/submissions/${reference}`);
      await patch(reference, {status: 'acknowledged', note: 'AUDIT-CANARY note'});
      await get(`/submissions?service=${sent.service}&limit=500`);
      const response = await get(`/submissions/${reference}/audit`);
      assert.equal(response.status, 200);
      const {items} = await response.json();
      assert.deepEqual(
        items.map((a: {action: string}) => a.action),
        ['read', 'update', 'list'],
      );
      assert.equal(items[1].detail, 'received→acknowledged; note added');
      for (const a of items) {
        assert.equal(a.actor, 'tester');
        assert.equal(a.reference, reference);
        assert.ok(!Number.isNaN(Date.parse(a.at)));
      }
      assert.ok(!JSON.stringify(items).includes('CANARY'));
    });

    it('exports the filtered set as CSV with formula cells neutralised, and as NDJSON', async () => {
      const service = `export-${engine}`;
      const hostile = [
        '=HYPERLINK("http://evil.example","x")',
        '+1+1',
        '-2+3',
        '@SUM(A1)',
        '\tTAB',
        '\rCR',
        'plain "quoted", text',
      ];
      for (const message of hostile) await post(c.api, submission({service, message}));
      const csv = await get(`/export.csv?service=${service}`);
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /^text\/csv/);
      assert.match(csv.headers.get('content-disposition')!, /attachment/);
      const text = await csv.text();
      const rows = text
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .filter(Boolean);
      // A CR inside a quoted cell splits that row in two here; count data rows by their reference.
      assert.equal(text.match(/"CF-[A-Z0-9]{4}-[A-Z0-9]{4}"/g)!.length, hostile.length);
      assert.match(rows[0]!, /^"reference","receivedAt","kind"/);
      for (const cell of [
        '"\'=HYPERLINK(""http://evil.example"",""x"")"',
        '"\'+1+1"',
        '"\'-2+3"',
        '"\'@SUM(A1)"',
        '"\'\tTAB"',
        '"\'\rCR"',
        '"plain ""quoted"", text"',
      ]) {
        assert.ok(text.includes(cell), `missing ${JSON.stringify(cell)}`);
      }
      assert.ok(
        !/(^|,)"?[=+\-@]/m.test(
          text
            .split('\r\n')
            .slice(1)
            .join('\n')
            .replace(/"\d{4}-\d\d-\d\dT[^"]*"/g, ''),
        ),
      );
      const ndjson = await get(`/export.ndjson?service=${service}`);
      assert.match(ndjson.headers.get('content-type')!, /ndjson/);
      const lines = (await ndjson.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      assert.deepEqual(
        lines.map((l) => l.submission.message).sort(),
        [...hostile].sort(),
        'text byte for byte',
      );
    });

    it('exports an empty set as an empty file (and a CSV header)', async () => {
      const ndjson = await get('/export.ndjson?service=no-such-service', {
        signal: AbortSignal.timeout(5000),
      });
      assert.equal(await ndjson.text(), '');
      const csv = await get('/export.csv?service=no-such-service', {
        signal: AbortSignal.timeout(5000),
      });
      assert.match(await csv.text(), /^"reference",.*\r\n$/); // (text() drops the byte-order mark)
    });

    it('streams a large export page by page', async () => {
      const service = `bulk-${engine}`;
      await Promise.all(Array.from({length: 250}, () => post(c.api, submission({service}))));
      const text = await (await get(`/export.ndjson?service=${service}`)).text();
      const lines = text.trim().split('\n');
      assert.equal(lines.length, 250);
      assert.equal(new Set(lines.map((l) => JSON.parse(l).reference)).size, 250);
    });

    it('GET /v1/stats counts by kind, status and month, with Friends and Family Test percentages', async () => {
      const service = `stats-${engine}`;
      const answers = [
        ['complaint', 'poor', '2026-09-10'],
        ['compliment', 'very-good', '2026-09-11'],
        ['compliment', 'very-good', '2026-10-01'],
        ['comment', 'good', '2026-10-02'],
        ['comment', 'dont-know', '2026-10-03'],
        ['suggestion', undefined, '2026-10-04'],
      ] as const;
      for (const [kind, rating, day] of answers) {
        clock = new Date(`${day}T12:00:00Z`);
        await post(
          c.api,
          submission({kind, service, ...(rating ? {rating} : {rating: undefined})}),
        );
      }
      await post(
        c.api,
        submission({kind: 'complaint', rating: 'very-poor', service, spam: {hp: 'bot'}}),
      );
      clock = undefined;
      const response = await get(`/stats?service=${service}`);
      assert.equal(response.status, 200);
      const stats = await response.json();
      assert.equal(stats.total, 6);
      assert.equal(stats.quarantined, 1);
      assert.deepEqual(stats.byKind, {
        compliment: 2,
        complaint: 1,
        comment: 2,
        suggestion: 1,
        concern: 0,
      });
      assert.deepEqual(stats.byStatus, {received: 6});
      assert.deepEqual(stats.byMonth, {'2026-09': 2, '2026-10': 4});
      assert.deepEqual(stats.byService, {[service]: 6});
      assert.equal(stats.fft.answers, 4);
      assert.equal(stats.fft.dontKnow, 1);
      assert.equal(stats.fft.positivePercent, 75);
      assert.equal(stats.fft.negativePercent, 25);
      const october = await (
        await get(`/stats?service=${service}&from=2026-10-01&to=2026-10-31`)
      ).json();
      assert.equal(october.total, 4);
      assert.equal(october.fft.positivePercent, 100);
    });

    it('purges submissions older than a period, with their audit trail (POST /v1/purge)', async () => {
      const service = `purge-${engine}`;
      clock = new Date(Date.now() - 400 * 86_400_000);
      const old = await (await post(c.api, submission({service}))).json();
      clock = undefined;
      await get(`/submissions/${old.reference}`);
      const fresh = await (await post(c.api, submission({service}))).json();
      const bad = await get('/purge', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: '{"olderThan":"soon"}',
      });
      assert.equal(bad.status, 422);
      const response = await get('/purge', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: '{"olderThan":"365d"}',
      });
      assert.equal(response.status, 200);
      assert.ok((await response.json()).purged >= 1);
      assert.equal((await get(`/submissions/${old.reference}`)).status, 404);
      assert.equal((await get(`/submissions/${fresh.reference}`)).status, 200);
      assert.deepEqual(await c.store.auditFor(old.reference), []);
    });

    it('creates, lists and revokes tokens; a new token works at once and a revoked one stops at once', async () => {
      const created = await get('/tokens', {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: '{"name":"inbox-laptop"}',
      });
      assert.equal(created.status, 201);
      const {token, id} = await created.json();
      assert.match(token, /^cft_/);
      const withNew = {authorization: `Bearer ${token}`};
      assert.equal((await fetch(`${c.api}/stats`, {headers: withNew})).status, 200);
      const listed = await (await get('/tokens')).json();
      const entry = listed.items.find((t: {id: string}) => t.id === id);
      assert.equal(entry.name, 'inbox-laptop');
      assert.ok(!JSON.stringify(listed).includes(token.replace(/^cft_[a-z0-9]{12}_/, '')));
      assert.ok(!('hash' in entry));
      assert.equal((await get(`/tokens/${id}`, {method: 'DELETE'})).status, 204);
      assert.equal((await fetch(`${c.api}/stats`, {headers: withNew})).status, 401);
      assert.equal((await get(`/tokens/${id}`, {method: 'DELETE'})).status, 404);
    });
  });
}
