// The annual complaints report's and the evidence page's decisions, in Node: which numbers go in which
// table, themes and actions shown only when the reports answer has them, and how themes changed.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Report} from '@care-feedback/core/provider';
import {inboxStrings, type InboxStrings} from './inbox-strings.js';
import {AnnualReportState, actionsTable, complaintsTable, outcomesTable, themesTable} from './inbox-annual-report-state.js';
import {changeText, publishedIn, themeChanges, timelinessTable} from './inbox-evidence-state.js';

/** The English words with {placeholders} filled, as the element's translate does. */
const t = (key: keyof InboxStrings & string, values: Record<string, string | number> = {}) =>
  inboxStrings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

const statuses = {received: 0, acknowledged: 0, investigating: 0, resolved: 0, closed: 0};
const fft = {answers: 0, veryGood: 0, good: 0, neither: 0, poor: 0, veryPoor: 0, dontKnow: 0, positivePercent: null, negativePercent: null};

/** A report as the collector answers, with these complaint figures and any extra (future) fields. */
function report(extra: Record<string, unknown> = {}): Report {
  return {
    period: {from: '2025-04-01', to: '2026-03-31'},
    total: 9,
    quarantined: 0,
    fft: {overall: fft, byMonth: [], byService: []},
    volumes: {
      byKind: {compliment: 2, complaint: 7, comment: 0, suggestion: 0, concern: 0},
      byChannel: {web: 9, phone: 0, letter: 0, email: 0, 'in-person': 0, meeting: 0, other: 0},
      byService: {'': 9},
      byMonth: {},
      ...((extra.volumes as object) ?? {}),
    },
    byStatus: statuses,
    complaints: {
      received: 7,
      byStatus: statuses,
      acknowledgement: {onTime: 5, late: 2, overdue: 1, waiting: 0, onTimePercent: 71.4},
      response: {responded: 4, fromStatusDate: 0, medianWorkingDays: 12.5},
      outcomes: {upheld: 2, partlyUpheld: 1, notUpheld: 3, undecided: 1},
      ombudsmanReferrals: 1,
      ...((extra.complaints as object) ?? {}),
    },
    themes: [],
    actions: {opened: 0, completed: 0},
    involvement: {signedUp: 0, left: 0, active: 0, tookPart: {total: 0, byWay: {surveys: 0, panel: 0, reading: 0, interviews: 0, training: 0, meetings: 0, other: 0}}, expenses: {paid: 0, totalPence: 0}},
    consultations: {opened: 0, closed: 0, decided: 0, answers: 0},
    ...Object.fromEntries(Object.entries(extra).filter(([key]) => key !== 'volumes' && key !== 'complaints')),
  } as Report;
}

describe('the annual complaints report', () => {
  it('opens on the last whole 1 April to 31 March year, and keeps what the manager writes', () => {
    const host = {t, announce: () => {}, explain: () => ''};
    const state = new AnnualReportState(host, '2026-12-04');
    assert.deepEqual(state.period, {from: '2025-04-01', to: '2026-03-31'});
    let changes = 0;
    state.subscribe(() => changes++);
    state.write('matters', 'Late visits on Sundays.');
    assert.equal(state.matters, 'Late visits on Sundays.');
    assert.equal(changes, 1);
    state.clear();
    assert.equal(state.matters, '');
  });

  it('counts complaints received, upheld (in full or in part) and referred to the Ombudsman', () => {
    assert.deepEqual(complaintsTable(report(), t).rows, [
      ['Complaints received', 7],
      ['Upheld in full or in part', 3],
      ['Referred to the Ombudsman', 1],
      ['Acknowledged within 3 working days', '5 of 7 (71.4%)'],
      ['Middle number of working days to a response', '12.5'],
    ]);
    assert.deepEqual(outcomesTable(report(), t).rows, [
      ['Upheld', 2],
      ['Partly upheld', 1],
      ['Not upheld', 3],
      ['Not decided yet', 1],
    ]);
  });

  it('has no themes or actions table while none were recorded in the period', () => {
    assert.equal(themesTable(report(), t), undefined);
    assert.equal(themesTable(report({themes: [{themeId: 'food', name: 'Food and drink', count: 0}]}), t), undefined);
    assert.equal(actionsTable(report(), t), undefined);
  });

  it('lists the themes that came up, largest first, by the name the provider gave them', () => {
    const themes = [
      {themeId: 'medicines', name: 'Medicines', count: 1},
      {themeId: 'missed-visits', name: 'Missed or late visits', count: 4},
      {themeId: 'food', name: 'Food and drink', count: 0},
    ];
    const table = themesTable(report({themes}), t)!;
    assert.equal(table.caption, 'What feedback was about (themes of all feedback)');
    assert.deepEqual(table.rows, [['Missed or late visits', 4], ['Medicines', 1]]);
  });

  it('counts actions opened and completed when the answer has them', () => {
    assert.deepEqual(actionsTable(report({actions: {opened: 4, completed: 2}}), t)!.rows, [
      ['Actions started', 4],
      ['Actions completed', 2],
    ]);
  });
});

