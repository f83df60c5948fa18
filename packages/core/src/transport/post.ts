// One POST of one submission to the collector, and what its answer means for the queue.
import {isValidationCode, type FieldError} from '../schema/messages.js';
import type {Submission} from '../schema/submission.js';
import {parseRetryAfter} from './backoff.js';

export type PostOutcome =
  | {kind: 'delivered'; httpStatus: number; reference?: string; receivedAt?: string}
  | {kind: 'rejected'; httpStatus: number; errors?: FieldError[]}
  | {kind: 'retry'; httpStatus?: number; retryAfterMs?: number};

/** Answers that mean the collector will never take this body: sending it again cannot help. */
const PERMANENT = [400, 409, 413, 415, 422];
/** Browsers allow 64 KiB of keepalive bodies in flight per page; stay under it with room to spare. */
const KEEPALIVE_LIMIT = 60 * 1024;
/** A request that hangs must not hold its lock for ever. */
const REQUEST_TIMEOUT_MS = 30_000;

/** POSTs to `${endpoint}/${path}`; `endpoint` comes without a trailing slash. */
export async function postSubmission(
  endpoint: string,
  submission: Submission,
  path = 'submissions',
): Promise<PostOutcome> {
  const body = JSON.stringify(submission);
  let response: Response;
  try {
    response = await fetch(`${endpoint}/${path}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body,
      // keepalive lets the request finish when the person closes the tab straight after sending.
      keepalive: new TextEncoder().encode(body).length < KEEPALIVE_LIMIT,
      credentials: 'omit',
      signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
    });
  } catch {
    // Offline, DNS, refused, reset, CORS or timed out: all worth another try later.
    return {kind: 'retry'};
  }
  const httpStatus = response.status;
  if (response.ok) {
    const answer = await readJson(response);
    return {
      kind: 'delivered',
      httpStatus,
      reference: stringOrUndefined(answer?.['reference']),
      receivedAt: stringOrUndefined(answer?.['receivedAt']),
    };
  }
  if (PERMANENT.includes(httpStatus)) {
    const errors = httpStatus === 422 ? fieldErrors(await readJson(response)) : undefined;
    return errors ? {kind: 'rejected', httpStatus, errors} : {kind: 'rejected', httpStatus};
  }
  // 5xx, 408, 429, and anything unexpected (a 404 from a misconfigured endpoint, a 403 while an
  // origin is being allowed): keep the submission and try again later rather than lose it.
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  return retryAfterMs === undefined
    ? {kind: 'retry', httpStatus}
    : {kind: 'retry', httpStatus, retryAfterMs};
}

async function readJson(response: Response): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = await response.json();
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The `errors` list of a problem+json answer, as field errors a form can show. */
function fieldErrors(problem: Record<string, unknown> | undefined): FieldError[] | undefined {
  const list = problem?.['errors'];
  if (!Array.isArray(list)) return undefined;
  const errors: FieldError[] = [];
  for (const entry of list as unknown[]) {
    if (!entry || typeof entry !== 'object') continue;
    const {path, code, message} = entry as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') continue;
    const top = `${path.split('.')[0]}.invalid`;
    errors.push({
      path,
      // A code this version does not know still gets one a form can look up.
      code: isValidationCode(code) ? code : isValidationCode(top) ? top : 'body.invalid',
      message,
    });
  }
  return errors;
}
