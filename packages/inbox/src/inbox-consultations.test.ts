// "Consultations" in <care-feedback-inbox> (#16), in real Chromium against a real collector, with the
// keyboard alone: write a draft (its errors beside the fields first), preview it through the real
// <care-consultation>, open it, answers arriving through the public POST, close it, decide; the counts
// exactly right, free text by theme and shown as text, an answer erased, a consultation deleted. axe in
// every state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {exampleConsultationResponse} from '@care-feedback/core';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, heading, mount, providerGet, signIn, startCollector, stopCollector, text, type RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
const HOSTILE = '<img src=x onerror="window.__pwned=1"> the carers came late 🙂';

before(async () => {
  collector = await startCollector();
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

const press = (key: string) => sendKeys({press: key});
const type = (words: string) => sendKeys({type: words});
const live = (el: CareFeedbackInbox) => text(el, '[role=status]');

/** Presses Tab (or Shift+Tab) until focus is on the element matching `selector`: the keyboard only. */
async function tabTo(el: CareFeedbackInbox, selector: string, back = false, limit = 80) {
  const target = $(el, selector);
  expect(target, selector).to.exist;
  for (let i = 0; i < limit; i++) {
    if (focused(el) === target) return;
    if (back) {
      await sendKeys({down: 'Shift'});
      await press('Tab');
      await sendKeys({up: 'Shift'});
    } else await press('Tab');
  }
  throw new Error(`Tab never reached ${selector}; focus is on #${focused(el)?.id}`);
}

/** Types a day into a date box as this browser lays it out (month first in the United States). */
async function typeDate(day: string) {
  const [year, month, date] = day.split('-');
  await type(navigator.language === 'en-US' ? `${month}${date}${year}` : `${date}${month}${year}`);
}

async function fill(el: CareFeedbackInbox, selector: string, words: string) {
  await tabTo(el, selector);
  await type(words);
}

/** Sends answers through the public POST, as a person's browser would. */
async function answer(slug: string, answers: Record<string, string | number>) {
  const response = await fetch(`${collector!.endpoint}/consultations/${slug}/responses`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(exampleConsultationResponse({id: crypto.randomUUID(), consultation: slug, createdAt: new Date().toISOString(), answers})),
  });
  if (response.status !== 201) throw new Error(`answer got ${response.status}: ${await response.text()}`);
  return ((await response.json()) as {reference: string}).reference;
}

const stage = (el: CareFeedbackInbox) => text(el, '#consult-status');
/** A counts table as [label, number] rows. */
const counts = (el: CareFeedbackInbox, question: string) =>
  $$(el, `table.counts[data-question="${question}"] tbody tr`).map((row) => [row.querySelector('th')!.textContent!.trim(), Number(row.querySelector('td')!.textContent)]);
const preview = (el: CareFeedbackInbox) => $(el, 'care-consultation')?.shadowRoot;

async function press1(el: CareFeedbackInbox, selector: string, back = false) {
  await tabTo(el, selector, back);
  await press('Enter');
}

async function openConsultations(el: CareFeedbackInbox) {
  await signIn(el, collector!.token);
  $<HTMLButtonElement>(el, '.nav-button')!.focus();
  const nav = $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.trim() === 'Consultations')!;
  expect(nav, 'a "Consultations" section').to.exist;
  while (focused(el) !== nav) await press('Tab');
  await press('Enter');
  await waitUntil(() => $(el, '.view.consultations') && !text(el, '#consult-results').startsWith('Loading'), 'the consultations never loaded');
  await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never moved to the heading');
}

