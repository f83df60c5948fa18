// The themes tick boxes and the trends period, in Node without a browser: which themes show, which are
// ticked, which are suggested and why, and the 12 months the trends cover.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import type {Theme} from '@care-feedback/core/provider';
import {lastTwelveMonths, themeChoices} from './inbox-themes-state.js';

const theme = (id: string, name: string, retiredAt: string | null = null): Theme => ({
  id,
  name,
  builtIn: true,
  retiredAt,
  createdAt: '2026-12-04T00:00:00.000Z',
  updatedAt: '2026-12-04T00:00:00.000Z',
});
const THEMES = [
  theme('missed-or-late-visits', 'Missed or late visits'),
  theme('medicines', 'Medicines'),
  theme('activities', 'Activities', '2026-12-01T00:00:00.000Z'),
  theme('cleanliness', 'Cleanliness', '2026-12-01T00:00:00.000Z'),
];

describe('the themes tick boxes', () => {
  it('shows every live theme in order, ticks only what the item has, and marks suggestions with their words', () => {
    const choices = themeChoices(THEMES, new Set(['medicines']), [
      {themeId: 'missed-or-late-visits', name: 'Missed or late visits', matched: ['late', 'missed'], locales: ['en-GB']},
    ]);
    assert.deepEqual(
      choices.map((c) => [c.id, c.checked, c.matched]),
      [
        ['missed-or-late-visits', false, ['late', 'missed']],
        ['medicines', true, null],
      ],
      'a suggestion is never ticked for the person; retired themes the item lacks are left out',
    );
  });

  it('keeps a retired theme the item has, so it can be taken off', () => {
    const choices = themeChoices(THEMES, new Set(['cleanliness']), []);
    assert.deepEqual(
      choices.map((c) => [c.id, c.checked, c.retired]),
      [
        ['missed-or-late-visits', false, false],
        ['medicines', false, false],
        ['cleanliness', true, true],
      ],
    );
  });
});

describe('the trends period', () => {
  it('covers the 12 whole months up to and including this one', () => {
    assert.deepEqual(lastTwelveMonths('2026-12-10'), {from: '2026-01-01', to: '2026-12-31'});
    assert.deepEqual(lastTwelveMonths('2027-03-01'), {from: '2026-04-01', to: '2027-03-31'});
    assert.deepEqual(lastTwelveMonths('2028-02-29'), {from: '2027-03-01', to: '2028-02-29'});
  });
});
