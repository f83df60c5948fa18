// Readability of the elements for taking part, in real Chromium against a real collector: "About you",
// "Get involved" and a consultation (the example consultation, visit-times-north, whose words are ours
// too). Each is its own area, graded in standard English and easy read across every state a person can
// reach: each part, its errors, done, saved offline, closed, and "We asked, you said, we did". The figures
// must be no worse than those recorded in readability-figures.json (see docs/content.md).
import {expect, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {exampleConsultationInput, exampleSubmission, type ConsultationInput} from '@care-feedback/core';
import '../define/care-about-you.js';
import '../define/care-get-involved.js';
import '../define/care-consultation.js';
import {mount, waitUntil} from '../test-support/index.js';
import {Collector, expectNoWorse, type Level} from './readability-support.js';

interface Running {
  id: string;
  endpoint: string;
  token: string;
}

type Shown = HTMLElement & {updateComplete: Promise<unknown>};

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const start = (options: Record<string, unknown> = {}) =>
  executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0, ...options}) as Promise<Running>;
const stop = (collector: Running) => executeServerCommand('care-collector-stop', {id: collector.id});

/** Waits until the element has its words for its locale and reading level (easy read loads after the first draw). */
async function wordsLoaded(el: Shown): Promise<void> {
  await (el as unknown as {localize: {ready(): Promise<void>}}).localize.ready();
  await el.updateComplete;
}

async function press(el: Shown, selector: string) {
  const target = $(el, selector);
  expect(target, selector).to.exist;
  target!.click();
  await el.updateComplete;
}

async function typeInto(el: Shown, selector: string, value: string) {
  const field = $(el, selector) as HTMLInputElement;
  expect(field, selector).to.exist;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const submit = (el: Shown) => press(el, 'button[type="submit"]');

// ---- About you ---------------------------------------------------------------------------------------

async function aboutYou(attributes: {endpoint?: string; submissionId: string; level: Level; storage?: string}) {
  const el = (await mount(
    html`<care-about-you
      endpoint=${attributes.endpoint ?? ''}
      submission-id=${attributes.submissionId}
      reading-level=${attributes.level === 'easy' ? 'easy' : ''}
      storage=${attributes.storage ?? 'local'}
    ></care-about-you>`,
  )) as Shown;
  await wordsLoaded(el);
  return el;
}

async function sendFeedback(endpoint: string): Promise<string> {
  const id = crypto.randomUUID();
  const response = await fetch(`${endpoint}/submissions`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(exampleSubmission({id, createdAt: new Date().toISOString()})),
  });
  expect(response.status).to.equal(201);
  return id;
}

/** "About you": the questions, their errors, and each way it can end. */
async function walkAboutYou(level: Level, collector: Running, gone: Running): Promise<string[]> {
  const seen = new Collector();
  // Asked, then sent empty (the errors), then answered and sent.
  let el = await aboutYou({endpoint: collector.endpoint, submissionId: await sendFeedback(collector.endpoint), level});
  seen.takeInside(el);
  await submit(el);
  seen.takeInside(el);
  await press(el, '#ay-consent');
  await press(el, '#ay-ageBand-25-34');
  await submit(el);
  await waitUntil(() => $(el, '[data-message]') !== null, 'the answers are sent');
  seen.takeInside(el);
  // Skipped.
  el = await aboutYou({endpoint: collector.endpoint, submissionId: crypto.randomUUID(), level});
  await press(el, '[data-skip]');
  seen.takeInside(el);
  // Saved on the device (on a stopped collector), then kept in memory only, then failed (nowhere to send).
  for (const storage of ['local', 'none']) {
    el = await aboutYou({endpoint: gone.endpoint, submissionId: crypto.randomUUID(), level, storage});
    await press(el, '#ay-consent');
    await press(el, '#ay-sex-female');
    await submit(el);
    await waitUntil(() => $(el, '[data-message]') !== null, 'the answers are kept');
    seen.takeInside(el);
  }
  el = await aboutYou({submissionId: crypto.randomUUID(), level});
  await press(el, '#ay-consent');
  await press(el, '#ay-sex-female');
  await submit(el);
  await waitUntil(() => $(el, '[data-message]') !== null, 'it says the answers were not kept');
  seen.takeInside(el);
  return seen.blocks;
}

// ---- Get involved ------------------------------------------------------------------------------------

async function getInvolved(attributes: {endpoint?: string; level: Level; storage?: string}) {
  const el = (await mount(
    html`<care-get-involved
      endpoint=${attributes.endpoint ?? ''}
      reading-level=${attributes.level === 'easy' ? 'easy' : ''}
      storage=${attributes.storage ?? 'local'}
      service="home-care-north"
    ></care-get-involved>`,
  )) as Shown;
  await wordsLoaded(el);
  return el;
}

