// <care-feedback-launcher> in real Chromium: axe open and closed, focus in/kept/returned, Escape, unsent words.
import {expect, html, oneEvent} from '@open-wc/testing';
import {sendKeys, setViewport, resetMouse} from '@web/test-runner-commands';
import '../define/care-feedback-picker.js';
import {CareFeedbackLauncher} from './feedback-launcher.js';
import {defineElement} from '../shared/define.js';
import {launcherStrings} from './feedback-launcher.strings.js';
import {assetUrl} from '../shared/assets.js';
import {LANGUAGES, click, deepActive, expectAccessible, mount, waitUntil} from '../test-support/index.js';

// The launcher makes whatever <care-feedback-form> the page defines. This file does not load the real
// form (it is tested on its own), so a small stand-in with the same surface is defined here: a field,
// `kind`, `charterRight`, and `dirty` (true while it holds unsent words).
if (!customElements.get('care-feedback-form')) {
  customElements.define(
    'care-feedback-form',
    class extends HTMLElement {
      kind?: string;
      charterRight?: string;
      services?: unknown;
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({mode: 'open'}).innerHTML = `
          <label for="message">What happened?</label>
          <textarea id="message"></textarea>
          <button type="button" id="tip" aria-expanded="false">What is this?</button>
          <button type="button">Send</button>`;
        // Like a tooltip inside the form: Escape closes the tooltip first, and says so with preventDefault.
        const tip = this.shadowRoot!.querySelector('#tip')!;
        tip.addEventListener('keydown', (event) => {
          const key = event as KeyboardEvent;
          if (key.key === 'Escape' && tip.getAttribute('aria-expanded') === 'true') {
            key.preventDefault();
            tip.setAttribute('aria-expanded', 'false');
          }
        });
      }
      get dirty(): boolean {
        return (this.shadowRoot?.querySelector('textarea')?.value.trim() ?? '') !== '';
      }
    },
  );
}

// Registered here rather than through define/care-feedback-launcher.ts, which also brings the real form.
defineElement('care-feedback-launcher', CareFeedbackLauncher);

type TestForm = HTMLElement & {kind?: string; charterRight?: string; services?: unknown; dirty: boolean};

async function launcher(template = html`<care-feedback-launcher></care-feedback-launcher>`): Promise<CareFeedbackLauncher> {
  const host = await mount(template);
  const el = (host.localName === 'care-feedback-launcher' ? host : host.querySelector('care-feedback-launcher')) as CareFeedbackLauncher;
  await el.stringsReady();
  return el;
}

const part = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const button = (el: CareFeedbackLauncher) => part(el, '[part="button"]') as HTMLButtonElement;
const dialog = (el: CareFeedbackLauncher) => part(el, 'dialog') as HTMLDialogElement;
const form = (el: CareFeedbackLauncher) => el.form as TestForm;
const textarea = (el: CareFeedbackLauncher) => form(el).shadowRoot!.querySelector('textarea')!;

/** Waits, after a key or a click, until the dialog is open (or closed). */
const untilOpen = (el: CareFeedbackLauncher, open: boolean) =>
  waitUntil(() => dialog(el).open === open, `the dialog did not ${open ? 'open' : 'close'}`);
/** Waits until the launcher asks (or stops asking) whether to close with unsent words. */
const untilAsking = (el: CareFeedbackLauncher, asking: boolean) =>
  waitUntil(() => el.confirmingClose === asking, `the close question was ${asking ? 'not shown' : 'still shown'}`);

afterEach(async () => {
  await resetMouse();
  // A modal left open would make the next test's page inert.
  for (const open of document.querySelectorAll('care-feedback-launcher')) (open as CareFeedbackLauncher).close({force: true});
});

describe('<care-feedback-launcher> accessibility (axe)', () => {
  after(() => setViewport({width: 800, height: 600}));

  for (const {locale, readingLevel, dir} of LANGUAGES) {
    const name = `${locale}${readingLevel ? ' easy read' : ''}`;

    it(`has no violations in ${name}: closed, open, asking before closing, collapsed at 320 px`, async () => {
      await setViewport({width: 1024, height: 768});
      const el = await launcher(html`<care-feedback-launcher locale=${locale} reading-level=${readingLevel ?? 'standard'}></care-feedback-launcher>`);
      const words = button(el).textContent!.trim();
      if (locale === 'en-GB' && !readingLevel) expect(words).to.equal(launcherStrings.button);
      else expect(words).not.to.equal(launcherStrings.button);
      expect(part(el, '.base').getAttribute('dir')).to.equal(dir);
      await expectAccessible(el, `${name} closed`);

      await el.open();
      expect(dialog(el).open).to.be.true;
      await expectAccessible(el, `${name} open`);

      textarea(el).value = 'The carer was late.';
      el.close();
      await el.updateComplete;
      expect(el.confirmingClose).to.be.true;
      await expectAccessible(el, `${name} asking before closing`);
      el.close({force: true});

      await setViewport({width: 320, height: 640});
      await el.updateComplete;
      expect(button(el).getBoundingClientRect().width).to.be.at.most(48, 'collapsed to an icon');
      await expectAccessible(el, `${name} collapsed at 320 px`);
      await el.open();
      await expectAccessible(el, `${name} open at 320 px`);
    });
  }
});

