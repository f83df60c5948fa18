// Consultations over HTTP (DESIGN.md, "People taking part"): a provider asks people about a plan, people
// answer, and once it is decided everyone sees "We asked, you said, we did".
//   GET    /v1/consultations/:slug                     public (not drafts); with a token, any, with live counts
//                                                      and the free text grouped by theme (`written`)
//   POST   /v1/consultations/:slug/responses           public, the same rules as POST /v1/submissions
//   GET    /v1/consultations                           bearer: every consultation, with how many answered
//   POST   /v1/consultations                           bearer: create a draft
//   PATCH  /v1/consultations/:slug                     bearer: change it (questions only while a draft)
//   DELETE /v1/consultations/:slug                     bearer: delete it and every answer to it
//   POST   /v1/consultations/:slug/open|close|decide   bearer: the workflow draft -> open -> closed -> decided
//   GET    /v1/consultations/:slug/responses           bearer: the answers, newest first, a page at a time
//   GET    /v1/consultations/:slug/responses/:reference, DELETE (erasure)   bearer
//   GET    /v1/consultations/:slug/export.csv          bearer: every answer, one row each
import {createHash} from 'node:crypto';
import {
  acceptsAnswers,
  checkAnswers,
  CONSULTATION_SLUG,
  CONSULTATION_TRANSITIONS,
  summariseConsultation,
  validateConsultationChange,
  validateConsultationDecision,
  validateConsultationInput,
  validateConsultationResponse,
  type Consultation,
  type ConsultationAction,
  type ConsultationResponse,
  type ConsultationWritten,
  type FieldError,
  type PublicConsultation,
} from '@care-feedback/core';
import {
  CONSULTATION_REFERENCE_PATTERN,
  normaliseConsultationReference,
} from './consultation-reference.js';
import {csvRow} from './csv.js';
import {decodeCursor, encodeCursor} from './cursor.js';
import {json, problem, discardBody, methodNotAllowed, safeDecode, type ProblemField} from './http.js';
import type {LogLine} from './log.js';
import {suggestThemes} from './theme-suggestions.js';
import {verifyToken} from './tokens.js';
import type {ClientInfo} from './collector.js';
import type {Store, TokenRecord} from './types.js';

export interface ConsultationsContext {
  getStore(): Promise<Store>;
  now(): Date;
  /** A response sent faster than this (spam.elapsedMs) is quarantined, as feedback is. */
  minElapsedMs: number;
  /** The collector's gate for JSON bodies: rate limit (when `limit`), JSON, body limit (collector.ts). */
  readJson(
    request: Request,
    info: ClientInfo | undefined,
    line: LogLine,
    limit: boolean,
  ): Promise<{input: unknown; answer?: undefined} | {answer: Response}>;
}

/** The saying for answers that come after a consultation closed (the element says it in its own words). */
export const CLOSED_MESSAGE = 'This consultation has closed. We cannot take new answers.';

// Each route below is listed in the route table (routes.ts), which also names it in the log line.

/** /v1/consultations: the provider's list, and a new draft. */
export async function consultationsRoute(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
): Promise<Response> {
  const method = request.method;
  if (method === 'POST' || method === 'GET' || method === 'HEAD') return withToken(ctx, request, line, (token) =>
    method === 'POST' ? create(ctx, request, info, line, token) : list(ctx, token));
  return refuseMethod(request, 'GET, HEAD, POST');
}

/** /v1/consultations/:slug: read (public when open), change, delete. */
export async function consultationRoute(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  rawSlug: string,
): Promise<Response> {
  const method = request.method;
  const slug = safeDecode(rawSlug);
  if (method === 'GET' || method === 'HEAD') return read(ctx, request, line, slug);
  if (method === 'PATCH') return withToken(ctx, request, line, (token) => change(ctx, request, info, line, token, slug));
  if (method === 'DELETE') return withToken(ctx, request, line, (token) => remove(ctx, line, token, slug));
  return refuseMethod(request, 'GET, HEAD, PATCH, DELETE');
}

