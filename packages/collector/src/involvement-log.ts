// The involvement log over HTTP (#16): who took part in what, and the expenses paid to them.
//   GET  /v1/involvement/:reference/log   bearer token: the entries, the day they took part first
//   POST /v1/involvement/:reference/log   bearer token: adds one entry (checkInvolvementLogInput)
import {randomUUID} from 'node:crypto';
import {checkInvolvementLogInput, type InvolvementLogList} from '@care-feedback/core/provider';
import {BodyTooLarge, discardBody, json, methodNotAllowed, problem, readBody} from './http.js';
import type {LogLine} from './log.js';
import type {InvolvementRecord, Store, TokenRecord} from './types.js';

/** An entry is at most 1,200 characters of text: 16 KB holds it in any script, with room to spare. */
const LOG_BODY_LIMIT = 16 * 1024;

export async function handleInvolvementLog(
  store: Store,
  request: Request,
  line: LogLine,
  record: InvolvementRecord,
  token: TokenRecord,
  at: string,
): Promise<Response> {
  const audit = (action: string, detail: string | null) =>
    store.appendAudit([{at, actor: token.name, reference: record.reference, action, detail}]);
  if (request.method === 'GET' || request.method === 'HEAD') {
    discardBody(request);
    const items = await store.listInvolvementLog(record.reference);
    await audit('involvement-log-read', null);
    const list: InvolvementLogList = {
      reference: record.reference,
      items,
      expensesPence: items.reduce((sum, item) => sum + item.expensesPence, 0),
    };
    return json(200, list);
  }
  if (request.method !== 'POST') {
    discardBody(request);
    return methodNotAllowed('GET, HEAD, POST');
  }
  const read = await readJson(request);
  if ('answer' in read) return read.answer;
  const checked = checkInvolvementLogInput(read.value);
  if (!checked.ok) {
    line.outcome = 'invalid';
    return problem(422, 'invalid-log-entry', 'Some answers need changing', undefined, {errors: checked.errors});
  }
  const entry = {
    id: randomUUID(),
    reference: record.reference,
    ...checked.value,
    recordedBy: token.name,
    recordedAt: at,
  };
  await store.addInvolvementLog(entry);
  // The audit says an entry was added and its id, never its words or the sums paid.
  await audit('involvement-log-add', entry.id);
  line.outcome = 'created';
  return json(201, entry);
}

async function readJson(request: Request): Promise<{value: unknown} | {answer: Response}> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    discardBody(request);
    return {answer: problem(415, 'unsupported-media-type', 'Send JSON')};
  }
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(await readBody(request, LOG_BODY_LIMIT)));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return {value};
  } catch (error) {
    if (error instanceof BodyTooLarge) return {answer: problem(413, 'too-large', 'Too much to send')};
    return {answer: problem(400, 'not-json', 'Not JSON', 'The body must be a JSON object.')};
  }
}
