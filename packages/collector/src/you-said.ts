// "You said, we did": the provider's items (bearer token) and the public list of published ones.
import {randomUUID} from 'node:crypto';
import {YOU_SAID_LIMITS} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem, type ProblemField} from './http.js';
import type {LogLine} from './log.js';
import {normaliseReference} from './reference.js';
import type {AuditEntry, Store, StoredRecord, YouSaidChange, YouSaidItem} from './types.js';

/**
 * The feedback a token may see. A token for some services sees only items about its own services'
 * feedback, and links items only to that: another home's reference is "not found", so it cannot learn
 * that it exists, nor test words against its message through a quote.
 */
export interface YouSaidScope {
  /** Whether the token is limited to some services. */
  limited: boolean;
  /** The feedback with this reference, or undefined when there is none or the token may not see it. */
  feedback(reference: string): Promise<StoredRecord | undefined>;
}

/** The limits are part of the provider contract (core), so the inbox's fields use the same numbers. */
export {YOU_SAID_LIMITS};

/** What the public may see of a published item: no reference, nothing about the author. */
export function publicView(item: YouSaidItem) {
  return {
    id: item.id,
    youSaid: item.youSaid,
    weDid: item.weDid,
    quote: item.quote,
    publishedAt: item.publishedAt,
  };
}

/** `GET /v1/you-said-we-did/published`: open to anyone (CORS follows the allowlist in collector.ts). */
export async function publishedAnswer(store: Store, method: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return methodNotAllowed('GET, HEAD');
  const items = await store.listYouSaid({publishedOnly: true});
  const answer = json(200, {items: items.map(publicView)});
  // Checked every time: an item the provider unpublishes must leave the public site at once.
  answer.headers.set('cache-control', 'no-cache');
  return answer;
}

type Audit = (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) => Promise<void>;
type ReadJson = () => Promise<{value?: Record<string, unknown>; response?: Response}>;

// The detail repeats the field messages, so a client that shows one line still says why.
const invalid = (errors: ProblemField[], title = 'Some answers need changing') =>
  problem(422, 'invalid-you-said-we-did', title, errors.map((e) => e.message).join(' '), {errors});
const notFound = () => problem(404, 'not-found', 'No "You said, we did" item has this id');

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(
  value: unknown,
  path: 'youSaid' | 'weDid' | 'quote',
  label: string,
  errors: ProblemField[],
): string | undefined {
  const max = YOU_SAID_LIMITS[path];
  if (typeof value !== 'string' || !value.trim() || value.length > max || CONTROL.test(value)) {
    errors.push({
      path,
      message: `Write ${label} in 1 to ${max.toLocaleString('en-GB')} characters.`,
    });
    return undefined;
  }
  return value;
}

/** Why an item cannot be published, as field errors; none when it can. */
export async function publishProblems(store: Store, item: YouSaidItem): Promise<ProblemField[]> {
  if (item.quote === null) return [];
  const submission = item.submissionReference
    ? await store.get(item.submissionReference)
    : undefined;
  if (!submission)
    return [
      {
        path: 'quote',
        message: 'A quote needs the feedback it comes from. Remove the quote to publish this.',
      },
    ];
  if (submission.submission.consent.publish !== true)
    return [
      {
        path: 'quote',
        message:
          'The person who wrote this feedback did not agree to it being published. Remove the quote to publish this.',
      },
    ];
  return [];
}

