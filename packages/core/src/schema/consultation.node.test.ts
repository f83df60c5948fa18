// The consultation schemas: a provider's consultation, a person's answers fitted to its questions,
// and the published counts, which never hold the words of free text.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptsAnswers,
  checkAnswers,
  exampleConsultationInput,
  exampleConsultationResponse,
  summariseConsultation,
  validateConsultationChange,
  validateConsultationDecision,
  validateConsultationInput,
  validateConsultationResponse,
} from '@care-feedback/core';

const paths = (result: {ok: boolean; errors?: Array<{path: string; message: string}>}) => {
  assert.equal(result.ok, false, 'expected the input to be rejected');
  assert.ok(result.errors!.every((e) => e.message.length > 0), 'every error has plain words');
  return result.errors!.map((e) => e.path).sort();
};

describe('consultation schema', () => {
  it('accepts the example unchanged, and drops unknown fields', () => {
    const result = validateConsultationInput({...exampleConsultationInput(), extra: 1});
    assert.equal(result.ok, true);
    assert.deepEqual(result.value, exampleConsultationInput());
  });

  it('names each bad field by its path', () => {
    const input = exampleConsultationInput();
    const bad = {
      ...input,
      slug: 'Visit Times!',
      title: '   ',
      proposal: {...input.proposal, why: ''},
      questions: [
        {id: 'q1', type: 'choice', text: 'Pick', options: [{id: 'a', label: 'A'}]},
        {id: 'q2', type: 'scale', text: 'Rate'},
        {id: 'Q 3', type: 'poll', text: 'x'},
      ],
      closesAt: 'next Tuesday',
    };
    assert.deepEqual(paths(validateConsultationInput(bad)), [
      'closesAt',
      'proposal.why',
      'questions.0.options',
      'questions.1.scale',
      'questions.2.id',
      'questions.2.type',
      'slug',
      'title',
    ]);
    assert.deepEqual(paths(validateConsultationInput({...input, questions: []})), ['questions']);
    assert.deepEqual(paths(validateConsultationInput({...input, questions: [input.questions[0], input.questions[0]]})), ['questions']);
  });

  it('takes a change without the slug, and a decision needs what was decided and what changed', () => {
    assert.deepEqual(validateConsultationChange({title: 'New title', slug: 'other'}).value, {title: 'New title'});
    assert.deepEqual(paths(validateConsultationDecision({decision: ' '})), ['changes', 'decision']);
  });
});

describe('consultation response', () => {
  const consultation = exampleConsultationInput();

  it('accepts the example, anonymous or with contact details and a yes to contact', () => {
    assert.equal(validateConsultationResponse(exampleConsultationResponse()).ok, true);
    const named = exampleConsultationResponse({
      contact: {name: 'Sam', email: 'sam@example.org', preferredMethod: 'email'},
      consent: {store: true, contact: true},
    });
    assert.equal(validateConsultationResponse(named).ok, true);
    assert.deepEqual(paths(validateConsultationResponse({...named, consent: {store: true}})), ['consent.contact']);
    assert.deepEqual(paths(validateConsultationResponse({...named, consent: {store: false, contact: true}, consultation: 'A B'})), [
      'consent.store',
      'consultation',
    ]);
  });

  it('fits answers to the questions: a known option, a whole number in range, required ones answered', () => {
    assert.deepEqual(checkAnswers(consultation, {agree: 'yes', effect: 5}), []);
    assert.deepEqual(
      checkAnswers(consultation, {agree: 'maybe', effect: 6, comments: 'x'.repeat(5001), other: 'y'}).map((e) => `${e.path} ${e.code}`),
      ['answers.other answers.unknown', 'answers.agree answers.invalid', 'answers.effect answers.invalid', 'answers.comments answers.too-long'],
    );
    assert.deepEqual(checkAnswers(consultation, {effect: 2.5}).map((e) => `${e.path} ${e.code}`), [
      'answers.agree answers.required',
      'answers.effect answers.invalid',
    ]);
  });

  it('counts each choice and each point of a scale, and only counts free text', () => {
    const summary = summariseConsultation(consultation, [
      {agree: 'yes', effect: 4, comments: 'My secret words'},
      {agree: 'yes', effect: 5},
      {agree: 'no', comments: '  '},
    ]);
    assert.equal(summary.responses, 3);
    assert.deepEqual(summary.questions[0]!.counts, {yes: 2, no: 1, 'not-sure': 0});
    assert.deepEqual(summary.questions[1]!.distribution, {'1': 0, '2': 0, '3': 0, '4': 1, '5': 1});
    assert.equal(summary.questions[2]!.answered, 1);
    assert.ok(!JSON.stringify(summary).includes('secret'));
  });

  it('takes answers only while open and before the closing time', () => {
    const closesAt = '2027-01-31T17:00:00.000Z';
    assert.equal(acceptsAnswers({status: 'open', closesAt}, new Date('2027-01-31T16:59:59Z')), true);
    assert.equal(acceptsAnswers({status: 'open', closesAt}, new Date('2027-01-31T17:00:00Z')), false);
    assert.equal(acceptsAnswers({status: 'closed', closesAt}, new Date('2026-01-01T00:00:00Z')), false);
  });
});
