// The learning and improvement evidence page in <care-feedback-inbox>, in real Chromium against a real
// collector with feedback recorded on known days in this period and the one before: its numbers are the
// seeded records', each chart has a table with the same numbers, nothing personal shows, it works by
// keyboard, axe finds nothing in any state, and it prints without controls.
import {expect} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {exampleConsultationInput, exampleConsultationResponse, exampleInvolvement} from '@care-feedback/core';
import type {InvolvementLogInput, Report} from '@care-feedback/core/provider';
import {$, $$, focused, mount, providerGet, signIn, startCollector, stopCollector, text, type RunningCollector} from './inbox-test-helpers.js';
import {decide, downloadedCsv, recordPast, tableRows} from './inbox-report-test-helpers.js';
import {lastTwelveMonths, previousPeriod, todayIn} from './inbox-report-period.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

// The page opens on the last 12 months; the period before is as long and ends the day before.
const period = lastTwelveMonths(todayIn());
const earlier = previousPeriod(period);
/** 10:00 UTC, `days` after a period's first day. */
const dayAfter = (from: string, days: number) =>
  new Date(Date.parse(`${from}T10:00:00Z`) + days * 86_400_000).toISOString();

let collector: RunningCollector | undefined;
const PRIVATE = ['Sam', 'sam@example.org', 'Carers arrived', 'My own private words', 'Panel for the new manager', 'Earlier is better'];

async function youSaid(reference: string, words: string, publish: boolean) {
  const headers = {Authorization: `Bearer ${collector!.token}`, 'Content-Type': 'application/json'};
  const created = await fetch(`${collector!.endpoint}/you-said-we-did`, {
    method: 'POST',
    headers,
    body: JSON.stringify({submissionReference: reference, youSaid: words, weDid: `We changed ${words}.`}),
  });
  if (created.status !== 201) throw new Error(`you-said answered ${created.status}: ${await created.text()}`);
  const {id} = (await created.json()) as {id: string};
  if (publish) await fetch(`${collector!.endpoint}/you-said-we-did/${id}/publish`, {method: 'POST', headers});
}