/** /v1/consultations/:slug/open, /close and /decide. */
export async function consultationMoveRoute(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  rawSlug: string,
  part: 'open' | 'close' | 'decide',
): Promise<Response> {
  const slug = safeDecode(rawSlug);
  if (request.method !== 'POST') return refuseMethod(request, 'POST');
  return withToken(ctx, request, line, (token) => move(ctx, request, info, line, token, slug, part));
}

/** /v1/consultations/:slug/responses: a person's answers (public POST), and the provider's list. */
export async function consultationResponsesRoute(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  rawSlug: string,
): Promise<Response> {
  const method = request.method;
  const slug = safeDecode(rawSlug);
  if (method === 'POST') return respond(ctx, request, info, line, slug);
  if (method === 'GET' || method === 'HEAD') return withToken(ctx, request, line, (token) => responses(ctx, request, token, slug));
  return refuseMethod(request, 'GET, HEAD, POST');
}

/** /v1/consultations/:slug/responses/:reference: one response, read or erased. */
export async function consultationResponseRoute(
  ctx: ConsultationsContext,
  request: Request,
  line: LogLine,
  rawSlug: string,
  rawReference: string,
): Promise<Response> {
  const method = request.method;
  const slug = safeDecode(rawSlug);
  if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE') return refuseMethod(request, 'GET, HEAD, DELETE');
  const reference = normaliseConsultationReference(safeDecode(rawReference));
  return withToken(ctx, request, line, (token) => oneResponse(ctx, request, line, token, slug, reference));
}

/** /v1/consultations/:slug/export.csv. */
export async function consultationExportRoute(
  ctx: ConsultationsContext,
  request: Request,
  line: LogLine,
  rawSlug: string,
): Promise<Response> {
  const slug = safeDecode(rawSlug);
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuseMethod(request, 'GET, HEAD');
  return withToken(ctx, request, line, (token) => exportCsv(ctx, token, slug));
}

// ---- the public side ----------------------------------------------------------------------------

async function read(ctx: ConsultationsContext, request: Request, line: LogLine, slug: string): Promise<Response> {
  discardBody(request);
  const store = await ctx.getStore();
  // With a provider token: any consultation, drafts too, with the counts so far (the inbox's preview).
  if (request.headers.get('authorization') !== null) {
    const token = await tokenOf(store, request);
    if (!token) return unauthorized(line);
    const consultation = await findInScope(store, token, slug);
    if (!consultation) return notFound();
    const summary = summariseConsultation(consultation, await store.consultationAnswers(slug));
    const {written, references} = await writtenByTheme(store, consultation);
    // People's own words are read here, as in the list of answers: the trail says whose.
    if (references.length) await audit(ctx, token, references, 'consultation-response-list');
    return json(200, {...publicView(consultation, ctx.now()), summary, written});
  }
  const consultation = await store.getConsultation(slug);
  if (!consultation || consultation.status === 'draft') return notFound();
  return json(200, publicView(consultation, ctx.now()));
}

/** What everyone may see: the consultation, whether it takes answers, and once decided the counts frozen then. */
function publicView(consultation: Consultation & {summary?: unknown}, now: Date): PublicConsultation {
  const {summary, ...rest} = consultation;
  return {
    ...rest,
    accepting: acceptsAnswers(consultation, now),
    ...(consultation.status === 'decided' && summary ? {summary: summary as PublicConsultation['summary']} : {}),
  };
}

type WrittenAnswer = ConsultationWritten['groups'][number]['answers'][number];

/**
 * The free text of every counted answer (not quarantined, as in the counts), each under the theme the
 * provider's keyword rules suggest first (theme-suggestions.ts): themes in the provider's order, then
 * the answers no rule matched. For the provider only: the public summary never holds anyone's words.
 */
