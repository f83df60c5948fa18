// Bank holidays in the GOV.UK format, chosen by nation, and the loud warning when a year is missing:
// through the functions, and through `serve` as an operator starts it.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {BankHolidaysError, missingYears, missingYearsWarning, parseBankHolidays} from '../src/bank-holidays.js';
import {startServe} from './serve-process.js';

/** A file shaped like https://www.gov.uk/bank-holidays.json, trimmed to a few days. */
const GOV_UK = JSON.stringify({
  'england-and-wales': {division: 'england-and-wales', events: [{title: 'Christmas Day', date: '2026-12-25', notes: '', bunting: true}, {title: 'Boxing Day', date: '2026-12-28', notes: 'Substitute day', bunting: true}, {title: "New Year's Day", date: '2027-01-01', notes: '', bunting: true}]},
  scotland: {division: 'scotland', events: [{title: '2nd January', date: '2027-01-04', notes: 'Substitute day', bunting: true}, {title: "St Andrew's Day", date: '2026-11-30', notes: '', bunting: true}]},
  'northern-ireland': {division: 'northern-ireland', events: [{title: "St Patrick's Day", date: '2027-03-17', notes: '', bunting: true}, {title: 'Battle of the Boyne', date: '2026-07-13', notes: 'Substitute day', bunting: false}]},
});

describe('nations and bank holidays', () => {
  it('reads the GOV.UK file, taking the division of the nation', () => {
    assert.deepEqual(parseBankHolidays(GOV_UK, 'england'), ['2026-12-25', '2026-12-28', '2027-01-01']);
    assert.deepEqual(parseBankHolidays(GOV_UK, 'wales'), ['2026-12-25', '2026-12-28', '2027-01-01']);
    assert.deepEqual(parseBankHolidays(GOV_UK, 'scotland'), ['2026-11-30', '2027-01-04']);
    assert.deepEqual(parseBankHolidays(GOV_UK, 'northern-ireland'), ['2026-07-13', '2027-03-17']);
  });

  it('reads a JSON array or a plain list too, and refuses what is not a date, saying which', () => {
    assert.deepEqual(parseBankHolidays('["2027-01-01","2026-12-25"]', 'england'), ['2026-12-25', '2027-01-01']);
    assert.deepEqual(parseBankHolidays('2026-12-25\n2026-12-28, 2026-12-25', 'england'), ['2026-12-25', '2026-12-28']);
    assert.throws(() => parseBankHolidays('2026-12-25,Christmas', 'england'), (error: Error) => error instanceof BankHolidaysError && error.message.includes('"Christmas"'));
    assert.throws(() => parseBankHolidays('{"scotland": {"events": []}}', 'england'), /no "england-and-wales" list/);
    assert.throws(() => parseBankHolidays('{"england-and-wales": ', 'england'), /not valid JSON/);
    assert.throws(() => parseBankHolidays('["2026-02-31x"]', 'england'), /Not a date/);
  });

  it('finds the years, this one or the next, that have no bank holiday at all', () => {
    const days = parseBankHolidays(GOV_UK, 'england');
    assert.deepEqual(missingYears(days, new Date('2026-06-01T00:00:00Z')), []);
    assert.deepEqual(missingYears(days, new Date('2027-06-01T00:00:00Z')), [2028]);
    assert.deepEqual(missingYears(days, new Date('2029-06-01T00:00:00Z')), [2029, 2030]);
    assert.equal(missingYearsWarning(days, new Date('2026-06-01T00:00:00Z'), 'f.json'), undefined);
    assert.match(missingYearsWarning(days, new Date('2027-06-01T00:00:00Z'), 'f.json')!, /^WARNING: .*f\.json.* none for 2028.*--bank-holidays FILE/);
  });

  it('serve refuses a nation it does not know, naming the four it does', async () => {
    const serving = startServe(['--port', '0', '--nation', 'mars']);
    await assert.rejects(serving.url, /--nation takes england, wales, scotland, northern-ireland/);
  });

  it('serve warns loudly on start when the file lacks this year or next, and when the built-in list is another nation’s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-holidays-'));
    const file = join(dir, 'bank-holidays.json');
    const year = new Date().getUTCFullYear();
    // A file downloaded last year: it has no day this year or next.
    writeFileSync(file, JSON.stringify({'england-and-wales': {division: 'england-and-wales', events: [{title: 'Christmas Day', date: `${year - 1}-12-25`}]}}));
    const old = startServe(['--port', '0', '--db', join(dir, 'a.db'), '--bank-holidays', file]);
    try {
      await old.waitForError(new RegExp(`WARNING: the bank holidays \\(${file.replaceAll('.', '\\.')}\\) have none for ${year} or ${year + 1}`));
      assert.equal((await fetch(`${await old.url}/v1/health`)).status, 200, 'it warns, and still serves');
    } finally {
      await old.stop();
    }
    const scottish = startServe(['--port', '0', '--db', join(dir, 'b.db'), '--nation', 'scotland']);
    try {
      await scottish.waitForError(/WARNING: the built-in bank holidays are England and Wales's, not scotland's/);
      assert.equal((await fetch(`${await scottish.url}/v1/health`)).status, 200);
    } finally {
      await scottish.stop();
    }
  });
});
