// Taking part, end to end (#16), in real Chromium against real collectors:
// - one person signs up with <care-get-involved> and then answers a consultation with <care-consultation>,
//   with the keyboard alone, in every language and reading level, axe clean in every state;
// - on each store (SQLite, and PostgreSQL when the run has one): a sign-up and answers made while the
//   collector is away are each stored exactly once when it comes back with its data, and the provider
//   opens, closes and decides a consultation, after which the public element shows
//   "We asked, you said, we did".
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, html} from '@open-wc/testing';
import {exampleConsultationInput, type ConsultationInput} from '@care-feedback/core';
import {deepActive, expectAccessible, LANGUAGES, mount, waitUntil} from '@care-feedback/elements/test-support';
import '@care-feedback/elements/define/care-get-involved';
import '@care-feedback/elements/define/care-consultation';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

type Store = 'sqlite' | 'postgres';
type Element = HTMLElement & {updateComplete: Promise<unknown>};

const press = (key: string) => sendKeys({press: key});
const type = (text: string) => sendKeys({type: text});
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

const startCollector = (options: {store?: Store; port?: number; keep?: string} = {}) =>
  executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0, ...options}) as Promise<Collector>;
const stopCollector = (collector: Collector) => executeServerCommand('care-collector-stop', {id: collector.id});

/** The provider API, with the collector's token. */
async function provider(collector: Collector, path: string, init: {method?: string; body?: unknown} = {}) {
  const response = await fetch(`${collector.endpoint}${path}`, {
    method: init.method ?? 'GET',
    headers: {authorization: `Bearer ${collector.token}`, 'content-type': 'application/json'},
    ...(init.body !== undefined ? {body: JSON.stringify(init.body)} : {}),
  });
  const text = await response.text();
  expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).to.be.oneOf([200, 201]);
  return JSON.parse(text) as Record<string, unknown>;
}

