// The inbox over time: overdue complaints flagged, and reports whose numbers are the collector's own.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {expectAccessible, waitUntil} from '@care-feedback/elements/test-support';
import {
  $,
  $$,
  mount,
  providerGet,
  signIn,
  submit,
  text,
  type RunningCollector,
} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

interface Stats {
  total: number;
  byKind: Record<string, number>;
  byMonth: Record<string, number>;
  fft: {answers: number; positivePercent: number | null; negativePercent: number | null};
}

// A collector whose clock the test moves on: complaints left 40 days ago are past their acknowledgement day.
let collector: RunningCollector;
let late = '';
let recent = '';
/** The collector's day after its clock moved on: the reports' period must reach it. */
let collectorToday = '';

before(async () => {
  collector = (await executeServerCommand('inbox-clock-start', {})) as RunningCollector;
  const send = (overrides: Parameters<typeof submit>[1]) => submit(collector.endpoint, overrides);
  late = await send({kind: 'complaint', rating: 'poor', message: 'Nobody came on Sunday.'});
  await send({
    kind: 'compliment',
    rating: 'very-good',
    message: 'Lovely staff.',
    contact: undefined,
  });
  await send({
    kind: 'comment',
    rating: 'good',
    message: 'The new menu is fine.',
    contact: undefined,
    service: 'day-centre',
  });
  await send({kind: 'comment', rating: 'dont-know', message: 'Not sure yet.', contact: undefined});
  collectorToday = (
    (await executeServerCommand('inbox-clock-advance', {id: collector.id, days: 40})) as string
  ).slice(0, 10);
  recent = await send({
    kind: 'complaint',
    rating: 'very-poor',
    message: 'Medication was late again.',
  });
  await send({
    kind: 'suggestion',
    rating: 'neither',
    message: 'Could visits be earlier?',
    contact: undefined,
  });
  await send({
    kind: 'compliment',
    rating: 'good',
    message: 'Thank you for Tuesday.',
    contact: undefined,
    service: 'day-centre',
  });
});

after(() => executeServerCommand('inbox-clock-stop', {id: collector.id}));
beforeEach(() => sessionStorage.clear());

