// The annual complaints report in <care-feedback-inbox>, in real Chromium against a real collector with
// complaints recorded on known days: its numbers are the seeded records', it is used by keyboard alone,
// axe finds nothing in any state, it prints without controls, and each table downloads as CSV.
import {expect} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import type {Report} from '@care-feedback/core/provider';
import {$, $$, focused, mount, providerGet, signIn, startCollector, stopCollector, text, type RunningCollector} from './inbox-test-helpers.js';
import {decide, downloadedCsv, recordPast, tableRows} from './inbox-report-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

// Today is after 1 April 2026 in every run from now on, so the report opens on 1 April 2025 to 31 March 2026
// (inbox-report-period.node.test.ts checks the rule for any day).
const YEAR = {from: '2025-04-01', to: '2026-03-31'};
let collector: RunningCollector | undefined;

before(async function () {
  // Seeding several records over HTTP on a busy machine can outlast the default 20 s.
  this.timeout(120_000);
  collector = await startCollector();
  const c = collector;
  const complaint = (at: string, message: string) => recordPast(c, at, {kind: 'complaint', message});
  // In the year: four complaints, decided upheld, partly upheld, not upheld and not yet; one went to the Ombudsman.
  await decide(c, await complaint('2025-05-12T10:00:00Z', 'Carers were late all week.'), ['upheld'], '2025-09-01');
  await decide(c, await complaint('2025-08-20T10:00:00Z', 'The bill was wrong.'), ['upheld', 'not-upheld']);
  await decide(c, await complaint('2026-01-15T10:00:00Z', 'Nobody rang back.'), ['not-upheld']);
  await complaint('2026-03-02T10:00:00Z', 'Lunch came cold.');
  await recordPast(c, '2025-06-01T10:00:00Z', {kind: 'compliment', message: 'Lovely staff.'});
  // Outside the year on each side: not counted.
  await decide(c, await complaint('2025-03-30T10:00:00Z', 'Before the year.'), ['upheld'], '2025-05-01');
  await decide(c, await complaint('2026-04-02T10:00:00Z', 'After the year.'), ['upheld']);
});
after(() => stopCollector(collector));
beforeEach(() => sessionStorage.clear());
afterEach(() => emulateMedia({media: 'screen'}));

/** Selects everything in the focused box, as Ctrl+A does. */
async function selectAll() {
  await sendKeys({down: 'Control'});
  await sendKeys({press: 'a'});
  await sendKeys({up: 'Control'});
}

async function showAnnualReport(el: CareFeedbackInbox) {
  $$<HTMLButtonElement>(el, '.nav-button')
    .find((b) => b.textContent!.includes('Annual complaints report'))!
    .click();
  await waitUntil(() => $(el, '.view.annual-report [data-table="complaints"]'), 'the annual report did not load');
}

