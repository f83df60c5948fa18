// Readability figures for the words people see: the Flesch–Kincaid grade of each sentence, with syllables
// from the CMU pronouncing dictionary (and the `syllable` library for words it does not have).
//
// One home for the measure, shared by the content tests (Node) and the rendered-text check (a WTR command),
// so the JSON and what the elements draw are graded the same way. A vowel-group guess miscounts many care
// words ("safeguarding", "ombudsman", "Braille"), which is why a dictionary comes first.
import {dictionary} from 'cmu-pronouncing-dictionary';
import {syllable} from 'syllable';

/** The goals of issue 17: standard text at grade 6 or below (median 4 or below); easy read at grade 4 or below. */
export const GOALS = {
  standard: {grade: 6, share: 0.9, median: 4},
  easy: {grade: 4, share: 0.95},
};

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

/** The words of a piece of text: letters and digits, with inner apostrophes, hyphens and dots kept. */
export function words(text) {
  return text.match(WORD) ?? [];
}

const cache = new Map();

/** Syllables in one word: the dictionary's count of vowel sounds, else the `syllable` library's estimate. */
export function syllables(word) {
  const key = word.toLowerCase().replace(/’/g, "'");
  let count = cache.get(key);
  if (count !== undefined) return count;
  if (/^[\d.,:]+$/.test(key))
    count = 1; // A number is read as one unit: "3", "999", "1.5".
  else if (dictionary[key])
    count = dictionary[key].split(' ').filter((sound) => /\d$/.test(sound)).length;
  else if (/[-.]/.test(key))
    count = key
      .split(/[-.]/)
      .filter(Boolean)
      .reduce((sum, part) => sum + syllables(part), 0);
  else if (key.endsWith("'s") && dictionary[key.slice(0, -2)]) count = syllables(key.slice(0, -2));
  else if (/^[A-Z]{2,5}$/.test(word))
    count = word.length; // An initialism such as CQC is read letter by letter.
  else count = Math.max(1, syllable(key));
  cache.set(key, count);
  return count;
}

/**
 * Splits text into sentences: after . ? ! (and a closing quote or bracket) followed by a space, and at
 * line breaks. Abbreviations such as "e.g." are not used in our text, so they need no special case.
 */
export function sentences(text) {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.?!][”’")]?)\s+(?=[^\s])/u))
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter((sentence) => words(sentence).length > 0);
}

/** The Flesch–Kincaid grade of one piece of text, taking every sentence in it. */
export function grade(text) {
  const parts = sentences(text);
  const list = parts.flatMap(words);
  if (list.length === 0) return 0;
  const syllableCount = list.reduce((sum, word) => sum + syllables(word), 0);
  return 0.39 * (list.length / parts.length) + 11.8 * (syllableCount / list.length) - 15.59;
}

function median(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value, places = 1) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Figures for a list of sentences: how many, the share at grade 6 or below and at 4 or below (0 to 1),
 * the median grade, and the hardest sentences (to show what to fix first).
 */
export function summarise(list, hardest = 5) {
  const graded = list.map((text) => ({text, grade: grade(text)}));
  const share = (limit) =>
    graded.length ? graded.filter((s) => s.grade <= limit).length / graded.length : 1;
  return {
    sentences: graded.length,
    atOrBelow6: round(share(6), 3),
    atOrBelow4: round(share(4), 3),
    median: round(median(graded.map((s) => s.grade))),
    hardest: graded
      .sort((a, b) => b.grade - a.grade)
      .slice(0, hardest)
      .map((s) => ({grade: round(s.grade), text: s.text})),
  };
}
