// createCollector: the whole endpoint as one Web-standard (Request) => Promise<Response> function.
import {canonicalSubmissionJson, validateSubmission, type Nation, type Submission} from '@care-feedback/core';
import {BodyTooLarge, discardBody, json, problem, readBody, type ProblemField} from './http.js';
import {stdoutLogger, silentLogger, type Logger, type LogLine} from './log.js';
import {createRateLimiter} from './rate-limit.js';
import {openStore} from './store/index.js';
import {acknowledgementDueDay, ENGLAND_AND_WALES_BANK_HOLIDAYS, localDay} from './working-days.js';
import type {WebhookOptions} from './webhook.js';
import {
  createNotifications,
  type EmailAlertOptions,
  type OutboxOptions,
} from './outbox/notifications.js';
import type {OutboxWorker} from './outbox/outbox-worker.js';
import type {ProviderContext} from './provider.js';
import type {InvolvementContext} from './involvement.js';
import type {ConsultationsContext} from './consultations.js';
import {collectorRoutes, notFound, routeMatcher, type FoundRoute} from './routes.js';
import {columnText} from './store/sql.js';
import type {SpamReason, Status, Store, TokenRecord} from './types.js';
import {parseRecorded, type Recorded} from './recorded.js';
import {verifyToken} from './tokens.js';

export interface CollectorOptions {
  /** A store to use (the caller closes it). Without one, the collector opens `db`/`postgres` itself. */
  store?: Store | Promise<Store>;
  /** SQLite file when no store is given; default ./data/feedback.db. */
  db?: string;
  /** PostgreSQL URL when no store is given. */
  postgres?: string;
  /** PostgreSQL schema for the tables when no store is given (default public). */
  schema?: string;
  /** SQLite durability when no store is given: `normal` (default) or `full`. See docs/collector.md. */
  synchronous?: 'normal' | 'full';
  /** Origins allowed to call from a browser, matched exactly (`https://provider.example`); `*` allows any. Same-origin calls are always allowed. */
  allowOrigins?: readonly string[];
  /** Submissions per minute per client address; 0 (default here; the CLI's default is 30) turns it off. */
  rateLimit?: number;
  /** Take the client address from X-Forwarded-For: true trusts one proxy hop, a number that many. */
  trustProxy?: boolean | number;
  /** Largest body in bytes; default 64 KiB. */
  bodyLimit?: number;
  /** A submission finished faster than this (spam.elapsedMs) is quarantined; default 3000 ms. */
  minElapsedMs?: number;
  /** Working days to acknowledge a complaint; default 3. */
  ackWorkingDays?: number;
  /** Days (YYYY-MM-DD) that are not working days; default England and Wales bank holidays. */
  bankHolidays?: readonly string[];
  /** Time zone of the provider's working days; default Europe/London. */
  timeZone?: string;
  /** The provider's nation: whose ombudsman letters name; default england. */
  nation?: Nation;
  webhook?: WebhookOptions;
  /** E-mail alerts for new complaints and concerns, reminders and a daily summary (docs/collector.md). */
  email?: EmailAlertOptions;
  /** How the outbox (e-mails and webhooks waiting to leave) is worked through. */
  outbox?: OutboxOptions;
  /** Where request logs go; default one JSON line per request on stdout; false for none. */
  log?: Logger | false;
  /** The clock, for tests. */
  now?: () => Date;
  /**
   * Answers requests outside /v1 (for example the provider inbox's page and script at /inbox);
   * resolve to undefined for a 404. Origin checks and logging apply to these requests too.
   */
  fallback?: (
    request: Request,
    info?: ClientInfo,
  ) => Promise<Response | undefined> | Response | undefined;
  /** Serve the provider inbox page at /inbox/ (when its files are built); default true. */
  inbox?: boolean;
  /** Serve the script-tag bundle (@care-feedback/embed's dist) at /embed/ to any site; default true. */
  embed?: boolean;
}

export interface ClientInfo {
  /** The peer address of the connection, from the server adapter. */
  clientAddress?: string;
}

export interface Collector {
  (request: Request, info?: ClientInfo): Promise<Response>;
  /** Stops taking requests, waits for those in flight, stops webhooks, closes a store it opened. */
  close(): Promise<void>;
  /** The store in use (opened on first need). */
  store(): Promise<Store>;
  /** The outbox's sender, when e-mail or a webhook is set: nudge it to look for due rows now. */
  outbox?: OutboxWorker;
}

