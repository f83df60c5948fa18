// <care-get-involved> in real Chromium against a real collector: keyboard-only sign-up and leaving,
// errors announced and linked, offline then online, and axe in every state and language.
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, html} from '@open-wc/testing';
import {deepActive, expectAccessible, LANGUAGES, mount, waitUntil} from '../test-support/index.js';
import type {CareGetInvolved} from './get-involved.js';
import '../define/care-get-involved.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

interface Kept {
  reference: string;
  leftAt: string | null;
  signUp: Record<string, unknown> & {contact?: Record<string, string>};
}

const press = (key: string) => sendKeys({press: key});
const type = (text: string) => sendKeys({type: text});
const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

async function make(attributes: {endpoint?: string; locale?: string; readingLevel?: string} = {}) {
  const el = (await mount(
    html`<care-get-involved
      endpoint=${attributes.endpoint ?? ''}
      locale=${attributes.locale ?? 'en-GB'}
      reading-level=${attributes.readingLevel ?? ''}
      service="home-care-north"
    ></care-get-involved>`,
  )) as CareGetInvolved;
  await el.updateComplete;
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

/** Answers the form through the DOM (for the language checks; the keyboard test uses keys only). */
async function fillValid(el: CareGetInvolved) {
  for (const id of ['#gi-way-panel', '#gi-topic-food', '#gi-support-quiet-room', '#gi-method-email', '#gi-consent'])
    $(el, id)!.click();
  for (const [id, value] of [
    ['#gi-name', 'Sam'],
    ['#gi-email', 'sam@example.org'],
  ] as const) {
    const input = $(el, id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

const submit = async (el: CareGetInvolved) => {
  ($(el, 'button[type="submit"]') as HTMLButtonElement).click();
  await el.updateComplete;
};

const heading = (el: Element) => $(el, 'h2:not(#gi-summary-title)')?.textContent?.trim();

describe('<care-get-involved>', () => {
  let collector: Collector;
  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin]})) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });
  const read = async (reference: string) =>
    (await (
      await fetch(`${collector.endpoint}/involvement/${reference}`, {headers: {authorization: `Bearer ${collector.token}`}})
    ).json()) as Kept;

  it('can be filled in and sent with the keyboard alone, then left the same way', async function () {
    this.timeout(120_000);
    const el = await make({endpoint: collector.endpoint});
    const start = document.createElement('button');
    start.textContent = 'Before';
    el.before(start);
    start.focus();

    await tabTo(el, '#gi-way-panel');
    await press('Space');
    await tabTo(el, '#gi-way-meetings');
    await press('Space');
    await tabTo(el, '#gi-topic-food');
    await press('Space');
    await tabTo(el, '#gi-topic-other');
    await type('Gardens 🌻 <b>and</b> paths');
    await tabTo(el, '#gi-support-quiet-room');
    await press('Space');
    await tabTo(el, '#gi-need-large-print');
    await press('Space');
    await tabTo(el, '#gi-name');
    await type('Zoë O’Brien');
    await tabTo(el, '#gi-phone');
    await type('01632 960123');
    await tabTo(el, '#gi-method-email');
    // Arrow keys move through one radio group: email, then phone.
    await press('ArrowDown');
    await tabTo(el, '#gi-consent');
    await press('Space');
    await tabTo(el, 'button[type="submit"]');
    await press('Enter');

    await waitUntil(() => heading(el) === 'Thank you for signing up', 'the done screen shows');
    await waitUntil(() => deepActive() === $(el, 'h2'), 'focus moves to the done heading');
    const reference = $(el, '[data-reference]')!.textContent!.trim();
    expect(reference).to.match(/^GI-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const kept = await read(reference);
    expect(kept.signUp.ways).to.deep.equal(['panel', 'meetings']);
    expect(kept.signUp.topics).to.deep.equal(['food', 'Gardens 🌻 <b>and</b> paths']);
    expect(kept.signUp.support).to.deep.equal(['quiet-room']);
    expect(kept.signUp.communicationNeeds).to.deep.equal(['large-print']);
    expect(kept.signUp.service).to.equal('home-care-north');
    expect(kept.signUp.contact).to.deep.equal({name: 'Zoë O’Brien', phone: '01632 960123', preferredMethod: 'phone'});
    await expectAccessible(el, 'done');

    await tabTo(el, 'button');
    await press('Enter');
    await waitUntil(() => $(el, '[data-left]') !== null, 'says the person has left');
    expect($(el, '[data-left]')!.closest('[role="status"]')).to.exist;
    const after = await read(reference);
    expect(after.leftAt).to.be.a('string');
    expect(after.signUp.contact).to.equal(undefined);
    await expectAccessible(el, 'left');
  });

  it('announces errors in a summary that takes focus and links to each field', async () => {
    const el = await make({endpoint: collector.endpoint});
    await submit(el);
    const summary = $(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    await waitUntil(() => deepActive() === summary, 'focus moves to the error summary');
    const links = $$(el, '.error-summary a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#gi-way-surveys',
      '#gi-name',
      '#gi-method-email',
      '#gi-consent',
    ]);
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Choose at least one way you would like to help.',
      'Tell us your name.',
      'Choose the best way to contact you.',
      'Tick the box to say yes. We cannot sign you up without it.',
    ]);
    // Each field says what is wrong with it, to a screen reader too.
    const name = $(el, '#gi-name')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${name.getAttribute('aria-describedby')}`)!.textContent).to.contain('Tell us your name.');
    await expectAccessible(el, 'errors');
    // A link takes the person to the field.
    links[1]!.focus();
    await press('Enter');
    expect(deepActive()).to.equal(name);
    // A field the collector's rules find wrong is named too: an email chosen without an address.
    await fillValid(el);
    ($(el, '#gi-email') as HTMLInputElement).value = '';
    $(el, '#gi-email')!.dispatchEvent(new Event('input'));
    await submit(el);
    expect($$(el, '.error-summary a').map((a) => a.getAttribute('href'))).to.deep.equal(['#gi-email']);
  });

  it('keeps a sign-up made offline and sends it once when back online', async function () {
    this.timeout(60_000);
    // A collector that has stopped: its port is free, so sending fails as if offline.
    const gone = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin]})) as Collector;
    await executeServerCommand('care-collector-stop', {id: gone.id});
    const el = await make({endpoint: gone.endpoint});
    await fillValid(el);
    await submit(el);
    await waitUntil(() => heading(el) === 'Your sign-up is saved', 'says it is kept on the device');
    await expectAccessible(el, 'queued');
    const port = Number(new URL(gone.endpoint).port);
    const back = (await executeServerCommand('care-collector-start', {allowOrigin: [location.origin], port})) as Collector;
    try {
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => heading(el) === 'Thank you for signing up', 'the done screen updates once it is sent', {timeout: 30_000});
      const listed = (await (
        await fetch(`${back.endpoint}/involvement`, {headers: {authorization: `Bearer ${back.token}`}})
      ).json()) as {items: Kept[]};
      expect(listed.items.length).to.equal(1);
      expect(listed.items[0]!.reference).to.equal($(el, '[data-reference]')!.textContent!.trim());
    } finally {
      await executeServerCommand('care-collector-stop', {id: back.id});
    }
  });

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    it(`has no axe violations empty, with errors and done, in ${locale}${readingLevel ? ' easy read' : ''}`, async function () {
      this.timeout(60_000);
      const el = await make({endpoint: collector.endpoint, locale, ...(readingLevel ? {readingLevel} : {})});
      if (locale !== 'en-GB') await waitUntil(() => heading(el) !== 'Help us make our service better', 'the translation loads');
      if (readingLevel) await waitUntil(() => heading(el) !== 'Help us make our service better', 'easy read loads');
      expect($(el, '.base')!.getAttribute('dir')).to.equal(dir);
      expect($(el, '.base')!.getAttribute('lang')).to.equal(locale);
      await expectAccessible(el, 'empty');
      await submit(el);
      expect($$(el, '.error-summary li').length).to.be.greaterThan(0);
      await expectAccessible(el, 'errors');
      await fillValid(el);
      await submit(el);
      await waitUntil(() => $(el, '[data-reference]') !== null, 'the done screen shows');
      await expectAccessible(el, 'done');
    });
  }
});
