// The "About you" schema: every answer may be left out or "prefer not to say"; the census's 19 ethnic
// groups in 5; a bad answer, a missing consent or a missing feedback id is named by its path.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  ABOUT_YOU_QUESTIONS,
  ETHNIC_GROUPS,
  ETHNICITIES,
  ethnicGroupOf,
  exampleAboutYou,
  validateAboutYou,
  ABOUT_YOU_MESSAGES,
  VALIDATION_MESSAGES,
} from '@care-feedback/core';

const errorsOf = (input: unknown) => {
  const result = validateAboutYou(input);
  assert.equal(result.ok, false, 'expected the input to be rejected');
  return result.errors!.map(({path, code}) => `${path} ${code}`);
};

describe('"About you" schema, version 1', () => {
  it('accepts the example unchanged, and answers left out entirely', () => {
    const result = validateAboutYou(JSON.parse(JSON.stringify(exampleAboutYou())));
    assert.equal(result.ok, true);
    assert.deepEqual(result.value, exampleAboutYou());
    assert.equal(validateAboutYou(exampleAboutYou({answers: {}})).ok, true);
  });

  it('offers "prefer not to say" on every question, and accepts it', () => {
    for (const [question, answers] of Object.entries(ABOUT_YOU_QUESTIONS)) {
      assert.equal(answers.at(-1), 'prefer-not-to-say', question);
      assert.equal(validateAboutYou(exampleAboutYou({answers: {[question]: 'prefer-not-to-say'}})).ok, true, question);
    }
  });

  it('has the 19 census ethnic groups in 5 high-level groups', () => {
    assert.equal(ETHNICITIES.length, 19);
    assert.equal(new Set(ETHNICITIES).size, 19);
    assert.deepEqual(Object.keys(ETHNIC_GROUPS), ['asian', 'black', 'mixed', 'white', 'other']);
    assert.equal(ethnicGroupOf('roma'), 'white');
    assert.equal(ethnicGroupOf('arab'), 'other');
    assert.equal(ethnicGroupOf('prefer-not-to-say'), undefined);
  });

  it('names each wrong answer by its path, in plain words', () => {
    assert.deepEqual(errorsOf(exampleAboutYou({answers: {ethnicity: 'martian' as never, ageBand: '<script>' as never}})).sort(), [
      'answers.ageBand answers.ageBand.invalid',
      'answers.ethnicity answers.ethnicity.invalid',
    ]);
    assert.equal(ABOUT_YOU_MESSAGES['answers.ethnicity.invalid'], 'Choose an ethnic group from the list.');
    assert.equal(validateAboutYou(exampleAboutYou({answers: {sex: 'x' as never}})).errors![0]!.message, ABOUT_YOU_MESSAGES['answers.sex.invalid']);
    // They are not the feedback form's: its catalogue holds every feedback code, and these never show there.
    assert.equal('answers.ethnicity.invalid' in VALIDATION_MESSAGES, false);
  });

  it('needs its own consent and the id of the feedback it follows', () => {
    assert.deepEqual(errorsOf({...exampleAboutYou(), consent: {equality: false}}), [
      'consent.equality consent.equality.required',
    ]);
    assert.deepEqual(errorsOf({...exampleAboutYou(), consent: undefined}), ['consent consent.equality.required']);
    assert.deepEqual(errorsOf({...exampleAboutYou(), submissionId: 'CF-1234'}), ['submissionId submissionId.invalid']);
  });

  it('gives every error of its own a short plain-English sentence', () => {
    for (const message of Object.values(ABOUT_YOU_MESSAGES)) {
      assert.match(message, /^[A-Z].*[.]$/);
      assert.ok(message.split(/\s+/).length <= 16, `too long: ${message}`);
    }
  });

  it('drops fields it does not know', () => {
    const result = validateAboutYou({...exampleAboutYou(), name: 'Sam', answers: {carer: 'yes', nickname: 'x'}});
    assert.equal(result.ok, true);
    assert.deepEqual(result.value!.answers, {carer: 'yes'});
    assert.equal('name' in result.value!, false);
  });
});
