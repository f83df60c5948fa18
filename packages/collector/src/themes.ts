// Care themes (issue #15): the provider's list, the themes staff put on each feedback item, keyword
// suggestions with the words that matched, and theme trends by month or quarter.
//   GET   /v1/themes                                  every theme, retired ones too
//   POST  /v1/themes                                  {name}: a new theme at the end of the list
//   PATCH /v1/themes/:id                              {name?, retired?}: rename, retire or bring back
//   GET   /v1/themes/trends?from&to&by=month|quarter  tagged feedback in each month or quarter
//   GET   /v1/submissions/:reference/themes           the item's themes
//   PUT   /v1/submissions/:reference/themes           {themes: [ids]}: the item's themes, exactly these
//   GET   /v1/submissions/:reference/theme-suggestions  themes the keyword rules suggest, and why
// Themes are the whole provider's: a token for some services may read them and tag its own services'
// items, but not change the list. Every change goes to the audit trail, named by ids, never words.
import {THEME_LIMITS, TREND_BY, type Theme, type ThemeTrends, type TrendBy} from '@care-feedback/core/provider';
import {json, methodNotAllowed, problem, type ProblemField, safeDecode} from './http.js';
import {CONTROL, type LearningContext} from './learning-scope.js';
import {normaliseReference} from './reference.js';
import {parseReportPeriod, periodScope} from './report-period.js';
import {suggestThemes} from './theme-suggestions.js';

const invalid = (type: string, errors: ProblemField[]) =>
  problem(422, type, 'Some answers need changing', errors.map((e) => e.message).join(' '), {errors});
const noTheme = () => problem(404, 'not-found', 'No theme has this id');
const noFeedback = () => problem(404, 'not-found', 'No submission has this reference');
const limitedToken = () =>
  problem(403, 'limited-token', 'This token is for some services only', 'Themes are for every service: use a token for every service to change them.');

/** A theme's name: 1 to 80 characters, not only spaces, trimmed. */
function themeName(value: unknown, errors: ProblemField[]): string | undefined {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || name.length > THEME_LIMITS.name || CONTROL.test(name) || /[\n\r\t]/.test(name)) {
    errors.push({path: 'name', message: `Give the theme a name of 1 to ${THEME_LIMITS.name} characters, on one line.`});
    return undefined;
  }
  return name;
}

const sameName = (a: string, b: string) => a.localeCompare(b, 'en-GB', {sensitivity: 'accent'}) === 0;

