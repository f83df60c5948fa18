// Listen in real Chromium, for the form, the glossary and the charter: axe in every state, the voice it picks,
// what it reads, and when it stops. Only the speech engine is a test double (this Chromium has no voices).
import {expect, html} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import '../define/care-feedback-form.js';
import '../define/care-glossary.js';
import '../define/care-rights-charter.js';
import type {CareGlossary} from '../glossary/glossary.js';
import type {CareRightsCharter} from '../rights-charter/rights-charter.js';
import {formStrings} from '../feedback-form/strings.js';
import {pickerStrings} from '../feedback-picker/feedback-picker.strings.js';
import {visibleText} from './listen.js';
import {
  $,
  headingText,
  makeForm,
  next,
  phase,
  uniqueId,
  walkTo,
} from '../feedback-form/test-helpers.js';
import {expectAccessible, fixtureReady, waitUntil} from '../test-support/index.js';
import {installSpeech, restoreSpeech, voice, type TestSpeech} from '../test-support/speech.js';

const ALL_VOICES = [voice('en-GB'), voice('cy-GB'), voice('ur-PK')];

const GLOSSARY = {
  version: 1,
  locale: 'en-GB',
  terms: [
    {
      id: 'advocate',
      term: 'advocate',
      aliases: ['advocates'],
      definition: 'Someone who helps you say what you want and makes sure people listen.',
      easyRead: 'A person who helps you speak up.',
      related: ['respite'],
    },
    {
      id: 'respite',
      term: 'respite',
      aliases: ['short break'],
      definition: 'A short break for a carer while someone else looks after the person.',
      easyRead: 'A rest for carers.',
      related: [],
    },
  ],
};

const CHARTER = {
  version: 1,
  locale: 'en-GB',
  title: 'Your rights with Example Care',
  intro: 'What you can expect from us.',
  sections: [
    {
      id: 'dignity',
      type: 'right',
      heading: 'Being treated with dignity',
      paragraphs: ['We treat you with respect.', 'We knock before we come in.'],
      easyRead: ['We are kind to you.'],
      askFeedback: true,
    },
    {
      id: 'privacy',
      type: 'right',
      heading: 'Privacy and your records',
      paragraphs: ['Your records are private.'],
      easyRead: ['We keep your details safe.'],
      askFeedback: false,
    },
  ],
};

/** A form that starts at the rating step (the kind is given), whose text is all plain strings. */
const ratingForm = (locale = 'en-GB') =>
  makeForm(
    html`<care-feedback-form
      id=${uniqueId('listen')}
      locale=${locale}
      kind="compliment"
      storage="none"
      endpoint="https://collector.invalid/v1"
    ></care-feedback-form>`,
  );

const glossary = (locale = 'en-GB') =>
  fixtureReady(
    html`<care-glossary
      glossary-mode="replace"
      .glossary=${GLOSSARY}
      locale=${locale}
    ></care-glossary>`,
    'care-glossary',
  ) as Promise<CareGlossary>;

const charter = (locale = 'en-GB') =>
  fixtureReady(
    html`<care-rights-charter .charter=${CHARTER} locale=${locale}></care-rights-charter>`,
    'care-rights-charter',
  ) as Promise<CareRightsCharter>;

const listenButtons = (el: HTMLElement) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.listen'),
];
const listenButton = (el: HTMLElement) => listenButtons(el)[0];
const label = (button: HTMLButtonElement | undefined) => button?.textContent?.trim();

async function press(
  el: HTMLElement & {updateComplete: Promise<unknown>},
  button: HTMLButtonElement,
  key: 'Enter' | ' ' = 'Enter',
) {
  button.focus();
  await sendKeys({press: key === ' ' ? 'Space' : key});
  await el.updateComplete;
}

/** Opens a charter section with its own heading button, as a person would. */
async function openSection(el: CareRightsCharter, index: number) {
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.section-heading button')[index]!.click();
  await el.updateComplete;
}

const lines = (speech: TestSpeech, from = 0) =>
  speech.spoken.slice(from).map((u) => ({text: u.text, lang: u.lang, voice: u.voice?.lang}));

afterEach(() => restoreSpeech());

