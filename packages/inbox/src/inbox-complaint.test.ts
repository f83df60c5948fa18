// The complaint record in <care-feedback-inbox>, in real Chromium against a real collector: the investigation,
// outcomes and response are kept by the collector, warnings show, errors link to their fields, axe is clean.
import {expect} from '@open-wc/testing';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {$, $$, focused, mount, openRow, providerGet, signIn, startCollector, stopCollector, submit, text, type RunningCollector} from './inbox-test-helpers.js';

let collector: RunningCollector | undefined;
let complaint = '';
before(async () => {
  collector = await startCollector();
  complaint = await submit(collector.endpoint, {kind: 'complaint', message: 'Two visits were missed last week.'});
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());

const fill = (el: HTMLElement & {shadowRoot: ShadowRoot | null}, id: string, value: string) => {
  const box = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  box.value = value;
};

describe('<care-feedback-inbox> complaint record', () => {
  it('keeps the investigation, the outcomes and the reply, and warns about what is missing', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, complaint);
    await waitUntil(() => $(el, '.complaint-form'), 'the complaint record never loaded');
    await expectAccessible(el, 'complaint record, empty');

    fill(el, 'complaint-points', 'Missed visit on Monday\nMissed visit on Thursday');
    fill(el, 'complaint-investigator', 'Jo Smith, deputy manager');
    fill(el, 'complaint-due', '2026-12-31');
    fill(el, 'complaint-apology', 'We are sorry we let you down.');
    $<HTMLButtonElement>(el, '.complaint-form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'complaint-saved', 'the saved message never took focus');
    let kept = await providerGet<{points: Array<{text: string; outcome: string | null}>; investigator: string; responseDueAt: string}>(collector!, `/submissions/${complaint}/complaint`);
    expect(kept.points.map((p) => p.text)).to.deep.equal(['Missed visit on Monday', 'Missed visit on Thursday']);
    expect(kept.investigator).to.equal('Jo Smith, deputy manager');
    expect(kept.responseDueAt).to.equal('2026-12-31');
    await expectAccessible(el, 'complaint record, saved');

    // Each point now has its outcome to choose; the reply is sent without the ombudsman box ticked.
    expect($$(el, '.complaint-form select').length).to.equal(2);
    $<HTMLSelectElement>(el, '#complaint-outcome-0')!.value = 'upheld';
    fill(el, 'complaint-sent', '2026-12-02');
    $<HTMLButtonElement>(el, '.complaint-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#complaint-warnings'), 'no warnings shown');
    expect(text(el, '#complaint-warnings')).to.contain('go to the ombudsman');
    expect(text(el, '#complaint-warnings')).to.contain('some points have no outcome');
    kept = await providerGet(collector!, `/submissions/${complaint}/complaint`);
    expect(kept.points.map((p) => p.outcome)).to.deep.equal(['upheld', null]);
    await waitUntil(() => text(el, 'ol.audit').includes('complaint'), 'the history never showed the change');
  });

  it('shows what the collector refused, linked to the field', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await openRow(el, complaint);
    await waitUntil(() => $(el, '.complaint-form'), 'the complaint record never loaded');
    // A reason for more time, but no new date.
    fill(el, 'complaint-extension-reason', 'Waiting for the rota records');
    $<HTMLButtonElement>(el, '.complaint-form button[type=submit]')!.click();
    await waitUntil(() => focused(el)?.id === 'complaint-errors', 'the error summary never took focus');
    const link = $<HTMLAnchorElement>(el, '#complaint-errors a')!;
    link.click();
    expect(focused(el)?.id).to.equal('complaint-extension-reason');
    await expectAccessible(el, 'complaint record, refused');
  });
});