async function writtenByTheme(store: Store, consultation: Consultation): Promise<{written: ConsultationWritten[]; references: string[]}> {
  const textQuestions = consultation.questions.filter((q) => q.type === 'text');
  if (!textQuestions.length) return {written: [], references: []};
  const themes = await store.listThemes();
  const written = textQuestions.map((q) => ({question: q.id, byTheme: new Map<string | null, WrittenAnswer[]>()}));
  const references = new Set<string>();
  const counted: Array<{reference: string; answers: Record<string, unknown>}> = [];
  let cursor: Parameters<Store['listConsultationResponses']>[2];
  do {
    const page = await store.listConsultationResponses(consultation.slug, 500, cursor);
    for (const item of page.items) if (!item.quarantined) counted.push({reference: item.reference, answers: item.response.answers});
    cursor = page.next;
  } while (cursor);
  // Pages come newest first; within a theme, the oldest answer is read first.
  for (const item of counted.reverse())
    for (const {question, byTheme} of written) {
      const words = item.answers[question];
      if (typeof words !== 'string' || words.trim() === '') continue;
      const top = suggestThemes(words, themes)[0];
      const key = top?.themeId ?? null;
      byTheme.set(key, [...(byTheme.get(key) ?? []), {reference: item.reference, text: words, matched: top?.matched ?? []}]);
      references.add(item.reference);
    }
  return {
    written: written.map(({question, byTheme}) => ({
      question,
      groups: [
        ...themes.filter((theme) => byTheme.has(theme.id)).map((theme) => ({themeId: theme.id, name: theme.name, answers: byTheme.get(theme.id)!})),
        ...(byTheme.has(null) ? [{themeId: null, name: null, answers: byTheme.get(null)!}] : []),
      ],
    })),
    references: [...references],
  };
}

async function respond(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  slug: string,
): Promise<Response> {
  const read = await ctx.readJson(request, info, line, true);
  if (read.answer) return read.answer;
  const result = validateConsultationResponse(read.input);
  if (!result.ok) return invalid(line, result.errors);
  const value = result.value;
  if (value.consultation !== slug)
    return invalid(line, [
      {path: 'consultation', code: 'consultation.invalid', message: 'These answers are for another consultation. Please reload the page and try again.'},
    ]);
  const store = await ctx.getStore();
  const consultation = await store.getConsultation(slug);
  if (!consultation || consultation.status === 'draft') return notFound();
  const body = canonicalJson(value);
  const bodyHash = createHash('sha256').update(body).digest('hex');
  // A repeat of answers already kept is the same answer, even after closing: a phone that was offline
  // may send again after its first send got through but its answer was lost.
  const earlier = await store.findConsultationResponse(value.id);
  if (earlier) {
    if (earlier.bodyHash !== bodyHash) return idConflict(line);
    line.outcome = 'duplicate';
    return json(200, earlier.receipt);
  }
  if (!acceptsAnswers(consultation, ctx.now())) {
    line.outcome = 'closed';
    return problem(409, 'consultation-closed', 'This consultation has closed', CLOSED_MESSAGE, {
      errors: [{path: 'consultation', code: 'consultation.closed', message: CLOSED_MESSAGE}],
    });
  }
  const misfit = checkAnswers(consultation, value.answers);
  if (misfit.length) return invalid(line, misfit);
  const stored = await store.insertConsultationResponse({
    id: value.id,
    consultation: slug,
    body,
    bodyHash,
    quarantined: isSpam(value, ctx.minElapsedMs),
    receivedAt: ctx.now().toISOString(),
  });
  if (stored.outcome === 'conflict') return idConflict(line);
  line.outcome = stored.outcome === 'created' ? 'created' : 'duplicate';
  return json(stored.outcome === 'created' ? 201 : 200, stored.receipt);
}

function isSpam(response: ConsultationResponse, minElapsedMs: number): boolean {
  if (response.spam?.hp) return true;
  return response.spam?.elapsedMs !== undefined && response.spam.elapsedMs < minElapsedMs;
}