const longDate = (day: string) =>
  new Intl.DateTimeFormat('en-GB', {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'}).format(new Date(day));

/** Opens Reports and asks, as a person would in its period form, for the year up to the collector's day. */
async function showReports(el: CareFeedbackInbox) {
  $$<HTMLButtonElement>(el, '.nav-button')
    .find((b) => b.textContent!.trim() === 'Reports')!
    .click();
  await waitUntil(() => $(el, '#reports-period-to'), 'the period form did not show');
  $<HTMLInputElement>(el, '#reports-period-from')!.value = `${Number(collectorToday.slice(0, 4)) - 1}${collectorToday.slice(4)}`;
  $<HTMLInputElement>(el, '#reports-period-to')!.value = collectorToday;
  $<HTMLButtonElement>(el, '.period-form button[type=submit]')!.click();
  await waitUntil(
    () => $(el, 'table.fft-table') && text(el, '.period-shown').endsWith(`to ${longDate(collectorToday)}`),
    'reports did not load',
  );
}

/** Term → value from rows of a definition list or a two-column table. */
function pairs(el: CareFeedbackInbox, rows: string, within?: string): Record<string, string> {
  const scope = within ? $(el, within)! : el.shadowRoot!;
  return Object.fromEntries(
    Array.from(scope.querySelectorAll(rows), (row) => [
      row.querySelector('dt, th')!.textContent!.trim(),
      row.querySelector('dd, td')!.textContent!.trim(),
    ]),
  );
}

const shown = (value: number | null) =>
  value === null ? '–' : `${Number.isInteger(value) ? value : value.toFixed(1)}%`;

describe('<care-feedback-inbox> reports and overdue accessibility', () => {
  it('has no axe violations with an overdue complaint listed and with the chart shown', async () => {
    const el = await mount(collector.endpoint);
    await signIn(el, collector.token);
    await expectAccessible(el, 'list with an overdue complaint');
    await showReports(el);
    await expectAccessible(el, 'reports with a chart');
    $<HTMLInputElement>(el, '#reports-period-to')!.value = '2026-13-01';
    $<HTMLButtonElement>(el, '.period-form button[type=submit]')!.click();
    await waitUntil(() => $(el, '#reports-period-errors'), 'no error summary');
    expect(text(el, '#reports-period-errors')).to.contain('Enter the last day as a real date');
    await expectAccessible(el, 'reports with a wrong period');
  });
});

describe('<care-feedback-inbox> overdue complaints', () => {
  it('flags a complaint past its acknowledgement day with a word and an icon, not colour alone', async () => {
    const el = await mount(collector.endpoint);
    await signIn(el, collector.token);
    const rowFor = (reference: string) =>
      $$(el, '.row').find((row) => row.textContent!.includes(reference))!;
    const lateRow = rowFor(late);
    const flag = lateRow.querySelector('.overdue-flag')!;
    expect(flag.textContent!.trim()).to.equal('Overdue');
    expect(flag.querySelector('svg[aria-hidden="true"]')).to.not.equal(null);
    expect(lateRow.textContent).to.contain('Acknowledge by');
    expect(rowFor(recent).textContent).to.contain('Acknowledge by');
    expect(rowFor(recent).querySelector('.overdue-flag')).to.equal(null);

    // Newest first.
    expect(text(el, '.row .preview')).to.equal('Thank you for Tuesday.');
    const order = $$(el, '.row-title').map((title) => title.textContent!.trim());
    expect(order.findIndex((t) => t.includes(recent))).to.be.below(
      order.findIndex((t) => t.includes(late)),
    );

    // The collector agrees: exactly this one is overdue.
    const overdue = await providerGet<{items: Array<{reference: string}>}>(
      collector,
      '/submissions?overdue=true',
    );
    expect(overdue.items.map((item) => item.reference)).to.deep.equal([late]);

    await showReports(el);
    expect(pairs(el, '.big-numbers > div')).to.deep.equal({
      'Open complaints': '2',
      'Waiting past the acknowledgement date': '1',
    });
  });
});

describe('<care-feedback-inbox> reports', () => {
  it("charts the Friends and Family Test by month with exactly the collector's numbers, from one reports call", async () => {
    const el = await mount(collector.endpoint);
    await signIn(el, collector.token);
    const calls: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.startsWith(collector.endpoint)) calls.push(new URL(entry.name).pathname);
    });
    observer.observe({type: 'resource', buffered: false});
    await showReports(el);
    await waitUntil(() => calls.length >= 2, 'the calls were not seen');
    observer.disconnect();
    // One call for each report shown (on opening, then for the period asked): no stats per month, no list of 500.
    expect(calls).to.deep.equal(['/v1/reports', '/v1/reports']);

    const overall = await providerGet<Stats>(collector, '/stats');
    const months = Object.keys(overall.byMonth).sort();
    expect(months).to.have.length(2);

    const chartMonths = $$(el, 'svg g.month').map((g) => g.getAttribute('data-month'));
    expect(chartMonths).to.deep.equal(months);
    const tableMonths = $$(el, 'table.fft-table tbody tr').map((tr) =>
      tr.getAttribute('data-month'),
    );
    expect(tableMonths).to.deep.equal(months);

    for (const month of months) {
      const [year, m] = month.split('-').map(Number) as [number, number];
      const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
      const stats = await providerGet<Stats>(
        collector,
        `/stats?from=${month}-01&to=${month}-${last}`,
      );
      expect(stats.fft.answers).to.equal(3, `${month} has three answers that are not "don't know"`);
      const group = $(el, `svg g.month[data-month="${month}"]`)!;
      const values = [...group.querySelectorAll('text.value')].map((t) => t.textContent!.trim());
      expect(values).to.deep.equal([
        shown(stats.fft.positivePercent),
        shown(stats.fft.negativePercent),
      ]);
      // Bar lengths are the same numbers: each bar's track is 100%.
      const width = (selector: string) =>
        Number(group.querySelector(selector)!.getAttribute('width'));
      const track = width('rect.track');
      expect((100 * width('rect.positive')) / track).to.be.closeTo(
        stats.fft.positivePercent ?? 0,
        0.01,
      );
      expect((100 * width('rect.negative')) / track).to.be.closeTo(
        stats.fft.negativePercent ?? 0,
        0.01,
      );
      const cells = [
        ...$(el, `table.fft-table tr[data-month="${month}"]`)!.querySelectorAll('td'),
      ].map((td) => td.textContent!.trim());
      expect(cells).to.deep.equal([
        shown(stats.fft.positivePercent),
        shown(stats.fft.negativePercent),
        String(stats.fft.answers),
      ]);
    }

    // The chart is one image with a name and a description; the table is its text alternative.
    const chart = $(el, 'svg[role="img"]')!;
    expect(chart.getAttribute('aria-labelledby')).to.equal('fft-chart-title fft-chart-desc');
    expect(text(el, '#fft-chart-title')).to.equal('Friends and Family Test results by month');

    // Counts by kind are the collector's.
    expect(pairs(el, 'tbody tr', 'section[aria-labelledby="by-kind-heading"]')).to.deep.equal({
      Compliment: String(overall.byKind.compliment),
      Complaint: String(overall.byKind.complaint),
      Comment: String(overall.byKind.comment),
      Suggestion: String(overall.byKind.suggestion),
      Concern: String(overall.byKind.concern),
    });
    // Counts by service cover every submission.
    expect(pairs(el, 'tbody tr', 'section[aria-labelledby="by-service-heading"]')).to.deep.equal({
      'home-care-north': '5',
      'day-centre': '2',
    });
  });
});
