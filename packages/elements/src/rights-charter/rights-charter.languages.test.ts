// <care-rights-charter> in Welsh and Urdu, in real Chromium: the built-in charter comes in the page's language
// in every section, standard and easy read, names the right ombudsman for each nation, and axe finds nothing.
import {expect, html} from '@open-wc/testing';
import '../define/care-rights-charter.js';
import type {CareRightsCharter} from './rights-charter.js';
import {expectAccessible, fixtureReady} from '../test-support/index.js';

async function builtIn(locale: string, readingLevel: string): Promise<CareRightsCharter> {
  const el = (await fixtureReady(
    html`<care-rights-charter
      expanded
      locale=${locale}
      reading-level=${readingLevel}
    ></care-rights-charter>`,
    'care-rights-charter',
  )) as CareRightsCharter;
  await el.ready;
  await el.updateComplete;
  return el;
}

/** Each section as the reader sees it: its heading and the paragraphs of its open panel. */
function sections(el: CareRightsCharter): {heading: string; paragraphs: string[]}[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.section-heading button')].map(
    (button) => {
      const panel = el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
      expect(panel.hidden, `"${button.textContent!.trim()}" is open`).to.equal(false);
      return {
        heading: button.textContent!.replace(/\s+/g, ' ').trim(),
        paragraphs: [...panel.querySelectorAll('p')]
          .map((p) => p.textContent!.replace(/\s+/g, ' ').trim())
          .filter(Boolean),
      };
    },
  );
}

const OMBUDSMEN: Record<string, RegExp[]> = {
  cy: [
    /Ombwdsmon Gwasanaethau Cyhoeddus Cymru/,
    /Ombwdsmon Llywodraeth Leol a Gofal Cymdeithasol/,
    /Ombwdsmon Gwasanaethau Cyhoeddus yr Alban/,
    /Ombwdsmon Gwasanaethau Cyhoeddus Gogledd Iwerddon/,
  ],
  ur: [
    /لوکل گورنمنٹ اینڈ سوشل کیئر اومبڈزمین/,
    /پبلک سروسز اومبڈزمین فار ویلز/,
    /سکاٹش پبلک سروسز اومبڈزمین/,
    /ناردرن آئرلینڈ پبلک سروسز اومبڈزمین/,
  ],
};

for (const readingLevel of ['standard', 'easy']) {
  describe(`<care-rights-charter> built in, in Welsh and Urdu (${readingLevel})`, () => {
    for (const locale of ['cy', 'ur']) {
      it(`shows ${locale} text in every section, not the English, and names each nation's ombudsman`, async function () {
        this.timeout(30_000);
        const english = sections(await builtIn('en-GB', readingLevel));
        const english_text = new Set(english.flatMap((s) => [s.heading, ...s.paragraphs]));
        const el = await builtIn(locale, readingLevel);
        const translated = sections(el);
        expect(translated.length, 'every section of the English charter').to.equal(english.length);
        expect(english.length).to.be.greaterThan(8);
        translated.forEach((section, index) => {
          expect(section.paragraphs.length, `section ${index + 1} has text`).to.be.greaterThan(0);
          for (const text of [section.heading, ...section.paragraphs])
            expect(english_text.has(text), `"${text}" is the English text`).to.equal(false);
          // Latin letters only where a name or address is given in English too.
          const latin = section.paragraphs.join(' ').replace(/\([^)]*\)|www\.\S+/g, '');
          if (locale === 'ur') expect(latin, `section ${index + 1}`).to.not.match(/\b[a-z]{4,}\b/);
        });
        const title = el.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim();
        expect(title).to.equal(locale === 'cy' ? 'Eich hawliau' : 'آپ کے حقوق');
        const feedback = translated[english.findIndex((s) => /complaint/i.test(s.heading))]!;
        for (const name of OMBUDSMEN[locale]!) expect(feedback.paragraphs.join(' ')).to.match(name);
        expect(
          el.shadowRoot!.querySelector('.base')!.getAttribute('dir'),
          'Urdu reads right to left',
        ).to.equal(locale === 'ur' ? 'rtl' : 'ltr');
        await expectAccessible(el, `${locale}, ${readingLevel}, every section open`);
      });
    }
  });
}