// ---- the provider side --------------------------------------------------------------------------

type Handler = (token: TokenRecord) => Promise<Response>;

async function tokenOf(store: Store, request: Request): Promise<TokenRecord | undefined> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  return bearer ? verifyToken(store, bearer) : undefined;
}

async function withToken(ctx: ConsultationsContext, request: Request, line: LogLine, handler: Handler): Promise<Response> {
  const token = await tokenOf(await ctx.getStore(), request);
  if (!token) {
    discardBody(request);
    return unauthorized(line);
  }
  return handler(token);
}

/** A token limited to some services sees only their consultations; any other is "not found". */
async function findInScope(store: Store, token: TokenRecord, slug: string): Promise<Consultation | undefined> {
  if (!CONSULTATION_SLUG.test(slug)) return undefined;
  const consultation = await store.getConsultation(slug);
  if (!consultation) return undefined;
  if (token.services.length && !(consultation.service && token.services.includes(consultation.service))) return undefined;
  return consultation;
}

async function audit(ctx: ConsultationsContext, token: TokenRecord, references: string[], action: string): Promise<void> {
  const at = ctx.now().toISOString();
  await (await ctx.getStore()).appendAudit(references.map((reference) => ({at, actor: token.name, reference, action, detail: null})));
}

async function list(ctx: ConsultationsContext, token: TokenRecord): Promise<Response> {
  const store = await ctx.getStore();
  const items = await store.listConsultations(token.services.length ? token.services : undefined);
  const now = ctx.now();
  return json(200, {items: items.map((item) => ({...item, accepting: acceptsAnswers(item, now)}))});
}

async function create(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  token: TokenRecord,
): Promise<Response> {
  const read = await ctx.readJson(request, info, line, false);
  if (read.answer) return read.answer;
  const result = validateConsultationInput(read.input);
  if (!result.ok) return invalid(line, result.errors, 'invalid-consultation');
  const input = result.value;
  if (token.services.length && !(input.service && token.services.includes(input.service)))
    return problem(403, 'limited-token', 'This token is for some services only', `Make consultations for ${token.services.join(', ')} only.`);
  const at = ctx.now().toISOString();
  const consultation: Consultation = {
    ...input,
    status: 'draft',
    createdAt: at,
    updatedAt: at,
    openedAt: null,
    closedAt: null,
    decidedAt: null,
    decision: null,
  };
  const store = await ctx.getStore();
  if (!(await store.insertConsultation(consultation)))
    return problem(409, 'slug-taken', 'This name is taken', 'Another consultation already has this slug. Choose another.', {
      errors: [{path: 'slug', message: 'Another consultation already has this name. Choose another.'}],
    });
  await audit(ctx, token, [`consultation:${consultation.slug}`], 'consultation-create');
  line.outcome = 'created';
  return json(201, consultation, {location: `/v1/consultations/${consultation.slug}`});
}

async function change(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  token: TokenRecord,
  slug: string,
): Promise<Response> {
  const read = await ctx.readJson(request, info, line, false);
  if (read.answer) return read.answer;
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  if (!consultation) return notFound();
  const result = validateConsultationChange(read.input);
  if (!result.ok) return invalid(line, result.errors, 'invalid-consultation');
  const fields = result.value;
  if (consultation.status === 'closed' || consultation.status === 'decided')
    return problem(409, 'consultation-finished', 'This consultation has closed', 'A closed or decided consultation cannot be changed. Its answers were given to what people saw.');
  // People have answered these questions: changing them would change what their answers mean.
  if (consultation.status === 'open' && fields.questions !== undefined)
    return problem(409, 'questions-fixed', 'The questions cannot change once it is open', 'Close it and make a new consultation to ask other questions.', {
      errors: [{path: 'questions', message: 'The questions cannot change once people can answer them.'}],
    });
  if (token.services.length && fields.service !== undefined && !token.services.includes(fields.service))
    return problem(403, 'limited-token', 'This token is for some services only', `Use ${token.services.join(', ')} only.`);
  return save(ctx, line, token, consultation, {...consultation, ...fields}, 'consultation-change');
}

