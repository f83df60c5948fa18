// Improvement actions and what each answers (issue #15), for both stores: migration 15, and the store
// methods written once over a small SQL runner with `?` placeholders.
import type {ActionStatus} from '@care-feedback/core/provider';
import type {SqlRunner} from './sql-runner.js';
import {columnText} from './column-text.js';

/**
 * Migration 15: one row per action, and one per link to a feedback item (`submission`, by reference) or a
 * theme (`theme`, by id). A link to an item keeps a copy of the item's service, so a token for some
 * services can be told which actions are its own without reading every submission. Erasure and purge of
 * a submission remove its links (ACTION_LINKS_ERASE_SQL, ACTION_LINKS_PURGE_SQL); the action stays.
 */
export const ACTIONS_MIGRATION = `
CREATE TABLE actions (
  id TEXT PRIMARY KEY,
  what_changes TEXT NOT NULL,
  owner TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  you_said_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX actions_due ON actions (status, due_on);
CREATE TABLE action_links (
  action_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  service TEXT,
  PRIMARY KEY (action_id, kind, target)
);
CREATE INDEX action_links_target ON action_links (kind, target);
`;

/** `?` is the reference being erased. */
export const ACTION_LINKS_ERASE_SQL = "DELETE FROM action_links WHERE kind = 'submission' AND target = ?";

/** `?` is the purge's cut-off time. */
export const ACTION_LINKS_PURGE_SQL =
  "DELETE FROM action_links WHERE kind = 'submission' AND target IN (SELECT reference FROM submissions WHERE received_at < ?)";

/** An action as kept: every link, each item link with its service (scope is decided by the handler). */
export interface ActionRecord {
  id: string;
  change: string;
  owner: string;
  dueOn: string;
  status: ActionStatus;
  youSaidId: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  references: Array<{reference: string; service: string | null}>;
  themes: string[];
}

export type ActionFields = Pick<ActionRecord, 'change' | 'owner' | 'dueOn' | 'status' | 'youSaidId' | 'updatedAt' | 'completedAt'>;

export interface ActionStore {
  createAction(action: ActionRecord): Promise<void>;
  getAction(id: string): Promise<ActionRecord | undefined>;
  /** Every action, soonest due first; `overdueOn`: only those still open whose due day is before it. */
  listActions(filter?: {overdueOn?: string}): Promise<ActionRecord[]>;
  /** Changes some fields, and replaces the links when given; undefined when there is no such action. */
  updateAction(
    id: string,
    fields: Partial<ActionFields> & {updatedAt: string},
    links?: Pick<ActionRecord, 'references' | 'themes'>,
  ): Promise<ActionRecord | undefined>;
  deleteAction(id: string): Promise<boolean>;
}

interface ActionRow {
  id: string;
  what_changes: string;
  owner: string;
  due_on: string;
  status: string;
  you_said_id: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

interface LinkRow {
  action_id: string;
  kind: string;
  target: string;
  service: string | null;
}

const COLUMNS = 'id, what_changes, owner, due_on, status, you_said_id, created_at, updated_at, completed_at';
const FIELD_COLUMNS: Record<keyof ActionFields, string> = {
  change: 'what_changes',
  owner: 'owner',
  dueOn: 'due_on',
  status: 'status',
  youSaidId: 'you_said_id',
  updatedAt: 'updated_at',
  completedAt: 'completed_at',
};

// Each link goes in only while its action exists, so a change racing a delete leaves no stray link.
const linkStatements = (id: string, links: Pick<ActionRecord, 'references' | 'themes'>) => [
  ...links.references.map(({reference, service}) => ({
    sql: "INSERT INTO action_links (action_id, kind, target, service) SELECT id, 'submission', ?, ? FROM actions WHERE id = ?",
    params: [reference, columnText(service), id],
  })),
  ...links.themes.map((theme) => ({
    sql: "INSERT INTO action_links (action_id, kind, target, service) SELECT id, 'theme', ?, NULL FROM actions WHERE id = ?",
    params: [theme, id],
  })),
];

export function actionStore(sql: SqlRunner): ActionStore {
  const withLinks = async (rows: ActionRow[]): Promise<ActionRecord[]> => {
    if (!rows.length) return [];
    const links = await sql.all<LinkRow>(
      `SELECT action_id, kind, target, service FROM action_links WHERE action_id IN (${rows.map(() => '?').join(', ')})
        ORDER BY kind, target`,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const mine = links.filter((link) => link.action_id === row.id);
      return {
        id: row.id,
        change: row.what_changes,
        owner: row.owner,
        dueOn: row.due_on,
        status: row.status as ActionStatus,
        youSaidId: row.you_said_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        completedAt: row.completed_at,
        references: mine.filter((l) => l.kind === 'submission').map((l) => ({reference: l.target, service: l.service})),
        themes: mine.filter((l) => l.kind === 'theme').map((l) => l.target),
      };
    });
  };
  const getAction = async (id: string) =>
    (await withLinks(await sql.all<ActionRow>(`SELECT ${COLUMNS} FROM actions WHERE id = ?`, [id])))[0];
  return {
    async createAction(action) {
      await sql.transaction([
        {
          sql: `INSERT INTO actions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          params: [action.id, action.change, action.owner, action.dueOn, action.status, action.youSaidId, action.createdAt, action.updatedAt, action.completedAt],
        },
        ...linkStatements(action.id, action),
      ]);
    },
    getAction,
    async listActions(filter = {}) {
      const rows = filter.overdueOn
        ? await sql.all<ActionRow>(
            `SELECT ${COLUMNS} FROM actions WHERE status IN ('open', 'in-progress') AND due_on < ? ORDER BY due_on, created_at, id`,
            [filter.overdueOn],
          )
        : await sql.all<ActionRow>(`SELECT ${COLUMNS} FROM actions ORDER BY due_on, created_at, id`, []);
      // Links are read a page of actions at a time, so a long list never makes one huge IN (…).
      const out: ActionRecord[] = [];
      for (let i = 0; i < rows.length; i += 500) out.push(...(await withLinks(rows.slice(i, i + 500))));
      return out;
    },
    async updateAction(id, fields, links) {
      const entries = Object.entries(fields).filter(([, value]) => value !== undefined) as Array<[keyof ActionFields, unknown]>;
      const changed = await sql.transaction([
        {
          sql: `UPDATE actions SET ${entries.map(([key]) => `${FIELD_COLUMNS[key]} = ?`).join(', ')} WHERE id = ?`,
          params: [...entries.map(([, value]) => value), id],
        },
        ...(links ? [{sql: 'DELETE FROM action_links WHERE action_id = ?', params: [id]}, ...linkStatements(id, links)] : []),
      ]);
      if (changed[0] === 0) return undefined;
      return getAction(id);
    },
    async deleteAction(id) {
      const [, removed] = await sql.transaction([
        {sql: 'DELETE FROM action_links WHERE action_id = ?', params: [id]},
        {sql: 'DELETE FROM actions WHERE id = ?', params: [id]},
      ]);
      return (removed ?? 0) > 0;
    },
  };
}
