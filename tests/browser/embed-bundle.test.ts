// The BUILT script-tag bundle on pages it does not control: hostile CSS, a strict CSP with Trusted Types,
// loaded twice, two versions, another Lit. Pages come from packages/embed/test/pages via tools/wtr-plugins/embed-pages.mjs,
// which builds the bundle first if it is missing or stale.
import {expect} from '@open-wc/testing';
import {executeServerCommand, resetMouse, sendMouse} from '@web/test-runner-commands';
import {WCAG_TAGS, waitUntil} from '../../packages/elements/src/test-support/index.js';
import {next, phase, waitForPhase, walkTo, type Form} from '../../packages/elements/src/feedback-form/test-helpers.js';

/** Issue #13's budget for a page view with the launcher, by what the browser fetched, brotli-compressed. */
const PAGE_VIEW_BUDGET = 15 * 1024;
/**
 * Everything a complaint needs up to its review step. The goal is 30 KB (issue #13). It was about 38 KB
 * on 2026-12-03, 54 KB after the form gained Listen, <care-jargon> and "About you" and carried every core
 * schema, and 42.3 KB once "About you" and the jargon came only with the last screens and the form
 * imported only its own schema (docs/performance.md, "Size"), 43.6 KB once the form ran on its flow
 * (issue #12). This ceiling, that figure with a small margin, stops it growing; the goal still stands.
 */
const COMPLAINT_CEILING = 44 * 1024;

const PUBLIC_TAGS = [
  'care-feedback-form',
  'care-feedback-picker',
  'care-feedback-launcher',
  'care-jargon',
  'care-glossary',
  'care-rights-charter',
];
// Lit's own globals are allowed beside CareFeedback (DESIGN.md, "Script tag"): its version markers and
// the shared property-metadata map every copy of Lit uses; litIssuedWarnings comes from the page's own dev-mode Lit.
const LIT_MARKERS = new Set(['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions', 'litPropertyMetadata', 'litIssuedWarnings']);

interface Record {
  globalsBefore: string[];
  errors: string[];
  consoleErrors: string[];
  warnings: string[];
  violations: string[];
  layoutShift: number;
  longTasks: number[];
  /** What early-calls.js saw of CareFeedback straight after the tag ran. */
  earlyVersion?: string;
  earlyElements?: number;
  earlyConfig?: unknown;
  earlyError?: string;
  /** care-delivered, care-queued and care-failed events that reached the document. */
  outcomes: Array<[string, {id: string; [key: string]: unknown}]>;
}

type PageWindow = Window &
  typeof globalThis & {
    __embedTest: Record;
    litHtmlVersions?: string[];
    CareFeedback?: {version: string; elements: string[]; getConfig(): {[key: string]: unknown}; open(options?: {kind?: string}): void; close(): void};
  };

interface Page {
  frame: HTMLIFrameElement;
  win: PageWindow;
  doc: Document;
  record: Record;
}

const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  for (const frame of frames.splice(0)) frame.remove();
  await resetMouse();
});

/** Loads a test page in a same-origin frame of the given size and waits for the bundle to start. */
async function load(name: string, {width = 1024, height = 768, started = true} = {}): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.title = name;
  frame.style.cssText = `width:${width}px;height:${height}px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = `/embed-pages/${name}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  // Started: the real CareFeedback, which lists its elements, not the loader's stand-in.
  if (started) await waitUntil(() => win.CareFeedback?.elements.length, `CareFeedback never started on ${name}`);
  return {frame, win, doc: win.document, record: win.__embedTest};
}

/**
 * Resolves when the page next has nothing to do: by then whatever it starts later (the second copy of
 * the script, code loaded "when the page is idle", a layout-shift report) has started. For checks that
 * something does NOT happen, instead of a fixed wait; the timeout only stops a page that is never idle
 * from hanging the test.
 */
function pageIdle(page: Page): Promise<void> {
  return new Promise((resolve) => page.win.requestIdleCallback(() => resolve(), {timeout: 10_000}));
}

/** Globals the page gained after record.js ran, other than the recorder's own and Lit's markers. */
function addedGlobals(page: Page): string[] {
  const before = new Set([...page.record.globalsBefore, '__embedTest', ...(testTools.get(page.win) ?? [])]);
  return Object.getOwnPropertyNames(page.win).filter((name) => !before.has(name) && !LIT_MARKERS.has(name));
}

