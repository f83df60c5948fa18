// Consultations (#16, DESIGN.md "People taking part") over real HTTP, on both stores: the provider's
// workflow draft -> open -> closed -> decided, answers under the same rules as feedback, the public
// "We asked, you said, we did", erasure, retention and the CSV export.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {
  exampleConsultationInput,
  exampleConsultationResponse,
  type ConsultationInput,
  type ConsultationResponse,
  type PublicConsultation,
} from '@care-feedback/core';
import {createToken} from '@care-feedback/collector';
import {authed, ENGINES, startCollector, type Running} from './helpers.js';

const ORIGIN = 'https://provider.example';
let slugs = 0;
const newSlug = () => `consult-${++slugs}-${randomUUID().slice(0, 8)}`;

const answer = (slug: string, overrides: Partial<ConsultationResponse> = {}): ConsultationResponse =>
  exampleConsultationResponse({id: randomUUID(), consultation: slug, ...overrides});

const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: {'content-type': 'application/json', ...headers},
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

interface Problem {
  title: string;
  detail?: string;
  errors?: Array<{path: string; code?: string; message: string}>;
}

for (const {engine, skip} of ENGINES) {
  describe(`consultations (${engine})`, {skip}, () => {
    let c: Running;
    // The collector's clock: the real time, unless a test moves it on.
    let clock: Date | undefined;
    before(async () => {
      c = await startCollector(engine, {allowOrigins: [ORIGIN], now: () => clock ?? new Date()});
    });
    after(() => c.close());

    const bearer = () => ({authorization: `Bearer ${c.token}`});
    const create = async (overrides: Partial<ConsultationInput> = {}) => {
      const input = exampleConsultationInput({slug: newSlug(), ...overrides});
      const response = await fetch(`${c.api}/consultations`, json('POST', input, bearer()));
      assert.equal(response.status, 201, await response.clone().text());
      return input;
    };
    const act = (slug: string, action: string, body: unknown = {}) =>
      fetch(`${c.api}/consultations/${slug}/${action}`, json('POST', body, bearer()));
    const open = async (overrides: Partial<ConsultationInput> = {}) => {
      const input = await create(overrides);
      assert.equal((await act(input.slug, 'open')).status, 200);
      return input;
    };
    const send = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${c.api}/consultations/${slug}/responses`, json('POST', body, headers));
    const publicGet = (slug: string, headers: Record<string, string> = {}) => fetch(`${c.api}/consultations/${slug}`, {headers});

    it('runs the whole workflow: a draft is hidden, open takes answers, closed refuses them, decided shows what was said and done', async () => {
      const input = await create();
      assert.equal((await publicGet(input.slug)).status, 404, 'a draft is not public');
      const preview = (await (await publicGet(input.slug, bearer())).json()) as PublicConsultation;
      assert.equal(preview.status, 'draft', 'the provider sees the draft');
      assert.equal((await send(input.slug, answer(input.slug))).status, 404, 'a draft takes no answers');

      assert.equal((await act(input.slug, 'open')).status, 200);
      const shown = await publicGet(input.slug, {origin: ORIGIN});
      assert.equal(shown.status, 200);
      assert.equal(shown.headers.get('access-control-allow-origin'), ORIGIN);
      const consultation = (await shown.json()) as PublicConsultation;
      assert.equal(consultation.status, 'open');
      assert.equal(consultation.accepting, true);
      assert.deepEqual(consultation.proposal, input.proposal);
      assert.deepEqual(consultation.questions, input.questions);
      assert.equal(consultation.summary, undefined, 'no counts until it is decided');

      const answers = [
        answer(input.slug, {answers: {agree: 'yes', effect: 5, comments: 'Private words about my mum'}}),
        answer(input.slug, {answers: {agree: 'yes', effect: 4}}),
        answer(input.slug, {answers: {agree: 'no', effect: 4}, contact: {name: 'Sam', email: 'sam@example.org', preferredMethod: 'email'}, consent: {store: true, contact: true}}),
        // The hidden field filled: kept for the provider, never counted.
        answer(input.slug, {answers: {agree: 'no'}, spam: {hp: 'buy now', elapsedMs: 60_000}}),
      ];
      for (const one of answers) {
        const response = await send(input.slug, one, {origin: ORIGIN});
        assert.equal(response.status, 201);
        const receipt = (await response.json()) as {id: string; reference: string; receivedAt: string};
        assert.equal(receipt.id, one.id);
        assert.match(receipt.reference, /^CR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      }
      assert.equal((await act(input.slug, 'decide', {decision: 'x', changes: 'y'})).status, 409, 'an open consultation is closed before it is decided');

      assert.equal((await act(input.slug, 'close')).status, 200);
      const late = await send(input.slug, answer(input.slug));
      assert.equal(late.status, 409);
      const refusal = (await late.json()) as Problem;
      assert.equal(refusal.title, 'This consultation has closed');
      assert.match(refusal.detail!, /cannot take new answers/);
      const closed = (await (await publicGet(input.slug)).json()) as PublicConsultation;
      assert.equal(closed.accepting, false);
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}`, json('PATCH', {title: 'Later'}, bearer()))).status, 409, 'a closed consultation cannot change');

      const decided = await act(input.slug, 'decide', {
        youSaid: 'Most of you liked earlier visits.',
        decision: 'We will start morning visits at 7:30.',
        changes: 'Morning visits start at 7:30 from 1 March.',
      });
      assert.equal(decided.status, 200);
      const result = (await (await publicGet(input.slug)).json()) as PublicConsultation;
      assert.equal(result.status, 'decided');
      assert.equal(result.decision!.decision, 'We will start morning visits at 7:30.');
      assert.equal(result.summary!.responses, 3, 'the quarantined answer is not counted');
      assert.deepEqual(result.summary!.questions[0]!.counts, {yes: 2, no: 1, 'not-sure': 0});
      assert.deepEqual(result.summary!.questions[1]!.distribution, {'1': 0, '2': 0, '3': 0, '4': 2, '5': 1});
      assert.equal(result.summary!.questions[2]!.answered, 1);
      const published = JSON.stringify(result);
      assert.ok(!published.includes('Private words') && !published.includes('sam@example.org'), 'no free text or contact is published');

      const listed = (await (await fetch(`${c.api}/consultations`, authed(c))).json()) as {items: Array<{slug: string; responses: number; status: string}>};
      assert.deepEqual(listed.items.find((i) => i.slug === input.slug), {...listed.items.find((i) => i.slug === input.slug)!, responses: 3, status: 'decided'});
    });

    it('takes the same answers again as 200 with the same receipt, even after closing; other answers with that id are 409', async () => {
      const input = await open();
      const body = answer(input.slug);
      const first = await send(input.slug, body);
      assert.equal(first.status, 201);
      const receipt = await first.json();
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await send(input.slug, reordered);
      assert.equal(again.status, 200);
      assert.deepEqual(await again.json(), receipt);
      assert.equal((await send(input.slug, {...body, answers: {agree: 'no'}})).status, 409);
      assert.equal((await act(input.slug, 'close')).status, 200);
      const afterClosing = await send(input.slug, body);
      assert.equal(afterClosing.status, 200, 'a repeat from a phone that was offline is not refused');
      assert.deepEqual(await afterClosing.json(), receipt);
      const page = (await (await fetch(`${c.api}/consultations/${input.slug}/responses`, authed(c))).json()) as {items: unknown[]};
      assert.equal(page.items.length, 1, 'stored exactly once');
    });

    it('refuses answers after the closing time even while open', async () => {
      const input = await open();
      clock = new Date(Date.parse(input.closesAt));
      try {
        const late = await send(input.slug, answer(input.slug));
        assert.equal(late.status, 409);
        assert.equal(((await (await publicGet(input.slug)).json()) as PublicConsultation).accepting, false);
        // Opening again needs a closing date in the future.
        assert.equal((await act(input.slug, 'close')).status, 200);
        const reopen = await act(input.slug, 'open');
        assert.equal(reopen.status, 422);
        assert.deepEqual(((await reopen.json()) as Problem).errors!.map((e) => e.path), ['closesAt']);
      } finally {
        clock = undefined;
      }
    });

    it('answers bad input as feedback does: 400, 413, 415, 422 naming each field, 403 for a strange origin', async () => {
      const input = await open();
      assert.equal((await send(input.slug, '{nope')).status, 400);
      assert.equal((await send(input.slug, answer(input.slug, {answers: {comments: 'x'.repeat(70_000)}}))).status, 413);
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}/responses`, {method: 'POST', headers: {'content-type': 'text/plain'}, body: '{}'})).status, 415);
      const shape = await send(input.slug, {...answer(input.slug), id: 'nope', consent: {store: false}});
      assert.equal(shape.status, 422);
      assert.match(shape.headers.get('content-type')!, /^application\/problem\+json/);
      assert.deepEqual(((await shape.json()) as Problem).errors!.map((e) => e.path).sort(), ['consent.store', 'id']);
      const misfit = await send(input.slug, answer(input.slug, {answers: {agree: 'maybe', effect: 9, ghost: 'x'}}));
      assert.equal(misfit.status, 422);
      const {errors} = (await misfit.json()) as Problem;
      assert.deepEqual(errors!.map((e) => e.path).sort(), ['answers.agree', 'answers.effect', 'answers.ghost']);
      assert.ok(errors!.every((e) => e.message.length > 0));
      const required = await send(input.slug, answer(input.slug, {answers: {comments: 'Only words'}}));
      assert.deepEqual(((await required.json()) as Problem).errors!.map((e) => `${e.path} ${e.message}`), ['answers.agree Answer this question.']);
      const elsewhere = await send(input.slug, answer('another-one'));
      assert.equal(elsewhere.status, 422);
      assert.equal((await send(input.slug, answer(input.slug), {origin: 'https://elsewhere.example'})).status, 403);
      assert.equal((await send('no-such-thing', answer('no-such-thing'))).status, 404);
      const page = (await (await fetch(`${c.api}/consultations/${input.slug}/responses`, authed(c))).json()) as {items: unknown[]};
      assert.equal(page.items.length, 0, 'nothing bad was stored');
    });

    it('checks what a provider writes: 401 without a token, 422 naming each field, 409 for a slug taken', async () => {
      const input = exampleConsultationInput({slug: newSlug()});
      assert.equal((await fetch(`${c.api}/consultations`, json('POST', input))).status, 401);
      assert.equal((await fetch(`${c.api}/consultations`)).status, 401);
      assert.equal((await act(input.slug, 'open')).status, 404);
      const bad = await fetch(`${c.api}/consultations`, json('POST', {...input, slug: 'Not A Slug', questions: [{id: 'q', type: 'choice', text: 'Pick'}]}, bearer()));
      assert.equal(bad.status, 422);
      assert.deepEqual(((await bad.json()) as Problem).errors!.map((e) => e.path).sort(), ['questions.0.options', 'slug']);
      await create({slug: input.slug});
      assert.equal((await fetch(`${c.api}/consultations`, json('POST', input, bearer()))).status, 409);
      // While a draft anything but the slug changes; once open, not the questions.
      const changed = await fetch(`${c.api}/consultations/${input.slug}`, json('PATCH', {title: 'New title', slug: 'ignored'}, bearer()));
      assert.equal(changed.status, 200);
      assert.equal(((await changed.json()) as PublicConsultation).title, 'New title');
      assert.equal((await act(input.slug, 'open')).status, 200);
      assert.equal((await act(input.slug, 'open')).status, 409, 'already open');
      const questions = await fetch(`${c.api}/consultations/${input.slug}`, json('PATCH', {questions: input.questions.slice(0, 1)}, bearer()));
      assert.equal(questions.status, 409);
      assert.equal((await act(input.slug, 'close')).status, 200);
      const undecided = await act(input.slug, 'decide', {decision: ' '});
      assert.equal(undecided.status, 422);
      assert.deepEqual(((await undecided.json()) as Problem).errors!.map((e) => e.path).sort(), ['changes', 'decision']);
    });

    it('keeps hostile text byte for byte, and exports formula-safe CSV', async () => {
      const hostile = '=HYPERLINK("http://evil.example") 🙂 <script>x</script> \u202e مرحبا "; DROP TABLE consultations; -- \u0000';
      const input = await open();
      const {reference} = (await (await send(input.slug, answer(input.slug, {answers: {agree: 'yes', comments: hostile}}))).json()) as {reference: string};
      const read = (await (await fetch(`${c.api}/consultations/${input.slug}/responses/${reference}`, authed(c))).json()) as {response: ConsultationResponse};
      assert.equal(read.response.answers.comments, hostile);
      const csv = await fetch(`${c.api}/consultations/${input.slug}/export.csv`, authed(c));
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type')!, /^text\/csv/);
      const text = await csv.text();
      assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")`), 'a formula is made harmless');
      assert.ok(text.includes('"Do you agree with the plan?"'), 'questions head their columns');
      assert.ok(text.includes(`"${reference}"`));
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}/export.csv`)).status, 401);
    });

    it('erases one answer completely, and deleting a consultation deletes every answer to it', async () => {
      const input = await open();
      const {reference} = (await (await send(input.slug, answer(input.slug, {contact: {name: 'Ali', phone: '01632 960123', preferredMethod: 'phone'}, consent: {store: true, contact: true}}))).json()) as {reference: string};
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}/responses/${reference}`, {method: 'DELETE'})).status, 401);
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}/responses/${reference}`, authed(c, {method: 'DELETE'}))).status, 204);
      assert.equal(await c.store.getConsultationResponse(reference), undefined);
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}/responses/${reference}`, authed(c))).status, 404);
      const {reference: other} = (await (await send(input.slug, answer(input.slug))).json()) as {reference: string};
      assert.equal((await fetch(`${c.api}/consultations/${input.slug}`, authed(c, {method: 'DELETE'}))).status, 204);
      assert.equal(await c.store.getConsultationResponse(other), undefined);
      assert.equal((await publicGet(input.slug)).status, 404);
      const audit = await c.store.auditFor(reference);
      assert.deepEqual(audit.map((e) => e.action), ['consultation-response-erase']);
    });

    it('a purge removes answers received before the cut-off; the decided counts stay as published', async () => {
      const input = await open();
      const {reference} = (await (await send(input.slug, answer(input.slug))).json()) as {reference: string};
      await act(input.slug, 'close');
      await act(input.slug, 'decide', {decision: 'We go ahead.', changes: 'Visits start earlier.'});
      await c.store.purge(new Date(Date.now() + 60_000).toISOString());
      assert.equal(await c.store.getConsultationResponse(reference), undefined);
      const result = (await (await publicGet(input.slug)).json()) as PublicConsultation;
      assert.equal(result.summary!.responses, 1);
    });

    it('a token for some services sees and makes only their consultations', async () => {
      const north = await create({service: 'home-care-north'});
      const south = await create({service: 'home-care-south'});
      const {token} = await createToken(c.store, 'south', new Date(), 'test', ['home-care-south']);
      const limited = {authorization: `Bearer ${token}`};
      const seen = (await (await fetch(`${c.api}/consultations`, {headers: limited})).json()) as {items: Array<{slug: string}>};
      assert.deepEqual(seen.items.map((i) => i.slug), [south.slug]);
      assert.equal((await fetch(`${c.api}/consultations/${north.slug}/open`, json('POST', {}, limited))).status, 404);
      assert.equal((await fetch(`${c.api}/consultations`, json('POST', exampleConsultationInput({slug: newSlug()}), limited))).status, 403);
    });
  });

  describe(`consultation answers are rate limited (${engine})`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {rateLimit: 2});
    });
    after(() => c.close());
    it('answers 429 with Retry-After once the limit is spent; the provider is not limited', async () => {
      const input = exampleConsultationInput({slug: 'limited'});
      const headers = {authorization: `Bearer ${c.token}`};
      for (let i = 0; i < 3; i++) assert.notEqual((await fetch(`${c.api}/consultations`, json('POST', {...input, slug: `limited-${i}`}, headers))).status, 429);
      assert.equal((await fetch(`${c.api}/consultations/limited-0/open`, json('POST', {}, headers))).status, 200);
      assert.equal((await fetch(`${c.api}/consultations/limited-0/responses`, json('POST', answer('limited-0')))).status, 201);
      assert.equal((await fetch(`${c.api}/consultations/limited-0/responses`, json('POST', answer('limited-0')))).status, 201);
      const third = await fetch(`${c.api}/consultations/limited-0/responses`, json('POST', answer('limited-0')));
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('retry-after')) > 0);
    });
  });
}
