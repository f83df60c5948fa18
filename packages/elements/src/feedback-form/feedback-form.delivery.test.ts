// <care-feedback-form> sending: byte for byte to a real collector, offline then online, failures, retries and events.
import {executeServerCommand} from '@web/test-runner-commands';
import {expect, html, oneEvent} from '@open-wc/testing';
import {canonicalSubmissionJson, type Submission} from '@care-feedback/core';
import {expectAccessible, waitUntil} from '../test-support/index.js';
import type {CareDeliveredEvent} from '../events/care-delivered.js';
import type {CareFailedEvent} from '../events/care-failed.js';
import type {CareQueuedEvent} from '../events/care-queued.js';
import type {CareSubmitEvent} from '../events/care-submit.js';
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
  uniqueId,
  waitForPhase,
  walkTo,
} from './test-helpers.js';

interface Collector {
  id: string;
  endpoint: string;
}

interface StoredRecord {
  reference: string;
  submission: Submission;
}

const MESSAGE =
  'Carers were late 🙂👍🏽 — مرحبا، شكراً (עברית) <script>alert(1)</script> &amp; <b>bold</b>\n\tend  ';
const IMPROVEMENT = '<img src=x onerror="alert(2)"> Ring me 📞 کیا حال ہے';
const NAME = 'Zoë <i>O’Brien</i> سام';

