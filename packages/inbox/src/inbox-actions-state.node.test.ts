// What the improvement action form sends and how the collector's refusals find their boxes, in Node
// without a browser.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {actionDraft, draftProblems, fieldForPath, splitReferences} from './inbox-actions-state.js';

const form = (boxes: Record<string, string>) => (name: string) => (boxes[name] ?? '').trim();

describe('the improvement action form state', () => {
  it('reads references however they are typed: spaces, commas, new lines, any case, once each', () => {
    assert.deepEqual(splitReferences(' cf-1234-abcd, CF-5678-WXYZ\nCF-1234-ABCD;  '), ['CF-1234-ABCD', 'CF-5678-WXYZ']);
    assert.deepEqual(splitReferences(''), []);
  });

  it('sends what will change, the owner, the due day, the references and the ticked themes', () => {
    const draft = actionDraft(
      form({change: 'Ring when running late.', owner: 'Sam', due: '2027-01-31', references: 'CF-1234-ABCD'}),
      ['missed-or-late-visits'],
    );
    assert.deepEqual(draft, {
      change: 'Ring when running late.',
      owner: 'Sam',
      dueOn: '2027-01-31',
      references: ['CF-1234-ABCD'],
      themes: ['missed-or-late-visits'],
    });
  });

  it('explains an empty form box by box before anything is sent', () => {
    const problems = draftProblems(actionDraft(form({owner: 'Sam'}), []), (key) => `Missing: ${key}`);
    assert.deepEqual(problems, [
      {field: 'action-change', message: 'Missing: actionChangeMissing'},
      {field: 'action-due', message: 'Missing: actionDueMissing'},
    ]);
  });

  it('puts each refusal from the collector beside its box', () => {
    assert.equal(fieldForPath('change'), 'action-change');
    assert.equal(fieldForPath('dueOn'), 'action-due');
    assert.equal(fieldForPath('references.2'), 'action-references');
    assert.equal(fieldForPath('themes.0'), 'action-themes');
    assert.equal(fieldForPath(''), undefined, 'a problem of the whole form');
  });
});