describe('<care-feedback-launcher> catalogues', () => {
  for (const file of ['cy/launcher.json', 'cy/launcher.easy.json', 'ur/launcher.json', 'ur/launcher.easy.json', 'en-GB/launcher.easy.json']) {
    it(`locales/${file} has every string and no unknown ones`, async () => {
      const catalogue = (await (await fetch(assetUrl(`locales/${file}`))).json()) as Record<string, string>;
      expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(launcherStrings).sort());
      for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.to.equal('');
    });
  }
});

describe('<care-feedback-launcher> focus and keyboard', () => {
  it('moves focus to the heading, keeps it in the dialog, and Escape returns it to the button', async () => {
    const host = await mount(html`<div>
      <button id="outside">Outside</button>
      <care-feedback-launcher></care-feedback-launcher>
    </div>`);
    const el = host.querySelector('care-feedback-launcher')!;
    await el.stringsReady();
    button(el).focus();
    const opened = oneEvent(el, 'care-launcher-open');
    await sendKeys({press: 'Enter'});
    await opened;
    const heading = part(el, '#heading');
    expect(deepActive()).to.equal(heading);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('heading');
    expect(heading.textContent).to.equal('Give feedback');

    const visited = new Set<Element | null>();
    for (let i = 0; i < 8; i++) {
      await sendKeys({press: 'Tab'});
      const active = deepActive();
      expect(active?.id, 'focus never leaves the dialog').not.to.equal('outside');
      expect(active === document.body || dialog(el).contains(active) || form(el).shadowRoot!.contains(active)).to.be.true;
      visited.add(active);
    }
    expect(visited).to.include(part(el, '[part="close"]'));
    expect(visited).to.include(textarea(el));

    const closed = oneEvent(el, 'care-launcher-close');
    await sendKeys({press: 'Escape'});
    expect((await closed).detail).to.deep.equal({unsent: false});
    expect(dialog(el).open).to.be.false;
    expect(el.isOpen).to.be.false;
    expect(deepActive()).to.equal(button(el));
  });

  it('an Escape used by something inside the form (a tooltip) does not close the dialog', async () => {
    const el = await launcher();
    await el.open();
    const tip = form(el).shadowRoot!.querySelector<HTMLButtonElement>('#tip')!;
    tip.setAttribute('aria-expanded', 'true');
    tip.focus();
    await sendKeys({press: 'Escape'});
    await waitUntil(() => tip.getAttribute('aria-expanded') === 'false', 'the tooltip did not close');
    expect(tip.getAttribute('aria-expanded')).to.equal('false');
    expect(dialog(el).open).to.be.true;
    await sendKeys({press: 'Escape'});
    await untilOpen(el, false);
    expect(dialog(el).open).to.be.false;
  });

  it('the visible Close button closes it, by pointer and by keyboard', async () => {
    const el = await launcher();
    await click(button(el));
    await untilOpen(el, true);
    expect(dialog(el).open).to.be.true;
    const close = part(el, '[part="close"]');
    expect(close.textContent!.trim()).to.equal('Close');
    await click(close);
    await untilOpen(el, false);
    expect(dialog(el).open).to.be.false;
    expect(deepActive()).to.equal(button(el));

    button(el).focus();
    await sendKeys({press: 'Space'});
    await untilOpen(el, true);
    await sendKeys({press: 'Tab'});
    expect(deepActive()).to.equal(close);
    await sendKeys({press: 'Enter'});
    await untilOpen(el, false);
    expect(dialog(el).open).to.be.false;
    expect(deepActive()).to.equal(button(el));
  });

  it('asks before closing when words are unsent; Escape or "go back" keeps them; "close anyway" keeps them too', async () => {
    const el = await launcher();
    button(el).focus();
    await sendKeys({press: 'Enter'});
    await untilOpen(el, true);
    textarea(el).focus();
    await sendKeys({type: 'Staff were kind 😊'});
    expect(form(el).dirty).to.be.true;

    await sendKeys({press: 'Escape'});
    await untilAsking(el, true);
    expect(dialog(el).open, 'Escape with unsent words does not close').to.be.true;
    expect(el.confirmingClose).to.be.true;
    const question = part(el, '.confirm');
    expect(question.textContent).to.contain('You have not sent your feedback');
    expect(deepActive()).to.equal(part(el, '#confirm-heading'));
    expect(part(el, '.body').hidden).to.be.true;

    // A second Escape (no click or typing in between) goes back to the words, not out of the dialog.
    await sendKeys({press: 'Escape'});
    await untilAsking(el, false);
    expect(dialog(el).open).to.be.true;
    expect(el.confirmingClose).to.be.false;
    expect(deepActive()).to.equal(textarea(el));

    await click(part(el, '[part="close"]'));
    await untilAsking(el, true);
    expect(el.confirmingClose).to.be.true;
    await click(part(el, '.confirm .primary'));
    await untilAsking(el, false);
    expect(el.confirmingClose).to.be.false;
    expect(dialog(el).open).to.be.true;

    await click(part(el, '[part="close"]'));
    await untilAsking(el, true);
    const closed = oneEvent(el, 'care-launcher-close');
    await click(part(el, '.confirm .secondary'));
    expect((await closed).detail).to.deep.equal({unsent: true});
    expect(dialog(el).open).to.be.false;
    expect(deepActive()).to.equal(button(el));

    await click(button(el));
    await untilOpen(el, true);
    expect(textarea(el).value).to.equal('Staff were kind 😊', 'the words are still there');
  });
});

