// Thin adapters from the Web-standard handler to node:http and Express/Connect, and serve() for the CLI.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
  createCollector,
  INCOMING,
  type Collector,
  type CollectorOptions,
  type ClientInfo,
} from './collector.js';
import {BodyTooLarge, fromResponse, type Answer, type Incoming} from './http.js';

export type WebHandler = (request: Request, info?: ClientInfo) => Promise<Response>;

/** Turns a node:http request into a Web Request whose body streams with back-pressure. */
function toRequest(req: IncomingMessage): {
  request: Request;
  wasCancelled: () => boolean;
  finished: () => boolean;
} {
  const host = req.headers.host ?? 'localhost';
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${host}`);
  } catch {
    url = new URL(req.url?.startsWith('/') ? `http://localhost${req.url}` : 'http://localhost/');
  }
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A header the Fetch API will not hold: it is not one we use.
    }
  }
  let cancelled = false;
  let ended = false;
  req.on('end', () => (ended = true));
  const method = req.method ?? 'GET';
  const hasBody = declaresBody(req);
  const body = hasBody
    ? new ReadableStream<Uint8Array>(
        {
          start(controller) {
            req.on('data', (chunk: Buffer) => {
              if (cancelled) return;
              controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
              if ((controller.desiredSize ?? 1) <= 0) req.pause();
            });
            req.on('end', () => {
              if (!cancelled) controller.close();
            });
            req.on('error', (error) => {
              if (!cancelled) controller.error(error);
            });
          },
          pull() {
            req.resume();
          },
          cancel() {
            cancelled = true;
            req.pause();
          },
        },
        {highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength},
      )
    : null;
  if (!hasBody) ended = true;
  const request = new Request(url, {method, headers, body, duplex: 'half'} as RequestInit);
  return {request, wasCancelled: () => cancelled, finished: () => ended};
}

/**
 * The collector's own request shape straight from node:http, with no Web Request unless a route
 * asks for one: building Request/Response objects costs more than validating and storing.
 */
function nodeIncoming(req: IncomingMessage): {incoming: Incoming; unread: () => boolean} {
  let state: 'unread' | 'reading' | 'done' | 'abandoned' = declaresBody(req) ? 'unread' : 'done';
  let web: ReturnType<typeof toRequest> | undefined;
  const raw = req.url ?? '/';
  const query = raw.indexOf('?');
  const rawPath = query < 0 ? raw : raw.slice(0, query);
  const incoming: Incoming = {
    method: req.method ?? 'GET',
    get url() {
      return `http://${req.headers.host ?? 'localhost'}${raw}`;
    },
    // The raw path when it is plain; anything with dot segments or backslashes goes through URL's rules.
    path:
      rawPath.startsWith('/') && !rawPath.includes('/.') && !rawPath.includes('\\')
        ? rawPath
        : safePath(raw),
    origin: `http://${req.headers.host ?? 'localhost'}`,
    header(name) {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
    readBody(limit) {
      state = 'reading';
      return new Promise<Uint8Array>((resolve, reject) => {
        const declared = req.headers['content-length'];
        if (declared !== undefined && Number(declared) > limit) {
          state = 'abandoned';
          req.pause();
          reject(new BodyTooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const cleanup = () => {
          req.off('data', onData);
          req.off('end', onEnd);
          req.off('error', onError);
        };
        const onData = (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) {
            // Cut off: stop reading and hold nothing more; the adapter closes the connection.
            cleanup();
            state = 'abandoned';
            req.pause();
            reject(new BodyTooLarge());
            return;
          }
          chunks.push(chunk);
        };
        const onEnd = () => {
          cleanup();
          state = 'done';
          resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
        };
        const onError = (error: Error) => {
          cleanup();
          state = 'abandoned';
          reject(error);
        };
        req.on('data', onData);
        req.on('end', onEnd);
        req.on('error', onError);
      });
    },
    discardBody() {
      if (state === 'unread') state = 'abandoned';
    },
    toRequest() {
      web ??= toRequest(req);
      return web.request;
    },
  };
  return {
    incoming,
    unread: () => (web ? web.wasCancelled() || !web.finished() : state !== 'done'),
  };
}

/**
 * Whether a request comes with a body to read. A preflight (OPTIONS) or a DELETE has none, and
 * must not count as a body left unread: that closes the connection, and the browser would then
 * open a new one for the POST that follows.
 */
function declaresBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function safePath(raw: string): string {
  try {
    return new URL(raw, 'http://localhost').pathname;
  } catch {
    return '/';
  }
}

/** Writes an answer to a node:http response, streaming a body we did not make ourselves. */
async function writeAnswer(
  answer: Answer,
  res: ServerResponse,
  closeAfter: boolean,
): Promise<void> {
  if (closeAfter) answer.headers.connection = 'close';
  const body = answer.body;
  if (body === null || typeof body === 'string') {
    // writeHead with every header at once: cheaper than setHeader one by one on the busiest path.
    // It sends the headers before end() sees the body, so the length is ours to give.
    if (body !== null) answer.headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(answer.status, answer.headers).end(body ?? undefined);
    return;
  }
  res.statusCode = answer.status;
  for (const name in answer.headers) res.setHeader(name, answer.headers[name]!);
  const reader = body.getReader();
  let gone = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      gone = true;
      reader.cancel().catch(() => {});
    }
  });
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done || gone) break;
      if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
    }
  } catch {
    res.destroy();
    return;
  }
  res.end();
}

