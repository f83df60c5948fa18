// <care-feedback-picker> in real Chromium: axe in every state and language, keyboard, pointer, events, layout.
import {expect, html, oneEvent} from '@open-wc/testing';
import {emulateMedia, sendKeys, setViewport, resetMouse} from '@web/test-runner-commands';
import {KINDS, type Kind} from '@care-feedback/core';
import '../define/care-feedback-picker.js';
import type {CareFeedbackPicker} from './feedback-picker.js';
import {pickerStrings} from './feedback-picker.strings.js';
import {assetUrl} from '../shared/assets.js';
import {LANGUAGES, click, deepActive, expectAccessible, mount, waitUntil} from '../test-support/index.js';

async function picker(template = html`<care-feedback-picker></care-feedback-picker>`): Promise<CareFeedbackPicker> {
  const host = await mount(template);
  const el = (host.localName === 'care-feedback-picker' ? host : host.querySelector('care-feedback-picker')) as CareFeedbackPicker;
  await el.stringsReady();
  return el;
}

const part = (el: CareFeedbackPicker, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const radio = (el: CareFeedbackPicker, kind: Kind) => part(el, `input[value="${kind}"]`) as HTMLInputElement;
const optionBox = (el: CareFeedbackPicker, kind: Kind) => radio(el, kind).closest('label')!;
const checkedKind = (el: CareFeedbackPicker) =>
  el.shadowRoot!.querySelector<HTMLInputElement>('input:checked')?.value ?? '';

describe('<care-feedback-picker> accessibility (axe)', () => {
  afterEach(() => resetMouse());

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    const name = `${locale}${readingLevel ? ' easy read' : ''}`;

    it(`has no violations in ${name}: empty, each kind chosen, error, concern advice`, async () => {
      const el = await picker(html`<div>
        <care-feedback-picker locale=${locale} reading-level=${readingLevel ?? 'standard'} for="form"></care-feedback-picker>
        <section id="form"><h2>Form</h2></section>
      </div>`);
      // The catalogue really loaded: the question is in the language asked for.
      const legend = part(el, 'legend').textContent!.trim();
      if (locale === 'en-GB' && !readingLevel) expect(legend).to.equal(pickerStrings.legend);
      else expect(legend).not.to.equal(pickerStrings.legend);
      expect(part(el, '.base').getAttribute('dir')).to.equal(dir);
      expect(part(el, '.base').getAttribute('lang')).to.equal(locale);
      await expectAccessible(el, `${name} empty`);

      part(el, '.continue').click();
      await el.updateComplete;
      expect(part(el, '#error')).to.exist;
      await expectAccessible(el, `${name} nothing chosen`);

      for (const kind of KINDS.filter((k) => k !== 'concern')) {
        radio(el, kind).click();
        await el.updateComplete;
        expect(el.value).to.equal(kind);
        await expectAccessible(el, `${name} ${kind} chosen`);
      }

      radio(el, 'concern').click();
      await el.updateComplete;
      expect(el.safeguardingShown).to.be.true;
      await expectAccessible(el, `${name} concern advice shown`);

      part(el, '.go-on').click();
      await el.updateComplete;
      expect(el.value).to.equal('concern');
      await expectAccessible(el, `${name} concern chosen`);
    });
  }
});

describe('<care-feedback-picker> catalogues', () => {
  for (const file of ['cy/picker.json', 'cy/picker.easy.json', 'ur/picker.json', 'ur/picker.easy.json', 'en-GB/picker.easy.json']) {
    it(`locales/${file} has every string and no unknown ones`, async () => {
      const catalogue = (await (await fetch(assetUrl(`locales/${file}`))).json()) as Record<string, string>;
      expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(pickerStrings).sort());
      for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.to.equal('');
    });
  }
});

