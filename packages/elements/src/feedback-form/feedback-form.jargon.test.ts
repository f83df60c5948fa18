// The form explains its jargon where it appears (issue 17), in real Chromium. Every glossary word that the
// form, its picker and the launcher show is a <care-jargon>, or has its meaning said where it stands; the
// words on the last screens open their meaning with the keyboard; and axe finds nothing with the meaning
// open or closed, in en-GB, Welsh, Urdu and easy read.
import {expect, fixture, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../define/care-feedback-launcher.js';
import type {CareFeedbackLauncher} from '../feedback-launcher/feedback-launcher.js';
import type {CareJargon} from '../jargon/jargon.js';
import {loadBuiltInGlossary} from '../shared/glossary-loader.js';
import {normaliseTerm, type GlossaryEntry} from '../glossary-data/glossary-data.js';
import {expectAccessible} from '../test-support/index.js';
import {
  $,
  click,
  endpointFor,
  focused,
  makeForm,
  next,
  phase,
  picker,
  uniqueId,
  waitForPhase,
  walkTo,
  type Form,
} from './test-helpers.js';

type Level = 'standard' | 'easy';

// A provider's service names and a person's own words are theirs, not ours: none of them is a glossary word
// here, so the check below sees only the form's own text.
const OWN_WORDS_SERVICES = JSON.stringify([{id: 'north', label: 'North team'}]);
const MESSAGE = 'Lunch was cold three times.';

async function form(locale: string, level: Level) {
  return makeForm(
    html`<care-feedback-form
      id=${uniqueId('jargon')}
      locale=${locale}
      reading-level=${level}
      storage="none"
      services=${OWN_WORDS_SERVICES}
      privacy-url="/privacy"
      safeguarding-contact="01632 960001"
      endpoint=${endpointFor(uniqueId('jargon'))}
    ></care-feedback-form>`,
  );
}

/** Sends a complaint or a concern and waits for the thank-you screen. */
async function sent(el: Form, kind: 'complaint' | 'concern'): Promise<void> {
  await walkTo(el, 'review', {kind, reply: 'email', message: MESSAGE});
  await next(el);
  await waitForPhase(el, 'done');
}

async function jargonOn(el: Form): Promise<CareJargon> {
  const jargon = $(el, 'care-jargon') as CareJargon | null;
  expect(jargon, 'the thank-you screen explains its glossary word').to.exist;
  // Its code is fetched when a screen first draws it.
  await customElements.whenDefined('care-jargon');
  await jargon!.ready;
  await jargon!.updateComplete;
  expect(jargon!.entry, `"${jargon!.textContent}" is in the glossary`).to.be.an('object');
  return jargon!;
}

const word = (jargon: CareJargon) => jargon.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
const popup = (jargon: CareJargon) =>
  jargon.shadowRoot!.querySelector<HTMLElement>('[part="popup"]')!;
const definitionShown = (jargon: CareJargon) =>
  popup(jargon).matches(':popover-open') &&
  jargon.shadowRoot!.querySelector<HTMLElement>('[part="definition"]')!.checkVisibility();

for (const [locale, level] of [
  ['en-GB', 'standard'],
  ['cy', 'standard'],
  ['ur', 'standard'],
  ['en-GB', 'easy'],
] as const) {
  const name = `${locale}${level === 'easy' ? ' easy read' : ''}`;
  describe(`<care-feedback-form> jargon (${name})`, () => {
    it('"working days" after a complaint opens its meaning with the keyboard, and Escape gives focus back to the word', async function () {
      this.timeout(30_000);
      const el = await form(locale, level);
      await sent(el, 'complaint');
      const jargon = await jargonOn(el);
      expect(jargon.entry!.id).to.equal('working-day');
      expect(definitionShown(jargon), 'closed until asked').to.equal(false);
      await expectAccessible(el, `${name}: complaint sent, meaning closed`);

      // Tab from the heading, where the form puts focus, to the word.
      $(el, '.step-heading')!.focus();
      for (let tabs = 0; tabs < 8 && focused(el) !== word(jargon); tabs++)
        await sendKeys({press: 'Tab'});
      expect(focused(el), 'Tab reaches the word').to.equal(word(jargon));
      await jargon.updateComplete;
      expect(definitionShown(jargon), 'focus shows the meaning').to.equal(true);

      await sendKeys({press: 'Escape'});
      await jargon.updateComplete;
      expect(definitionShown(jargon), 'Escape closes it').to.equal(false);
      expect(focused(el), 'focus stays on the word').to.equal(word(jargon));

      await sendKeys({press: 'Enter'});
      await jargon.updateComplete;
      expect(definitionShown(jargon), 'Enter shows the meaning').to.equal(true);
      const shown = jargon.shadowRoot!.querySelector('[part="definition"]')!.textContent!.trim();
      expect(shown).to.equal(level === 'easy' ? jargon.entry!.easyRead : jargon.entry!.definition);
      if (locale === 'en-GB') expect(shown).to.contain('Monday to Friday');
      expect(word(jargon).getAttribute('aria-expanded')).to.equal('true');
      await expectAccessible(el, `${name}: complaint sent, meaning open`);

      await sendKeys({press: 'Escape'});
      await jargon.updateComplete;
      expect(definitionShown(jargon), 'Escape closes it again').to.equal(false);
      expect(focused(el), 'focus is back on the word').to.equal(word(jargon));
    });

    it('"safeguarding" after a concern explains itself, and axe finds nothing open or closed', async function () {
      this.timeout(30_000);
      const el = await form(locale, level);
      await sent(el, 'concern');
      const jargon = await jargonOn(el);
      expect(jargon.entry!.id).to.equal('safeguarding');
      await expectAccessible(el, `${name}: concern sent, meaning closed`);
      word(jargon).focus();
      await jargon.updateComplete;
      expect(definitionShown(jargon)).to.equal(true);
      await expectAccessible(el, `${name}: concern sent, meaning open`);
    });
  });
}

// ---- every glossary word shown is explained -----------------------------------------------------

/**
 * Glossary names that are everyday words here: the kinds of feedback (the picker says what each one is),
 * and the council (as docs/content.md allows in definitions).
 */
const EVERYDAY = new Set(
  [
    'feedback',
    'complaint',
    'complaints',
    'compliment',
    'comment',
    'suggestion',
    'concern',
    'council',
    'local council',
    'social care',
  ].map(normaliseTerm),
);

/**
 * Terms the form explains in plain words where they stand, in a label (where a <care-jargon> button may
 * not go) or in the sentence itself: the words that say what each one means.
 */
const SAID_IN_WORDS: Record<string, RegExp> = {
  advocate: /speak up/i,
  'social-worker': /helps plan care/i,
  'easy-read': /short (sentences|words)/i,
  'large-print': /big (letters|writing)/i,
  braille: /dots/i,
  bsl: /hands/i,
  interpreter: /your language/i,
  ombudsman: /an ombudsman is/i,
  safeguarding: /keep adults safe/i,
};

/**
 * The text a person sees inside `root`, one string per block (paragraph, label, list item), through shadow
 * roots and slots. Words inside a <care-jargon> are left out: they explain themselves.
 */
function blocksOf(root: Element): string[] {
  const blocks = new Map<Element, string>();
  const blockOf = (el: Element) => {
    let node: Element | null = el;
    while (node && getComputedStyle(node).display.startsWith('inline') && node.parentElement)
      node = node.parentElement;
    return node ?? el;
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && node.textContent)
        blocks.set(blockOf(parent), (blocks.get(blockOf(parent)) ?? '') + node.textContent);
      return;
    }
    if (!(node instanceof Element) || node.localName === 'care-jargon') return;
    if (['STYLE', 'SCRIPT', 'TEMPLATE', 'TEXTAREA'].includes(node.tagName)) return;
    // A slot is display: contents, which checkVisibility() calls hidden.
    if (!(node instanceof HTMLSlotElement) && !node.checkVisibility()) return;
    if (node instanceof HTMLSlotElement) {
      for (const child of node.assignedNodes({flatten: true})) walk(child);
      return;
    }
    for (const child of node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes) walk(child);
  };
  walk(root);
  return [...blocks.values()].map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Collects what is shown across many states, then lists each glossary word shown without its meaning. */
