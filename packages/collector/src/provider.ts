// The provider API: bearer-token routes to list, read, move on, erase, export and count submissions.
import {decodeCursor, encodeCursor} from './cursor.js';
import {KINDS} from '@care-feedback/core';
import {csvRow} from './csv.js';
import {handleComplaintRecord} from './complaint-record.js';
import {handleLetter, handleLetterTemplates} from './letters/letter-routes.js';
import type {Nation} from '@care-feedback/core';
import {needsAttention} from './attention.js';
import {handleActions, overdueActions} from './actions.js';
import {handleItemThemes, handleThemes} from './themes.js';
import type {LearningContext} from './learning-scope.js';
import {outboxStatus} from './outbox-status.js';
import {handleReports} from './reports.js';
import {handleEquality} from './equality.js';
import {summarise} from './stats-summary.js';
import type {AlertFacts} from './outbox/reminders.js';
import {parseDuration} from './duration.js';
import {BodyTooLarge, json, methodNotAllowed, problem, readBody, safeDecode, type ProblemField} from './http.js';
import type {LogLine} from './log.js';
import {normaliseReference, REFERENCE_PATTERN} from './reference.js';
import {createToken, servicesProblem, verifyToken} from './tokens.js';
import {handleYouSaid, publishedAnswer} from './you-said.js';
import type {Stats} from '@care-feedback/core/provider';
import {
  CHANNELS,
  STATUSES,
  WORKFLOW,
  canMove,
  type Channel,
  type OutboxDraft,
  type AuditEntry,
  type Cursor,
  type ListFilter,
  type Status,
  type Store,
  type StoredRecord,
} from './types.js';

export interface ProviderContext {
  getStore(): Promise<Store>;
  now(): Date;
  /** Today's date (YYYY-MM-DD) in the provider's time zone. */
  today(): string;
  /** The provider's time zone. */
  timeZone: string;
  bodyLimit: number;
  ackDueFor(kind: string, receivedAt: Date): string | null;
  /** Days that are not working days (bank holidays), for the reports' working-day counts. */
  holidays?: ReadonlySet<string>;
  /** Reminder rows for a complaint's reply date, when alerts are on. */
  responseReminders?: (facts: AlertFacts & {responseDue: string}, now: string) => OutboxDraft[];
  /** Tells the outbox something new is waiting. */
  nudgeOutbox?: () => void;
  /** The provider's nation: whose ombudsman the letters name (default England's). */
  nation?: Nation;
}

/** A record as the provider API shows it: the stored record plus whether acknowledgement is late. */
export type RecordView = StoredRecord & {overdue: boolean};

export function toView(record: StoredRecord, today: string): RecordView {
  const overdue =
    record.kind === 'complaint' &&
    record.status === 'received' &&
    record.ackDueAt !== null &&
    record.ackDueAt < today;
  return {...record, overdue};
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads list filters from the query string; bad ones come back as field errors. */
export function parseFilter(
  query: URLSearchParams,
  today: string,
): {filter: ListFilter; errors: ProblemField[]} {
  const filter: ListFilter = {};
  const errors: ProblemField[] = [];
  const listOf = (name: string, allowed: readonly string[]) => {
    const raw = query.get(name);
    if (raw === null || raw === '') return undefined;
    const values = raw.split(',').map((v) => v.trim());
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length)
      errors.push({path: `query.${name}`, message: `Use one or more of: ${allowed.join(', ')}.`});
    return values;
  };
  const kinds = listOf('kind', KINDS);
  if (kinds) filter.kind = kinds;
  const statuses = listOf('status', STATUSES);
  if (statuses) filter.status = statuses as Status[];
  const q = query.get('q');
  if (q !== null && q.trim() !== '') {
    if (q.length > 200) errors.push({path: 'query.q', message: 'Search for 200 characters or fewer.'});
    else filter.q = q;
  }
  const channels = listOf('channel', CHANNELS);
  if (channels) filter.channel = channels as Channel[];
  const service = query.get('service');
  if (service) filter.service = service;
  const instant = (name: string, endOfDay: boolean) => {
    const raw = query.get(name);
    if (!raw) return undefined;
    if (DAY.test(raw) && !Number.isNaN(Date.parse(`${raw}T00:00:00Z`))) {
      const start = new Date(`${raw}T00:00:00.000Z`);
      if (endOfDay) start.setUTCDate(start.getUTCDate() + 1);
      return start.toISOString();
    }
    const parsed = Date.parse(raw);
    if (/^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(parsed))
      return new Date(parsed).toISOString();
    errors.push({path: `query.${name}`, message: 'Use a date like 2026-11-26.'});
    return undefined;
  };
  const from = instant('from', false);
  if (from) filter.from = from;
  // `to` is inclusive for a day (the whole day) and exclusive for an exact time.
  const to = instant('to', true);
  if (to) filter.before = to;
  const flag = (name: string) => {
    const raw = query.get(name);
    if (raw === null || raw === '') return undefined;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    errors.push({path: `query.${name}`, message: 'Use true or false.'});
    return undefined;
  };
  const quarantined = flag('quarantined');
  if (quarantined !== undefined) filter.quarantined = quarantined;
  if (flag('overdue')) filter.overdueOn = today;
  return {filter, errors};
}

