// Every page of the example provider site (examples/provider-site), with the BUILT bundle, has no axe
// violations (WCAG 2.2 A and AA) at desktop and phone widths, with the launcher closed and open.
import {expect} from '@open-wc/testing';
import {WCAG_TAGS, waitUntil} from '../../packages/elements/src/test-support/index.js';
import type {AxeResults} from 'axe-core';

const PAGES = ['index.html', 'our-services.html', 'have-your-say.html', 'your-rights.html', 'jargon-buster.html', 'privacy.html', '404.html', 'you-said-we-did.html', 'get-involved.html'];
const WIDTHS = [1280, 320];

type SiteWindow = Window & typeof globalThis & {axe?: {run(context: Document | Element, options: object): Promise<AxeResults>}};

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

async function open(page: string, width: number): Promise<SiteWindow> {
  const frame = document.createElement('iframe');
  frame.title = page;
  frame.style.cssText = `width:${width}px;height:800px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, {once: true}));
  frame.src = `/embed-site/${page}`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as SiteWindow;
  // Started: the real CareFeedback, which lists its elements, not the loader's stand-in.
  await waitUntil(() => (win as {CareFeedback?: {elements: unknown[]}}).CareFeedback?.elements.length, `the script tag never started on ${page}`);
  // Every care-* element on the page has rendered; the glossary and charter have fetched their content.
  const elements = [...win.document.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-'));
  for (const el of elements) {
    await waitUntil(() => (el.shadowRoot?.textContent?.trim().length ?? 0) > 0, `<${el.localName}> never rendered on ${page}`);
    await (el as HTMLElement & {updateComplete?: Promise<unknown>}).updateComplete;
  }
  for (const tag of ['care-glossary', 'care-rights-charter']) {
    const el = win.document.querySelector(tag);
    if (el) await waitUntil(() => (el.shadowRoot?.textContent?.length ?? 0) > 300, `<${tag}> never showed its content`);
  }
  return win;
}

async function axe(win: SiteWindow, state: string): Promise<void> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    win.document.head.append(script);
    await loaded;
  }
  const results = await win.axe!.run(win.document, {runOnly: {type: 'tag', values: WCAG_TAGS}, resultTypes: ['violations']});
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' > ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  expect(problems, `axe on ${state}`).to.deep.equal([]);
}

describe('the example provider site', function () {
  this.timeout(60_000);
  // A build (if dist is missing or stale) happens here, not inside a test's timeout.
  before(async function () {
    this.timeout(300_000);
    const response = await fetch('/embed-site/care-feedback.js', {cache: 'no-store'});
    expect(response.status, `the built bundle is served (did the build fail? ${response.ok ? '' : await response.text()})`).to.equal(200);
  });

  for (const width of WIDTHS) {
    for (const page of PAGES) {
      it(`${page} at ${width}px has no axe violations`, async () => {
        const win = await open(page, width);
        await axe(win, `${page} at ${width}px`);
        // Nothing sideways: the page fits the screen (WCAG 1.4.10 reflow at 320 px).
        expect(win.document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(width);
      });
    }

    it(`the home page's launcher dialog at ${width}px has no axe violations`, async () => {
      const win = await open('index.html', width);
      const launcher = win.document.querySelector('care-feedback-launcher') as HTMLElement & {isOpen: boolean};
      expect(launcher, 'the script tag added a launcher').to.exist;
      (launcher.shadowRoot!.querySelector('[part~="button"]') as HTMLButtonElement).click();
      await waitUntil(() => launcher.isOpen, 'the dialog never opened');
      const form = launcher.shadowRoot!.querySelector('care-feedback-form')!;
      await waitUntil(() => (form.shadowRoot?.textContent?.trim().length ?? 0) > 0, 'the form never rendered');
      await axe(win, `index.html with the dialog open at ${width}px`);
    });
  }
});
