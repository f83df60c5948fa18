// The built-in glossary in Welsh and Urdu, in real Chromium: with locale cy or ur, <care-glossary> and
// <care-jargon> show the translated definitions (glossary/cy.json, glossary/ur.json) in place of the
// English, each marked with its language and direction; the rest stay English and say so; axe finds nothing.
import {expect, html} from '@open-wc/testing';
import '../define/care-glossary.js';
import '../define/care-jargon.js';
import type {CareGlossary} from './glossary.js';
import type {CareJargon} from '../jargon/jargon.js';
import {expectAccessible, fixtureReady} from '../test-support/index.js';

interface Term {
  id: string;
  term: string;
  definition: string;
  easyRead: string;
}

async function termsOf(file: string): Promise<Term[]> {
  const response = await fetch(new URL(`../../glossary/${file}`, import.meta.url));
  return ((await response.json()) as {terms: Term[]}).terms;
}

const article = (el: CareGlossary, id: string) =>
  el.shadowRoot!.getElementById(`term-${id}`) as HTMLElement;
const meaning = (el: CareGlossary, id: string) =>
  article(el, id).querySelector('.definition')!.textContent!.trim();

for (const [locale, dir] of [
  ['cy', 'ltr'],
  ['ur', 'rtl'],
] as const) {
  describe(`the built-in glossary in ${locale}`, () => {
    it(`<care-glossary locale="${locale}">: the 60 translated terms in ${locale}, the rest in English, axe clean`, async function () {
      this.timeout(60_000);
      const translated = await termsOf(`${locale}.json`);
      const english = await termsOf('en-GB.json');
      expect(translated.length).to.equal(60);
      for (const readingLevel of ['standard', 'easy']) {
        const el = (await fixtureReady(
          html`<care-glossary locale=${locale} reading-level=${readingLevel}></care-glossary>`,
          'care-glossary',
        )) as CareGlossary;
        await el.ready;
        await el.updateComplete;
        for (const term of translated) {
          const shown = article(el, term.id);
          expect(shown, term.id).to.exist;
          expect(shown.getAttribute('lang'), term.id).to.equal(locale);
          expect(shown.getAttribute('dir'), term.id).to.equal(dir);
          expect(shown.querySelector('.term')!.textContent!.trim()).to.equal(term.term);
          expect(meaning(el, term.id)).to.equal(
            readingLevel === 'easy' ? term.easyRead : term.definition,
          );
        }
        // A term with no translation stays English and is marked English.
        const ids = new Set(translated.map((term) => term.id));
        const untranslated = english.find((term) => !ids.has(term.id))!;
        const shown = article(el, untranslated.id);
        expect(shown.hasAttribute('lang')).to.equal(false);
        expect(shown.closest('[lang]')!.getAttribute('lang')).to.equal('en-GB');
        expect(meaning(el, untranslated.id)).to.equal(
          readingLevel === 'easy' ? untranslated.easyRead : untranslated.definition,
        );
        expect(el.shadowRoot!.querySelectorAll('article').length).to.equal(english.length);
        await expectAccessible(el, `${locale}, ${readingLevel}`);
      }
    });

    it(`<care-jargon locale="${locale}">: the translated definition, in its language and direction, axe clean open`, async function () {
      this.timeout(30_000);
      const term = (await termsOf(`${locale}.json`)).find((each) => each.id === 'ombudsman')!;
      const root = await fixtureReady(
        html`<p>
          <care-jargon locale=${locale} term="ombudsman">ombudsman</care-jargon>
        </p>`,
        'care-jargon',
      );
      const el = root.querySelector('care-jargon') as CareJargon;
      await el.ready;
      await el.updateComplete;
      const popup = el.shadowRoot!.getElementById('popup')!;
      const definition = el.shadowRoot!.getElementById('definition')!;
      expect(definition.textContent!.trim()).to.equal(term.definition);
      expect(popup.getAttribute('lang')).to.equal(locale);
      // Urdu inside an Urdu interface reads right to left with it; Welsh left to right.
      expect(getComputedStyle(definition).direction).to.equal(dir);
      el.show();
      await el.updateComplete;
      await expectAccessible(root, `${locale}, open`);
    });
  });
}

describe('the built-in glossary in English', () => {
  it('marks no entry with another language', async function () {
    this.timeout(30_000);
    const el = (await fixtureReady(
      html`<care-glossary></care-glossary>`,
      'care-glossary',
    )) as CareGlossary;
    await el.ready;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('article[lang]').length).to.equal(0);
    const english = await termsOf('en-GB.json');
    const ombudsman = english.find((term) => term.id === 'ombudsman')!;
    expect(meaning(el, 'ombudsman')).to.equal(ombudsman.definition);
  });
});
