// The provider API's letter routes (issue #14):
//   GET    /v1/letter-templates                        every kind's templates in force
//   GET    /v1/letter-templates/:kind                  one kind's
//   PUT    /v1/letter-templates/:kind                  {standard, easyRead}: the provider's own wording
//   DELETE /v1/letter-templates/:kind                  back to the built-in wording
//   GET    /v1/submissions/:reference/letters/:kind    the letter drafted from the complaint's record (JSON)
//   GET    /v1/submissions/:reference/letters/:kind.docx   the same letter as a Word document
// Letters take `?version=standard|easy-read` and `?large-print=true|false`; without them, the person's
// communication needs decide. Templates are the provider's, for every service: a token for some services
// may read them but not change them.
import * as z from 'zod';
import {
  LETTER_KINDS,
  LETTER_TEMPLATE_LIMIT,
  LETTER_VERSIONS,
  type LetterKind,
  type LetterTemplateView,
  type LetterVersion,
} from '@care-feedback/core/provider';
import type {Nation} from '@care-feedback/core';
import {EMPTY_COMPLAINT_RECORD} from '../complaint-record.js';
import {localDay} from '../working-days.js';
import {json, methodNotAllowed, problem, type ProblemField} from '../http.js';
import type {AuditEntry, Store, StoredRecord} from '../types.js';
import {DEFAULT_LETTER_TEMPLATES} from './default-templates.js';
import {letterDocx} from './letter-docx.js';
import {draftLetter, unknownPlaceholders} from './letter-model.js';

type Audit = (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) => Promise<void>;
type ReadJson = () => Promise<{value?: Record<string, unknown>; response?: Response}>;

const isKind = (value: string): value is LetterKind => (LETTER_KINDS as readonly string[]).includes(value);

const noSuchKind = () =>
  problem(404, 'not-found', 'No letter of this kind', `Use one of: ${LETTER_KINDS.join(', ')}.`);

const templateText = z
  .string('Write the letter as text.')
  .max(LETTER_TEMPLATE_LIMIT, `Use ${LETTER_TEMPLATE_LIMIT} characters or fewer.`)
  .refine((text) => text.trim() !== '', 'Write the letter, or use our wording instead.');
const templateBody = z.object({standard: templateText, easyRead: templateText}).strict();

/** Every kind's templates in force: the provider's own where saved, ours elsewhere. */
async function templatesInForce(store: Store): Promise<LetterTemplateView[]> {
  const saved = new Map((await store.listLetterTemplates()).map((t) => [t.kind, t]));
  return LETTER_KINDS.map((kind) => {
    const own = saved.get(kind);
    return own
      ? {kind, standard: own.standard, easyRead: own.easyRead, custom: true, updatedAt: own.updatedAt}
      : {kind, ...DEFAULT_LETTER_TEMPLATES[kind], custom: false, updatedAt: null};
  });
}

/** Answers /v1/letter-templates[/:kind]. */
export async function handleLetterTemplates(options: {
  store: Store;
  segments: string[];
  method: string;
  readJson: ReadJson;
  audit: Audit;
  now: () => Date;
  limited: boolean;
}): Promise<Response> {
  const {store, segments, method} = options;
  if (segments.length === 1) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    return json(200, {items: await templatesInForce(store)});
  }
  const kind = segments[1]!;
  if (!isKind(kind)) return noSuchKind();
  if (method === 'GET' || method === 'HEAD')
    return json(200, (await templatesInForce(store)).find((t) => t.kind === kind));
  if (method !== 'PUT' && method !== 'DELETE') return methodNotAllowed('GET, HEAD, PUT, DELETE');
  if (options.limited)
    return problem(403, 'limited-token', 'This token is for some services only', 'Letter templates are for every service: use a token for every service to change them.');
  if (method === 'DELETE') {
    await store.putLetterTemplate(kind, null);
    await options.audit([{reference: null, action: 'letter-template', detail: `${kind} reset`}]);
    return json(200, (await templatesInForce(store)).find((t) => t.kind === kind));
  }
  const body = await options.readJson();
  if (body.response) return body.response;
  const parsed = templateBody.safeParse(body.value);
  const errors: ProblemField[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message:
          issue.code === 'unrecognized_keys'
            ? `Unknown field: ${issue.keys.join(', ')}.`
            : issue.code === 'invalid_type' && issue.path.length
              ? 'Write the letter as text.'
              : issue.message,
      }));
  if (parsed.success) {
    for (const version of ['standard', 'easyRead'] as const) {
      const unknown = unknownPlaceholders(parsed.data[version]);
      if (unknown.length)
        errors.push({
          path: version,
          message: `We do not know ${unknown.map((name) => `{{${name}}}`).join(', ')}. Check the spelling against the list of placeholders.`,
        });
    }
  }
  if (!parsed.success || errors.length)
    return problem(422, 'invalid-letter-template', 'Some answers need changing', undefined, {errors});
  await store.putLetterTemplate(kind, {kind, ...parsed.data, updatedAt: options.now().toISOString()});
  await options.audit([{reference: null, action: 'letter-template', detail: kind}]);
  return json(200, (await templatesInForce(store)).find((t) => t.kind === kind));
}

