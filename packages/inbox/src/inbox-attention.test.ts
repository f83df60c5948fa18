// "Needs attention" in <care-feedback-inbox>, in real Chromium against a real collector: open complaints and
// concerns by what is due next, "only mine", opening one, and axe in each state.
import {expect} from '@open-wc/testing';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {executeServerCommand} from '@web/test-runner-commands';
import {$, $$, focused, heading, mount, providerGet, signIn, startCollector, stopCollector, submit, text, type RunningCollector} from './inbox-test-helpers.js';

let collector: RunningCollector | undefined;
let concern = '';
let complaint = '';
before(async () => {
  collector = await startCollector();
  complaint = await submit(collector.endpoint, {kind: 'complaint', message: 'Missed visits.'});
  concern = await submit(collector.endpoint, {kind: 'concern', message: 'Worried about a bruise.'});
  await submit(collector.endpoint, {kind: 'compliment', message: 'Lovely staff.'});
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

describe('<care-feedback-inbox> needs attention', () => {
  it('lists open concerns and complaints with what to do next, keeps "only mine", and opens one', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.includes('Needs attention'))!.click();
    await waitUntil(() => $(el, '.view.attention') && !text(el, '.view.attention .results').startsWith('Loading'), 'the list never loaded');
    expect(focused(el)?.id).to.equal('view-heading');
    const rows = $$(el, '.view.attention .row');
    expect(rows.map((row) => row.querySelector('.row-title')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      `Concern ${concern}`,
      `Complaint ${complaint}`,
    ]);
    expect(rows[0]!.textContent).to.contain('Look at this concern today');
    expect(rows[1]!.textContent).to.contain('Tell the person we have it, by');
    expect(text(el, '.view.attention')).not.to.contain('Lovely staff');
    await expectAccessible(el, 'needs attention');

    $<HTMLInputElement>(el, '#attention-mine')!.click();
    await waitUntil(() => text(el, '.view.attention .results') === 'Nothing needs attention.', '"only mine" never emptied the list');
    await expectAccessible(el, 'needs attention, only mine');
    $<HTMLInputElement>(el, '#attention-mine')!.click();
    await waitUntil(() => $$(el, '.view.attention .row').length === 2, 'the list never came back');

    $<HTMLButtonElement>(el, '.view.attention .row-title button')!.click();
    await waitUntil(() => heading(el).includes(concern), 'the concern never opened');
  });

  it('says when e-mail alerts are waiting because the mail server does not answer', async () => {
    const down = (await executeServerCommand('care-collector-start', {mailDown: true})) as RunningCollector;
    try {
      await submit(down.endpoint, {kind: 'complaint', message: 'Nobody came.'});
      const el = await mount(down.endpoint);
      await signIn(el, down.token);
      await waitUntil(async () => {
        const status = await providerGet<{failing: number}>(down, '/outbox');
        return status.failing > 0;
      }, 'the alert was never tried');
      $$<HTMLButtonElement>(el, '.nav-button').find((b) => b.textContent!.includes('Needs attention'))!.click();
      await waitUntil(() => $(el, '#outbox-waiting'), 'no notice of waiting e-mails');
      expect(text(el, '#outbox-waiting')).to.contain('Nothing is lost');
      await expectAccessible(el, 'needs attention with e-mails waiting');
    } finally {
      await stopCollector(down);
    }
  });
});
