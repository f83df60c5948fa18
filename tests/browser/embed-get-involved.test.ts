// <care-get-involved> through the BUILT script tag (#16): a page with only the element and the one line
// gets it defined and can sign up to a real collector; a sign-up kept on the device while the collector
// was away goes on the next page view of the site, with no form on that page.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {waitUntil} from '../../packages/elements/src/test-support/index.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

interface Recorded {
  errors: string[];
  consoleErrors: string[];
  violations: string[];
  outcomes: Array<[string, {id: string; [key: string]: unknown}]>;
}

type PageWindow = Window & typeof globalThis & {__embedTest: Recorded; CareFeedback?: {elements: string[]}};

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function load(name: string, collector: Collector): Promise<PageWindow> {
  const frame = document.createElement('iframe');
  frame.title = name;
  frame.style.cssText = 'width:1024px;height:768px;border:0;display:block';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = `/embed-pages/${name}?collector=${encodeURIComponent(collector.endpoint)}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await waitUntil(() => win.CareFeedback?.elements.length, `CareFeedback never started on ${name}`);
  return win;
}

const start = (port?: number) =>
  executeServerCommand('care-collector-start', {minElapsedMs: 0, ...(port ? {port} : {})}) as Promise<Collector>;
const stop = (collector: Collector) => executeServerCommand('care-collector-stop', {id: collector.id});

/** The sign-ups the collector kept, through its provider API. */
async function register(collector: Collector) {
  const response = await fetch(`${collector.endpoint}/involvement?limit=500`, {headers: {authorization: `Bearer ${collector.token}`}});
  return ((await response.json()) as {items: Array<{id: string; reference: string; signUp: {contact: {name: string}}}>}).items;
}

type Element = HTMLElement & {updateComplete: Promise<unknown>};

/** Fills in the sign-up through its controls (the element's own tests walk it with the keyboard alone). */
async function fillIn(win: PageWindow, name: string): Promise<Element> {
  await waitUntil(() => win.customElements.get('care-get-involved'), '<care-get-involved> was never defined');
  const el = win.document.querySelector('care-get-involved') as Element;
  await waitUntil(() => el.shadowRoot?.querySelector('#gi-consent'), 'the sign-up form never rendered');
  await el.updateComplete;
  const $ = (selector: string) => el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
  for (const id of ['#gi-way-panel', '#gi-method-email', '#gi-consent']) $(id).click();
  for (const [id, value] of [['#gi-name', name], ['#gi-email', 'sam@example.org']] as const) {
    $(id).value = value;
    $(id).dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
  return el;
}

const send = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

function expectClean(win: PageWindow): void {
  expect(win.__embedTest.errors, 'uncaught errors').to.deep.equal([]);
  expect(win.__embedTest.consoleErrors, 'console errors').to.deep.equal([]);
  expect(win.__embedTest.violations, 'CSP violations').to.deep.equal([]);
}

describe('<care-get-involved> from the script tag', function () {
  this.timeout(120_000);
  before(async function () {
    this.timeout(300_000);
    // Asks for the bundle once, so a build (if dist is missing or stale) happens here.
    expect((await fetch('/embed-pages/dist/care-feedback.js', {cache: 'no-store'})).status).to.equal(200);
    // The first collector compiles the collector's sources, which on a busy machine can outlast one
    // command's wait: start one here, trying again while the compiling finishes.
    for (let attempt = 1; ; attempt++) {
      try {
        await stop(await start());
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  });

  it('a page with only <care-get-involved> and the script tag gets it defined, and a sign-up reaches the collector', async () => {
    const collector = await start();
    try {
      const win = await load('get-involved-only.html', collector);
      expect(win.CareFeedback!.elements).to.include('care-get-involved');
      const name = `Sam ${Date.now()}`;
      send(await fillIn(win, name));
      await waitUntil(() => win.__embedTest.outcomes.some(([type]) => type === 'care-delivered'), 'the sign-up was never delivered');
      const kept = await register(collector);
      expect(kept.map((item) => item.signUp.contact.name), 'stored once').to.deep.equal([name]);
      const [, delivered] = win.__embedTest.outcomes.find(([type]) => type === 'care-delivered')!;
      expect(delivered).to.include({id: kept[0]!.id, reference: kept[0]!.reference});
      expectClean(win);
    } finally {
      await stop(collector);
    }
  });

  it('a sign-up kept on the device while the collector was away goes on the next page view, with no form there', async () => {
    const first = await start();
    const port = Number(new URL(first.endpoint).port);
    let again: Collector | undefined;
    try {
      const win = await load('get-involved-only.html', first);
      const name = `Kept ${Date.now()}`;
      const el = await fillIn(win, name);
      // The collector goes away just as the person sends: the element keeps the sign-up and says so.
      await stop(first);
      send(el);
      await waitUntil(() => win.__embedTest.outcomes.some(([type]) => type === 'care-queued'), 'the sign-up was never kept');
      const [, queued] = win.__embedTest.outcomes.find(([type]) => type === 'care-queued')!;
      expect(queued, 'kept where a later page can find it').to.include({persistence: 'indexeddb'});
      // The person leaves; later the collector is back and they open a page with only the launcher.
      for (const frame of frames.splice(0)) frame.remove();
      again = await start(port);
      const later = await load('one-line.html', again);
      await waitUntil(async () => (await register(again!)).length > 0, 'the kept sign-up never reached the collector');
      const kept = await register(again);
      expect(kept.map((item) => item.signUp.contact.name), 'stored once').to.deep.equal([name]);
      await waitUntil(() => later.__embedTest.outcomes.length, 'the page never said the sign-up went');
      expect(later.__embedTest.outcomes).to.deep.equal([['care-delivered', {id: kept[0]!.id, reference: kept[0]!.reference}]]);
      expect(later.customElements.get('care-get-involved'), 'no sign-up form was needed').to.be.undefined;
      expectClean(later);
    } finally {
      await stop(again ?? first);
    }
  });
});
