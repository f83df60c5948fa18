// <care-about-you> in real Chromium against a real collector: answered with the keyboard alone in every
// language and reading level, axe clean in every state (asking, errors, sent, skipped, saved offline);
// Skip ends it in one press and sends nothing; answers given offline are sent once when back online.
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, html} from '@open-wc/testing';
import {exampleSubmission} from '@care-feedback/core';
import type {EqualityReport} from '@care-feedback/core/provider';
import {deepActive, expectAccessible, LANGUAGES, mount, waitUntil} from '../test-support/index.js';
import type {CareAboutYouEvent} from '../events/care-about-you.js';
import type {CareAboutYou} from './about-you.js';
import '../define/care-about-you.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

const press = (key: string) => sendKeys({press: key});
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const heading = (el: Element) => $(el, 'h2')?.textContent?.trim();
const message = (el: Element) => $(el, '[data-message]')?.textContent?.trim();

/** Presses Tab until focus is on the element matching `selector` (keyboard only, never a click). */
async function tabTo(el: Element, selector: string, limit = 120) {
  const target = $(el, selector);
  expect(target, selector).to.exist;
  for (let i = 0; i < limit; i++) {
    if (deepActive() === target) return;
    await press('Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${deepActive()?.outerHTML.slice(0, 100)}`);
}

/** Feedback stored in the collector, as the form would send it: answers its id. */
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

/** Other people's answers, sent straight to the collector, so a group reaches the size a report shows. */
async function othersAnswer(endpoint: string, answers: Record<string, string>, count: number) {
  for (let i = 0; i < count; i++) {
    const submissionId = await sendFeedback(endpoint);
    const response = await fetch(`${endpoint}/about-you`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({schemaVersion: 1, id: crypto.randomUUID(), submissionId, answers, consent: {equality: true}}),
    });
    expect(response.status).to.equal(201);
  }
}

async function report(collector: Collector): Promise<EqualityReport> {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(`${collector.endpoint}/equality?from=${day(-1)}&to=${day(1)}`, {
    headers: {authorization: `Bearer ${collector.token}`},
  });
  expect(response.status).to.equal(200);
  return (await response.json()) as EqualityReport;
}
const groupOf = (r: EqualityReport, question: keyof EqualityReport['questions'], answer: string) =>
  r.questions[question].find((g) => g.answer === answer)!;

async function make(attributes: {endpoint: string; submissionId: string; locale?: string; readingLevel?: string}) {
  const el = (await mount(
    html`<care-about-you
      endpoint=${attributes.endpoint}
      submission-id=${attributes.submissionId}
      locale=${attributes.locale ?? 'en-GB'}
      reading-level=${attributes.readingLevel ?? ''}
      storage="local"
    ></care-about-you>`,
  )) as CareAboutYou;
  await el.updateComplete;
  return el;
}

/** Records every request the page makes (passing each on unchanged), to show what was and was not sent. */
function watchRequests(): {urls: string[]; answers: Array<{url: string; status: number}>; stop(): void} {
  const original = window.fetch;
  const urls: string[] = [];
  const answers: Array<{url: string; status: number}> = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    urls.push(url);
    const response = await original(input, init);
    answers.push({url, status: response.status});
    return response;
  };
  return {urls, answers, stop: () => (window.fetch = original)};
}

