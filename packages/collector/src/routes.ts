// The collector's route table: every route it answers, in one place. A new route goes here, as a
// pattern and a handler; the pattern is also the `route` its requests are logged under.
//
// Every method reaches a route's handler, which answers 405 with its own Allow header for a method
// it does not take (so a GET to a POST-only route says which methods work, as before). Where two
// routes share a pattern, the first one listed that takes the method wins.
//
// What every request goes through before and after its route (the origin check and CORS, the
// preflight, the log line, the in-flight count) is one wrapper in collector.ts; the body limit and
// the rate limit are the gate each public POST calls (readPublicJson in collector.ts).
import {TrieRouter} from 'hono/router/trie-router';
import type {ClientInfo} from './collector.js';
import {discardBody, json, methodNotAllowed, problem} from './http.js';
import {embedAnswer} from './embed.js';
import type {LogLine} from './log.js';
import {handleAboutYou} from './about-you.js';
import {
  consultationExportRoute,
  consultationMoveRoute,
  consultationResponseRoute,
  consultationResponsesRoute,
  consultationRoute,
  consultationsRoute,
  type ConsultationsContext,
} from './consultations.js';
import {inboxAnswer} from './inbox.js';
import {
  involvementInvitationsRoute,
  involvementLeaveRoute,
  involvementRecordRoute,
  involvementRoute,
  type InvolvementContext,
} from './involvement.js';
import {handleProvider, type ProviderContext} from './provider.js';

/** What a route's handler is given: the Web Request and what the collector knows about it. */
export interface RouteRequest {
  request: Request;
  url: URL;
  info: ClientInfo | undefined;
  /** The request's log line: a handler adds its outcome (the route is already set). */
  line: LogLine;
  /** The pattern's :names, as they were in the path (not yet percent-decoded: each handler decodes its own). */
  params: Record<string, string>;
}

/** Answers a request; undefined says "not mine after all" (an inbox file that is not built). */
export type RouteHandler = (route: RouteRequest) => Promise<Response | undefined> | Response | undefined;

export interface Route {
  /** An HTTP method, or ALL. */
  method: string;
  /** A path pattern: `/v1/submissions/:reference`, or `/inbox/*` for everything under a folder. */
  pattern: string;
  /** The name of the route in the log line; the pattern itself unless given. */
  logAs?: string;
  /**
   * Matched only as written. Other routes under /v1 also match with empty segments left out
   * (`/v1/submissions/` is `/v1/submissions`), as the collector always has.
   */
  exactPath?: boolean;
  /**
   * Served to any website, with its own CORS headers, even while the collector is closing: no
   * origin check (the script-tag bundle). Other routes go through the origin check and get CORS.
   */
  forAnySite?: boolean;
  handle: RouteHandler;
}

/** What the routes need from the collector. */
export interface RoutesContext {
  /** POST /v1/submissions (in collector.ts, beside the gate it shares with every public POST). */
  submit: RouteHandler;
  provider: ProviderContext;
  involvement: InvolvementContext;
  consultations: ConsultationsContext;
  /** Serve the provider inbox's page at /inbox/. */
  inbox: boolean;
  /** Serve the script-tag bundle at /embed/. */
  embed: boolean;
}

const ALL = 'ALL';

