// Care themes and the tags staff put on feedback (issue #15), for both stores: migration 14, and the
// store methods written once over a small SQL runner with `?` placeholders.
import type {Theme, ThemeTag} from '@care-feedback/core/provider';
import {DEFAULT_THEMES, DEFAULT_THEMES_WRITTEN_AT} from '../theme-rules/default-themes.js';
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';
import type {ReportScope} from './report-sql.js';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Migration 14: the themes (the default list put in once, so a provider's renames are theirs to keep) and
 * one row per theme on a feedback item. A tag names its submission by reference, like the complaint
 * record; erasure and purge take the tags with the submission (THEME_TAGS_ERASE_SQL, THEME_TAGS_PURGE_SQL).
 */
export const THEMES_MIGRATION = `
CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  built_in INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  retired_at TEXT
);
INSERT INTO themes (id, name, position, built_in, created_at, updated_at) VALUES
${DEFAULT_THEMES.map((theme, i) => `  (${quote(theme.id)}, ${quote(theme.name)}, ${i + 1}, 1, '${DEFAULT_THEMES_WRITTEN_AT}', '${DEFAULT_THEMES_WRITTEN_AT}')`).join(',\n')};
CREATE TABLE submission_themes (
  reference TEXT NOT NULL,
  theme_id TEXT NOT NULL,
  tagged_at TEXT NOT NULL,
  tagged_by TEXT NOT NULL,
  PRIMARY KEY (reference, theme_id)
);
CREATE INDEX submission_themes_theme ON submission_themes (theme_id, reference);
`;

/** `?` is the reference being erased. */
export const THEME_TAGS_ERASE_SQL = 'DELETE FROM submission_themes WHERE reference = ?';

/** `?` is the purge's cut-off time. */
export const THEME_TAGS_PURGE_SQL =
  'DELETE FROM submission_themes WHERE reference IN (SELECT reference FROM submissions WHERE received_at < ?)';

/** How many of a period's feedback items carry each theme, by month (`YYYY-MM` of received_at, UTC). */
export interface ThemeCountRow {
  themeId: string;
  month: string;
  count: number;
}

export interface ThemeStore {
  /** Every theme, retired ones too, in the provider's order. */
  listThemes(): Promise<Theme[]>;
  /** Adds a theme at the end of the list; false when the id is taken. */
  createTheme(theme: Theme): Promise<boolean>;
  /** Renames, retires or brings back a theme; undefined when there is none with this id. */
  updateTheme(id: string, change: {name?: string; retiredAt?: string | null; updatedAt: string}): Promise<Theme | undefined>;
  /** The themes on one item, in the provider's order. */
  tagsFor(reference: string): Promise<ThemeTag[]>;
  /** Makes the item's themes exactly these; a theme it already had keeps when and by whom it was tagged. */
  setTags(reference: string, themeIds: readonly string[], at: string, by: string): Promise<ThemeTag[]>;
  /** Tag counts of the period's feedback (spam left out) by theme and month. */
  themeCounts(scope: ReportScope): Promise<ThemeCountRow[]>;
}

interface ThemeRow {
  id: string;
  name: string;
  built_in: number;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

const THEME_COLUMNS = 'id, name, built_in, created_at, updated_at, retired_at';

const toTheme = (row: ThemeRow): Theme => ({
  id: row.id,
  name: row.name,
  builtIn: Number(row.built_in) === 1,
  retiredAt: row.retired_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function themeStore(sql: SqlRunner): ThemeStore {
  const tagsFor = async (reference: string) =>
    (
      await sql.all<{theme_id: string; name: string; tagged_at: string; tagged_by: string}>(
        `SELECT t.theme_id, th.name, t.tagged_at, t.tagged_by FROM submission_themes t
          JOIN themes th ON th.id = t.theme_id WHERE t.reference = ? ORDER BY th.position, th.id`,
        [reference],
      )
    ).map((row): ThemeTag => ({themeId: row.theme_id, name: row.name, taggedAt: row.tagged_at, taggedBy: row.tagged_by}));
  const getTheme = async (id: string) => {
    const row = (await sql.all<ThemeRow>(`SELECT ${THEME_COLUMNS} FROM themes WHERE id = ?`, [id]))[0];
    return row ? toTheme(row) : undefined;
  };
  return {
    async listThemes() {
      return (await sql.all<ThemeRow>(`SELECT ${THEME_COLUMNS} FROM themes ORDER BY position, id`, [])).map(toTheme);
    },
    async createTheme(theme) {
      const added = await sql.run(
        `INSERT INTO themes (id, name, position, built_in, created_at, updated_at, retired_at)
          SELECT ?, ?, coalesce(max(position), 0) + 1, 0, ?, ?, NULL FROM themes WHERE true
          ON CONFLICT (id) DO NOTHING`,
        [theme.id, theme.name, theme.createdAt, theme.updatedAt],
      );
      return added > 0;
    },
    async updateTheme(id, change) {
      const sets: string[] = ['updated_at = ?'];
      const params: unknown[] = [change.updatedAt];
      if (change.name !== undefined) {
        sets.push('name = ?');
        params.push(change.name);
      }
      if (change.retiredAt !== undefined) {
        sets.push('retired_at = ?');
        params.push(change.retiredAt);
      }
      if ((await sql.run(`UPDATE themes SET ${sets.join(', ')} WHERE id = ?`, [...params, id])) === 0) return undefined;
      return getTheme(id);
    },
    tagsFor,
    async setTags(reference, themeIds, at, by) {
      const keep = themeIds.length ? ` AND theme_id NOT IN (${themeIds.map(() => '?').join(', ')})` : '';
      await sql.transaction([
        {sql: `DELETE FROM submission_themes WHERE reference = ?${keep}`, params: [reference, ...themeIds]},
        ...themeIds.map((themeId) => ({
          sql: `INSERT INTO submission_themes (reference, theme_id, tagged_at, tagged_by) VALUES (?, ?, ?, ?)
            ON CONFLICT (reference, theme_id) DO NOTHING`,
          params: [reference, themeId, at, by],
        })),
      ]);
      return tagsFor(reference);
    },
    async themeCounts(scope) {
      const params: unknown[] = [scope.from, scope.before];
      let services = '';
      if (scope.services) {
        services = scope.services.length ? ` AND s.service IN (${scope.services.map(() => '?').join(', ')})` : ' AND 1 = 0';
        params.push(...scope.services.map((s) => columnText(s)));
      }
      // Driven from the period's submissions (their received_at index), each looked up in the tags' key.
      const rows = await sql.all<{theme_id: string; month: string; count: number | string}>(
        `SELECT t.theme_id, substr(s.received_at, 1, 7) AS month, count(*) AS count
          FROM submissions s JOIN submission_themes t ON t.reference = s.reference
          WHERE s.received_at >= ? AND s.received_at < ? AND s.status <> 'quarantined'${services}
          GROUP BY t.theme_id, substr(s.received_at, 1, 7)`,
        params,
      );
      return rows.map((row) => ({themeId: row.theme_id, month: row.month, count: Number(row.count)}));
    },
  };
}