describe('the evidence page', () => {
  it('compares the top themes with the period before, counting a new theme from 0', () => {
    const volume = (themeId: string, count: number) => ({themeId, name: themeId, count});
    const now = report({themes: [volume('missed-visits', 5), volume('food', 2), volume('medicines', 2), volume('activities', 0)]});
    const before = report({themes: [volume('missed-visits', 8), volume('food', 2)]});
    assert.deepEqual(themeChanges(now, before), [
      {name: 'missed-visits', now: 5, before: 8, change: -3},
      {name: 'food', now: 2, before: 2, change: 0},
      {name: 'medicines', now: 2, before: 0, change: 2},
    ]);
    assert.deepEqual(themeChanges(now, before, 1)!.map((theme) => theme.name), ['missed-visits']);
    // The reports answer's own shape once themes land: `themes: [{themeId, name, count}]`, most first.
    const named = (counts: Array<[string, string, number]>) => report({themes: counts.map(([themeId, name, count]) => ({themeId, name, count}))});
    assert.deepEqual(
      themeChanges(named([['t1', 'Missed or late visits', 4], ['t2', 'Food and drink', 1]]), named([['t2', 'Food and drink', 3]])),
      [
        {name: 'Missed or late visits', now: 4, before: 0, change: 4},
        {name: 'Food and drink', now: 1, before: 3, change: -2},
      ],
    );
    assert.equal(themeChanges(report(), before), undefined);
    assert.deepEqual([changeText(-3, t), changeText(0, t), changeText(2, t)], ['−3', 'No change', '+2']);
  });

  it('puts timeliness side by side with the period before', () => {
    const before = report({complaints: {received: 3, acknowledgement: {onTime: 3, late: 0, overdue: 0, waiting: 0, onTimePercent: 100}, response: {responded: 0, fromStatusDate: 0, medianWorkingDays: null}}});
    assert.deepEqual(timelinessTable(report(), before, t).rows, [
      ['Complaints received', 7, 3],
      ['Share acknowledged within 3 working days', '71.4%', '100%'],
      ['Middle number of working days to a response', '12.5', '–'],
    ]);
  });

  it('shows "You said, we did" items published in the period only, without their quotes', () => {
    const item = (publishedAt: string | null, youSaid: string) => ({
      id: youSaid, submissionReference: null, youSaid, weDid: 'Changed it.', quote: 'Personal words.',
      published: publishedAt !== null, publishedAt, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
    });
    const period = {from: '2025-04-01', to: '2026-03-31'};
    const shown = publishedIn([item('2026-03-31T20:00:00Z', 'late'), item('2025-03-31T10:00:00Z', 'before'), item(null, 'draft'), item('2025-05-01T10:00:00Z', 'early'), item('2026-03-31T23:30:00Z', 'on 1 April in England')], period);
    assert.deepEqual(shown, [
      {youSaid: 'early', weDid: 'Changed it.', publishedAt: '2025-05-01T10:00:00Z'},
      {youSaid: 'late', weDid: 'Changed it.', publishedAt: '2026-03-31T20:00:00Z'},
    ]);
  });
});
