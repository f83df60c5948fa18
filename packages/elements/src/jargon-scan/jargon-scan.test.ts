// <care-jargon-scan> in real Chromium: marks the first of each term, leaves links, fields, headings and scripts alone, and reads long pages to the end.
import {expect, fixtureSync, html} from '@open-wc/testing';
import '../define/care-jargon-scan.js';
import type {CareJargonScan} from './jargon-scan.js';
import type {CareJargon} from '../jargon/jargon.js';
import {expectAccessible} from '../test-support/index.js';

const GLOSSARY = {
  version: 1,
  locale: 'en-GB',
  terms: [
    {
      id: 'direct-payment',
      term: 'direct payment',
      aliases: ['direct payments'],
      definition: 'Money from the council so you can arrange your own care.',
      easyRead: 'Money for your care.',
      related: [],
    },
    {
      id: 'personal-budget',
      term: 'personal budget',
      aliases: ['personal budgets'],
      definition: 'How much money the council says your care will cost.',
      easyRead: 'How much your care costs.',
      related: [],
    },
    {
      id: 'budget',
      term: 'budget',
      aliases: [],
      definition: 'A plan for money.',
      easyRead: 'Money plan.',
      related: [],
    },
    {
      id: 'carers-assessment',
      term: "carers' assessment",
      aliases: ["carer's assessment"],
      definition: 'A talk with the council about what help a carer needs.',
      easyRead: 'A talk about help for carers.',
      related: [],
    },
    {
      id: 'respite',
      term: 'respite',
      aliases: ['short break'],
      definition: 'A short break for a carer.',
      easyRead: 'A rest for carers.',
      related: [],
    },
    {
      id: 'cqc',
      term: 'CQC',
      aliases: [],
      definition: 'The organisation that checks care services in England.',
      easyRead: 'They check care is good.',
      related: [],
    },
  ],
};

async function mount(template: unknown): Promise<CareJargonScan> {
  const el = fixtureSync<CareJargonScan>(template as never);
  await el.ready;
  await Promise.all(
    [...el.querySelectorAll<CareJargon>('care-jargon')].map((jargon) => jargon.ready),
  );
  return el;
}

const marked = (el: Element) =>
  [...el.querySelectorAll('care-jargon')].map((node) => node.textContent);

describe('<care-jargon-scan>', () => {
  it('has no axe violations once terms are marked', async () => {
    const el = await mount(
      html`<care-jargon-scan glossary-mode="replace" .glossary=${GLOSSARY}>
        <p>You can ask for Direct Payments or a short break.</p>
      </care-jargon-scan>`,
    );
    expect(marked(el)).to.deep.equal(['Direct Payments', 'short break']);
    await expectAccessible(el, 'marked');
    (el.querySelector('care-jargon') as CareJargon).show();
    await expectAccessible(el, 'one open');
  });

  it('marks the first occurrence of each term, longest name first, in any case or apostrophe', async () => {
    const el = await mount(
      html`<care-jargon-scan glossary-mode="replace" .glossary=${GLOSSARY}>
        <p>
          Your personal budget is set first. Then the budget is split. A personal budget again.
          Budgeting is not a term.
        </p>
        <p>
          Ask for a carer’s assessment. The cqc checks us. The CQC again. Respites does not count;
          direct-payments does.
        </p>
      </care-jargon-scan>`,
    );
    expect(marked(el)).to.deep.equal([
      'personal budget',
      'budget',
      'carer’s assessment',
      'cqc',
      'direct-payments',
    ]);
    expect(el.textContent!.replace(/\s+/g, ' ').trim(), 'the text reads as before').to.equal(
      'Your personal budget is set first. Then the budget is split. A personal budget again. Budgeting is not a term. Ask for a carer’s assessment. The cqc checks us. The CQC again. Respites does not count; direct-payments does.',
    );
  });

  it('never touches scripts, links, buttons, form fields, labels, headings, code or opted-out parts', async () => {
    const hits: string[] = [];
    (window as unknown as {__careTrap: (what: string) => void}).__careTrap = (what) =>
      hits.push(what);
    const el = await mount(
      html`<care-jargon-scan glossary-mode="replace" .glossary=${GLOSSARY}>
        <h2>Respite</h2>
        <div role="heading" aria-level="3">CQC</div>
        <a href="#x">direct payment</a>
        <button type="button">personal budget</button>
        <label>budget <input value="respite" /></label>
        <textarea>CQC</textarea>
        <select>
          <option>direct payment</option>
        </select>
        <code>budget</code>
        <div data-jargon="off"><p>respite</p></div>
        <script>
          /* respite */ window.__careTrapCount = (window.__careTrapCount || 0) + 1;
        </script>
        <style>
          /* budget */
        </style>
        <p>Finally: respite.</p>
      </care-jargon-scan>`,
    );
    expect(marked(el)).to.deep.equal(['respite']);
    expect(el.querySelector('p:last-of-type care-jargon')).to.exist;
    expect(el.querySelector('textarea')!.value).to.equal('CQC');
    expect(el.querySelector('input')!.value).to.equal('respite');
    expect(el.querySelector('script')!.textContent).to.contain('/* respite */');
    expect(hits).to.deep.equal([]);
  });

  it('keeps the provider’s elements and listeners', async () => {
    const el = fixtureSync<CareJargonScan>(
      html`<care-jargon-scan glossary-mode="replace" .glossary=${GLOSSARY}>
        <p id="p">A <strong>respite</strong> stay, paid by direct payment.</p>
      </care-jargon-scan>`,
    );
    const paragraph = el.querySelector('#p')!;
    let clicks = 0;
    paragraph.addEventListener('click', () => clicks++);
    await el.ready;
    expect(el.querySelector('#p')).to.equal(paragraph);
    expect(marked(el)).to.deep.equal(['respite', 'direct payment']);
    (paragraph.querySelector('strong') as HTMLElement).click();
    expect(clicks).to.equal(1);
  });

  it('reads all of a 100,000-word page and marks terms that come only at its end', async function () {
    // How long this takes is measured by `npm run bench` (bench/jargon-scan.mjs, against a plain
    // <div> beside it), not here: a test that asserted a time would fail on a busy machine.
    this.timeout(60_000);
    const filler =
      'the people who use our service told us that visits were often late and they wanted more say in how care is planned'.split(
        ' ',
      );
    const paragraphs: string[] = [];
    for (let i = 0; i < 100_000; i += 100)
      paragraphs.push(
        `<p>${Array.from({length: 100}, (_, j) => filler[(i + j) % filler.length]).join(' ')}</p>`,
      );
    paragraphs.push('<p>Ask about a direct payment, a personal budget, respite and the CQC.</p>');
    const response = await fetch('/packages/elements/glossary/en-GB.json');
    const el = document.createElement('care-jargon-scan') as CareJargonScan;
    el.glossaryMode = 'replace';
    el.glossary = await response.json();
    el.innerHTML = paragraphs.join('');
    document.body.append(el);
    try {
      await el.ready;
      expect(el.marked).to.equal(4);
      expect(marked(el.lastElementChild!)).to.deep.equal([
        'direct payment',
        'personal budget',
        'respite',
        'CQC',
      ]);
    } finally {
      el.remove();
    }
  });
});