const unauthorized = () =>
  problem(
    401,
    'unauthorized',
    'A provider token is needed',
    'Send Authorization: Bearer <token>.',
    {
      headers: {'www-authenticate': 'Bearer realm="care-feedback"'},
    },
  );
const notFound = () => problem(404, 'not-found', 'No submission has this reference');
const badQuery = (errors: ProblemField[]) =>
  problem(400, 'bad-query', 'Some filters are not right', undefined, {errors});

const CSV_COLUMNS = [
  'reference',
  'receivedAt',
  'kind',
  'status',
  'quarantined',
  'spamReason',
  'rating',
  'service',
  'relationship',
  'message',
  'improvement',
  'contactName',
  'contactEmail',
  'contactPhone',
  'contactAddress',
  'preferredMethod',
  'communicationNeeds',
  'communicationNeedsDetail',
  'charterRight',
  'consentContact',
  'consentPublish',
  'locale',
  'pageUrl',
  'pageTitle',
  'createdAt',
  'ackDueAt',
  'overdue',
  'acknowledgedAt',
  'investigatingAt',
  'resolvedAt',
  'closedAt',
  // Added later: at the end, so spreadsheets built on the earlier columns keep working.
  'channel',
  'recordedBy',
] as const;

function csvValues(view: RecordView): unknown[] {
  const s = view.submission as typeof view.submission & {contact?: {address?: string}};
  return [
    view.reference,
    view.receivedAt,
    view.kind,
    view.status,
    view.status === 'quarantined',
    view.spamReason,
    view.rating,
    view.service,
    s.relationship,
    s.message,
    s.improvement,
    s.contact?.name,
    s.contact?.email,
    s.contact?.phone,
    s.contact?.address,
    s.contact?.preferredMethod,
    s.communicationNeeds,
    s.communicationNeedsDetail,
    s.charterRight,
    s.consent.contact,
    s.consent.publish,
    s.locale,
    s.page?.url,
    s.page?.title,
    s.createdAt,
    view.ackDueAt,
    view.overdue,
    view.acknowledgedAt,
    view.investigatingAt,
    view.resolvedAt,
    view.closedAt,
    view.channel,
    view.recordedBy,
  ];
}

/**
 * Answers the bearer-token routes under /v1 (listed in the route table, routes.ts, which also
 * names them in the log line); `rest` is the path past /v1.
 */