describe('<care-feedback-inbox> consultations', function () {
  this.timeout(240_000);

  it('writes a draft, previews, opens, counts answers, closes and decides, with the keyboard alone', async () => {
    const el = await mount(collector!.endpoint);
    await openConsultations(el);
    expect(heading(el)).to.equal('Consultations');
    expect(text(el, '#consult-results')).to.equal('No consultations yet.');
    await expectAccessible(el, 'no consultations');

    await press1(el, '#consult-new');
    await waitUntil(() => heading(el) === 'Write a new consultation', 'the form never opened');
    await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never moved to the form');
    await fill(el, '#cf-title', 'Changing visit times');
    await fill(el, '#cf-slug', 'visit-times');
    await fill(el, '#cf-plan', 'We plan to start morning visits at 7:30.');
    await fill(el, '#cf-why', 'People asked for help before breakfast.');
    await fill(el, '#cf-changes', 'Your visit may come half an hour sooner.');
    // "When" is left empty, and the choice has one answer: the form says so beside each field.
    await fill(el, '#cf-easy-plan', 'We want to come earlier.');
    await fill(el, '#cf-easy-why', 'You asked us to.');
    await fill(el, '#cf-easy-changes', 'We come half an hour sooner.');
    await fill(el, '#cf-easy-when', 'From March.');
    await fill(el, '#cf-q1-text', 'Do you agree?');
    await fill(el, '#cf-q1-easy', 'Is this a good idea?');
    await fill(el, '#cf-q1-options', 'Yes');
    await press1(el, '#cf-add-question');
    await waitUntil(() => focused(el)?.id === 'cf-q2-text', 'focus never moved to the new question');
    await type('How much would it help?');
    await tabTo(el, '#cf-q2-type');
    await type('A scale');
    await waitUntil(() => $(el, '#cf-q2-max'), 'the scale never showed its parts');
    await fill(el, '#cf-q2-min-label', 'Not at all');
    await fill(el, '#cf-q2-max-label', 'A lot');
    await press1(el, '#cf-add-question');
    await waitUntil(() => focused(el)?.id === 'cf-q3-text', 'focus never moved to the third question');
    await type('Anything else?');
    await tabTo(el, '#cf-q3-type');
    await type('Write');
    await waitUntil(() => !$(el, '#cf-q3-options'), 'free text never hid the answers box');
    await tabTo(el, '#cf-closes-date');
    const year = new Date().getFullYear() + 1;
    await typeDate(`${year}-01-31`);
    await press1(el, '#cf-save');
    await waitUntil(() => focused(el)?.id === 'consult-errors', 'focus never moved to the error summary');
    expect($$(el, '#consult-errors li').map((li) => li.textContent!.trim())).to.deep.equal([
      'Say when, in 5,000 characters or fewer.',
      'Give 2 to 20 answers to choose from, one on each line, each different.',
    ]);
    expect(text(el, '#cf-when-error')).to.equal('There is a problem: Say when, in 5,000 characters or fewer.');
    expect($(el, '#cf-q1-options')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#cf-title')!.value, 'what was typed is kept').to.equal('Changing visit times');
    await expectAccessible(el, 'the form with errors');
    // The summary's first link takes focus to "When".
    await tabTo(el, '#consult-errors a');
    await press('Enter');
    expect(focused(el)?.id).to.equal('cf-when');
    await type('From March, if we go ahead.');
    await tabTo(el, '#cf-q1-options');
    await press('End');
    await press('Enter');
    await type('No');
    await press1(el, '#cf-save');
    await waitUntil(() => heading(el) === 'Changing visit times' && stage(el) === 'Stage: Draft', 'the draft never saved');
    expect(live(el)).to.equal('Saved.');
    expect(text(el, '#consult-answers-none')).to.equal('Nobody has answered yet.');
    await expectAccessible(el, 'a draft');

    // The preview is the real element, showing the draft as people will see it.
    await press1(el, '#consult-preview');
    await waitUntil(() => preview(el)?.querySelector('form h2'), 'the preview never showed');
    await waitUntil(() => focused(el)?.id === 'consult-preview-heading', 'focus never moved to the preview');
    const shown = preview(el)!;
    expect(shown.querySelector('h2')!.textContent!.trim()).to.equal('Changing visit times');
    expect(shown.textContent).to.contain('We plan to start morning visits at 7:30.').and.contain('How much would it help?');
    expect([...shown.querySelectorAll('fieldset.question')].length).to.equal(2);
    await expectAccessible(el, 'the preview of a draft');
    // The easy-read version, as people who choose easy read see it.
    await tabTo(el, '#consult-preview-easy');
    await press('Space');
    await waitUntil(() => preview(el)?.textContent?.includes('We want to come earlier.'), 'the easy-read preview never showed');
    expect(preview(el)!.querySelector('fieldset.question legend')!.textContent).to.contain('Is this a good idea?');
    expect(preview(el)!.textContent).not.to.contain('We plan to start morning visits at 7:30.');
    await expectAccessible(el, 'the easy-read preview of a draft');

    await press1(el, '#consult-open', true);
    await waitUntil(() => stage(el) === 'Stage: Open', 'it never opened');
    await waitUntil(() => focused(el)?.id === 'consult-status', 'focus never moved to the stage');
    expect(live(el)).to.equal('It is open. People can answer now.');
    await expectAccessible(el, 'open');

    // Answers arrive through the public POST.
    const stored = await providerGet<{questions: Array<{id: string; options?: Array<{id: string}>}>}>(collector!, '/consultations/visit-times');
    const [q1, q2, q3] = stored.questions.map((q) => q.id);
    expect(stored.questions[0]!.options!.map((o) => o.id)).to.deep.equal(['yes', 'no']);
    await answer('visit-times', {[q1!]: 'yes', [q2!]: 4, [q3!]: 'Breakfast comes too late.'});
    const wordless = await answer('visit-times', {[q1!]: 'yes', [q2!]: 5});
    await answer('visit-times', {[q1!]: 'no', [q2!]: 4, [q3!]: HOSTILE});
    const other = await answer('visit-times', {[q1!]: 'no', [q3!]: 'Blue sky.'});
    await press1(el, '#consult-refresh');
    await waitUntil(() => text(el, '#consult-answers-total') === 'People who answered: 4', 'the answers never showed');
    expect(counts(el, q1!)).to.deep.equal([['Yes', 2], ['No', 2]]);
    expect(counts(el, q2!)).to.deep.equal([['1 (Not at all)', 0], ['2', 0], ['3', 0], ['4', 2], ['5 (A lot)', 1]]);
    const groups = $$(el, `.written[data-question="${q3}"] .theme-group`).map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
    expect(groups).to.deep.equal(['Missed or late visits (2)', 'No theme found (1)']);
    const words = $$(el, '.written-answer .quote').map((p) => p.textContent);
    expect(words).to.deep.equal(['Breakfast comes too late.', HOSTILE, 'Blue sky.']);
    expect((window as {__pwned?: number}).__pwned).to.be.undefined;
    expect($(el, '.written img')).to.equal(null);
    await expectAccessible(el, 'open with answers');

    // Erase one answer, with a confirm step.
    await press1(el, `#erase-${other}`);
    await waitUntil(() => focused(el)?.id === `erase-${other}-confirm`, 'the erase question never took focus');
    await expectAccessible(el, 'asking to erase an answer');
    await press1(el, '.confirm-delete button.danger');
    await waitUntil(() => text(el, '#consult-answers-total') === 'People who answered: 3', 'the answer was never erased');
    expect(counts(el, q1!)).to.deep.equal([['Yes', 2], ['No', 1]]);

    // An answer with no words in it is erased by the reference its sender was given; a wrong one is said plainly.
    await fill(el, '#erase-reference', 'CR-ZZZZ-ZZZZ');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'erase-typed-confirm', 'the typed erase question never took focus');
    await press1(el, '.erase-typed button.danger');
    await waitUntil(() => text(el, '#erase-reference-error') !== '', 'an unknown reference was never said');
    expect(text(el, '#erase-reference-error')).to.equal('There is a problem: No answer to this consultation has the reference CR-ZZZZ-ZZZZ. Check it and try again.');
    expect(focused(el)?.id).to.equal('erase-reference');
    await expectAccessible(el, 'an unknown reference to erase');
    await press('End');
    for (let i = 0; i < 12; i++) await press('Backspace');
    await type(wordless.toLowerCase());
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'erase-typed-confirm', 'the typed erase question never came back');
    await press1(el, '.erase-typed button.danger');
    await waitUntil(() => text(el, '#consult-answers-total') === 'People who answered: 2', 'the wordless answer was never erased');
    expect(live(el)).to.equal(`Answer ${wordless} erased.`);
    expect(counts(el, q1!)).to.deep.equal([['Yes', 1], ['No', 1]]);
    expect(counts(el, q2!)).to.deep.equal([['1 (Not at all)', 0], ['2', 0], ['3', 0], ['4', 2], ['5 (A lot)', 0]]);

    await press1(el, '#consult-close', true);
    await waitUntil(() => stage(el) === 'Stage: Closed', 'it never closed');
    await expectAccessible(el, 'closed');

    await press1(el, '#consult-decide');
    await waitUntil(() => heading(el) === 'What we decided: Changing visit times', 'the decision form never opened');
    await press1(el, '#decide-publish');
    await waitUntil(() => focused(el)?.id === 'decide-errors', 'focus never moved to the decision errors');
    expect($$(el, '#decide-errors li').map((li) => li.textContent!.trim())).to.deep.equal([
      'Say what you decided, in 5,000 characters or fewer.',
      'Say what changed, in 5,000 characters or fewer.',
    ]);
    await expectAccessible(el, 'the decision form with errors');
    await fill(el, '#cd-you-said', 'Most of you said yes.');
    await fill(el, '#cd-decision', 'We will start at 7:30.');
    await fill(el, '#cd-changes', 'Morning visits start at 7:30 from March.');
    await press1(el, '#decide-publish');
    await waitUntil(() => stage(el) === 'Stage: Decided', 'it was never decided');
    expect(live(el)).to.equal('Published. People now see "We asked, you said, we did".');
    await expectAccessible(el, 'decided');

    // The preview now shows "We asked, you said, we did", with the counts frozen at the decision.
    await press1(el, '#consult-preview', true);
    await waitUntil(() => preview(el)?.querySelector('[data-decision]'), 'the decided preview never showed');
    expect(preview(el)!.querySelector('[data-decision]')!.textContent).to.equal('We will start at 7:30.');
    expect(preview(el)!.querySelector('[data-responses]')!.textContent).to.contain('2');
    await expectAccessible(el, 'the preview of the decision');

    // Back to the list: the stage, the closing date and the answers.
    await press1(el, '#consult-back', true);
    await waitUntil(() => $(el, 'table.consultations-table'), 'the list never came back');
    const row = $$(el, 'table.consultations-table tbody tr')[0]!;
    expect([...row.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Changing visit times',
      'Decided',
      `31 January ${year} at 17:00`,
      '2',
    ]);
    await expectAccessible(el, 'the list');
  });

  it('deletes a consultation only after "Yes, delete it"', async () => {
    const year = new Date().getFullYear() + 1;
    await fetch(`${collector!.endpoint}/consultations`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Authorization: `Bearer ${collector!.token}`},
      body: JSON.stringify({
        slug: 'to-delete',
        title: 'A plan we dropped',
        proposal: {plan: 'A', why: 'B', changes: 'C', when: 'D'},
        questions: [{id: 'q1', type: 'text', text: 'Tell us'}],
        closesAt: `${year}-02-01T12:00:00.000Z`,
      }),
    });
    const el = await mount(collector!.endpoint);
    await openConsultations(el);
    await press1(el, 'button[data-slug="to-delete"]');
    await waitUntil(() => heading(el) === 'A plan we dropped' && stage(el) === 'Stage: Draft', 'it never opened');
    await press1(el, '#consult-delete');
    await waitUntil(() => heading(el) === 'Delete "A plan we dropped"?', 'the delete question never showed');
    await expectAccessible(el, 'asking to delete');
    await press1(el, '#consult-delete-no');
    await waitUntil(() => heading(el) === 'A plan we dropped', 'No never went back');
    await press1(el, '#consult-delete');
    await waitUntil(() => $(el, '#consult-delete-yes'), 'the delete question never showed again');
    await press1(el, '#consult-delete-yes', true);
    await waitUntil(() => $(el, '.view.consultations') && !text(el, '#consult-results').startsWith('Loading'), 'the list never came back');
    expect($$(el, 'button[data-slug]').map((b) => b.dataset.slug)).to.not.include('to-delete');
    expect(live(el)).to.equal('Deleted "A plan we dropped".');
  });
});