/** The table: every route of the collector. */
export function collectorRoutes(ctx: RoutesContext): Route[] {
  const {involvement, consultations} = ctx;
  const provider: RouteHandler = ({request, url, line}) =>
    handleProvider(ctx.provider, request, url, url.pathname.slice('/v1'.length), line);
  const providerRoutes = [
    '/v1/submissions',
    '/v1/submissions/:reference',
    '/v1/submissions/:reference/audit',
    '/v1/submissions/:reference/complaint',
    '/v1/submissions/:reference/themes',
    '/v1/submissions/:reference/theme-suggestions',
    '/v1/submissions/:reference/letters/:kind',
    '/v1/export.csv',
    '/v1/export.ndjson',
    '/v1/stats',
    '/v1/reports',
    '/v1/equality',
    '/v1/attention',
    '/v1/outbox',
    '/v1/purge',
    '/v1/tokens',
    '/v1/tokens/:id',
    '/v1/themes',
    '/v1/themes/trends',
    '/v1/themes/:id',
    '/v1/actions',
    '/v1/actions/:id',
    '/v1/actions/:id/you-said-we-did',
    '/v1/letter-templates',
    '/v1/letter-templates/:kind',
    '/v1/you-said-we-did',
    '/v1/you-said-we-did/published',
    '/v1/you-said-we-did/:id',
    '/v1/you-said-we-did/:id/publish',
    '/v1/you-said-we-did/:id/unpublish',
  ];
  return [
    // Public: feedback, and the health check.
    {method: 'POST', pattern: '/v1/submissions', exactPath: true, handle: ctx.submit},
    {method: ALL, pattern: '/v1/health', exactPath: true, handle: ({request}) =>
      request.method === 'GET' || request.method === 'HEAD'
        ? json(200, {status: 'ok'})
        : methodNotAllowed('GET, HEAD')},
    {method: ALL, pattern: '/v1/about-you', exactPath: true, handle: ({request, info, line}) => handleAboutYou(involvement, request, info, line)},

    // People taking part (involvement.ts): public sign-up and leaving; the rest needs a token.
    {method: ALL, pattern: '/v1/involvement.csv', handle: ({request, line}) => involvementInvitationsRoute(involvement, request, line)},
    {method: ALL, pattern: '/v1/involvement', handle: ({request, info, line}) => involvementRoute(involvement, request, info, line)},
    {method: ALL, pattern: '/v1/involvement/:reference', handle: ({request, line, params}) =>
      involvementRecordRoute(involvement, request, line, params.reference!)},
    {method: ALL, pattern: '/v1/involvement/:reference/leave', handle: ({request, info, line, params}) =>
      involvementLeaveRoute(involvement, request, info, line, params.reference!)},
    {method: ALL, pattern: '/v1/involvement/:reference/log', handle: ({request, line, params}) =>
      involvementRecordRoute(involvement, request, line, params.reference!, 'log')},
    // Anything else under /v1/involvement/ is not found, and logged under /v1/involvement.
    {method: ALL, pattern: '/v1/involvement/*', logAs: '/v1/involvement', handle: notFound},

    // Consultations (consultations.ts): public reading and answering while open; the rest needs a token.
    {method: ALL, pattern: '/v1/consultations', handle: ({request, info, line}) => consultationsRoute(consultations, request, info, line)},
    {method: ALL, pattern: '/v1/consultations/:slug', handle: ({request, info, line, params}) =>
      consultationRoute(consultations, request, info, line, params.slug!)},
    ...(['open', 'close', 'decide'] as const).map((part) => ({
      method: ALL,
      pattern: `/v1/consultations/:slug/${part}`,
      handle: ({request, info, line, params}: RouteRequest) =>
        consultationMoveRoute(consultations, request, info, line, params.slug!, part),
    })),
    {method: ALL, pattern: '/v1/consultations/:slug/responses', handle: ({request, info, line, params}) =>
      consultationResponsesRoute(consultations, request, info, line, params.slug!)},
    {method: ALL, pattern: '/v1/consultations/:slug/responses/:reference', handle: ({request, line, params}) =>
      consultationResponseRoute(consultations, request, line, params.slug!, params.reference!)},
    {method: ALL, pattern: '/v1/consultations/:slug/export.csv', handle: ({request, line, params}) =>
      consultationExportRoute(consultations, request, line, params.slug!)},

    // The provider API (provider.ts and the files it calls): a bearer token on every route but
    // /v1/you-said-we-did/published.
    ...providerRoutes.map((pattern) => ({method: ALL, pattern, handle: provider})),

    // The provider inbox's page and script, when built (inbox.ts).
    ...(ctx.inbox
      ? [
          {method: ALL, pattern: '/inbox', logAs: '/inbox', handle: ({url, request}: RouteRequest) => inboxAnswer(url.pathname, request.method)},
          {method: ALL, pattern: '/inbox/*', logAs: '/inbox', handle: ({url, request}: RouteRequest) => inboxAnswer(url.pathname, request.method)},
        ]
      : []),

    // The script-tag bundle (@care-feedback/embed's dist, embed.ts), for any site.
    ...(ctx.embed
      ? [
          {method: ALL, pattern: '/embed', logAs: '/embed', forAnySite: true, handle: embedFile},
          {method: ALL, pattern: '/embed/*', logAs: '/embed', forAnySite: true, handle: embedFile},
        ]
      : []),
  ];
}

const embedFile: RouteHandler = ({request, url}) => {
  discardBody(request);
  return embedAnswer(
    url.pathname,
    request.method,
    request.headers.get('if-none-match'),
    () => problem(404, 'not-found', 'Nothing here', 'There is no such file in the embed bundle.'),
    methodNotAllowed,
  );
};

export interface FoundRoute {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a request: the first in the table whose pattern and method fit. */
export function routeMatcher(routes: readonly Route[]) {
  const asWritten = new TrieRouter<Route>();
  const withoutEmptySegments = new TrieRouter<Route>();
  for (const route of routes) {
    asWritten.add(route.method, route.pattern, route);
    if (!route.exactPath) withoutEmptySegments.add(route.method, route.pattern, route);
  }
  const first = (router: TrieRouter<Route>, method: string, path: string): FoundRoute | undefined => {
    const [match] = router.match(method, path)[0];
    return match ? {route: match[0], params: match[1] as Record<string, string>} : undefined;
  };
  return (method: string, path: string): FoundRoute | undefined => {
    const hasEmptySegment = path.includes('//') || path.endsWith('/');
    if (!path.startsWith('/v1/') || !hasEmptySegment) return first(asWritten, method, path);
    return first(withoutEmptySegments, method, `/${path.split('/').filter(Boolean).join('/')}`);
  };
}

/** The collector's 404. */
export function notFound(): Response {
  return problem(404, 'not-found', 'Nothing here', 'See /v1/health and /v1/submissions.');
}

export {methodNotAllowed};
