// The evidence page's equality tables: each group the collector sent, suppressed ones shown as such.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {EqualityGroup, EqualityReport} from '@care-feedback/core/provider';
import {inboxStrings, type InboxStrings} from './inbox-strings.js';
import {equalityTables, groupLabel} from './inbox-equality.js';

const t = (key: keyof InboxStrings & string, values: Record<string, string | number> = {}) =>
  inboxStrings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

const shown = (answer: string, answers: number, fft: number | null, complaints: number | null): EqualityGroup => ({
  answer,
  suppressed: false,
  answers,
  fftAnswers: answers,
  fftPositivePercent: fft,
  complaints: 0,
  complaintPercent: complaints,
});
const hidden = (answer: string): EqualityGroup => ({
  answer,
  suppressed: true,
  answers: null,
  fftAnswers: null,
  fftPositivePercent: null,
  complaints: null,
  complaintPercent: null,
});
const empty = {ageBand: [], disability: [], ethnicity: [], ethnicGroup: [], sex: [], sexualOrientation: [], religion: [], carer: []};

describe('equality of experience on the evidence page', () => {
  it('has a table only for questions with a group big enough to show, with small groups marked as not shown', () => {
    const report: EqualityReport = {
      period: {from: '2026-01-01', to: '2026-12-31'},
      minimumGroupSize: 10,
      questions: {...empty, ageBand: [shown('65-74', 12, 75, 8.3), hidden('85-plus')], carer: [hidden('no'), hidden('yes')]},
    };
    const tables = equalityTables(report, t);
    assert.deepEqual(tables.map((table) => table.id), ['equality-ageBand']);
    assert.equal(tables[0]!.caption, 'By age');
    assert.deepEqual(tables[0]!.rows, [
      ['65 to 74', 12, '75%', '8.3%'],
      ['85 or over', 'Fewer than 10: not shown', '–', '–'],
    ]);
  });

  it('has no tables when nobody answered (every group comes suppressed, empty ones too)', () => {
    assert.deepEqual(equalityTables({period: {from: '2026-01-01', to: '2026-12-31'}, minimumGroupSize: 10, questions: empty}, t), []);
  });

  it('names each group in the words the person chose it by, the same words as "About you"', () => {
    assert.equal(groupLabel('ethnicGroup', 'asian'), 'Asian, Asian British or Asian Welsh');
    assert.equal(groupLabel('ethnicity', 'white-and-black-caribbean'), 'White and Black Caribbean');
    assert.equal(groupLabel('carer', 'prefer-not-to-say'), 'Prefer not to say');
    // An answer "About you" has no words for (from a later version, say) is still shown, in words.
    assert.equal(groupLabel('ageBand', '100-110'), '100 to 110');
  });
});
