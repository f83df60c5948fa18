// Letters in <care-feedback-inbox>, in real Chromium against a real collector: a phone complaint is recorded,
// acknowledged with a large-print letter, extended with a holding letter and answered with an outcome for each
// point and the ombudsman, with the keyboard alone; the wording is changed and put back; hostile text stays
// text on screen and in print. axe is clean in every new state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, heading, mount, openRow, providerGet, signIn, startCollector, stopCollector, submit, text, type RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
before(async () => {
  collector = await startCollector();
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

const HOSTILE = '<script>window.pwned=1</script><b>Bold</b></w:t>{{reference}}';

/** Moves focus to a control and presses a key, as a keyboard user would after tabbing there. */
async function press(el: CareFeedbackInbox, selector: string, key: string) {
  const control = $<HTMLElement>(el, selector);
  if (!control) throw new Error(`nothing matches ${selector}`);
  control.focus();
  await sendKeys({press: key});
}

async function typeInto(el: CareFeedbackInbox, selector: string, words: string) {
  $<HTMLElement>(el, selector)!.focus();
  await sendKeys({type: words});
}

/** Date boxes are the browser's own widget; their keys differ by locale, so the test sets the day. */
function setDay(el: CareFeedbackInbox, selector: string, day: string) {
  $<HTMLInputElement>(el, selector)!.value = day;
}

async function saveRecord(el: CareFeedbackInbox) {
  await press(el, '.complaint-form button[type=submit]', 'Enter');
  await waitUntil(() => focused(el)?.id === 'complaint-saved', 'the complaint record was never saved');
}

async function makeLetter(el: CareFeedbackInbox, kind: string, expected: string) {
  await press(el, `#letter-kind-${kind}`, 'Space');
  await press(el, '.letter-form button[type=submit]', 'Enter');
  await waitUntil(() => focused(el)?.id === 'letter-preview' && text(el, '#letter-preview').includes(expected), `the ${kind} letter never showed`);
}

const pointsOf = (el: CareFeedbackInbox, selector: string) => parseFloat(getComputedStyle($(el, selector)!).fontSize) * 0.75;

describe('<care-feedback-inbox> letters', () => {
  it('takes a phone complaint to its answer with the keyboard: a large-print acknowledgement, a holding letter and a response with the ombudsman', async function () {
    // A whole complaint, many round trips to a real collector: more than one ordinary test's allowance.
    this.timeout(120_000);
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);

    // A phone call, written down.
    const record = $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.includes('Record feedback'))!;
    record.focus();
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.id === 'view-heading', 'the record form never opened');
    await press(el, '#record-kind-complaint', 'Space');
    await press(el, '#record-channel', 'Space');
    await typeInto(el, '#record-message', 'Mum was left without her tea on Sunday. Nobody rang us.');
    await typeInto(el, '#record-name', 'Pat Jones');
    await typeInto(el, '#record-phone', '01632 960123');
    await typeInto(el, '#record-by', 'Sam Duty');
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.id === 'record-saved', 'the complaint was never recorded');
    const reference = /CF-[A-Z0-9-]+/.exec(text(el, '#record-saved'))![0];
    await press(el, '#record-saved button', 'Enter');
    await waitUntil(() => heading(el).includes(reference) && $(el, '.complaint-form') && $(el, '.letter-form'), 'the complaint never opened');
    await expectAccessible(el, 'complaint with its letters, nothing drafted');

    // The record the letters are drafted from.
    await typeInto(el, '#complaint-points', 'Tea was not given on Sunday');
    await sendKeys({press: 'Enter'});
    await sendKeys({type: 'Nobody rang the family'});
    await typeInto(el, '#complaint-investigator', 'Jo Smith, deputy manager');
    setDay(el, '#complaint-due', '2027-01-08');
    await saveRecord(el);

    // Acknowledgement, in large print because the person asked for it on the phone.
    await press(el, '#letter-large', 'Space');
    await makeLetter(el, 'acknowledgement', 'Thank you for telling us about your complaint');
    const acknowledgement = text(el, '#letter-preview');
    expect(acknowledgement).to.contain(`Our reference: ${reference}`);
    expect(acknowledgement).to.contain('Dear Pat Jones');
    expect(acknowledgement).to.contain('Jo Smith, deputy manager will look into your complaint');
    expect(acknowledgement).to.contain('by Friday 8 January 2027');
    expect($$(el, '#letter-preview li').map((li) => li.textContent)).to.deep.equal(['Tea was not given on Sunday', 'Nobody rang the family']);
    expect($(el, '#letter-missing'), 'nothing is missing').to.equal(null);
    expect(text(el, '#letter-title')).to.equal('We have your complaint (acknowledgement): Standard, large print');
    expect(pointsOf(el, '#letter-preview p'), 'large print is at least 16 pt').to.be.at.least(16);
    await expectAccessible(el, 'large-print acknowledgement drafted');

    // It prints on its own, at the same size.
    await press(el, '#letter-print', 'Enter');
    await waitUntil(() => $(el, 'iframe.letter-print-frame'), 'nothing was sent to print');
    const frame = $<HTMLIFrameElement>(el, 'iframe.letter-print-frame')!;
    const page = frame.contentDocument!;
    expect(focused(el)?.id, 'focus comes back to the button').to.equal('letter-print');
    expect(page.body.textContent).to.contain(`Our reference: ${reference}`);
    expect(parseFloat(frame.contentWindow!.getComputedStyle(page.querySelector('p')!).fontSize) * 0.75).to.be.at.least(16);
    await expectAccessible(el, 'acknowledgement sent to print');

    // And downloads as a Word document to change and post.
    await press(el, '#letter-download', 'Enter');
    await waitUntil(() => text(el, '[role=status]') === 'The letter is downloaded.', 'the download never finished');
    const audit = await providerGet<{items: Array<{action: string; detail: string}>}>(collector!, `/submissions/${reference}/audit`);
    expect(audit.items.some((entry) => entry.action === 'letter' && entry.detail === 'acknowledgement standard large-print docx')).to.equal(true);

    // More time: the holding letter says why and until when.
    await typeInto(el, '#complaint-extension-reason', 'We are waiting for the rota records.');
    setDay(el, '#complaint-extension-date', '2027-01-22');
    await saveRecord(el);
    await makeLetter(el, 'holding', 'We need more time');
    const holding = text(el, '#letter-preview');
    expect(holding).to.contain('We said we would answer your complaint by Friday 8 January 2027.');
    expect(holding).to.contain('This is why: We are waiting for the rota records.');
    expect(holding).to.contain('by Friday 22 January 2027');
    await expectAccessible(el, 'holding letter drafted');

    // The answer: an outcome for each point, the apology, the remedy and the ombudsman.
    await press(el, '#complaint-outcome-0', 'ArrowDown');
    await press(el, '#complaint-outcome-1', 'ArrowDown');
    await sendKeys({press: 'ArrowDown'});
    await sendKeys({press: 'ArrowDown'});
    await typeInto(el, '#complaint-apology', 'We are sorry your mum went without her tea.');
    await typeInto(el, '#complaint-remedy', 'Carers now check the meal chart before they leave.');
    setDay(el, '#complaint-sent', '2027-01-20');
    await press(el, '#complaint-told', 'Space');
    await saveRecord(el);
    const kept = await providerGet<{points: Array<{outcome: string}>; toldOfOmbudsman: boolean}>(collector!, `/submissions/${reference}/complaint`);
    expect(kept.points.map((p) => p.outcome)).to.deep.equal(['upheld', 'not-upheld']);
    expect(kept.toldOfOmbudsman).to.equal(true);
    await makeLetter(el, 'response', 'Our answer to your complaint');
    expect($$(el, '#letter-preview li').map((li) => li.textContent)).to.deep.equal([
      'Tea was not given on Sunday Upheld: we agree that this went wrong.',
      'Nobody rang the family Not upheld: we found that this did not go wrong.',
    ]);
    const response = text(el, '#letter-preview');
    expect(response).to.contain('We are sorry your mum went without her tea.');
    expect(response).to.contain('Carers now check the meal chart before they leave.');
    expect(response).to.contain('Local Government and Social Care Ombudsman');
    expect(response).to.contain('https://www.lgo.org.uk');
    await expectAccessible(el, 'response drafted');

    // The easy-read version, in normal print.
    await press(el, '#letter-version-easy-read', 'Space');
    await press(el, '#letter-large', 'Space');
    await press(el, '.letter-form button[type=submit]', 'Enter');
    await waitUntil(() => text(el, '#letter-title') === 'Our answer (response): Easy read: short sentences, one idea on each line', 'the easy-read letter never showed');
    expect($$(el, '#letter-preview li').map((li) => li.textContent)).to.deep.equal([
      'Tea was not given on Sunday We agree this went wrong.',
      'Nobody rang the family We found this did not go wrong.',
    ]);
    expect(pointsOf(el, '#letter-preview p')).to.be.at.least(14);
    await expectAccessible(el, 'easy-read response drafted');
  });

  it('changes the wording of a letter, refuses a placeholder it does not know, and puts ours back', async function () {
    this.timeout(60_000);
    const reference = await submit(collector!.endpoint, {kind: 'complaint', message: 'The bath was cold.', communicationNeeds: []});
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, reference);
    await waitUntil(() => $(el, '.letter-templates'), 'no letters part');
    await press(el, '.letter-templates summary', 'Enter');
    await waitUntil(() => $(el, '#template-standard'), 'the wording never loaded');
    expect(text(el, '.letter-templates')).to.contain('You are using our wording.');
    expect(text(el, '.placeholders')).to.contain('{{ombudsmanName}}');
    await expectAccessible(el, 'wording open');

    const standard = $<HTMLTextAreaElement>(el, '#template-standard')!;
    standard.focus();
    standard.select();
    await sendKeys({type: 'Hello {{nmae}}. Your reference is {{reference}}.'});
    await press(el, '.template-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'template-errors', 'the refusal never took focus');
    expect(text(el, '#template-errors')).to.contain('{{nmae}}');
    await press(el, '#template-errors a', 'Enter');
    expect(focused(el)?.id, 'the error links to its box').to.equal('template-standard');
    expect(standard.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el, 'wording refused');

    standard.select();
    await sendKeys({type: 'Hello {{name}}. Your reference is {{reference}}.'});
    await press(el, '.template-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'template-saved', 'the wording was never saved');
    expect(text(el, '.letter-templates')).to.contain('You are using your own wording.');
    await expectAccessible(el, 'wording saved');
    await press(el, '#letter-large', 'Space');
    await makeLetter(el, 'acknowledgement', `Your reference is ${reference}.`);
    expect(text(el, '#letter-preview')).to.contain('Hello Sam.');

    await press(el, '#template-reset', 'Enter');
    await waitUntil(() => focused(el)?.id === 'template-saved' && text(el, '#template-saved') === 'Our wording is back.', 'our wording never came back');
    expect($<HTMLTextAreaElement>(el, '#template-standard')!.value).to.contain('Thank you for telling us about your complaint');
    await expectAccessible(el, 'wording put back');
  });

  // Last in this file: the policy it adds stays on the page.
  it('keeps hostile text as text in the letter on screen and in print, under the inbox page’s own policy', async () => {
    // The inbox page's Content-Security-Policy (packages/collector/src/inbox.ts) forbids inline styles, in the
    // page and in the frame a letter prints from; the letter must keep its size all the same.
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "style-src 'self'";
    document.head.append(policy);
    const reference = await submit(collector!.endpoint, {
      kind: 'complaint',
      message: 'Hostile name.',
      contact: {name: HOSTILE, email: 'pat@example.org', preferredMethod: 'email'},
      communicationNeeds: ['easy-read', 'large-print'],
    });
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, reference);
    await waitUntil(() => $(el, '.letter-form'), 'no letters part');
    // The person's needs choose easy read and large print, and say so.
    expect($<HTMLInputElement>(el, '#letter-version-easy-read')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#letter-large')!.checked).to.equal(true);
    expect(text(el, '.letter-form')).to.contain('The person asked for large print.');
    await press(el, '.letter-form button[type=submit]', 'Enter');
    await waitUntil(() => focused(el)?.id === 'letter-preview', 'the letter never showed');
    expect($(el, '#letter-preview')!.textContent).to.contain(`Dear ${HOSTILE}`);
    expect($(el, '#letter-preview script, #letter-preview b')).to.equal(null);
    expect(text(el, '#letter-missing'), 'the record is empty, and the letter says what to add').to.contain('who is looking into it');
    await expectAccessible(el, 'letter with hostile text and missing facts');

    await press(el, '#letter-print', 'Enter');
    await waitUntil(() => $(el, 'iframe.letter-print-frame'), 'nothing was sent to print');
    const frame = $<HTMLIFrameElement>(el, 'iframe.letter-print-frame')!;
    const page = frame.contentDocument!;
    expect(page.body.textContent).to.contain(`Dear ${HOSTILE}`);
    expect(page.querySelector('script, b')).to.equal(null);
    expect(parseFloat(frame.contentWindow!.getComputedStyle(page.querySelector('p')!).fontSize) * 0.75, 'printed in large print').to.be.at.least(16);
    expect(pointsOf(el, '#letter-preview p'), 'shown in large print').to.be.at.least(16);
    expect((window as unknown as {pwned?: number}).pwned).to.equal(undefined);
    expect((frame.contentWindow as unknown as {pwned?: number}).pwned).to.equal(undefined);
  });
});
