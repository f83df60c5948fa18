// Improvement actions (issue #15): what will change, who owns it, when it is due and where it is, linked to
// the feedback items and themes it answers. Completing one can start a "You said, we did" item from it.
//   GET    /v1/actions?status=&overdue=&reference=&theme=   the actions, soonest due first
//   POST   /v1/actions                                      {change, owner, dueOn, status?, references?, themes?}
//   GET    /v1/actions/:id
//   PATCH  /v1/actions/:id                                  any of the fields; links are replaced when sent
//   DELETE /v1/actions/:id
//   POST   /v1/actions/:id/you-said-we-did                  {youSaid, weDid?}: an unpublished item from a done action
// A token for some services sees an action only when it answers feedback and all of that feedback is its
// services'; any other action is "not found". Every change goes to the audit trail (ids, never words).
import {randomUUID} from 'node:crypto';
import * as z from 'zod';
import {
  ACTION_LIMITS,
  ACTION_OPEN_STATUSES,
  ACTION_STATUSES,
  YOU_SAID_LIMITS,
  type ImprovementAction,
  type OverdueAction,
} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem, type ProblemField, safeDecode} from './http.js';
import {CONTROL, type LearningContext} from './learning-scope.js';
import {normaliseReference} from './reference.js';
import type {ActionRecord} from './store/actions-sql.js';
import type {YouSaidItem} from './types.js';

const invalid = (errors: ProblemField[]) =>
  problem(422, 'invalid-action', 'Some answers need changing', errors.map((e) => e.message).join(' '), {errors});
const notFound = () => problem(404, 'not-found', 'No improvement action has this id');

