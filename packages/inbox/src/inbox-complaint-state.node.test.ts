// What the complaint record's form sends, in Node without a browser: points and their outcomes,
// empty boxes, a new extension, the ombudsman.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {complaintChange, type ComplaintRecord} from './inbox-complaint-state.js';

const before: ComplaintRecord = {
  points: [
    {text: 'Meals came cold', outcome: 'upheld'},
    {text: 'Nobody answered the phone', outcome: null},
  ],
  investigator: 'Priya',
  eventsDate: '2026-01-02',
  acknowledgementSentAt: '2026-01-05',
  responseDueAt: '2026-02-02',
  extensions: [{reason: 'Waiting for the GP', newDate: '2026-02-16'}],
  apology: null,
  remedy: null,
  responseSentAt: null,
  toldOfOmbudsman: false,
  ombudsmanReferredAt: null,
  ombudsmanResult: null,
  dueDate: '2026-02-16',
  warnings: [],
};

/** The form's boxes by name, as the browser would give them; a box not named is empty. */
const form = (boxes: Record<string, string>) => (name: string) => (boxes[name] ?? '').trim();

describe('the complaint record form state', () => {
  it('keeps each point kept from before with the outcome chosen beside it; a new point has none yet', () => {
    const change = complaintChange(
      before,
      form({
        points: 'Meals came cold\n\n  Nobody answered the phone  \nMy room was not cleaned\n',
        'outcome-0': 'partly-upheld',
        'outcome-1': 'not-upheld',
      }),
    );
    assert.deepEqual(change.points, [
      {text: 'Meals came cold', outcome: 'partly-upheld'},
      {text: 'Nobody answered the phone', outcome: 'not-upheld'},
      {text: 'My room was not cleaned', outcome: null},
    ]);
  });

  it('sends no outcome for one it does not know', () => {
    const change = complaintChange(before, form({points: 'Meals came cold', 'outcome-0': 'maybe'}));
    assert.deepEqual(change.points, [{text: 'Meals came cold', outcome: null}]);
  });

  it('sends null for an empty box and whether the ombudsman was mentioned', () => {
    const change = complaintChange(
      before,
      form({investigator: '  ', apology: 'We are sorry.', told: 'yes', referred: '2026-03-01'}),
    );
    assert.equal(change.investigator, null);
    assert.equal(change.eventsDate, null);
    assert.equal(change.apology, 'We are sorry.');
    assert.equal(change.toldOfOmbudsman, true);
    assert.equal(change.ombudsmanReferredAt, '2026-03-01');
    assert.equal(complaintChange(before, form({told: 'no'})).toldOfOmbudsman, false);
  });

  it('adds an extension only when one is written, after the ones before, without changing the record', () => {
    assert.deepEqual(complaintChange(before, form({})).extensions, before.extensions);
    const change = complaintChange(
      before,
      form({'extension-reason': 'A second visit', 'extension-date': '2026-03-02'}),
    );
    assert.deepEqual(change.extensions, [
      {reason: 'Waiting for the GP', newDate: '2026-02-16'},
      {reason: 'A second visit', newDate: '2026-03-02'},
    ]);
    assert.equal(before.extensions.length, 1, 'the record as it was is left alone');
  });

  it('sends only what staff can change, not what the collector works out', () => {
    const change = complaintChange(before, form({})) as Record<string, unknown>;
    assert.equal('dueDate' in change, false);
    assert.equal('warnings' in change, false);
  });
});
