// The involvement register over HTTP (DESIGN.md, "People taking part"): a person signs up to help
// shape the service, and may leave at any time; the provider lists and erases sign-ups.
//   POST   /v1/involvement                    public, the same rules as POST /v1/submissions
//   POST   /v1/involvement/:reference/leave   public: the person leaves, their contact details go
//   GET    /v1/involvement?way=&topic=&support=&limit=&cursor=   bearer token
//   GET    /v1/involvement/:reference          bearer token
//   DELETE /v1/involvement/:reference          bearer token: erasure (the log goes too)
//   GET    /v1/involvement.csv?way=&topic=&support=&method=   bearer token: the invitation list
//   GET    /v1/involvement/:reference/log      bearer token: what they took part in (involvement-log.ts)
//   POST   /v1/involvement/:reference/log      bearer token: adds to it
import {decodeCursor, encodeCursor} from './cursor.js';
import {createHash} from 'node:crypto';
import {
  INVOLVEMENT_CONTACT_METHODS,
  INVOLVEMENT_SUPPORT,
  INVOLVEMENT_WAYS,
  validateInvolvement,
  type Involvement,
} from '@care-feedback/core';
import {json, problem, discardBody, methodNotAllowed, safeDecode, type ProblemField} from './http.js';
import type {LogLine} from './log.js';
import {
  INVOLVEMENT_REFERENCE_PATTERN,
  normaliseInvolvementReference,
} from './involvement-reference.js';
import {verifyToken} from './tokens.js';
import {handleInvolvementLog} from './involvement-log.js';
import {invitationsCsv, type ContactMethod} from './involvement-invitations.js';
import type {ClientInfo} from './collector.js';
import type {InvolvementCursor, InvolvementFilter, InvolvementRecord, Store} from './types.js';

export interface InvolvementContext {
  getStore(): Promise<Store>;
  now(): Date;
  /** The collector's gate for public POSTs: rate limit, JSON, body limit (collector.ts). */
  readPublicJson(
    request: Request,
    info: ClientInfo | undefined,
    line: LogLine,
  ): Promise<{input: unknown; answer?: undefined} | {answer: Response}>;
  rateLimited(request: Request, info: ClientInfo | undefined, line: LogLine): Promise<Response | undefined>;
}

/** Said to a person who has left (and shown by the element in its own words). */
export const LEFT_MESSAGE =
  'You have left. We have deleted your name and how to contact you. Thank you for your help.';

// Each route below is listed in the route table (routes.ts), which also names it in the log line.

/** /v1/involvement.csv: the invitation list. */
export async function involvementInvitationsRoute(
  ctx: InvolvementContext,
  request: Request,
  line: LogLine,
): Promise<Response> {
  const method = request.method;
  if (method !== 'GET' && method !== 'HEAD') {
    discardBody(request);
    return methodNotAllowed('GET, HEAD');
  }
  return provider(ctx, request, line, undefined, 'invitations');
}

/** /v1/involvement: the public sign-up (POST) and the provider's list. */
export async function involvementRoute(
  ctx: InvolvementContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
): Promise<Response> {
  const method = request.method;
  if (method === 'POST') return signUp(ctx, request, info, line);
  if (method === 'GET' || method === 'HEAD') return provider(ctx, request, line, undefined);
  discardBody(request);
  return methodNotAllowed('GET, HEAD, POST');
}

/** /v1/involvement/:reference/leave: the person leaves. */
export async function involvementLeaveRoute(
  ctx: InvolvementContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  rawReference: string,
): Promise<Response> {
  const reference = normaliseInvolvementReference(safeDecode(rawReference));
  if (request.method !== 'POST') {
    discardBody(request);
    return methodNotAllowed('POST');
  }
  return leave(ctx, request, info, line, reference);
}

/** /v1/involvement/:reference (read, erase) and /v1/involvement/:reference/log. */
export async function involvementRecordRoute(
  ctx: InvolvementContext,
  request: Request,
  line: LogLine,
  rawReference: string,
  part?: 'log',
): Promise<Response> {
  const reference = normaliseInvolvementReference(safeDecode(rawReference));
  return provider(ctx, request, line, reference ?? null, part);
}

async function signUp(
  ctx: InvolvementContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
): Promise<Response> {
  const read = await ctx.readPublicJson(request, info, line);
  if (read.answer) return read.answer;
  const result = validateInvolvement(read.input);
  if (!result.ok) {
    line.outcome = 'invalid';
    return problem(422, 'invalid-involvement', 'Some answers need changing', undefined, {
      errors: result.errors.map(({path, code, message}) => ({path, code, message})),
    });
  }
  const value = result.value;
  const body = canonicalJson(value);
  const store = await ctx.getStore();
  const stored = await store.insertInvolvement({
    id: value.id,
    service: value.service ?? null,
    ways: value.ways,
    support: value.support ?? [],
    topics: value.topics ?? [],
    body,
    bodyHash: createHash('sha256').update(body).digest('hex'),
    receivedAt: ctx.now().toISOString(),
  });
  if (stored.outcome === 'conflict') {
    line.outcome = 'conflict';
    return problem(
      409,
      'id-conflict',
      'Already sent with other answers',
      'A sign-up with this id was already received with different content.',
    );
  }
  line.outcome = stored.outcome === 'created' ? 'created' : 'duplicate';
  return json(stored.outcome === 'created' ? 201 : 200, stored.receipt);
}

