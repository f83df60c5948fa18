// Themes in the inbox (issue #15): the provider's list, the themes ticked on the open feedback with the
// keyword suggestions beside them, and the trends. Plain TypeScript (no Lit, no DOM), so Node tests it
// (inbox-themes-state.node.test.ts); inbox-themes.ts draws it.
import type {Theme, ThemeSuggestion, ThemeTag, ThemeTrends, TrendBy} from '@care-feedback/core/provider';
import {InboxApiError} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import {LearningApi} from './inbox-learning-api.js';
import {Observable} from './inbox-observable.js';

/** One tick box for the open feedback: a theme, whether it is ticked, and why it was suggested. */
export interface ThemeChoice {
  id: string;
  name: string;
  checked: boolean;
  /** The words that matched, when the keyword rules suggest it; null when they do not. */
  matched: string[] | null;
  retired: boolean;
}

/**
 * The tick boxes for one item: every live theme in the provider's order, and a retired one only where the
 * item has it (it can be taken off, not put on). Suggestions are shown, never ticked for the person.
 */
export function themeChoices(
  themes: readonly Theme[],
  chosen: ReadonlySet<string>,
  suggestions: readonly ThemeSuggestion[],
): ThemeChoice[] {
  const why = new Map(suggestions.map((s) => [s.themeId, s.matched]));
  return themes
    .filter((theme) => theme.retiredAt === null || chosen.has(theme.id))
    .map((theme) => ({
      id: theme.id,
      name: theme.name,
      checked: chosen.has(theme.id),
      matched: why.get(theme.id) ?? null,
      retired: theme.retiredAt !== null,
    }));
}

/** The first and last day of the 12 whole months up to and including today's (YYYY-MM-DD). */
export function lastTwelveMonths(today: string): {from: string; to: string} {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 12, 1));
  const end = new Date(Date.UTC(year, month, 0));
  return {from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10)};
}

export class ThemesState extends Observable {
  themes: Theme[] = [];
  loading = false;
  error = '';

  // The open feedback
  reference = '';
  tags: ThemeTag[] = [];
  suggestions: ThemeSuggestion[] = [];
  chosen = new Set<string>();
  itemError = '';
  saving = false;
  saved = false;

  // Managing the list
  manageError = '';
  /** The field a refused change belongs to (`theme-new` or `theme-name-<id>`), for the error's link. */
  manageField = '';

  // Trends
  trends: ThemeTrends | undefined;
  trendsBy: TrendBy = 'month';
  trendsError = '';

  constructor(private readonly c: InboxController) {
    super();
  }

  private get api(): LearningApi | undefined {
    return this.c.api ? new LearningApi(this.c.api) : undefined;
  }

  get choices(): ThemeChoice[] {
    return themeChoices(this.themes, this.chosen, this.suggestions);
  }

  /** Shows the themes view: the list to manage, and the trends. */
  async show(): Promise<void> {
    if (!this.c.api) return;
    this.c.view = 'themes';
    this.manageError = '';
    this.notify(); // drawn first, so focus goes to the new view's heading
    this.c.focus('view-heading');
    this.c.announce(this.c.t('themesLoading'));
    await Promise.all([this.load(), this.loadTrends()]);
    this.c.announce(this.c.t('themesHeading'));
  }

  /** The list of themes (for the detail view and the themes view). */
  async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loading = true;
    this.error = '';
    this.notify();
    try {
      this.themes = await api.themes();
    } catch (error) {
      this.error = this.c.explain(error);
    }
    this.loading = false;
    this.notify();
  }

  /** The themes on one piece of feedback, and the suggestions for it. */
  async loadItem(reference: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.reference = reference;
    this.tags = [];
    this.suggestions = [];
    this.chosen = new Set();
    this.itemError = '';
    this.saved = false;
    this.notify();
    void this.c.actions.loadForItem(reference);
    try {
      const [themes, tags, suggestions] = await Promise.all([api.themes(), api.tags(reference), api.suggestions(reference)]);
      if (this.reference !== reference) return; // another item was opened meanwhile
      this.themes = themes;
      this.tags = tags;
      this.suggestions = suggestions;
      this.chosen = new Set(tags.map((tag) => tag.themeId));
    } catch (error) {
      this.itemError = this.c.explain(error);
    }
    this.notify();
  }

  toggle(id: string, checked: boolean): void {
    const next = new Set(this.chosen);
    if (checked) next.add(id);
    else next.delete(id);
    this.chosen = next;
    this.saved = false;
    this.notify();
  }

  /** Saves the ticked themes on the open feedback; a person always does this, never the suggestions. */
  async save(): Promise<void> {
    const api = this.api;
    if (!api || !this.reference || this.saving) return;
    this.saving = true;
    this.itemError = '';
    this.notify();
    try {
      // In the list's order, so the trail and the answer read the same way each time.
      const ids = this.themes.map((t) => t.id).filter((id) => this.chosen.has(id));
      this.tags = await api.setTags(this.reference, ids);
      this.chosen = new Set(this.tags.map((tag) => tag.themeId));
      this.saved = true;
      this.c.announce(this.c.t('itemThemesSaved'));
      this.c.focus('item-themes-saved');
      void this.c.loadAudit();
    } catch (error) {
      this.itemError = error instanceof InboxApiError && error.errors[0] ? error.errors[0].message : this.c.explain(error);
      this.c.focus('item-themes-error');
    }
    this.saving = false;
    this.notify();
  }

  private async change(work: (api: LearningApi) => Promise<Theme>, field: string, said: (theme: Theme) => string): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    this.manageError = '';
    this.manageField = '';
    try {
      const theme = await work(api);
      this.themes = await api.themes();
      this.c.announce(said(theme));
      this.notify();
      return true;
    } catch (error) {
      this.manageError = error instanceof InboxApiError && error.errors[0] ? error.errors[0].message : this.c.explain(error);
      this.manageField = field;
      this.notify();
      this.c.focus('themes-error');
      return false;
    }
  }

  async add(name: string): Promise<boolean> {
    if (!name.trim()) {
      this.manageError = this.c.t('themeAddMissing');
      this.manageField = 'theme-new';
      this.notify();
      this.c.focus('themes-error');
      return false;
    }
    return this.change((api) => api.createTheme(name), 'theme-new', (theme) => this.c.t('themeAdded', {name: theme.name}));
  }

  async rename(id: string, name: string): Promise<boolean> {
    return this.change((api) => api.changeTheme(id, {name}), `theme-name-${id}`, (theme) => this.c.t('themeRenamed', {name: theme.name}));
  }

  async setRetired(id: string, retired: boolean): Promise<boolean> {
    return this.change(
      (api) => api.changeTheme(id, {retired}),
      `theme-retire-${id}`,
      (theme) => this.c.t(retired ? 'themeRetired' : 'themeBroughtBack', {name: theme.name}),
    );
  }

  async loadTrends(by: TrendBy = this.trendsBy, today = new Date().toISOString().slice(0, 10)): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.trendsBy = by;
    this.trendsError = '';
    this.notify();
    try {
      const {from, to} = lastTwelveMonths(today);
      this.trends = await api.trends(from, to, by);
    } catch (error) {
      this.trendsError = this.c.explain(error);
    }
    this.notify();
  }
}
