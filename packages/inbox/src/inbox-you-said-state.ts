// "You said, we did"'s state: the form in a submission's detail, the list to publish from, and the
// one item being edited or asked about before deleting. Plain TypeScript (no Lit, no DOM), so Node
// tests it (inbox-you-said-state.node.test.ts); inbox-you-said.ts and inbox-you-said-edit.ts draw it.
import {InboxApiError, type YouSaidItem} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import {firstWords} from './inbox-format.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import type {InboxRecord} from './inbox-types.js';
import type {Translate} from './inbox-view.js';

export type FormField = 'you-said-said' | 'you-said-did' | 'you-said-quote-text';

/** The state and actions of "You said, we did"; the inbox controller owns one. */
export class YouSaidState extends Observable {
  items: YouSaidItem[] = [];
  loading = false;
  listError = '';
  /** The form's problems, shown in its error summary. */
  problems: Array<FieldProblem<FormField>> = [];
  /** A problem the collector reported for the whole form. */
  formError = '';
  saving = false;
  /** The reference the last saved item answers, to say it was saved under the right form. */
  savedFor = '';
  /** The item a publish or unpublish failed for, and why. */
  itemError: {id: string; message: string} | undefined;
  busyId = '';
  /** Editing and deleting items in the list. */
  readonly actions: YouSaidItemActions;

  constructor(private readonly c: InboxController) {
    super();
    this.actions = new YouSaidItemActions(c, this);
  }

  /** Clears the form's messages when another submission is opened. */
  reset(): void {
    this.problems = [];
    this.formError = '';
    this.savedFor = '';
    this.actions.clear();
  }

  async save(
    record: InboxRecord,
    fields: YouSaidFields,
  ): Promise<boolean> {
    const c = this.c;
    if (!c.api || this.saving) return false;
    const t = c.t;
    this.formError = '';
    this.savedFor = '';
    this.problems = youSaidProblems(fields, t);
    if (this.problems.length) {
      this.notify();
      c.focus('you-said-errors');
      return false;
    }
    this.saving = true;
    this.notify();
    try {
      await c.api.youSaidCreate({
        submissionReference: record.reference,
        youSaid: fields.youSaid,
        weDid: fields.weDid,
        ...(fields.includeQuote ? {quote: fields.quote} : {}),
      });
      this.saving = false;
      this.savedFor = record.reference;
      c.announce(t('youSaidSaved'));
      c.focus('you-said-saved');
      this.notify();
      return true;
    } catch (error) {
      this.saving = false;
      this.formError = c.explain(error);
      this.notify();
      c.focus('you-said-errors');
      return false;
    }
  }

  async load(): Promise<void> {
    const c = this.c;
    if (!c.api) return;
    this.loading = true;
    this.listError = '';
    this.actions.clear();
    c.announce(c.t('youSaidLoading'));
    try {
      this.items = await c.api.youSaidList();
      c.announce(c.t('youSaidLoaded', {count: this.items.length}));
    } catch (error) {
      this.items = [];
      this.listError = c.explain(error);
      if (c.api) c.announce(this.listError);
    }
    this.loading = false;
    this.notify();
  }

  async setPublished(item: YouSaidItem, publish: boolean): Promise<void> {
    const c = this.c;
    if (!c.api || this.busyId) return;
    this.busyId = item.id;
    this.itemError = undefined;
    this.actions.clearNotices();
    this.notify();
    try {
      const updated = await c.api.youSaidPublish(item.id, publish);
      this.items = this.items.map((i) => (i.id === item.id ? updated : i));
      c.announce(c.t(publish ? 'youSaidPublished' : 'youSaidUnpublished'));
      this.busyId = '';
      this.notify();
      c.focus(`you-said-status-${item.id}`);
    } catch (error) {
      this.busyId = '';
      // The collector's own words say why (for example, no consent to publish a quote).
      const message =
        error instanceof InboxApiError &&
        error.kind === 'invalid' &&
        !error.message.startsWith('HTTP')
          ? error.message
          : c.explain(error);
      this.itemError = {id: item.id, message};
      c.announce(message);
      this.notify();
      c.focus(`you-said-error-${item.id}`);
    }
  }
}

/** What the form in a submission's detail holds when it is sent. */
export interface YouSaidFields {
  youSaid: string;
  weDid: string;
  includeQuote: boolean;
  quote: string;
}

