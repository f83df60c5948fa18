// <care-consultation> in real Chromium against a real collector: answering with the keyboard alone in
// every language, errors linked to each question, a closed consultation refusing answers and keeping
// the draft, offline then online stored once, and "We asked, you said, we did"; axe in every state.
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, html} from '@open-wc/testing';
import {exampleConsultationInput, type ConsultationInput, type ConsultationResponse} from '@care-feedback/core';
import {deepActive, expectAccessible, LANGUAGES, mount, waitUntil} from '../test-support/index.js';
import type {CareConsultation} from './consultation.js';
import '../define/care-consultation.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

interface Stored {
  reference: string;
  quarantined: boolean;
  response: ConsultationResponse;
}

const press = (key: string) => sendKeys({press: key});
const type = (text: string) => sendKeys({type: text});
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const heading = (el: Element) => $(el, 'h2:not(#cq-summary-title)')?.textContent?.trim();

let made = 0;
const HOSTILE = 'Visits <img src=x onerror="window.__hacked=1"> & "quotes" 🙂 \u202e';

/** Creates a consultation through the provider API and opens it; answers what the provider sees. */
async function provide(collector: Collector, overrides: Partial<ConsultationInput> = {}, open = true): Promise<ConsultationInput> {
  const input = exampleConsultationInput({
    slug: `c-${Date.now().toString(36)}-${++made}`,
    proposal: {...exampleConsultationInput().proposal, plan: `${HOSTILE} We plan a personal budget review.`},
    easyRead: {...exampleConsultationInput().easyRead!, plan: `${HOSTILE} We want to look at your personal budget.`},
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...overrides,
  });
  const headers = {authorization: `Bearer ${collector.token}`, 'content-type': 'application/json'};
  const created = await fetch(`${collector.endpoint}/consultations`, {method: 'POST', headers, body: JSON.stringify(input)});
  expect(created.status, await created.clone().text()).to.equal(201);
  if (open) await act(collector, input.slug, 'open');
  return input;
}