/** A provider call the test makes itself, failing loudly on anything but `status`. */
async function provide(path: string, body: unknown, status = 201): Promise<unknown> {
  const response = await fetch(`${collector!.endpoint}${path}`, {
    method: 'POST',
    headers: {Authorization: `Bearer ${collector!.token}`, 'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  if (response.status !== status) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Someone signs up now (in this period), as the "Get involved" form would send it; answers their reference. */
async function signUp(service: string): Promise<string> {
  const response = await fetch(`${collector!.endpoint}/involvement`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(exampleInvolvement({id: crypto.randomUUID(), service, createdAt: new Date().toISOString()})),
  });
  if (response.status !== 201) throw new Error(`sign-up answered ${response.status}`);
  return ((await response.json()) as {reference: string}).reference;
}

const logEntry = (reference: string, entry: InvolvementLogInput) => provide(`/involvement/${reference}/log`, entry);

before(async function () {
  // Seeding several records over HTTP on a busy machine can outlast the default 20 s.
  this.timeout(120_000);
  collector = await startCollector();
  const c = collector;
  const record = (from: string, days: number, kind: 'complaint' | 'compliment' | 'comment', rating?: 'very-good' | 'poor') =>
    recordPast(c, dayAfter(from, days), {kind, rating, message: `${kind} on day ${days}`});
  // This period: two complaints (upheld; not upheld and taken to the Ombudsman), a very good and a poor rating.
  await decide(c, await record(period.from, 10, 'complaint'), ['upheld']);
  await decide(c, await record(period.from, 40, 'complaint'), ['not-upheld'], dayAfter(period.from, 60).slice(0, 10));
  const compliment = await record(period.from, 11, 'compliment', 'very-good');
  await record(period.from, 12, 'comment', 'poor');
  // The period before: three complaints (upheld, partly upheld, not decided).
  await decide(c, await record(earlier.from, 10, 'complaint'), ['upheld']);
  await decide(c, await record(earlier.from, 40, 'complaint'), ['upheld', 'not-upheld']);
  await record(earlier.from, 70, 'complaint');
  // One "You said, we did" published now (in this period), one left unpublished.
  await youSaid(compliment, 'Visits were rushed', true);
  await youSaid(compliment, 'Not published yet', false);
  // People taking part: two sign-ups now; the log holds two times this period (£12.50 and £5 paid) and one
  // the period before; one consultation opened now with one answer.
  const ada = await signUp('home-care-north');
  const bo = await signUp('home-care-south');
  const day = (from: string, days: number) => dayAfter(from, days).slice(0, 10);
  await logEntry(ada, {activity: 'Panel for the new manager', way: 'interviews', date: day(period.from, 20), expensesPence: 1250});
  await logEntry(ada, {activity: 'A short survey', way: 'surveys', date: day(earlier.from, 20), expensesPence: 0});
  await logEntry(bo, {activity: 'Coffee and a chat', date: day(period.from, 30), expensesPence: 500});
  const consultation = exampleConsultationInput({slug: 'evidence-visits', closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString()});
  await provide('/consultations', consultation);
  await provide(`/consultations/${consultation.slug}/open`, {}, 200);
  const answer = await fetch(`${collector!.endpoint}/consultations/${consultation.slug}/responses`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(exampleConsultationResponse({id: crypto.randomUUID(), consultation: consultation.slug, createdAt: new Date().toISOString()})),
  });
  if (answer.status !== 201) throw new Error(`the answer was refused: ${answer.status}`);
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());
afterEach(() => emulateMedia({media: 'screen'}));

async function showEvidence(el: CareFeedbackInbox) {
  $$<HTMLButtonElement>(el, '.nav-button')
    .find((b) => b.textContent!.includes('Evidence of learning'))!
    .click();
  await waitUntil(() => $(el, '.view.evidence [data-table="timeliness"]'), 'the evidence page did not load');
}

describe('<care-feedback-inbox> evidence of learning and improvement', () => {
  it('has no axe violations loaded, with a wrong period, and printed', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showEvidence(el);
    await expectAccessible(el, 'evidence page');
    $<HTMLInputElement>(el, '#evidence-period-from')!.value = '';
    $<HTMLButtonElement>(el, '.view.evidence .period-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#evidence-period-errors'), 'no error summary');
    await expectAccessible(el, 'evidence page with a wrong period');
    await emulateMedia({media: 'print'});
    await expectAccessible(el, 'evidence page printed');
  });

  it("shows this period against the one before with the seeded records' numbers, each chart beside its table", async () => {
    const el = await mount(collector!.endpoint);
    const calls: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.startsWith(collector!.endpoint)) calls.push(new URL(entry.name).pathname);
    });
    observer.observe({type: 'resource'});
    await signIn(el, collector!.token);
    calls.length = 0;
    await showEvidence(el);
    await waitUntil(() => calls.length >= 3, 'the calls were not seen');
    observer.disconnect();
    // Two reports (this period, the one before) and the "You said, we did" list.
    expect([...calls].sort()).to.deep.equal(['/v1/reports', '/v1/reports', '/v1/you-said-we-did']);

    const scope = '.view.evidence';
    expect(tableRows(el, scope, 'timeliness')['Complaints received']).to.deep.equal(['2', '3']);
    const outcomes = tableRows(el, scope, 'outcomes');
    expect(outcomes).to.deep.equal({
      Upheld: ['1', '1'],
      'Partly upheld': ['0', '1'],
      'Not upheld': ['1', '0'],
      'Not decided yet': ['0', '1'],
      'Referred to the Ombudsman': ['1', '0'],
    });
    // The chart draws the table's numbers, this period then the one before.
    const drawn = Object.fromEntries(
      $$(el, `${scope} svg[aria-labelledby^="evidence-outcomes-chart"] g.group`).map((group) => [
        group.getAttribute('data-label'),
        [...group.querySelectorAll('rect[data-value]')].map((bar) => bar.getAttribute('data-value')),
      ]),
    );
    expect(drawn).to.deep.equal(outcomes);
    expect(text(el, '#evidence-outcomes-chart-title')).to.equal('How complaints were decided, this period and the one before');

    // The collector agrees, period by period.
    const now = await providerGet<Report>(collector!, `/reports?from=${period.from}&to=${period.to}`);
    const then = await providerGet<Report>(collector!, `/reports?from=${earlier.from}&to=${earlier.to}`);
    expect([now.complaints.received, then.complaints.received]).to.deep.equal([2, 3]);
    expect(now.complaints.ombudsmanReferrals).to.equal(1);

    // The FFT table has the months of the chart, and the month with the two ratings shows 50% and 50%.
    const fftRows = tableRows(el, scope, 'fft');
    const chartMonths = $$(el, `${scope} svg g.month`).length;
    expect(Object.keys(fftRows)).to.have.length(chartMonths);
    expect(Object.values(fftRows)).to.deep.include(['50%', '50%', '2']);

    expect(text(el, `${scope} .no-themes`)).to.equal('No themes recorded yet.');
    expect(text(el, `${scope} .no-actions`)).to.equal('No improvement actions recorded yet.');
    const published = text(el, `${scope} .published-list`);
    expect(published).to.contain('You said: Visits were rushed');
    expect(published).to.contain('We did: We changed Visits were rushed.');
    expect(published).not.to.contain('Not published yet');
    // Equality of experience comes from the collector's own GET /v1/equality: nobody answered "About you" here.
    await waitUntil(() => $(el, `${scope} .equality-none`), 'the equality figures did not load');
    expect(text(el, `${scope} .equality-none`)).to.equal(
      'No group of people has 10 or more "About you" answers in this period, so there is nothing to show yet.',
    );

    // People taking part and consultations, from the collector's counts, with the ways drawn as the table says.
    expect(tableRows(el, scope, 'involvement')).to.deep.equal({
      'People who signed up': ['2', '0'],
      'People who left': ['0', '0'],
      'People who took part in something': ['2', '1'],
      'Times people took part': ['2', '1'],
      'Times expenses were paid': ['2', '0'],
      'Expenses paid in total': ['£17.50', '£0.00'],
    });
    const ways = tableRows(el, scope, 'involvement-ways');
    expect(ways).to.deep.equal({
      'Short surveys': ['0', '1'],
      "People's panel": ['0', '0'],
      'Reading letters and leaflets': ['0', '0'],
      'Interview panels': ['1', '0'],
      'Helping to train staff': ['0', '0'],
      Meetings: ['0', '0'],
      'Something else': ['1', '0'],
    });
    const waysDrawn = Object.fromEntries(
      $$(el, `${scope} svg[aria-labelledby^="evidence-ways-chart"] g.group`).map((group) => [
        group.getAttribute('data-label'),
        [...group.querySelectorAll('rect[data-value]')].map((bar) => bar.getAttribute('data-value')),
      ]),
    );
    expect(waysDrawn).to.deep.equal(ways);
    expect(tableRows(el, scope, 'consultations')).to.deep.equal({
      'Consultations opened': ['1', '0'],
      'Consultations closed': ['0', '0'],
      'Consultations decided ("We asked, you said, we did")': ['0', '0'],
      'Answers people gave': ['1', '0'],
    });
    expect(now.involvement.signedUp).to.equal(2);
    expect(now.consultations.answers).to.equal(1);

    // Nothing about any one person: no names, contact details or what they wrote.
    const page = text(el, scope);
    for (const words of PRIVATE) expect(page, words).not.to.contain(words);
  });

  it('is used by keyboard alone, and downloads a table as CSV', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showEvidence(el);
    expect(focused(el)?.id).to.equal('view-heading');
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.id).to.equal('evidence-period-from');
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.id).to.equal('evidence-period-to');
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.textContent?.trim()).to.equal('Show this period');
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.classList.contains('print-button')).to.equal(true);
    // Each table's box can be reached to scroll it, then its CSV button.
    await sendKeys({press: 'Tab'});
    expect(focused(el)?.getAttribute('role')).to.equal('region');
    await sendKeys({press: 'Tab'});
    const button = focused(el) as HTMLButtonElement;
    expect(button.classList.contains('csv-button')).to.equal(true);
    const file = await downloadedCsv(button);
    expect(file.name).to.match(/^evidence-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}-fft\.csv$/);
    expect(file.text.split('\r\n')[0]).to.equal('"Month","Good or very good","Poor or very poor","Answers"');
  });

  it('prints the charts and tables without the controls', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showEvidence(el);
    await emulateMedia({media: 'print'});
    const shown = (selector: string) => $$(el, selector).map((node) => node.checkVisibility());
    for (const selector of ['.bar', '.period-form', '.csv-button', '.print-button']) {
      expect(shown(selector).length, selector).to.be.above(0);
      expect(shown(selector).every((visible) => !visible), selector).to.equal(true);
    }
    expect(shown('.view.evidence table').length).to.equal(6);
    expect(shown('.view.evidence table').every(Boolean)).to.equal(true);
    expect(shown('.view.evidence svg[role="img"]').every(Boolean)).to.equal(true);
  });
});