/** What is missing from the form in a submission's detail, box by box. */
export function youSaidProblems(fields: YouSaidFields, t: Translate): Array<FieldProblem<FormField>> {
  const problems: Array<FieldProblem<FormField>> = [];
  if (!fields.youSaid.trim()) problems.push({field: 'you-said-said', message: t('youSaidSaidMissing')});
  if (!fields.weDid.trim()) problems.push({field: 'you-said-did', message: t('youSaidDidMissing')});
  if (fields.includeQuote && !fields.quote.trim())
    problems.push({field: 'you-said-quote-text', message: t('youSaidQuoteMissing')});
  return problems;
}

export type EditField = 'you-said-edit-said' | 'you-said-edit-did' | 'you-said-edit-quote';

/** The collector's field names (a 422's `errors[].path`) and the boxes that hold them. */
const FIELD_FOR_PATH: Record<string, EditField> = {
  youSaid: 'you-said-edit-said',
  weDid: 'you-said-edit-did',
  quote: 'you-said-edit-quote',
};

/** The collector's limits (the contract's); the boxes stop at them so nobody types more than can be saved. */
export {YOU_SAID_LIMITS as LIMITS} from '@care-feedback/core/provider';

/** What the edit form holds when it is sent; `quote` only where the item answers one piece of feedback. */
export interface EditFields {
  youSaid: string;
  weDid: string;
  quote?: string;
}

/** What is missing from an item's edit form, box by box. */
export function youSaidEditProblems(fields: EditFields, t: Translate): Array<FieldProblem<EditField>> {
  const problems: Array<FieldProblem<EditField>> = [];
  if (!fields.youSaid.trim()) problems.push({field: 'you-said-edit-said', message: t('youSaidSaidMissing')});
  if (!fields.weDid.trim()) problems.push({field: 'you-said-edit-did', message: t('youSaidDidMissing')});
  return problems;
}

/** What an edit sends: the words, and the quote only if it changed (an empty box removes it). */
export function youSaidChange(
  item: YouSaidItem,
  fields: EditFields,
): {youSaid: string; weDid: string; quote?: string | null} {
  const change: {youSaid: string; weDid: string; quote?: string | null} = {
    youSaid: fields.youSaid,
    weDid: fields.weDid,
  };
  // An unchanged quote is not sent, so it is not checked again.
  if (fields.quote !== undefined) {
    const quote = fields.quote.trim() ? fields.quote : null;
    if (quote !== item.quote) change.quote = quote;
  }
  return change;
}

/** One item at a time is being edited or asked about; the list's state owns this. */
export class YouSaidItemActions extends Observable {
  editingId = '';
  problems: Array<FieldProblem<EditField>> = [];
  /** A problem with the edit that belongs to no one box. */
  formError = '';
  saving = false;
  /** The item whose changes were just saved, to say so under its heading. */
  savedId = '';
  confirmingId = '';
  deleting = false;
  deleteError = '';
  /** Said at the top of the list once an item has gone. */
  notice = '';
  /** Said in the open form when another item's Edit or Delete would have thrown its changes away. */
  unsavedWarning = '';
  /** What the open form's boxes hold, noted as the person types; undefined until they do. */
  private draft: EditFields | undefined;

  constructor(
    private readonly c: InboxController,
    private readonly list: YouSaidState,
  ) {
    super();
  }

  /** Closes any form or question and forgets what was said about the last change. */
  clear(): void {
    this.editingId = '';
    this.problems = [];
    this.formError = '';
    this.saving = false;
    this.confirmingId = '';
    this.deleting = false;
    this.deleteError = '';
    this.unsavedWarning = '';
    this.draft = undefined;
    this.clearNotices();
  }

  clearNotices(): void {
    this.savedId = '';
    this.notice = '';
  }

  private get busy(): boolean {
    return this.saving || this.deleting;
  }

  /** Called on every keystroke in the edit form, so the list can tell whether closing it loses work. */
  noteDraft(fields: EditFields): void {
    this.draft = fields;
  }

  /**
   * Nothing a person typed is lost without warning: while the open form has changes, another item's
   * Edit or Delete leaves it open and says why, instead of closing it. True when it did so.
   */
  private keepUnsavedChanges(): boolean {
    const item = this.list.items.find((i) => i.id === this.editingId);
    const draft = this.draft;
    if (!item || !draft) return false;
    const changed =
      draft.youSaid !== item.youSaid ||
      draft.weDid !== item.weDid ||
      (draft.quote !== undefined && draft.quote !== (item.quote ?? ''));
    if (!changed) return false;
    this.unsavedWarning = this.c.t('youSaidUnsavedChanges', {words: firstWords(item.youSaid, 10)});
    this.c.announce(this.unsavedWarning);
    this.notify();
    this.c.focus('you-said-edit-unsaved');
    return true;
  }