type Rendered = HTMLElement & {updateComplete?: Promise<unknown>; shadowRoot: ShadowRoot};

/** Waits until the element has drawn something a person can see and read. */
async function rendered(element: Element | null, minText = 1): Promise<Rendered> {
  expect(element, 'element is on the page').to.exist;
  const el = element as Rendered;
  await waitUntil(
    () => (el.shadowRoot?.textContent?.trim().length ?? 0) >= minText,
    `<${el.localName}> never rendered`,
  );
  await el.updateComplete;
  return el;
}

function isShown(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0 && el.checkVisibility({opacityProperty: true, visibilityProperty: true});
}

function launcherOf(page: Page) {
  return page.doc.querySelector('care-feedback-launcher') as (Rendered & {isOpen: boolean}) | null;
}

/** The launcher's button is on screen, big enough to tap, and nothing covers it. */
async function expectUsableLauncher(page: Page): Promise<HTMLButtonElement> {
  await waitUntil(() => launcherOf(page), 'the launcher was never added');
  const launcher = await rendered(launcherOf(page));
  const button = launcher.shadowRoot.querySelector('[part~="button"]') as HTMLButtonElement;
  expect(button, 'launcher button').to.exist;
  expect(isShown(button), 'launcher button is shown').to.be.true;
  const rect = button.getBoundingClientRect();
  expect(rect.width, 'target width').to.be.at.least(44);
  expect(rect.height, 'target height').to.be.at.least(44);
  expect(rect.left).to.be.at.least(0);
  expect(rect.top).to.be.at.least(0);
  expect(rect.right).to.be.at.most(page.win.innerWidth);
  expect(rect.bottom).to.be.at.most(page.win.innerHeight);
  const hit = page.doc.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
  expect(hit, 'nothing covers the launcher button').to.equal(launcher);
  return button;
}

// Globals added by the test's own tools (axe and the core-js inside it), per page window.
const testTools = new WeakMap<Window, string[]>();

/** Runs axe-core inside the page's own frame (axe cannot check another document from outside). */
async function expectAccessibleIn(page: Page, context: Element | Document, state: string): Promise<void> {
  const win = page.win as PageWindow & {axe?: Window['axe']};
  if (!win.axe) {
    const names = new Set(Object.getOwnPropertyNames(win));
    const script = page.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    page.doc.head.append(script);
    await loaded;
    testTools.set(win, Object.getOwnPropertyNames(win).filter((name) => !names.has(name)));
  }
  const results = await win.axe!.run(context, {runOnly: {type: 'tag', values: WCAG_TAGS}, resultTypes: ['violations']});
  const problems = results.violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' > ')}`).join('\n')}`);
  expect(problems, `axe (${state})`).to.deep.equal([]);
}

function expectClean(page: Page): void {
  expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
  expect(page.record.violations, 'CSP or Trusted Types violations').to.deep.equal([]);
  expect(page.record.consoleErrors, 'console errors').to.deep.equal([]);
  expect(addedGlobals(page), 'globals added to the page').to.deep.equal(['CareFeedback']);
}

/** Moves the real mouse over a button inside a test page's frame. */
async function pointAt(button: HTMLButtonElement): Promise<void> {
  const frame = [...frames].find((candidate) => candidate.contentDocument === button.ownerDocument)!;
  const outer = frame.getBoundingClientRect();
  const inner = button.getBoundingClientRect();
  await sendMouse({type: 'move', position: [Math.round(outer.left + inner.left + inner.width / 2), Math.round(outer.top + inner.top + inner.height / 2)]});
}

/** Opens the launcher's dialog with a click and checks the form inside is there to use. */
async function openDialog(page: Page, button: HTMLButtonElement): Promise<Form> {
  button.click();
  const launcher = launcherOf(page)!;
  await waitUntil(() => launcher.isOpen, 'the dialog never opened');
  const dialog = launcher.shadowRoot.querySelector('dialog')!;
  expect(dialog.open).to.be.true;
  expect(isShown(dialog), 'dialog is shown').to.be.true;
  const form = (await rendered(dialog.querySelector('care-feedback-form'), 10)) as unknown as Form;
  const control = form.shadowRoot!.querySelector('care-feedback-picker, input, button');
  expect(control && isShown(control), 'the form inside the dialog has visible controls').to.be.true;
  return form;
}

