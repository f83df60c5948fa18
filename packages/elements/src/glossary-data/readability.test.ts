// Readability of what the elements draw, in real Chromium: the form through a whole complaint, the glossary's
// definitions and the charter with every section open, in standard English and easy read. Each area's
// sentences are graded on the Node side (tools/wtr-plugins/readability.mjs, Flesch–Kincaid with the CMU
// pronouncing dictionary) and must be no worse than the figures recorded in readability-figures.json.
import {expect, fixtureSync, html} from '@open-wc/testing';
import '../define/care-glossary.js';
import '../define/care-rights-charter.js';
import type {CareGlossary} from '../glossary/glossary.js';
import type {CareRightsCharter} from '../rights-charter/rights-charter.js';
import {fixtureReady} from '../test-support/index.js';
import {Collector, expectNoWorse, visibleBlocks, type Level} from './readability-support.js';
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