  startEdit(item: YouSaidItem): void {
    if (this.busy || this.keepUnsavedChanges()) return;
    this.clear();
    this.list.itemError = undefined;
    this.editingId = item.id;
    this.notify();
    this.c.focus('you-said-edit-said');
  }

  cancelEdit(): void {
    if (this.saving) return;
    const id = this.editingId;
    this.clear();
    this.notify();
    this.c.focus(`you-said-edit-${id}`);
  }

  async save(item: YouSaidItem, fields: EditFields): Promise<void> {
    const c = this.c;
    if (!c.api || this.saving) return;
    const t = c.t;
    this.formError = '';
    this.unsavedWarning = '';
    this.problems = youSaidEditProblems(fields, t);
    if (this.problems.length) {
      this.notify();
      c.focus('you-said-edit-errors');
      return;
    }
    const change = youSaidChange(item, fields);
    this.saving = true;
    this.notify();
    try {
      const updated = await c.api.youSaidUpdate(item.id, change);
      this.list.items = this.list.items.map((i) => (i.id === item.id ? updated : i));
      this.clear();
      this.savedId = item.id;
      c.announce(t('youSaidChangesSaved'));
      this.notify();
      c.focus(`you-said-item-${item.id}`);
    } catch (error) {
      this.saving = false;
      this.explainRefusal(error);
      // A rejected token has signed the person out; there is no form left to focus.
      if (!c.api) return;
      this.notify();
      c.focus('you-said-edit-errors');
    }
  }

  /** Puts each reason the collector gave beside its box; anything else goes in the summary. */
  private explainRefusal(error: unknown): void {
    const c = this.c;
    if (error instanceof InboxApiError && error.kind === 'not-found') {
      this.formError = c.t('youSaidGone');
      return;
    }
    const fieldErrors =
      error instanceof InboxApiError && error.kind === 'invalid' ? error.errors : [];
    const boxes = new Set(this.visibleFields());
    const other: string[] = [];
    for (const fieldError of fieldErrors) {
      const field = FIELD_FOR_PATH[fieldError.path];
      if (field && boxes.has(field) && !this.problems.some((p) => p.field === field))
        this.problems.push({field, message: fieldError.message});
      else other.push(fieldError.message);
    }
    if (other.length) this.formError = other.join(' ');
    else if (!this.problems.length) this.formError = c.explain(error);
  }

  private visibleFields(): EditField[] {
    const item = this.list.items.find((i) => i.id === this.editingId);
    return item?.submissionReference
      ? ['you-said-edit-said', 'you-said-edit-did', 'you-said-edit-quote']
      : ['you-said-edit-said', 'you-said-edit-did'];
  }

  askToDelete(item: YouSaidItem): void {
    if (this.busy || this.keepUnsavedChanges()) return;
    this.clear();
    this.list.itemError = undefined;
    this.confirmingId = item.id;
    this.notify();
    this.c.focus('you-said-delete-question');
  }

  cancelDelete(): void {
    if (this.deleting) return;
    const id = this.confirmingId;
    this.clear();
    this.notify();
    this.c.focus(`you-said-delete-${id}`);
  }

  async confirmDelete(item: YouSaidItem): Promise<void> {
    const c = this.c;
    if (!c.api || this.deleting) return;
    this.deleting = true;
    this.deleteError = '';
    this.notify();
    const words = firstWords(item.youSaid, 10);
    try {
      await c.api.youSaidDelete(item.id);
      this.gone(item, c.t('youSaidDeleted', {words}));
    } catch (error) {
      // Someone else deleted it first: what the person wanted has happened, so say so plainly.
      if (error instanceof InboxApiError && error.kind === 'not-found') {
        this.gone(item, c.t('youSaidAlreadyDeleted', {words}));
        return;
      }
      this.deleting = false;
      this.deleteError = c.explain(error);
      if (!c.api) return;
      c.announce(this.deleteError);
      this.notify();
      c.focus('you-said-delete-error');
    }
  }

  private gone(item: YouSaidItem, message: string): void {
    const c = this.c;
    this.list.items = this.list.items.filter((i) => i.id !== item.id);
    this.clear();
    this.notice = message;
    c.announce(message);
    this.notify();
    // The item and its buttons are gone; the list's heading is the one steady place to land,
    // with the notice just below it.
    c.focus('view-heading');
  }
}