export async function handleProvider(
  ctx: ProviderContext,
  request: Request,
  url: URL,
  rest: string,
  line: LogLine,
): Promise<Response> {
  const segments = rest.split('/').filter(Boolean);
  // The public list needs no token: it holds only what the provider chose to publish.
  if (segments[0] === 'you-said-we-did' && segments[1] === 'published' && segments.length === 2)
    return publishedAnswer(await ctx.getStore(), request.method);

  const auth = request.headers.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const store = await ctx.getStore();
  const token = bearer ? await verifyToken(store, bearer) : undefined;
  if (!token) {
    await request.body?.cancel().catch(() => {});
    line.outcome = 'unauthorized';
    return unauthorized();
  }
  const actor = token.name;
  // A token limited to some services sees only their submissions, everywhere; anything else is
  // "not found", so it cannot even learn that a reference exists.
  const limited = token.services.length > 0;
  const inScope = (record: StoredRecord | undefined): record is StoredRecord =>
    record !== undefined && (!limited || (record.service !== null && token.services.includes(record.service)));
  const scoped = (filter: ListFilter): ListFilter =>
    !limited
      ? filter
      : {
          ...filter,
          services: filter.service === undefined ? token.services : token.services.filter((s) => s === filter.service),
        };
  const forbiddenWhenLimited = () =>
    problem(
      403,
      'limited-token',
      'This token is for some services only',
      'Use a token for every service to do this.',
    );
  const at = () => ctx.now().toISOString();
  const audit = (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) =>
    store.appendAudit(entries.map((e) => ({at: at(), actor, ...e})));
  const method = request.method;
  const today = ctx.today();

  const readJson = async (): Promise<{value?: Record<string, unknown>; response?: Response}> => {
    if (
      (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() !==
      'application/json'
    ) {
      await request.body?.cancel().catch(() => {});
      return {response: problem(415, 'unsupported-media-type', 'Send JSON')};
    }
    try {
      const value = JSON.parse(
        new TextDecoder('utf-8', {fatal: true}).decode(await readBody(request, ctx.bodyLimit)),
      );
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new Error('not an object');
      return {value};
    } catch (error) {
      if (error instanceof BodyTooLarge)
        return {response: problem(413, 'too-large', 'Too much to send')};
      return {response: problem(400, 'not-json', 'Not JSON', 'The body must be a JSON object.')};
    }
  };

  if (segments[0] === 'you-said-we-did')
    return handleYouSaid(store, segments, method, readJson, audit, at, line, {
      limited,
      feedback: async (reference) => {
        const record = await store.get(reference);
        return inScope(record) ? record : undefined;
      },
    });

  if (segments[0] === 'letter-templates')
    return handleLetterTemplates({store, segments, method, readJson, audit, now: ctx.now, limited});
  // Themes and improvement actions (themes.ts, actions.ts).
  const learning: LearningContext = {
    store,
    method,
    url,
    readJson,
    audit,
    at,
    today,
    actor,
    services: limited ? token.services : undefined,
    feedback: async (reference) => {
      const record = await store.get(reference);
      return inScope(record) ? record : undefined;
    },
  };
  if (segments[0] === 'themes') return handleThemes(learning, segments);
  if (segments[0] === 'actions') return handleActions(learning, segments);
  if (segments[0] === 'submissions' && (segments[2] === 'themes' || segments[2] === 'theme-suggestions'))
    return handleItemThemes(learning, safeDecode(segments[1]!), segments[2]);

  // /v1/submissions
  if (segments[0] === 'submissions' && segments.length === 1) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD, POST');
    const {filter, errors} = parseFilter(url.searchParams, today);
    const limitText = url.searchParams.get('limit');
    const limit = limitText === null ? 50 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      errors.push({path: 'query.limit', message: 'Use a whole number from 1 to 500.'});
    const cursorText = url.searchParams.get('cursor');
    const cursor = cursorText ? decodeCursor(cursorText, REFERENCE_PATTERN) : undefined;
    if (cursorText && !cursor)
      errors.push({path: 'query.cursor', message: 'Use the cursor from the last page.'});
    if (errors.length) return badQuery(errors);
    const page = await store.list(scoped(filter), limit, cursor);
    await audit(page.items.map((r) => ({reference: r.reference, action: 'list', detail: null})));
    return json(200, {
      items: page.items.map((r) => toView(r, today)),
      next: page.next ? encodeCursor(page.next) : null,
    });
  }

  // /v1/submissions/:reference[/audit or /complaint]
  if (segments[0] === 'submissions') {
    const reference = normaliseReference(safeDecode(segments[1]!));
    if (segments[2] === 'audit') {
      if (method !== 'GET') return methodNotAllowed('GET');
      if (!reference) return notFound();
      if (limited && !inScope(await store.get(reference))) return notFound();
      return json(200, {items: await store.auditFor(reference)});
    }
    if (!reference) {
      await request.body?.cancel().catch(() => {});
      return notFound();
    }
    if (limited && !inScope(await store.get(reference))) {
      await request.body?.cancel().catch(() => {});
      return notFound();
    }
    if (segments[2] === 'complaint') {
      const submission = await store.get(reference);
      if (!submission) {
        await request.body?.cancel().catch(() => {});
        return notFound();
      }
      return handleComplaintRecord({store, submission, method, readJson, audit, now: ctx.now, today, reminders: ctx.responseReminders, nudgeOutbox: ctx.nudgeOutbox});
    }
    if (segments[2] === 'letters') {
      await request.body?.cancel().catch(() => {});
      const submission = await store.get(reference);
      if (!submission) return notFound();
      return handleLetter({store, submission, kindSegment: safeDecode(segments[3]!), method, query: url.searchParams, audit, today, timeZone: ctx.timeZone, nation: ctx.nation ?? 'england'});
    }
    if (method === 'GET' || method === 'HEAD') {
      const record = await store.get(reference);
      if (!inScope(record)) return notFound();
      await audit([{reference, action: 'read', detail: null}]);
      return json(200, toView(record, today));
    }
    if (method === 'DELETE') {
      if (!(await store.erase(reference))) return notFound();
      await audit([{reference, action: 'erase', detail: null}]);
      line.outcome = 'erased';
      return new Response(null, {status: 204});
    }
    if (method === 'PATCH')
      return patch(ctx, store, reference, readJson, audit, today, at, actor, line);
    return methodNotAllowed('GET, HEAD, PATCH, DELETE');
  }

  if (segments[0] === 'export.csv' || segments[0] === 'export.ndjson') {
    if (method !== 'GET') return methodNotAllowed('GET');
    const {filter, errors} = parseFilter(url.searchParams, today);
    if (errors.length) return badQuery(errors);
    const csv = segments[0] === 'export.csv';
    return exportStream(store, scoped(filter), today, csv, (refs) =>
      audit(
        refs.map((reference) => ({reference, action: 'export', detail: csv ? 'csv' : 'ndjson'})),
      ),
    );
  }

  if (segments[0] === 'stats') {
    if (method !== 'GET') return methodNotAllowed('GET');
    const {filter, errors} = parseFilter(url.searchParams, today);
    if (errors.length) return badQuery(errors);
    // Spam is left out of the figures unless asked for.
    if (filter.quarantined === undefined) filter.quarantined = false;
    return json(
      200,
      summarise(
        await store.stats(scoped(filter)),
        await store.stats(scoped({...filter, quarantined: true, status: undefined})),
      ),
    );
  }

  if (segments[0] === 'equality') return handleEquality(store, method, url.searchParams, limited ? token.services : undefined);
  if (segments[0] === 'reports') return handleReports(ctx, store, request.method, url.searchParams, limited ? token.services : undefined);

  if (segments[0] === 'attention') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    const mine = url.searchParams.get('mine');
    if (mine !== null && !['true', 'false', '1', '0', ''].includes(mine))
      return badQuery([{path: 'query.mine', message: 'Use true or false.'}]);
    const rows = await store.attention(limited ? token.services : undefined);
    return json(200, {
      items: needsAttention(rows, {today, timeZone: ctx.timeZone, mine: mine === 'true' || mine === '1' ? token.name : undefined}),
      // Improvement actions past their due day (actions.ts): a list of their own beside the feedback.
      actions: await overdueActions(learning),
    });
  }

  if (segments[0] === 'outbox') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    return json(200, await outboxStatus(store, ctx.now(), limited ? token.services : undefined));
  }

  if (segments[0] === 'purge') {
    if (method !== 'POST') return methodNotAllowed('POST');
    if (limited) return forbiddenWhenLimited();
    const body = await readJson();
    if (body.response) return body.response;
    const period =
      typeof body.value!.olderThan === 'string' ? parseDuration(body.value!.olderThan) : undefined;
    if (period === undefined || period < 86_400_000) {
      return problem(422, 'invalid-purge', 'Say how old', undefined, {
        errors: [{path: 'olderThan', message: 'Use a period of a day or more, like 365d.'}],
      });
    }
    const before = new Date(ctx.now().getTime() - period).toISOString();
    const purged = await store.purge(before);
    await audit([
      {reference: null, action: 'purge', detail: `${purged} received before ${before}`},
    ]);
    return json(200, {purged, before});
  }

  // /v1/tokens[/id]: a limited token could otherwise make itself an unlimited one.
  if (limited) {
    await request.body?.cancel().catch(() => {});
    return forbiddenWhenLimited();
  }
  if (segments.length === 1) {
    if (method === 'GET') {
      const tokens = await store.listTokens();
      return json(200, {
        items: tokens.map(({id, name, createdAt, revokedAt, services}) => ({id, name, createdAt, revokedAt, services})),
      });
    }
    if (method === 'POST') {
      const body = await readJson();
      if (body.response) return body.response;
      const name = body.value!.name;
      if (
        typeof name !== 'string' ||
        !name.trim() ||
        name.length > 100 ||
        /[\u0000-\u001f\u007f]/.test(name)
      ) {
        return problem(422, 'invalid-token', 'Name the token', undefined, {
          errors: [{path: 'name', message: 'Give the token a name of 1 to 100 characters.'}],
        });
      }
      const services = body.value!.services ?? [];
      const wrong = servicesProblem(services);
      if (wrong)
        return problem(422, 'invalid-token', 'These services cannot be used', undefined, {
          errors: [{path: 'services', message: wrong}],
        });
      const {token, record} = await createToken(store, name, ctx.now(), actor, services as string[]);
      return json(201, {id: record.id, name: record.name, createdAt: record.createdAt, services: record.services, token});
    }
    return methodNotAllowed('GET, POST');
  }
  if (method !== 'DELETE') return methodNotAllowed('DELETE');
  const id = safeDecode(segments[1]!);
  if (/[\u0000-\u001f\u007f]/.test(id) || id.length > 100 || !(await store.revokeToken(id, at())))
    return problem(404, 'not-found', 'No live token has this id or name');
  await audit([{reference: null, action: 'token-revoke', detail: id}]);
  return new Response(null, {status: 204});
}

