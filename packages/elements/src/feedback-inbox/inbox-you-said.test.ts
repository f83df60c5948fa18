// "You said, we did" in <care-feedback-inbox>, in real Chromium against a real collector: axe in every state, the consent rule.
import {expect, waitUntil} from '@open-wc/testing';
import {expectAccessible} from '../test-support/index.js';
import {
  $,
  $$,
  focused,
  heading,
  mount,
  openRow,
  signIn,
  startCollector,
  stopCollector,
  submit,
  text,
  type RunningCollector,
} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
let consented = '';
let refused = '';
const CONSENTED_MESSAGE = 'The night carers never knew which door to use. Please tell them.';

before(async () => {
  collector = await startCollector();
  consented = await submit(collector.endpoint, {
    message: CONSENTED_MESSAGE,
    consent: {store: true, contact: true, publish: true},
  });
  refused = await submit(collector.endpoint, {
    message: 'My father was left without lunch twice.',
    consent: {store: true, contact: true, publish: false},
  });
});

after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

async function fill(el: CareFeedbackInbox, said: string, did: string) {
  $<HTMLTextAreaElement>(el, '#you-said-said')!.value = said;
  $<HTMLTextAreaElement>(el, '#you-said-did')!.value = did;
}

async function openYouSaidList(el: CareFeedbackInbox) {
  $$<HTMLButtonElement>(el, '.nav-button')
    .find((b) => b.textContent!.includes('You said, we did'))!
    .click();
  await waitUntil(
    () => $(el, '.view.you-said') && !text(el, '.view.you-said').includes('Loading'),
    'the "You said, we did" list did not load',
    {timeout: 5000},
  );
}

const published = async () =>
  (
    (await (await fetch(`${collector!.endpoint}/you-said-we-did/published`)).json()) as {
      items: Array<{youSaid: string; quote: string | null}>;
    }
  ).items;

describe('<care-feedback-inbox> "You said, we did"', () => {
  it('writes an item from a consented complaint with a quote and publishes it, accessibly at every step', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, consented);
    expect(text(el, '#you-said-heading')).to.equal('You said, we did');
    const box = $<HTMLInputElement>(el, '#you-said-quote')!;
    expect(box.disabled).to.equal(false);
    expect($<HTMLTextAreaElement>(el, '#you-said-quote-text')!.value).to.equal(CONSENTED_MESSAGE);
    await expectAccessible(el, 'detail with the "You said, we did" form');

    // Nothing filled in: an error summary that takes focus and links to each field.
    $<HTMLButtonElement>(el, '.you-said-form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'you-said-errors', 'focus did not go to the errors');
    expect(text(el, '#you-said-errors')).to.contain('Write what people said');
    expect(text(el, '#you-said-errors')).to.contain('Write what you did');
    expect($(el, '#you-said-said')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el, '"You said, we did" form with errors');
    $<HTMLAnchorElement>(el, '#you-said-errors a')!.click();
    expect(focused(el)?.id).to.equal('you-said-said');

    await fill(
      el,
      'Night carers could not find the right door.',
      'Every rota now says which door to use.',
    );
    box.click();
    $<HTMLTextAreaElement>(el, '#you-said-quote-text')!.value = 'never knew which door to use';
    $<HTMLButtonElement>(el, '.you-said-form button[type=submit]')!.click();
    await waitUntil(
      () => focused(el)?.id === 'you-said-saved',
      'focus did not go to the saved notice',
    );
    expect(text(el, '#you-said-saved')).to.contain('It is not public yet');
    await expectAccessible(el, '"You said, we did" saved');

    $<HTMLButtonElement>(el, '#you-said-saved button')!.click();
    await waitUntil(() => $$(el, '.you-said-items li').length === 1, 'the item is not listed');
    await waitUntil(() => focused(el)?.id === 'view-heading', 'focus did not go to the heading');
    expect(heading(el)).to.equal('You said, we did');
    expect(text(el, '.you-said-items blockquote')).to.equal('never knew which door to use');
    expect(text(el, '.you-said-items')).to.contain('Not published');
    await expectAccessible(el, '"You said, we did" list, unpublished');
    expect(await published()).to.deep.equal([]);

    $<HTMLButtonElement>(el, '.you-said-items button')!.click();
    await waitUntil(() => text(el, '.you-said-items').includes('Published'), 'not published');
    expect($(el, '.you-said-items button')!.textContent!.trim()).to.equal('Unpublish');
    await expectAccessible(el, '"You said, we did" list, published');
    const items = await published();
    expect(items.map((i) => i.quote)).to.deep.equal(['never knew which door to use']);

    $<HTMLButtonElement>(el, '.you-said-items button')!.click();
    await waitUntil(() => text(el, '.you-said-items').includes('Not published'), 'not unpublished');
    expect(await published()).to.deep.equal([]);
  });

  it('cannot quote feedback whose author did not agree, and the collector refuses to publish one forced through', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, refused);
    const box = $<HTMLInputElement>(el, '#you-said-quote')!;
    expect(box.disabled).to.equal(true);
    expect(text(el, '#you-said-quote-hint')).to.equal(
      'You cannot include a quote. The person did not agree to their words being published.',
    );
    expect($(el, '#you-said-quote-text')).to.equal(null);
    await expectAccessible(el, 'detail without consent to publish');

    // Forced through the API: the item saves, but publishing it with the quote is refused.
    const created = await fetch(`${collector!.endpoint}/you-said-we-did`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${collector!.token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({
        submissionReference: refused,
        youSaid: 'Lunch was missed.',
        weDid: 'Lunch visits are now checked every day.',
        quote: 'left without lunch',
      }),
    });
    expect(created.status).to.equal(201);

    await openYouSaidList(el);
    const row = $$(el, '.you-said-items li').find((li) =>
      li.textContent!.includes('Lunch was missed.'),
    )!;
    row.querySelector('button')!.click();
    await waitUntil(() => row.querySelector('.error-message'), 'no error shown for the refusal');
    expect(row.querySelector('.error-message')!.textContent).to.contain(
      'did not agree to it being published',
    );
    await waitUntil(
      () => focused(el)?.classList.contains('error-message'),
      'focus did not go to the error',
    );
    expect(row.textContent).to.contain('Not published');
    await expectAccessible(el, '"You said, we did" publish refused');
    expect((await published()).some((i) => i.youSaid === 'Lunch was missed.')).to.equal(false);

    const refusal = await fetch(
      `${collector!.endpoint}/you-said-we-did/${((await created.clone().json()) as {id: string}).id}/publish`,
      {method: 'POST', headers: {Authorization: `Bearer ${collector!.token}`}},
    );
    expect(refusal.status).to.equal(422);
  });
});
