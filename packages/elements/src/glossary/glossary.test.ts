// <care-glossary> in real Chromium: axe in every state, search and its announced count, letters, fragments, easy read, print, hostile text.
import {expect, fixtureSync, html} from '@open-wc/testing';
import {emulateMedia, sendKeys, setViewport} from '@web/test-runner-commands';
import '../define/care-glossary.js';
import '../define/care-jargon.js';
import type {CareGlossary} from './glossary.js';
import type {CareJargon} from '../jargon/jargon.js';
import {
  CONTENT_VARIANTS,
  catchScripts,
  expectAccessible,
  fixtureReady,
  hostileTerms,
  naughtyStrings,
  plantedScriptsHadTheirChance,
  waitUntil,
} from '../test-support/index.js';

const GLOSSARY = {
  version: 1,
  locale: 'en-GB',
  terms: [
    {
      id: 'advocate',
      term: 'advocate',
      aliases: ['advocates', 'advocacy'],
      definition: 'Someone who helps you say what you want and makes sure people listen.',
      easyRead: 'A person who helps you speak up.',
      related: ['best-interests'],
    },
    {
      id: 'best-interests',
      term: 'best interests',
      aliases: [],
      definition:
        'A decision made for you when you cannot make it yourself, thinking about what you would want.',
      easyRead: 'Choosing what is best for you.',
      related: ['advocate'],
    },
    {
      id: 'cqc',
      term: 'CQC',
      aliases: ['Care Quality Commission'],
      definition: 'The organisation in England that checks care services are safe and good.',
      easyRead: 'They check care is good.',
      related: [],
    },
    {
      id: 'direct-payment',
      term: 'direct payment',
      aliases: ['direct payments'],
      definition: 'Money from the council so you can arrange your own care.',
      easyRead: 'Money to pay for your care.',
      related: ['personal-budget'],
    },
    {
      id: 'personal-budget',
      term: 'personal budget',
      aliases: ['personal budgets'],
      definition: 'How much money the council says your care will cost.',
      easyRead: 'How much your care costs.',
      related: ['direct-payment'],
    },
    {
      id: 'respite',
      term: 'respite',
      aliases: ['respite care', 'short break'],
      definition:
        'A short break for a carer while someone else looks after the person they care for.',
      easyRead: 'A rest for carers.',
      related: [],
    },
  ],
};

const search = (el: CareGlossary) => el.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
const count = (el: CareGlossary) =>
  el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
const shownTerms = (el: CareGlossary) =>
  [...el.shadowRoot!.querySelectorAll('.term')].map((node) => node.textContent!.trim());

const mount = (template: unknown) =>
  fixtureReady(template, 'care-glossary') as Promise<CareGlossary>;

const small = (attrs: {locale?: string; readingLevel?: string} = {}) =>
  mount(
    html`<care-glossary
      glossary-mode="replace"
      .glossary=${GLOSSARY}
      locale=${attrs.locale ?? 'en-GB'}
      reading-level=${attrs.readingLevel ?? 'standard'}
    ></care-glossary>`,
  );

async function type(el: CareGlossary, text: string): Promise<void> {
  search(el).focus();
  search(el).select();
  if (text) await sendKeys({type: text});
  else await sendKeys({press: 'Backspace'});
  await el.updateComplete;
}