/** Asks for the bundle once, so a build (if dist is missing or stale) happens here, not inside a test's timeout. */
async function buildFirst(this: Mocha.Context): Promise<void> {
  this.timeout(300_000);
  const response = await fetch('/embed-pages/dist/care-feedback.js', {cache: 'no-store'});
  expect(response.status, `the built bundle is served (did the build fail? ${response.ok ? '' : await response.text()})`).to.equal(200);
}

/** What the build recorded: each file's hash, and the files each tag's code needs (dist/integrity.json). */
interface Integrity {
  files: {[file: string]: {integrity: string; imports: string[]}};
  entry: string[];
  elements: {[tag: string]: string[]};
}

async function integrity(): Promise<Integrity> {
  const response = await fetch('/embed-pages/dist/integrity.json', {cache: 'no-store'});
  return (await response.json()) as Integrity;
}

/** The built files (under dist/, or a collector's /embed/) this page has fetched so far, from the browser's own resource list. */
function fetchedFiles(page: Page): string[] {
  return page.win.performance
    .getEntriesByType('resource')
    .map((entry) => /\/(?:dist|embed)\/(.+)$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((file): file is string => file !== undefined);
}

/** The file holding a tag's own code (the first of the files it needs). */
const fileOf = (record: Integrity, tag: string) => record.elements[tag]![0]!;

describe('the embed bundle (built) on pages it does not control', function () {
  this.timeout(60_000);
  before(buildFirst);

  it('survives hostile page CSS: every element renders and the launcher stays usable', async () => {
    const page = await load('hostile.html');
    // Each element's code loads when the page needs it; this page uses all six (the form in the launcher too).
    for (const tag of PUBLIC_TAGS) await waitUntil(() => page.win.customElements.get(tag), `<${tag}> was never defined`);
    const picker = await rendered(page.doc.querySelector('care-feedback-picker'), 20);
    const form = await rendered(page.doc.querySelector('care-feedback-form'), 20);
    const jargon = await rendered(page.doc.querySelector('care-jargon'));
    const glossary = await rendered(page.doc.querySelector('care-glossary'), 200);
    const charter = await rendered(page.doc.querySelector('care-rights-charter'), 200);
    for (const el of [picker, form, glossary, charter]) {
      const control = el.shadowRoot.querySelector('input, button, h2, h3, dl, ul, ol');
      expect(control, `<${el.localName}> has content`).to.exist;
      expect(isShown(control!), `<${el.localName}> content is shown despite * { all: unset }`).to.be.true;
    }
    const term = jargon.shadowRoot.querySelector('button');
    expect(term && isShown(term), 'the jargon term button is shown despite button { display: none }').to.be.true;
    const button = await expectUsableLauncher(page);
    await expectAccessibleIn(page, picker, 'picker on a hostile page');
    await openDialog(page, button);
    await expectAccessibleIn(page, launcherOf(page)!, 'launcher dialog open on a hostile page');
    expectClean(page);
  });

  it('works under a strict CSP with Trusted Types enforced, and a submission reaches a real collector', async () => {
    const collector = (await executeServerCommand('care-collector-start', {minElapsedMs: 0})) as {id: string; endpoint: string};
    try {
      // The collector is on another origin, as in production: the page's CSP allows exactly that origin.
      const page = await load(`csp.html?collector=${encodeURIComponent(collector.endpoint)}`);
      await rendered(page.doc.querySelector('care-feedback-picker'), 20);
      await rendered(page.doc.querySelector('care-glossary'), 200);
      await rendered(page.doc.querySelector('care-rights-charter'), 200);
      await rendered(page.doc.querySelector('care-jargon'));
      const button = await expectUsableLauncher(page);
      const form = await openDialog(page, button);

      const message = `Sent from a page with a strict policy ${Date.now()}.`;
      await walkTo(form, 'review', {kind: 'compliment', message});
      // "About you" is on the done screen only: its code comes then, checked against its hash like every file.
      const aboutYou = fileOf(await integrity(), 'care-about-you');
      expect(fetchedFiles(page), '"About you" is not fetched before the feedback is sent').not.to.include(aboutYou);
      await next(form);
      await waitForPhase(form, 'done', 10_000);
      await waitUntil(() => page.win.customElements.get('care-about-you'), '<care-about-you> was never defined on the done screen');
      const preload = page.doc.querySelector<HTMLLinkElement>(`link[rel="modulepreload"][href$="${aboutYou}"]`);
      expect(preload?.integrity, '"About you" was preloaded with its hash').to.equal((await integrity()).files[aboutYou]!.integrity);
      expect(form.shadowRoot!.querySelector('care-about-you')!.shadowRoot, '"About you" drawn on the done screen').to.exist;
      const stored = (await executeServerCommand('care-collector-list', {id: collector.id})) as Array<{submission: {message: string; kind: string}}>;
      expect(stored.map((record) => [record.submission.kind, record.submission.message]), 'stored once by the collector').to.deep.equal([['compliment', message]]);
      expect(phase(form)).to.equal('done');
      expectClean(page);
    } finally {
      await executeServerCommand('care-collector-stop', {id: collector.id});
    }
  });

  it('one line loaded from the collector, with no data-endpoint, sends to that collector', async () => {
    const collector = (await executeServerCommand('care-collector-start', {minElapsedMs: 0})) as {id: string; endpoint: string};
    try {
      const page = await load(`one-line.html?collector=${encodeURIComponent(collector.endpoint)}`);
      expect(page.win.CareFeedback!.getConfig().endpoint, 'the collector the code came from').to.equal(collector.endpoint);
      const form = await openDialog(page, await expectUsableLauncher(page));
      const message = `Sent from one line ${Date.now()}.`;
      await walkTo(form, 'review', {kind: 'compliment', message});
      await next(form);
      await waitForPhase(form, 'done', 10_000);
      const stored = (await executeServerCommand('care-collector-list', {id: collector.id})) as Array<{submission: {message: string}}>;
      expect(stored.map((record) => record.submission.message), 'stored once by that collector').to.deep.equal([message]);
      const origins = new Set(
        page.win.performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name))
          .filter((url) => url.pathname.includes('/embed/'))
          .map((url) => url.origin),
      );
      expect([...origins], 'every file of the embed came from the collector').to.deep.equal([new URL(collector.endpoint).origin]);
      expectClean(page);
    } finally {
      await executeServerCommand('care-collector-stop', {id: collector.id});
    }
  });

  it('works with the nonce option of the CSP (script-src with a nonce and strict-dynamic)', async () => {
    const page = await load('csp-nonce.html');
    await rendered(page.doc.querySelector('care-feedback-picker'), 20);
    await rendered(page.doc.querySelector('care-rights-charter'), 200);
    await expectUsableLauncher(page);
    expectClean(page);
  });

  it('loads with a Subresource Integrity hash of the built file', async () => {
    const page = await load('sri.html');
    await expectUsableLauncher(page);
    expectClean(page);
  });

  it('is harmless loaded twice (and as a module too): one global, one launcher, the first settings kept', async () => {
    const page = await load('twice.html');
    await pageIdle(page);
    await rendered(page.doc.querySelector('care-feedback-picker'), 20);
    await expectUsableLauncher(page);
    expect(page.doc.querySelectorAll('care-feedback-launcher').length, 'one launcher').to.equal(1);
    expect(launcherOf(page)!.getAttribute('position')).to.equal('bottom-right');
    expect(page.win.CareFeedback!.getConfig()['endpoint']).to.equal('/__test-endpoint/embed-twice/v1');
    expect(page.record.warnings.filter((w) => w.includes('care-feedback')), 'same version: no warning').to.deep.equal([]);
    expectClean(page);
  });

  it('with two versions on the page, keeps the first, warns once per kind of clash, and never throws', async () => {
    const page = await load('two-versions.html');
    await rendered(page.doc.querySelector('care-feedback-picker'), 20);
    await expectUsableLauncher(page);
    expect(page.win.CareFeedback!.version).to.equal('0.0.9');
    expect(page.record.warnings.some((w) => /0\.0\.9.*0\.1\.0|0\.1\.0.*0\.0\.9/.test(w)), 'a version warning').to.be.true;
    expect(page.doc.querySelectorAll('care-feedback-launcher').length).to.equal(1);
    expectClean(page);
  });

  it('lives beside another copy of Lit under Trusted Types', async () => {
    const page = await load('other-lit.html');
    await rendered(page.doc.querySelector('page-card'));
    await rendered(page.doc.querySelector('care-feedback-picker'), 20);
    await rendered(page.doc.querySelector('care-feedback-form'), 20);
    await expectUsableLauncher(page);
    expect(page.win.litHtmlVersions?.length ?? 0, 'two copies of lit-html on the page').to.be.at.least(2);
    expectClean(page);
  });

  it('reads every setting from its own tag in the module build, and attributes on an element win', async () => {
    const page = await load('esm.html');
    const config = page.win.CareFeedback!.getConfig();
    expect(config).to.include({
      endpoint: '/__test-endpoint/embed-esm/v1',
      locale: 'cy',
      readingLevel: 'easy',
      privacyUrl: '/privacy',
      glossaryUrl: '/my-glossary.json',
      glossaryPage: '/jargon-buster',
      storage: 'none',
      assetBase: new URL('/embed-pages/dist/', location.href).href,
    });
    expect(config['services']).to.deep.equal([
      {id: 'north', label: 'Home care (north)'},
      {id: 'day', label: 'Day centre, Mill Street'},
    ]);
    // The theme sets only well-formed --care-* properties.
    const root = page.win.getComputedStyle(page.doc.documentElement);
    expect(root.getPropertyValue('--care-accent').trim()).to.equal('#00703c');
    expect(root.getPropertyValue('--care-radius').trim()).to.equal('12px');
    expect(root.getPropertyValue('--care-font-family').trim()).to.equal('');
    await expectUsableLauncher(page);
    const own = page.doc.querySelector('#with-own') as HTMLElement & {services: unknown};
    const fromTag = page.doc.querySelector('#from-tag') as HTMLElement & {services: unknown};
    expect(own.services).to.deep.equal([{id: 'own', label: 'Its own service'}]);
    expect(fromTag.services).to.deep.equal(config['services']);
    expectClean(page);
  });

  it('loads locales on demand from beside the script', async () => {
    const page = await load('esm.html');
    await rendered(page.doc.querySelector('care-feedback-form'), 20);
    await waitUntil(
      () => page.win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/embed-pages/dist/locales/cy/')),
      'no Welsh strings were fetched from beside the bundle',
    );
  });

  it('never shifts the page layout while loading and adding the launcher', async () => {
    const page = await load('impact.html', {width: 800, height: 600});
    await expectUsableLauncher(page);
    await pageIdle(page);
    expect(page.record.layoutShift, 'cumulative layout shift').to.equal(0);
    console.log(`[embed impact] long tasks while loading: ${JSON.stringify(page.record.longTasks)}`);
    expectClean(page);
  });

  it('at 320 px wide with huge page fonts, the launcher still fits and opens', async () => {
    const page = await load('hostile.html', {width: 320, height: 560});
    const button = await expectUsableLauncher(page);
    await openDialog(page, button);
    const dialog = launcherOf(page)!.shadowRoot.querySelector('dialog')!;
    expect(dialog.getBoundingClientRect().width, 'dialog fits the narrow screen').to.be.at.most(320);
    expectClean(page);
  });

  it('CareFeedback.open() opens the form even when the tag asked for no launcher', async () => {
    const page = await load('sri.html');
    // sri.html has a launcher; remove it to stand for data-launcher="none".
    await waitUntil(() => launcherOf(page), 'launcher');
    launcherOf(page)!.remove();
    page.win.CareFeedback!.open({kind: 'suggestion'});
    await waitUntil(() => launcherOf(page)?.isOpen, 'the dialog never opened');
    const launcher = launcherOf(page)!;
    expect(launcher.hidden, 'a launcher with no button').to.be.true;
    expect(isShown(launcher.shadowRoot.querySelector('[part~="button"]')!)).to.be.false;
    const form = launcher.shadowRoot.querySelector('care-feedback-form') as HTMLElement & {kind?: string};
    expect(form.kind).to.equal('suggestion');
    await rendered(form, 10);
    page.win.CareFeedback!.close();
    expect((launcher as unknown as {confirmingClose: boolean}).confirmingClose, 'nothing typed, so it closes without asking').to.be.false;
    // The dialog itself, not isOpen: that follows the dialog's close event, which a background tab may hold back.
    const dialog = launcher.shadowRoot.querySelector('dialog')!;
    await waitUntil(() => !dialog.open, 'the dialog never closed');
    expectClean(page);
  });
  it('CareFeedback exists as soon as the tag has run: calls made before the code arrives run then, in order', async () => {
    const page = await load('early-calls.html');
    expect(page.record.earlyError, 'calling CareFeedback straight after the tag').to.equal(undefined);
    expect(page.record.earlyVersion).to.equal(page.win.CareFeedback!.version);
    expect(page.record.earlyElements, 'the stand-in defines nothing itself').to.equal(0);
    expect(page.record.earlyConfig, 'getConfig() answers what was configured so far').to.equal('high-contrast');
    await waitUntil(() => launcherOf(page)?.isOpen, 'the open() made before the code arrived never ran');
    const form = launcherOf(page)!.shadowRoot.querySelector('care-feedback-form') as HTMLElement & {kind?: string};
    expect(form.kind, 'open({kind}) kept its options').to.equal('complaint');
    expect(page.win.CareFeedback!.getConfig().theme, 'configure() made before the code arrived ran').to.equal('high-contrast');
    expectClean(page);
  });

  it('a page with only <care-jargon> fetches the jargon code and never the form, the launcher or the others', async () => {
    const record = await integrity();
    const page = await load('jargon-only.html');
    await rendered(page.doc.querySelector('care-jargon'));
    // Anything loaded "when the page is idle" has started by then.
    await pageIdle(page);
    const fetched = fetchedFiles(page);
    expect(fetched, 'the jargon code').to.include(fileOf(record, 'care-jargon'));
    for (const tag of ['care-feedback-form', 'care-feedback-picker', 'care-feedback-launcher', 'care-glossary', 'care-rights-charter']) {
      expect(fetched, `no code for <${tag}>`).not.to.include(fileOf(record, tag));
      expect(page.win.customElements.get(tag), `<${tag}> not defined`).to.be.undefined;
    }
    expectClean(page);
  });

  for (const [how, reach] of [
    ['focused from the keyboard', (button: HTMLButtonElement) => button.focus()],
    ['pointed at', pointAt],
  ] as const) {
    it(`a page with the launcher fetches the form's code only once the launcher is ${how}`, async () => {
      const record = await integrity();
      // Small enough that the launcher's corner is inside the test runner's own window, for the real mouse.
      const page = await load('impact.html', {width: 360, height: 400});
      const button = await expectUsableLauncher(page);
      await pageIdle(page);
      const form = fileOf(record, 'care-feedback-form');
      expect(fetchedFiles(page), 'a page view where nobody reaches for the launcher fetches no form').not.to.include(form);
      await reach(button);
      await waitUntil(() => fetchedFiles(page).includes(form), `the launcher was ${how} and the form's code never came`);
      expectClean(page);
    });
  }

  it('what Chromium fetches: a page view with the launcher stays within 15 KB brotli, and all a complaint needs within its ceiling', async () => {
    const page = await load('impact.html');
    const button = await expectUsableLauncher(page);
    await pageIdle(page);
    const brotli = async (files: string[]) => {
      const sizes = (await executeServerCommand('care-embed-brotli', {files})) as {[file: string]: number};
      return Object.values(sizes).reduce((total, size) => total + size, 0);
    };
    const viewFiles = fetchedFiles(page);
    const view = await brotli(viewFiles);
    const form = await openDialog(page, button);
    await walkTo(form, 'review', {kind: 'complaint', message: 'The carer came two hours late.'});
    const complaintFiles = fetchedFiles(page);
    const complaint = await brotli(complaintFiles);
    console.log(`[embed bytes] page view ${view} B brotli (${viewFiles.join(', ')}); a complaint ${complaint} B brotli (${complaintFiles.join(', ')})`);
    expect(view, `a page view fetched ${view} B brotli`).to.be.at.most(PAGE_VIEW_BUDGET);
    expect(complaint, `a complaint fetched ${complaint} B brotli`).to.be.at.most(COMPLAINT_CEILING);
    expectClean(page);
  });

  it('feedback kept on the device while the collector was away goes on the next page view, with nothing opened', async () => {
    const record = await integrity();
    const first = (await executeServerCommand('care-collector-start', {minElapsedMs: 0})) as {id: string; endpoint: string};
    const port = Number(new URL(first.endpoint).port);
    let again: {id: string; endpoint: string} | undefined;
    try {
      const page = await load(`one-line.html?collector=${encodeURIComponent(first.endpoint)}`);
      const form = await openDialog(page, await expectUsableLauncher(page));
      const message = `Kept on this device ${Date.now()}.`;
      await walkTo(form, 'review', {kind: 'compliment', message});
      // The collector goes away just as the person sends: the form keeps it and says so.
      await executeServerCommand('care-collector-stop', {id: first.id});
      await next(form);
      await waitUntil(() => page.record.outcomes.some(([type]) => type === 'care-queued'), 'the form never said the feedback was kept');
      const [, queued] = page.record.outcomes.find(([type]) => type === 'care-queued')!;
      expect(queued, 'kept where a later page can find it').to.include({persistence: 'indexeddb'});
      // The person leaves; later the collector is back and they open another page of the site.
      for (const frame of frames.splice(0)) frame.remove();
      again = (await executeServerCommand('care-collector-start', {minElapsedMs: 0, port})) as {id: string; endpoint: string};
      const later = await load(`one-line.html?collector=${encodeURIComponent(again.endpoint)}`);
      await waitUntil(
        async () => ((await executeServerCommand('care-collector-list', {id: again!.id})) as unknown[]).length > 0,
        'what was kept never reached the collector',
      );
      const stored = (await executeServerCommand('care-collector-list', {id: again.id})) as Array<{id: string; reference: string; submission: {message: string}}>;
      expect(stored.map((item) => item.submission.message), 'stored once').to.deep.equal([message]);
      await waitUntil(() => later.record.outcomes.length, 'the page never said the feedback went');
      expect(later.record.outcomes, 'said through the event a form would fire').to.deep.equal([
        ['care-delivered', {id: stored[0]!.id, reference: stored[0]!.reference}],
      ]);
      expect(launcherOf(later)!.isOpen, 'nothing was opened').to.be.false;
      expect(fetchedFiles(later), "the form's code was not needed").not.to.include(fileOf(record, 'care-feedback-form'));
      expectClean(later);
    } finally {
      if (again) await executeServerCommand('care-collector-stop', {id: again.id});
      else await executeServerCommand('care-collector-stop', {id: first.id});
    }
  });

  it('a <care-feedback-picker> added to the page later has its code loaded then', async () => {
    const page = await load('jargon-only.html');
    await rendered(page.doc.querySelector('care-jargon'));
    expect(page.win.customElements.get('care-feedback-picker')).to.be.undefined;
    const section = page.doc.createElement('section');
    section.append(page.doc.createElement('care-feedback-picker'));
    page.doc.body.append(section);
    await rendered(section.firstElementChild, 20);
    expectClean(page);
  });

  it("opening the launcher loads the form's code, even when it arrives after the dialog opened, and the form works", async () => {
    const record = await integrity();
    // The form's chunk comes 1.5 s late here, so the dialog opens before the form is defined.
    const page = await load('slow/form/impact.html');
    const button = await expectUsableLauncher(page);
    const launcher = launcherOf(page)!;
    button.click();
    await waitUntil(() => launcher.isOpen, 'the dialog never opened');
    const heading = launcher.shadowRoot.querySelector('#heading');
    expect(launcher.shadowRoot.activeElement, 'focus on the dialog heading').to.equal(heading);
    const form = (await rendered(launcher.shadowRoot.querySelector('dialog care-feedback-form'), 10)) as unknown as Form;
    expect(fetchedFiles(page)).to.include(fileOf(record, 'care-feedback-form'));
    expect(launcher.shadowRoot.activeElement, 'focus stays on the heading while the form arrives').to.equal(heading);
    await walkTo(form, 'review', {kind: 'suggestion', message: 'A late form still works.'});
    expect(phase(form)).to.equal('review');
    expectClean(page);
  });

  for (const target of ['care-jargon', 'base']) {
    it(`refuses a chunk changed after the build (${target}): the hashes in care-feedback.js cover every file`, async () => {
      const record = await integrity();
      const file = Object.keys(record.files).find((name) => name.startsWith(`chunks/${target}-`))!;
      expect(record.elements['care-jargon'], 'the tampered file is one <care-jargon> needs').to.include(file);
      const page = await load(`tamper/${target}/jargon-only.html`);
      await waitUntil(() => fetchedFiles(page).includes(file), `${file} was never fetched`);
      await waitUntil(
        () => page.record.warnings.some((w) => w.includes('Could not load <care-jargon>')),
        'no warning that <care-jargon> could not be loaded',
      );
      await pageIdle(page);
      expect((page.win as PageWindow & {__careTampered?: boolean}).__careTampered, 'no code from the changed file ran').to.be.undefined;
      expect(page.win.customElements.get('care-jargon'), '<care-jargon> never defined').to.be.undefined;
      expect(page.record.errors, 'uncaught errors').to.deep.equal([]);
      expect(page.record.violations, 'CSP violations').to.deep.equal([]);
    });
  }
});
