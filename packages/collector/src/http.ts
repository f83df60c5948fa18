// Small HTTP helpers over Web-standard Request and Response: JSON and problem answers, a body
// reader that stops at a limit, and a way to say a body will not be read.

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(value), {
    status,
    headers: {'content-type': 'application/json; charset=utf-8', ...headers},
  });
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
  const body = JSON.stringify({
    type: `https://care-feedback.dev/problems/${type}`,
    title,
    status,
    ...(detail ? {detail} : {}),
    ...(extra.errors ? {errors: extra.errors} : {}),
  });
  return new Response(body, {
    status,
    headers: {'content-type': 'application/problem+json; charset=utf-8', ...extra.headers},
  });
}

/** Says a request's body will not be read (the Node adapter then closes the connection after the answer). */
export function discardBody(request: Request): void {
  request.body?.cancel().catch(() => {});
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

/** 405 with the methods this path takes (`allow`, e.g. "GET, POST"). */
export function methodNotAllowed(allow: string): Response {
  return problem(405, 'method-not-allowed', 'Method not allowed', undefined, {headers: {allow}});
}

/** A path segment decoded, or left as it came when it is not valid percent-encoding (never a 500). */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