describe('<care-about-you>', () => {
  let collector: Collector;
  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0})) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });

  it('shows nothing without the id of the feedback it goes with', async () => {
    const el = (await mount(html`<care-about-you endpoint=${collector.endpoint}></care-about-you>`)) as CareAboutYou;
    expect(el.shadowRoot!.children.length).to.equal(0);
  });

  it('is answered and sent with the keyboard alone, and the report counts it once', async function () {
    this.timeout(120_000);
    await othersAnswer(collector.endpoint, {ageBand: '45-54', ethnicity: 'indian', carer: 'yes'}, 9);
    expect(groupOf(await report(collector), 'ageBand', '45-54').suppressed).to.equal(true);
    const submissionId = await sendFeedback(collector.endpoint);
    const el = await make({endpoint: collector.endpoint, submissionId});
    await expectAccessible(el, 'asking');
    const start = document.createElement('button');
    start.textContent = 'Before';
    el.before(start);
    start.focus();
    let ended: CareAboutYouEvent | undefined;
    el.addEventListener('care-about-you', (event) => (ended = event));

    await tabTo(el, '#ay-consent');
    await press('Space');
    await tabTo(el, '#ay-ageBand-under-18');
    // Arrow keys move through one question's answers, choosing as they go: under 18 … 45 to 54.
    for (let i = 0; i < 4; i++) await press('ArrowDown');
    expect(($(el, '#ay-ageBand-45-54') as HTMLInputElement).checked).to.equal(true);
    await tabTo(el, '#ay-ethnicity-bangladeshi');
    await press('ArrowDown');
    await press('ArrowDown');
    expect(($(el, '#ay-ethnicity-indian') as HTMLInputElement).checked).to.equal(true);
    await tabTo(el, '#ay-carer-yes');
    await press('Space');
    await tabTo(el, 'button[type="submit"]');
    await press('Enter');

    await waitUntil(() => message(el) === 'Thank you. We have your answers.', 'says the answers were kept');
    await waitUntil(() => deepActive() === $(el, '[data-message]'), 'focus moves to the message');
    expect($(el, '[data-message]')!.getAttribute('role')).to.equal('status');
    expect(ended?.detail).to.deep.equal({submissionId, outcome: 'delivered'});
    await expectAccessible(el, 'sent');
    const r = await report(collector);
    expect(groupOf(r, 'ageBand', '45-54')).to.include({suppressed: false, answers: 10});
    expect(groupOf(r, 'ethnicGroup', 'asian')).to.include({suppressed: false, answers: 10});
    expect(groupOf(r, 'carer', 'yes')).to.include({suppressed: false, answers: 10});
  });

  it('ends with one press of Skip and sends nothing', async () => {
    const submissionId = await sendFeedback(collector.endpoint);
    const el = await make({endpoint: collector.endpoint, submissionId});
    const requests = watchRequests();
    try {
      let ended: CareAboutYouEvent | undefined;
      el.addEventListener('care-about-you', (event) => (ended = event));
      const start = document.createElement('button');
      el.before(start);
      start.focus();
      // The first thing after the words that explain it.
      await press('Tab');
      expect(deepActive()).to.equal($(el, '[data-skip]'));
      await press('Enter');
      await waitUntil(() => message(el) === 'You skipped the questions about you. That is fine.', 'says it was skipped');
      expect(deepActive()).to.equal($(el, '[data-message]'));
      expect($(el, 'form')).to.equal(null);
      expect(ended?.detail).to.deep.equal({submissionId, outcome: 'skipped'});
      await expectAccessible(el, 'skipped');
      expect(requests.urls).to.deep.equal([]);
    } finally {
      requests.stop();
    }
  });

  it('explains in an error summary that takes focus and links to each field', async () => {
    const el = await make({endpoint: collector.endpoint, submissionId: await sendFeedback(collector.endpoint)});
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const summary = $(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    await waitUntil(() => deepActive() === summary, 'focus moves to the error summary');
    const links = $$(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['#ay-consent', '#ay-ageBand-under-18']);
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Tick the box to say we can keep your answers, or skip these questions.',
      'Answer at least one question, or skip these questions.',
    ]);
    const consent = $(el, '#ay-consent')!;
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el, 'errors');
    links[0]!.focus();
    await press('Enter');
    expect(deepActive()).to.equal(consent);
  });

  it('keeps answers given offline, while the feedback waits too, and sends them once when back online', async function () {
    this.timeout(90_000);
    // A collector that has stopped: its port is free, so sending fails as if offline.
    const gone = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0})) as Collector;
    await executeServerCommand('care-collector-stop', {id: gone.id});
    const submissionId = crypto.randomUUID();
    const el = await make({endpoint: gone.endpoint, submissionId});
    ($(el, '#ay-consent') as HTMLInputElement).click();
    ($(el, '#ay-religion-sikh') as HTMLInputElement).click();
    await el.updateComplete;
    ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
    await waitUntil(() => message(el)?.startsWith('Thank you. Your answers are saved on this device') ?? false, 'says they are kept');
    await expectAccessible(el, 'saved offline');
    const port = Number(new URL(gone.endpoint).port);
    const back = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0, port})) as Collector;
    const requests = watchRequests();
    try {
      // The answers arrive before their feedback: the collector says it has no such feedback yet, and
      // they wait to be sent again rather than being lost.
      window.dispatchEvent(new Event('online'));
      await waitUntil(
        () => requests.answers.some(({url, status}) => url.endsWith('/about-you') && status === 404),
        'the answers were tried before their feedback arrived',
        {timeout: 30_000},
      );
      expect(message(el)?.startsWith('Thank you. Your answers are saved on this device')).to.equal(true);
      const feedback = await fetch(`${back.endpoint}/submissions`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify(exampleSubmission({id: submissionId, createdAt: new Date().toISOString()})),
      });
      expect(feedback.status).to.equal(201);
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => message(el) === 'Thank you. We have your answers.', 'the message updates once they are sent', {timeout: 60_000});
      await othersAnswer(back.endpoint, {religion: 'sikh'}, 9);
      expect(groupOf(await report(back), 'religion', 'sikh')).to.include({suppressed: false, answers: 10});
    } finally {
      requests.stop();
      await executeServerCommand('care-collector-stop', {id: back.id});
    }
  });

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    it(`is answered with the keyboard alone, axe clean asking, with errors and sent, in ${locale}${readingLevel ? ' easy read' : ''}`, async function () {
      this.timeout(60_000);
      const el = await make({
        endpoint: collector.endpoint,
        submissionId: await sendFeedback(collector.endpoint),
        locale,
        ...(readingLevel ? {readingLevel} : {}),
      });
      const english = 'A few questions about you (you can skip these)';
      if (locale !== 'en-GB' || readingLevel) await waitUntil(() => heading(el) !== english, 'the words load');
      expect($(el, '.base')!.getAttribute('dir')).to.equal(dir);
      expect($(el, '.base')!.getAttribute('lang')).to.equal(locale);
      await expectAccessible(el, 'asking');
      const start = document.createElement('button');
      el.before(start);
      start.focus();
      await tabTo(el, 'button[type="submit"]');
      await press('Enter');
      await waitUntil(() => deepActive() === $(el, '.error-summary'), 'the error summary takes focus');
      expect($$(el, '.error-summary li').length).to.equal(2);
      await expectAccessible(el, 'errors');
      start.focus();
      await tabTo(el, '#ay-consent');
      await press('Space');
      await tabTo(el, '#ay-sex-female');
      await press('Space');
      await tabTo(el, 'button[type="submit"]');
      await press('Enter');
      await waitUntil(() => $(el, '[data-message]') !== null && deepActive() === $(el, '[data-message]'), 'the answers are sent');
      expect($(el, '[data-message]')!.classList.contains('error-message')).to.equal(false);
      await expectAccessible(el, 'sent');
    });
  }
});
