// The form's optional "About you" questions (issue #15), in real Chromium against a real collector: offered
// only once the feedback is sent, so they never block sending; one press of Skip ends them, sends nothing
// more, and leaves the done screen as it was; answering them with the keyboard keeps the answers apart.
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, html, oneEvent} from '@open-wc/testing';
import {deepActive, expectAccessible, waitUntil} from '../test-support/index.js';
import type {CareDeliveredEvent} from '../events/care-delivered.js';
import type {CareAboutYouEvent} from '../events/care-about-you.js';
import {$, $$, makeForm, next, phase, waitForPhase, walkTo, type Form} from './test-helpers.js';
import type {CareAboutYou} from '../about-you/about-you.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

const press = (key: string) => sendKeys({press: key});
const aboutYou = (el: Form) => $(el, 'care-about-you') as CareAboutYou | null;
const inAboutYou = (el: Form, selector: string) => aboutYou(el)?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** Every request the page makes from now on (each passed on unchanged). */
function watchRequests(): {urls: string[]; stop(): void} {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return original(input, init);
  };
  return {urls, stop: () => (window.fetch = original)};
}

/** What a person sees on the done screen, "About you" left out. */
const doneScreen = (el: Form) =>
  [...el.shadowRoot!.querySelectorAll('[part="step"] > :not(care-about-you)')].map((node) => node.textContent?.replace(/\s+/g, ' ').trim());

describe('<care-feedback-form> and "About you"', () => {
  let collector: Collector;
  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], minElapsedMs: 0})) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });

  async function sendFeedback(extra: {aboutYou?: string} = {}) {
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${collector.endpoint} about-you=${extra.aboutYou ?? 'ask'}></care-feedback-form>`,
    );
    expect(aboutYou(el), 'not offered before sending').to.equal(null);
    await walkTo(el, 'review', {kind: 'compliment', rating: 'very-good'});
    expect(aboutYou(el), 'not offered before sending').to.equal(null);
    const delivered = oneEvent(el, 'care-delivered') as Promise<CareDeliveredEvent>;
    await next(el);
    const {id, reference} = (await delivered).detail;
    await waitForPhase(el, 'done');
    // Its code is fetched when the done screen draws it, so the questions come a moment after the screen.
    if (extra.aboutYou !== 'off') await customElements.whenDefined('care-about-you');
    return {el, id, reference};
  }

  it('is skipped in one press: nothing more is sent and the done screen stays as it was', async function () {
    this.timeout(60_000);
    const {el, id, reference} = await sendFeedback();
    await aboutYou(el)!.updateComplete;
    expect(aboutYou(el)!.getAttribute('submission-id')).to.equal(id);
    const before = doneScreen(el);
    expect(before.join(' ')).to.contain(reference);
    await expectAccessible(el, 'done, About you offered');
    const requests = watchRequests();
    let ended: CareAboutYouEvent | undefined;
    el.addEventListener('care-about-you', (event) => (ended = event));
    try {
      inAboutYou(el, '[data-skip]')!.focus();
      await press('Enter');
      await waitUntil(() => inAboutYou(el, '[data-message]') !== null, 'About you ends');
      expect(ended?.detail).to.deep.equal({submissionId: id, outcome: 'skipped'});
      expect(requests.urls).to.deep.equal([]);
      expect(phase(el)).to.equal('done');
      expect(doneScreen(el)).to.deep.equal(before);
      expect(deepActive()).to.equal(inAboutYou(el, '[data-message]'));
      await expectAccessible(el, 'done, About you skipped');
    } finally {
      requests.stop();
    }
    // The feedback was stored once, exactly as the form sent it, and nothing else came.
    const records = (await executeServerCommand('care-collector-list', {id: collector.id})) as Array<{reference: string}>;
    expect(records.filter((record) => record.reference === reference)).to.have.length(1);
  });

  it('is answered with the keyboard alone after sending, and the feedback never shows the answers', async function () {
    this.timeout(60_000);
    const {el, reference} = await sendFeedback();
    const start = inAboutYou(el, '[data-skip]')!;
    start.focus();
    for (let i = 0; i < 10 && deepActive() !== inAboutYou(el, '#ay-consent'); i++) await press('Tab');
    expect(deepActive()).to.equal(inAboutYou(el, '#ay-consent'));
    await press('Space');
    for (let i = 0; i < 10 && deepActive() !== inAboutYou(el, '#ay-ageBand-under-18'); i++) await press('Tab');
    // Arrow up from the first answer wraps round to the last: "Prefer not to say", then 85 or over.
    await press('ArrowUp');
    await press('ArrowUp');
    expect((inAboutYou(el, '#ay-ageBand-85-plus') as HTMLInputElement).checked).to.equal(true);
    const submit = inAboutYou(el, 'button[type="submit"]')!;
    for (let i = 0; i < 120 && deepActive() !== submit; i++) await press('Tab');
    await press('Enter');
    await waitUntil(() => inAboutYou(el, '[data-message]')?.textContent?.trim() === 'Thank you. We have your answers.', 'the answers are kept');
    await expectAccessible(el, 'done, About you sent');
    const record = await (await fetch(`${collector.endpoint}/submissions/${reference}`, {headers: {authorization: `Bearer ${collector.token}`}})).text();
    expect(record).to.contain(reference);
    for (const word of ['ageBand', '85-plus', 'equality']) expect(record).not.to.contain(word);
  });

  it('is left out with about-you="off"', async () => {
    const {el} = await sendFeedback({aboutYou: 'off'});
    expect(aboutYou(el)).to.equal(null);
    expect($$(el, '.actions button').length).to.be.greaterThan(0);
  });
});