async function move(
  ctx: ConsultationsContext,
  request: Request,
  info: ClientInfo | undefined,
  line: LogLine,
  token: TokenRecord,
  slug: string,
  action: ConsultationAction,
): Promise<Response> {
  let input: unknown;
  if (action === 'decide') {
    const read = await ctx.readJson(request, info, line, false);
    if (read.answer) return read.answer;
    input = read.input;
  } else discardBody(request);
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  if (!consultation) return notFound();
  const transition = CONSULTATION_TRANSITIONS[action];
  if (!(transition.from as readonly string[]).includes(consultation.status))
    return problem(409, 'wrong-status', `A ${consultation.status} consultation cannot ${action}`, `It must be ${transition.from.join(' or ')} first.`);
  const now = ctx.now();
  const at = now.toISOString();
  const next: Consultation & {summary?: unknown} = {...consultation, status: transition.to};
  if (action === 'open') {
    if (Date.parse(consultation.closesAt) <= now.getTime())
      return invalid(line, [{path: 'closesAt', code: 'consultation.closesAt.invalid', message: 'Set a closing date in the future before you open it.'}], 'invalid-consultation');
    next.openedAt = consultation.openedAt ?? at;
    next.closedAt = null;
  } else if (action === 'close') next.closedAt = at;
  else {
    const result = validateConsultationDecision(input);
    if (!result.ok) return invalid(line, result.errors, 'invalid-decision');
    next.decision = result.value;
    next.decidedAt = at;
    // The counts are frozen when the decision is published: what was said then stays what was said,
    // whatever retention later removes.
    next.summary = summariseConsultation(consultation, await store.consultationAnswers(slug));
  }
  return save(ctx, line, token, consultation, next, `consultation-${action}`);
}

async function save(
  ctx: ConsultationsContext,
  line: LogLine,
  token: TokenRecord,
  before: Consultation,
  after: Consultation,
  action: string,
): Promise<Response> {
  const store = await ctx.getStore();
  let at = ctx.now().toISOString();
  // Two changes in one millisecond must still be told apart by their version.
  if (at <= before.updatedAt) at = new Date(Date.parse(before.updatedAt) + 1).toISOString();
  const saved = {...after, updatedAt: at};
  if (!(await store.updateConsultation(saved, before.updatedAt)))
    return problem(409, 'changed-meanwhile', 'Someone else changed it just now', 'Load it again and make your change once more.');
  await audit(ctx, token, [`consultation:${before.slug}`], action);
  line.outcome = action;
  return json(200, publicView(saved, ctx.now()));
}

async function remove(ctx: ConsultationsContext, line: LogLine, token: TokenRecord, slug: string): Promise<Response> {
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  if (!consultation) return notFound();
  await store.deleteConsultation(slug);
  await audit(ctx, token, [`consultation:${slug}`], 'consultation-delete');
  line.outcome = 'erased';
  return new Response(null, {status: 204});
}

async function responses(ctx: ConsultationsContext, request: Request, token: TokenRecord, slug: string): Promise<Response> {
  discardBody(request);
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  if (!consultation) return notFound();
  const query = new URL(request.url).searchParams;
  const errors: ProblemField[] = [];
  const limitText = query.get('limit');
  const limit = limitText === null ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) errors.push({path: 'query.limit', message: 'Use a whole number from 1 to 500.'});
  const cursorText = query.get('cursor');
  const cursor = cursorText ? decodeCursor(cursorText, CONSULTATION_REFERENCE_PATTERN) : undefined;
  if (cursorText && !cursor) errors.push({path: 'query.cursor', message: 'Use the cursor from the last page.'});
  if (errors.length) return problem(400, 'bad-query', 'Some filters are not right', undefined, {errors});
  const page = await store.listConsultationResponses(slug, limit, cursor);
  await audit(ctx, token, page.items.map((item) => item.reference), 'consultation-response-list');
  return json(200, {items: page.items, next: page.next ? encodeCursor(page.next) : null});
}

