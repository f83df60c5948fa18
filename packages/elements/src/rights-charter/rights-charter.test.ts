// <care-rights-charter> in real Chromium: axe collapsed/expanded/printed, the accordion, feedback routing, sources, safe HTML, hostile text.
import {expect, fixtureSync, html, oneEvent} from '@open-wc/testing';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import '../define/care-rights-charter.js';
import type {CareRightsCharter} from './rights-charter.js';
import {
  CONTENT_VARIANTS,
  expectAccessible,
  fixtureReady,
  naughtyStrings,
  plantedScriptsHadTheirChance,
  waitUntil,
} from '../test-support/index.js';

const CHARTER = {
  version: 1,
  locale: 'en-GB',
  title: 'Your rights with Example Care',
  intro: 'What you can expect from us.',
  introEasy: 'What we will do for you.',
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
      askFeedback: true,
    },
    {
      id: 'changes',
      type: 'responsibility',
      heading: 'Telling us about changes',
      paragraphs: ['Please tell us when things change.'],
      easyRead: ['Tell us about changes.'],
      askFeedback: false,
    },
  ],
};

async function mount(template: unknown): Promise<CareRightsCharter> {
  const root = await fixtureReady(template, 'care-rights-charter');
  return (
    root.matches('care-rights-charter') ? root : root.querySelector('care-rights-charter')!
  ) as CareRightsCharter;
}

const small = (attrs: {locale?: string; readingLevel?: string} = {}) =>
  mount(
    html`<care-rights-charter
      .charter=${CHARTER}
      locale=${attrs.locale ?? 'en-GB'}
      reading-level=${attrs.readingLevel ?? 'standard'}
      last-reviewed="2026-09-01"
      written-with=""
    ></care-rights-charter>`,
  );

const sectionButtons = (el: CareRightsCharter) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.section-heading button'),
];
const panelOf = (el: CareRightsCharter, button: HTMLButtonElement) =>
  el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!;
const visible = (node: Element) =>
  node.checkVisibility({contentVisibilityAuto: true}) && node.getBoundingClientRect().height > 0;
const toggleAll = (el: CareRightsCharter) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('.toggle-all')!;
const feedbackButtons = (el: CareRightsCharter) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.feedback'),
];

afterEach(async () => {
  await emulateMedia({media: 'screen'});
  await setViewport({width: 800, height: 600});
});

describe('<care-rights-charter> accessibility (axe)', () => {
  it('has no violations with the built-in charter collapsed, expanded and printed', async () => {
    const el = await mount(
      html`<care-rights-charter last-reviewed="2026-09-01" written-with=""></care-rights-charter>`,
    );
    expect(sectionButtons(el).length).to.be.greaterThan(8);
    await expectAccessible(el, 'built-in, collapsed');
    toggleAll(el).click();
    await el.updateComplete;
    await expectAccessible(el, 'built-in, expanded');
    toggleAll(el).click();
    await el.updateComplete;
    await emulateMedia({media: 'print'});
    await expectAccessible(el, 'built-in, printed');
  });

  for (const [name, attrs] of CONTENT_VARIANTS) {
    it(`has no violations collapsed, expanded and printed (${name})`, async () => {
      const el = await small(attrs);
      await expectAccessible(el, `${name}, collapsed`);
      el.expandAll();
      await el.updateComplete;
      await expectAccessible(el, `${name}, expanded`);
      el.collapseAll();
      await el.updateComplete;
      await emulateMedia({media: 'print'});
      await expectAccessible(el, `${name}, printed`);
    });
  }
});