describe('<care-feedback-inbox> annual complaints report', () => {
  it('has no axe violations loaded, with a wrong period, and printed', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showAnnualReport(el);
    await expectAccessible(el, 'annual report');
    $<HTMLInputElement>(el, '#annual-period-to')!.value = '2026-02-30';
    $<HTMLButtonElement>(el, '.view.annual-report .period-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#annual-period-errors'), 'no error summary');
    await expectAccessible(el, 'annual report with a wrong period');
    await emulateMedia({media: 'print'});
    await expectAccessible(el, 'annual report printed');
  });

  it('shows, for 1 April to 31 March, exactly the complaints recorded in that year, as the collector counts them', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showAnnualReport(el);
    expect($<HTMLInputElement>(el, '#annual-period-from')!.value).to.equal(YEAR.from);
    expect($<HTMLInputElement>(el, '#annual-period-to')!.value).to.equal(YEAR.to);
    expect(text(el, '.view.annual-report .period-shown')).to.equal('From 1 April 2025 to 31 March 2026');

    const complaints = tableRows(el, '.view.annual-report', 'complaints');
    expect(complaints['Complaints received']).to.deep.equal(['4']);
    expect(complaints['Upheld in full or in part']).to.deep.equal(['2']);
    expect(complaints['Referred to the Ombudsman']).to.deep.equal(['1']);
    expect(complaints['Middle number of working days to a response']).to.deep.equal(['None yet']);
    expect(tableRows(el, '.view.annual-report', 'outcomes')).to.deep.equal({
      Upheld: ['1'],
      'Partly upheld': ['1'],
      'Not upheld': ['1'],
      'Not decided yet': ['1'],
    });

    // The same numbers the collector gives for that year.
    const report = await providerGet<Report>(collector!, `/reports?from=${YEAR.from}&to=${YEAR.to}`);
    expect(report.complaints.received).to.equal(4);
    expect(report.complaints.outcomes).to.deep.equal({upheld: 1, partlyUpheld: 1, notUpheld: 1, undecided: 1});
    expect(report.complaints.ombudsmanReferrals).to.equal(1);
    const {onTime, late} = report.complaints.acknowledgement;
    expect(complaints['Acknowledged within 3 working days']![0]).to.match(new RegExp(`^${onTime} of ${onTime + late} \\(`));

    // No themes are in the reports answer yet: the section says so plainly.
    expect(text(el, '.view.annual-report .no-themes')).to.equal('No themes recorded yet.');
  });

  it('is used by keyboard alone: a wrong period is named, a right one reloads, and the manager writes', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showAnnualReport(el);
    expect(focused(el)?.id).to.equal('view-heading');

    await sendKeys({press: 'Tab'});
    expect(focused(el)?.id).to.equal('annual-period-from');
    await selectAll();
    await sendKeys({type: '1 April'});
    await sendKeys({press: 'Enter'});
    await waitUntil(() => focused(el)?.id === 'annual-period-errors', 'the error summary did not take focus');
    expect(text(el, '#annual-period-errors')).to.contain('Enter the first day as a real date, like 2026-04-01');
    expect($(el, '#annual-period-from')!.getAttribute('aria-invalid')).to.equal('true');

    // The summary's link goes to the field; the year before is 2024-04-01 to 2025-03-31, with one complaint.
    await sendKeys({press: 'Tab'});
    await sendKeys({press: 'Enter'});
    expect(focused(el)?.id).to.equal('annual-period-from');
    await selectAll();
    await sendKeys({type: '2024-04-01'});
    await sendKeys({press: 'Tab'});
    await selectAll();
    await sendKeys({type: '2025-03-31'});
    await sendKeys({press: 'Enter'});
    await waitUntil(
      () => text(el, '.view.annual-report .period-shown') === 'From 1 April 2024 to 31 March 2025',
      'the year before did not load',
    );
    expect(tableRows(el, '.view.annual-report', 'complaints')['Complaints received']).to.deep.equal(['1']);
    expect(tableRows(el, '.view.annual-report', 'complaints')['Referred to the Ombudsman']).to.deep.equal(['1']);

    // The manager's words, typed into the box, are what paper shows.
    $<HTMLTextAreaElement>(el, '#annual-matters')!.focus();
    await sendKeys({type: 'Late visits on Sundays came up again and again.'});
    await el.updateComplete;
    expect(text(el, '[data-written="matters"]')).to.equal('Late visits on Sundays came up again and again.');
    expect(text(el, '[data-written="improvements"]')).to.equal('Nothing written yet.');
  });

  it('prints the report and its tables without the controls', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showAnnualReport(el);
    $<HTMLTextAreaElement>(el, '#annual-improvements')!.value = 'We moved the Sunday rota.';
    $<HTMLTextAreaElement>(el, '#annual-improvements')!.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const shown = (selector: string) => $$(el, selector).map((node) => node.checkVisibility());
    expect(shown('.print-only').every((visible) => !visible)).to.equal(true);
    expect(shown('.csv-button').every(Boolean)).to.equal(true);

    await emulateMedia({media: 'print'});
    for (const selector of ['.bar', '.period-form', '.csv-button', '.print-button', '#annual-matters', '#annual-improvements']) {
      expect(shown(selector).length, selector).to.be.above(0);
      expect(shown(selector).every((visible) => !visible), selector).to.equal(true);
    }
    expect(shown('.view.annual-report table').length).to.equal(2);
    expect(shown('.view.annual-report table').every(Boolean)).to.equal(true);
    expect($(el, '[data-written="improvements"]')!.checkVisibility()).to.equal(true);
    expect(text(el, '[data-written="improvements"]')).to.equal('We moved the Sunday rota.');
  });

  it('downloads each table as CSV with the numbers shown', async () => {
    const el = await mount(collector!.endpoint);
    await signIn(el, collector!.token);
    await showAnnualReport(el);
    const button = $<HTMLButtonElement>(el, '[data-table="outcomes"] .csv-button')!;
    expect(button.textContent!.trim()).to.equal('Download "How complaints were decided" as a spreadsheet (CSV)');
    const file = await downloadedCsv(button);
    expect(file.name).to.equal('annual-complaints-2025-04-01-to-2026-03-31-outcomes.csv');
    expect(file.text).to.equal(
      '"Decision","Number"\r\n"Upheld","1"\r\n"Partly upheld","1"\r\n"Not upheld","1"\r\n"Not decided yet","1"\r\n',
    );
  });
});
