// <care-you-said-we-did> in real Chromium against a real collector: axe in every state, newest first, hostile text stays text.
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {exampleSubmission} from '@care-feedback/core';
import '../define/care-you-said-we-did.js';
import type {CareYouSaidWeDid} from './you-said-we-did.js';
import {
  catchScripts,
  expectAccessible,
  naughtyStrings,
  plantedScriptsHadTheirChance,
  waitUntil,
} from '../test-support/index.js';

interface Collector {
  id: string;
  endpoint: string;
  token: string;
}

const start = async () => (await executeServerCommand('care-collector-start', {})) as Collector;
const stop = (c: Collector) => executeServerCommand('care-collector-stop', {id: c.id});

async function api(c: Collector, path: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${c.endpoint}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${c.token}`,
      ...(body === undefined ? {} : {'content-type': 'application/json'}),
    },
    ...(body === undefined ? {} : {body: JSON.stringify(body)}),
  });
  return response;
}

/** Creates and publishes an item through the provider API; returns its id. */
async function publish(c: Collector, item: Record<string, unknown>): Promise<string> {
  const created = await api(c, '/you-said-we-did', 'POST', item);
  expect(created.status).to.equal(201);
  const {id} = await created.json();
  expect((await api(c, `/you-said-we-did/${id}/publish`, 'POST')).status).to.equal(200);
  return id;
}

async function mount(endpoint: string) {
  const el = await fixture<CareYouSaidWeDid>(
    html`<care-you-said-we-did endpoint=${endpoint}></care-you-said-we-did>`,
  );
  await el.loaded();
  return el;
}

const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<care-you-said-we-did>', () => {
  let c: Collector;
  beforeEach(async () => {
    c = await start();
  });
  afterEach(() => stop(c));

  it('is accessible while loading, empty, with items and after an error', async () => {
    const loading = await fixture<CareYouSaidWeDid>(
      html`<care-you-said-we-did endpoint=${c.endpoint}></care-you-said-we-did>`,
    );
    expect(text(loading.shadowRoot!.querySelector('[part="status"]')!)).to.equal(
      'Loading what we changed…',
    );
    await expectAccessible(loading, 'loading');
    await loading.loaded();
    expect(text(loading.shadowRoot!.querySelector('[part="status"]')!)).to.contain(
      'Nothing to show yet',
    );
    await expectAccessible(loading, 'empty');

    await publish(c, {youSaid: 'The lounge was too cold.', weDid: 'We fixed the heating.'});
    const full = await mount(c.endpoint);
    expect(full.shadowRoot!.querySelectorAll('li')).to.have.length(1);
    await expectAccessible(full, 'with items');

    // A collector that has gone away: a plain message, not a broken list.
    const failed = await mount(`${c.endpoint}/not-here`);
    expect(text(failed.shadowRoot!.querySelector('[part="status"]')!)).to.equal(
      'Sorry, we could not load this just now. Please try again later.',
    );
    await expectAccessible(failed, 'failed');
  });

  it('shows only published items, newest first, with the quote as a blockquote', async () => {
    await publish(c, {youSaid: 'Older: meals came late.', weDid: 'We added a second cook.'});
    const olderPublished = Date.now();
    await waitUntil(() => Date.now() > olderPublished); // "newest first" needs a later time
    const sent = await fetch(`${c.endpoint}/submissions`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(
        exampleSubmission({
          id: crypto.randomUUID(),
          kind: 'suggestion',
          message: 'Please could we have a garden bench near the roses.',
          consent: {store: true, contact: false, publish: true},
        }),
      ),
    });
    expect(sent.status).to.equal(201);
    const {reference} = await sent.json();
    await publish(c, {
      submissionReference: reference,
      youSaid: 'Newer: people wanted somewhere to sit outside.',
      weDid: 'We put a bench by the roses.',
      quote: 'a garden bench near the roses',
    });
    const draft = await api(c, '/you-said-we-did', 'POST', {
      youSaid: 'Draft only',
      weDid: 'Not yet',
    });
    expect(draft.status).to.equal(201);

    const el = await mount(c.endpoint);
    const list = el.shadowRoot!.querySelector('ol')!;
    expect(list.getAttribute('aria-label')).to.equal('What people told us and what we changed');
    const items = [...list.querySelectorAll('li')];
    expect(items).to.have.length(2);
    expect(text(items[0]!)).to.contain('Newer: people wanted somewhere to sit outside.');
    expect(items[0]!.querySelector('blockquote')!.textContent).to.equal(
      'a garden bench near the roses',
    );
    expect(text(items[1]!)).to.contain('Older: meals came late.');
    expect(items[1]!.querySelector('blockquote')).to.equal(null);
    expect([...items[0]!.querySelectorAll('h3')].map(text)).to.deep.equal(['You said', 'We did']);
    expect(text(el.shadowRoot!)).not.to.contain('Draft only');
  });

  it('takes replacement strings', async () => {
    const el = await fixture<CareYouSaidWeDid>(
      html`<care-you-said-we-did
        endpoint=${c.endpoint}
        .strings=${{empty: 'No changes listed yet.'}}
      ></care-you-said-we-did>`,
    );
    await el.loaded();
    expect(text(el.shadowRoot!.querySelector('[part="status"]')!)).to.equal(
      'No changes listed yet.',
    );
  });

  it('renders hostile text as text', async () => {
    const texts = (await naughtyStrings())
      .filter(
        (s) =>
          s.trim() && s.length <= 2000 && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s),
      )
      .filter((s) => /[<>&"']|script|javascript/i.test(s))
      .slice(0, 25);
    for (const s of texts) await publish(c, {youSaid: s, weDid: s});
    let el!: CareYouSaidWeDid;
    const hits = await catchScripts(async () => {
      el = await mount(c.endpoint);
      await plantedScriptsHadTheirChance();
    });
    expect(hits).to.deep.equal([]);
    const shown = [...el.shadowRoot!.querySelectorAll('li')].map(
      (li) => li.querySelector('p')!.textContent,
    );
    expect(shown.sort()).to.deep.equal([...texts].sort());
    // Nothing from the payloads became an element.
    expect(
      el.shadowRoot!.querySelectorAll('li *:not(h3, p, figure, blockquote, figcaption)'),
    ).to.have.length(0);
    await expectAccessible(el, 'hostile text');
  });
});
