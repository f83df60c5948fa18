// "You said, we did"'s form checks and what an edit sends, in Node without a browser.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {YouSaidItem} from './inbox-api.js';
import {youSaidChange, youSaidEditProblems, youSaidProblems} from './inbox-you-said-state.js';

/** The string keys stand in for the words, so a test names the check that spoke. */
const t = (key: string) => key;

const item: YouSaidItem = {
  id: 'ysd-1',
  submissionReference: 'CF-AAAA-0001',
  youSaid: 'Meals came cold.',
  weDid: 'We bought heated trolleys.',
  quote: 'The soup was cold again.',
  published: false,
  publishedAt: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

describe('the You said, we did form state', () => {
  it('finds nothing missing when both boxes are filled and no quote is asked for', () => {
    assert.deepEqual(youSaidProblems({youSaid: 'Cold meals', weDid: 'New trolleys', includeQuote: false, quote: ''}, t), []);
  });

  it('names each empty box, and the quote only when it is to be included', () => {
    assert.deepEqual(youSaidProblems({youSaid: ' ', weDid: '', includeQuote: true, quote: '  '}, t), [
      {field: 'you-said-said', message: 'youSaidSaidMissing'},
      {field: 'you-said-did', message: 'youSaidDidMissing'},
      {field: 'you-said-quote-text', message: 'youSaidQuoteMissing'},
    ]);
  });

  it('names the empty boxes of an item being edited', () => {
    assert.deepEqual(youSaidEditProblems({youSaid: '', weDid: ' '}, t), [
      {field: 'you-said-edit-said', message: 'youSaidSaidMissing'},
      {field: 'you-said-edit-did', message: 'youSaidDidMissing'},
    ]);
    assert.deepEqual(youSaidEditProblems({youSaid: 'a', weDid: 'b'}, t), []);
  });

  it('sends an unchanged quote not at all, a changed one as written, and an emptied one as null', () => {
    const words = {youSaid: 'Meals came cold.', weDid: 'Heated trolleys, and a second cook.'};
    assert.deepEqual(youSaidChange(item, {...words, quote: 'The soup was cold again.'}), words);
    assert.deepEqual(youSaidChange(item, {...words, quote: 'Cold soup.'}), {...words, quote: 'Cold soup.'});
    assert.deepEqual(youSaidChange(item, {...words, quote: '  '}), {...words, quote: null});
    assert.deepEqual(youSaidChange(item, words), words, 'no quote box (the item answers no feedback): no quote sent');
  });
});
