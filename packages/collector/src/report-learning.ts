// GET /v1/reports' `themes` and `actions` (issue #15): how much of the period's feedback carries each theme,
// and the improvement actions opened and completed in it, for the token's scope.
import type {Report} from '@care-feedback/core/provider';
import {actionVisible} from './actions.js';
import {periodScope} from './report-period.js';
import type {Store} from './types.js';

export async function learningFigures(
  store: Store,
  period: {from: string; to: string},
  services: readonly string[] | undefined,
): Promise<Pick<Report, 'themes' | 'actions'>> {
  const scope = periodScope(period, services);
  const [rows, themes, actions] = await Promise.all([store.themeCounts(scope), store.listThemes(), store.listActions()]);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.themeId, (counts.get(row.themeId) ?? 0) + row.count);
  const within = (at: string | null) => at !== null && at >= scope.from && at < scope.before;
  const mine = actions.filter((action) => actionVisible(action, services));
  return {
    themes: themes
      .filter((theme) => counts.has(theme.id))
      .map((theme) => ({themeId: theme.id, name: theme.name, count: counts.get(theme.id)!}))
      .sort((a, b) => b.count - a.count),
    actions: {
      opened: mine.filter((action) => within(action.createdAt)).length,
      completed: mine.filter((action) => within(action.completedAt)).length,
    },
  };
}