describe('<care-rights-charter> accordion', () => {
  it('has headings that contain buttons with aria-expanded and aria-controls, opened by click, Enter and Space', async () => {
    const el = await small();
    const buttons = sectionButtons(el);
    expect(buttons).to.have.length(3);
    for (const button of buttons) {
      expect(button.parentElement!.localName).to.equal('h3');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(visible(panelOf(el, button))).to.be.false;
    }
    buttons[0]!.click();
    await el.updateComplete;
    expect(buttons[0]!.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(panelOf(el, buttons[0]!))).to.be.true;
    expect(panelOf(el, buttons[0]!).textContent).to.contain('We knock before we come in.');

    buttons[1]!.focus();
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({press: 'Space'});
    await el.updateComplete;
    expect(buttons[1]!.getAttribute('aria-expanded')).to.equal('false');
    expect(visible(panelOf(el, buttons[1]!))).to.be.false;
  });

  it('opens and closes every section at once', async () => {
    const el = await small();
    expect(toggleAll(el).textContent!.trim()).to.equal('Open all sections');
    toggleAll(el).click();
    await el.updateComplete;
    expect(sectionButtons(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.be.true;
    expect(toggleAll(el).textContent!.trim()).to.equal('Close all sections');
    expect(toggleAll(el).getAttribute('aria-expanded')).to.equal('true');
    toggleAll(el).click();
    await el.updateComplete;
    expect(sectionButtons(el).every((b) => b.getAttribute('aria-expanded') === 'false')).to.be.true;
  });

  it('prints every section open, without the buttons that do nothing on paper', async () => {
    const el = await small();
    await emulateMedia({media: 'print'});
    for (const button of sectionButtons(el)) expect(visible(panelOf(el, button))).to.be.true;
    expect(visible(toggleAll(el))).to.be.false;
    expect(feedbackButtons(el)).to.have.length(2);
    for (const button of feedbackButtons(el)) expect(visible(button)).to.be.false;
  });

  it('shows the provider metadata, and easy-read wording when asked', async () => {
    const el = await mount(
      html`<care-rights-charter
        .charter=${CHARTER}
        last-reviewed="2026-09-01"
        written-with="people who use our service and their families"
      ></care-rights-charter>`,
    );
    const meta = el.shadowRoot!.querySelector('.meta')!.textContent!.replace(/\s+/g, ' ');
    expect(meta).to.contain('Last reviewed: 1 September 2026');
    expect(meta).to.contain('Written with people who use our service and their families');
    const easy = await small({readingLevel: 'easy'});
    expect(easy.shadowRoot!.textContent).to.contain('What we will do for you.');
    expect(panelOf(easy, sectionButtons(easy)[0]!).textContent).to.contain('We are kind to you.');
    expect(feedbackButtons(easy)[0]!.textContent!.trim()).to.equal(
      'Tell us if this did not happen to you',
    );
    const cy = await small({locale: 'cy'});
    expect(toggleAll(cy).textContent!.trim()).to.equal('Agor pob adran');
    expect(cy.shadowRoot!.querySelector('.meta')!.textContent).to.contain(
      'Adolygwyd ddiwethaf: 1 Medi 2026',
    );
  });

  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({width: 320, height: 640});
    const el = await mount(html`<care-rights-charter expanded></care-rights-charter>`);
    expect(sectionButtons(el).every((b) => b.getAttribute('aria-expanded') === 'true')).to.be.true;
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});

// Stand-ins with the public API of the launcher and the form (issue 4), so this file does not depend on their internals.
class LauncherDouble extends HTMLElement {
  calls: unknown[] = [];
  open(options: unknown) {
    this.calls.push(options);
  }
}
class FormDouble extends HTMLElement {
  kind?: string;
  charterRight?: string;
  connectedCallback() {
    this.tabIndex = -1;
    this.style.display = 'block';
    this.style.height = '200px';
  }
}
const launcherTag = 'care-feedback-launcher';
const formTag = 'care-feedback-form';

describe('<care-rights-charter> "Tell us if this did not happen for you"', () => {
  before(() => {
    // Only when the real elements are not loaded on this test page.
    if (!customElements.get(launcherTag)) customElements.define(launcherTag, LauncherDouble);
    if (!customElements.get(formTag)) customElements.define(formTag, FormDouble);
  });

  it('is offered on rights that ask for it, and fires a cancelable care-charter-feedback event', async () => {
    const el = await small();
    const buttons = feedbackButtons(el);
    expect(buttons).to.have.length(2, 'rights only');
    expect(buttons[0]!.getAttribute('aria-describedby')).to.equal('s0-title');
    const listener = oneEvent(el, 'care-charter-feedback');
    el.addEventListener('care-charter-feedback', (event) => event.preventDefault(), {once: true});
    buttons[1]!.click();
    const event = await listener;
    expect(event.detail).to.deep.equal({right: 'privacy'});
    expect(event.bubbles && event.composed && event.cancelable).to.be.true;
  });

  it('opens the launcher with the right attached', async () => {
    const root = fixtureSync<HTMLElement>(
      html`<div>
        <care-rights-charter .charter=${CHARTER}></care-rights-charter>
        <care-feedback-launcher></care-feedback-launcher>
        <care-feedback-form></care-feedback-form>
      </div>`,
    );
    const el = root.querySelector('care-rights-charter') as CareRightsCharter;
    await el.ready;
    const launcher = root.querySelector(launcherTag) as unknown as {
      calls?: unknown[];
      open: (o: unknown) => void;
    };
    const calls: unknown[] = [];
    const open = launcher.open.bind(launcher);
    launcher.open = (options: unknown) => {
      calls.push(options);
      return open(options);
    };
    feedbackButtons(el)[0]!.click();
    expect(calls).to.deep.equal([{kind: 'complaint', charterRight: 'dignity'}]);
  });

  it('without a launcher, fills in the form, scrolls to it and focuses it', async () => {
    await setViewport({width: 800, height: 400});
    const root = fixtureSync<HTMLElement>(
      html`<div>
        <care-rights-charter .charter=${CHARTER} expanded></care-rights-charter>
        <div style="height: 1500px"></div>
        <care-feedback-form></care-feedback-form>
      </div>`,
    );
    const el = root.querySelector('care-rights-charter') as CareRightsCharter;
    await el.ready;
    const form = root.querySelector(formTag) as HTMLElement & {
      kind?: string;
      charterRight?: string;
    };
    feedbackButtons(el)[1]!.click();
    expect(form.charterRight).to.equal('privacy');
    expect(form.kind).to.equal('complaint');
    await waitUntil(() => form.getBoundingClientRect().top < 400, 'scrolled to the form');
    expect(document.activeElement === form || form.matches(':focus-within')).to.be.true;
  });
});

describe('<care-rights-charter> sources', () => {
  it('loads a provider JSON file from src', async () => {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify({...CHARTER, title: 'From a file'})], {type: 'application/json'}),
    );
    const el = await mount(html`<care-rights-charter src=${url}></care-rights-charter>`);
    expect(el.shadowRoot!.querySelector('.title')!.textContent).to.equal('From a file');
  });

  it('reports a bad charter in the console and shows the built-in one', async () => {
    const url = URL.createObjectURL(
      new Blob(
        [
          JSON.stringify({
            version: 1,
            locale: 'en-GB',
            title: 'Bad',
            intro: 'x',
            sections: [{id: 'x', type: 'wish'}],
          }),
        ],
        {type: 'application/json'},
      ),
    );
    const errors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    let el: CareRightsCharter;
    try {
      el = await mount(html`<care-rights-charter src=${url}></care-rights-charter>`);
    } finally {
      console.error = error;
    }
    expect(errors.join('\n')).to.contain(url).and.to.contain('"type" must be');
    expect(sectionButtons(el!).length).to.be.greaterThan(8);
  });

  // Hostile links on purpose, one with an encoded tab inside its scheme: the charter must refuse them.
  /* eslint-disable lit/attribute-value-entities */
  it('shows the provider HTML inside it through the safe subset only', async () => {
    const hits: string[] = [];
    (window as unknown as {__careTrap: (what: string) => void}).__careTrap = (what) =>
      hits.push(what);
    const el = await mount(
      html`<care-rights-charter>
        <template>
          <h2>Our promises</h2>
          <p>Read this <b>first</b>.</p>
          <section id="Choice!" data-type="right" data-ask-feedback>
            <h3>Choice <em>and</em> control</h3>
            <p onclick="window.__careTrap('onclick')">
              You <strong>choose</strong> your <i>carers</i>.
              <script>
                window.__careTrap('script');
              </script>
            </p>
            <img src="x" onerror="window.__careTrap('img')" alt="" />
            <ul>
              <li>One</li>
              stray
              <div>block</div>
            </ul>
            <li>Lonely item</li>
            <p>
              <a href="javascript:window.__careTrap('link')">bad link</a>
              <a href=" jav&#x09;ascript:alert(1)">tabbed</a>
              <a href="https://example.org/rights" onmouseover="window.__careTrap('over')"
                >good link</a
              >
              <a href="/local">local</a> <a href="mailto:care@example.org">mail</a>
            </p>
            <style>
              p {
                display: none;
              }
            </style>
            <iframe src="javascript:parent.__careTrap('iframe')"></iframe>
            <form><input value="field" /></form>
            <div data-easy-read><p>You choose.</p></div>
          </section>
          <section data-type="responsibility">
            <h3>Being on time</h3>
            <p>Tell us if you cannot make it.</p>
          </section>
        </template>
      </care-rights-charter>`,
    );
    el.expandAll();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('.title')!.textContent).to.equal('Our promises');
    expect(sectionButtons(el).map((b) => b.textContent!.trim())).to.deep.equal([
      'Choice and control',
      'Being on time',
    ]);
    const panel = panelOf(el, sectionButtons(el)[0]!);
    expect(
      panel.querySelectorAll(
        'script, img, style, iframe, form, input, [onclick], [onmouseover], [style]',
      ).length,
    ).to.equal(0);
    expect(panel.querySelector('strong')!.textContent).to.equal('choose');
    expect(panel.querySelector('em')!.textContent).to.equal('carers');
    expect([...panel.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/rights',
      '/local',
      'mailto:care@example.org',
    ]);
    expect(panel.textContent).to.contain('bad link').and.to.contain('tabbed');
    expect([...panel.querySelectorAll('ul > *')].every((child) => child.localName === 'li')).to.be
      .true;
    expect(panel.querySelector('p:not(ul p)')!.textContent).to.contain('You choose your carers.');
    expect(panel.textContent).not.to.contain(
      'You choose.',
      'easy read is kept for reading-level="easy"',
    );
    for (const link of panel.querySelectorAll('a'))
      link.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
    const event = oneEvent(el, 'care-charter-feedback');
    el.addEventListener('care-charter-feedback', (e) => e.preventDefault(), {once: true});
    feedbackButtons(el)[0]!.click();
    expect((await event).detail.right).to.equal('choice');
    await expectAccessible(el, 'provider HTML, expanded');
    expect(hits).to.deep.equal([]);
  });
  /* eslint-enable lit/attribute-value-entities */
});

