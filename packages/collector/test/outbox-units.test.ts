// The outbox's pure parts: when reminders fall due, how long retries wait, and what a failure is called.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {emailDrafts, workingDayNear, zonedInstant} from '../src/outbox/reminders.js';
import {exponentialBackoff, failureKind} from '../src/outbox/delivery.js';
import {ENGLAND_AND_WALES_BANK_HOLIDAYS} from '@care-feedback/collector';

const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS);

describe('outbox timing', () => {
  it('finds a local time in the provider’s zone, in winter, in summer and on the days the clocks change', () => {
    assert.equal(zonedInstant('2026-12-02', '09:00', 'Europe/London'), '2026-12-02T09:00:00.000Z');
    assert.equal(zonedInstant('2026-07-01', '09:00', 'Europe/London'), '2026-07-01T08:00:00.000Z');
    assert.equal(zonedInstant('2026-03-29', '09:00', 'Europe/London'), '2026-03-29T08:00:00.000Z');
    assert.equal(zonedInstant('2026-10-25', '09:00', 'Europe/London'), '2026-10-25T09:00:00.000Z');
    assert.equal(zonedInstant('2026-07-01', '09:00', 'UTC'), '2026-07-01T09:00:00.000Z');
  });

  it('steps to the working day before or after, over weekends and bank holidays', () => {
    assert.equal(workingDayNear('2026-12-03', -1, holidays), '2026-12-02');
    assert.equal(workingDayNear('2026-12-07', -1, holidays), '2026-12-04', 'Monday → Friday');
    assert.equal(workingDayNear('2026-12-29', -1, holidays), '2026-12-24', 'over Christmas');
    assert.equal(workingDayNear('2026-12-24', 1, holidays), '2026-12-29');
  });

  it('plans an alert, a reminder and an overdue e-mail for a complaint, and only an alert for a concern', () => {
    const plan = {timeZone: 'Europe/London', holidays};
    const complaint = emailDrafts(
      {
        kind: 'complaint',
        service: 'Rose House',
        receivedAt: '2026-11-30T10:00:00.000Z',
        ackDueAt: '2026-12-03',
      },
      plan,
    );
    assert.deepEqual(
      complaint.map((d) => [d.topic, d.notBefore]),
      [
        ['submission.created', '2026-11-30T10:00:00.000Z'],
        ['ack-due-tomorrow', '2026-12-02T09:00:00.000Z'],
        ['ack-missed', '2026-12-04T09:00:00.000Z'],
      ],
    );
    const concern = emailDrafts(
      {kind: 'concern', service: null, receivedAt: '2026-11-30T10:00:00.000Z', ackDueAt: null},
      plan,
    );
    assert.deepEqual(
      concern.map((d) => d.topic),
      ['submission.created'],
    );
    assert.deepEqual(
      emailDrafts(
        {kind: 'compliment', service: null, receivedAt: '2026-11-30T10:00:00.000Z', ackDueAt: null},
        plan,
      ),
      [],
    );
    // Due the next working day, after the reminder's time today: no reminder, the alert says it.
    const soon = emailDrafts(
      {
        kind: 'complaint',
        service: null,
        receivedAt: '2026-12-01T15:00:00.000Z',
        ackDueAt: '2026-12-02',
      },
      plan,
    );
    assert.deepEqual(
      soon.map((d) => d.topic),
      ['submission.created', 'ack-missed'],
    );
  });

  it('doubles the wait between tries, up to a cap', () => {
    const wait = exponentialBackoff(30_000, 3_600_000);
    assert.deepEqual(
      [1, 2, 3, 4, 8, 100].map(wait),
      [30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000],
    );
  });

  it('names a failure by its code, never by its message', () => {
    assert.equal(
      failureKind(
        Object.assign(new Error('5.1.1 <priya@example.org> unknown'), {responseCode: 550}),
      ),
      'smtp-550',
    );
    assert.equal(
      failureKind(
        Object.assign(new Error('connect ECONNREFUSED'), {
          code: 'ESOCKET',
          originalCode: 'ECONNREFUSED',
        }),
      ),
      'ECONNREFUSED',
    );
    assert.equal(
      failureKind(Object.assign(new Error('x'), {code: 'has spaces and priya@example.org'})),
      'Error',
    );
    assert.equal(failureKind('priya@example.org'), 'unknown');
  });
});