/** One strict decoder for every body: making one per request costs more than the decoding. */
const UTF8 = new TextDecoder('utf-8', {fatal: true});

export const DEFAULT_BODY_LIMIT = 64 * 1024;
const BASE = '/v1';

export function createCollector(options: CollectorOptions = {}): Collector {
  const log: Logger = options.log === false ? silentLogger : (options.log ?? stdoutLogger);
  const now = options.now ?? (() => new Date());
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const minElapsedMs = options.minElapsedMs ?? 3000;
  const allowOrigins = new Set(options.allowOrigins ?? []);
  const anyOrigin = allowOrigins.has('*');
  const rateLimit = options.rateLimit ?? 0;
  const limiter = createRateLimiter(rateLimit);
  const holidays = new Set(options.bankHolidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS);
  const ackDays = options.ackWorkingDays ?? 3;
  const timeZone = options.timeZone ?? 'Europe/London';
  const ownsStore = !options.store;
  let storePromise: Promise<Store> | undefined = options.store
    ? Promise.resolve(options.store)
    : undefined;
  const getStore = () =>
    (storePromise ??= openStore({
      db: options.db,
      postgres: options.postgres,
      schema: options.schema,
      synchronous: options.synchronous,
    }));

  const notifications = createNotifications({
    ...(options.email ? {email: options.email} : {}),
    ...(options.webhook ? {webhook: options.webhook} : {}),
    ...(options.outbox ? {outbox: options.outbox} : {}),
    store: getStore,
    now,
    timeZone,
    holidays,
    log,
  });

  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;
  const release = () => {
    inFlight--;
    if (inFlight === 0) idle?.();
  };

  const dueDays = new Map<string, string>();
  const ackDueFor = (kind: string, receivedAt: Date) => {
    if (kind !== 'complaint') return null;
    const day = localDay(receivedAt, timeZone);
    let due = dueDays.get(day);
    if (!due) {
      due = acknowledgementDueDay(day, ackDays, holidays);
      if (dueDays.size > 1000) dueDays.clear();
      dueDays.set(day, due);
    }
    return due;
  };
  const today = () => localDay(now(), timeZone);
  const provider: ProviderContext = {
    getStore,
    now,
    today,
    timeZone,
    bodyLimit,
    ackDueFor,
    holidays,
    nation: options.nation ?? 'england',
    ...(notifications ? {responseReminders: notifications.responseDrafts, nudgeOutbox: () => notifications.worker.nudge()} : {}),
  };
  const involvement: InvolvementContext = {
    getStore,
    now,
    readPublicJson: (...args) => readPublicJson(...args),
    rateLimited: (...args) => rateLimited(...args),
  };
  const consultations: ConsultationsContext = {
    getStore,
    now,
    minElapsedMs,
    readJson: (...args) => readPublicJson(...args),
  };

  const clientAddress = (request: Request, info?: ClientInfo) => {
    const peer = info?.clientAddress ?? 'unknown';
    if (!options.trustProxy) return peer;
    const hops = options.trustProxy === true ? 1 : options.trustProxy;
    const chain = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // The rightmost entries were added by our own proxies; the one before them is the client.
    return chain[Math.max(0, chain.length - hops)] ?? peer;
  };

  /** Our own origin; behind a trusted TLS proxy, with the scheme the browser used. */
  const selfOrigin = (request: Request, url: URL) => {
    const forwarded = options.trustProxy
      ? request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
      : undefined;
    return forwarded === 'https' || forwarded === 'http'
      ? url.origin.replace(/^https?:/, `${forwarded}:`)
      : url.origin;
  };

  /** The rate limit of public POSTs: the 429 to send, or undefined to go on. */
  async function rateLimited(
    request: Request,
    info: ClientInfo | undefined,
    line: LogLine,
  ): Promise<Response | undefined> {
    if (limiter) {
      // Several collectors on one PostgreSQL share one limit through it; one process keeps it in memory.
      // If the database cannot answer, this process's own count stands in: a limit must not lose feedback.
      const store = await getStore();
      const address = clientAddress(request, info);
      const wait = store.takeRateLimit
        ? await store.takeRateLimit(address, rateLimit).catch(() => limiter.take(address, Date.now()))
        : limiter.take(address, Date.now());
      if (wait) {
        line.outcome = 'rate-limited';
        return problem(
          429,
          'rate-limited',
          'Too many submissions',
          'Please wait a moment and send it again.',
          {
            headers: {'retry-after': String(wait)},
          },
        );
      }
    }
    return undefined;
  }

  /**
   * What every public POST goes through before its own schema: the rate limit, JSON in UTF-8, the
   * body limit. Resolves the parsed body, or the answer to send instead.
   */
  async function readPublicJson(
    request: Request,
    info: ClientInfo | undefined,
    line: LogLine,
    limit = true,
  ): Promise<{input: unknown; answer?: undefined} | {answer: Response}> {
    const limited = limit ? await rateLimited(request, info, line) : undefined;
    if (limited) return {answer: limited};
    if (!isJsonUtf8(request.headers.get('content-type') ?? '')) {
      line.outcome = 'unsupported-type';
      discardBody(request);
      return {answer: problem(
        415,
        'unsupported-media-type',
        'Send JSON',
        'The body must be application/json in UTF-8.',
      )};
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBody(request, bodyLimit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        line.outcome = 'too-large';
        return {answer: problem(
          413,
          'too-large',
          'Too much to send',
          `The body must be ${bodyLimit} bytes or fewer.`,
        )};
      }
      line.outcome = 'unreadable';
      return {answer: problem(400, 'unreadable', 'The body could not be read')};
    }
    let input: unknown;
    try {
      input = JSON.parse(UTF8.decode(bytes));
    } catch {
      line.outcome = 'not-json';
      return {answer: problem(400, 'not-json', 'Not JSON', 'The body is not valid JSON.', {
        errors: [
          {
            path: '',
            code: 'body.invalid',
            message: 'We could not read this feedback. Please try again.',
          },
        ],
      })};
    }
    return {input};
  }

  /**
   * The provider token a request carries, when it is valid; looked up once a request (the origin
   * check and the submission both ask). Requests with no Authorization header cost no lookup.
   */
  const bearerTokens = new WeakMap<Request, Promise<TokenRecord | undefined>>();
  function bearerToken(request: Request): Promise<TokenRecord | undefined> {
    let token = bearerTokens.get(request);
    if (!token) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
      token = bearer ? getStore().then((store) => verifyToken(store, bearer)) : Promise.resolve(undefined);
      bearerTokens.set(request, token);
    }
    return token;
  }

  /**
   * Staff sending feedback with a valid provider token (DESIGN.md, version 2): the origin check and
   * the rate limit are for the public's browsers, and a token already says who is sending. A browser
   * page on a site not in the allow-list still gets no CORS headers, so it cannot read the answer.
   */
  const staffSubmission = async (request: Request, path: string) =>
    request.method === 'POST' && path === `${BASE}/submissions` && (await bearerToken(request)) !== undefined;

  async function submit(
    request: Request,
    info: ClientInfo | undefined,
    line: LogLine,
  ): Promise<Response> {
    const token = await bearerToken(request);
    const read = await readPublicJson(request, info, line, !token);
    if (read.answer) return read.answer;
    const input = read.input;
    const result = validateSubmission(input);
    // Staff recording feedback from another channel: only with a provider token, never stored without.
    const staff = staffRecording(input, token);
    if (staff.refused) {
      line.outcome = 'recording-refused';
      return staff.refused;
    }
    if (!result.ok || staff.errors.length) {
      line.outcome = 'invalid';
      return problem(422, 'invalid-submission', 'Some answers need changing', undefined, {
        errors: [...(result.ok ? [] : result.errors.map(({path, code, message}) => ({path, code, message}))), ...staff.errors],
      });
    }
    const submission = result.value;
    const recorded = staff.recorded;
    if (recorded && staff.services.length && !(submission.service && staff.services.includes(submission.service))) {
      line.outcome = 'recording-refused';
      return problem(403, 'limited-token', 'This token is for some services only', `Record feedback for ${staff.services.join(', ')} only.`);
    }
    line.kind = submission.kind;
    // What staff type in is not spam: the quick-send and hidden-field checks are for web forms.
    const spam = recorded ? null : spamReason(submission, minElapsedMs);
    // The clock starts when the feedback really came (a letter opened on Monday came on Monday).
    const receivedAt = recorded?.receivedAt ?? now();
    const status: Status = spam ? 'quarantined' : 'received';
    const store = await getStore();
    const ackDueAt = ackDueFor(submission.kind, receivedAt);
    const stored = await store.insert({
      id: submission.id,
      kind: submission.kind,
      status,
      service: columnText(submission.service),
      rating: submission.rating ?? null,
      spamReason: spam,
      ackDueAt,
      receivedAt: receivedAt.toISOString(),
      body: canonicalSubmissionJson(submission),
      ...(recorded ? {recorded: {channel: recorded.channel, by: recorded.by}} : {}),
      // Alerts are written with the submission, in its transaction: a crash loses neither.
      ...(notifications && !spam
        ? {
            outbox: notifications.drafts({
              kind: submission.kind,
              service: submission.service ?? null,
              receivedAt: receivedAt.toISOString(),
              ackDueAt,
            }),
          }
        : {}),
    });
    if (stored.outcome === 'conflict') {
      line.outcome = 'conflict';
      return problem(
        409,
        'id-conflict',
        'Already sent with other answers',
        'A submission with this id was already received with different content.',
      );
    }
    line.outcome = stored.outcome === 'created' ? (spam ? 'quarantined' : 'created') : 'duplicate';
    if (recorded && stored.outcome === 'created') {
      await store.appendAudit([
        {at: now().toISOString(), actor: staff.actor!, reference: stored.receipt.reference, action: 'record', detail: recorded.channel},
      ]);
    }
    if (stored.outcome === 'created' && !spam) notifications?.worker.nudge();
    return json(stored.outcome === 'created' ? 201 : 200, stored.receipt);
  }

  /**
   * Whether this body is staff recording feedback (it carries `recorded`), and if so whether the
   * bearer token allows it. Without a valid token it is refused (403) before anything is stored.
   */
  function staffRecording(
    input: unknown,
    token: TokenRecord | undefined,
  ): {recorded?: Recorded; errors: ProblemField[]; refused?: Response; actor?: string; services: string[]} {
    const value = input !== null && typeof input === 'object' ? (input as {recorded?: unknown}).recorded : undefined;
    if (value === undefined) return {errors: [], services: []};
    if (!token) {
      return {
        errors: [],
        services: [],
        refused: problem(403, 'recording-needs-token', 'Only staff can record feedback', 'Feedback with "recorded" needs a provider token. Nothing was stored.'),
      };
    }
    const {recorded, errors} = parseRecorded(value, now());
    return {...(recorded ? {recorded} : {}), errors, actor: token.name, services: token.services};
  }

  const findRoute = routeMatcher(
    collectorRoutes({
      submit: ({request, info, line}) => submit(request, info, line),
      provider,
      involvement,
      consultations,
      inbox: options.inbox !== false,
      embed: options.embed !== false,
    }),
  );

  /** The answer from the route table (routes.ts), the fallback outside /v1, or a 404. */
  async function route(
    found: FoundRoute | undefined,
    request: Request,
    url: URL,
    info: ClientInfo | undefined,
    line: LogLine,
  ): Promise<Response> {
    const path = url.pathname;
    if (found) {
      line.route = found.route.logAs ?? found.route.pattern;
      const answer = await found.route.handle({request, url, info, line, params: found.params});
      if (answer) return answer;
      delete line.route;
    }
    if (options.fallback && !path.startsWith(`${BASE}/`) && path !== BASE) {
      const answer = await options.fallback(request, info);
      if (answer) {
        line.route = 'fallback';
        // A copy: the caller's Response may have headers we cannot change (Response.redirect, fetch).
        return new Response(answer.body, {status: answer.status, statusText: answer.statusText, headers: answer.headers});
      }
    }
    line.route ??= 'unknown';
    return notFound();
  }

  const handler = async (request: Request, info?: ClientInfo): Promise<Response> => {
    const started = performance.now();
    const line: LogLine = {time: '', level: 'info', event: 'request', method: request.method};
    inFlight++;
    let response: Response;
    try {
      const url = new URL(request.url);
      const path = url.pathname;
      const origin = request.headers.get('origin');
      const crossOrigin = origin !== null && origin !== selfOrigin(request, url);
      const originAllowed = !crossOrigin || anyOrigin || allowOrigins.has(origin);
      const found = findRoute(request.method, path);
      if (found?.route.forAnySite) {
        // The script-tag bundle is public, for any site: no origin check, its own CORS headers.
        line.route = found.route.logAs ?? found.route.pattern;
        response = (await found.route.handle({request, url, info, line, params: found.params}))!;
      } else if (closing) {
        response = problem(503, 'closing', 'Restarting', 'Please try again in a moment.', {
          headers: {'retry-after': '2', connection: 'close'},
        });
      } else if (!originAllowed && !(await staffSubmission(request, path))) {
        line.outcome = 'origin-denied';
        discardBody(request);
        response = problem(403, 'origin-not-allowed', 'This website may not send feedback here');
      } else if (request.method === 'OPTIONS') {
        line.route = 'preflight';
        response = new Response(null, {
          status: 204,
          headers: {
            allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
            ...(crossOrigin
              ? {
                  'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
                  'access-control-allow-headers': 'Content-Type, Authorization',
                  'access-control-max-age': '600',
                }
              : {}),
          },
        });
      } else {
        response = await route(found, request, url, info, line);
      }
      if (found?.route.forAnySite) {
        // Already has its public headers.
      } else if (crossOrigin && originAllowed) {
        // Exact origin (or * when any is allowed); never Allow-Credentials: tokens travel in a header, not cookies.
        response.headers.set('access-control-allow-origin', anyOrigin ? '*' : origin);
        response.headers.set('access-control-expose-headers', 'Retry-After, Content-Disposition');
      }
      if (!anyOrigin && !found?.route.forAnySite) response.headers.append('vary', 'Origin');
    } catch (error) {
      // Only our own faults reach here (a store that is down, a bug): say so, never a stack trace.
      line.level = 'error';
      line.error = errorName(error);
      response = problem(
        503,
        'unavailable',
        'We could not save this just now',
        'Please try again in a moment.',
        {
          headers: {'retry-after': '5'},
        },
      );
    }
    // A streamed answer (an export) stays in flight until its last byte: close() waits for it too.
    // JSON answers are made whole in memory, so they are done now.
    if (response.body && !isJson(response.headers.get('content-type'))) {
      response = new Response(tracked(response.body, release), {
        status: response.status,
        headers: response.headers,
      });
    } else release();
    line.time = new Date().toISOString();
    line.status = response.status;
    line.ms = Math.round((performance.now() - started) * 10) / 10;
    log(line);
    return response;
  };

  const collector = handler as Collector;
  collector.store = getStore;
  if (notifications) collector.outbox = notifications.worker;
  collector.close = async () => {
    closing = true;
    if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
    await notifications?.worker.close();
    if (ownsStore && storePromise) await (await storePromise).close();
  };
  return collector;
}