describe('<care-feedback-launcher> form and options', () => {
  it('open({kind, charterRight}) preselects them and passes its attributes to the form', async () => {
    const el = await launcher(html`<care-feedback-launcher
      endpoint="http://localhost:8787/v1"
      locale="cy"
      reading-level="easy"
      privacy-url="/privacy"
      services='[{"id":"north","name":"Home care north"}]'
      storage="none"
      acknowledge-days="5"
      safeguarding-contact="Call 01632 960123"
      kind="comment"
    ></care-feedback-launcher>`);
    const opened = oneEvent(el, 'care-launcher-open');
    await el.open({kind: 'complaint', charterRight: 'dignity'});
    expect((await opened).detail).to.deep.equal({kind: 'complaint'});
    const f = form(el);
    expect(f.localName).to.equal('care-feedback-form');
    expect(f.getAttribute('endpoint')).to.equal('http://localhost:8787/v1');
    expect(f.getAttribute('locale')).to.equal('cy');
    expect(f.getAttribute('reading-level')).to.equal('easy');
    expect(f.getAttribute('privacy-url')).to.equal('/privacy');
    expect(f.getAttribute('services')).to.equal('[{"id":"north","name":"Home care north"}]');
    expect(f.getAttribute('storage')).to.equal('none');
    expect(f.getAttribute('acknowledge-days')).to.equal('5');
    expect(f.getAttribute('safeguarding-contact')).to.equal('Call 01632 960123');
    expect(f.getAttribute('kind')).to.equal('comment');
    expect(f.kind).to.equal('complaint');
    expect(f.charterRight).to.equal('dignity');

    // A later change to the launcher reaches the form; an unchanged one does not undo the person's choice.
    el.setAttribute('storage', 'local');
    el.removeAttribute('privacy-url');
    await el.updateComplete;
    expect(f.getAttribute('storage')).to.equal('local');
    expect(f.hasAttribute('privacy-url')).to.be.false;
    expect(f.kind).to.equal('complaint');
    el.charterRight = 'choice';
    await el.updateComplete;
    expect(f.charterRight).to.equal('choice');
    // Settings given as properties (as the script-tag bundle does) reach the form too.
    el.endpoint = 'https://collector.example/v1';
    const services = [{id: 'day', name: 'Day centre'}];
    el.services = services;
    await el.updateComplete;
    expect(f.getAttribute('endpoint')).to.equal('https://collector.example/v1');
    expect(f.services).to.equal(services);
    expect(f.hasAttribute('services')).to.be.false;
  });

  it('a picker on the page opens it with the chosen kind, and focus goes back to the picker', async () => {
    const host = await mount(html`<div>
      <care-feedback-picker></care-feedback-picker>
      <care-feedback-launcher></care-feedback-launcher>
    </div>`);
    const picker = host.querySelector('care-feedback-picker')!;
    const el = host.querySelector('care-feedback-launcher')!;
    await picker.stringsReady();
    part(picker, 'input[value="suggestion"]').click();
    await picker.updateComplete;
    const continueButton = part(picker, '.continue');
    continueButton.focus();
    const opened = oneEvent(el, 'care-launcher-open');
    await sendKeys({press: 'Enter'});
    expect((await opened).detail.kind).to.equal('suggestion');
    expect(dialog(el).open).to.be.true;
    expect(form(el).kind).to.equal('suggestion');
    await sendKeys({press: 'Escape'});
    await untilOpen(el, false);
    expect(deepActive()).to.equal(continueButton);
  });

  it('opening twice at once opens one dialog and keeps the later kind', async () => {
    const el = await launcher();
    let opens = 0;
    el.addEventListener('care-launcher-open', () => opens++);
    await Promise.all([el.open(), el.open({kind: 'comment'})]);
    expect(opens).to.equal(1);
    expect(dialog(el).open).to.be.true;
    expect(form(el).kind).to.equal('comment');
    expect(deepActive()).to.equal(part(el, '#heading'));
  });

  it('hidden removes the button but open() still shows the dialog', async () => {
    const el = await launcher(html`<care-feedback-launcher hidden></care-feedback-launcher>`);
    expect(button(el).checkVisibility()).to.be.false;
    await el.open();
    const box = dialog(el).getBoundingClientRect();
    expect(box.height).to.be.greaterThan(100);
    expect(deepActive()).to.equal(part(el, '#heading'));
  });
});