async function patch(
  ctx: ProviderContext,
  store: Store,
  reference: string,
  readJson: () => Promise<{value?: Record<string, unknown>; response?: Response}>,
  audit: (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) => Promise<void>,
  today: string,
  at: () => string,
  actor: string,
  line: LogLine,
): Promise<Response> {
  const body = await readJson();
  if (body.response) return body.response;
  const {status, note} = body.value!;
  const errors: ProblemField[] = [];
  if (
    status !== undefined &&
    !(typeof status === 'string' && (STATUSES as readonly string[]).includes(status))
  ) {
    errors.push({path: 'status', message: `Use one of: ${WORKFLOW.join(', ')}.`});
  }
  if (note !== undefined && !(typeof note === 'string' && note.trim() && note.length <= 5000)) {
    errors.push({path: 'note', message: 'Write a note of 1 to 5,000 characters.'});
  }
  if (status === undefined && note === undefined)
    errors.push({path: '', message: 'Send a status, a note, or both.'});
  if (errors.length)
    return problem(422, 'invalid-change', 'This change cannot be made', undefined, {errors});
  const current = await store.get(reference);
  if (!current) return notFound();
  const change: Parameters<Store['update']>[1] = {at: at()};
  const details: string[] = [];
  if (typeof status === 'string' && status !== current.status) {
    if (!canMove(current.status, status as Status)) {
      return problem(
        409,
        'invalid-transition',
        'This status cannot be set now',
        `A submission that is ${current.status} cannot go to ${status}.`,
      );
    }
    change.status = {from: current.status, to: status as Status, at: change.at};
    details.push(`${current.status}→${status}`);
  }
  if (typeof note === 'string') {
    change.note = {at: change.at, by: actor, text: note};
    details.push('note added');
  }
  if (!change.status && !change.note) return json(200, toView(current, today));
  const updated = await store.update(reference, change);
  if (!updated)
    return problem(
      409,
      'changed-meanwhile',
      'Someone else changed this first',
      'Reload it and try again.',
    );
  await audit([{reference, action: 'update', detail: details.join('; ')}]);
  line.outcome = 'updated';
  return json(200, toView(updated, today));
}

