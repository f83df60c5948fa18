// The submission schema: the DESIGN.md example passes, and each kind of bad field is named by its path.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  canonicalSubmissionJson,
  characterCount,
  exampleSubmission,
  newSubmissionId,
  validateSubmission,
  VALIDATION_MESSAGES,
} from '@care-feedback/core/schema';

const errorsOf = (input: unknown) => {
  const result = validateSubmission(input);
  assert.equal(result.ok, false, 'expected the input to be rejected');
  return result.errors!.map(({path, code}) => `${path} ${code}`);
};

describe('submission schema, version 1', () => {
  it('accepts the example from DESIGN.md unchanged', () => {
    const result = validateSubmission(JSON.parse(JSON.stringify(exampleSubmission())));
    assert.equal(result.ok, true);
    assert.deepEqual(result.value, exampleSubmission());
  });

  it('accepts the smallest anonymous submission', () => {
    const {schemaVersion, id, kind, message, consent, createdAt} = exampleSubmission();
    const result = validateSubmission({
      schemaVersion,
      id,
      kind,
      message,
      consent: {store: consent.store},
      createdAt,
    });
    assert.equal(result.ok, true);
  });

  it('drops unknown fields at every level and keeps text byte for byte', () => {
    const message = '  Zürich 🙂 <b>bold</b> مرحبا \u202e\n\ttabs  ';
    const input = {
      ...exampleSubmission({message}),
      surprise: 1,
      contact: {...exampleSubmission().contact, extra: 'x'},
    };
    const result = validateSubmission(input);
    assert.equal(result.ok, true);
    assert.equal(result.value!.message, message);
    assert.equal('surprise' in result.value!, false);
    assert.equal('extra' in result.value!.contact!, false);
  });

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['a wrong schema version', {schemaVersion: 2}, 'schemaVersion schemaVersion.invalid'],
    ['an id that is not a UUID', {id: 'abc'}, 'id id.invalid'],
    ['an unknown kind', {kind: 'moan'}, 'kind kind.required'],
    ['a missing kind', {kind: undefined}, 'kind kind.required'],
    ['a rating off the scale', {rating: 'excellent'}, 'rating rating.invalid'],
    ['a missing message', {message: undefined}, 'message message.required'],
    ['a message of spaces only', {message: ' \n\t '}, 'message message.required'],
    ['a message over 5000 characters', {message: 'a'.repeat(5001)}, 'message message.too-long'],
    [
      'an improvement over 5000 characters',
      {improvement: 'b'.repeat(5001)},
      'improvement improvement.too-long',
    ],
    ['a number as the service', {service: 7}, 'service service.invalid'],
    ['an unknown relationship', {relationship: 'neighbour'}, 'relationship relationship.invalid'],
    [
      'a bad email',
      {contact: {email: 'sam at example', preferredMethod: 'none'}},
      'contact.email contact.email.invalid',
    ],
    [
      'a phone with letters',
      {contact: {phone: 'call me', preferredMethod: 'none'}},
      'contact.phone contact.phone.invalid',
    ],
    [
      'an unknown reply method',
      {contact: {preferredMethod: 'pigeon'}},
      'contact.preferredMethod contact.preferredMethod.invalid',
    ],
    [
      'email chosen with no email',
      {contact: {name: 'Sam', preferredMethod: 'email'}},
      'contact.email contact.email.needed',
    ],
    [
      'phone chosen with no phone',
      {contact: {preferredMethod: 'phone'}},
      'contact.phone contact.phone.needed',
    ],
    [
      'post chosen with no address',
      {contact: {preferredMethod: 'post'}},
      'contact.address contact.address.needed',
    ],
    [
      'an unknown communication need',
      {communicationNeeds: ['smoke-signals']},
      'communicationNeeds.0 communicationNeeds.invalid',
    ],
    [
      'a repeated communication need',
      {communicationNeeds: ['braille', 'braille']},
      'communicationNeeds communicationNeeds.invalid',
    ],
    [
      'a charter right over 100 characters',
      {charterRight: 'r'.repeat(101)},
      'charterRight charterRight.invalid',
    ],
    [
      'no consent to store',
      {consent: {store: false, contact: false, publish: false}},
      'consent.store consent.store.required',
    ],
    ['consent missing', {consent: undefined}, 'consent consent.store.required'],
    [
      'a consent that is not true or false',
      {consent: {store: true, contact: 'yes'}},
      'consent.contact consent.invalid',
    ],
    ['a made-up locale', {locale: 'not a locale!'}, 'locale locale.invalid'],
    ['a javascript: page URL', {page: {url: 'javascript:alert(1)'}}, 'page.url page.invalid'],
    ['a date that is not ISO', {createdAt: 'yesterday'}, 'createdAt createdAt.invalid'],
    ['a negative elapsed time', {spam: {hp: '', elapsedMs: -5}}, 'spam.elapsedMs spam.invalid'],
  ];
  for (const [what, change, expected] of cases) {
    it(`rejects ${what}, naming the field`, () => {
      assert.deepEqual(errorsOf({...exampleSubmission(), ...change}), [expected]);
    });
  }

  it('rejects a body that is not an object', () => {
    for (const body of [null, 42, 'text', [], true]) {
      assert.deepEqual(errorsOf(body), [' body.invalid']);
    }
  });

  it('lists every bad field at once', () => {
    assert.deepEqual(
      errorsOf({...exampleSubmission(), kind: 'x', message: '', consent: {store: false}}),
      ['kind kind.required', 'message message.required', 'consent.store consent.store.required'],
    );
  });

  it('gives every error a short plain-English sentence', () => {
    for (const message of Object.values(VALIDATION_MESSAGES)) {
      assert.match(message, /^[A-Z].*[.]$/);
      assert.ok(message.split(/\s+/).length <= 16, `too long: ${message}`);
    }
  });

  it('counts characters as a person would', () => {
    assert.equal(characterCount('🙂🙂'), 2);
    assert.equal(validateSubmission({...exampleSubmission(), message: '🙂'.repeat(5000)}).ok, true);
  });

  it('gives the same canonical JSON whatever the key order', () => {
    const a = exampleSubmission();
    const b = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    assert.equal(canonicalSubmissionJson(validateSubmission(b).value!), canonicalSubmissionJson(a));
  });

  it('writes canonical JSON with every key sorted, at every level, for every field there is', () => {
    const sortedCopy = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sortedCopy)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, sortedCopy((value as Record<string, unknown>)[key])]),
            )
          : value;
    const everything = exampleSubmission({
      contact: {
        name: 'Sam',
        email: 'sam@example.org',
        phone: '01632 960000',
        address: '1 High St',
        preferredMethod: 'post',
      },
      communicationNeeds: ['large-print', 'easy-read'],
      communicationNeedsDetail: 'Please use short sentences.',
      charterRight: 'respect',
    });
    const validated = validateSubmission(everything).value!;
    assert.equal(canonicalSubmissionJson(validated), JSON.stringify(sortedCopy(everything)));
    // Long text still counts characters, not UTF-16 units: 5000 emoji are 10,000 units.
    assert.equal(validateSubmission({...everything, message: '🙂'.repeat(5001)}).ok, false);
  });

  it('leaves Object.prototype alone when given __proto__', () => {
    const body = JSON.parse(`{"__proto__": {"polluted": true}, "schemaVersion": 1}`);
    validateSubmission(body);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('makes new ids as time-ordered UUIDs (version 7) that the schema accepts and never repeats', () => {
    const ids = Array.from({length: 10_000}, () => newSubmissionId());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids.slice(0, 100)) {
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(validateSubmission(exampleSubmission({id})).ok, true);
    }
    // The first 48 bits are the time in milliseconds, so ids made later sort later.
    const at = Date.UTC(2026, 10, 27, 12, 0, 0, 123);
    assert.equal(parseInt(newSubmissionId(at).replace('-', '').slice(0, 12), 16), at);
    assert.ok(newSubmissionId(at) < newSubmissionId(at + 1));
    assert.ok(newSubmissionId(Date.UTC(2090, 0, 1)) > newSubmissionId(at));
  });
});