/** Answers /v1/submissions/:reference/letters/:kind[.docx]; the caller has found the submission in scope. */
export async function handleLetter(options: {
  store: Store;
  submission: StoredRecord;
  kindSegment: string;
  method: string;
  query: URLSearchParams;
  audit: Audit;
  today: string;
  timeZone: string;
  nation: Nation;
}): Promise<Response> {
  const {store, submission, query} = options;
  const docx = options.kindSegment.endsWith('.docx');
  const kind = docx ? options.kindSegment.slice(0, -'.docx'.length) : options.kindSegment;
  if (!isKind(kind)) return noSuchKind();
  if (options.method !== 'GET' && options.method !== 'HEAD') return methodNotAllowed('GET, HEAD');
  if (submission.kind !== 'complaint')
    return problem(409, 'not-a-complaint', 'This feedback is not a complaint', 'Only complaints have letters.');

  const errors: ProblemField[] = [];
  const needs = Array.isArray(submission.submission.communicationNeeds) ? submission.submission.communicationNeeds : [];
  const versionText = query.get('version');
  if (versionText !== null && !(LETTER_VERSIONS as readonly string[]).includes(versionText))
    errors.push({path: 'query.version', message: `Use one of: ${LETTER_VERSIONS.join(', ')}.`});
  const largeText = query.get('large-print');
  if (largeText !== null && !['true', 'false'].includes(largeText))
    errors.push({path: 'query.large-print', message: 'Use true or false.'});
  if (errors.length) return problem(400, 'bad-query', 'Some choices are not right', undefined, {errors});
  const version = (versionText ?? (needs.includes('easy-read') ? 'easy-read' : 'standard')) as LetterVersion;
  const largePrint = largeText === null ? needs.includes('large-print') : largeText === 'true';

  const templates = (await templatesInForce(store)).find((t) => t.kind === kind)!;
  const record = (await store.getComplaintRecord(submission.reference)) ?? EMPTY_COMPLAINT_RECORD;
  const model = draftLetter({
    kind,
    version,
    largePrint,
    template: version === 'easy-read' ? templates.easyRead : templates.standard,
    facts: {
      reference: submission.reference,
      receivedDay: localDay(new Date(submission.receivedAt), options.timeZone),
      today: options.today,
      name: submission.submission.contact?.name,
      address: (submission.submission.contact as {address?: string} | undefined)?.address,
      service: submission.service,
      record,
      nation: options.nation,
    },
  });
  // Drafting a letter reads the person's name and the investigation: it is a read, and the trail says so.
  await options.audit([{reference: submission.reference, action: 'letter', detail: `${kind} ${version}${largePrint ? ' large-print' : ''}${docx ? ' docx' : ''}`}]);
  if (!docx) return json(200, model);
  const file = await letterDocx(model, `Complaint ${submission.reference}: ${kind} letter`);
  return new Response(file, {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="${submission.reference}-${kind}${version === 'easy-read' ? '-easy-read' : ''}${largePrint ? '-large-print' : ''}.docx"`,
      'cache-control': 'no-store',
    },
  });
}

