// What the readability checks share: the text a sighted reader sees inside an element (through shadow roots
// and slots), collected across states, and graded on the Node side against the recorded figures
// (tools/wtr-plugins/readability.mjs, readability-figures.json; see docs/content.md).
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

export type Level = 'standard' | 'easy';
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
export function visibleBlocks(root: Element): string[] {
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
export class Collector {
  private readonly seen = new Set<string>();
  take(root: Element) {
    for (const block of visibleBlocks(root)) this.seen.add(block);
  }
  /** An element skipped wherever it sits (see SKIPPED), graded from inside its shadow root. */
  takeInside(host: Element) {
    for (const child of host.shadowRoot!.children) this.take(child);
  }
  get blocks() {
    return [...this.seen];
  }
}

export async function expectNoWorse(area: string, level: Level, blocks: string[]) {
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

