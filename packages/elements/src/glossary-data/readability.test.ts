// Readability of what the elements draw, in real Chromium: the form through a whole complaint, the glossary's
// definitions and the charter with every section open, in standard English and easy read. Each area's
// sentences are graded on the Node side (tools/wtr-plugins/readability.mjs, Flesch–Kincaid with the CMU
// pronouncing dictionary) and must be no worse than the figures recorded in readability-figures.json.
import {expect, fixtureSync, html} from '@open-wc/testing';
import {nothing} from 'lit';
import {executeServerCommand} from '@web/test-runner-commands';
import '../define/care-glossary.js';
import '../define/care-rights-charter.js';
import '../define/care-about-you.js';
import type {CareGlossary} from '../glossary/glossary.js';
import type {CareRightsCharter} from '../rights-charter/rights-charter.js';
import {fixtureReady, waitUntil} from '../test-support/index.js';
import {
  $,
  chooseKind,
  click,
  endpointFor,
  fill,
  makeForm,
  next,
  phase,
  uniqueId,
  waitForPhase,
  type Form,
} from '../feedback-form/test-helpers.js';

type Level = 'standard' | 'easy';
interface Figures {
  sentences: number;
  atOrBelow6: number;
  atOrBelow4: number;
  median: number;
  hardest?: {grade: number; text: string}[];
}

/** How far an area may slip before the test fails: small, so only a real change in wording trips it. */
const SHARE_TOLERANCE = 0.01;
const MEDIAN_TOLERANCE = 0.2;

// Headings and labels name things; they are not graded. Their hints and error messages are. So are the
// review's questions (dt), and the reference number.
const NOT_GRADED = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LABEL',
  'LEGEND',
  'BUTTON',
  'SUMMARY',
  'DT',
]);
const GRADED_INSIDE_LABELS = '.hint, .error-message';
// "About you" sits on the form's done screen but is an element of its own, graded as its own area.
const SKIPPED = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'INPUT', 'TEXTAREA', 'SELECT', 'CARE-ABOUT-YOU']);

/** Is this element shown to a sighted reader (not hidden, not the 1-pixel screen-reader-only pattern)? */
function shown(el: Element): boolean {
  if (!el.checkVisibility()) return false;
  const box = el.getBoundingClientRect();
  return !(box.width <= 1 && box.height <= 1 && getComputedStyle(el).position === 'absolute');
}

/**
 * The text a sighted reader sees inside `root`, through shadow roots and slots, as one string per block
 * (a paragraph, a list item, a hint). Text inside headings, labels, legends and buttons is left out,
 * except hints and error messages placed inside a label.
 */
function visibleBlocks(root: Element): string[] {
  const blocks = new Map<Element, string>();
  const blockOf = (el: Element) => {
    let node: Element | null = el;
    while (node && getComputedStyle(node).display.startsWith('inline') && node.parentElement)
      node = node.parentElement;
    return node ?? el;
  };
  const walk = (node: Node, graded: boolean) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (graded && parent && node.textContent) {
        const block = blockOf(parent);
        blocks.set(block, (blocks.get(block) ?? '') + node.textContent);
      }
      return;
    }
    // A slot is display: contents, which checkVisibility() calls hidden; what it shows is seen where it sits.
    if (!(node instanceof Element) || SKIPPED.has(node.tagName)) return;
    if (!(node instanceof HTMLSlotElement) && !shown(node)) return;
    let inside = graded;
    // A <care-jargon> word is drawn as a button, but it is a word of the sentence around it.
    const jargonWord = (node.getRootNode() as ShadowRoot).host?.localName === 'care-jargon';
    if ((NOT_GRADED.has(node.tagName) && !jargonWord) || node.getAttribute('role') === 'heading')
      inside = false;
    if (node.matches(GRADED_INSIDE_LABELS)) inside = true;
    if (node instanceof HTMLSlotElement) {
      for (const child of node.assignedNodes({flatten: true})) walk(child, inside);
      return;
    }
    const children = node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
    for (const child of children) walk(child, inside);
  };
  walk(root, true);
  // Only sentences are graded: a block that ends without . ? or ! is a name or an answer ("Complaint",
  // "Not given", the person's own email address), like a label.
  return [...blocks.values()]
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => /[.?!][”’")]?$/u.test(text));
}

/** Collects each block once, in the order first seen, across several states of one area. */
class Collector {
  private readonly seen = new Set<string>();
  take(root: Element) {
    for (const block of visibleBlocks(root)) this.seen.add(block);
  }
  get blocks() {
    return [...this.seen];
  }
}

async function expectNoWorse(area: string, level: Level, blocks: string[]) {
  const {figures, recorded} = await executeServerCommand<
    {figures: Figures; recorded: Figures | null},
    {area: string; level: Level; sentences: string[]}
  >('readability-grade', {area, level, sentences: blocks});
  const report = `${area}, ${level}: ${figures.sentences} sentences, ${Math.round(figures.atOrBelow6 * 100)}% at grade 6 or below, ${Math.round(figures.atOrBelow4 * 100)}% at 4 or below, median ${figures.median}. Hardest: ${figures.hardest!.map((s) => `[${s.grade}] ${s.text}`).join(' | ')}`;
  console.log(report);
  expect(figures.sentences, `${area} (${level}) shows no sentences to grade`).to.be.greaterThan(5);
  expect(
    recorded,
    `no recorded figures for ${area} (${level}); record them (docs/content.md)`,
  ).to.not.equal(null);
  const key = level === 'easy' ? 'atOrBelow4' : 'atOrBelow6';
  expect(
    figures[key],
    `${report}\nThe share of easy sentences fell below the recorded ${recorded![key]}.`,
  ).to.be.at.least(recorded![key] - SHARE_TOLERANCE);
  expect(
    figures.median,
    `${report}\nThe median grade rose above the recorded ${recorded!.median}.`,
  ).to.be.at.most(recorded!.median + MEDIAN_TOLERANCE);
}

