// "People taking part" in <care-feedback-inbox> (#16), in real Chromium against a real collector, with the
// keyboard alone: the register filtered by way, topic and help needed; one person's log with expenses;
// the form's errors; the invitation list; someone who has left; hostile text shown as text; erasing a person
// after a confirm step. axe in every state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {exampleInvolvement, type Involvement} from '@care-feedback/core';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, heading, mount, providerGet, signIn, startCollector, stopCollector, text, type RunningCollector} from './inbox-test-helpers.js';
import type {Report} from '@care-feedback/core/provider';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
const people: Record<'ada' | 'bo' | 'hostile' | 'gone', string> = {ada: '', bo: '', hostile: '', gone: ''};
const HOSTILE = '<img src=x onerror="window.__pwned=1"> Zoë 🙂 \u202e';

async function signUp(overrides: Partial<Involvement>): Promise<string> {
  const response = await fetch(`${collector!.endpoint}/involvement`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(exampleInvolvement({id: crypto.randomUUID(), createdAt: new Date().toISOString(), ...overrides})),
  });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}`);
  return ((await response.json()) as {reference: string}).reference;
}

before(async () => {
  collector = await startCollector();
  people.gone = await signUp({ways: ['surveys'], topics: ['Food'], contact: {name: 'Gil', phone: '01632 960009', preferredMethod: 'phone'}});
  await fetch(`${collector.endpoint}/involvement/${people.gone}/leave`, {method: 'POST'});
  people.hostile = await signUp({ways: ['reading'], topics: [HOSTILE], contact: {name: HOSTILE, email: 'z@example.org', preferredMethod: 'email'}});
  people.bo = await signUp({ways: ['meetings'], topics: ['Visit times'], support: ['quiet-room'], contact: {name: 'Bo', email: 'bo@example.org', preferredMethod: 'email'}});
  people.ada = await signUp({
    ways: ['panel', 'interviews'],
    topics: ['Food'],
    support: ['transport', 'expenses'],
    communicationNeeds: ['easy-read'],
    contact: {name: 'Ada', address: '1 High Street, Leeds', preferredMethod: 'post'},
  });
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

const press = (key: string) => sendKeys({press: key});
const type = (words: string) => sendKeys({type: words});
const live = (el: CareFeedbackInbox) => text(el, '[role=status]');

/** Presses Tab (or Shift+Tab) until focus is on the element matching `selector`: the keyboard only. */
async function tabTo(el: CareFeedbackInbox, selector: string, back = false, limit = 60) {
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

/** The register's rows, each as its title. */
const rows = (el: CareFeedbackInbox) => $$(el, '.view.register .row-title').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());

const loaded = (el: CareFeedbackInbox) =>
  waitUntil(() => $(el, '.view.register') && !text(el, '#register-results').startsWith('Loading'), 'the register never loaded');

/** Types a day into a date box as this browser lays it out (month first in the United States). */
async function typeDate(day: string) {
  const [year, month, date] = day.split('-');
  await type(navigator.language === 'en-US' ? `${month}${date}${year}` : `${date}${month}${year}`);
}

async function openRegister(el: CareFeedbackInbox) {
  await signIn(el, collector!.token);
  $<HTMLButtonElement>(el, '.nav-button')!.focus();
  const nav = $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.includes('People taking part'))!;
  expect(nav, 'a "People taking part" section').to.exist;
  while (focused(el) !== nav) await press('Tab');
  await press('Enter');
  await loaded(el);
  await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never moved to the heading');
}

describe('<care-feedback-inbox> people taking part', function () {
  this.timeout(120_000);

  it('filters the register, opens a person and adds to their log with the keyboard alone', async () => {
    const el = await mount(collector!.endpoint);
    await openRegister(el);
    expect(heading(el)).to.equal('People who want to take part');
    expect(rows(el)).to.deep.equal([`Ada, ${people.ada}`, `Bo, ${people.bo}`, `${HOSTILE.replace(/\s+/g, ' ').trim()}, ${people.hostile}`, `Someone who has left, ${people.gone}`]);
    expect(text(el, '.view.register .row')).to.contain("People's panel").and.contain('Easy read').and.contain('Post');
    await expectAccessible(el, 'the register');

    // By way of taking part: choose "People's panel" from the list with the keyboard.
    await tabTo(el, '#register-way');
    await type("People's");
    expect($<HTMLSelectElement>(el, '#register-way')!.value).to.equal('panel');
    await tabTo(el, '.register-filters button[type=submit]');
    await press('Enter');
    await waitUntil(() => rows(el).length === 1, 'the way filter never applied');
    expect(rows(el)).to.deep.equal([`Ada, ${people.ada}`]);

    // By topic and help needed together: nobody has both, and the register says so plainly.
    await tabTo(el, '#register-way', true);
    await type('Any');
    await tabTo(el, '#register-topic');
    await type('visit TIMES');
    await tabTo(el, '#register-support');
    await type('Transport');
    await tabTo(el, '.register-filters button[type=submit]');
    await press('Enter');
    await waitUntil(() => text(el, '#register-results') === 'Nobody matches. Try fewer choices.', 'the empty result was never said');
    await expectAccessible(el, 'nobody matches');
    await tabTo(el, '#register-support', true);
    await type('Any');
    await tabTo(el, '.register-filters button[type=submit]');
    await press('Enter');
    await waitUntil(() => rows(el).length === 1 && rows(el)[0]!.startsWith('Bo'), 'the topic filter never applied');

    // Open Bo, and add to the log: first with the day missing, then right.
    const open = $(el, '.view.register .row-title button')!;
    await tabTo(el, '.view.register .row-title button');
    expect(focused(el)).to.equal(open);
    await press('Enter');
    await waitUntil(() => heading(el) === `Bo, ${people.bo}`, 'the person never opened');
    await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never moved to the person');
    expect(text(el, '#log-empty')).to.equal('Nothing recorded yet.');
    expect(text(el, '.view.register-person')).to.contain('A quiet room').and.contain('bo@example.org');
    await expectAccessible(el, 'a person with nothing logged');

    await tabTo(el, '#log-activity');
    await type('Interview panel for a new manager');
    await tabTo(el, '#log-way');
    await type('Interview');
    await tabTo(el, '#log-expenses');
    await type('12.5O');
    await tabTo(el, '.log-form button[type=submit]');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'log-errors', 'focus never moved to the error summary');
    expect(text(el, '#log-errors')).to.contain('Enter the day they took part').and.contain('Enter the expenses in pounds and pence');
    expect($(el, '#log-date')!.getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLInputElement>(el, '#log-activity')!.value, 'what was typed is kept').to.equal('Interview panel for a new manager');
    await expectAccessible(el, 'the log form with errors');
    // The summary's link takes focus to the field.
    await tabTo(el, '#log-errors a');
    await press('Enter');
    expect(focused(el)?.id).to.equal('log-date');
    await typeDate('2026-03-14');
    expect($<HTMLInputElement>(el, '#log-date')!.value).to.equal('2026-03-14');
    await tabTo(el, '#log-expenses');
    // Tab selects the whole box: End puts the caret after the wrong letter.
    await press('End');
    await press('Backspace');
    await type('0');
    await tabTo(el, '#log-note');
    await type('Bus fare both ways');
    await tabTo(el, '.log-form button[type=submit]');
    await press('Enter');
    await waitUntil(() => $(el, 'table.log'), 'the log never showed the entry');
    await waitUntil(() => focused(el)?.id === 'log-heading', 'focus never moved to the log');
    expect(live(el)).to.equal('Added to the record.');
    const cells = $$(el, 'table.log tbody td').map((td) => td.textContent!.trim());
    expect(cells).to.deep.equal(['14 March 2026', 'Interview panel for a new manager', 'Interview panels', '£12.50', 'Bus fare both ways', 'browser-tests']);
    expect(text(el, '#log-total')).to.equal('Expenses paid in all: £12.50');
    await expectAccessible(el, 'a person with their log');
    const stored = await providerGet<{items: Array<{activity: string; expensesPence: number; way: string}>}>(collector!, `/involvement/${people.bo}/log`);
    expect(stored.items.map((i) => [i.activity, i.expensesPence, i.way])).to.deep.equal([['Interview panel for a new manager', 1250, 'interviews']]);

    // Back to the list, then the invitation list for people who chose email.
    await tabTo(el, '#register-back', true);
    await press('Enter');
    await loaded(el);
    await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never came back to the list');
    await tabTo(el, '#invitations-method');
    await type('Only people who chose email');
    expect($<HTMLSelectElement>(el, '#invitations-method')!.value).to.equal('email');
    await tabTo(el, '#invitations-download');
    await press('Enter');
    await waitUntil(() => live(el) === 'The invitation list has downloaded.', 'the download was never said to be done');
    await expectAccessible(el, 'after the download');
  });

  it('shows someone who has left without contact details, and hostile text as text', async () => {
    const el = await mount(collector!.endpoint);
    await openRegister(el);
    expect((window as {__pwned?: number}).__pwned).to.be.undefined;
    expect($(el, '.view.register img')).to.equal(null);
    const goneRow = $$(el, '.view.register .row').find((row) => row.textContent!.includes(people.gone))!;
    expect(goneRow.textContent).to.contain('Left on').and.not.contain('01632');
    await tabTo(el, `.view.register .row:nth-child(4) .row-title button`);
    await press('Enter');
    await waitUntil(() => heading(el) === `Someone who has left, ${people.gone}`, 'the person who left never opened');
    expect(text(el, '.view.register-person')).to.contain('Their contact details were deleted').and.not.contain('Gil');
    await expectAccessible(el, 'someone who has left');
  });

  it('erases a person after asking, with the keyboard alone: gone from the list and the API, their log too', async () => {
    const cy = await signUp({ways: ['training'], topics: ['Food'], contact: {name: 'Cy', email: 'cy@example.org', preferredMethod: 'email'}});
    const today = new Date().toISOString().slice(0, 10);
    const logged = await fetch(`${collector!.endpoint}/involvement/${cy}/log`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${collector!.token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({activity: 'Helped train new carers', way: 'training', date: today, expensesPence: 800}),
    });
    expect(logged.status).to.equal(201);
    const tookPart = async () =>
      (await providerGet<Report>(collector!, `/reports?from=${today}&to=${today}`)).involvement.tookPart.byWay.training;
    expect(await tookPart(), 'their log counts before').to.equal(1);

    const el = await mount(collector!.endpoint);
    await openRegister(el);
    // The newest sign-up is first.
    expect(rows(el)[0]).to.equal(`Cy, ${cy}`);
    await tabTo(el, '.view.register .row:first-child .row-title button');
    await press('Enter');
    await waitUntil(() => heading(el) === `Cy, ${cy}` && $(el, 'table.log'), 'Cy never opened');

    // First the button, then what will be lost, before anything is deleted.
    await tabTo(el, '#erase-person');
    expect(text(el, '#erase-person')).to.equal('Erase Cy from the list');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'erase-person-heading', 'focus never moved to the question');
    expect(text(el, '#erase-person-heading')).to.equal(`Erase Cy, ${cy}?`);
    expect(text(el, '.erase-person .loses')).to.contain('the record of what they took part in').and.contain(cy);
    await expectAccessible(el, 'asked to erase a person');
    // Escape backs out, and nothing was erased.
    await press('Escape');
    await waitUntil(() => focused(el)?.id === 'erase-person', 'focus never came back to the button');
    expect($(el, '#erase-person-confirm')).to.equal(null);
    expect((await providerGet<{reference: string}>(collector!, `/involvement/${cy}`)).reference).to.equal(cy);

    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'erase-person-heading', 'the question never came back');
    await tabTo(el, '#erase-person-confirm');
    await press('Enter');
    await waitUntil(() => focused(el)?.id === 'register-erased', 'focus never moved to the message on the list');
    expect(heading(el)).to.equal('People who want to take part');
    expect(text(el, '#register-erased')).to.equal(`${cy} was erased, with the record of what they took part in.`);
    expect(live(el)).to.equal(`${cy} was erased, with the record of what they took part in.`);
    expect(rows(el).some((row) => row.includes(cy))).to.equal(false);
    expect(rows(el)).to.include(`Ada, ${people.ada}`);
    await expectAccessible(el, 'the list after erasing');

    // The collector agrees: no such person, no log, and their time taking part counts nowhere.
    const bearer = {headers: {Authorization: `Bearer ${collector!.token}`}};
    expect((await fetch(`${collector!.endpoint}/involvement/${cy}`, bearer)).status).to.equal(404);
    expect((await fetch(`${collector!.endpoint}/involvement/${cy}/log`, bearer)).status).to.equal(404);
    const listed = await providerGet<{items: Array<{reference: string}>}>(collector!, '/involvement?limit=500');
    expect(listed.items.map((item) => item.reference)).not.to.include(cy);
    expect(await tookPart(), 'their time taking part counts nowhere').to.equal(0);
  });
});
