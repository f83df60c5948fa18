// <care-feedback-form> journeys: keyboard only, error summary links, change links, drafts and the character count.
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {expect, fixture, html} from '@open-wc/testing';
import {expectAccessible, waitUntil} from '../test-support/index.js';
import {
  $,
  $$,
  click,
  endpointFor,
  fill,
  focused,
  headingText,
  makeForm,
  next,
  phase,
  SERVICES,
  settle,
  uniqueId,
  waitForPhase,
  walkTo,
  type Form,
} from './test-helpers.js';

const press = (key: string) => sendKeys({press: key});
const type = (text: string) => sendKeys({type: text});

async function pressTimes(key: string, times: number) {
  for (let i = 0; i < times; i++) await press(key);
}

/** Waits until focus sits on the step heading with this text (focus moves after each render). */
async function expectHeadingFocused(el: Form, text: string) {
  await waitUntil(
    () => focused(el)?.classList.contains('step-heading') && headingText(el) === text,
    `expected focus on the heading "${text}", but it is on ${focused(el)?.outerHTML.slice(0, 80)} (heading "${headingText(el)}")`,
  );
}

function expectFocusOn(el: Form, what: string, test: (node: Element | null) => boolean) {
  const node = focused(el);
  expect(
    test(node),
    `focus should be on ${what}, but is on ${node?.outerHTML.slice(0, 120)}`,
  ).to.equal(true);
}