class JargonCheck {
  private readonly seen: string[] = [];
  private readonly names: {name: string; pattern: RegExp; entry: GlossaryEntry}[];

  constructor(entries: GlossaryEntry[]) {
    this.names = entries.flatMap((entry) =>
      [entry.term, ...entry.aliases]
        .filter((name) => !EVERYDAY.has(normaliseTerm(name)))
        .map((name) => ({
          name,
          entry,
          // An all-capital abbreviation is matched as written ("AT" is not "at"); other names in any case.
          pattern: /^[A-Z0-9]{2,}$/.test(name)
            ? new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u')
            : new RegExp(
                `(?<![\\p{L}'])${normaliseTerm(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
                'u',
              ),
        })),
    );
  }

  take(root: Element): void {
    for (const block of blocksOf(root)) if (!this.seen.includes(block)) this.seen.push(block);
  }

  /** Each glossary word shown where neither its block nor the one just before it says what it means. */
  unexplained(): string[] {
    const problems: string[] = [];
    this.seen.forEach((block, index) => {
      const normal = normaliseTerm(block);
      for (const {name, pattern, entry} of this.names) {
        if (!pattern.test(/^[A-Z0-9]{2,}$/.test(name) ? block : normal)) continue;
        const meaning = SAID_IN_WORDS[entry.id];
        const near = `${this.seen[index - 1] ?? ''} ${block}`;
        if (!meaning?.test(near)) problems.push(`"${name}" (${entry.id}) in: ${block}`);
      }
    });
    return [...new Set(problems)];
  }

  get count(): number {
    return this.seen.length;
  }
}

for (const level of ['standard', 'easy'] as const) {
  describe(`every glossary word the form, picker and launcher show is explained (en-GB ${level})`, () => {
    it('through a complaint, a concern with its safety advice, and the launcher', async function () {
      this.timeout(60_000);
      const check = new JargonCheck((await loadBuiltInGlossary()).terms);

      // A complaint, step by step, with every choice and reveal showing.
      const el = await form('en-GB', level);
      check.take(el);
      for (const step of ['rating', 'story', 'about', 'reply', 'needs', 'consent', 'review']) {
        await walkTo(el, step, {kind: 'complaint', reply: 'email', message: MESSAGE});
        if (step === 'reply') {
          await click(el, '#f-reply-2');
          await click(el, '#f-method');
        }
        if (step === 'needs') await click(el, 'input[name="f-needs"][value="other"]');
        check.take(el);
      }
      await next(el);
      await waitForPhase(el, 'done');
      check.take(el);

      // A concern: the safety advice, with and without the council's own contact, and its last screen.
      for (const councilContact of [undefined, 'https://council.example/safeguarding']) {
        const concern = await form('en-GB', level);
        const kinds = picker(concern) as unknown as HTMLElement & {
          updateComplete: Promise<unknown>;
        };
        if (councilContact) kinds.setAttribute('council-contact', councilContact);
        kinds.shadowRoot!.querySelector<HTMLInputElement>('input[value="concern"]')!.click();
        await kinds.updateComplete;
        expect(kinds.shadowRoot!.querySelector('[part="safeguarding"]'), 'the safety advice shows')
          .to.exist;
        check.take(concern);
        concern.remove();
      }
      const concern = await form('en-GB', level);
      await sent(concern, 'concern');
      expect(phase(concern)).to.equal('done');
      check.take(concern);

      // The launcher, closed and open.
      const launcher = await fixture<CareFeedbackLauncher>(
        html`<care-feedback-launcher reading-level=${level}></care-feedback-launcher>`,
      );
      await launcher.stringsReady();
      check.take(launcher);
      await launcher.open();
      check.take(launcher);
      launcher.close({force: true});

      expect(check.count, 'the check saw the text').to.be.greaterThan(40);
      expect(check.unexplained(), 'glossary words shown without their meaning').to.deep.equal([]);
    });
  });
}
