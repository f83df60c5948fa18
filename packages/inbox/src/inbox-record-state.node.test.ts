// The "Record feedback" form's checks and what it sends, in Node without a browser.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {validateSubmission} from '@care-feedback/core/schema';
import {recordBody, recordProblems, today, type RecordFields} from './inbox-record-state.js';

/** The string keys stand in for the words, so a test names the check that spoke. */
const t = (key: string) => key;

const filled = (change: Partial<RecordFields> = {}): RecordFields => ({
  kind: 'complaint',
  channel: 'phone',
  day: '2026-01-05',
  time: '',
  message: 'My mother was not helped to eat.',
  service: '',
  relationship: '',
  name: '',
  email: '',
  phone: '',
  by: 'Sam at the front desk',
  ...change,
});

describe('the record form state', () => {
  it('finds nothing wrong with a form filled in', () => {
    assert.deepEqual(recordProblems(filled(), t), []);
  });

  it('names every field left empty, in the order of the form', () => {
    const problems = recordProblems(
      filled({kind: '', channel: '', day: '', message: '  ', by: ' '}),
      t,
    );
    assert.deepEqual(problems, [
      {field: 'record-kind', message: 'recordKindMissing'},
      {field: 'record-channel', message: 'recordChannelMissing'},
      {field: 'record-day', message: 'recordDayMissing'},
      {field: 'record-message', message: 'recordMessageMissing'},
      {field: 'record-by', message: 'recordByMissing'},
    ]);
  });

  it('refuses a day that is not a date, and a day still to come', () => {
    assert.deepEqual(recordProblems(filled({day: '5/1/2026'}), t), [
      {field: 'record-day', message: 'recordDayMissing'},
    ]);
    assert.deepEqual(recordProblems(filled({day: '2999-01-01'}), t), [
      {field: 'record-day', message: 'recordDayFuture'},
    ]);
    assert.deepEqual(recordProblems(filled({day: today()}), t), [], 'today is allowed');
  });

  it('sends a submission the shared schema accepts, with who recorded it, how it came and on what day', () => {
    const body = recordBody(filled({service: ' Rose House ', time: '09:30'}));
    const checked = validateSubmission(body);
    assert.equal(checked.ok, true, JSON.stringify(checked));
    assert.equal(body.kind, 'complaint');
    assert.equal(body.service, 'Rose House');
    assert.deepEqual(body.consent, {store: true, contact: false});
    assert.equal(body.contact, undefined, 'no contact details were written down');
    assert.equal(body.recorded.channel, 'phone');
    assert.equal(body.recorded.by, 'Sam at the front desk');
    assert.equal(body.recorded.receivedAt, new Date('2026-01-05T09:30').toISOString());
  });

  it('takes noon, local time, for a day with no time', () => {
    assert.equal(recordBody(filled()).recorded.receivedAt, new Date('2026-01-05T12:00').toISOString());
  });

  it('keeps the contact details given, and contacts by e-mail when there is one', () => {
    const body = recordBody(filled({name: ' Ada ', email: 'ada@example.org', phone: '01632 960000'}));
    assert.deepEqual(body.contact, {name: 'Ada', email: 'ada@example.org', phone: '01632 960000', preferredMethod: 'email'});
    assert.deepEqual(body.consent, {store: true, contact: true});
    assert.equal(recordBody(filled({phone: '01632 960000'})).contact?.preferredMethod, 'phone');
  });
});