async function leave(
  ctx: InvolvementContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  reference: string | undefined,
): Promise<Response> {
  // Limited like a sign-up, so nobody can try reference after reference.
  discardBody(request);
  const limited = await ctx.rateLimited(request, info, line);
  if (limited) return limited;
  const store = await ctx.getStore();
  const record = reference ? await store.getInvolvement(reference) : undefined;
  if (!record) return notFound();
  // What stays is only what counts how people help: no name, no contact, no needs, no own words.
  const {contact: _contact, communicationNeeds: _needs, supportDetail: _detail, ...kept} =
    record.signUp as Involvement;
  const at = ctx.now().toISOString();
  await store.leaveInvolvement(record.reference, canonicalJson(kept), at);
  await store.appendAudit([{at, actor: 'person', reference: record.reference, action: 'involvement-leave', detail: null}]);
  line.outcome = 'left';
  return json(200, {reference: record.reference, left: true, message: LEFT_MESSAGE});
}

/** The bearer-token routes: list, invitation list, read, erase, and the log. */
async function provider(
  ctx: InvolvementContext,
  request: Request,
  line: LogLine,
  reference: string | null | undefined,
  part?: 'invitations' | 'log',
): Promise<Response> {
  // Only the log's POST has a body to read.
  if (part !== 'log') discardBody(request);
  const store = await ctx.getStore();
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  const token = bearer ? await verifyToken(store, bearer) : undefined;
  if (!token) {
    if (part === 'log') discardBody(request);
    line.outcome = 'unauthorized';
    return problem(401, 'unauthorized', 'A provider token is needed', 'Send Authorization: Bearer <token>.', {
      headers: {'www-authenticate': 'Bearer realm="care-feedback"'},
    });
  }
  const at = ctx.now().toISOString();
  const audit = (references: string[], action: string) =>
    store.appendAudit(references.map((ref) => ({at, actor: token.name, reference: ref, action, detail: null})));
  // A token limited to some services sees only their sign-ups; any other is "not found".
  const limited = token.services.length > 0;
  const inScope = (record: InvolvementRecord | undefined): record is InvolvementRecord =>
    record !== undefined &&
    (!limited || (record.signUp.service !== undefined && token.services.includes(record.signUp.service)));

  if (reference === undefined) {
    const url = new URL(request.url);
    const {filter, limit, cursor, errors} = parseQuery(url.searchParams);
    const method = url.searchParams.get('method') || undefined;
    if (part === 'invitations' && method !== undefined && !(INVOLVEMENT_CONTACT_METHODS as readonly string[]).includes(method))
      errors.push({path: 'query.method', message: `Use one of: ${INVOLVEMENT_CONTACT_METHODS.join(', ')}.`});
    if (errors.length) return problem(400, 'bad-query', 'Some filters are not right', undefined, {errors});
    if (limited) filter.services = token.services;
    if (part === 'invitations') {
      line.outcome = 'exported';
      return new Response(
        invitationsCsv(store, filter, method as ContactMethod | undefined, (references) =>
          audit(references, 'involvement-invitations'),
        ),
        {
          status: 200,
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="care-feedback-invitations.csv"',
          },
        },
      );
    }
    const page = await store.listInvolvement(filter, limit, cursor);
    await audit(page.items.map((item) => item.reference), 'involvement-list');
    return json(200, {items: page.items, next: page.next ? encodeCursor(page.next) : null});
  }
  const record = reference === null ? undefined : await store.getInvolvement(reference);
  if (!inScope(record)) {
    if (part === 'log') discardBody(request);
    return notFound();
  }
  if (part === 'log') return handleInvolvementLog(store, request, line, record, token, at);
  if (request.method === 'GET' || request.method === 'HEAD') {
    await audit([record.reference], 'involvement-read');
    return json(200, record);
  }
  if (request.method === 'DELETE') {
    await store.eraseInvolvement(record.reference);
    await audit([record.reference], 'involvement-erase');
    line.outcome = 'erased';
    return new Response(null, {status: 204});
  }
  return methodNotAllowed('GET, HEAD, DELETE');
}

function parseQuery(query: URLSearchParams): {
  filter: InvolvementFilter;
  limit: number;
  cursor?: InvolvementCursor;
  errors: ProblemField[];
} {
  const filter: InvolvementFilter = {};
  const errors: ProblemField[] = [];
  const oneOf = (name: 'way' | 'support', allowed: readonly string[]) => {
    const value = query.get(name);
    if (value === null || value === '') return;
    if (allowed.includes(value)) filter[name] = value;
    else errors.push({path: `query.${name}`, message: `Use one of: ${allowed.join(', ')}.`});
  };
  oneOf('way', INVOLVEMENT_WAYS);
  oneOf('support', INVOLVEMENT_SUPPORT);
  const topic = query.get('topic');
  if (topic !== null && topic.trim() !== '') {
    if (topic.length > 100) errors.push({path: 'query.topic', message: 'Use a topic of 100 characters or fewer.'});
    else filter.topic = topic;
  }
  const limitText = query.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    errors.push({path: 'query.limit', message: 'Use a whole number from 1 to 500.'});
  const cursorText = query.get('cursor');
  const cursor = cursorText ? decodeCursor(cursorText, INVOLVEMENT_REFERENCE_PATTERN) : undefined;
  if (cursorText && !cursor) errors.push({path: 'query.cursor', message: 'Use the cursor from the last page.'});
  return {filter, limit, ...(cursor ? {cursor} : {}), errors};
}


/** JSON with keys sorted at every level: the same sign-up is the same text, whatever order it came in. */
function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((key) => [key, sorted((v as Record<string, unknown>)[key])]),
          )
        : v;
  return JSON.stringify(sorted(value));
}

const notFound = () => problem(404, 'not-found', 'No sign-up has this reference');


