// Learning from what people say (issue #15): care themes, the tags staff put on feedback, keyword
// suggestions, theme trends and improvement actions. The collector enforces these and the inbox reads them.

/** Where an improvement action is: planned, being done, done, or stopped without being done. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still need work: an action in one of these past its due date is overdue. */
export const ACTION_OPEN_STATUSES: readonly ActionStatus[] = ['open', 'in-progress'];

/** How GET /v1/themes/trends groups its counts. */
export const TREND_BY = ['month', 'quarter'] as const;
export type TrendBy = (typeof TREND_BY)[number];

/** The most characters and items the collector accepts for themes and actions. */
export const THEME_LIMITS = {
  /** A theme's name. */
  name: 80,
  /** Themes on one feedback item. */
  perItem: 20,
  /** Themes a provider may have, retired ones included. */
  total: 200,
} as const;

export const ACTION_LIMITS = {
  /** What will change. */
  change: 2000,
  /** Who owns it. */
  owner: 100,
  /** Feedback items linked to one action. */
  references: 100,
  /** Themes linked to one action. */
  themes: 20,
} as const;

/** GET /v1/themes: a care theme. Built-in ones come from the default list and can be renamed and retired too. */
export interface Theme {
  /** A stable id (`missed-or-late-visits`); the keyword rules and every tag use it. */
  id: string;
  name: string;
  /** One of the default list written in this project. */
  builtIn: boolean;
  /** Set once retired: no new tags, kept on the items already tagged and in the trends. */
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET and PUT /v1/submissions/:reference/themes: one theme on one item, and who put it there. */
export interface ThemeTag {
  themeId: string;
  name: string;
  taggedAt: string;
  /** The name of the token that tagged it. */
  taggedBy: string;
}

/**
 * GET /v1/submissions/:reference/theme-suggestions: a theme the keyword rules suggest, with the words of the
 * feedback that matched, so staff can see why. A suggestion is never a tag: only a person tags.
 */
export interface ThemeSuggestion {
  themeId: string;
  name: string;
  /** The words (or phrases) as they appear in the feedback, lower case, first seen first. */
  matched: string[];
  /** The rule languages that matched (`en-GB`, `cy`, `ur`). */
  locales: string[];
}

/** GET /v1/themes/trends?from&to&by: tagged feedback received in each month or quarter of a period. */
export interface ThemeTrends {
  period: {from: string; to: string};
  by: TrendBy;
  /** Every month (`2026-04`) or calendar quarter (`2026-Q2`) of the period, oldest first (UTC, as reports). */
  buckets: string[];
  /** Themes with at least one tag in the period, most tagged first; counts line up with `buckets`. */
  themes: Array<{themeId: string; name: string; retired: boolean; counts: number[]; total: number}>;
}

/** GET /v1/reports' `themes`: feedback received in the period tagged with each theme, most first. */
export interface ThemeVolume {
  themeId: string;
  name: string;
  count: number;
}

/** An improvement action: what will change, who owns it, when it is due and where it is. */
export interface ImprovementAction {
  id: string;
  /** What will change. */
  change: string;
  owner: string;
  /** The day it is due, YYYY-MM-DD. */
  dueOn: string;
  status: ActionStatus;
  /** The feedback items it answers (references) that the token may see. */
  references: string[];
  /** The themes it answers (ids). */
  themes: string[];
  /** The "You said, we did" item started from it, once there is one. */
  youSaidId: string | null;
  createdAt: string;
  updatedAt: string;
  /** When it was marked done. */
  completedAt: string | null;
  /** Not done or cancelled, and the due day has passed. */
  overdue: boolean;
}

/** GET /v1/attention's `actions`: improvement actions past their due day, most overdue first. */
export type OverdueAction = Pick<ImprovementAction, 'id' | 'change' | 'owner' | 'dueOn' | 'status'>;