describe('Listen: when it is offered', () => {
  for (const [why, voices] of [
    ['the browser has no speech', undefined],
    ['the browser has no voices', []],
    [
      'the only English voice speaks from a server, so the text would leave the device',
      [voice('en-GB', {remote: true})],
    ],
    ['there is no voice in the page language', [voice('fr-FR'), voice('cy-GB')]],
  ] as const) {
    it(`is left out when ${why}`, async () => {
      installSpeech(voices ? [...voices] : undefined);
      const form = await ratingForm();
      const words = await glossary();
      const rights = await charter();
      await openSection(rights, 0);
      // Counts, not elements: a failing message that prints an element can stall the runner.
      expect(listenButtons(form).length, 'form').to.equal(0);
      expect(listenButtons(words).length, 'glossary').to.equal(0);
      expect(listenButtons(rights).length, 'charter').to.equal(0);
      await expectAccessible(form, `form, ${why}`);
    });
  }

  it('appears when a voice in the page language arrives after the page has drawn (voiceschanged)', async () => {
    const speech = installSpeech([]);
    const form = await ratingForm();
    expect(listenButtons(form).length).to.equal(0);
    speech.setVoices([voice('en-GB')]);
    await form.updateComplete;
    expect(label(listenButton(form))).to.equal(formStrings.listen);
  });

  it('uses a voice of the same language when none has the exact tag (en-US for en-GB, cy-GB for cy)', async () => {
    const speech = installSpeech([voice('en-US'), voice('cy-GB'), voice('en-GB', {remote: true})]);
    const english = await ratingForm('en-GB');
    await press(english, listenButton(english)!);
    expect(speech.spoken[0]!.voice?.lang).to.equal('en-US');
    expect(speech.spoken[0]!.voice?.localService).to.equal(true);
    const welsh = await ratingForm('cy');
    const from = speech.spoken.length;
    await press(welsh, listenButton(welsh)!);
    expect(lines(speech, from)[0]).to.deep.equal({
      text: headingText(welsh),
      lang: 'cy',
      voice: 'cy-GB',
    });
  });
});

describe('Listen: what counts as the text', () => {
  it('is what a person sees: hidden parts, controls and screen-reader-only text are left out', async () => {
    const root = document.createElement('div');
    root.innerHTML = `<h2>Heading</h2><p style="display: none">Not shown</p>
      <p>Shown <span style="visibility: hidden">invisible</span><em>inline</em> text</p>
      <button>A button</button><input value="typed" /><span aria-hidden="true">decoration</span>
      <p class="visually-hidden">Only for screen readers</p><p hidden>Hidden</p><ul><li>One</li><li>Two</li></ul>
      <div>Loose text<p>Its own line</p>and after</div>`;
    document.body.append(root);
    try {
      expect(visibleText(root)).to.deep.equal([
        'Heading',
        'Shown inline text',
        'One',
        'Two',
        'Loose text',
        'Its own line',
        'and after',
      ]);
    } finally {
      root.remove();
    }
  });
});