/** Kept here for callers that imported it from this file; the rule itself is in the provider contract. */
export {canMove};

function exportStream(
  store: Store,
  filter: ListFilter,
  today: string,
  csv: boolean,
  audit: (references: string[]) => Promise<void>,
): Response {
  let cursor: Cursor | undefined;
  let started = false;
  let done = false;
  const encoder = new TextEncoder();
  // Pulled page by page: a large export never sits whole in memory.
  const stream = new ReadableStream<Uint8Array>({
    // Each pull must enqueue or close: a stream whose pull does neither is never pulled again.
    async pull(controller) {
      if (!started) {
        started = true;
        if (csv) {
          controller.enqueue(encoder.encode(`\ufeff${csvRow(CSV_COLUMNS)}`));
          return;
        }
      }
      for (;;) {
        if (done) {
          controller.close();
          return;
        }
        const page = await store.list(filter, 200, cursor);
        await audit(page.items.map((r) => r.reference));
        cursor = page.next;
        if (!cursor) done = true;
        const text = page.items
          .map((record) => {
            const view = toView(record, today);
            return csv ? csvRow(csvValues(view)) : `${JSON.stringify(view)}\n`;
          })
          .join('');
        if (text) {
          controller.enqueue(encoder.encode(text));
          return;
        }
      }
    },
  });
  return new Response(stream, {
    status: 200,
    headers: csv
      ? {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="care-feedback-export.csv"',
        }
      : {
          'content-type': 'application/x-ndjson; charset=utf-8',
          'content-disposition': 'attachment; filename="care-feedback-export.ndjson"',
        },
  });
}

export type {Stats};