async function fillSignUp(el: Shown) {
  for (const id of ['#gi-way-panel', '#gi-topic-food', '#gi-support-quiet-room', '#gi-method-email'])
    if (!($(el, id) as HTMLInputElement).checked) await press(el, id);
  if (!($(el, '#gi-consent') as HTMLInputElement).checked) await press(el, '#gi-consent');
  for (const [id, value] of [
    ['#gi-topic-other', ''],
    ['#gi-support-detail', ''],
    ['#gi-name', 'Sam'],
    ['#gi-email', 'sam@example.org'],
    ['#gi-phone', ''],
    ['#gi-address', ''],
  ] as const)
    await typeInto(el, id, value);
}

/** "Get involved": the sign-up, every error it can show, done, leaving, saved offline and failed. */
async function walkGetInvolved(level: Level, collector: Running, gone: Running): Promise<string[]> {
  const seen = new Collector();
  let el = await getInvolved({endpoint: collector.endpoint, level});
  seen.take(el);
  await submit(el);
  seen.take(el);
  // Everything too long or in the wrong form.
  await fillSignUp(el);
  for (const [id, value] of [
    ['#gi-topic-other', 'x'.repeat(101)],
    ['#gi-support-detail', 'x'.repeat(501)],
    ['#gi-name', 'x'.repeat(201)],
    ['#gi-email', 'not an email'],
    ['#gi-phone', 'ring me'],
    ['#gi-address', 'x'.repeat(501)],
  ] as const)
    await typeInto(el, id, value);
  await submit(el);
  seen.take(el);
  // A way to reply chosen without the details for it.
  await fillSignUp(el);
  for (const method of ['email', 'phone', 'post']) {
    await press(el, `#gi-method-${method}`);
    if (method === 'email') await typeInto(el, '#gi-email', '');
    await submit(el);
    seen.take(el);
  }
  // Sent, then left.
  await fillSignUp(el);
  await submit(el);
  await waitUntil(() => $(el, '[data-reference]') !== null, 'the sign-up is sent');
  seen.take(el);
  await press(el, 'button');
  await waitUntil(() => $(el, '[data-left]') !== null, 'it says the person has left');
  seen.take(el);
  // Leaving when the collector cannot be reached.
  const brief = await start();
  el = await getInvolved({endpoint: brief.endpoint, level});
  await fillSignUp(el);
  await submit(el);
  await waitUntil(() => $(el, '[data-reference]') !== null, 'the sign-up is sent');
  await stop(brief);
  await press(el, 'button');
  await waitUntil(() => $(el, '.error-message') !== null, 'it says leaving did not work');
  seen.take(el);
  // Saved on the device, kept in memory only, and failed (nowhere to send).
  for (const storage of ['local', 'none']) {
    el = await getInvolved({endpoint: gone.endpoint, level, storage});
    await fillSignUp(el);
    await submit(el);
    await waitUntil(() => $(el, 'h2') !== null && !$(el, 'form'), 'the sign-up is kept');
    seen.take(el);
  }
  el = await getInvolved({level});
  await fillSignUp(el);
  await submit(el);
  await waitUntil(() => !$(el, 'form'), 'it says the sign-up was not sent');
  seen.take(el);
  return seen.blocks;
}

// ---- A consultation ------------------------------------------------------------------------------------

let made = 0;

/** The example consultation (visit-times-north) under a fresh slug, created and opened. */
async function provide(collector: Running, slug = `readability-${Date.now().toString(36)}-${++made}`): Promise<ConsultationInput> {
  const input = exampleConsultationInput({slug, closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString()});
  const headers = {authorization: `Bearer ${collector.token}`, 'content-type': 'application/json'};
  const created = await fetch(`${collector.endpoint}/consultations`, {method: 'POST', headers, body: JSON.stringify(input)});
  expect(created.status, await created.clone().text()).to.equal(201);
  await act(collector, slug, 'open');
  return input;
}