describe('<care-rights-charter> hostile content', () => {
  it('shows every naughty string and markup payload as charter text and runs none of it', async () => {
    const blns = await naughtyStrings();
    const payloads = [
      '<script>window.__careTrap("script")</script>',
      '<img src=x onerror="window.__careTrap(\'img\')">',
      '<a href="javascript:window.__careTrap(1)">x</a>',
    ];
    const texts = [...payloads, ...blns].filter((text) => text.trim() && text.length <= 200);
    const hits: string[] = [];
    const trap = (what: unknown) => hits.push(String(what));
    const saved = {alert: window.alert, prompt: window.prompt, confirm: window.confirm};
    Object.assign(window, {__careTrap: trap, alert: trap, prompt: trap, confirm: trap});
    try {
      const sections = [];
      for (let i = 0; i < texts.length; i += 30) {
        const chunk = texts.slice(i, i + 30);
        sections.push({
          id: `s${i}`,
          type: 'right',
          heading: chunk[0]!,
          paragraphs: chunk,
          easyRead: chunk,
          askFeedback: true,
        });
      }
      const charter = {
        version: 1,
        locale: 'en-GB',
        title: payloads[0],
        intro: payloads[1],
        sections,
      };
      const el = await mount(
        html`<care-rights-charter .charter=${charter} expanded></care-rights-charter>`,
      );
      const shown = [...el.shadowRoot!.querySelectorAll('.panel-body p')].map((p) => p.textContent);
      expect(shown).to.deep.equal(texts);
      expect(el.shadowRoot!.querySelector('.title')!.textContent).to.equal(payloads[0]);
      expect(sectionButtons(el).map((b) => b.textContent!.trim())).to.deep.equal(
        sections.map((s) => s.heading.trim()),
      );
      expect(el.shadowRoot!.querySelectorAll('script, img, iframe, svg, a').length).to.equal(0);
      await plantedScriptsHadTheirChance();
    } finally {
      Object.assign(window, saved);
    }
    expect(hits, 'nothing ran').to.deep.equal([]);
  });
});
