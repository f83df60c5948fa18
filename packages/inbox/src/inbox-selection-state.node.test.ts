// The open piece of feedback's state in Node, without a browser: opening one, saving a change,
// erasing it and signing out, as the detail view would show them.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {SelectionState} from './inbox-selection-state.js';
import type {InboxRecord} from './inbox-types.js';

const record = (reference: string, status = 'received'): InboxRecord => ({
  reference,
  receivedAt: '2026-01-05T10:00:00.000Z',
  status,
  quarantined: false,
  overdue: false,
  submission: {kind: 'complaint', message: 'The tea was cold.'},
  steps: [],
  notes: [],
});
const read = {at: '2026-01-05T11:00:00.000Z', actor: 'inbox laptop', action: 'read', reference: 'CF-AAAA-0001', detail: null};

describe('the open feedback state', () => {
  it('opens with what the list had, then shows the full record, and forgets the last one opened', () => {
    const selected = new SelectionState();
    selected.open(record('CF-AAAA-0001'));
    selected.auditLoaded([read]);
    selected.failed('It has gone.');
    selected.statusFailed('Choose a new status or write a note.');
    selected.auditFailed('Who read it cannot be shown.');

    selected.open(record('CF-AAAA-0002'));
    assert.equal(selected.record?.reference, 'CF-AAAA-0002');
    assert.deepEqual(selected.audit, []);
    assert.equal(selected.error, '');
    assert.equal(selected.statusError, '');
    assert.equal(selected.auditError, '');

    selected.show(record('CF-AAAA-0002', 'acknowledged'));
    assert.equal(selected.record?.status, 'acknowledged');
  });

  it('opens one the list did not have with nothing shown until it loads', () => {
    const selected = new SelectionState();
    selected.open(undefined);
    assert.equal(selected.record, undefined);
  });

  it('shows the audit trail, or why it cannot', () => {
    const selected = new SelectionState();
    selected.open(record('CF-A'));
    selected.auditFailed('Who read it cannot be shown.');
    assert.equal(selected.auditError, 'Who read it cannot be shown.');
    selected.auditLoaded([read]);
    assert.deepEqual(selected.audit, [read]);
    assert.equal(selected.auditError, '', 'a trail that loads clears the old reason');
  });

  it('saves a status change: busy while saving, then the record after it; or why not', () => {
    const selected = new SelectionState();
    selected.open(record('CF-A'));
    selected.statusFailed('Choose a new status or write a note.');
    selected.savingStarted();
    assert.equal(selected.saving, true);
    assert.equal(selected.statusError, '', 'trying again clears the old reason');
    selected.saved(record('CF-A', 'investigating'));
    assert.equal(selected.saving, false);
    assert.equal(selected.record?.status, 'investigating');

    selected.savingStarted();
    selected.statusFailed('Someone else changed it first.');
    assert.equal(selected.saving, false);
    assert.equal(selected.statusError, 'Someone else changed it first.');
    assert.equal(selected.record?.status, 'investigating', 'a failed save leaves the record as it was');
  });

  it('erases: busy, then nothing open; a failed erasure keeps it open and says why', () => {
    const selected = new SelectionState();
    selected.open(record('CF-A'));
    selected.eraseStarted();
    assert.equal(selected.erasing, true);
    selected.eraseFailed('No connection.');
    assert.equal(selected.erasing, false);
    assert.equal(selected.error, 'No connection.');
    assert.equal(selected.record?.reference, 'CF-A');
    selected.eraseStarted();
    selected.erased();
    assert.equal(selected.erasing, false);
    assert.equal(selected.record, undefined);
  });

  it('keeps nothing of what was open after sign-out', () => {
    const selected = new SelectionState();
    selected.open(record('CF-A'));
    selected.auditLoaded([read]);
    selected.clear();
    assert.equal(selected.record, undefined);
    assert.deepEqual(selected.audit, []);
  });

  it('tells each listener after every change, until it stops listening', () => {
    const selected = new SelectionState();
    let calls = 0;
    const stop = selected.subscribe(() => calls++);
    selected.open(record('CF-A'));
    selected.savingStarted();
    selected.saved(record('CF-A', 'resolved'));
    assert.equal(calls, 3);
    stop();
    selected.clear();
    assert.equal(calls, 3);
  });
});