/** A real calendar day written YYYY-MM-DD. */
const DAY = z
  .string('Use a date like 2027-01-31.')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-01-31.')
  .refine((day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || new Date(`${day}T00:00:00Z`).toISOString?.().startsWith(day), 'Use a real date, like 2027-01-31.');
const TEXT = (max: number, what: string) =>
  z
    .string(`Write ${what}.`)
    .trim()
    .min(1, `Write ${what}.`)
    .max(max, `Use ${max.toLocaleString('en-GB')} characters or fewer.`)
    .refine((text) => !CONTROL.test(text), 'Take out the control characters.');

const fields = z
  .object({
    change: TEXT(ACTION_LIMITS.change, 'what will change'),
    owner: TEXT(ACTION_LIMITS.owner, 'who owns this action'),
    dueOn: DAY,
    status: z.enum(ACTION_STATUSES, `Use one of: ${ACTION_STATUSES.join(', ')}.`),
    references: z.array(z.string('Give a reference, like CF-1234-ABCD.'), 'Send a list of references.').max(ACTION_LIMITS.references, `Up to ${ACTION_LIMITS.references} feedback items.`),
    themes: z.array(z.string('Give a theme id.'), 'Send a list of theme ids.').max(ACTION_LIMITS.themes, `Up to ${ACTION_LIMITS.themes} themes.`),
  })
  .strict();
const creating = fields.partial({status: true, references: true, themes: true});
const changing = fields.partial();

const toProblems = (error: z.ZodError): ProblemField[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field: ${issue.keys.join(', ')}.` : issue.message,
  }));

/** Whether a token may see an action: every token for every service may; one for some, only its own. */
export function actionVisible(action: Pick<ActionRecord, 'references'>, services: readonly string[] | undefined): boolean {
  if (!services) return true;
  return action.references.length > 0 && action.references.every((link) => link.service !== null && services.includes(link.service));
}

export const isOverdue = (action: Pick<ActionRecord, 'status' | 'dueOn'>, today: string) =>
  ACTION_OPEN_STATUSES.includes(action.status) && action.dueOn < today;

export const toActionView = (action: ActionRecord, today: string): ImprovementAction => ({
  id: action.id,
  change: action.change,
  owner: action.owner,
  dueOn: action.dueOn,
  status: action.status,
  references: action.references.map((link) => link.reference),
  themes: action.themes,
  youSaidId: action.youSaidId,
  createdAt: action.createdAt,
  updatedAt: action.updatedAt,
  completedAt: action.completedAt,
  overdue: isOverdue(action, today),
});

/** GET /v1/attention's `actions`: the overdue actions a token may see, most overdue first. */
export async function overdueActions(ctx: Pick<LearningContext, 'store' | 'services' | 'today'>): Promise<OverdueAction[]> {
  return (await ctx.store.listActions({overdueOn: ctx.today}))
    .filter((action) => actionVisible(action, ctx.services))
    .map(({id, change, owner, dueOn, status}) => ({id, change, owner, dueOn, status}));
}

/** The references and theme ids sent, checked: each item must be one the token may see, each theme must exist. */
async function readLinks(
  ctx: LearningContext,
  sent: {references?: string[] | undefined; themes?: string[] | undefined},
  current: Pick<ActionRecord, 'references' | 'themes'> | undefined,
  errors: ProblemField[],
): Promise<Pick<ActionRecord, 'references' | 'themes'> | undefined> {
  if (sent.references === undefined && sent.themes === undefined) return undefined;
  const references: ActionRecord['references'] = [];
  for (const [i, text] of (sent.references ?? current?.references.map((link) => link.reference) ?? []).entries()) {
    const reference = normaliseReference(text);
    const record = reference ? await ctx.feedback(reference) : undefined;
    if (!record) errors.push({path: `references.${i}`, message: 'No feedback has this reference.'});
    else if (!references.some((link) => link.reference === record.reference))
      references.push({reference: record.reference, service: record.service});
  }
  const known = new Map((await ctx.store.listThemes()).map((theme) => [theme.id, theme]));
  const themes = [...new Set(sent.themes ?? current?.themes ?? [])];
  themes.forEach((id, i) => {
    if (!known.has(id)) errors.push({path: `themes.${i}`, message: 'There is no theme with this id.'});
  });
  // A token for some services writes only about its own feedback: an action with none would leave its sight.
  if (ctx.services && references.length === 0 && !errors.some((e) => e.path.startsWith('references')))
    errors.push({path: 'references', message: 'Link the action to at least one feedback item from your services.'});
  return {references, themes};
}

/** Audit lines for links made and broken, one per feedback item, so each item's trail shows its actions. */
function linkAudit(id: string, before: readonly string[], after: readonly string[]) {
  return [
    ...after.filter((r) => !before.includes(r)).map((reference) => ({reference, action: 'action-link', detail: id})),
    ...before.filter((r) => !after.includes(r)).map((reference) => ({reference, action: 'action-unlink', detail: id})),
  ];
}

/** Answers /v1/actions[/:id[/you-said-we-did]]. */
export async function handleActions(ctx: LearningContext, segments: string[]): Promise<Response> {
  const {store, method, today} = ctx;
  if (segments.length === 1) {
    if (method === 'GET' || method === 'HEAD') {
      const query = ctx.url.searchParams;
      const errors: ProblemField[] = [];
      const statuses = query.get('status')?.split(',').filter(Boolean);
      if (statuses?.some((s) => !(ACTION_STATUSES as readonly string[]).includes(s)))
        errors.push({path: 'query.status', message: `Use one or more of: ${ACTION_STATUSES.join(', ')}.`});
      const overdue = query.get('overdue');
      if (overdue !== null && !['true', 'false', '1', '0', ''].includes(overdue)) errors.push({path: 'query.overdue', message: 'Use true or false.'});
      if (errors.length) return problem(400, 'bad-query', 'Some filters are not right', undefined, {errors});
      const reference = query.get('reference') ? normaliseReference(query.get('reference')!) : undefined;
      const theme = query.get('theme') ?? undefined;
      const wantOverdue = overdue === 'true' || overdue === '1';
      const items = (await store.listActions(wantOverdue ? {overdueOn: today} : {}))
        .filter((action) => actionVisible(action, ctx.services))
        .filter((action) => !statuses || statuses.includes(action.status))
        .filter((action) => reference === undefined || action.references.some((link) => link.reference === reference))
        .filter((action) => theme === undefined || action.themes.includes(theme))
        .map((action) => toActionView(action, today));
      return json(200, {items});
    }
    if (method !== 'POST') return methodNotAllowed('GET, HEAD, POST');
    const body = await ctx.readJson();
    if (body.response) return body.response;
    const parsed = creating.safeParse(body.value);
    const errors = parsed.success ? [] : toProblems(parsed.error);
    // Links are checked even when other fields are wrong, so every problem is told at once.
    const list = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : []);
    const links = await readLinks(ctx, {references: list(body.value!.references), themes: list(body.value!.themes)}, undefined, errors);
    if (!parsed.success || errors.length || !links) return invalid(errors);
    const at = ctx.at();
    const status = parsed.data.status ?? 'open';
    const action: ActionRecord = {
      id: randomUUID(),
      change: parsed.data.change,
      owner: parsed.data.owner,
      dueOn: parsed.data.dueOn,
      status,
      youSaidId: null,
      createdAt: at,
      updatedAt: at,
      completedAt: status === 'done' ? at : null,
      ...links,
    };
    await store.createAction(action);
    await ctx.audit([
      {reference: null, action: 'action-create', detail: action.id},
      ...linkAudit(action.id, [], action.references.map((link) => link.reference)),
    ]);
    return json(201, toActionView(action, today));
  }

  const id = safeDecode(segments[1]!);
  const found = /^[0-9a-f-]{36}$/.test(id) ? await store.getAction(id) : undefined;
  const current = found && actionVisible(found, ctx.services) ? found : undefined;
  if (segments[2] === 'you-said-we-did') {
    if (method !== 'POST') return methodNotAllowed('POST');
    const body = await ctx.readJson();
    if (body.response) return body.response;
    if (!current) return notFound();
    return startYouSaid(ctx, current, body.value!);
  }
  if (!current) {
    if (method === 'PATCH') await ctx.readJson();
    return notFound();
  }
  if (method === 'GET' || method === 'HEAD') return json(200, toActionView(current, today));
  if (method === 'DELETE') {
    if (!(await store.deleteAction(current.id))) return notFound();
    await ctx.audit([
      {reference: null, action: 'action-delete', detail: current.id},
      ...linkAudit(current.id, current.references.map((link) => link.reference), []),
    ]);
    return new Response(null, {status: 204});
  }
  if (method !== 'PATCH') return methodNotAllowed('GET, HEAD, PATCH, DELETE');
  const body = await ctx.readJson();
  if (body.response) return body.response;
  const parsed = changing.safeParse(body.value);
  const errors = parsed.success ? [] : toProblems(parsed.error);
  if (parsed.success && Object.keys(parsed.data).length === 0) errors.push({path: '', message: 'Send at least one field to change.'});
  const links = parsed.success ? await readLinks(ctx, parsed.data, current, errors) : undefined;
  if (!parsed.success || errors.length) return invalid(errors);
  const {references: _r, themes: _t, ...sent} = parsed.data;
  const change: Parameters<typeof store.updateAction>[1] = {...sent, updatedAt: ctx.at()};
  if (sent.status === 'done' && current.status !== 'done') change.completedAt = change.updatedAt;
  if (sent.status !== undefined && sent.status !== 'done') change.completedAt = null;
  const changedFields = (Object.keys(sent) as Array<keyof typeof sent>).filter((key) => sent[key] !== current[key]);
  const sameLinks =
    !links ||
    (JSON.stringify(links.references.map((l) => l.reference).sort()) === JSON.stringify(current.references.map((l) => l.reference).sort()) &&
      JSON.stringify([...links.themes].sort()) === JSON.stringify([...current.themes].sort()));
  if (!changedFields.length && sameLinks) return json(200, toActionView(current, today));
  const updated = await store.updateAction(current.id, change, sameLinks ? undefined : links);
  if (!updated) return notFound();
  await ctx.audit([
    {reference: null, action: 'action-update', detail: `${current.id}: ${[...changedFields, ...(sameLinks ? [] : ['links'])].sort().join(', ')}`},
    ...(sameLinks ? [] : linkAudit(current.id, current.references.map((l) => l.reference), updated.references.map((l) => l.reference))),
  ]);
  return json(200, toActionView(updated, today));
}

/**
 * Starts a "You said, we did" item from a done action: unpublished, for staff to finish and publish in the
 * usual way. What was done defaults to the action's "what will change". A token for every service makes an
 * item about the theme (no reference); one for some services links it to the action's first item, so the
 * item stays in its sight.
 */
async function startYouSaid(ctx: LearningContext, action: ActionRecord, body: Record<string, unknown>): Promise<Response> {
  if (action.status !== 'done')
    return problem(409, 'action-not-done', 'This action is not done yet', 'Mark the action done first, then say what you did.');
  if (action.youSaidId && (await ctx.store.getYouSaid(action.youSaidId)))
    return problem(409, 'already-started', 'A "You said, we did" item was already started from this action', `Its id is ${action.youSaidId}.`);
  const errors: ProblemField[] = [];
  const unknown = Object.keys(body).filter((key) => key !== 'youSaid' && key !== 'weDid');
  if (unknown.length) errors.push({path: '', message: `Unknown field: ${unknown.join(', ')}.`});
  const text = (value: unknown, path: 'youSaid' | 'weDid', label: string) => {
    const max = YOU_SAID_LIMITS[path];
    if (typeof value !== 'string' || !value.trim() || value.length > max || CONTROL.test(value)) {
      errors.push({path, message: `Write ${label} in 1 to ${max.toLocaleString('en-GB')} characters.`});
      return '';
    }
    return value;
  };
  const youSaid = text(body.youSaid, 'youSaid', 'what people said');
  const weDid = body.weDid === undefined ? action.change.slice(0, YOU_SAID_LIMITS.weDid) : text(body.weDid, 'weDid', 'what you did');
  if (errors.length) return invalid(errors);
  const at = ctx.at();
  const item: YouSaidItem = {
    id: randomUUID(),
    submissionReference: ctx.services ? action.references[0]!.reference : null,
    youSaid,
    weDid,
    quote: null,
    published: false,
    publishedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.store.createYouSaid(item);
  const updated = (await ctx.store.updateAction(action.id, {youSaidId: item.id, updatedAt: at})) ?? action;
  await ctx.audit([
    {reference: item.submissionReference, action: 'you-said-create', detail: item.id},
    {reference: null, action: 'action-you-said', detail: `${action.id}: ${item.id}`},
  ]);
  return json(201, {item, action: toActionView(updated, ctx.today)});
}

