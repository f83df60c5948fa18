// Improvement actions in the inbox (issue #15): the list, the form to add one (from the actions view or
// from a piece of feedback), status changes, starting a "You said, we did" from a done action, and the
// overdue ones for "Needs attention". Plain TypeScript (no Lit, no DOM), so Node tests it
// (inbox-actions-state.node.test.ts); inbox-actions.ts draws it.
import type {ActionStatus, ImprovementAction, OverdueAction} from '@care-feedback/core/provider';
import {InboxApiError} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {LearningApi, type ActionDraft} from './inbox-learning-api.js';
import {Observable} from './inbox-observable.js';

/** Reads one box of a form by its name: what is in it, trimmed; '' when it is empty or not there. */
export type FormReader = (name: string) => string;

/** References as a person types them: spaces, commas or new lines between, any case. */
export function splitReferences(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((r) => r.trim().toUpperCase()).filter(Boolean))];
}

/** What the add form sends, from its boxes and the ticked themes. */
export function actionDraft(value: FormReader, themes: readonly string[]): ActionDraft {
  return {
    change: value('change'),
    owner: value('owner'),
    dueOn: value('due'),
    references: splitReferences(value('references')),
    themes: [...themes],
  };
}

/** The collector's field names and the boxes that hold them, for its 422 answers. */
const FIELD_FOR_PATH: Array<[RegExp, string]> = [
  [/^change$/, 'action-change'],
  [/^owner$/, 'action-owner'],
  [/^dueOn$/, 'action-due'],
  [/^references/, 'action-references'],
  [/^themes/, 'action-themes'],
];

/** The box a refused field belongs to, or undefined for a problem of the whole form. */
export const fieldForPath = (path: string): string | undefined => FIELD_FOR_PATH.find(([pattern]) => pattern.test(path))?.[1];

/** Problems found before sending, so an empty form is explained without a round trip. */
export function draftProblems(draft: ActionDraft, t: (key: 'actionChangeMissing' | 'actionOwnerMissing' | 'actionDueMissing') => string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!draft.change) problems.push({field: 'action-change', message: t('actionChangeMissing')});
  if (!draft.owner) problems.push({field: 'action-owner', message: t('actionOwnerMissing')});
  if (!draft.dueOn) problems.push({field: 'action-due', message: t('actionDueMissing')});
  return problems;
}

export class ActionsState extends Observable {
  items: ImprovementAction[] = [];
  loading = false;
  error = '';

  // The add form
  problems: FieldProblem[] = [];
  formError = '';
  adding = false;
  /** Bumped after an action is added, so the form starts empty again. */
  formKey = 0;
  /** The feedback an action is being added for, when started from it. */
  forReference = '';
  formThemes = new Set<string>();

  /** The action whose "You said, we did" form is open, and what is wrong with it. */
  youSaidFor = '';
  youSaidProblem = '';

  /** The actions that answer the feedback open in the detail view. */
  forItem: ImprovementAction[] = [];
  forItemReference = '';

  overdue: OverdueAction[] = [];
  overdueError = '';

  constructor(private readonly c: InboxController) {
    super();
  }

  private get api(): LearningApi | undefined {
    return this.c.api ? new LearningApi(this.c.api) : undefined;
  }

  /** Shows the actions view; from a piece of feedback, the add form starts with its reference. */
  async show(reference = ''): Promise<void> {
    if (!this.c.api) return;
    this.c.view = 'actions';
    this.startFor(reference);
    this.c.focus(reference ? 'action-add-heading' : 'view-heading');
    await Promise.all([this.load(), this.c.themes.themes.length ? undefined : this.c.themes.load()]);
  }

  async load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.loading = true;
    this.error = '';
    this.c.announce(this.c.t('actionsLoading'));
    this.notify();
    try {
      this.items = await api.actions();
      this.c.announce(this.items.length ? this.c.t('actionsCount', {count: this.items.length}) : this.c.t('actionsNone'));
    } catch (error) {
      this.error = this.c.explain(error);
      this.c.announce(this.error);
    }
    this.loading = false;
    this.notify();
  }

  /** Starts the add form, for one piece of feedback when given. */
  startFor(reference = ''): void {
    this.forReference = reference;
    this.formThemes = new Set();
    this.problems = [];
    this.formError = '';
    this.formKey++;
    this.notify();
  }

  toggleTheme(id: string, checked: boolean): void {
    const next = new Set(this.formThemes);
    if (checked) next.add(id);
    else next.delete(id);
    this.formThemes = next;
    this.notify();
  }

  async add(value: FormReader, themeOrder: readonly string[]): Promise<boolean> {
    const api = this.api;
    if (!api || this.adding) return false;
    const draft = actionDraft(value, themeOrder.filter((id) => this.formThemes.has(id)));
    this.problems = draftProblems(draft, (key) => this.c.t(key));
    this.formError = '';
    if (this.problems.length) {
      this.notify();
      this.c.focus('action-errors');
      return false;
    }
    this.adding = true;
    this.notify();
    try {
      await api.createAction(draft);
      this.adding = false;
      this.startFor();
      this.c.announce(this.c.t('actionAdded'));
      await this.load();
      this.c.focus('actions-list-heading');
      return true;
    } catch (error) {
      this.adding = false;
      if (error instanceof InboxApiError && error.errors.length) {
        for (const {path, message} of error.errors) {
          const field = fieldForPath(path);
          if (field) this.problems.push({field, message});
          else this.formError = message;
        }
      } else this.formError = this.c.explain(error);
      this.notify();
      this.c.focus('action-errors');
      return false;
    }
  }

  async setStatus(id: string, status: ActionStatus): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.error = '';
    try {
      const updated = await api.changeAction(id, {status});
      this.items = this.items.map((item) => (item.id === id ? updated : item));
      this.c.announce(this.c.t('actionStatusSaved', {status: this.c.t(`actionStatus_${status}`)}));
    } catch (error) {
      this.error = this.c.explain(error);
      this.c.focus('actions-error');
    }
    this.notify();
  }

  openYouSaid(id: string): void {
    this.youSaidFor = id;
    this.youSaidProblem = '';
    this.notify();
    this.c.focus(`action-you-said-${id}`);
  }

  async startYouSaid(id: string, youSaid: string): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    if (!youSaid.trim()) {
      this.youSaidProblem = this.c.t('actionYouSaidMissing');
      this.notify();
      this.c.focus(`action-you-said-${id}`);
      return false;
    }
    try {
      const {action} = await api.startYouSaid(id, youSaid);
      this.items = this.items.map((item) => (item.id === id ? action : item));
      this.youSaidFor = '';
      this.youSaidProblem = '';
      this.c.announce(this.c.t('actionYouSaidStarted'));
      this.notify();
      this.c.focus(`action-you-said-done-${id}`);
      return true;
    } catch (error) {
      this.youSaidProblem = error instanceof InboxApiError && error.errors[0] ? error.errors[0].message : this.c.explain(error);
      this.notify();
      this.c.focus(`action-you-said-${id}`);
      return false;
    }
  }

  /** The actions answering one piece of feedback, for its detail view; none shown when they cannot be read. */
  async loadForItem(reference: string): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.forItemReference = reference;
    this.forItem = [];
    this.notify();
    try {
      const found = await api.actions({reference});
      if (this.forItemReference === reference) this.forItem = found;
    } catch {
      // The themes above say when the collector cannot be reached; the list simply stays empty.
    }
    this.notify();
  }

  async loadOverdue(): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.overdueError = '';
    try {
      this.overdue = await api.overdue();
    } catch (error) {
      this.overdueError = this.c.explain(error);
    }
    this.notify();
  }
}