describe('<care-feedback-picker> keyboard', () => {
  it('is one tab stop; arrows move the choice; Space chooses; concern advice before going on', async () => {
    const host = await mount(html`<div>
      <button id="before">Before</button>
      <care-feedback-picker></care-feedback-picker>
      <button id="after">After</button>
    </div>`);
    const el = host.querySelector('care-feedback-picker')!;
    await el.stringsReady();
    const seen: string[] = [];
    el.addEventListener('care-kind-change', (event) => seen.push(event.detail.kind));
    host.querySelector<HTMLButtonElement>('#before')!.focus();

    await sendKeys({press: 'Tab'});
    expect(deepActive()).to.equal(radio(el, 'compliment'), 'Tab lands on the first option');
    await sendKeys({press: 'Tab'});
    expect(deepActive()?.id).to.equal('after', 'the whole group is one tab stop');
    await sendKeys({down: 'Shift'});
    await sendKeys({press: 'Tab'});
    await sendKeys({up: 'Shift'});
    expect(deepActive()).to.equal(radio(el, 'compliment'));

    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(el.value).to.equal('compliment');
    expect(el.getAttribute('value')).to.equal('compliment');

    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(deepActive()).to.equal(radio(el, 'complaint'));
    expect(el.value).to.equal('complaint');

    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowUp'});
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    expect(deepActive()).to.equal(radio(el, 'concern'));
    expect(checkedKind(el)).to.equal('concern');
    // Arriving on concern shows the advice; it does not yet count as the choice.
    expect(el.safeguardingShown).to.be.true;
    expect(el.hasAttribute('safeguarding-shown')).to.be.true;
    expect(el.value).to.equal('suggestion');
    expect(seen).to.deep.equal(['compliment', 'complaint', 'comment', 'suggestion', 'comment', 'suggestion']);
    const advice = part(el, '.safeguarding').textContent!;
    expect(advice).to.contain('call 999');
    expect(advice).to.contain('Ask to speak to the manager of the service.');
    await waitUntil(() => part(el, '[aria-live]').textContent!.includes('999'), 'the advice was not announced');
    expect(part(el, '[aria-live]').textContent).to.contain('999');

    // From the options, Tab goes into the advice: the council link, then the button to go on.
    await sendKeys({press: 'Tab'});
    expect(deepActive()?.localName).to.equal('a');
    await sendKeys({press: 'Tab'});
    expect(deepActive()).to.equal(part(el, '.go-on'));
    const chosen = oneEvent(el, 'care-kind-change');
    await sendKeys({press: 'Enter'});
    expect((await chosen).detail.kind).to.equal('concern');
    await el.updateComplete;
    expect(el.value).to.equal('concern');
    expect(el.safeguardingShown).to.be.false;
    expect(part(el, '.safeguarding')).to.be.null;
    await waitUntil(() => deepActive() === radio(el, 'concern'), 'focus did not return to the chosen option');
    expect(deepActive()).to.equal(radio(el, 'concern'), 'focus returns to the chosen option, not lost');
  });

  it('focus() lands on the chosen option, or the first when none is chosen', async () => {
    const el = await picker();
    el.focus();
    expect(deepActive()).to.equal(radio(el, KINDS[0]));
    el.value = 'suggestion';
    await el.updateComplete;
    el.focus();
    expect(deepActive()).to.equal(radio(el, 'suggestion'));
  });

  it('Enter on an option chooses it', async () => {
    const el = await picker();
    radio(el, 'comment').focus();
    const chosen = oneEvent(el, 'care-kind-change');
    await sendKeys({press: 'Enter'});
    expect((await chosen).detail.kind).to.equal('comment');
    expect(checkedKind(el)).to.equal('comment');
  });

  it('Enter and Continue take the person to the form named by for=, and focus it', async () => {
    const host = await mount(html`<div>
      <care-feedback-picker for="journey"></care-feedback-picker>
      <div style="height: 2000px"></div>
      <section id="journey"><h2>Tell us</h2></section>
    </div>`);
    const el = host.querySelector('care-feedback-picker')!;
    const form = host.querySelector('#journey') as HTMLElement & {kind?: string};
    await el.stringsReady();

    radio(el, 'suggestion').focus();
    await sendKeys({press: 'ArrowDown'});
    await el.updateComplete;
    // Moving through the options keeps the form in step but never moves the person (WCAG 3.2.2).
    expect(form.kind).to.be.undefined;
    expect(deepActive()).to.equal(radio(el, 'concern'));

    await sendKeys({press: 'ArrowUp'});
    await sendKeys({press: 'ArrowUp'});
    await el.updateComplete;
    expect(form.kind).to.equal('comment');
    expect(deepActive()).to.equal(radio(el, 'comment'));

    // With reduced motion the jump is instant (smooth scrolling would also wait for frames a background tab never gets).
    await emulateMedia({reducedMotion: 'reduce'});
    try {
      await sendKeys({press: 'Enter'});
    } finally {
      await emulateMedia({reducedMotion: 'no-preference'});
    }
    expect(document.activeElement).to.equal(form);
    const box = form.getBoundingClientRect();
    expect(box.top).to.be.lessThan(window.innerHeight, 'the form was scrolled into view');
  });
});

