// Search across the whole set (DESIGN.md, version 2): GET /v1/submissions?q=WORDS looks in what was said,
// what would help, the notes and the reference, with the other filters and paging; erased words leave the
// index; nothing anyone types is a query error. Over real HTTP against both stores.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, newRecord, post, startCollector, submission, type Running} from './helpers.js';

for (const {engine, skip} of ENGINES) {
  describe(`search (${engine})`, {skip}, () => {
    let c: Running;
    const refs: Record<string, string> = {};
    const search = async (query: string) => {
      // Seeding thousands of rows in this process holds the event loop for seconds on a busy machine, and
      // then the kept-alive connection can be closed by the server just as the next request reuses it. A
      // browser sends an idempotent GET again on a fresh connection then; so does this.
      const get = () => fetch(`${c.api}/submissions?${query}`, authed(c));
      const response = await get().catch(get);
      assert.equal(response.status, 200, `${query} answered ${response.status}`);
      return (await response.json()) as {items: Array<{reference: string}>; next: string | null};
    };
    const found = async (query: string) => (await search(query)).items.map((item) => item.reference);
    /** The SQLite index's own vocabulary: every word it still holds, erased or not. */
    const indexedWords = (): string[] => {
      const db = new Database(c.location.db!, {readonly: true});
      try {
        db.exec("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'submissions_fts', 'row')");
        return db.prepare<[], {term: string}>('SELECT term FROM temp.vocab').all().map((row) => row.term);
      } finally {
        db.close();
      }
    };

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0});
      const add = async (name: string, fields: Parameters<typeof submission>[0]) => {
        const response = await post(c.api, submission(fields));
        refs[name] = ((await response.json()) as {reference: string}).reference;
      };
      await add('tea', {kind: 'complaint', message: 'Mum was left without her tea on Sunday.', service: 'home-care-north'});
      await add('garden', {kind: 'compliment', message: 'The garden looks lovely.', improvement: 'More benches near the roses, please.'});
      await add('welsh', {kind: 'comment', message: 'Roedd y gofalwyr yn garedig iawn.'});
      await add('urdu', {kind: 'comment', message: 'عملہ بہت مہربان تھا'});
      await add('tea2', {kind: 'complaint', message: 'No tea again, and the carer was late.', service: 'home-care-south'});
      const noted = await fetch(`${c.api}/submissions/${refs.garden}`, authed(c, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify({note: 'Spoke to the gardener about wheelchair paths.'})}));
      assert.equal(noted.status, 200);
    });
    after(() => c.close());

    it('finds words in the message, the improvement and the notes, newest first, and word beginnings', async () => {
      assert.deepEqual(await found('q=tea'), [refs.tea2, refs.tea]);
      assert.deepEqual(await found('q=benches'), [refs.garden], 'in what would help');
      assert.deepEqual(await found('q=wheelchair'), [refs.garden], 'in a staff note');
      assert.deepEqual(await found('q=TEA%20sunday'), [refs.tea], 'every word, any case');
      assert.deepEqual(await found('q=garde'), [refs.garden], 'the start of a word');
      assert.deepEqual(await found('q=gofalwyr'), [refs.welsh]);
      assert.deepEqual(await found(`q=${encodeURIComponent('مہربان')}`), [refs.urdu]);
      assert.deepEqual(await found('q=nothing-like-this'), []);
    });

    it('finds a reference typed in full, whatever its parts are made of', async () => {
      for (const name of Object.keys(refs)) assert.deepEqual(await found(`q=${refs[name]}`), [refs[name]], refs[name]);
      // References whose middle part is all digits: PostgreSQL's parser once read "-6784" as a number.
      if (engine === 'postgres') {
        const client = new pg.Client({connectionString: c.location.postgres, options: `-c search_path=${c.location.schema}`});
        await client.connect();
        try {
          const {rows} = await client.query<{found: boolean}>(
            "SELECT care_search_words('{}', '[]', 'CF-6784-WRTQ') @@ to_tsquery('simple', 'CF:* & 6784:* & WRTQ:*') AS found",
          );
          assert.equal(rows[0]!.found, true);
        } finally {
          await client.end();
        }
      }
    });

    it('works with the other filters and with paging', async () => {
      assert.deepEqual(await found('q=tea&service=home-care-south'), [refs.tea2]);
      assert.deepEqual(await found('q=tea&kind=compliment'), []);
      const first = await search('q=tea&limit=1');
      assert.deepEqual(first.items.map((item) => item.reference), [refs.tea2]);
      assert.ok(first.next);
      const second = await search(`q=tea&limit=1&cursor=${first.next}`);
      assert.deepEqual(second.items.map((item) => item.reference), [refs.tea]);
    });

    it('never fails on what a person types: quotes, operators, stars, SQL', async () => {
      for (const q of ['"', '*', 'AND OR NOT', "'; drop table submissions; --", 'tea"', '(tea', 'NEAR(tea sunday)', ':*', '&|!', '\u0000', 'tea:*']) {
        const response = await fetch(`${c.api}/submissions?q=${encodeURIComponent(q)}`, authed(c));
        assert.equal(response.status, 200, `q=${JSON.stringify(q)} answered ${response.status}`);
      }
      assert.deepEqual(await found(`q=${encodeURIComponent('"tea"')}`), [refs.tea2, refs.tea], 'quotes are dropped, not obeyed');
      const tooLong = await fetch(`${c.api}/submissions?q=${'a'.repeat(201)}`, authed(c));
      assert.equal(tooLong.status, 400);
    });

    it('a word in thousands of submissions still lists newest first and pages right (SQLite walks the newest rows then)', async () => {
      const started = Date.parse('2026-01-01T00:00:00Z');
      const inserts = [];
      for (let i = 0; i < 5200; i++) {
        const sent = submission({message: `Common quokka sighting number ${i}.`});
        inserts.push(c.store.insert(newRecord(sent, {receivedAt: new Date(started + i * 60_000).toISOString()})));
      }
      const results = await Promise.all(inserts);
      // Newest first: the last inserted (received latest) come first.
      const newestFirst = results.map((result) => (result.outcome === 'created' ? result.receipt.reference : '')).reverse();
      const first = await search('q=quokka&limit=3');
      assert.deepEqual(first.items.map((item) => item.reference), newestFirst.slice(0, 3));
      const second = await search(`q=quokka&limit=3&cursor=${first.next}`);
      assert.deepEqual(second.items.map((item) => item.reference), newestFirst.slice(3, 6));
    });

    it('an erased submission is no longer found, and its words leave the index itself', async () => {
      const response = await post(c.api, submission({message: 'Zebracrossing outside is dangerous.'}));
      const {reference} = (await response.json()) as {reference: string};
      assert.deepEqual(await found('q=zebracrossing'), [reference]);
      assert.equal((await fetch(`${c.api}/submissions/${reference}`, authed(c, {method: 'DELETE'}))).status, 204);
      assert.deepEqual(await found('q=zebracrossing'), []);
      if (engine === 'sqlite') {
        // secure-delete leaves no trace of an erased word in the index itself.
        const words = indexedWords();
        assert.ok(!words.includes('zebracrossing'), 'the erased word is gone from the index');
        assert.ok(words.includes('benches'), 'other words are still there');
      }
    });

    it('a purged submission is no longer found, and its words leave the index itself', async () => {
      const sent = submission({message: 'The platypus mural in the lounge is faded.'});
      await c.store.insert(newRecord(sent, {receivedAt: '2001-02-03T10:00:00.000Z'}));
      assert.equal((await found('q=platypus')).length, 1);
      const purge = await fetch(`${c.api}/purge`, authed(c, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({olderThan: '20y'})}));
      assert.equal(purge.status, 200);
      assert.equal(((await purge.json()) as {purged: number}).purged, 1);
      assert.deepEqual(await found('q=platypus'), []);
      if (engine === 'sqlite') {
        const words = indexedWords();
        assert.ok(!words.includes('platypus') && !words.includes('mural'), 'the purged words are gone from the index');
        assert.ok(words.includes('benches'), 'other words are still there');
      }
    });

    it('a token for some services searches only their submissions', async () => {
      const {token} = await createToken(c.store, 'north', new Date(), 'test', ['home-care-north']);
      const as = async (query: string) => {
        const response = await fetch(`${c.api}/submissions?${query}`, {headers: {authorization: `Bearer ${token}`}});
        assert.equal(response.status, 200);
        return ((await response.json()) as {items: Array<{reference: string}>}).items.map((item) => item.reference);
      };
      assert.deepEqual(await as('q=tea'), [refs.tea], 'not the other home\'s tea');
      assert.deepEqual(await as(`q=${refs.tea2}`), [], "another home's reference typed in full finds nothing");
      assert.deepEqual(await as('q=tea&service=home-care-south'), []);
      assert.deepEqual(await as(`q=${refs.tea}`), [refs.tea]);
    });
  });
}