/** The same stream, calling `done` once when it ends, fails or is cancelled. */
function tracked(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      done();
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) {
          finish();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        finish();
        controller.error(error);
      }
    },
    async cancel(reason) {
      finish();
      await reader.cancel(reason).catch(() => {});
    },
  });
}

/** A JSON or problem+json answer: made whole in memory, never streamed. */
function isJson(contentType: string | null): boolean {
  return contentType !== null && /^application\/(problem\+)?json\b/.test(contentType);
}

/** application/json, in UTF-8 if a charset is named at all. */
function isJsonUtf8(contentType: string): boolean {
  if (contentType === 'application/json') return true; // what our own form sends, asked on every submission
  const [type, ...parameters] = contentType.toLowerCase().split(';');
  const charset = parameters.map((p) => p.trim()).find((p) => p.startsWith('charset='));
  return type!.trim() === 'application/json' && (!charset || /^charset="?utf-8"?$/.test(charset));
}

function spamReason(submission: Submission, minElapsedMs: number): SpamReason | null {
  if (submission.spam?.hp && submission.spam.hp.length > 0) return 'honeypot';
  if (submission.spam?.elapsedMs !== undefined && submission.spam.elapsedMs < minElapsedMs)
    return 'too-fast';
  return null;
}

export function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as {code?: unknown}).code;
    if (typeof code === 'string') return code;
    const name = (error as {name?: unknown}).name;
    if (typeof name === 'string') return name;
  }
  return 'unknown';
}

