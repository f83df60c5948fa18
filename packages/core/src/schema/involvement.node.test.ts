// The involvement sign-up schema: a full and a smallest sign-up pass; each bad field is named by its path.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  exampleInvolvement,
  validateInvolvement,
  VALIDATION_MESSAGES,
} from '@care-feedback/core/schema';
import {validateInvolvement as fromCore} from '@care-feedback/core';

const errorsOf = (input: unknown) => {
  const result = validateInvolvement(input);
  assert.equal(result.ok, false, 'expected the input to be rejected');
  return result.errors!.map(({path, code}) => `${path} ${code}`);
};

describe('involvement sign-up schema, version 1', () => {
  it('is exported from the core package index', () => {
    assert.equal(fromCore, validateInvolvement);
  });

  it('accepts the example unchanged', () => {
    const result = validateInvolvement(JSON.parse(JSON.stringify(exampleInvolvement())));
    assert.equal(result.ok, true);
    assert.deepEqual(result.value, exampleInvolvement());
  });

  it('accepts the smallest sign-up: one way, a name and a phone number', () => {
    const {schemaVersion, id, createdAt} = exampleInvolvement();
    const result = validateInvolvement({
      schemaVersion,
      id,
      ways: ['panel'],
      contact: {name: 'Ali', phone: '01632 960000', preferredMethod: 'phone'},
      consent: {store: true, contact: true},
      createdAt,
    });
    assert.equal(result.ok, true);
  });

  it('drops unknown fields and keeps text byte for byte', () => {
    const topic = '  Zürich 🙂 <b>x</b> مرحبا \u202e';
    const result = validateInvolvement({...exampleInvolvement({topics: [topic]}), surprise: 1});
    assert.equal(result.ok, true);
    assert.equal(result.value!.topics![0], topic);
    assert.equal('surprise' in result.value!, false);
  });

  const contact = exampleInvolvement().contact;
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a wrong schema version', {schemaVersion: 2}, 'schemaVersion schemaVersion.invalid'],
    ['an id that is not a UUID', {id: 'abc'}, 'id id.invalid'],
    ['no ways', {ways: []}, 'ways ways.required'],
    ['a missing ways list', {ways: undefined}, 'ways ways.required'],
    ['an unknown way', {ways: ['dancing']}, 'ways.0 ways.required'],
    ['a way twice', {ways: ['panel', 'panel']}, 'ways ways.required'],
    ['an empty topic', {topics: ['  ']}, 'topics.0 topics.invalid'],
    ['a topic over 100 characters', {topics: ['x'.repeat(101)]}, 'topics.0 topics.invalid'],
    ['21 topics', {topics: Array.from({length: 21}, (_, i) => `t${i}`)}, 'topics topics.too-many'],
    ['unknown support', {support: ['money']}, 'support.0 support.invalid'],
    [
      'support detail over 500',
      {supportDetail: 'x'.repeat(501)},
      'supportDetail supportDetail.invalid',
    ],
    [
      'an unknown communication need',
      {communicationNeeds: ['semaphore']},
      'communicationNeeds.0 communicationNeeds.invalid',
    ],
    ['no contact', {contact: undefined}, 'contact contact.invalid'],
    ['no name', {contact: {...contact, name: undefined}}, 'contact.name contact.name.required'],
    ['a name of spaces', {contact: {...contact, name: '  '}}, 'contact.name contact.name.required'],
    [
      'preferred method none',
      {contact: {...contact, preferredMethod: 'none'}},
      'contact.preferredMethod contact.preferredMethod.invalid',
    ],
    [
      'phone chosen without a number',
      {contact: {name: 'A', email: 'a@b.cd', preferredMethod: 'phone'}},
      'contact.phone contact.phone.needed',
    ],
    [
      'post chosen without an address',
      {contact: {name: 'A', preferredMethod: 'post'}},
      'contact.address contact.address.needed',
    ],
    ['a bad email', {contact: {...contact, email: 'nope'}}, 'contact.email contact.email.invalid'],
    ['no consent to store', {consent: {contact: true}}, 'consent.store consent.store.required'],
    [
      'no consent to contact',
      {consent: {store: true, contact: false}},
      'consent.contact consent.contact.required',
    ],
    ['a bad time', {createdAt: 'yesterday'}, 'createdAt createdAt.invalid'],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}`, () => {
      assert.ok(
        errorsOf({...exampleInvolvement(), ...change}).includes(expected),
        JSON.stringify(errorsOf({...exampleInvolvement(), ...change})),
      );
    });
  }

  it('rejects a body that is not an object with one plain message', () => {
    assert.deepEqual(errorsOf('hello'), [' body.invalid']);
    assert.equal(
      validateInvolvement(null).errors![0]!.message,
      VALIDATION_MESSAGES['body.invalid'],
    );
  });
});