async function oneResponse(
  ctx: ConsultationsContext,
  request: Request,
  line: LogLine,
  token: TokenRecord,
  slug: string,
  reference: string | undefined,
): Promise<Response> {
  discardBody(request);
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  const record = consultation && reference ? await store.getConsultationResponse(reference) : undefined;
  if (!record || record.consultation !== slug) return notFound('No answer has this reference');
  if (request.method === 'DELETE') {
    await store.eraseConsultationResponse(record.reference);
    await audit(ctx, token, [record.reference], 'consultation-response-erase');
    line.outcome = 'erased';
    return new Response(null, {status: 204});
  }
  await audit(ctx, token, [record.reference], 'consultation-response-read');
  return json(200, record);
}

/** Every answer, one row each: the questions' own words as headings, formula-safe cells. */
async function exportCsv(ctx: ConsultationsContext, token: TokenRecord, slug: string): Promise<Response> {
  const store = await ctx.getStore();
  const consultation = await findInScope(store, token, slug);
  if (!consultation) return notFound();
  const rows: string[] = [
    csvRow([
      'reference',
      'receivedAt',
      'quarantined',
      ...consultation.questions.map((q) => q.text),
      'name',
      'email',
      'phone',
      'address',
      'preferredMethod',
      'communicationNeeds',
      'locale',
    ]),
  ];
  const references: string[] = [];
  let cursor: Parameters<Store['listConsultationResponses']>[2];
  do {
    const page = await store.listConsultationResponses(slug, 500, cursor);
    for (const item of page.items) {
      const {answers, contact, communicationNeeds, locale} = item.response;
      references.push(item.reference);
      rows.push(
        csvRow([
          item.reference,
          item.receivedAt,
          item.quarantined ? 'yes' : 'no',
          ...consultation.questions.map((q) => {
            const answer = answers[q.id];
            if (q.type === 'choice') return q.options?.find((o) => o.id === answer)?.label ?? answer;
            return answer;
          }),
          contact?.name,
          contact?.email,
          contact?.phone,
          contact?.address,
          contact?.preferredMethod,
          communicationNeeds,
          locale,
        ]),
      );
    }
    cursor = page.next;
  } while (cursor);
  await audit(ctx, token, references, 'consultation-export');
  // A byte-order mark, so spreadsheets read the file as UTF-8.
  return new Response(`\uFEFF${rows.join('')}`, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="consultation-${slug}.csv"`,
    },
  });
}

// ---- answers ------------------------------------------------------------------------------------

function invalid(line: LogLine, errors: FieldError[] | ProblemField[], type = 'invalid-response'): Response {
  line.outcome = 'invalid';
  return problem(422, type, 'Some answers need changing', undefined, {errors: errors.map(({path, code, message}: ProblemField & {code?: string}) => ({path, ...(code ? {code} : {}), message}))});
}

function idConflict(line: LogLine): Response {
  line.outcome = 'conflict';
  return problem(409, 'id-conflict', 'Already sent with other answers', 'Answers with this id were already received with different content.');
}

function unauthorized(line: LogLine): Response {
  line.outcome = 'unauthorized';
  return problem(401, 'unauthorized', 'A provider token is needed', 'Send Authorization: Bearer <token>.', {
    headers: {'www-authenticate': 'Bearer realm="care-feedback"'},
  });
}

const notFound = (title = 'No consultation has this name') => problem(404, 'not-found', title);

/** 405, saying the body will not be read. */
function refuseMethod(request: Request, allow: string): Response {
  discardBody(request);
  return methodNotAllowed(allow);
}

/** JSON with keys sorted at every level: the same answers are the same text, whatever order they came in. */
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