describe('<care-feedback-picker> pointer, events and properties', () => {
  afterEach(() => resetMouse());

  it('the whole option box is the target: clicking its explanation chooses it', async () => {
    const el = await picker();
    const event = oneEvent(document, 'care-kind-change');
    await click(part(el, '#complaint-description'));
    const fired = await event;
    expect(fired.detail).to.deep.equal({kind: 'complaint'});
    expect(fired.bubbles && fired.composed).to.be.true;
    expect(el.value).to.equal('complaint');
  });

  it('reflects value both ways and ignores unknown kinds', async () => {
    const el = await picker();
    expect(el.hasAttribute('value')).to.be.false;
    el.value = 'compliment';
    await el.updateComplete;
    expect(el.getAttribute('value')).to.equal('compliment');
    expect(checkedKind(el)).to.equal('compliment');
    el.setAttribute('value', 'suggestion');
    await el.updateComplete;
    expect(el.value).to.equal('suggestion');
    expect(checkedKind(el)).to.equal('suggestion');
    const warn = console.warn;
    console.warn = () => {};
    try {
      el.value = 'nonsense' as never;
      await el.updateComplete;
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(el.value).to.equal('');
    expect(el.hasAttribute('value')).to.be.false;
    expect(checkedKind(el)).to.equal('');
  });

  it('names each option by its short label and describes it with its explanation', async () => {
    const el = await picker();
    for (const kind of KINDS) {
      const input = radio(el, kind);
      expect(part(el, `#${input.getAttribute('aria-labelledby')}`).textContent).to.equal(pickerStrings[`${kind}.label`]);
      expect(part(el, `#${input.getAttribute('aria-describedby')}`).textContent).to.equal(pickerStrings[`${kind}.description`]);
      expect(part(el, `label:has(input[value="${kind}"]) [part="icon"] svg`).getAttribute('aria-hidden')).to.equal('true');
    }
  });

  it('uses legend, safeguarding-contact and a council web address', async () => {
    const el = await picker(html`<care-feedback-picker
      legend="How can we help?"
      safeguarding-contact="Call our safeguarding lead on 01632 960123"
      council-contact="https://council.example/adult-safeguarding"
    ></care-feedback-picker>`);
    expect(part(el, 'legend').textContent!.trim()).to.equal('How can we help?');
    radio(el, 'concern').click();
    await el.updateComplete;
    const advice = part(el, '.safeguarding');
    expect(advice.textContent).to.contain('Call our safeguarding lead on 01632 960123');
    const link = advice.querySelector('a')!;
    expect(link.href).to.equal('https://council.example/adult-safeguarding');
    expect(link.textContent).to.equal(pickerStrings['safeguarding.councilLink']);
    // A council contact that is not a web address is shown as text, and as text only.
    el.councilContact = '<b>Ring 01632 960999</b>';
    await el.updateComplete;
    expect(advice.querySelector('a')).to.be.null;
    expect(advice.querySelector('b')).to.be.null;
    expect(advice.textContent).to.contain('<b>Ring 01632 960999</b>');
  });

  it('inside a form (embedded) it only reports the choice: no Continue, no going anywhere', async () => {
    const host = await mount(html`<div>
      <care-feedback-picker for="elsewhere" .embedded=${true}></care-feedback-picker>
      <section id="elsewhere" tabindex="-1"></section>
    </div>`);
    const el = host.querySelector('care-feedback-picker')!;
    await el.stringsReady();
    expect(part(el, '.continue')).to.be.null;
    radio(el, 'concern').click();
    await el.updateComplete;
    part(el, '.go-on').click();
    await el.updateComplete;
    await waitUntil(() => deepActive() === radio(el, 'concern'), 'focus did not return to the chosen option');
    expect(el.value).to.equal('concern');
    expect((host.querySelector('#elsewhere') as HTMLElement & {kind?: string}).kind).to.be.undefined;
    expect(deepActive()).to.equal(radio(el, 'concern'));
  });

  it('shows the chosen option by more than colour: its border is thicker', async () => {
    const el = await picker(html`<care-feedback-picker value="compliment"></care-feedback-picker>`);
    const chosen = getComputedStyle(optionBox(el, 'compliment')).borderTopWidth;
    const other = getComputedStyle(optionBox(el, 'comment')).borderTopWidth;
    expect(parseFloat(chosen)).to.be.greaterThan(parseFloat(other));
    expect(radio(el, 'compliment').checked).to.be.true;
  });
});

describe('<care-feedback-picker> layout', () => {
  after(() => setViewport({width: 800, height: 600}));

  it('every target is at least 44 by 44 pixels, at 320 px wide too, with no sideways scrolling', async () => {
    for (const width of [1024, 320]) {
      await setViewport({width, height: 800});
      const el = await picker(html`<care-feedback-picker for="f" value="complaint"></care-feedback-picker>`);
      radio(el, 'concern').click();
      await el.updateComplete;
      const targets = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="option"], button')];
      expect(targets.length).to.equal(6);
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        expect(box.width, `${target.className} width at ${width}px`).to.be.at.least(44);
        expect(box.height, `${target.className} height at ${width}px`).to.be.at.least(44);
        expect(box.right, `${target.className} fits at ${width}px`).to.be.at.most(width);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      await expectAccessible(el, `${width}px wide`);
    }
  });

  it('lays out right to left in Urdu: the radio sits on the right of its words', async () => {
    const el = await picker(html`<care-feedback-picker locale="ur"></care-feedback-picker>`);
    const input = radio(el, 'comment').getBoundingClientRect();
    const label = part(el, '#comment-label').getBoundingClientRect();
    expect(input.left).to.be.greaterThan(label.right);
  });
});