describe('<care-feedback-form> sending', () => {
  let collector: Collector;
  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {
      allowOrigin: [location.origin],
      minElapsedMs: 0,
    })) as Collector;
  });
  after(async () => {
    await executeServerCommand('care-collector-stop', {id: collector.id});
  });

  it('stores exactly what was typed in a real collector, shows markup as text, and the confirmation is accessible', async () => {
    const el = await makeForm(
      html`<care-feedback-form
        storage="none"
        endpoint=${collector.endpoint}
        acknowledge-days="5"
        charter-right="right-to-complain"
        locale="en-GB"
      ></care-feedback-form>`,
    );
    await walkTo(el, 'story', {kind: 'complaint', rating: 'very-poor'});
    await fill(el, '#f-message', MESSAGE);
    await fill(el, '#f-improvement', IMPROVEMENT);
    await next(el);
    await walkTo(el, 'reply');
    await click(el, '#f-reply-2');
    await fill(el, '#f-name', NAME);
    await click(el, '#f-method');
    await fill(el, '#f-email', 'zoe@example.org');
    await next(el);
    await walkTo(el, 'review');

    // Markup-looking text is shown as text on the review, never as elements.
    const values = $$(el, '.summary .value .text');
    expect(values.map((v) => v.textContent)).to.include(MESSAGE);
    expect($(el, '.summary')!.querySelector('script, img, b, i')).to.equal(null);
    expect(values.map((v) => v.textContent)).to.include(IMPROVEMENT);

    const submitted = oneEvent(el, 'care-submit') as Promise<CareSubmitEvent>;
    const delivered = oneEvent(el, 'care-delivered') as Promise<CareDeliveredEvent>;
    await next(el);
    const {submission} = (await submitted).detail;
    const {reference, id} = (await delivered).detail;
    await waitForPhase(el, 'done');

    const records = (await executeServerCommand('care-collector-list', {
      id: collector.id,
    })) as StoredRecord[];
    const record = records.find((r) => r.submission.id === id)!;
    expect(record, 'the collector stored the submission').to.exist;
    expect(record.submission.message).to.equal(MESSAGE);
    expect(record.submission.improvement).to.equal(IMPROVEMENT);
    expect(record.submission.contact).to.deep.equal({
      name: NAME,
      email: 'zoe@example.org',
      preferredMethod: 'email',
    });
    expect(canonicalSubmissionJson(record.submission)).to.equal(
      canonicalSubmissionJson(submission),
    );
    expect(submission).to.include({
      schemaVersion: 1,
      kind: 'complaint',
      rating: 'very-poor',
      locale: 'en-GB',
      charterRight: 'right-to-complain',
    });
    expect(submission.client).to.deep.equal({name: 'care-feedback', version: '0.1.0'});
    expect(submission.spam!.hp).to.equal('');
    expect(submission.spam!.elapsedMs).to.be.greaterThan(0);
    expect(submission.page!.url).to.equal(location.href);
    expect(submission.consent).to.deep.equal({store: true, contact: false, publish: false});

    // The confirmation: the collector's reference and, for a complaint, when and where next.
    expect($(el, '.reference')!.textContent).to.equal(record.reference);
    expect(reference).to.equal(record.reference);
    const text = $(el, '[part="step"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('We will tell you that we have your complaint within 5 working days.');
    expect(text).to.contain('Local Government and Social Care Ombudsman');
    expect(text, 'says what an ombudsman is').to.contain(
      'An ombudsman is someone who looks at complaints and is fair to both sides. They do not work for us',
    );
    expect(($(el, 'a[href^="https://www.lgo.org.uk"]') as HTMLAnchorElement).target).to.equal(
      '_blank',
    );
    expect(el.dirty).to.equal(false);
    await expectAccessible(el, 'delivered complaint with a reference');
  });

  for (const [nation, locale, name, url] of [
    ['wales', 'cy', 'Ombwdsmon Gwasanaethau Cyhoeddus Cymru', 'https://www.ombudsman.wales'],
    ['scotland', 'en-GB', 'Scottish Public Services Ombudsman', 'https://www.spso.org.uk'],
    ['northern-ireland', 'ur', 'Northern Ireland Public Services Ombudsman', 'https://www.nipso.org.uk'],
  ] as const) {
    it(`after a complaint in ${nation} (${locale}), names that nation's ombudsman, says what an ombudsman is, and links to it`, async () => {
      const el = await makeForm(
        html`<care-feedback-form storage="none" endpoint=${collector.endpoint} nation=${nation} locale=${locale}></care-feedback-form>`,
      );
      await walkTo(el, 'review', {kind: 'complaint', message: 'The carer did not come.'});
      await next(el);
      await waitForPhase(el, 'done');
      const text = $(el, '[part="step"]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain(name);
      expect(text, "England's ombudsman is not named").not.to.contain('Local Government and Social Care');
      const link = $(el, `a[href^="${url}"]`) as HTMLAnchorElement | null;
      expect(link, `a link to ${url}`).to.exist;
      await expectAccessible(el, `done in ${nation}, ${locale}`);
    });
  }

  it('says honestly it is saved on this device while offline, then changes to sent when one record arrives', async () => {
    const name = uniqueId('offline');
    await executeServerCommand('test-endpoint-set', {name, mode: 'down'});
    const el = await makeForm(
      html`<care-feedback-form
        id=${uniqueId('offline')}
        endpoint=${endpointFor(name)}
      ></care-feedback-form>`,
    );
    await walkTo(el, 'review', {kind: 'compliment'});
    const queued = oneEvent(el, 'care-queued') as Promise<CareQueuedEvent>;
    await next(el);
    const {id, persistence} = (await queued).detail;
    await waitForPhase(el, 'done');
    expect(persistence).to.equal('indexeddb');
    expect(headingText(el)).to.equal('Your feedback is saved on this device');
    expect($(el, '[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Status: Waiting to send',
    );
    expect(focused(el)?.classList.contains('step-heading')).to.equal(true);
    expect(el.dirty, 'queued feedback is safe: closing the launcher need not ask').to.equal(false);
    await expectAccessible(el, 'queued on this device');

    // Back online: the transport sends it by itself and the confirmation updates in place.
    const delivered = oneEvent(el, 'care-delivered') as Promise<CareDeliveredEvent>;
    await executeServerCommand('test-endpoint-set', {name, mode: 'up'});
    window.dispatchEvent(new Event('online'));
    expect((await delivered).detail.id).to.equal(id);
    await waitUntil(() => $(el, '.reference'), 'the reference should appear');
    expect($(el, '[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Status: Sent',
    );
    expect(headingText(el)).to.equal('Thank you. We have your feedback');
    const read = (await executeServerCommand('test-endpoint-read', {name})) as {
      created: Record<string, number>;
    };
    expect(read.created).to.deep.equal({[id]: 1});
    await expectAccessible(el, 'delivered after being queued');
    await executeServerCommand('test-endpoint-reset', {name});
  });

  it('shows the waiting confirmation again after a reload, and follows it to sent', async () => {
    const name = uniqueId('reload');
    const id = uniqueId('reload');
    await executeServerCommand('test-endpoint-set', {name, mode: 'down'});
    const first = await makeForm(
      html`<care-feedback-form id=${id} endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    await walkTo(first, 'review', {kind: 'suggestion'});
    await next(first);
    await waitForPhase(first, 'done');
    first.remove();

    const second = await makeForm(
      html`<care-feedback-form id=${id} endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    expect(phase(second)).to.equal('done');
    expect(headingText(second)).to.equal('Your feedback is saved on this device');
    const delivered = oneEvent(second, 'care-delivered') as Promise<CareDeliveredEvent>;
    await executeServerCommand('test-endpoint-set', {name, mode: 'up'});
    window.dispatchEvent(new Event('online'));
    await delivered;
    await waitUntil(
      () => headingText(second) === 'Thank you. We have your feedback',
      'the confirmation should update',
    );
    second.remove();

    const third = await makeForm(
      html`<care-feedback-form id=${id} endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    expect(phase(third), 'once delivered, a reload starts afresh').to.equal('kind');
    const read = (await executeServerCommand('test-endpoint-read', {name})) as {
      created: Record<string, number>;
    };
    expect(Object.values(read.created)).to.deep.equal([1]);
    await executeServerCommand('test-endpoint-reset', {name});
  });

  it('says plainly when the device cannot keep it (storage="none")', async () => {
    const name = uniqueId('memory');
    await executeServerCommand('test-endpoint-set', {name, mode: 'down'});
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    await walkTo(el, 'review');
    await next(el);
    await waitForPhase(el, 'done');
    expect(headingText(el)).to.equal('Your feedback is not saved yet');
    expect($(el, '[part="confirmation"]')!.textContent).to.contain('Please keep this page open');
    await executeServerCommand('test-endpoint-reset', {name});
  });

  it('fails clearly, keeps every answer, and sends on "Try again"', async () => {
    const name = uniqueId('failed');
    await executeServerCommand('test-endpoint-set', {name, mode: 'status', status: 409, times: 1});
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    await walkTo(el, 'review', {message: 'Keep me'});
    const failed = oneEvent(el, 'care-failed') as Promise<CareFailedEvent>;
    await next(el);
    const detail = (await failed).detail;
    expect(detail.reason).to.equal('rejected');
    await waitForPhase(el, 'failed');
    expect(headingText(el)).to.equal('Your feedback has not been sent');
    expect($(el, '[part="confirmation"]')!.textContent).to.contain(
      'Nothing you wrote has been lost.',
    );
    expect(focused(el)?.classList.contains('step-heading')).to.equal(true);
    expect(el.dirty).to.equal(true);

    const delivered = oneEvent(el, 'care-delivered') as Promise<CareDeliveredEvent>;
    await click(el, '.actions .button');
    const {id} = (await delivered).detail;
    expect(id, 'a refused id is not reused').to.not.equal(detail.id);
    await waitForPhase(el, 'done');
    const read = (await executeServerCommand('test-endpoint-read', {name})) as {
      created: Record<string, number>;
    };
    expect(read.created).to.deep.equal({[id]: 1});
    await executeServerCommand('test-endpoint-reset', {name});
  });

  it('puts the collector’s field errors beside the fields they name', async () => {
    const name = uniqueId('problem');
    await executeServerCommand('test-endpoint-set', {
      name,
      mode: 'status',
      status: 422,
      times: 1,
      problem: [{path: 'message', code: 'message.required', message: 'Tell us what happened.'}],
    });
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    await walkTo(el, 'review');
    const failed = oneEvent(el, 'care-failed') as Promise<CareFailedEvent>;
    await next(el);
    expect((await failed).detail.errors.map((e) => e.path)).to.deep.equal(['message']);
    await waitUntil(
      () => focused(el)?.classList.contains('error-summary'),
      'focus should go to the error summary',
    );
    expect(phase(el)).to.equal('review');
    ($(el, '.error-summary a') as HTMLAnchorElement).click();
    await waitUntil(() => focused(el)?.id === 'f-message', 'the link should reach the field');
    expect($(el, '#f-message-error')!.textContent).to.contain('Tell us what happened.');
    await expectAccessible(el, 'a field error from the collector');
    await executeServerCommand('test-endpoint-reset', {name});
  });

  it('sends nothing when care-submit is cancelled, and explains when there is no endpoint', async () => {
    const name = uniqueId('cancel');
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${endpointFor(name)}></care-feedback-form>`,
    );
    await walkTo(el, 'review');
    el.addEventListener('care-submit', (event) => event.preventDefault(), {once: true});
    await next(el);
    expect(phase(el)).to.equal('review');
    const read = (await executeServerCommand('test-endpoint-read', {name})) as {
      requests: unknown[];
    };
    expect(read.requests).to.deep.equal([]);

    el.endpoint = '';
    const failed = oneEvent(el, 'care-failed') as Promise<CareFailedEvent>;
    await next(el);
    expect((await failed).detail.reason).to.equal('no-endpoint');
    await waitForPhase(el, 'failed');
    expect($(el, '[part="confirmation"]')!.textContent).to.contain(
      'This form is not set up to send feedback yet.',
    );
  });

  it('sends the honeypot when a bot fills it in', async () => {
    const el = await makeForm(
      html`<care-feedback-form storage="none" endpoint=${collector.endpoint}></care-feedback-form>`,
    );
    await walkTo(el, 'review');
    ($(el, '#f-website') as HTMLInputElement).value = 'http://spam.example';
    const submitted = oneEvent(el, 'care-submit') as Promise<CareSubmitEvent>;
    await next(el);
    expect((await submitted).detail.submission.spam!.hp).to.equal('http://spam.example');
    await waitForPhase(el, 'done');
  });
});
