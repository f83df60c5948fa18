// Small HTTP helpers: JSON and problem answers, a body reader that stops at a limit, and the
// internal request/answer shapes that let the Node adapter skip building Web Request objects.

/** A request as the collector's core reads it: from a Web Request, or straight from node:http. */
export interface Incoming {
  method: string;
  /** The full URL (made on demand: the hot path needs only `path` and `origin`). */
  readonly url: string;
  /** The path without the query string. */
  readonly path: string;
  /** This server's own origin as the client addressed it, e.g. http://127.0.0.1:8787. */
  readonly origin: string;
  header(name: string): string | null;
  /** Reads the body, at most `limit` bytes; throws BodyTooLarge past it (and stops reading). */
  readBody(limit: number): Promise<Uint8Array>;
  /** Says the body will not be read. */
  discardBody(): void;
  /** The Web Request (made on demand), for the provider routes. */
  toRequest(): Request;
}

/** An answer before it becomes a Web Response or is written to node:http. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | ReadableStream<Uint8Array> | null;
}

export function jsonAnswer(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Answer {
  return {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', ...headers},
    body: JSON.stringify(value),
  };
}

export function problemAnswer(
  status: number,
  type: string,
  title: string,
  detail?: string,
  extra: {errors?: ProblemField[]; headers?: Record<string, string>} = {},
): Answer {
  const body = JSON.stringify({
    type: `https://care-feedback.dev/problems/${type}`,
    title,
    status,
    ...(detail ? {detail} : {}),
    ...(extra.errors ? {errors: extra.errors} : {}),
  });
  return {
    status,
    headers: {'content-type': 'application/problem+json; charset=utf-8', ...extra.headers},
    body,
  };
}

export function toResponse(answer: Answer): Response {
  const response = new Response(answer.body, {status: answer.status, headers: answer.headers});
  if (typeof answer.body === 'string') directBodies.set(response, answer.body);
  return response;
}

export function fromResponse(response: Response): Answer {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  return {status: response.status, headers, body: directBodies.get(response) ?? response.body};
}

/** An Incoming over a Web Request. */
export function requestIncoming(request: Request): Incoming {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    url = new URL('http://invalid/');
  }
  return {
    method: request.method,
    url: request.url,
    path: url.pathname,
    origin: url.origin,
    header: (name) => request.headers.get(name),
    readBody: (limit) => readBody(request, limit),
    discardBody: () => void request.body?.cancel().catch(() => {}),
    toRequest: () => request,
  };
}

/** Bodies of answers we made, kept so the Node adapter can write them without reading a stream. */
export const directBodies = new WeakMap<Response, string>();

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  return toResponse(jsonAnswer(status, value, headers));
}

export interface ProblemField {
  path: string;
  code?: string;
  message: string;
}

/** An RFC 9457 problem answer: type, title, status, detail, and each bad field when there are some. */
export function problem(
  status: number,
  type: string,
  title: string,
  detail?: string,
  extra: {errors?: ProblemField[]; headers?: Record<string, string>} = {},
): Response {
  return toResponse(problemAnswer(status, type, title, detail, extra));
}

export class BodyTooLarge extends Error {}

/**
 * Reads a request body up to `limit` bytes. A declared length over the limit is refused before
 * reading; a body that grows past it (chunked, endless) is cut off and the stream cancelled, so
 * at most `limit` bytes are ever held.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => {});
    throw new BodyTooLarge();
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
