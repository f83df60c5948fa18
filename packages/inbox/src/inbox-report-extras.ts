// The learning parts of the reports answer (issue #15): theme volumes and improvement actions, as the
// provider contract gives them, in the shapes the annual report and the evidence page draw (involvement
// and consultations: inbox-evidence-involvement.ts). No Lit, no DOM.
import type {Report} from '@care-feedback/core/provider';

/** How often one theme came up in the period. */
export interface ThemeCount {
  theme: string;
  name: string;
  count: number;
}

/** Themes of all feedback in the period that came up at least once, largest first; undefined when none did. */
export function themeCounts(report: Report): ThemeCount[] | undefined {
  const rows = report.themes
    .filter((volume) => volume.count > 0)
    .map((volume) => ({theme: volume.themeId, name: volume.name, count: volume.count}))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return rows.length ? rows : undefined;
}

/** Improvement actions opened and completed in the period; undefined when there were none. */
export function actionFigures(report: Report): Report['actions'] | undefined {
  const {opened, completed} = report.actions;
  return opened || completed ? {opened, completed} : undefined;
}

