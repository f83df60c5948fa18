// Easy read covers every string a service user can see: each user-facing key of each en-GB string table has
// an easy-read version in locales/en-GB/<family>.easy.json, and no easy string is harder than its standard one.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {grade} from '../../../../tools/readability.mjs';
import {formStrings} from '../feedback-form/strings.js';
import {pickerStrings} from '../feedback-picker/feedback-picker.strings.js';
import {launcherStrings} from '../feedback-launcher/feedback-launcher.strings.js';
import {jargonStrings} from '../jargon/jargon.js';
import {glossaryStrings} from '../glossary/glossary.js';
import {charterStrings} from '../rights-charter/rights-charter.js';
import {youSaidWeDidStrings} from '../you-said-we-did/you-said-we-did.js';
import {consultationStrings} from '../consultation/strings.js';
import {getInvolvedStrings} from '../get-involved/strings.js';
import {aboutYouStrings} from '../about-you/strings.js';

/**
 * Every family a service user meets, with the keys that are not wording a person reads. The inbox is for
 * staff, so it has no easy read.
 */
const FAMILIES: Record<string, {strings: Record<string, string>; notWording: Record<string, string>}> = {
  form: {strings: formStrings, notWording: {'hp.label': 'a trap for spam robots, hidden from people'}},
  picker: {strings: pickerStrings, notWording: {}},
  launcher: {strings: launcherStrings, notWording: {}},
  jargon: {strings: jargonStrings, notWording: {}},
  glossary: {strings: glossaryStrings, notWording: {}},
  charter: {
    strings: charterStrings,
    notWording: {months: 'the names of the months', date: 'the order of day, month and year'},
  },
  'you-said-we-did': {strings: youSaidWeDidStrings, notWording: {}},
  consultation: {strings: consultationStrings, notWording: {'hp.label': 'a trap for spam robots, hidden from people'}},
  'get-involved': {strings: getInvolvedStrings, notWording: {}},
  'about-you': {
    strings: aboutYouStrings,
    notWording: Object.fromEntries(
      Object.keys(aboutYouStrings)
        .filter((key) => /^ethnic(ity|Group)\./.test(key))
        .map((key) => [key, 'the census names of ethnic groups, kept word for word so answers compare with the census']),
    ),
  },
};

/**
 * At or below the easy-read goal (grade 4) an easy string is easy enough, whatever its standard string
 * scores. Below it the measure cannot tell short strings apart: for a few words the grade only tracks
 * their number and length, so "What happened?" (2.9) is not really harder than "Tell us what happened" (0.7).
 * Above it, an easy string must grade no harder than its standard string.
 */
const AS_EASY_AS_IT_GETS = 4;

const easyFile = (family: string) =>
  new URL(`../../locales/en-GB/${family}.easy.json`, import.meta.url);

function readEasy(family: string): Record<string, string> {
  try {
    return JSON.parse(readFileSync(easyFile(family), 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Placeholders are filled with a short number, as the elements fill them with a count, a date or a name. */
const filled = (text: string) => text.replace(/\{\w+\}/g, '3');
const placeholders = (text: string) => [...text.matchAll(/\{\w+\}/g)].map((m) => m[0]).sort();

for (const [family, {strings, notWording}] of Object.entries(FAMILIES)) {
  describe(`easy read for ${family}`, () => {
    const easy = readEasy(family);
    const keys = Object.keys(strings).filter((key) => !(key in notWording));

    it('has an easy-read version of every string a service user sees', () => {
      const missing = keys.filter((key) => typeof easy[key] !== 'string' || !easy[key]!.trim());
      assert.deepEqual(missing, [], `locales/en-GB/${family}.easy.json has no easy read for: ${missing.join(', ')}`);
    });

    it('has no keys the element does not use, and keeps every placeholder', () => {
      const unknown = Object.keys(easy).filter((key) => !(key in strings));
      assert.deepEqual(unknown, [], `keys in ${family}.easy.json that ${family} does not have`);
      const changed = keys
        .filter((key) => key in easy)
        .filter((key) => placeholders(easy[key]!).join() !== placeholders(strings[key]!).join());
      assert.deepEqual(changed, [], `easy strings whose {placeholders} differ from the standard ones`);
    });

    it('makes no easy string harder to read than its standard string', () => {
      const harder = keys
        .filter((key) => key in easy)
        .map((key) => ({key, standard: grade(filled(strings[key]!)), easy: grade(filled(easy[key]!))}))
        .filter((s) => s.easy > Math.max(s.standard, AS_EASY_AS_IT_GETS) + 0.05)
        .map((s) => `${s.key}: easy ${s.easy.toFixed(1)} > standard ${s.standard.toFixed(1)} ("${easy[s.key]}")`);
      assert.deepEqual(harder, [], `easy strings harder than the standard ones:\n${harder.join('\n')}`);
    });
  });
}