afterEach(async () => {
  await emulateMedia({media: 'screen'});
  await setViewport({width: 800, height: 600});
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

describe('<care-glossary> accessibility (axe)', () => {
  it('has no violations with the whole built-in glossary, filtered to one and to nothing', async () => {
    const el = await mount(html`<care-glossary></care-glossary>`);
    expect(el.results.length).to.be.greaterThan(149);
    await expectAccessible(el, 'built-in, unfiltered');
    await type(el, 'reablement');
    expect(el.results.length).to.be.at.least(1);
    await type(el, 'zzqx');
    await waitUntil(() => count(el) === 'No words found', 'the count is announced');
    await expectAccessible(el, 'built-in, filtered to nothing');
  });

  for (const [name, attrs] of CONTENT_VARIANTS) {
    it(`has no violations unfiltered, filtered to one and to nothing, and printed (${name})`, async () => {
      const el = await small(attrs);
      await expectAccessible(el, `${name}, unfiltered`);
      await type(el, 'respite');
      expect(shownTerms(el)).to.deep.equal(['respite']);
      await expectAccessible(el, `${name}, filtered to one`);
      await type(el, 'zzqx');
      expect(shownTerms(el)).to.deep.equal([]);
      await expectAccessible(el, `${name}, filtered to nothing`);
      await type(el, '');
      await emulateMedia({media: 'print'});
      await expectAccessible(el, `${name}, printed`);
    });
  }
});

describe('<care-glossary> search', () => {
  it('filters as you type, matching terms, aliases and meanings, and announces the count politely', async () => {
    const el = await small();
    expect(shownTerms(el)).to.have.length(6);
    expect(count(el)).to.equal('6 words in the glossary');
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live') ?? 'polite').to.equal('polite');

    await type(el, 'Care Quality');
    expect(shownTerms(el), 'alias').to.deep.equal(['CQC']);
    await waitUntil(() => count(el) === '1 word found');

    await type(el, 'council');
    expect(shownTerms(el), 'meanings').to.deep.equal(['direct payment', 'personal budget']);
    await waitUntil(() => count(el) === '2 words found');

    await type(el, 'SHORT   break');
    expect(shownTerms(el), 'any case and spacing').to.deep.equal(['respite']);

    await type(el, 'nothing like this');
    expect(shownTerms(el)).to.deep.equal([]);
    await waitUntil(() => count(el) === 'No words found');
    expect(el.shadowRoot!.querySelector('.no-match')!.textContent).to.contain(
      '“nothing like this”',
    );
  });

  it('says the count in Welsh and Urdu, right to left for Urdu', async () => {
    const cy = await small({locale: 'cy'});
    expect(count(cy)).to.equal('6 o eiriau yn yr eirfa');
    const ur = await small({locale: 'ur'});
    expect(getComputedStyle(ur.shadowRoot!.querySelector('.base')!).direction).to.equal('rtl');
    await type(ur, 'respite');
    await waitUntil(() => count(ur) === '1 لفظ ملا');
  });

  it('switches to easy-read meanings', async () => {
    const el = await small();
    const meaning = () => el.shadowRoot!.querySelector('#term-advocate .definition')!.textContent;
    expect(meaning()).to.equal(GLOSSARY.terms[0]!.definition);
    el.shadowRoot!.querySelector<HTMLInputElement>('#easy')!.click();
    await el.updateComplete;
    expect(meaning()).to.equal(GLOSSARY.terms[0]!.easyRead);
    const easy = await small({readingLevel: 'easy'});
    expect(easy.shadowRoot!.querySelector<HTMLInputElement>('#easy')!.checked).to.be.true;
    expect(easy.shadowRoot!.querySelector('label[for="search"]')!.textContent).to.equal(
      'Find a word',
    );
  });
});

describe('<care-glossary> navigation', () => {
  it('has letter links for letters with words; each moves focus to its letter', async () => {
    const el = await small();
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['A', 'B', 'C', 'D', 'P', 'R']);
    links.find((a) => a.textContent === 'P')!.click();
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('P');
  });

  it('opens at #term-… and follows later fragment changes and related links', async () => {
    history.replaceState(null, '', '#term-respite');
    await setViewport({width: 800, height: 300});
    const el = await mount(
      html`<div>
        <div style="height: 2000px"></div>
        <care-glossary glossary-mode="replace" .glossary=${GLOSSARY}></care-glossary>
      </div>`,
    ).then((root) => root.querySelector('care-glossary') as CareGlossary);
    await el.ready;
    await waitUntil(
      () => el.shadowRoot!.activeElement?.id === 'term-respite-term',
      'focus moves to the word',
    );
    const top = el.shadowRoot!.querySelector('#term-respite')!.getBoundingClientRect().top;
    expect(top).to.be.within(-1, 300);

    location.hash = '#term-advocate';
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'term-advocate-term');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('#term-advocate .related a')!.click();
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'term-best-interests-term');
    expect(location.hash).to.equal('#term-best-interests');
  });

  it('clears a search that hides the word a link asks for', async () => {
    const el = await small();
    await type(el, 'respite');
    expect(await el.showEntry('cqc')).to.be.true;
    expect(search(el).value).to.equal('');
    expect(shownTerms(el)).to.include('CQC');
    expect(await el.showEntry('no-such-word')).to.be.false;
  });

  it('is where <care-jargon> links to', async () => {
    const root = fixtureSync<HTMLElement>(
      html`<div>
        <p>
          <care-jargon term="respite" glossary-mode="replace" .glossary=${GLOSSARY}
            >respite</care-jargon
          >
        </p>
        <care-glossary glossary-mode="replace" .glossary=${GLOSSARY}></care-glossary>
      </div>`,
    );
    const jargon = root.querySelector('care-jargon') as CareJargon;
    const glossary = root.querySelector('care-glossary') as CareGlossary;
    await Promise.all([jargon.ready, glossary.ready]);
    jargon.show();
    await jargon.updateComplete;
    jargon.shadowRoot!.querySelector('a')!.click();
    await waitUntil(() => glossary.shadowRoot!.activeElement?.id === 'term-respite-term');
  });
});