describe('<care-feedback-launcher> layout', () => {
  after(() => setViewport({width: 800, height: 600}));

  it('sits in the corner asked for, mirrored right to left in Urdu, or inline', async () => {
    await setViewport({width: 1024, height: 768});
    const cases = [
      ['bottom-right', 'en-GB', 'right', 'bottom'],
      ['bottom-left', 'en-GB', 'left', 'bottom'],
      ['top-right', 'en-GB', 'right', 'top'],
      ['top-left', 'en-GB', 'left', 'top'],
      ['bottom-right', 'ur', 'left', 'bottom'],
    ] as const;
    for (const [position, locale, side, edge] of cases) {
      const el = await launcher(html`<care-feedback-launcher position=${position} locale=${locale}></care-feedback-launcher>`);
      const box = button(el).getBoundingClientRect();
      const gapSide = side === 'right' ? 1024 - box.right : box.left;
      const gapEdge = edge === 'bottom' ? 768 - box.bottom : box.top;
      expect(gapSide, `${position} ${locale} side`).to.be.within(8, 24);
      expect(gapEdge, `${position} ${locale} edge`).to.be.within(8, 24);
    }
    const inline = await launcher(html`<care-feedback-launcher position="inline"></care-feedback-launcher>`);
    expect(getComputedStyle(button(inline)).position).to.equal('static');
  });

  it('targets are at least 44 by 44 pixels; at 320 px the button is an icon named "Give feedback" and the dialog fills the screen', async () => {
    for (const width of [1024, 320]) {
      await setViewport({width, height: 640});
      const el = await launcher();
      const launch = button(el).getBoundingClientRect();
      expect(launch.width).to.be.at.least(44);
      expect(launch.height).to.be.at.least(44);
      if (width === 320) {
        expect(launch.width).to.be.at.most(48);
        const words = part(el, '.launcher-text');
        expect(words.textContent).to.equal('Give feedback');
        expect(words.getBoundingClientRect().width).to.be.at.most(1);
      }
      await el.open();
      textarea(el).value = 'unsent';
      el.close();
      await el.updateComplete;
      for (const target of el.shadowRoot!.querySelectorAll<HTMLElement>('dialog button:not([hidden])')) {
        const box = target.getBoundingClientRect();
        expect(box.width, `${target.className} at ${width}`).to.be.at.least(44);
        expect(box.height, `${target.className} at ${width}`).to.be.at.least(44);
      }
      if (width === 320) expect(dialog(el).getBoundingClientRect().width).to.equal(320);
      el.close({force: true});
    }
  });

  it('collapsed="never" keeps the words on narrow screens; collapsed keeps only the icon on wide ones', async () => {
    await setViewport({width: 320, height: 640});
    const never = await launcher(html`<care-feedback-launcher collapsed="never"></care-feedback-launcher>`);
    expect(button(never).getBoundingClientRect().width).to.be.greaterThan(100);
    await setViewport({width: 1024, height: 768});
    const always = await launcher(html`<care-feedback-launcher collapsed></care-feedback-launcher>`);
    expect(button(always).getBoundingClientRect().width).to.be.at.most(48);
    await expectAccessible(always, 'always collapsed');
  });
});
