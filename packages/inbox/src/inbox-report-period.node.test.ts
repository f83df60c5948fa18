// The report periods and the CSV of a report table, in Node: the defaults each view opens with, the period
// before, what is wrong with a typed period, and cells a spreadsheet must never run as formulas.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  lastComplaintsYear,
  lastTwelveMonths,
  periodDays,
  periodProblems,
  previousPeriod,
  todayIn,
} from './inbox-report-period.js';
import {csvFileName, tableCsv} from './inbox-report-table.js';

describe('report periods', () => {
  it('defaults the annual report to the last 1 April to 31 March year that has ended', () => {
    assert.deepEqual(lastComplaintsYear('2026-12-04'), {from: '2025-04-01', to: '2026-03-31'});
    assert.deepEqual(lastComplaintsYear('2026-04-01'), {from: '2025-04-01', to: '2026-03-31'});
    assert.deepEqual(lastComplaintsYear('2026-03-31'), {from: '2024-04-01', to: '2025-03-31'});
    assert.deepEqual(lastComplaintsYear('2027-01-15'), {from: '2025-04-01', to: '2026-03-31'});
  });

  it('defaults the other views to the last 12 months, from the 1st of the month 11 months ago', () => {
    assert.deepEqual(lastTwelveMonths('2026-12-04'), {from: '2026-01-01', to: '2026-12-04'});
    assert.deepEqual(lastTwelveMonths('2027-02-28'), {from: '2026-03-01', to: '2027-02-28'});
  });

  it('takes the period before as the same number of days, ending the day before', () => {
    const year = {from: '2025-04-01', to: '2026-03-31'};
    assert.deepEqual(previousPeriod(year), {from: '2024-04-01', to: '2025-03-31'});
    // Over a 29 February the same number of days starts a day later.
    assert.deepEqual(previousPeriod({from: '2024-04-01', to: '2025-03-31'}), {from: '2023-04-02', to: '2024-03-31'});
    assert.equal(periodDays(previousPeriod(year)), periodDays(year));
    assert.deepEqual(previousPeriod({from: '2026-03-01', to: '2026-03-31'}), {from: '2026-01-29', to: '2026-02-28'});
    assert.deepEqual(previousPeriod({from: '2026-01-01', to: '2026-01-01'}), {from: '2025-12-31', to: '2025-12-31'});
  });

  it("works out today in England's time zone, not the computer's", () => {
    assert.equal(todayIn(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    assert.equal(todayIn(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  });

  it('names each problem with a typed period by its field', () => {
    assert.deepEqual(periodProblems({from: '2025-04-01', to: '2026-03-31'}), []);
    assert.deepEqual(periodProblems({from: '', to: ' '}), [
      {field: 'from', problem: 'missing'},
      {field: 'to', problem: 'missing'},
    ]);
    assert.deepEqual(periodProblems({from: '2026-02-30', to: '31/03/2026'}), [
      {field: 'from', problem: 'not-a-day'},
      {field: 'to', problem: 'not-a-day'},
    ]);
    assert.deepEqual(periodProblems({from: '2026-04-01', to: '2026-03-31'}), [{field: 'to', problem: 'before-start'}]);
    assert.deepEqual(periodProblems({from: '2020-01-01', to: '2026-01-01'}), [{field: 'to', problem: 'too-long'}]);
  });
});

describe('a report table as CSV', () => {
  it('writes the headings then each row, quoted, with CRLF line ends', () => {
    const csv = tableCsv({id: 'outcomes', caption: 'How complaints were decided', columns: ['Decision', 'Number'], rows: [['Upheld', 3], ['Said "no"', 0]]});
    assert.equal(csv, '"Decision","Number"\r\n"Upheld","3"\r\n"Said ""no""","0"\r\n');
  });

  it('neutralises a cell a spreadsheet would run as a formula', () => {
    const csv = tableCsv({
      id: 'themes',
      caption: 'Themes',
      columns: ['Theme', 'Number'],
      rows: [['=HYPERLINK("http://x","y")', 1], ['+1', 2], ['-2', 3], ['@SUM(A1)', 4], ['Food', 5]],
    });
    const firstCells = csv.trim().split('\r\n').slice(1).map((line) => line.slice(0, line.lastIndexOf(',')));
    assert.deepEqual(firstCells, ['"\'=HYPERLINK(""http://x"",""y"")"', '"\'+1"', '"\'-2"', '"\'@SUM(A1)"', '"Food"']);
  });

  it('names the file after the report, the period and the table', () => {
    assert.equal(
      csvFileName('annual-complaints', {id: 'outcomes', caption: '', columns: [], rows: []}, {from: '2025-04-01', to: '2026-03-31'}),
      'annual-complaints-2025-04-01-to-2026-03-31-outcomes.csv',
    );
  });
});
