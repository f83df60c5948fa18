// The keyword rules behind suggested themes: what they find, the words they show, and what they must not find.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {suggestThemes, THEME_RULES, wordsOf} from './theme-suggestions.js';
import {DEFAULT_THEMES} from './theme-rules/default-themes.js';

const THEMES: Array<{id: string; name: string; retiredAt: string | null}> = DEFAULT_THEMES.map((theme) => ({...theme, retiredAt: null}));
const suggest = (text: string, themes = THEMES) => suggestThemes(text, themes);
const find = (text: string, id: string) => suggest(text).find((s) => s.themeId === id);

describe('suggested themes', () => {
  it('suggests missed or late visits and shows the words that matched', () => {
    const late = find('The carer was late again and they missed Tuesday completely.', 'missed-or-late-visits');
    assert.deepEqual(late?.matched, ['late', 'missed']);
    assert.deepEqual(late?.locales, ['en-GB']);
    assert.equal(late?.name, 'Missed or late visits');
  });

  it('matches whole words, not parts of words', () => {
    assert.equal(find('She loves chocolate and the plate was lovely.', 'missed-or-late-visits'), undefined);
  });

  it('matches a phrase whole, with a phone’s curly apostrophe', () => {
    assert.deepEqual(find('The evening carer didn’t turn up at all.', 'missed-or-late-visits')?.matched, ["didn't turn up"]);
  });

  it('matches stems at the start of a word', () => {
    assert.deepEqual(find('Her medication was given twice and the medicines chart was wrong.', 'medicines')?.matched, ['medication', 'medicines']);
  });

  it('finds several themes, the most matched words first', () => {
    const found = suggest('Rude staff, cold food, the food was late and nobody explained. The meal was cold.');
    const ids = found.map((s) => s.themeId);
    assert.equal(ids[0], 'food-and-drink');
    assert.ok(ids.includes('staff-attitude') && ids.includes('communication') && ids.includes('missed-or-late-visits'));
  });

  it('reads Welsh, mutated forms too, and says which language matched', () => {
    const late = find('Roedd y gofalwr yn hwyr bob dydd.', 'missed-or-late-visits');
    assert.deepEqual(late?.matched, ['yn hwyr']);
    assert.deepEqual(late?.locales, ['cy']);
    assert.deepEqual(find('Ni chafodd ei feddyginiaeth ddoe.', 'medicines')?.matched, ['feddyginiaeth']);
  });

  it('reads Urdu, with its joining marks', () => {
    const text = 'کیئرر دیر سے آیا اور دوا نہیں دی۔';
    assert.deepEqual(find(text, 'missed-or-late-visits')?.matched, ['دیر سے']);
    assert.deepEqual(find(text, 'medicines')?.matched, ['دوا']);
    assert.deepEqual(find(text, 'medicines')?.locales, ['ur']);
  });

  it('never suggests a retired theme, and uses the provider’s name for a renamed one', () => {
    const themes = THEMES.map((t) =>
      t.id === 'medicines' ? {...t, retiredAt: '2026-12-01T00:00:00.000Z'} : t.id === 'missed-or-late-visits' ? {...t, name: 'Visit times'} : t,
    );
    const found = suggest('Late with my tablets.', themes);
    assert.equal(found.find((s) => s.themeId === 'medicines'), undefined);
    assert.equal(found.find((s) => s.themeId === 'missed-or-late-visits')?.name, 'Visit times');
  });

  it('suggests nothing for words it has no rule for, or for nothing at all', () => {
    assert.deepEqual(suggest('Xyzzy plugh.'), []);
    assert.deepEqual(suggest(''), []);
  });
});

describe('the keyword rule files', () => {
  for (const rules of THEME_RULES) {
    it(`${rules.locale}: has rules for every default theme and only for them`, () => {
      assert.deepEqual(Object.keys(rules.themes).sort(), DEFAULT_THEMES.map((t) => t.id).sort());
    });
    it(`${rules.locale}: every entry is written as it is matched (lower case, normal form, no stray spaces)`, () => {
      for (const [id, rule] of Object.entries(rules.themes)) {
        for (const entry of [...(rule.words ?? []), ...(rule.stems ?? [])]) {
          assert.equal(wordsOf(entry).join(' '), entry, `${rules.locale} ${id}: "${entry}"`);
        }
        for (const stem of rule.stems ?? []) assert.ok(!stem.includes(' '), `${rules.locale} ${id}: a stem is one word ("${stem}")`);
      }
    });
  }
  it('says that the Welsh and Urdu words were machine-written, and the English were not', () => {
    assert.deepEqual(
      THEME_RULES.map((r) => [r.locale, r.machineWritten]),
      [['en-GB', false], ['cy', true], ['ur', true]],
    );
  });
  it('keeps English stems long enough not to catch unrelated words', () => {
    for (const [id, rule] of Object.entries(THEME_RULES[0]!.themes))
      for (const stem of rule.stems ?? []) assert.ok(stem.length >= 4, `${id}: "${stem}"`);
  });
});
