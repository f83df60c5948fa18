// The provider contract's workflow rules, which the collector enforces and the inbox offers: forward only,
// spam released to `received` or closed, nothing back to `quarantined`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {canMove, nextStatuses, STATUSES, WORKFLOW} from './index.js';

describe('provider workflow', () => {
  it('moves forward only, and may skip steps', () => {
    assert.equal(canMove('received', 'acknowledged'), true);
    assert.equal(canMove('received', 'closed'), true);
    assert.equal(canMove('investigating', 'acknowledged'), false);
    assert.equal(canMove('closed', 'received'), false);
  });

  it('releases spam to received or closes it, and never sends anything back to spam', () => {
    assert.deepEqual(nextStatuses('quarantined'), ['received', 'closed']);
    for (const from of STATUSES) assert.equal(canMove(from, 'quarantined'), false, from);
  });

  it('offers next every later step of the workflow, in order', () => {
    assert.deepEqual(nextStatuses('received'), ['acknowledged', 'investigating', 'resolved', 'closed']);
    assert.deepEqual(nextStatuses('resolved'), ['closed']);
    assert.deepEqual(nextStatuses('closed'), []);
    assert.deepEqual(STATUSES.slice(1), [...WORKFLOW]);
  });
});