describe('<care-glossary> print and small screens', () => {
  it('prints the words without the search, letters or switch', async () => {
    const el = await small();
    await emulateMedia({media: 'print'});
    for (const selector of ['.controls', '.letters', '.count']) {
      expect(getComputedStyle(el.shadowRoot!.querySelector(selector)!).display, selector).to.equal(
        'none',
      );
    }
    expect(shownTerms(el)).to.have.length(6);
    expect(
      el.shadowRoot!.querySelector('#term-cqc')!.getBoundingClientRect().height,
    ).to.be.greaterThan(0);
  });

  it('fits 320 px without sideways scrolling', async () => {
    await setViewport({width: 320, height: 640});
    const el = await mount(html`<care-glossary></care-glossary>`);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.getBoundingClientRect().right).to.be.at.most(320);
  });
});

describe('<care-glossary> provider glossaries', () => {
  it('adds a provider glossary from a URL to the built-in one', async () => {
    const extra = {
      version: 1,
      locale: 'en-GB',
      terms: [
        {
          id: 'wellbeing-walk',
          term: 'wellbeing walk',
          aliases: [],
          definition: 'Our Tuesday walk in the park.',
          easyRead: 'A walk on Tuesdays.',
          related: [],
        },
      ],
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(extra)], {type: 'application/json'}));
    const el = await mount(html`<care-glossary glossary-url=${url}></care-glossary>`);
    expect(el.results.length).to.be.greaterThan(150);
    expect(el.results.some((entry) => entry.id === 'wellbeing-walk')).to.be.true;
  });

  it('reports a bad glossary file in the console and shows the built-in one', async () => {
    const url = URL.createObjectURL(
      new Blob(
        [
          JSON.stringify({
            version: 1,
            locale: 'en-GB',
            terms: [{id: 'Bad Id', term: '', definition: 3}],
          }),
        ],
        {type: 'application/json'},
      ),
    );
    const errors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
    let el: CareGlossary;
    try {
      el = await mount(html`<care-glossary glossary-url=${url}></care-glossary>`);
    } finally {
      console.error = error;
    }
    expect(errors.join('\n'))
      .to.contain(url)
      .and.to.contain('"id" must be lower-case')
      .and.to.contain('"definition" must be text');
    expect(el!.results.length).to.be.greaterThan(149);
  });
});

describe('<care-glossary> hostile content', () => {
  it('shows every naughty string and markup payload as text and runs none of it', async () => {
    const blns = await naughtyStrings();
    const payloads = [
      '<script>window.__careTrap("script")</script>',
      '<img src=x onerror="window.__careTrap(\'img\')">',
      '<a href="javascript:window.__careTrap(\'link\')">click</a>',
      '<style>*{display:none}</style>',
    ];
    const hits = await catchScripts(async () => {
      const terms = hostileTerms([...payloads, ...blns]);
      const el = await mount(
        html`<care-glossary
          glossary-mode="replace"
          .glossary=${{version: 1, locale: 'en-GB', terms}}
        ></care-glossary>`,
      );
      expect(el.results).to.have.length(terms.length);
      for (const entry of terms) {
        const node = el.shadowRoot!.getElementById(`term-${entry.id}`)!;
        expect(node.querySelector('.term')!.textContent).to.equal(entry.term);
        expect(node.querySelector('.definition')!.textContent).to.equal(entry.definition);
      }
      expect(
        el.shadowRoot!.querySelectorAll('script, img, style:not(:first-child), iframe, svg').length,
      ).to.equal(0);
      await type(el, '<script>');
      expect(shownTerms(el)).to.include(payloads[0]);
      await plantedScriptsHadTheirChance();
    });
    expect(hits, 'nothing ran').to.deep.equal([]);
  });
});