async function act(collector: Collector, slug: string, action: string, body: unknown = {}) {
  const response = await fetch(`${collector.endpoint}/consultations/${slug}/${action}`, {
    method: 'POST',
    headers: {authorization: `Bearer ${collector.token}`, 'content-type': 'application/json'},
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).to.equal(200);
}

async function stored(collector: Collector, slug: string): Promise<Stored[]> {
  const response = await fetch(`${collector.endpoint}/consultations/${slug}/responses`, {headers: {authorization: `Bearer ${collector.token}`}});
  return ((await response.json()) as {items: Stored[]}).items;
}

async function make(collector: Pick<Collector, 'endpoint'>, slug: string, attributes: {locale?: string; readingLevel?: string} = {}) {
  const el = (await mount(
    html`<care-consultation
      endpoint=${collector.endpoint}
      consultation=${slug}
      locale=${attributes.locale ?? 'en-GB'}
      reading-level=${attributes.readingLevel ?? ''}
    ></care-consultation>`,
  )) as CareConsultation;
  await waitUntil(() => $(el, 'h2') !== null, 'the consultation loads');
  return el;
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

/** Answers through the DOM (for the states; the keyboard test uses keys only). */
async function answer(el: CareConsultation) {
  for (const id of ['#cq-q-agree-no', '#cq-q-effect-2', '#cq-consent']) $(el, id)!.click();
  await el.updateComplete;
}

const submit = async (el: CareConsultation) => {
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  await el.updateComplete;
};

describe('<care-consultation>', () => {
  let collector: Collector;
  before(async () => {
    // minElapsedMs 0: a test answers faster than a person could, and that is not spam here.
    collector = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0})) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });
  beforeEach(() => sessionStorage.clear());

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    it(`is answered with the keyboard alone, axe clean in every state, in ${locale}${readingLevel ? ' easy read' : ''}`, async function () {
      this.timeout(120_000);
      const input = await provide(collector);
      const el = await make(collector, input.slug, {locale, ...(readingLevel ? {readingLevel} : {})});
      await waitUntil(() => $(el, 'care-jargon') !== null, 'a glossary word in the plan is explained');
      if (locale !== 'en-GB' || readingLevel)
        await waitUntil(() => $(el, 'button[type="submit"]')!.textContent!.trim() !== 'Send my answers', 'the translation loads');
      expect($(el, '.base')!.getAttribute('dir')).to.equal(dir);
      expect($(el, '.base')!.getAttribute('lang')).to.equal(locale);
      expect($(el, 'h2')!.textContent).to.equal(input.title);
      // The provider's words are shown as text, never run.
      expect($(el, '.proposal img')).to.equal(null);
      expect($(el, '.proposal')!.textContent).to.contain('<img src=x onerror="window.__hacked=1">');
      if (readingLevel) {
        expect($(el, '.proposal')!.textContent).to.contain(input.easyRead!.plan);
        expect($(el, 'legend')!.textContent).to.contain(input.questions[0]!.easyText!);
      }
      await expectAccessible(el, 'form');

      // Sending nothing: the summary takes focus and links to each problem.
      const start = document.createElement('button');
      start.textContent = 'Before';
      el.before(start);
      start.focus();
      await tabTo(el, 'button[type="submit"]');
      await press('Enter');
      await waitUntil(() => deepActive() === $(el, '.error-summary'), 'focus moves to the error summary');
      expect($$(el, '.error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#cq-q-agree-yes', '#cq-consent']);
      await expectAccessible(el, 'errors');

      await tabTo(el, '#cq-q-agree-yes');
      // Arrow keys move through one radio group, whichever way the language runs.
      await press('ArrowDown');
      await tabTo(el, '#cq-q-effect-1');
      await press('ArrowDown');
      await press('ArrowDown');
      await press('ArrowDown');
      await tabTo(el, '#cq-q-comments');
      await type('Earlier is better 🌻 <b>really</b>');
      await tabTo(el, '#cq-consent');
      await press('Space');
      await tabTo(el, 'button[type="submit"]');
      await press('Enter');

      await waitUntil(() => $(el, '[data-reference]') !== null, 'the thank-you screen shows');
      await waitUntil(() => deepActive() === $(el, 'h2'), 'focus moves to its heading');
      const reference = $(el, '[data-reference]')!.textContent!.trim();
      expect(reference).to.match(/^CR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      const [kept] = await stored(collector, input.slug);
      expect(kept!.reference).to.equal(reference);
      expect(kept!.response.answers).to.deep.equal({agree: 'no', effect: 4, comments: 'Earlier is better 🌻 <b>really</b>'});
      expect(kept!.response.contact).to.equal(undefined, 'anonymous unless the person gives their name');
      expect(kept!.response.locale).to.equal(locale);
      expect((window as {__hacked?: number}).__hacked).to.equal(undefined);
      await expectAccessible(el, 'done');
    });
  }

  it('takes contact details when the person chooses to give them, and names each missing one', async () => {
    const input = await provide(collector);
    const el = await make(collector, input.slug);
    await answer(el);
    $(el, '#cq-named')!.click();
    await el.updateComplete;
    await submit(el);
    expect($$(el, '.error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#cq-name', '#cq-method-email', '#cq-contact-consent']);
    const name = $(el, '#cq-name')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${name.getAttribute('aria-describedby')}`)!.textContent).to.contain('Tell us your name');
    await expectAccessible(el, 'contact errors');
    for (const [id, value] of [
      ['#cq-name', 'Zoë O’Brien'],
      ['#cq-phone', '01632 960123'],
    ] as const) {
      const field = $(el, id) as HTMLInputElement;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    $(el, '#cq-method-phone')!.click();
    $(el, '#cq-contact-consent')!.click();
    await el.updateComplete;
    await submit(el);
    await waitUntil(() => $(el, '[data-reference]') !== null, 'sent');
    const [kept] = await stored(collector, input.slug);
    expect(kept!.response.contact).to.deep.equal({name: 'Zoë O’Brien', phone: '01632 960123', preferredMethod: 'phone'});
    expect(kept!.response.consent).to.deep.equal({store: true, contact: true});
  });

  it('keeps a draft on the device through a reload, and a closed consultation refuses answers but keeps it', async () => {
    const input = await provide(collector);
    let el = await make(collector, input.slug);
    await answer(el);
    const box = $(el, '#cq-q-comments') as HTMLTextAreaElement;
    box.value = 'Half typed';
    box.dispatchEvent(new Event('input'));
    el.remove();
    el = await make(collector, input.slug);
    expect(($(el, '#cq-q-comments') as HTMLTextAreaElement).value).to.equal('Half typed', 'the draft comes back');
    expect(($(el, '#cq-q-agree-no') as HTMLInputElement).checked).to.equal(true);

    // The provider closes it while the page is open: sending is refused, clearly, and nothing is lost.
    await act(collector, input.slug, 'close');
    await submit(el);
    await waitUntil(() => heading(el) === 'This consultation has closed', 'says it has closed');
    expect($(el, '.base')!.textContent).to.contain('It closed before your answers reached us');
    expect($(el, '[data-draft-kept]')).to.exist;
    await waitUntil(() => deepActive() === $(el, 'h2'), 'focus moves to the heading');
    await expectAccessible(el, 'closed');
    expect(await stored(collector, input.slug)).to.deep.equal([]);
    el.remove();
    // A fresh visit to the closed consultation says so, and that the draft is still kept.
    el = await make(collector, input.slug);
    expect(heading(el)).to.equal('This consultation has closed');
    expect($(el, '[data-draft-kept]')).to.exist;
    expect($(el, 'form')).to.equal(null);
  });

  it('keeps answers given offline and sends them once when back online', async function () {
    this.timeout(60_000);
    const first = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0})) as Collector;
    const input = await provide(first);
    const el = await make(first, input.slug);
    // The collector goes away (its port is free, so sending fails as if offline)...
    await executeServerCommand('care-collector-stop', {id: first.id});
    await answer(el);
    await submit(el);
    await waitUntil(() => heading(el) === 'Your answers are saved', 'says they are kept on the device');
    await expectAccessible(el, 'queued');
    // ...and comes back at the same address, with the same consultation open.
    const port = Number(new URL(first.endpoint).port);
    const back = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0, port})) as Collector;
    try {
      await provide(back, {slug: input.slug, closesAt: input.closesAt});
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => heading(el) === 'Thank you for your answers', 'the screen updates once they are sent', {timeout: 30_000});
      window.dispatchEvent(new Event('online'));
      const kept = await stored(back, input.slug);
      expect(kept.length).to.equal(1);
      expect(kept[0]!.reference).to.equal($(el, '[data-reference]')!.textContent!.trim());
    } finally {
      await executeServerCommand('care-collector-stop', {id: back.id});
    }
  });

  it('shows "We asked, you said, we did" once the provider decides, with counts and never anyone’s words', async function () {
    this.timeout(60_000);
    const input = await provide(collector);
    const post = (answers: Record<string, string | number>) =>
      fetch(`${collector.endpoint}/consultations/${input.slug}/responses`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify({schemaVersion: 1, id: crypto.randomUUID(), consultation: input.slug, answers, consent: {store: true}, createdAt: new Date().toISOString()}),
      });
    const given: Array<Record<string, string | number>> = [{agree: 'yes', effect: 5, comments: 'My private words'}, {agree: 'yes', effect: 4}, {agree: 'no'}];
    for (const answers of given)
      expect((await post(answers)).status).to.equal(201);
    await act(collector, input.slug, 'close');
    await act(collector, input.slug, 'decide', {
      youSaid: 'Most of you liked earlier visits.',
      decision: `We will start at 7:30. ${HOSTILE}`,
      changes: 'Morning visits start at 7:30 from 1 March.',
    });
    for (const {locale, readingLevel} of LANGUAGES) {
      const el = await make(collector, input.slug, {locale, ...(readingLevel ? {readingLevel} : {})});
      await waitUntil(() => $(el, '[data-decision]') !== null, 'the results show');
      if (locale === 'en-GB' && !readingLevel) {
        expect(heading(el)).to.equal('We asked, you said, we did');
        expect($(el, '[data-responses]')!.textContent).to.contain('3');
        expect($$(el, '[data-question="agree"] .count-text').map((li) => li.textContent!.trim())).to.deep.equal(['Yes: 2', 'No: 1', 'Not sure: 0']);
        expect($$(el, '[data-question="effect"] .count-text').map((li) => li.textContent!.trim())).to.deep.equal([
          '1: Not at all: 0',
          '2: 0',
          '3: 0',
          '4: 1',
          '5: A lot: 1',
        ]);
        expect($(el, '.results')!.textContent).to.contain('Number of people who wrote an answer: 1');
        expect($(el, '[data-changes]')!.textContent).to.equal('Morning visits start at 7:30 from 1 March.');
      }
      expect($(el, '.results')!.textContent).not.to.contain('My private words');
      expect($(el, '[data-decision] img')).to.equal(null);
      expect($(el, 'form')).to.equal(null, 'a decided consultation takes no answers');
      await expectAccessible(el, `decided ${locale}${readingLevel ? ' easy' : ''}`);
      el.remove();
    }
  });

  it('says plainly when the consultation cannot be found, and tries again on request', async () => {
    const el = await make(collector, 'no-such-consultation');
    expect(heading(el)).to.equal('Sorry, we could not show this consultation');
    expect($(el, '.base')!.textContent).to.contain('We could not find this consultation');
    await expectAccessible(el, 'missing');
    const draft = await provide(collector, {}, false);
    const hidden = await make(collector, draft.slug);
    expect(heading(hidden)).to.equal('Sorry, we could not show this consultation', 'a draft is not shown to the public');
  });
});
