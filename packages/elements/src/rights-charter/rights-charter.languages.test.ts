// <care-rights-charter> in Welsh and Urdu, in real Chromium: the built-in charter comes in the page's language
// in every section, standard and easy read, names the ombudsman for the service's nation (the `nation`
// attribute or the page-wide setting) and no other, and axe finds nothing.
import {expect, html} from '@open-wc/testing';
import {nothing} from 'lit';
import '../define/care-rights-charter.js';
import type {CareRightsCharter} from './rights-charter.js';
import {expectAccessible, fixtureReady} from '../test-support/index.js';
import {configure} from '../shared/config.js';

async function builtIn(
  locale: string,
  readingLevel: string,
  nation?: string,
): Promise<CareRightsCharter> {
  const el = (await fixtureReady(
    html`<care-rights-charter
      expanded
      locale=${locale}
      reading-level=${readingLevel}
      nation=${nation ?? nothing}
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

/** Each nation's ombudsman as each charter names it. */
const OMBUDSMEN: Record<string, Record<string, RegExp>> = {
  'en-GB': {
    england: /Local Government and Social Care Ombudsman/,
    wales: /Public Services Ombudsman for Wales/,
    scotland: /Scottish Public Services Ombudsman/,
    'northern-ireland': /Northern Ireland Public Services Ombudsman/,
  },
  cy: {
    england: /Ombwdsmon Llywodraeth Leol a Gofal Cymdeithasol/,
    wales: /Ombwdsmon Gwasanaethau Cyhoeddus Cymru/,
    scotland: /Ombwdsmon Gwasanaethau Cyhoeddus yr Alban/,
    'northern-ireland': /Ombwdsmon Gwasanaethau Cyhoeddus Gogledd Iwerddon/,
  },
  ur: {
    england: /لوکل گورنمنٹ اینڈ سوشل کیئر اومبڈزمین/,
    wales: /پبلک سروسز اومبڈزمین فار ویلز/,
    scotland: /سکاٹش پبلک سروسز اومبڈزمین/,
    'northern-ireland': /ناردرن آئرلینڈ پبلک سروسز اومبڈزمین/,
  },
};

/** The complaints section's text names `nation`'s ombudsman and no other nation's. */
function expectOmbudsman(el: CareRightsCharter, locale: string, nation: string): void {
  const feedback = sections(el).find((_, index) => {
    const section = el.view!.sections[index]!;
    return section.id === 'feedback';
  })!;
  const text = feedback.paragraphs.join(' ');
  for (const [each, name] of Object.entries(OMBUDSMEN[locale]!)) {
    if (each === nation) expect(text, `${locale}, ${nation}`).to.match(name);
    else expect(text, `${locale}, ${nation}: not ${each}'s`).to.not.match(name);
  }
}

for (const readingLevel of ['standard', 'easy']) {
  describe(`<care-rights-charter> built in, in Welsh and Urdu (${readingLevel})`, () => {
    for (const locale of ['cy', 'ur']) {
      it(`shows ${locale} text in every section, not the English, and names England's ombudsman`, async function () {
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
        expectOmbudsman(el, locale, 'england');
        expect(
          el.shadowRoot!.querySelector('.base')!.getAttribute('dir'),
          'Urdu reads right to left',
        ).to.equal(locale === 'ur' ? 'rtl' : 'ltr');
        await expectAccessible(el, `${locale}, ${readingLevel}, every section open`);
      });
    }
  });
}

describe("<care-rights-charter> names the ombudsman for the service's nation", () => {
  afterEach(() => configure({nation: undefined}));

  for (const locale of ['en-GB', 'cy', 'ur']) {
    for (const nation of ['wales', 'scotland', 'northern-ireland']) {
      it(`${locale}, nation="${nation}": that nation's ombudsman only, standard and easy read`, async function () {
        this.timeout(30_000);
        for (const readingLevel of ['standard', 'easy']) {
          const el = await builtIn(locale, readingLevel, nation);
          expectOmbudsman(el, locale, nation);
        }
      });
    }
  }

  it('takes the page-wide nation, follows a change to it, and its own attribute wins', async function () {
    this.timeout(30_000);
    configure({nation: 'scotland'});
    const el = await builtIn('en-GB', 'standard');
    expectOmbudsman(el, 'en-GB', 'scotland');
    configure({nation: 'northern-ireland'});
    await el.ready;
    await el.updateComplete;
    expectOmbudsman(el, 'en-GB', 'northern-ireland');
    el.nation = 'wales';
    await el.updateComplete;
    await el.ready;
    await el.updateComplete;
    expectOmbudsman(el, 'en-GB', 'wales');
    await expectAccessible(el, 'en-GB, Wales, every section open');
  });

  it("names England's ombudsman for an unknown nation", async function () {
    this.timeout(30_000);
    expectOmbudsman(await builtIn('en-GB', 'easy', 'atlantis'), 'en-GB', 'england');
  });
});