async function act(collector: Running, slug: string, action: string, body: unknown = {}) {
  const response = await fetch(`${collector.endpoint}/consultations/${slug}/${action}`, {
    method: 'POST',
    headers: {authorization: `Bearer ${collector.token}`, 'content-type': 'application/json'},
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

async function consultation(attributes: {endpoint: string; slug: string; level: Level; storage?: string}) {
  const el = (await mount(
    html`<care-consultation
      endpoint=${attributes.endpoint}
      consultation=${attributes.slug}
      reading-level=${attributes.level === 'easy' ? 'easy' : ''}
      storage=${attributes.storage ?? 'local'}
    ></care-consultation>`,
  )) as Shown;
  await waitUntil(() => $(el, 'h2') !== null, 'the consultation loads');
  await wordsLoaded(el);
  return el;
}

async function answer(el: Shown) {
  for (const id of ['#cq-q-agree-no', '#cq-q-effect-2', '#cq-consent']) await press(el, id);
}

/** A consultation: the plan and questions, every error, done, saved offline, closed, and the decision. */
async function walkConsultation(level: Level, collector: Running, gone: Running): Promise<string[]> {
  const seen = new Collector();
  sessionStorage.clear();
  let input = await provide(collector);
  let el = await consultation({endpoint: collector.endpoint, slug: input.slug, level});
  seen.take(el);
  await submit(el);
  seen.take(el);
  // Named, with each contact detail missing or wrong, and an answer too long.
  await answer(el);
  await typeInto(el, '#cq-q-comments', 'x'.repeat(5001));
  await press(el, '#cq-named');
  await submit(el);
  seen.take(el);
  await typeInto(el, '#cq-name', 'x'.repeat(201));
  await typeInto(el, '#cq-email', 'not an email');
  await typeInto(el, '#cq-phone', 'ring me');
  await submit(el);
  seen.take(el);
  for (const method of ['email', 'phone']) {
    await typeInto(el, '#cq-email', '');
    await typeInto(el, '#cq-phone', '');
    await press(el, `#cq-method-${method}`);
    await submit(el);
    seen.take(el);
  }
  // Sent.
  await press(el, '#cq-anonymous');
  await typeInto(el, '#cq-q-comments', 'Earlier is better');
  await submit(el);
  await waitUntil(() => $(el, '[data-reference]') !== null, 'the answers are sent');
  seen.take(el);
  // Closed while the page was open, with the answers kept; then a fresh visit to it.
  input = await provide(collector);
  el = await consultation({endpoint: collector.endpoint, slug: input.slug, level});
  await answer(el);
  await act(collector, input.slug, 'close');
  await submit(el);
  await waitUntil(() => $(el, '[data-draft-kept]') !== null, 'it says it has closed');
  seen.take(el);
  el.remove();
  el = await consultation({endpoint: collector.endpoint, slug: input.slug, level});
  seen.take(el);
  // Saved on the device, then kept in memory only, when the collector goes away after the page loads.
  for (const storage of ['local', 'none']) {
    const brief = await start();
    input = await provide(brief);
    el = await consultation({endpoint: brief.endpoint, slug: input.slug, level, storage});
    await stop(brief);
    await answer(el);
    await submit(el);
    await waitUntil(() => !$(el, 'form'), 'the answers are kept');
    seen.take(el);
  }
  // Not found, and not reachable.
  seen.take(await consultation({endpoint: collector.endpoint, slug: 'no-such-consultation', level}));
  seen.take(await consultation({endpoint: gone.endpoint, slug: 'visit-times-north', level}));
  // "We asked, you said, we did".
  input = await provide(collector);
  for (const answers of [{agree: 'yes', effect: 5, comments: 'Yes please'}, {agree: 'yes', effect: 4}, {agree: 'no'}]) {
    const response = await fetch(`${collector.endpoint}/consultations/${input.slug}/responses`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({schemaVersion: 1, id: crypto.randomUUID(), consultation: input.slug, answers, consent: {store: true}, createdAt: new Date().toISOString()}),
    });
    expect(response.status).to.equal(201);
  }
  await act(collector, input.slug, 'close');
  await act(collector, input.slug, 'decide', EXAMPLE_DECISION);
  el = await consultation({endpoint: collector.endpoint, slug: input.slug, level});
  await waitUntil(() => $(el, '[data-decision]') !== null, 'the decision shows');
  seen.take(el);
  return seen.blocks;
}

/** What the example provider decided: plain words, as we would advise a provider to write them. */
const EXAMPLE_DECISION = {
  youSaid: 'Most of you liked the plan to come earlier. Some of you want to keep 8:00.',
  decision: 'We will start morning visits at 7:30. If you want to keep 8:00, tell your carer.',
  changes: 'Morning visits start at 7:30 from 1 March.',
};

for (const level of ['standard', 'easy'] as const) {
  describe(`readability of the elements for taking part (${level})`, () => {
    let collector: Running;
    let gone: Running;
    before(async () => {
      collector = await start();
      // A collector that has stopped: its port is free, so sending to it fails as if offline.
      gone = await start();
      await stop(gone);
    });
    after(() => stop(collector));

    it('"About you", in every state, is no harder than recorded', async function () {
      this.timeout(120_000);
      await expectNoWorse('about-you', level, await walkAboutYou(level, collector, gone));
    });

    it('"Get involved", in every state, is no harder than recorded', async function () {
      this.timeout(120_000);
      await expectNoWorse('get-involved', level, await walkGetInvolved(level, collector, gone));
    });

    it('a consultation (the example one), in every state, is no harder than recorded', async function () {
      this.timeout(180_000);
      await expectNoWorse('consultation', level, await walkConsultation(level, collector, gone));
    });
  });
}
