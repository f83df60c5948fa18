// Thin adapters from the Web-standard handler to node:http and Express/Connect, and serve() for the CLI.
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {createCollector, type Collector, type CollectorOptions, type ClientInfo} from './collector.js';

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
 * Whether a request comes with a body to read. A preflight (OPTIONS) or a DELETE has none, and
 * must not count as a body left unread: that closes the connection, and the browser would then
 * open a new one for the POST that follows.
 */
function declaresBody(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Writes a Response to a node:http response. An answer that comes in one piece (every JSON answer)
 * is written with its length in one go; a longer stream (an export) is written as it comes, with
 * back-pressure, and stops if the client goes.
 */
async function writeResponse(
  response: Response,
  res: ServerResponse,
  closeAfter: boolean,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  if (closeAfter) headers.connection = 'close';
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const reader = response.body.getReader();
  let gone = false;
  res.on('close', () => {
    if (!res.writableFinished) {
      gone = true;
      reader.cancel().catch(() => {});
    }
  });
  try {
    const first = await reader.read();
    const second = first.done ? first : await reader.read();
    if (second.done) {
      // All of it at once: writeHead with every header is the cheapest way on the busiest path.
      const body = first.value ?? new Uint8Array(0);
      headers['content-length'] ??= String(body.byteLength);
      res.writeHead(response.status, headers).end(body);
      return;
    }
    res.writeHead(response.status, headers);
    res.write(first.value);
    let next: ReadableStreamReadResult<Uint8Array> = second;
    while (!next.done && !gone) {
      if (!res.write(next.value)) await new Promise((resolve) => res.once('drain', resolve));
      next = await reader.read();
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
  const made = toRequest(req);
  const response = await handler(made.request, info);
  // A body we stopped reading (too large, refused) is not kept: the connection is closed instead.
  const closeAfter = made.wasCancelled() || !made.finished();
  await writeResponse(response, res, closeAfter);
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
