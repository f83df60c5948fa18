// The involvement log entry's contract (#16): what the collector takes and the inbox checks before sending.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {checkInvolvementLogInput, INVOLVEMENT_LOG_MESSAGES, isCalendarDate} from '@care-feedback/core/provider';

const paths = (input: unknown) => {
  const result = checkInvolvementLogInput(input);
  return result.ok ? [] : result.errors.map((e) => e.path);
};

describe('an involvement log entry', () => {
  it('takes the smallest entry, counts no expenses as 0, and drops unknown fields', () => {
    assert.deepEqual(checkInvolvementLogInput({activity: 'Panel', date: '2026-03-14', surprise: 1}), {
      ok: true,
      value: {activity: 'Panel', date: '2026-03-14', expensesPence: 0},
    });
  });

  it('keeps text byte for byte and an empty note is no note', () => {
    const activity = '  Zürich 🙂 <b>x</b> \u0000 ';
    const result = checkInvolvementLogInput({activity, way: 'meetings', date: '2024-02-29', expensesPence: 1, note: ''});
    assert.deepEqual(result, {ok: true, value: {activity, way: 'meetings', date: '2024-02-29', expensesPence: 1}});
  });

  it('names each wrong field with a plain message', () => {
    assert.deepEqual(paths({activity: '', way: 'x', date: '2026-13-01', expensesPence: 1.5, note: 5}), ['activity', 'way', 'date', 'expensesPence', 'note']);
    assert.deepEqual(paths({activity: 'x'.repeat(201), date: '2026-01-01'}), ['activity']);
    assert.deepEqual(paths({activity: '🙂'.repeat(200), date: '2026-01-01'}), [], 'characters, not UTF-16 units');
    assert.deepEqual(paths({activity: 'a', date: '2026-01-01', expensesPence: 1_000_001}), ['expensesPence']);
    assert.deepEqual(paths({activity: 'a', date: '2026-01-01', expensesPence: '12'}), ['expensesPence']);
    assert.deepEqual(paths(null), ['activity', 'date']);
    const result = checkInvolvementLogInput({});
    assert.equal(result.ok ? '' : result.errors[0]!.message, INVOLVEMENT_LOG_MESSAGES.activity);
  });

  it('knows a real calendar day', () => {
    for (const day of ['2026-03-14', '2024-02-29']) assert.ok(isCalendarDate(day), day);
    for (const day of ['2026-02-29', '2026-02-30', '2026-3-14', '14/03/2026', '2026-03-14T00:00:00Z', 20260314]) assert.ok(!isCalendarDate(day), String(day));
  });
});
