// Drafting a letter from a template, in Node: paragraphs, headings and lists come from the template only;
// placeholders are filled once, so what people typed stays as they typed it; gaps are named.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {EMPTY_COMPLAINT_RECORD} from '../src/complaint-record.js';
import {DEFAULT_LETTER_TEMPLATES} from '../src/letters/default-templates.js';
import {dateInWords, draftLetter, unknownPlaceholders, type LetterFacts} from '../src/letters/letter-model.js';
import {LETTER_KINDS, LETTER_PLACEHOLDERS} from '@care-feedback/core/provider';
import {sentences, summarise} from '../../../tools/readability.mjs';

const facts = (over: Partial<LetterFacts> = {}): LetterFacts => ({
  reference: 'CF-ABCD-EFGH',
  receivedDay: '2026-12-07',
  today: '2026-12-10',
  name: 'Sam',
  address: undefined,
  service: 'home-care-north',
  record: {...EMPTY_COMPLAINT_RECORD, investigator: 'Jo', points: [{text: 'Late', outcome: 'upheld'}], responseDueAt: '2026-12-31'},
  nation: 'england',
  ...over,
});
const draft = (template: string, over: Partial<LetterFacts> = {}) =>
  draftLetter({kind: 'acknowledgement', version: 'standard', largePrint: false, template, facts: facts(over)});

describe('drafting a letter', () => {
  it('says dates in words', () => {
    assert.equal(dateInWords('2026-12-04'), 'Friday 4 December 2026');
    assert.equal(dateInWords('2027-01-15'), 'Friday 15 January 2027');
  });

  it('makes headings, paragraphs with their lines, and lists from the template', () => {
    const model = draft('# Hello {{name}}\r\n\r\nLine one\nLine two {{ reference }}\n\n\n{{points}}\n\nPoints inline: {{points}}');
    assert.deepEqual(model.blocks, [
      {type: 'heading', text: 'Hello Sam'},
      {type: 'paragraph', lines: ['Line one', 'Line two CF-ABCD-EFGH']},
      {type: 'list', items: ['Late']},
      {type: 'paragraph', lines: ['Points inline: Late']},
    ]);
    assert.deepEqual(model.missing, []);
  });

  it('fills each placeholder once: typed placeholders, markup and blank lines stay text in their place', () => {
    const model = draft('Dear {{name}}\n\n{{apology}}', {
      name: '{{reference}} <b>',
      record: {...EMPTY_COMPLAINT_RECORD, apology: '# Not a heading\n\n{{points}}'},
    });
    assert.deepEqual(model.blocks, [
      {type: 'paragraph', lines: ['Dear {{reference}} <b>']},
      {type: 'paragraph', lines: ['# Not a heading', '', '{{points}}']},
    ]);
  });

  it('names what the record does not hold yet, and shows it in square brackets', () => {
    const model = draft('{{investigator}} by {{newDate}}\n\n{{outcomes}}', {record: {...EMPTY_COMPLAINT_RECORD, points: [{text: 'Late', outcome: null}]}});
    assert.deepEqual(model.blocks, [
      {type: 'paragraph', lines: ['[investigator] by [newDate]']},
      {type: 'list', items: ['[outcomes]']},
    ]);
    assert.deepEqual(model.missing, ['investigator', 'newDate', 'outcomes']);
    assert.deepEqual(draft('Dear {{name}}', {name: '  '}).missing, ['name']);
  });

  it('finds placeholders it does not know', () => {
    assert.deepEqual(unknownPlaceholders('{{name}} {{ nmae }} {{nmae}} {{x1}} {{}}'), ['nmae']);
  });

  it('our wording uses only placeholders it knows, and every version of every kind names the reference', () => {
    for (const kind of LETTER_KINDS)
      for (const text of Object.values(DEFAULT_LETTER_TEMPLATES[kind])) {
        assert.deepEqual(unknownPlaceholders(text), []);
        assert.match(text, /\{\{reference\}\}/);
      }
    assert.ok(LETTER_PLACEHOLDERS.includes('ombudsmanWebsite'));
  });

  it('our wording reads plainly: a reader of 9 follows most sentences, and easy read is plainer still', () => {
    const record = {
      ...EMPTY_COMPLAINT_RECORD,
      investigator: 'Jo Smith',
      points: [{text: 'Tea was late', outcome: 'upheld' as const}],
      responseDueAt: '2026-12-31',
      extensions: [{reason: 'We are waiting for the rota.', newDate: '2027-01-15'}],
      apology: 'We are sorry.',
      remedy: 'We will ring you.',
    };
    const graded = (version: 'standard' | 'easy-read') =>
      summarise(
        LETTER_KINDS.flatMap((kind) => {
          const template = DEFAULT_LETTER_TEMPLATES[kind][version === 'standard' ? 'standard' : 'easyRead'];
          return draftLetter({kind, version, largePrint: false, template, facts: facts({record})}).blocks.flatMap((block) =>
            block.type === 'paragraph' ? block.lines : block.type === 'list' ? block.items : [],
          );
        })
          // Sentences only: not the reference, date, greeting and sign-off lines. The ombudsman's name and
          // web address are what they are; the sentences around them are graded.
          .filter((line) => /[.?!]$/.test(line) && !/Ombudsman|https:/.test(line))
          .flatMap(sentences),
      );
    const standard = graded('standard');
    const easy = graded('easy-read');
    // Flesch–Kincaid grade 4 is a reading age of about 9 (tools/readability.mjs, the glossary's measure).
    assert.ok(standard.median <= 4, `standard median grade ${standard.median}: ${JSON.stringify(standard.hardest)}`);
    assert.ok(standard.atOrBelow6 >= 0.85, `standard sentences at grade 6 or below: ${standard.atOrBelow6}`);
    assert.ok(easy.median <= 2.5, `easy-read median grade ${easy.median}: ${JSON.stringify(easy.hardest)}`);
    assert.ok(easy.atOrBelow4 >= 0.85, `easy-read sentences at grade 4 or below: ${easy.atOrBelow4}`);
  });
});