describe('Listen on each step of <care-feedback-form>', () => {
  it("Enter reads exactly the step's heading, hint and choices, in the page language; Space on Stop stops", async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await ratingForm();
    expect(phase(el)).to.equal('rating');
    const button = listenButton(el)!;
    expect(label(button)).to.equal('Listen');
    await press(el, button, 'Enter');
    expect(lines(speech)).to.deep.equal(
      [
        formStrings['rating.heading'],
        formStrings['rating.hint'],
        formStrings['rating.very-good'],
        formStrings['rating.good'],
        formStrings['rating.neither'],
        formStrings['rating.poor'],
        formStrings['rating.very-poor'],
        formStrings['rating.dont-know'],
      ].map((text) => ({text, lang: 'en-GB', voice: 'en-GB'})),
    );
    expect(label(listenButton(el)), 'while it reads').to.equal('Stop');
    expect(listenButton(el)!.getAttribute('aria-pressed'), 'one signal, the label').to.equal(null);
    expect(el.shadowRoot!.activeElement === listenButton(el), 'focus stays on the button').to.equal(
      true,
    );
    await press(el, listenButton(el)!, ' ');
    expect(speech.cancels).to.be.greaterThan(0);
    expect(speech.speaking).to.equal(false);
    expect(label(listenButton(el))).to.equal('Listen');
    expect(speech.spoken.length, 'Stop reads nothing more').to.equal(8);
  });

  it('Space reads too, and moving to the next step stops the reading', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await ratingForm();
    await press(el, listenButton(el)!, ' ');
    expect(speech.speaking).to.equal(true);
    $<HTMLInputElement>(el, 'input[name="f-rating"][value="good"]')!.click();
    await next(el);
    expect(phase(el)).to.equal('story');
    expect(speech.speaking, 'the old step is no longer read').to.equal(false);
    expect(label(listenButton(el))).to.equal('Listen');
    // The new step's Listen reads the new step: its heading first, and nothing typed into a box.
    const from = speech.spoken.length;
    await press(el, listenButton(el)!);
    expect(speech.texts(from)[0]).to.equal(headingText(el));
    expect(speech.texts(from)).to.include(formStrings['message.label']);
    expect(speech.texts(from)).not.to.include(formStrings.continue);
    expect(speech.texts(from)).not.to.include(formStrings.back);
  });

  it('turns back to Listen when the reading ends, and stops when the form leaves the page', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await ratingForm();
    await press(el, listenButton(el)!);
    speech.finishAll();
    await waitUntil(() => label(listenButton(el)) === 'Listen', 'Stop went back to Listen');
    await el.updateComplete;
    await press(el, listenButton(el)!);
    const cancels = speech.cancels;
    el.remove();
    expect(speech.cancels).to.be.greaterThan(cancels);
    expect(speech.speaking).to.equal(false);
  });

  it('reads the first step, with the choices inside the picker', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await makeForm(
      html`<care-feedback-form id=${uniqueId('listen')} storage="none"></care-feedback-form>`,
    );
    expect(phase(el)).to.equal('kind');
    await press(el, listenButton(el)!);
    const kinds = ['compliment', 'complaint', 'comment', 'suggestion', 'concern'] as const;
    expect(speech.texts()).to.deep.equal([
      formStrings['kind.heading'],
      formStrings['kind.legend'],
      pickerStrings.hint,
      ...kinds.flatMap((kind) => [
        pickerStrings[`${kind}.label`],
        pickerStrings[`${kind}.description`],
      ]),
    ]);
  });

  for (const locale of ['cy', 'ur']) {
    it(`reads in ${locale} with a ${locale} voice and a ${locale} label`, async () => {
      const speech = installSpeech(ALL_VOICES);
      const el = await ratingForm(locale);
      const catalog = (await (
        await fetch(new URL(`../../locales/${locale}/form.json`, import.meta.url))
      ).json()) as Record<string, string>;
      expect(label(listenButton(el))).to.equal(catalog['listen']);
      await press(el, listenButton(el)!);
      expect(lines(speech).slice(0, 2)).to.deep.equal([
        {text: catalog['rating.heading'], lang: locale, voice: locale === 'cy' ? 'cy-GB' : 'ur-PK'},
        {text: catalog['rating.hint'], lang: locale, voice: locale === 'cy' ? 'cy-GB' : 'ur-PK'},
      ]);
      expect(label(listenButton(el))).to.equal(catalog['listen.stop']);
    });
  }
});

describe('Listen on the last screens of <care-feedback-form>', () => {
  it('the failed screen reads its heading and what went wrong; going back to review stops it', async () => {
    const speech = installSpeech(ALL_VOICES);
    // No endpoint: sending fails at once with reason no-endpoint, as a page with a broken set-up would.
    const el = await makeForm(
      html`<care-feedback-form id=${uniqueId('listen-failed')} kind="compliment" storage="none"></care-feedback-form>`,
    );
    await walkTo(el, 'review', {kind: 'compliment', rating: 'very-good'});
    await next(el);
    await waitUntil(() => phase(el) === 'failed', 'the form reached its failed screen');
    await el.updateComplete;
    await press(el, listenButton(el)!);
    expect(speech.texts(0)).to.deep.equal([
      formStrings['failed.heading'],
      formStrings['failed.no-endpoint'],
      formStrings['failed.kept'],
    ]);
    expect(label(listenButton(el))).to.equal('Stop');
    await expectAccessible(el, 'failed screen, reading');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!.click();
    await el.updateComplete;
    expect(phase(el)).to.equal('review');
    expect(speech.speaking, 'leaving the screen stops the reading').to.equal(false);
  });
});