let made = 0;
/** A consultation made through the provider API: a draft, then opened. */
async function openConsultation(collector: Collector): Promise<ConsultationInput> {
  const input = exampleConsultationInput({
    slug: `journey-${Date.now().toString(36)}-${++made}`,
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await provider(collector, '/consultations', {method: 'POST', body: input});
  const draft = await fetch(`${collector.endpoint}/consultations/${input.slug}`);
  expect(draft.status, 'a draft is not public').to.equal(404);
  await provider(collector, `/consultations/${input.slug}/open`, {method: 'POST', body: {}});
  return input;
}

async function mountGetInvolved(collector: Collector, locale = 'en-GB', readingLevel = '') {
  const el = (await mount(
    html`<care-get-involved endpoint=${collector.endpoint} locale=${locale} reading-level=${readingLevel} service="home-care-north"></care-get-involved>`,
  )) as Element;
  await waitUntil(() => $(el, '#gi-consent') !== null, 'the sign-up form shows');
  return el;
}

async function mountConsultation(collector: Collector, slug: string, locale = 'en-GB', readingLevel = '') {
  const el = (await mount(
    html`<care-consultation endpoint=${collector.endpoint} consultation=${slug} locale=${locale} reading-level=${readingLevel}></care-consultation>`,
  )) as Element;
  await waitUntil(() => $(el, 'h2') !== null, 'the consultation loads');
  return el;
}

/** Waits until the element's words are no longer the English standard ones: its catalogue has loaded. */
async function translated(el: Element, english: string) {
  await waitUntil(() => $(el, '.base')!.textContent !== english, 'the translation loads');
  await el.updateComplete;
}

/** Presses Tab until focus is on the element matching `selector` (keyboard only, never a click). */
async function tabTo(el: Element, selector: string, limit = 80) {
  const target = $(el, selector);
  expect(target, selector).to.exist;
  for (let i = 0; i < limit; i++) {
    if (deepActive() === target) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 100)}`);
}

/** Puts focus just before the element, as a person arriving from the page above it would. */
function arriveAt(el: Element) {
  const before = document.createElement('button');
  before.textContent = 'Before';
  el.before(before);
  before.focus();
}

/** Fills in a sign-up through its controls (the keyboard journey below uses keys only). */
async function fillSignUp(el: Element) {
  for (const id of ['#gi-way-surveys', '#gi-method-email', '#gi-consent']) $(el, id)!.click();
  for (const [id, value] of [['#gi-name', 'Sam'], ['#gi-email', 'sam@example.org']] as const) {
    const input = $(el, id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

/** Answers a consultation through its controls. */
async function fillAnswers(el: Element) {
  for (const id of ['#cq-q-agree-yes', '#cq-q-effect-5', '#cq-consent']) $(el, id)!.click();
  await el.updateComplete;
}

const send = async (el: Element) => {
  $(el, 'button[type="submit"]')!.click();
  await el.updateComplete;
};

const queued = (el: Element) => new Promise((resolve) => el.addEventListener('care-queued', resolve, {once: true}));

describe('Taking part, end to end', function () {
  this.timeout(180_000);
  let collector: Collector;
  let english: {signUp: string; consultation: string};
  let stores: Store[] = [];

  before(async function () {
    this.timeout(300_000);
    stores = (await executeServerCommand('care-collector-stores')) as Store[];
    collector = await startCollector();
    const slug = (await openConsultation(collector)).slug;
    const signUp = await mountGetInvolved(collector);
    const consultation = await mountConsultation(collector, slug);
    english = {signUp: $(signUp, '.base')!.textContent!, consultation: $(consultation, '.base')!.textContent!};
    signUp.remove();
    consultation.remove();
  });
  after(async () => {
    await stopCollector(collector);
  });
  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    const name = `${locale}${readingLevel ? ' easy read' : ''}`;
    it(`a person signs up, then answers a consultation, with the keyboard alone, in ${name}`, async () => {
      const input = await openConsultation(collector);

      // Signing up.
      const signUp = await mountGetInvolved(collector, locale, readingLevel ?? '');
      if (locale !== 'en-GB' || readingLevel) await translated(signUp, english.signUp);
      expect($(signUp, '.base')!.getAttribute('dir')).to.equal(dir);
      await expectAccessible(signUp, `sign-up, ${name}`);
      arriveAt(signUp);
      await tabTo(signUp, '#gi-way-surveys');
      await press('Space');
      await tabTo(signUp, '#gi-support-transport');
      await press('Space');
      await tabTo(signUp, '#gi-name');
      await type('Zoë O’Brien');
      await tabTo(signUp, '#gi-email');
      await type('zoe@example.org');
      await tabTo(signUp, '#gi-method-email');
      await press('Space');
      await tabTo(signUp, '#gi-consent');
      await press('Space');
      await tabTo(signUp, 'button[type="submit"]');
      await press('Enter');
      await waitUntil(() => $(signUp, '[data-reference]') !== null, 'the sign-up is sent');
      await waitUntil(() => deepActive() === $(signUp, 'h2'), 'focus moves to the done heading');
      await expectAccessible(signUp, `signed up, ${name}`);
      const signUpReference = $(signUp, '[data-reference]')!.textContent!.trim();
      const person = await provider(collector, `/involvement/${signUpReference}`);
      expect((person.signUp as Record<string, unknown>).ways).to.deep.equal(['surveys']);
      expect((person.signUp as Record<string, unknown>).support).to.deep.equal(['transport']);
      expect((person.signUp as {contact: Record<string, string>}).contact).to.deep.equal({
        name: 'Zoë O’Brien',
        email: 'zoe@example.org',
        preferredMethod: 'email',
      });
      signUp.remove();

      // Answering the consultation.
      const consultation = await mountConsultation(collector, input.slug, locale, readingLevel ?? '');
      if (locale !== 'en-GB' || readingLevel) await translated(consultation, english.consultation);
      expect($(consultation, '.base')!.getAttribute('dir')).to.equal(dir);
      await expectAccessible(consultation, `consultation, ${name}`);
      arriveAt(consultation);
      await tabTo(consultation, '#cq-q-agree-yes');
      await press('Space');
      await tabTo(consultation, '#cq-q-effect-1');
      // Arrow keys move through one radio group, whichever way the language runs.
      await press('ArrowDown');
      await press('ArrowDown');
      await tabTo(consultation, '#cq-q-comments');
      await type('Please keep Sunday visits');
      await tabTo(consultation, '#cq-consent');
      await press('Space');
      await tabTo(consultation, 'button[type="submit"]');
      await press('Enter');
      await waitUntil(() => $(consultation, '[data-reference]') !== null, 'the answers are sent');
      await waitUntil(() => deepActive() === $(consultation, 'h2'), 'focus moves to the thank-you heading');
      await expectAccessible(consultation, `answered, ${name}`);
      const answers = (await provider(collector, `/consultations/${input.slug}/responses`)).items as Array<{
        reference: string;
        response: {answers: Record<string, unknown>; locale: string};
      }>;
      expect(answers.length).to.equal(1);
      expect(answers[0]!.reference).to.equal($(consultation, '[data-reference]')!.textContent!.trim());
      expect(answers[0]!.response.answers).to.deep.equal({agree: 'yes', effect: 3, comments: 'Please keep Sunday visits'});
      expect(answers[0]!.response.locale).to.equal(locale);
      consultation.remove();
    });
  }

  for (const store of ['sqlite', 'postgres'] as const) {
    it(`on ${store}: what was sent while the collector was away is stored once, and a decided consultation shows "We asked, you said, we did"`, async function () {
      if (!stores.includes(store)) this.skip();
      let running = await startCollector({store});
      try {
        const input = await openConsultation(running);
        const signUp = await mountGetInvolved(running);
        const consultation = await mountConsultation(running, input.slug);

        // The collector goes away with its data; both are sent and kept on the device.
        const port = Number(new URL(running.endpoint).port);
        await stopCollector(running);
        const gone = running;
        await fillSignUp(signUp);
        let kept = queued(signUp);
        await send(signUp);
        await kept;
        await fillAnswers(consultation);
        kept = queued(consultation);
        await send(consultation);
        await kept;

        // It comes back at the same address with the same storage: each is sent once, however often
        // the page hears it is online.
        running = await startCollector({store, port, keep: gone.id});
        window.dispatchEvent(new Event('online'));
        await waitUntil(() => $(signUp, '[data-reference]') !== null && $(consultation, '[data-reference]') !== null, 'both are sent', {
          timeout: 60_000,
        });
        const register = (await provider(running, '/involvement')).items as Array<{reference: string}>;
        expect(register.map((p) => p.reference)).to.deep.equal([$(signUp, '[data-reference]')!.textContent!.trim()]);
        let answers = (await provider(running, `/consultations/${input.slug}/responses`)).items as Array<{reference: string}>;
        expect(answers.map((a) => a.reference)).to.deep.equal([$(consultation, '[data-reference]')!.textContent!.trim()]);
        signUp.remove();
        consultation.remove();

        // Two more answers arrive; the provider closes the consultation: the element takes no more answers.
        for (const agree of ['yes', 'no'])
          expect(
            (
              await fetch(`${running.endpoint}/consultations/${input.slug}/responses`, {
                method: 'POST',
                headers: {'content-type': 'application/json'},
                body: JSON.stringify({schemaVersion: 1, id: crypto.randomUUID(), consultation: input.slug, answers: {agree}, consent: {store: true}, createdAt: new Date().toISOString()}),
              })
            ).status,
          ).to.equal(201);
        await provider(running, `/consultations/${input.slug}/close`, {method: 'POST', body: {}});
        const closed = await mountConsultation(running, input.slug);
        expect($(closed, 'form')).to.equal(null, 'a closed consultation takes no answers');
        await expectAccessible(closed, `closed, ${store}`);
        closed.remove();

        // The provider decides: the element shows the counts, the decision and what changed.
        await provider(running, `/consultations/${input.slug}/decide`, {
          method: 'POST',
          body: {youSaid: 'Most of you said yes.', decision: 'We will start visits at 7:30.', changes: 'Visits start at 7:30 from 1 March.'},
        });
        const decided = await mountConsultation(running, input.slug);
        await waitUntil(() => $(decided, '[data-decision]') !== null, 'the results show');
        expect($(decided, '[data-responses]')!.textContent).to.contain('3');
        const agree = [...decided.shadowRoot!.querySelectorAll('[data-question="agree"] .count-text')].map((li) => li.textContent!.trim());
        expect(agree.map((line) => line.replace(/^.*:\s*/, ''))).to.deep.equal(['2', '1', '0']);
        expect($(decided, '[data-decision]')!.textContent).to.contain('We will start visits at 7:30.');
        expect($(decided, '[data-changes]')!.textContent).to.equal('Visits start at 7:30 from 1 March.');
        expect($(decided, 'form')).to.equal(null);
        await expectAccessible(decided, `decided, ${store}`);
        decided.remove();
        answers = (await provider(running, `/consultations/${input.slug}/responses`)).items as Array<{reference: string}>;
        expect(answers.length).to.equal(3);
      } finally {
        await stopCollector(running);
      }
    });
  }
});