describe('<care-feedback-form> journeys', () => {
  it('has no axe violations when a draft is restored and while a character count shows', async () => {
    const id = uniqueId('restore-axe');
    const first = await makeForm(html`<care-feedback-form id=${id}></care-feedback-form>`);
    await walkTo(first, 'story');
    await fill(first, '#f-message', 'a'.repeat(4500));
    first.remove();
    const el = await makeForm(html`<care-feedback-form id=${id}></care-feedback-form>`);
    expect($(el, '.notice')).to.exist;
    expect($(el, '#f-message-limit')!.textContent).to.contain('You have 500 characters left.');
    await expectAccessible(el, 'restored draft with a character count');
    el.reset();
  });

  it('can be completed with the keyboard alone, with focus at each step where a person expects it', async function () {
    // About a hundred real key presses, each a round trip to the browser: slow on a busy machine, never stuck.
    this.timeout(120_000);
    const endpoint = uniqueId('keyboard');
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <button id="before">Before the form</button>
        <care-feedback-form
          id=${uniqueId('keyboard')}
          storage="none"
          endpoint=${endpointFor(endpoint)}
          services=${SERVICES}
          privacy-url="/privacy"
        ></care-feedback-form>
      </div>`,
    );
    const el = wrapper.querySelector('care-feedback-form') as Form;
    await settle(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    // Kind: one tab stop into the picker's radios; arrows choose.
    await press('Tab');
    expectFocusOn(
      el,
      'the first kind',
      (n) => n instanceof HTMLInputElement && n.value === 'compliment',
    );
    await press('ArrowDown');
    expectFocusOn(
      el,
      'complaint',
      (n) => (n as HTMLInputElement).value === 'complaint' && (n as HTMLInputElement).checked,
    );
    await press('Tab');
    expectFocusOn(el, 'Continue', (n) => n?.textContent?.trim() === 'Continue');
    await press('Enter');
    await expectHeadingFocused(el, 'Overall, how was your experience of our service?');

    // Rating: Tab into the group, arrows to "Poor".
    await press('Tab');
    await pressTimes('ArrowDown', 3);
    expectFocusOn(
      el,
      'Poor',
      (n) => (n as HTMLInputElement).value === 'poor' && (n as HTMLInputElement).checked,
    );
    await press('Tab');
    await press('Enter');
    await expectHeadingFocused(el, 'Tell us what happened');

    // An empty answer: focus goes to the error summary, whose link takes focus to the field.
    await press('Tab');
    expectFocusOn(el, 'What happened', (n) => n?.id === 'f-message');
    await pressTimes('Tab', 2);
    await press('Enter');
    await waitUntil(
      () => focused(el)?.classList.contains('error-summary'),
      'focus should move to the error summary',
    );
    await press('Tab');
    expectFocusOn(el, 'the error link', (n) => n?.textContent?.trim() === 'Tell us what happened.');
    await press('Enter');
    await waitUntil(
      () => focused(el)?.id === 'f-message',
      'the error link should move focus to the text box',
    );
    await type('Carers came late. 🙂');
    await press('Tab');
    await type('Ring me');
    await press('Tab');
    await press('Enter');
    await expectHeadingFocused(el, 'About you');

    // About you: relationship and service.
    await press('Tab');
    await press('ArrowDown');
    expectFocusOn(
      el,
      'family or friend',
      (n) => (n as HTMLInputElement).value === 'family-or-friend',
    );
    await press('Tab');
    await press('Space');
    expectFocusOn(
      el,
      'the first service',
      (n) => (n as HTMLInputElement).value === 'home-care-north' && (n as HTMLInputElement).checked,
    );
    await press('Tab');
    await press('Enter');
    await expectHeadingFocused(el, 'Would you like us to reply?');

    // How to reply: the fields appear as the choices are made.
    await press('Tab');
    await press('ArrowDown');
    await el.updateComplete;
    await press('Tab');
    expectFocusOn(el, 'Your name', (n) => n?.id === 'f-name');
    await type('Sam');
    await press('Tab');
    await press('Space');
    await el.updateComplete;
    await press('Tab');
    expectFocusOn(el, 'Email address', (n) => n?.id === 'f-email');
    await type('sam@example.org');
    await press('Tab');
    expectFocusOn(el, 'Continue', (n) => n?.textContent?.trim() === 'Continue');
    await press('Enter');
    await expectHeadingFocused(el, 'Do you need our reply in a different way?');

    // Communication needs: tick large print.
    await pressTimes('Tab', 2);
    await press('Space');
    await pressTimes('Tab', 6);
    expectFocusOn(el, 'Continue', (n) => n?.textContent?.trim() === 'Continue');
    await press('Enter');
    await expectHeadingFocused(el, 'What we may do with your feedback');

    // Consent: store (required), past the privacy link, contact yes, publishing left unticked.
    await press('Tab');
    await press('Space');
    await press('Tab');
    expectFocusOn(el, 'the privacy link', (n) => n?.localName === 'a');
    await press('Tab');
    await press('Space');
    await pressTimes('Tab', 2);
    await press('Enter');
    await expectHeadingFocused(el, 'Check your answers');

    // Change what happened, and come straight back to the review.
    const rows = $$(el, '.summary-row');
    const messageRow = rows.findIndex(
      (row) => row.querySelector('dt')!.textContent === 'What happened',
    );
    await pressTimes('Tab', messageRow + 1);
    expectFocusOn(
      el,
      'Change: What happened',
      (n) => n?.getAttribute('aria-label') === 'Change: What happened',
    );
    await press('Enter');
    await expectHeadingFocused(el, 'Tell us what happened');
    await press('Tab');
    await press('End');
    await type(' Twice.');
    await pressTimes('Tab', 2);
    await press('Enter');
    await expectHeadingFocused(el, 'Check your answers');
    expect($$(el, '.summary .value')[messageRow]!.querySelector('.text')!.textContent).to.equal(
      'Carers came late. 🙂 Twice.',
    );

    // Send: past every Change button to the send button.
    await pressTimes('Tab', $$(el, '.summary-row').length + 1);
    expectFocusOn(el, 'Send feedback', (n) => n?.textContent?.trim() === 'Send feedback');
    await press('Enter');
    await waitForPhase(el, 'done');
    await expectHeadingFocused(el, 'Thank you. We have your feedback');
    expect($(el, '.reference')!.textContent).to.match(/^CF-\d{4}$/);
    expect($(el, '[part="confirmation"]')!.textContent).to.not.contain('saved on this device');
    const read = (await executeServerCommand('test-endpoint-read', {name: endpoint})) as {
      created: Record<string, number>;
    };
    expect(Object.values(read.created)).to.deep.equal([1]);
    await executeServerCommand('test-endpoint-reset', {name: endpoint});
  });

  it('keeps every answer when going back and forth, and Back returns to the review after a change', async () => {
    const el = await makeForm(
      html`<care-feedback-form storage="none" services=${SERVICES}></care-feedback-form>`,
    );
    await walkTo(el, 'about', {message: 'First line\nSecond line', improvement: 'Ring me'});
    await click(el, '.back');
    expect(phase(el)).to.equal('story');
    expect(($(el, '#f-message') as HTMLTextAreaElement).value).to.equal('First line\nSecond line');
    expect(($(el, '#f-improvement') as HTMLTextAreaElement).value).to.equal('Ring me');
    await click(el, '.back');
    expect(($(el, 'input[value="poor"]') as HTMLInputElement).checked).to.equal(true);
    await walkTo(el, 'review');
    await click(el, '.summary-row button');
    expect(phase(el)).to.equal('kind');
    await click(el, '.back');
    expect(phase(el)).to.equal('review');
  });

  it('links a summary error on review to its field on another step', async () => {
    const el = await makeForm(html`<care-feedback-form storage="none"></care-feedback-form>`);
    await walkTo(el, 'review', {message: 'x'});
    // The person changes their answer to something the collector would refuse, then comes back.
    await click(el, '.summary-row:nth-child(3) button');
    await fill(el, '#f-message', 'y'.repeat(5001));
    await click(el, '.back');
    await next(el);
    await waitUntil(
      () => focused(el)?.classList.contains('error-summary'),
      'focus should move to the error summary',
    );
    const link = $(el, '.error-summary a') as HTMLAnchorElement;
    expect(link.textContent).to.equal('What happened must be 5,000 characters or fewer.');
    link.click();
    await waitUntil(
      () => focused(el)?.id === 'f-message',
      'the link should open the step and focus the field',
    );
    expect(phase(el)).to.equal('story');
    expect($(el, '#f-message-error')!.textContent).to.contain('5,000 characters or fewer');
    expect($(el, '#f-message')!.getAttribute('aria-describedby')).to.contain('f-message-error');
    expect(location.hash).to.equal('');
  });

  it('restores a draft into a new element, and forgets it after reset', async () => {
    const id = uniqueId('draft');
    const first = await makeForm(html`<care-feedback-form id=${id}></care-feedback-form>`);
    await walkTo(first, 'reply', {
      kind: 'suggestion',
      message: 'مرحبا <b>bold</b> 🙂',
      improvement: 'More tea',
    });
    await click(first, '#f-reply-2');
    await fill(first, '#f-name', 'Sam');
    first.remove();

    const second = await makeForm(html`<care-feedback-form id=${id}></care-feedback-form>`);
    expect(phase(second)).to.equal('reply');
    expect(second.dirty).to.equal(true);
    expect($(second, '.notice')!.textContent).to.contain('We kept what you wrote before');
    expect(($(second, '#f-name') as HTMLInputElement).value).to.equal('Sam');
    await click(second, '.back');
    await click(second, '.back');
    expect(($(second, '#f-message') as HTMLTextAreaElement).value).to.equal('مرحبا <b>bold</b> 🙂');
    second.reset();
    await second.updateComplete;
    second.remove();

    const third = await makeForm(html`<care-feedback-form id=${id}></care-feedback-form>`);
    expect(phase(third)).to.equal('kind');
    expect(third.dirty).to.equal(false);
  });

  it('keeps nothing on the device with storage="none"', async () => {
    const id = uniqueId('none');
    const first = await makeForm(
      html`<care-feedback-form id=${id} storage="none"></care-feedback-form>`,
    );
    await walkTo(first, 'story');
    await fill(first, '#f-message', 'Private');
    first.remove();
    const second = await makeForm(
      html`<care-feedback-form id=${id} storage="none"></care-feedback-form>`,
    );
    expect(phase(second)).to.equal('kind');
    expect(Object.keys(sessionStorage).filter((key) => key.includes(id))).to.deep.equal([]);
  });

  it('shows a character count only near the limit, and tells screen readers once typing pauses', async () => {
    const el = await makeForm(html`<care-feedback-form storage="none"></care-feedback-form>`);
    await walkTo(el, 'story');
    await fill(el, '#f-message', 'a'.repeat(3000));
    expect($(el, '#f-message-limit')!.textContent!.trim()).to.equal(
      'You can write up to 5,000 characters.',
    );
    await fill(el, '#f-message', '🙂'.repeat(4999));
    expect($(el, '#f-message-limit')!.textContent).to.contain('You have 1 character left.');
    expect($(el, '#f-message-live')!.textContent).to.equal('', 'nothing is announced while typing');
    await waitUntil(
      () => $(el, '#f-message-live')!.textContent === 'You have 1 character left.',
      'the count was not announced once typing paused',
    );
    await fill(el, '#f-message', 'b'.repeat(5002));
    expect($(el, '#f-message-limit')!.textContent).to.contain('You have 2 characters too many.');
    await next(el);
    expect($(el, '#f-message-error')!.textContent).to.contain('5,000 characters or fewer');
  });

  it('asks for a kind first, links the error to the picker, and treats Continue past the safety advice as a concern', async () => {
    const el = await makeForm(html`<care-feedback-form storage="none"></care-feedback-form>`);
    await next(el);
    await waitUntil(
      () => focused(el)?.classList.contains('error-summary'),
      'focus should go to the error summary',
    );
    expect($(el, '#f-kind-error')!.textContent).to.contain('Choose what kind of feedback this is.');
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    await waitUntil(
      () => (focused(el) as HTMLInputElement | null)?.value === 'compliment',
      'the link should reach the first kind',
    );

    const picker = $(el, 'care-feedback-picker')!;
    picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="concern"]')!.click();
    await (picker as unknown as {updateComplete: Promise<unknown>}).updateComplete;
    expect(picker.shadowRoot!.textContent).to.contain('999');
    await next(el);
    expect(phase(el)).to.equal('story');
    expect($(el, '.progress')!.textContent!.trim()).to.equal('Step 2 of 6');
  });

  it('follows a kind set by a standalone picker, and focus() lands on the heading', async () => {
    const el = await makeForm(html`<care-feedback-form storage="none"></care-feedback-form>`);
    el.kind = 'concern';
    el.focus();
    await el.updateComplete;
    await el.updateComplete;
    expect(phase(el)).to.equal('story', 'a concern skips the rating question');
    expect(focused(el)?.classList.contains('step-heading')).to.equal(true);
  });
});