describe('Listen on glossary words and charter sections', () => {
  it('a glossary word reads itself and the meaning shown; another word takes over', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await glossary();
    const [first, second] = listenButtons(el);
    expect(first!.getAttribute('aria-describedby')).to.equal('term-advocate-term');
    await press(el, first!);
    expect(lines(speech)).to.deep.equal([
      {text: 'advocate', lang: 'en-GB', voice: 'en-GB'},
      {text: GLOSSARY.terms[0]!.definition, lang: 'en-GB', voice: 'en-GB'},
    ]);
    expect(listenButtons(el).map(label)).to.deep.equal(['Stop', 'Listen']);
    await press(el, second!);
    expect(speech.texts(2)).to.deep.equal(['respite', GLOSSARY.terms[1]!.definition]);
    expect(listenButtons(el).map(label)).to.deep.equal(['Listen', 'Stop']);
    // The easy-read switch changes what is read: the reading stops, and Listen then reads the easy words.
    el.shadowRoot!.querySelector<HTMLInputElement>('#easy')!.click();
    await el.updateComplete;
    expect(speech.speaking).to.equal(false);
    await press(el, listenButtons(el)[1]!);
    expect(speech.texts(4)).to.deep.equal(['respite', GLOSSARY.terms[1]!.easyRead]);
  });

  it('one Listen at a time on the page: starting another turns the first back to Listen', async () => {
    const speech = installSpeech(ALL_VOICES);
    const form = await ratingForm();
    const words = await glossary();
    await press(form, listenButton(form)!);
    expect(label(listenButton(form))).to.equal('Stop');
    await press(words, listenButton(words)!);
    await form.updateComplete;
    expect(label(listenButton(form)), 'the form no longer says Stop').to.equal('Listen');
    expect(label(listenButton(words))).to.equal('Stop');
    expect(speech.queue.map((u) => u.text)).to.deep.equal([
      'advocate',
      GLOSSARY.terms[0]!.definition,
    ]);
  });

  it('a glossary in a Welsh page reads English words with the English voice, and labels the button in Welsh', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await glossary('cy');
    const button = listenButton(el)!;
    expect(label(button)).to.equal('Gwrando');
    expect(button.getAttribute('lang')).to.equal('cy');
    await press(el, button);
    expect(lines(speech)[0]).to.deep.equal({text: 'advocate', lang: 'en-GB', voice: 'en-GB'});
  });

  it('a charter section reads its heading and text (not its buttons), and closing it stops the reading', async () => {
    const speech = installSpeech(ALL_VOICES);
    const el = await charter();
    await openSection(el, 0);
    const button = listenButton(el)!;
    expect(button.getAttribute('aria-describedby')).to.equal('s0-title');
    await press(el, button);
    expect(lines(speech)).to.deep.equal(
      [
        'Being treated with dignity',
        'We treat you with respect.',
        'We knock before we come in.',
      ].map((text) => ({text, lang: 'en-GB', voice: 'en-GB'})),
    );
    expect(label(listenButton(el))).to.equal('Stop');
    await openSection(el, 0);
    expect(speech.speaking).to.equal(false);
    await openSection(el, 0);
    expect(label(listenButton(el))).to.equal('Listen');
  });
});

describe('Listen: axe in every state', () => {
  for (const locale of ['en-GB', 'cy', 'ur']) {
    it(`has no violations, idle and reading, in the form, glossary and charter (${locale})`, async () => {
      const speech = installSpeech(ALL_VOICES);
      const form = await ratingForm(locale);
      await expectAccessible(form, `${locale}: form, idle`);
      await press(form, listenButton(form)!);
      await expectAccessible(form, `${locale}: form, reading`);
      await walkTo(form, 'story');
      await expectAccessible(form, `${locale}: form, next step`);
      const words = await glossary(locale);
      await expectAccessible(words, `${locale}: glossary, idle`);
      await press(words, listenButton(words)!);
      await expectAccessible(words, `${locale}: glossary, reading`);
      const rights = await charter(locale);
      await openSection(rights, 0);
      await expectAccessible(rights, `${locale}: charter, idle`);
      await press(rights, listenButton(rights)!);
      await expectAccessible(rights, `${locale}: charter, reading`);
      expect(speech.spoken.length).to.be.greaterThan(0);
    });
  }
});
