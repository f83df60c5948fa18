// "Record feedback" in <care-feedback-inbox>, in real Chromium against a real collector: staff record a phone
// complaint with the keyboard, the collector stores it with its channel, and axe is clean in every state.
import {expect} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, heading, mount, providerGet, signIn, startCollector, stopCollector, text, type RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

let collector: RunningCollector | undefined;
before(async () => {
  collector = await startCollector();
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

async function openRecord(el: CareFeedbackInbox) {
  $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.includes('Record feedback'))!.click();
  await waitUntil(() => $(el, '.view.record'), 'the record form never opened');
  await waitUntil(() => focused(el)?.id === 'view-heading', 'focus never went to the heading');
}

/** Yesterday in this browser's own calendar, as a date box holds it. */
function yesterday(): string {
  const day = new Date(Date.now() - 86_400_000);
  return new Date(day.getTime() - day.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

describe('<care-feedback-inbox> recording feedback that came another way', () => {
  it('says any expression of dissatisfaction is a complaint, and lists what is missing, linked to each field', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRecord(el);
    expect(heading(el)).to.equal('Record feedback that came another way');
    expect(text(el, '.view.record')).to.contain('even if they did not use the word "complaint"');
    await expectAccessible(el, 'record form, empty');
    $<HTMLButtonElement>(el, '.view.record button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'record-errors', 'the error summary never took focus');
    const links = $$<HTMLAnchorElement>(el, '#record-errors a');
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Choose what kind of feedback it is',
      'Choose how the feedback came',
      'Write what the person said',
      'Enter your name',
    ]);
    links[2]!.click();
    expect(focused(el)?.id, 'the link moves focus to its field').to.equal('record-message');
    expect($(el, '#record-message')!.getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(el, 'record form with errors');
    const stored = await providerGet<{items: unknown[]}>(collector!, '/submissions');
    expect(stored.items, 'nothing was sent').to.deep.equal([]);
  });

  it('records a phone complaint from yesterday with the keyboard; the collector keeps its channel, who recorded it and when it came', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRecord(el);
    $<HTMLInputElement>(el, '#record-kind-complaint')!.focus();
    await sendKeys({press: 'Space'});
    $<HTMLInputElement>(el, '#record-channel')!.focus();
    await sendKeys({press: 'Space'});
    const day = $<HTMLInputElement>(el, '#record-day')!;
    day.value = yesterday();
    $<HTMLTextAreaElement>(el, '#record-message')!.focus();
    await sendKeys({type: 'Mum was left without her tea again on Sunday. Nobody came.'});
    $<HTMLInputElement>(el, '#record-name')!.focus();
    await sendKeys({type: 'Pat Jones'});
    $<HTMLInputElement>(el, '#record-phone')!.focus();
    await sendKeys({type: '01632 960123'});
    $<HTMLInputElement>(el, '#record-by')!.focus();
    await sendKeys({type: 'Sam Duty'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.id === 'record-saved', 'the saved message never took focus');
    const reference = /CF-[A-Z0-9-]+/.exec(text(el, '#record-saved'))![0];
    await expectAccessible(el, 'record form after saving');
    expect($<HTMLTextAreaElement>(el, '#record-message')!.value, 'the form is empty for the next one').to.equal('');

    const record = await providerGet<Record<string, unknown> & {submission: Record<string, unknown>}>(collector!, `/submissions/${reference}`);
    expect(record.channel).to.equal('phone');
    expect(record.recordedBy).to.equal('Sam Duty');
    expect(record.kind).to.equal('complaint');
    expect(String(record.receivedAt).slice(0, 10) <= yesterday(), 'received on the day it came, not today').to.be.true;
    expect(record.submission.contact).to.deep.equal({name: 'Pat Jones', phone: '01632 960123', preferredMethod: 'phone'});

    $$<HTMLButtonElement>(el, '#record-saved button')[0]!.click();
    await waitUntil(() => heading(el).includes(reference), '"Open it" never opened the record');
  });
});
