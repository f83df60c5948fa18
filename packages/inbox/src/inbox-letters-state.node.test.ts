// The letters' choices in Node without a browser: the person's communication needs choose easy read and
// large print; the downloaded file is named for what it holds.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {defaultChoice, docxName} from './inbox-letters-state.js';
import type {InboxRecord} from './inbox-types.js';

const withNeeds = (communicationNeeds: unknown) => ({submission: {kind: 'complaint', communicationNeeds}}) as unknown as InboxRecord;

describe('the letters state', () => {
  it('starts from the person’s communication needs', () => {
    assert.deepEqual(defaultChoice(withNeeds(['large-print'])), {kind: 'acknowledgement', version: 'standard', largePrint: true});
    assert.deepEqual(defaultChoice(withNeeds(['easy-read', 'bsl'])), {kind: 'acknowledgement', version: 'easy-read', largePrint: false});
    assert.deepEqual(defaultChoice(withNeeds(undefined)), {kind: 'acknowledgement', version: 'standard', largePrint: false});
    assert.deepEqual(defaultChoice(withNeeds('large-print')), {kind: 'acknowledgement', version: 'standard', largePrint: false}, 'not a list: no needs');
  });

  it('names a downloaded letter by reference, kind, version and print size', () => {
    assert.equal(docxName('CF-ABCD-EFGH', {kind: 'holding', version: 'standard', largePrint: false}), 'CF-ABCD-EFGH-holding.docx');
    assert.equal(docxName('CF-ABCD-EFGH', {kind: 'response', version: 'easy-read', largePrint: true}), 'CF-ABCD-EFGH-response-easy-read-large-print.docx');
  });
});
