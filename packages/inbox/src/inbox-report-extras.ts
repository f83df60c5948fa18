// Parts of the reports answer that grow with issue #15 (themes and improvement actions, then involvement):
// read where present, undefined where the collector does not send them yet, so a view can say so plainly.
// No Lit, no DOM.
import type {Report} from '@care-feedback/core/provider';

/** How often one theme came up in the period. */
export interface ThemeCount {
  theme: string;
  /** The theme's name as the provider wrote it; its id when the answer gives no name. */
  name: string;
  count: number;
}

export interface ActionFigures {
  opened: number;
  completed: number;
  /** What changed, for each action completed in the period, where the answer lists them. */
  completedItems: string[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? value
    : Array.isArray(value)
      ? value.length
      : undefined;
const text = (value: Json, ...keys: string[]): string | undefined => {
  for (const key of keys) if (typeof value[key] === 'string' && value[key]) return value[key] as string;
  return undefined;
};

/** Reads `[{themeId, name, count}]` (the themes helper's `ThemeVolume`), `{theme: count}` or `{theme: {name, count}}`; largest first. */
function readThemes(value: unknown): ThemeCount[] | undefined {
  const rows: ThemeCount[] = [];
  if (Array.isArray(value)) {
    for (const item of value.filter(isObject)) {
      const theme = text(item, 'themeId', 'theme', 'id', 'slug', 'name');
      const n = count(item.count) ?? count(item.total);
      if (theme && n !== undefined) rows.push({theme, name: text(item, 'name', 'label', 'title') ?? theme, count: n});
    }
  } else if (isObject(value)) {
    for (const [theme, entry] of Object.entries(value)) {
      const n = isObject(entry) ? (count(entry.count) ?? count(entry.total)) : count(entry);
      if (n !== undefined)
        rows.push({theme, name: (isObject(entry) && text(entry, 'name', 'label', 'title')) || theme, count: n});
    }
  } else return undefined;
  return rows.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Theme volumes of all feedback in the period (`themes`, or `volumes.byTheme`); undefined until themes land. */
export function themeCounts(report: Report): ThemeCount[] | undefined {
  const extra = report as unknown as Json;
  const volumes = report.volumes as unknown as Json;
  return readThemes(extra.themes) ?? readThemes(volumes.byTheme);
}

/** Themes of the period's complaints, where the answer has them (`complaints.byTheme`). */
export function complaintThemeCounts(report: Report): ThemeCount[] | undefined {
  return readThemes((report.complaints as unknown as Json).byTheme);
}

/** Improvement actions opened and completed in the period; undefined until actions land. */
export function actionFigures(report: Report): ActionFigures | undefined {
  const actions = (report as unknown as Json).actions;
  if (!isObject(actions)) return undefined;
  const opened = count(actions.opened);
  const completed = count(actions.completed);
  if (opened === undefined && completed === undefined) return undefined;
  const items = Array.isArray(actions.completed) ? actions.completed : Array.isArray(actions.items) ? actions.items : [];
  return {
    opened: opened ?? 0,
    completed: completed ?? 0,
    completedItems: items
      .filter(isObject)
      .filter((item) => !('status' in item) || item.status === 'completed' || item.status === 'done')
      .map((item) => text(item, 'change', 'what', 'title', 'description') ?? '')
      .filter(Boolean),
  };
}

/** Involvement and consultations in the period, once the co-production issue adds them: counts by name. */
export function involvementCounts(report: Report): Array<[string, number]> | undefined {
  const value = (report as unknown as Json).involvement ?? (report as unknown as Json).consultations;
  if (!isObject(value)) return undefined;
  const rows = Object.entries(value)
    .map(([name, n]): [string, number | undefined] => [name, count(n)])
    .filter((row): row is [string, number] => row[1] !== undefined);
  return rows.length ? rows : undefined;
}