/** Answers /v1/you-said-we-did[/:id[/publish|/unpublish]] for a signed-in provider. */
export async function handleYouSaid(
  store: Store,
  segments: string[],
  method: string,
  readJson: ReadJson,
  audit: Audit,
  now: () => string,
  line: LogLine,
  scope: YouSaidScope = {limited: false, feedback: (reference) => store.get(reference)},
): Promise<Response> {
  const record = (action: string, item: YouSaidItem) =>
    audit([{reference: item.submissionReference, action, detail: item.id}]);
  const mine = async (item: YouSaidItem) =>
    !scope.limited ||
    (item.submissionReference !== null && (await scope.feedback(item.submissionReference)) !== undefined);

  if (segments.length === 1) {
    if (method === 'GET' || method === 'HEAD') {
      const all = await store.listYouSaid();
      const seen = await Promise.all(all.map(mine));
      const items = all.filter((_, index) => seen[index]);
      await audit([{reference: null, action: 'you-said-list', detail: `${items.length} items`}]);
      return json(200, {items});
    }
    if (method !== 'POST') return methodNotAllowed('GET, HEAD, POST');
    const body = await readJson();
    if (body.response) return body.response;
    const fields = await readFields(scope, body.value!, undefined);
    if ('response' in fields) return fields.response;
    const at = now();
    const item: YouSaidItem = {
      id: randomUUID(),
      submissionReference: fields.change.submissionReference ?? null,
      youSaid: fields.change.youSaid!,
      weDid: fields.change.weDid!,
      quote: fields.change.quote ?? null,
      published: false,
      publishedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await store.createYouSaid(item);
    await record('you-said-create', item);
    line.outcome = 'created';
    return json(201, item);
  }

  const id = segments[1]!;
  const found = /^[0-9a-f-]{36}$/.test(id) ? await store.getYouSaid(id) : undefined;
  const item = found && (await mine(found)) ? found : undefined;
  const action = segments[2];
  if (action === 'publish' || action === 'unpublish') {
    if (method !== 'POST') return methodNotAllowed('POST');
    if (!item) return notFound();
    if (action === 'publish') {
      const errors = await publishProblems(store, item);
      if (errors.length) return invalid(errors, 'This cannot be published');
    }
    const at = now();
    const updated = await store.updateYouSaid(item.id, {
      published: action === 'publish',
      publishedAt: action === 'publish' ? (item.publishedAt ?? at) : null,
      updatedAt: at,
    });
    if (!updated) return notFound();
    await record(`you-said-${action}`, updated);
    line.outcome = `${action}ed`;
    return json(200, updated);
  }
  if (method === 'GET' || method === 'HEAD') {
    if (!item) return notFound();
    await record('you-said-read', item);
    return json(200, item);
  }
  if (method === 'DELETE') {
    if (!item || !(await store.deleteYouSaid(item.id))) return notFound();
    await record('you-said-delete', item);
    line.outcome = 'deleted';
    return new Response(null, {status: 204});
  }
  if (method !== 'PATCH') return methodNotAllowed('GET, HEAD, PATCH, DELETE');
  const body = await readJson();
  if (body.response) return body.response;
  if (!item) return notFound();
  const fields = await readFields(scope, body.value!, item);
  if ('response' in fields) return fields.response;
  const change: YouSaidChange = {...fields.change, updatedAt: now()};
  // A published item stays publishable: a new quote is checked as publishing would check it.
  if (item.published) {
    const errors = await publishProblems(store, {...item, ...change} as YouSaidItem);
    if (errors.length) return invalid(errors, 'This change cannot be published');
  }
  const updated = await store.updateYouSaid(item.id, change);
  if (!updated) return notFound();
  await record('you-said-update', updated);
  line.outcome = 'updated';
  return json(200, updated);
}

/** Reads and checks the fields of a new item (all of them) or of a change (those sent). */
async function readFields(
  scope: YouSaidScope,
  body: Record<string, unknown>,
  current: YouSaidItem | undefined,
): Promise<{change: Omit<YouSaidChange, 'updatedAt'>} | {response: Response}> {
  const errors: ProblemField[] = [];
  const change: Omit<YouSaidChange, 'updatedAt'> = {};
  const creating = current === undefined;
  if (creating || body.youSaid !== undefined) {
    const value = text(body.youSaid, 'youSaid', 'what people said', errors);
    if (value !== undefined) change.youSaid = value;
  }
  if (creating || body.weDid !== undefined) {
    const value = text(body.weDid, 'weDid', 'what you did', errors);
    if (value !== undefined) change.weDid = value;
  }
  if (body.submissionReference !== undefined && body.submissionReference !== null) {
    const reference =
      typeof body.submissionReference === 'string'
        ? normaliseReference(body.submissionReference)
        : undefined;
    if (!reference || !(await scope.feedback(reference)))
      errors.push({path: 'submissionReference', message: 'No feedback has this reference.'});
    else change.submissionReference = reference;
  } else if (body.submissionReference === null) change.submissionReference = null;
  // A token for some services writes only about its own feedback: an item with no link is for the
  // whole provider, and one it unlinked would leave its sight.
  if (
    scope.limited &&
    (creating ? body.submissionReference === undefined || body.submissionReference === null : body.submissionReference === null)
  )
    errors.push({path: 'submissionReference', message: 'Give the reference of the feedback from your services that this answers.'});
  if (body.quote !== undefined && body.quote !== null) {
    const value = text(body.quote, 'quote', 'the quote', errors);
    const reference =
      change.submissionReference !== undefined
        ? change.submissionReference
        : (current?.submissionReference ?? null);
    const source = reference ? await scope.feedback(reference) : undefined;
    if (value !== undefined) {
      if (!source)
        errors.push({path: 'quote', message: 'A quote must come from the feedback this answers.'});
      else if (!source.submission.message.includes(value))
        errors.push({path: 'quote', message: 'Copy the quote exactly from the message.'});
      else change.quote = value;
    }
  } else if (body.quote === null) change.quote = null;
  // A new link without a new quote must not keep a quote taken from other feedback.
  if (
    !creating &&
    change.submissionReference !== undefined &&
    change.submissionReference !== current.submissionReference &&
    body.quote === undefined &&
    current.quote !== null
  )
    errors.push({path: 'quote', message: 'Choose a quote from the new feedback, or remove it.'});
  if (!creating && !Object.keys(change).length && !errors.length)
    errors.push({path: '', message: 'Send what people said, what you did, or a quote.'});
  if (errors.length) return {response: invalid(errors)};
  return {change};
}
