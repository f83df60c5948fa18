// "About you" and GET /v1/equality (issue #15, equality of experience), over real HTTP on both stores: a
// seeded set with known answers gives exact figures, with a group of 9 suppressed and a group of 10 shown;
// spam, another period and other services stay out; erasure and purge take the answers with the feedback;
// the answers never appear with the feedback; hostile input is refused by name; same rules as feedback.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {exampleAboutYou, type AboutYou, type Submission} from '@care-feedback/core';
import type {EqualityGroup, EqualityReport} from '@care-feedback/core/provider';
import {createToken} from '../src/tokens.js';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

const PERIOD = '?from=2026-11-01&to=2026-11-30';
const north = 'home-care-north';
const south = 'home-care-south';

for (const {engine, skip} of ENGINES) {
  describe(`about you and the equality report (${engine})`, {skip}, () => {
    let c: Running;
    let clock = new Date('2026-11-02T10:00:00Z');
    const refs: string[] = [];

    /** Sends feedback at `iso`; answers its reference and id. */
    const send = async (iso: string, fields: Partial<Submission>) => {
      clock = new Date(iso);
      const body = submission(fields);
      const response = await post(c.api, body);
      assert.equal(response.status, 201);
      const reference = ((await response.json()) as {reference: string}).reference;
      refs.push(reference);
      return {reference, id: body.id};
    };
    const answer = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${c.api}/about-you`, {
        method: 'POST',
        headers: {'content-type': 'application/json', ...headers},
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const aboutYou = (submissionId: string, answers: AboutYou['answers']): AboutYou =>
      exampleAboutYou({id: randomUUID(), submissionId, answers});
    const report = async (query = PERIOD, token = c.token) => {
      const response = await fetch(`${c.api}/equality${query}`, {headers: {authorization: `Bearer ${token}`}});
      assert.equal(response.status, 200);
      return (await response.json()) as EqualityReport;
    };
    const group = (r: EqualityReport, question: keyof EqualityReport['questions'], name: string) =>
      r.questions[question].find((g) => g.answer === name)!;
    const suppressed = (name: string): EqualityGroup => ({
      answer: name,
      suppressed: true,
      answers: null,
      fftAnswers: null,
      fftPositivePercent: null,
      complaints: null,
      complaintPercent: null,
    });
    let firstOfTen: {reference: string; id: string; body: AboutYou};

    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, now: () => clock});
      // Ten in north, aged 65-74, carers, of Asian ethnic groups: 4 complaints, and 6 compliments rated
      // very good, very good, good, poor, neither and don't know (FFT: 3 of 5 positive).
      const ten: Array<Partial<Submission>> = [
        ...Array.from({length: 4}, () => ({kind: 'complaint' as const, rating: undefined})),
        {kind: 'compliment', rating: 'very-good'},
        {kind: 'compliment', rating: 'very-good'},
        {kind: 'compliment', rating: 'good'},
        {kind: 'compliment', rating: 'poor'},
        {kind: 'compliment', rating: 'neither'},
        {kind: 'compliment', rating: 'dont-know'},
      ];
      for (const [i, fields] of ten.entries()) {
        const sent = await send(`2026-11-${String(2 + i).padStart(2, '0')}T10:00:00Z`, {...fields, service: north});
        const body = aboutYou(sent.id, {
          ageBand: '65-74',
          ethnicity: i % 2 ? 'indian' : 'pakistani',
          carer: 'yes',
          disability: 'no',
        });
        const response = await answer(body);
        assert.equal(response.status, 201);
        if (i === 0) firstOfTen = {...sent, body};
      }
      // Nine in south, aged 75-84, white British, who would rather not say if they are carers: all comments.
      for (let i = 0; i < 9; i++) {
        const sent = await send(`2026-11-20T1${i}:00:00Z`, {kind: 'comment', rating: 'good', service: south});
        assert.equal(
          (await answer(aboutYou(sent.id, {ageBand: '75-84', ethnicity: 'white-british', carer: 'prefer-not-to-say'}))).status,
          201,
        );
      }
      // Would make a tenth aged 75-84, but none of them counts: one came in October, one is held as spam.
      const october = await send('2026-10-31T23:59:59Z', {kind: 'comment', service: south});
      assert.equal((await answer(aboutYou(october.id, {ageBand: '75-84'}))).status, 201);
      const spam = await send('2026-11-21T10:00:00Z', {kind: 'comment', service: south, spam: {hp: 'filled', elapsedMs: 48000}});
      assert.equal((await answer(aboutYou(spam.id, {ageBand: '75-84'}))).status, 201);
      // Feedback with no "About you" counts nowhere.
      await send('2026-11-22T10:00:00Z', {kind: 'complaint', rating: undefined, service: north});
    });
    after(() => c?.close());

    it('gives exact figures for a group of 10 and suppresses a group of 9', async () => {
      const r = await report();
      assert.deepEqual(r.period, {from: '2026-11-01', to: '2026-11-30'});
      assert.equal(r.minimumGroupSize, 10);
      assert.deepEqual(group(r, 'ageBand', '65-74'), {
        answer: '65-74',
        suppressed: false,
        answers: 10,
        fftAnswers: 5,
        fftPositivePercent: 60,
        complaints: 4,
        complaintPercent: 40,
      });
      assert.deepEqual(group(r, 'ageBand', '75-84'), suppressed('75-84'));
      assert.deepEqual(group(r, 'carer', 'yes'), {...group(r, 'ageBand', '65-74'), answer: 'yes'});
      assert.deepEqual(group(r, 'carer', 'prefer-not-to-say'), suppressed('prefer-not-to-say'));
      assert.deepEqual(group(r, 'disability', 'no'), {...group(r, 'ageBand', '65-74'), answer: 'no'});
      // No group is left out, even an empty one, and an empty one is suppressed too.
      assert.deepEqual(r.questions.ageBand.map((g) => g.answer), [
        'under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85-plus', 'prefer-not-to-say',
      ]);
      assert.deepEqual(group(r, 'ageBand', 'under-18'), suppressed('under-18'));
      assert.equal(r.questions.sexualOrientation.every((g) => g.suppressed), true);
    });

    it('adds the 19 ethnic groups up into the 5 census groups, each judged on its own size', async () => {
      const r = await report();
      assert.equal(r.questions.ethnicity.length, 20);
      assert.deepEqual(group(r, 'ethnicity', 'indian'), suppressed('indian'));
      assert.deepEqual(group(r, 'ethnicity', 'pakistani'), suppressed('pakistani'));
      assert.deepEqual(r.questions.ethnicGroup.map((g) => g.answer), ['asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say']);
      assert.deepEqual(group(r, 'ethnicGroup', 'asian'), {...group(r, 'ageBand', '65-74'), answer: 'asian'});
      assert.deepEqual(group(r, 'ethnicGroup', 'white'), suppressed('white'));
    });

    it('counts only the services of a limited token', async () => {
      const {token: northOnly} = await createToken(c.store, 'north team', new Date(), 'test', [north]);
      const {token: southOnly} = await createToken(c.store, 'south team', new Date(), 'test', [south]);
      assert.equal(group(await report(PERIOD, northOnly), 'ageBand', '65-74').answers, 10);
      assert.deepEqual(group(await report(PERIOD, southOnly), 'ageBand', '65-74'), suppressed('65-74'));
      assert.deepEqual(group(await report(PERIOD, southOnly), 'carer', 'yes'), suppressed('yes'));
    });

    it('keeps the answers out of the feedback, its list and its export', async () => {
      const record = await fetch(`${c.api}/submissions/${firstOfTen.reference}`, authed(c));
      const text = await record.text();
      assert.equal(record.status, 200);
      for (const word of ['65-74', 'pakistani', 'ageBand', 'carer', 'ethnicity']) assert.equal(text.includes(word), false, word);
      const list = await (await fetch(`${c.api}/submissions?limit=500`, authed(c))).text();
      const csv = await (await fetch(`${c.api}/export.csv`, authed(c))).text();
      for (const word of ['pakistani', 'ethnicity', '65-74']) {
        assert.equal(list.includes(word), false, word);
        assert.equal(csv.includes(word), false, word);
      }
    });

    it('takes the same answers twice once, and refuses other answers with the same id or for the same feedback', async () => {
      assert.equal((await answer(firstOfTen.body)).status, 200);
      const changed = await answer({...firstOfTen.body, answers: {ageBand: '18-24'}});
      assert.equal(changed.status, 409);
      const another = await answer({...firstOfTen.body, id: randomUUID(), answers: {ageBand: '18-24'}});
      assert.equal(another.status, 409);
      assert.equal(group(await report(), 'ageBand', '65-74').answers, 10);
      assert.deepEqual(group(await report(), 'ageBand', '18-24'), suppressed('18-24'));
    });

    it('answers 404 in plain words when no feedback has the id, and keeps nothing', async () => {
      const response = await answer(aboutYou(randomUUID(), {ageBand: '18-24'}));
      assert.equal(response.status, 404);
      const problem = (await response.json()) as {detail: string};
      assert.match(problem.detail, /cannot find the feedback/);
    });

    it('refuses hostile or wrong answers by name, and keeps none of the text', async () => {
      const hostile = await answer({
        ...aboutYou(firstOfTen.id, {}),
        answers: {ethnicity: '<img src=x onerror=alert(1)>', religion: "'; DROP TABLE about_you; --", carer: 'yes\u0000'},
      });
      assert.equal(hostile.status, 422);
      const {errors} = (await hostile.json()) as {errors: Array<{path: string; message: string}>};
      assert.deepEqual(errors.map((e) => e.path).sort(), ['answers.carer', 'answers.ethnicity', 'answers.religion']);
      assert.equal(errors.find((e) => e.path === 'answers.ethnicity')!.message, 'Choose an ethnic group from the list.');
      const noConsent = await answer({...aboutYou(firstOfTen.id, {carer: 'yes'}), consent: {equality: false}});
      assert.equal(noConsent.status, 422);
      assert.equal(((await noConsent.json()) as {errors: Array<{path: string}>}).errors[0]!.path, 'consent.equality');
      assert.equal((await answer('{"schemaVersion":')).status, 400);
      assert.equal(
        (await fetch(`${c.api}/about-you`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{}'})).status,
        415,
      );
      assert.equal((await fetch(`${c.api}/about-you`)).status, 405);
      // Unknown fields, however hostile, are dropped: the report holds only the fixed words.
      const sent = await send('2026-11-25T10:00:00Z', {kind: 'comment', service: north});
      const extra = await answer({...aboutYou(sent.id, {religion: 'sikh'}), note: '<script>alert(1)</script>'});
      assert.equal(extra.status, 201);
      const body = JSON.stringify(await report());
      assert.equal(body.includes('script'), false);
    });

    it('needs a provider token for the report, and a real period', async () => {
      assert.equal((await fetch(`${c.api}/equality${PERIOD}`)).status, 401);
      const bad = await fetch(`${c.api}/equality?from=2026-11-31&to=2026-11-01`, authed(c));
      assert.equal(bad.status, 422);
      const {errors} = (await bad.json()) as {errors: Array<{path: string}>};
      assert.deepEqual(errors.map((e) => e.path), ['query.from']);
    });

    it('erases the answers with the feedback: the group of 10 becomes 9 and is suppressed', async () => {
      const erased = await fetch(`${c.api}/submissions/${firstOfTen.reference}`, authed(c, {method: 'DELETE'}));
      assert.equal(erased.status, 204);
      assert.deepEqual(group(await report(), 'ageBand', '65-74'), suppressed('65-74'));
      // Its answers are gone too: sent again, they have no feedback to go with.
      assert.equal((await answer(firstOfTen.body)).status, 404);
    });

    it('purges the answers with the feedback', async () => {
      clock = new Date('2027-12-01T00:00:00Z');
      const purged = await fetch(
        `${c.api}/purge`,
        authed(c, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({olderThan: '365d'})}),
      );
      assert.equal(purged.status, 200);
      // A fresh feedback with the same answers as a purged one's is alone in its group.
      const sent = await send('2027-11-30T10:00:00Z', {kind: 'comment', service: north});
      assert.equal((await answer(aboutYou(sent.id, {ageBand: '65-74'}))).status, 201);
      const r = await report('?from=2026-01-01&to=2027-12-31');
      assert.deepEqual(group(r, 'ageBand', '65-74'), suppressed('65-74'));
      assert.deepEqual(group(r, 'ageBand', '75-84'), suppressed('75-84'));
      assert.equal(r.questions.ageBand.every((g) => g.suppressed), true);
    });
  });

  describe(`about you keeps the public rules (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {minElapsedMs: 0, allowOrigins: ['https://provider.example'], rateLimit: 2});
    });
    after(() => c?.close());

    it('refuses other websites, answers CORS for allowed ones, and limits the rate', async () => {
      const sent = submission();
      assert.equal((await post(c.api, sent)).status, 201);
      const body = JSON.stringify(exampleAboutYou({id: randomUUID(), submissionId: sent.id}));
      const headers = (origin: string) => ({'content-type': 'application/json', origin});
      const denied = await fetch(`${c.api}/about-you`, {method: 'POST', headers: headers('https://evil.example'), body});
      assert.equal(denied.status, 403);
      const allowed = await fetch(`${c.api}/about-you`, {method: 'POST', headers: headers('https://provider.example'), body});
      assert.equal(allowed.status, 201);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://provider.example');
      const limited = await fetch(`${c.api}/about-you`, {method: 'POST', headers: headers('https://provider.example'), body});
      assert.equal(limited.status, 429);
      assert.ok(limited.headers.get('retry-after'));
    });
  });
}
