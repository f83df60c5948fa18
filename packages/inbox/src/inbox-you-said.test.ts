// "You said, we did" in <care-feedback-inbox>, in real Chromium against a real collector: axe in every state, the consent rule, edit and delete.
import {expect} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
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
import type {YouSaidItem} from './inbox-api.js';

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
    expect(Boolean($(el, '#you-said-quote-text'))).to.equal(false);
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

// ---- Edit and delete ----

/** An item as the collector answers it, with the update time the inbox does not keep. */
type Item = YouSaidItem & {updatedAt: string};

const providerHeaders = () => ({
  Authorization: `Bearer ${collector!.token}`,
  'Content-Type': 'application/json',
});

/** Makes an item straight through the API, so each test starts from one it knows. */
async function createItem(body: Record<string, unknown>, publish = false): Promise<Item> {
  const created = await fetch(`${collector!.endpoint}/you-said-we-did`, {
    method: 'POST',
    headers: providerHeaders(),
    body: JSON.stringify(body),
  });
  expect(created.status, await created.clone().text()).to.equal(201);
  const item = (await created.json()) as Item;
  if (!publish) return item;
  const answer = await fetch(`${collector!.endpoint}/you-said-we-did/${item.id}/publish`, {
    method: 'POST',
    headers: providerHeaders(),
  });
  expect(answer.status, await answer.clone().text()).to.equal(200);
  return (await answer.json()) as Item;
}

/** What the collector holds for an item now: the item, or undefined once it has gone (404). */
async function stored(id: string): Promise<Item | undefined> {
  const answer = await fetch(`${collector!.endpoint}/you-said-we-did/${id}`, {
    headers: providerHeaders(),
  });
  if (answer.status === 404) return undefined;
  expect(answer.status).to.equal(200);
  return (await answer.json()) as Item;
}

async function storedList(): Promise<Item[]> {
  const answer = await fetch(`${collector!.endpoint}/you-said-we-did`, {
    headers: providerHeaders(),
  });
  return ((await answer.json()) as {items: Item[]}).items;
}

const row = (el: CareFeedbackInbox, id: string) =>
  $(el, `#you-said-item-${id}`)?.closest('li') ?? null;