/** Walks a complaint from the first step to the thank-you screen, taking the text at every step. */
async function walkComplaint(level: Level): Promise<string[]> {
  const collector = new Collector();
  const name = uniqueId('readability');
  const el = await makeForm(
    html`<care-feedback-form
      id=${uniqueId('readability')}
      storage="none"
      reading-level=${level}
      endpoint=${endpointFor(name)}
      privacy-url="/privacy"
      services=${JSON.stringify([{id: 'home-care', label: 'Home care'}])}
      safeguarding-contact="01632 960001"
    ></care-feedback-form>`,
  );
  const take = () => collector.take(el);
  // Each step as it first appears, then (where an answer is needed) with its error messages showing.
  take();
  await next(el);
  take();
  await chooseKind(el, 'complaint');
  await next(el);
  for (let guard = 0; guard < 12 && phase(el) !== 'review'; guard++) {
    take();
    switch (phase(el)) {
      case 'rating':
        await click(el, 'input[name="f-rating"][value="poor"]');
        break;
      case 'story':
        await fill(el, '#f-message', 'a'.repeat(5001));
        take();
        await next(el);
        take();
        await fill(el, '#f-message', 'Carers came late');
        break;
      case 'about':
        break;
      case 'reply':
        await next(el);
        take();
        await click(el, '#f-reply-2');
        await click(el, '#f-method');
        await fill(el, '#f-email', 'not an email');
        await next(el);
        take();
        await fill(el, '#f-email', 'sam@example.org');
        break;
      case 'needs':
        await click(el, 'input[name="f-needs"][value="other"]');
        take();
        break;
      case 'consent':
        await next(el);
        take();
        await click(el, '#f-consent-store');
        break;
    }
    await next(el);
  }
  expect(phase(el)).to.equal('review');
  take();
  $(el, 'button[type="submit"]')!.click();
  await waitForPhase(el, 'done');
  take();
  el.remove();
  return collector.blocks;
}

/** A form with nowhere to send shows the failed screen. */
async function failedScreen(level: Level): Promise<string[]> {
  const collector = new Collector();
  const el: Form = await makeForm(
    html`<care-feedback-form
      id=${uniqueId('readability-failed')}
      storage="none"
      reading-level=${level}
    ></care-feedback-form>`,
  );
  await chooseKind(el, 'comment');
  await next(el);
  for (let guard = 0; guard < 12 && phase(el) !== 'review'; guard++) {
    if (phase(el) === 'story') await fill(el, '#f-message', 'Lunch was cold');
    if (phase(el) === 'reply') await click(el, '#f-reply');
    if (phase(el) === 'consent') await click(el, '#f-consent-store');
    await next(el);
  }
  $(el, 'button[type="submit"]')!.click();
  await waitForPhase(el, 'failed');
  collector.take(el);
  el.remove();
  return collector.blocks;
}

for (const level of ['standard', 'easy'] as const) {
  describe(`readability of what the elements show (${level})`, () => {
    it('the form, through a whole complaint, its errors and its last screens, is no harder than recorded', async function () {
      this.timeout(60_000);
      const blocks = [...(await walkComplaint(level)), ...(await failedScreen(level))];
      await expectNoWorse('form', level, [...new Set(blocks)]);
    });

    it("the glossary's definitions are no harder than recorded", async function () {
      this.timeout(60_000);
      const root = await fixtureReady(
        html`<care-glossary reading-level=${level}></care-glossary>`,
        'care-glossary',
      );
      const glossary = root as CareGlossary;
      await glossary.updateComplete;
      const definitions = [...glossary.shadowRoot!.querySelectorAll('[part="definition"]')];
      expect(definitions.length, 'every built-in term is shown').to.be.greaterThan(200);
      await expectNoWorse(
        'glossary',
        level,
        visibleBlocks(glossary).filter((block) =>
          definitions.some(
            (definition) => definition.textContent!.replace(/\s+/g, ' ').trim() === block,
          ),
        ),
      );
      root.remove();
    });

    it('"About you", as the done screen offers it, is no harder than recorded', async function () {
      this.timeout(60_000);
      const root = fixtureSync(
        html`<care-about-you
          submission-id="0192f0a0-0000-7000-8000-000000000001"
          reading-level=${level === 'easy' ? 'easy' : nothing}
        ></care-about-you>`,
      );
      await (root as HTMLElement & {updateComplete: Promise<unknown>}).updateComplete;
      // Easy-read words load after the first draw: wait for one of them (locales/en-GB/about-you.easy.json).
      if (level === 'easy')
        await waitUntil(
          () => root.shadowRoot!.textContent!.includes('Your answers help us check we treat all people fairly.'),
          'the easy-read words of "About you" were drawn',
        );
      // Graded from inside: the element itself is skipped wherever it sits (see SKIPPED).
      const blocks = [...root.shadowRoot!.children].flatMap((child) => visibleBlocks(child));
      await expectNoWorse('about-you', level, blocks);
      root.remove();
    });

    it('the rights charter, every section open, is no harder than recorded', async function () {
      this.timeout(60_000);
      const root = fixtureSync(
        html`<care-rights-charter expanded reading-level=${level}></care-rights-charter>`,
      );
      const charter = root as CareRightsCharter;
      await charter.ready;
      await charter.updateComplete;
      expect(
        charter.shadowRoot!.querySelectorAll('[hidden]').length,
        'every section is open',
      ).to.equal(0);
      await expectNoWorse('charter', level, visibleBlocks(charter));
      root.remove();
    });
  });
}
