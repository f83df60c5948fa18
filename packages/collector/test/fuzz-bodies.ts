// fast-check generators of hostile request bodies, shared by the fuzz test and the soak.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {exampleSubmission} from '@care-feedback/core';

export interface FuzzRequest {
  contentType: string;
  body: string | Uint8Array;
}

const example = exampleSubmission() as unknown as Record<string, unknown>;
const fields = Object.keys(example);

const nasty = fc.oneof(
  fc.anything(),
  fc.string({unit: 'binary'}),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    '\u0000',
    '\ud800',
    '=1+1',
    '<script>',
    'NaN',
  ),
  fc.double(),
  fc.bigInt().map(String),
);

/** The example with one field swapped for something odd, dropped, or a prototype-polluting key added. */
const mutated = fc
  .record({
    field: fc.constantFrom(...fields, '__proto__', 'constructor', 'contact.__proto__'),
    value: nasty,
    drop: fc.boolean(),
    id: fc.uuid(),
  })
  .map(({field, value, drop, id}) => {
    const copy: Record<string, unknown> = {...example, id};
    if (drop) delete copy[field];
    else copy[field] = value;
    let text = JSON.stringify(copy, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) ?? 'null';
    if (field === '__proto__' || field === 'constructor')
      text = text.replace(/^\{/, `{"${field}":{"polluted":true,"toString":1},`);
    return text;
  });

const deep = fc.integer({min: 100, max: 20_000}).map((n) => '['.repeat(n) + ']'.repeat(n));
const deepObject = fc
  .integer({min: 100, max: 5_000})
  .map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n));
const truncated = fc
  .tuple(fc.constant(JSON.stringify(example)), fc.nat())
  .map(([text, n]) => text.slice(0, n % text.length));
const big = fc
  .integer({min: 60_000, max: 90_000})
  .map((n) => JSON.stringify({...example, message: 'x'.repeat(n)}));
const randomJson = fc.json({depthSize: 'medium'});
const randomBytes = fc.uint8Array({maxLength: 2000});
const wrongTypes = fc.dictionary(fc.constantFrom(...fields), nasty).map((o) => {
  try {
    return JSON.stringify(o, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) ?? '{}';
  } catch {
    return '{}';
  }
});

export const hostileRequest: fc.Arbitrary<FuzzRequest> = fc.record({
  contentType: fc.oneof(
    {weight: 8, arbitrary: fc.constant('application/json')},
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/plain',
        '',
        'application/json; charset=utf-16',
        'application/x-www-form-urlencoded',
        'application/json;;;',
        '\u00ff',
      ),
    },
  ),
  body: fc.oneof(
    mutated,
    mutated,
    wrongTypes,
    randomJson,
    truncated,
    deep,
    deepObject,
    big,
    randomBytes,
    fc.string({unit: 'grapheme'}),
  ),
});

/** Statuses a client's bad input may get; anything else (a 5xx above all) is a failure. */
export const CLIENT_STATUSES = new Set([200, 201, 400, 409, 413, 415, 422]);

/**
 * Sends one hostile request and checks what any client may rely on: a client status, never a 5xx,
 * and Object.prototype untouched. Counts each status in `statuses`.
 */
export async function sendHostile(api: string, {contentType, body}: FuzzRequest, statuses: Map<number, number>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${api}/submissions`, {
      method: 'POST',
      headers: contentType ? {'content-type': contentType} : {},
      body: body as BodyInit,
    });
  } catch (error) {
    // Only a header fetch itself refuses to send (e.g. a non-Latin-1 content type) may fail here.
    if (/header|ByteString/i.test(String((error as Error).cause ?? error))) return;
    throw error;
  }
  await response.arrayBuffer();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  assert.ok(CLIENT_STATUSES.has(response.status), `status ${response.status}`);
  assert.equal(Object.keys(Object.prototype).length, 0);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}