const rowText = (el: CareFeedbackInbox, id: string) =>
  (row(el, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const live = (el: CareFeedbackInbox) => text(el, '[role=status]');
const box = (el: CareFeedbackInbox, id: string) => $<HTMLTextAreaElement>(el, `#${id}`)!;

/** Presses a button the way a keyboard user does: focus on it, then Enter. */
async function press(el: CareFeedbackInbox, selector: string) {
  const button = $<HTMLButtonElement>(el, selector);
  if (!button) throw new Error(`no ${selector}`);
  button.focus();
  await sendKeys({press: 'Enter'});
}

const focusIs = (el: CareFeedbackInbox, id: string, what: string) =>
  waitUntil(
    () => focused(el)?.id === id,
    `focus did not go to ${what} (it is on #${focused(el)?.id})`,
  );

async function signedInList() {
  const el = await mount(collector!.endpoint);
  await signIn(el, collector!.token);
  await openYouSaidList(el);
  return el;
}

describe('<care-feedback-inbox> editing and deleting "You said, we did"', () => {
  it('edits the words and the quote in place, by keyboard; the list and the collector both change', async () => {
    const item = await createItem({
      submissionReference: consented,
      youSaid: 'Night carers coud not find the door.',
      weDid: 'Every rota says which door.',
      quote: 'which door to use',
    });
    const el = await signedInList();
    expect(rowText(el, item.id)).to.contain('Night carers coud not find the door.');

    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    expect(box(el, 'you-said-edit-said').value).to.equal(item.youSaid);
    expect(box(el, 'you-said-edit-did').value).to.equal(item.weDid);
    expect(box(el, 'you-said-edit-quote').value).to.equal('which door to use');
    expect(text(el, 'label[for=you-said-edit-quote]')).to.equal('Quote from their feedback');
    expect(box(el, 'you-said-edit-quote').getAttribute('aria-describedby')).to.equal(
      'you-said-edit-quote-hint',
    );
    // The buttons for the item give way to the form while it is open.
    expect(Boolean($(el, `#you-said-edit-${item.id}`))).to.equal(false);
    await expectAccessible(el, 'edit form open');

    // Typed as a person would: select all, then the new words.
    box(el, 'you-said-edit-said').select();
    await sendKeys({type: 'Night carers could not find the door.'});
    box(el, 'you-said-edit-quote').value = 'never knew which door to use';
    await press(el, '.you-said-edit button[type=submit]');

    await focusIs(el, `you-said-item-${item.id}`, "the item's heading");
    expect(text(el, `#you-said-item-${item.id}`)).to.equal(
      'You said: Night carers could not find the door.',
    );
    expect(Boolean($(el, '.you-said-edit'))).to.equal(false);
    expect(rowText(el, item.id)).to.contain('Your changes are saved.');
    expect(row(el, item.id)!.querySelector('blockquote')!.textContent).to.equal(
      'never knew which door to use',
    );
    await waitUntil(() => live(el) === 'Your changes are saved.', 'the save was not announced');
    await expectAccessible(el, 'after an edit was saved');

    const saved = (await storedList()).find((i) => i.id === item.id)!;
    expect(saved.youSaid).to.equal('Night carers could not find the door.');
    expect(saved.weDid).to.equal('Every rota says which door.');
    expect(saved.quote).to.equal('never knew which door to use');
    expect(saved.updatedAt).not.to.equal(item.updatedAt);
  });

  it('removes the quote when its box is emptied', async () => {
    const item = await createItem({
      submissionReference: consented,
      youSaid: 'Doors were confusing.',
      weDid: 'Signs on every door.',
      quote: 'Please tell them.',
    });
    const el = await signedInList();
    expect(Boolean(row(el, item.id)!.querySelector('blockquote'))).to.equal(true);
    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    box(el, 'you-said-edit-quote').value = '';
    await press(el, '.you-said-edit button[type=submit]');
    await focusIs(el, `you-said-item-${item.id}`, "the item's heading");
    expect(Boolean(row(el, item.id)!.querySelector('blockquote'))).to.equal(false);
    expect((await stored(item.id))!.quote).to.equal(null);
  });

  it("shows what is missing, and the collector's 422, beside the right box; the summary takes focus and links to it", async () => {
    const item = await createItem({
      submissionReference: consented,
      youSaid: 'Carers used the wrong door.',
      weDid: 'We put up signs.',
    });
    const el = await signedInList();
    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');

    // Missing words are caught before anything is sent.
    box(el, 'you-said-edit-said').value = '   ';
    await press(el, '.you-said-edit button[type=submit]');
    await focusIs(el, 'you-said-edit-errors', 'the error summary');
    expect(text(el, '#you-said-edit-errors')).to.equal('There is a problem Write what people said');
    expect(box(el, 'you-said-edit-said').getAttribute('aria-invalid')).to.equal('true');
    expect(box(el, 'you-said-edit-did').getAttribute('aria-invalid')).to.equal('false');

    // A quote that is not in the message: the collector refuses it, and says so beside the quote.
    box(el, 'you-said-edit-said').value = 'Carers used the wrong door at night.';
    box(el, 'you-said-edit-quote').value = 'words they never wrote';
    await press(el, '.you-said-edit button[type=submit]');
    await waitUntil(
      () => text(el, '#you-said-edit-errors').includes('Copy the quote exactly from the message.'),
      "the collector's reason was not shown",
    );
    await focusIs(el, 'you-said-edit-errors', 'the error summary');
    expect(text(el, '#you-said-edit-errors')).not.to.contain('Write what people said');
    expect(box(el, 'you-said-edit-quote').getAttribute('aria-invalid')).to.equal('true');
    expect(box(el, 'you-said-edit-said').getAttribute('aria-invalid')).to.equal('false');
    expect(text(el, '#you-said-edit-quote-error')).to.equal(
      'There is a problem: Copy the quote exactly from the message.',
    );
    expect(box(el, 'you-said-edit-quote').getAttribute('aria-describedby')).to.equal(
      'you-said-edit-quote-hint you-said-edit-quote-error',
    );
    // What was typed is kept, so it can be put right.
    expect(box(el, 'you-said-edit-said').value).to.equal('Carers used the wrong door at night.');
    await expectAccessible(el, 'edit form with errors');

    $<HTMLAnchorElement>(el, '#you-said-edit-errors a')!.click();
    expect(focused(el)?.id).to.equal('you-said-edit-quote');

    // Nothing was saved: the 422 left the item as it was.
    const unchanged = (await stored(item.id))!;
    expect(unchanged.youSaid).to.equal('Carers used the wrong door.');
    expect(unchanged.quote).to.equal(null);
  });

  it('will not give a published item a quote its author did not agree to publish', async () => {
    const item = await createItem(
      {submissionReference: refused, youSaid: 'Lunch was late.', weDid: 'Lunch is checked.'},
      true,
    );
    const el = await signedInList();
    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    expect(text(el, '.you-said-edit')).to.contain('This is on your website now.');
    box(el, 'you-said-edit-quote').value = 'left without lunch';
    await press(el, '.you-said-edit button[type=submit]');
    await waitUntil(
      () => text(el, '#you-said-edit-quote-error').includes('did not agree to it being published'),
      'the refusal was not shown beside the quote',
    );
    await focusIs(el, 'you-said-edit-errors', 'the error summary');
    const still = (await stored(item.id))!;
    expect(still.quote).to.equal(null);
    expect(still.published).to.equal(true);
  });

  it('cancel closes the form, changes nothing and puts focus back on Edit; a theme has no quote box', async () => {
    const item = await createItem({youSaid: 'Visits felt rushed.', weDid: 'Visits are longer.'});
    const el = await signedInList();
    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    expect(Boolean($(el, '#you-said-edit-quote'))).to.equal(false);
    box(el, 'you-said-edit-said').value = 'Something else entirely.';
    box(el, 'you-said-edit-did').value = '';

    await press(el, '.you-said-edit button.secondary');
    await focusIs(el, `you-said-edit-${item.id}`, 'the Edit button');
    expect(Boolean($(el, '.you-said-edit'))).to.equal(false);
    expect(rowText(el, item.id)).to.contain('Visits felt rushed.');
    expect(rowText(el, item.id)).to.contain('Visits are longer.');
    expect(rowText(el, item.id)).not.to.contain('Something else');
    const unchanged = (await stored(item.id))!;
    expect(unchanged.youSaid).to.equal('Visits felt rushed.');
    expect(unchanged.updatedAt).to.equal(item.updatedAt);

    // Opened again, it shows the item as it is, not what was typed before.
    await press(el, `#you-said-edit-${item.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    expect(box(el, 'you-said-edit-said').value).to.equal('Visits felt rushed.');
    expect(box(el, 'you-said-edit-did').value).to.equal('Visits are longer.');
  });

  it('asks before deleting; "No" and Escape keep it; "Yes" deletes it from the list, the collector and the website', async () => {
    const keep = await createItem({youSaid: 'Keep me.', weDid: 'Kept.'});
    const item = await createItem(
      {youSaid: 'Phone calls went unanswered at weekends.', weDid: 'Someone answers every day.'},
      true,
    );
    const el = await signedInList();

    // Keyboard only: from the item's first button, Tab reaches Edit, then Delete.
    row(el, item.id)!.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.id).to.equal(`you-said-edit-${item.id}`);
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.id).to.equal(`you-said-delete-${item.id}`);
    await sendKeys({press: 'Enter'});
    await focusIs(el, 'you-said-delete-question', 'the question');
    expect(text(el, '#you-said-delete-question')).to.equal(
      'Are you sure you want to delete "Phone calls went unanswered at weekends."?',
    );
    expect(text(el, '.confirm-delete')).to.contain(
      'You cannot undo this. It will also come off your website.',
    );
    const [yes, no] = $$<HTMLButtonElement>(el, '.confirm-delete button');
    expect(yes!.textContent!.trim()).to.equal('Yes, delete it');
    expect(yes!.classList.contains('danger')).to.equal(true);
    expect(no!.textContent!.trim()).to.equal('No, keep it');
    // Asking is not deleting.
    expect(await stored(item.id)).not.to.equal(undefined);
    await expectAccessible(el, 'delete confirmation');

    // Keyboard: Tab reaches "Yes" then "No"; Enter on "No" keeps it.
    await sendKeys({press: 'Tab'});
    expect(focused(el) === yes, 'focus is on "Yes, delete it"').to.equal(true);
    await sendKeys({press: 'Tab'});
    expect(focused(el) === no, 'focus is on "No, keep it"').to.equal(true);
    await sendKeys({press: 'Enter'});
    await focusIs(el, `you-said-delete-${item.id}`, 'the Delete button');
    expect(Boolean($(el, '.confirm-delete'))).to.equal(false);
    expect(Boolean(row(el, item.id))).to.equal(true);

    // Escape backs out too.
    await sendKeys({press: 'Enter'});
    await focusIs(el, 'you-said-delete-question', 'the question');
    await sendKeys({press: 'Escape'});
    await focusIs(el, `you-said-delete-${item.id}`, 'the Delete button');
    expect(Boolean($(el, '.confirm-delete'))).to.equal(false);
    expect(await stored(item.id)).not.to.equal(undefined);
    expect((await published()).some((i) => i.youSaid === item.youSaid)).to.equal(true);

    await sendKeys({press: 'Enter'});
    await focusIs(el, 'you-said-delete-question', 'the question');
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => !row(el, item.id), 'the item is still listed');
    await focusIs(el, 'view-heading', "the list's heading");
    const said = '"Phone calls went unanswered at weekends." was deleted.';
    expect(text(el, '#you-said-notice')).to.equal(said);
    await waitUntil(() => live(el) === said, 'the deletion was not announced');
    expect(Boolean(row(el, keep.id))).to.equal(true);
    await expectAccessible(el, 'after deleting');

    expect(await stored(item.id)).to.equal(undefined);
    expect((await storedList()).map((i) => i.id)).not.to.include(item.id);
    expect((await published()).some((i) => i.youSaid === item.youSaid)).to.equal(false);
  });

  it('says so plainly when someone else deleted the item first', async () => {
    const edited = await createItem({youSaid: 'Gone while editing.', weDid: 'Nothing.'});
    const deleted = await createItem({youSaid: 'Gone while asking.', weDid: 'Nothing.'});
    const el = await signedInList();
    const remove = (id: string) =>
      fetch(`${collector!.endpoint}/you-said-we-did/${id}`, {
        method: 'DELETE',
        headers: providerHeaders(),
      });

    await press(el, `#you-said-edit-${edited.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    expect((await remove(edited.id)).status).to.equal(204);
    await press(el, '.you-said-edit button[type=submit]');
    await focusIs(el, 'you-said-edit-errors', 'the error summary');
    expect(text(el, '#you-said-edit-errors')).to.contain(
      'This item is not there any more. Someone may have deleted it.',
    );

    await press(el, `#you-said-delete-${deleted.id}`);
    await focusIs(el, 'you-said-delete-question', 'the question');
    expect((await remove(deleted.id)).status).to.equal(204);
    await press(el, '.confirm-delete button.danger');
    await focusIs(el, 'view-heading', "the list's heading");
    expect(Boolean(row(el, deleted.id))).to.equal(false);
    expect(text(el, '#you-said-notice')).to.equal('"Gone while asking." had already been deleted.');
  });

  it("keeps a form with changes open when another item's Edit is pressed, and says what to do", async () => {
    const first = await createItem({
      youSaid: 'Drivers were late in the snow.',
      weDid: 'Every car has winter tyres.',
    });
    const second = await createItem({youSaid: 'Menus were hard to read.', weDid: 'Large print.'});
    const el = await signedInList();
    await press(el, `#you-said-edit-${first.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    box(el, 'you-said-edit-said').select();
    await sendKeys({type: 'Drivers were late on icy mornings.'});

    await press(el, `#you-said-edit-${second.id}`);
    const said = 'Save or cancel your changes to "Drivers were late in the snow." first.';
    await focusIs(el, 'you-said-edit-unsaved', 'the message in the open form');
    expect(text(el, '#you-said-edit-unsaved')).to.equal(said);
    await waitUntil(() => live(el) === said, 'the message was not announced');
    // The first form is still open with what was typed; the second never opened.
    expect(Boolean(row(el, first.id)!.querySelector('.you-said-edit'))).to.equal(true);
    expect(Boolean(row(el, second.id)!.querySelector('.you-said-edit'))).to.equal(false);
    expect(box(el, 'you-said-edit-said').value).to.equal('Drivers were late on icy mornings.');
    expect(Boolean($(el, `#you-said-edit-${second.id}`))).to.equal(true);
    await expectAccessible(el, 'edit form kept open with unsaved changes');

    // Once the changes are cancelled, the other item's Edit works as before.
    await press(el, '.you-said-edit button.secondary');
    await focusIs(el, `you-said-edit-${first.id}`, 'the Edit button');
    await press(el, `#you-said-edit-${second.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the other form');
    expect(box(el, 'you-said-edit-said').value).to.equal('Menus were hard to read.');
    expect(Boolean($(el, '#you-said-edit-unsaved'))).to.equal(false);
    expect((await stored(first.id))!.youSaid).to.equal('Drivers were late in the snow.');
  });

  it("keeps a form with changes open when another item's Delete is pressed, and asks nothing", async () => {
    const first = await createItem({
      submissionReference: consented,
      youSaid: 'Nobody said which door.',
      weDid: 'Signs went up.',
    });
    const second = await createItem({youSaid: 'Baths were rushed.', weDid: 'More time for baths.'});
    const el = await signedInList();
    await press(el, `#you-said-edit-${first.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');
    box(el, 'you-said-edit-quote').focus();
    await sendKeys({type: 'which door to use'});

    await press(el, `#you-said-delete-${second.id}`);
    const said = 'Save or cancel your changes to "Nobody said which door." first.';
    await focusIs(el, 'you-said-edit-unsaved', 'the message in the open form');
    expect(text(el, '#you-said-edit-unsaved')).to.equal(said);
    await waitUntil(() => live(el) === said, 'the message was not announced');
    expect(Boolean($(el, '.confirm-delete'))).to.equal(false);
    expect(Boolean(row(el, first.id)!.querySelector('.you-said-edit'))).to.equal(true);
    expect(box(el, 'you-said-edit-quote').value).to.equal('which door to use');
    await expectAccessible(el, 'edit form kept open when Delete was pressed');
    expect(await stored(second.id)).not.to.equal(undefined);
  });

  it("switches to another item's Edit or Delete when the open form has no changes", async () => {
    const first = await createItem({youSaid: 'Post was lost.', weDid: 'A new post tray.'});
    const second = await createItem({youSaid: 'Tea was cold.', weDid: 'New flasks.'});
    const el = await signedInList();
    await press(el, `#you-said-edit-${first.id}`);
    await focusIs(el, 'you-said-edit-said', 'the first box of the form');

    // Untouched: Edit on another item moves the form there.
    await press(el, `#you-said-edit-${second.id}`);
    await waitUntil(
      () => row(el, second.id)!.querySelector('.you-said-edit'),
      "the other item's form did not open",
    );
    await focusIs(el, 'you-said-edit-said', 'the first box of the other form');
    expect(Boolean(row(el, first.id)!.querySelector('.you-said-edit'))).to.equal(false);
    expect(box(el, 'you-said-edit-said').value).to.equal('Tea was cold.');

    // Typed, then put back as it was: nothing to lose, so Delete on another item asks as usual.
    box(el, 'you-said-edit-did').select();
    await sendKeys({type: 'Flasks.'});
    box(el, 'you-said-edit-did').select();
    await sendKeys({type: 'New flasks.'});
    await press(el, `#you-said-delete-${first.id}`);
    await focusIs(el, 'you-said-delete-question', 'the question');
    expect(Boolean($(el, '.you-said-edit'))).to.equal(false);
    expect(Boolean($(el, '#you-said-edit-unsaved'))).to.equal(false);
  });

  it('fits 320 px wide with the form and the question open, with targets at least 44 px', async () => {
    const item = await createItem({
      submissionReference: consented,
      youSaid:
        'Carers could not tell which of the two doors at the back of the house to use at night.',
      weDid: 'Every rota now says which door to use.',
      quote: 'never knew which door to use',
    });
    const el = await signedInList();
    await setViewport({width: 320, height: 640});
    try {
      const tall = (selector: string) =>
        $$(el, selector).map((b) => [b.textContent!.trim(), b.getBoundingClientRect().height]);
      expect(el.scrollWidth, 'list at 320 px').to.be.at.most(320);
      expect(tall(`#you-said-item-${item.id} ~ .actions button`)).to.have.length(3);
      for (const [name, height] of tall(`#you-said-item-${item.id} ~ .actions button`))
        expect(height, `${name} is at least 44 px tall`).to.be.at.least(44);

      await press(el, `#you-said-edit-${item.id}`);
      await focusIs(el, 'you-said-edit-said', 'the first box of the form');
      box(el, 'you-said-edit-did').value = '';
      await press(el, '.you-said-edit button[type=submit]');
      await focusIs(el, 'you-said-edit-errors', 'the error summary');
      expect(el.scrollWidth, 'edit form with errors at 320 px').to.be.at.most(320);
      expect(tall('.you-said-edit .actions button')).to.have.length(2);
      for (const [name, height] of tall('.you-said-edit .actions button'))
        expect(height, `${name} is at least 44 px tall`).to.be.at.least(44);
      await expectAccessible(el, 'edit form with errors at 320 px');
      await press(el, '.you-said-edit button.secondary');
      await focusIs(el, `you-said-edit-${item.id}`, 'the Edit button');

      await press(el, `#you-said-delete-${item.id}`);
      await focusIs(el, 'you-said-delete-question', 'the question');
      expect(el.scrollWidth, 'delete question at 320 px').to.be.at.most(320);
      expect(tall('.confirm-delete button')).to.have.length(2);
      for (const [name, height] of tall('.confirm-delete button'))
        expect(height, `${name} is at least 44 px tall`).to.be.at.least(44);
    } finally {
      await setViewport({width: 800, height: 600});
    }
  });
});