/** An id from a name ("Night-time checks" → night-time-checks), made unique against the ones taken. */
export function themeIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'theme';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Every month (`2026-04`) or calendar quarter (`2026-Q2`) from the first day's to the last day's. */
export function bucketsOf(period: {from: string; to: string}, by: TrendBy): string[] {
  const buckets: string[] = [];
  let [year, month] = period.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (let key = period.from.slice(0, 7); key <= last; ) {
    const bucket = bucketOf(key, by);
    if (buckets.at(-1) !== bucket) buckets.push(bucket);
    month++;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return buckets;
}

/** The bucket a month (`YYYY-MM`) falls in. */
export const bucketOf = (month: string, by: TrendBy): string =>
  by === 'month' ? month : `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;


/** GET /v1/themes/trends: the store's monthly counts, gathered into the buckets asked for. */
async function trends(ctx: LearningContext): Promise<Response> {
  const {period, errors} = parseReportPeriod(ctx.url.searchParams);
  const byText = ctx.url.searchParams.get('by') ?? 'month';
  if (!(TREND_BY as readonly string[]).includes(byText))
    errors.push({path: 'query.by', message: `Use one of: ${TREND_BY.join(', ')}.`});
  if (!period || errors.length) return invalid('invalid-period', errors);
  const by = byText as TrendBy;
  const buckets = bucketsOf(period, by);
  const [rows, themes] = await Promise.all([ctx.store.themeCounts(periodScope(period, ctx.services)), ctx.store.listThemes()]);
  const index = new Map(buckets.map((bucket, i) => [bucket, i]));
  const counts = new Map<string, number[]>();
  for (const row of rows) {
    const line = counts.get(row.themeId) ?? buckets.map(() => 0);
    line[index.get(bucketOf(row.month, by))!]! += row.count;
    counts.set(row.themeId, line);
  }
  const answer: ThemeTrends = {
    period,
    by,
    buckets,
    themes: themes
      .filter((theme) => counts.has(theme.id))
      .map((theme) => {
        const line = counts.get(theme.id)!;
        return {themeId: theme.id, name: theme.name, retired: theme.retiredAt !== null, counts: line, total: line.reduce((a, b) => a + b, 0)};
      })
      .sort((a, b) => b.total - a.total),
  };
  return json(200, answer);
}

/** Answers /v1/themes[/trends or /:id]. */
export async function handleThemes(ctx: LearningContext, segments: string[]): Promise<Response> {
  const {store, method} = ctx;
  if (segments[1] === 'trends' && segments.length === 2) {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    return trends(ctx);
  }
  if (segments.length === 1) {
    if (method === 'GET' || method === 'HEAD') return json(200, {items: await store.listThemes()});
    if (method !== 'POST') return methodNotAllowed('GET, HEAD, POST');
    if (ctx.services) return limitedToken();
    const body = await ctx.readJson();
    if (body.response) return body.response;
    const errors: ProblemField[] = [];
    const unknown = Object.keys(body.value!).filter((key) => key !== 'name');
    if (unknown.length) errors.push({path: '', message: `Unknown field: ${unknown.join(', ')}.`});
    const name = themeName(body.value!.name, errors);
    const themes = await store.listThemes();
    if (name && themes.some((theme) => sameName(theme.name, name)))
      errors.push({path: 'name', message: 'There is already a theme with this name. If it is retired, bring it back instead.'});
    if (themes.length >= THEME_LIMITS.total)
      errors.push({path: '', message: `A provider can have up to ${THEME_LIMITS.total} themes.`});
    if (errors.length || !name) return invalid('invalid-theme', errors);
    const at = ctx.at();
    const theme: Theme = {id: themeIdFor(name, new Set(themes.map((t) => t.id))), name, builtIn: false, retiredAt: null, createdAt: at, updatedAt: at};
    if (!(await store.createTheme(theme)))
      return problem(409, 'changed-meanwhile', 'Someone else added a theme with this name first', 'Reload the themes and try again.');
    await ctx.audit([{reference: null, action: 'theme-create', detail: theme.id}]);
    return json(201, theme);
  }
  const id = safeDecode(segments[1]!);
  if (method === 'GET' || method === 'HEAD') {
    const theme = (await store.listThemes()).find((t) => t.id === id);
    return theme ? json(200, theme) : noTheme();
  }
  if (method !== 'PATCH') return methodNotAllowed('GET, HEAD, PATCH');
  if (ctx.services) {
    await ctx.readJson();
    return limitedToken();
  }
  const body = await ctx.readJson();
  if (body.response) return body.response;
  const themes = await store.listThemes();
  const current = themes.find((t) => t.id === id);
  if (!current) return noTheme();
  const errors: ProblemField[] = [];
  const unknown = Object.keys(body.value!).filter((key) => key !== 'name' && key !== 'retired');
  if (unknown.length) errors.push({path: '', message: `Unknown field: ${unknown.join(', ')}.`});
  const change: {name?: string; retiredAt?: string | null; updatedAt: string} = {updatedAt: ctx.at()};
  if (body.value!.name !== undefined) {
    const name = themeName(body.value!.name, errors);
    if (name && themes.some((t) => t.id !== id && sameName(t.name, name)))
      errors.push({path: 'name', message: 'There is already a theme with this name.'});
    if (name && name !== current.name) change.name = name;
  }
  const retired = body.value!.retired;
  if (retired !== undefined && typeof retired !== 'boolean') errors.push({path: 'retired', message: 'Use true or false.'});
  if (body.value!.name === undefined && retired === undefined) errors.push({path: '', message: 'Send a new name, retired, or both.'});
  if (errors.length) return invalid('invalid-theme', errors);
  if (retired === true && current.retiredAt === null) change.retiredAt = change.updatedAt;
  if (retired === false && current.retiredAt !== null) change.retiredAt = null;
  if (change.name === undefined && change.retiredAt === undefined) return json(200, current);
  const updated = await store.updateTheme(id, change);
  if (!updated) return noTheme();
  const what = [change.name !== undefined ? 'renamed' : '', change.retiredAt === undefined ? '' : change.retiredAt ? 'retired' : 'brought back'];
  await ctx.audit([{reference: null, action: 'theme-update', detail: `${id}: ${what.filter(Boolean).join(', ')}`}]);
  return json(200, updated);
}

/** Answers /v1/submissions/:reference/themes and /theme-suggestions. */
export async function handleItemThemes(ctx: LearningContext, referenceText: string, part: 'themes' | 'theme-suggestions'): Promise<Response> {
  const {store, method} = ctx;
  const reference = normaliseReference(referenceText);
  const record = reference ? await ctx.feedback(reference) : undefined;
  if (!record) {
    await ctx.readJson().catch(() => undefined);
    return noFeedback();
  }
  if (part === 'theme-suggestions') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed('GET, HEAD');
    const said = [record.submission.message, record.submission.improvement ?? ''].join('\n');
    const items = suggestThemes(said, await store.listThemes());
    // The matched words are the person's own words: reading them is a read, and the trail says so.
    await ctx.audit([{reference: record.reference, action: 'read', detail: 'suggested themes'}]);
    return json(200, {items});
  }
  if (method === 'GET' || method === 'HEAD') return json(200, {items: await store.tagsFor(record.reference)});
  if (method !== 'PUT') return methodNotAllowed('GET, HEAD, PUT');
  const body = await ctx.readJson();
  if (body.response) return body.response;
  const errors: ProblemField[] = [];
  const unknown = Object.keys(body.value!).filter((key) => key !== 'themes');
  if (unknown.length) errors.push({path: '', message: `Unknown field: ${unknown.join(', ')}.`});
  const asked = body.value!.themes;
  if (!Array.isArray(asked) || asked.some((id) => typeof id !== 'string'))
    return invalid('invalid-themes', [...errors, {path: 'themes', message: 'Send the ids of the themes as a list, like ["medicines"]; an empty list takes every theme off.'}]);
  const ids = [...new Set(asked as string[])];
  if (ids.length > THEME_LIMITS.perItem) errors.push({path: 'themes', message: `Up to ${THEME_LIMITS.perItem} themes on one item.`});
  const [themes, before] = await Promise.all([store.listThemes(), store.tagsFor(record.reference)]);
  const had = new Set(before.map((tag) => tag.themeId));
  ids.forEach((id, i) => {
    const theme = themes.find((t) => t.id === id);
    if (!theme) errors.push({path: `themes.${i}`, message: 'There is no theme with this id.'});
    // A retired theme stays on the items that have it, but is not put on new ones.
    else if (theme.retiredAt !== null && !had.has(id)) errors.push({path: `themes.${i}`, message: `"${theme.name}" is retired: bring it back to use it again.`});
  });
  if (errors.length) return invalid('invalid-themes', errors);
  const added = ids.filter((id) => !had.has(id));
  const removed = [...had].filter((id) => !ids.includes(id));
  if (!added.length && !removed.length) return json(200, {items: before});
  const items = await store.setTags(record.reference, ids, ctx.at(), ctx.actor);
  const detail = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
  await ctx.audit([{reference: record.reference, action: 'themes', detail}]);
  return json(200, {items});
}