async function handleNode(
  handler: WebHandler,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const info = {clientAddress: req.socket.remoteAddress};
  const internal = (handler as Partial<Collector>)[INCOMING];
  let answer: Answer;
  let unread: () => boolean;
  if (internal) {
    const made = nodeIncoming(req);
    unread = made.unread;
    answer = await internal(made.incoming, info);
  } else {
    const made = toRequest(req);
    unread = () => made.wasCancelled() || !made.finished();
    answer = fromResponse(await handler(made.request, info));
  }
  // A body we stopped reading (too large, refused) is not kept: the connection is closed instead.
  const closeAfter = unread();
  await writeAnswer(answer, res, closeAfter);
  if (closeAfter) res.once('finish', () => lingeringClose(req));
}

/**
 * Closes a connection whose request body we refused, as web servers do: discard (never hold) what
 * the client is still sending for a moment, so it can read our answer before the socket goes,
 * then close. An endless body is cut off after at most LINGER_BYTES or LINGER_MS.
 */
const LINGER_MS = 1000;
const LINGER_BYTES = 1024 * 1024;
function lingeringClose(req: IncomingMessage): void {
  const socket = req.socket;
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroySoon();
  };
  const timer = setTimeout(close, LINGER_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) close();
  });
  req.once('end', close);
  req.resume();
}

/** A node:http request listener for a handler: `http.createServer(toNodeListener(collector))`. */
export function toNodeListener(
  handler: WebHandler,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleNode(handler, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(503, {'content-type': 'text/plain'});
      res.end();
    });
  };
}

/** The same, by its other name. */
export const nodeAdapter = toNodeListener;

/**
 * Express/Connect middleware: answers requests under `/v1` and passes others to `next`. Mount it
 * before any body parser (it reads the raw body itself), at the root or where req.url keeps `/v1/…`.
 */
export function expressMiddleware(handler: WebHandler, basePath = '/v1') {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path !== basePath && !path.startsWith(`${basePath}/`)) {
      next();
      return;
    }
    handleNode(handler, req, res).catch(next);
  };
}

export interface ServeOptions extends CollectorOptions {
  port?: number;
  host?: string;
}

export interface Serving {
  url: string;
  server: Server;
  collector: Collector;
  /** Graceful: stop accepting, finish requests in flight, close the store. */
  close(): Promise<void>;
}

/** Starts a collector on node:http; resolves once it is listening. */
export async function serve(options: ServeOptions = {}): Promise<Serving> {
  const collector = createCollector(options);
  await collector.store(); // open (and migrate) before taking traffic, so a bad --db fails at once
  const server = createServer({keepAliveTimeout: 5000}, toNodeListener(collector));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    server,
    collector,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await collector.close();
        // Every answer is made; let the last bytes reach slow readers, but not for ever.
        const timer = setTimeout(() => server.closeAllConnections(), 10_000);
        server.closeIdleConnections();
        await stopped;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}
