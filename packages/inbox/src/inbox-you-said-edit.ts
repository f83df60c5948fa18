// Editing and deleting a "You said, we did" item in the inbox's list: the form in place, and the question before deleting.
import {html, nothing} from 'lit';
import {InboxApiError, type YouSaidItem} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import {firstWords} from './inbox-format.js';
import {errorSummary, textField, type FieldProblem} from './inbox-form-parts.js';
import type {YouSaidState} from './inbox-you-said.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

type EditField = 'you-said-edit-said' | 'you-said-edit-did' | 'you-said-edit-quote';

/** The collector's field names (a 422's `errors[].path`) and the boxes that hold them. */
const FIELD_FOR_PATH: Record<string, EditField> = {
  youSaid: 'you-said-edit-said',
  weDid: 'you-said-edit-did',
  quote: 'you-said-edit-quote',
};

/** The collector's limits; the boxes stop at them so nobody types more than can be saved. */
const LIMITS = {youSaid: 2000, weDid: 2000, quote: 1000} as const;

/** What the edit form holds when it is sent; `quote` only where the item answers one piece of feedback. */
export interface EditFields {
  youSaid: string;
  weDid: string;
  quote?: string;
}

/** One item at a time is being edited or asked about; the list's state owns this. */
export class YouSaidItemActions {
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
  ) {}

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
    this.c.refresh();
    this.c.focus('you-said-edit-unsaved');
    return true;
  }

  startEdit(item: YouSaidItem): void {
    if (this.busy || this.keepUnsavedChanges()) return;
    this.clear();
    this.list.itemError = undefined;
    this.editingId = item.id;
    this.c.refresh();
    this.c.focus('you-said-edit-said');
  }

  cancelEdit(): void {
    if (this.saving) return;
    const id = this.editingId;
    this.clear();
    this.c.refresh();
    this.c.focus(`you-said-edit-${id}`);
  }

  async save(item: YouSaidItem, fields: EditFields): Promise<void> {
    const c = this.c;
    if (!c.api || this.saving) return;
    const t = c.t;
    this.formError = '';
    this.unsavedWarning = '';
    this.problems = [];
    if (!fields.youSaid.trim())
      this.problems.push({field: 'you-said-edit-said', message: t('youSaidSaidMissing')});
    if (!fields.weDid.trim())
      this.problems.push({field: 'you-said-edit-did', message: t('youSaidDidMissing')});
    if (this.problems.length) {
      c.refresh();
      c.focus('you-said-edit-errors');
      return;
    }
    const change: {youSaid: string; weDid: string; quote?: string | null} = {
      youSaid: fields.youSaid,
      weDid: fields.weDid,
    };
    // An empty box removes the quote. An unchanged quote is not sent, so it is not checked again.
    if (fields.quote !== undefined) {
      const quote = fields.quote.trim() ? fields.quote : null;
      if (quote !== item.quote) change.quote = quote;
    }
    this.saving = true;
    c.refresh();
    try {
      const updated = await c.api.youSaidUpdate(item.id, change);
      this.list.items = this.list.items.map((i) => (i.id === item.id ? updated : i));
      this.clear();
      this.savedId = item.id;
      c.announce(t('youSaidChangesSaved'));
      c.refresh();
      c.focus(`you-said-item-${item.id}`);
    } catch (error) {
      this.saving = false;
      this.explainRefusal(error);
      // A rejected token has signed the person out; there is no form left to focus.
      if (!c.api) return;
      c.refresh();
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
    this.c.refresh();
    this.c.focus('you-said-delete-question');
  }

  cancelDelete(): void {
    if (this.deleting) return;
    const id = this.confirmingId;
    this.clear();
    this.c.refresh();
    this.c.focus(`you-said-delete-${id}`);
  }

  async confirmDelete(item: YouSaidItem): Promise<void> {
    const c = this.c;
    if (!c.api || this.deleting) return;
    this.deleting = true;
    this.deleteError = '';
    c.refresh();
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
      c.refresh();
      c.focus('you-said-delete-error');
    }
  }

  private gone(item: YouSaidItem, message: string): void {
    const c = this.c;
    this.list.items = this.list.items.filter((i) => i.id !== item.id);
    this.clear();
    this.notice = message;
    c.announce(message);
    c.refresh();
    // The item and its buttons are gone; the list's heading is the one steady place to land,
    // with the notice just below it.
    c.focus('view-heading');
  }
}

/** The form that replaces an item's details while it is edited, filled in with what it says now. */
export function renderEditForm(item: YouSaidItem, {c, t}: ViewContext) {
  const a = c.youSaid.actions;
  const answersFeedback = item.submissionReference !== null;
  const problemFor = (field: EditField) => a.problems.find((p) => p.field === field)?.message ?? '';
  const read = (form: HTMLFormElement): EditFields => {
    const data = new FormData(form);
    return {
      youSaid: String(data.get('youSaid') ?? ''),
      weDid: String(data.get('weDid') ?? ''),
      ...(answersFeedback ? {quote: String(data.get('quote') ?? '')} : {}),
    };
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void a.save(item, read(event.currentTarget as HTMLFormElement));
  };
  return html`<form
    class="you-said-edit"
    aria-labelledby="you-said-edit-heading"
    novalidate
    @submit=${submit}
    @input=${(event: Event) => a.noteDraft(read(event.currentTarget as HTMLFormElement))}
  >
    ${errorSummary('you-said-edit-errors', a.problems, a.formError, t)}
    <h4 id="you-said-edit-heading">${t('youSaidEditHeading')}</h4>
    ${
      a.unsavedWarning
        ? html`<p id="you-said-edit-unsaved" class="warning-text" tabindex="-1">
            ${a.unsavedWarning}
          </p>`
        : nothing
    }
    ${item.published ? html`<p class="warning-text">${t('youSaidEditLive')}</p>` : nothing}
    ${textField({
      id: 'you-said-edit-said',
      name: 'youSaid',
      label: t('youSaidSaid'),
      hint: t('youSaidSaidHint'),
      problem: problemFor('you-said-edit-said'),
      maxlength: LIMITS.youSaid,
      value: item.youSaid,
      t,
    })}
    ${textField({
      id: 'you-said-edit-did',
      name: 'weDid',
      label: t('youSaidDid'),
      hint: t('youSaidDidHint'),
      problem: problemFor('you-said-edit-did'),
      maxlength: LIMITS.weDid,
      value: item.weDid,
      t,
    })}
    ${
      answersFeedback
        ? textField({
            id: 'you-said-edit-quote',
            name: 'quote',
            label: t('youSaidEditQuote'),
            hint: t('youSaidEditQuoteHint'),
            problem: problemFor('you-said-edit-quote'),
            maxlength: LIMITS.quote,
            value: item.quote ?? '',
            t,
          })
        : nothing
    }
    <div class="actions">
      <button type="submit" class="button">
        ${a.saving ? t('youSaidSaving') : t('youSaidSaveChanges')}
      </button>
      <button type="button" class="button secondary" @click=${() => a.cancelEdit()}>
        ${t('youSaidCancel')}
      </button>
    </div>
  </form>`;
}

/** The question asked before an item is deleted, in place of the item's buttons. */
export function renderDeleteQuestion(item: YouSaidItem, {c, t}: ViewContext) {
  const a = c.youSaid.actions;
  return html`<div
    class="panel notice confirm-delete"
    role="group"
    aria-labelledby="you-said-delete-question"
    @keydown=${(event: KeyboardEvent) => {
      // Escape backs out, as it would close a dialog.
      if (event.key === 'Escape') {
        event.preventDefault();
        a.cancelDelete();
      }
    }}
  >
    <h4 id="you-said-delete-question" tabindex="-1">
      ${t('youSaidDeleteQuestion', {words: firstWords(item.youSaid, 10)})}
    </h4>
    <p>${item.published ? t('youSaidDeleteWarningPublished') : t('youSaidDeleteWarning')}</p>
    ${errorMessage('you-said-delete-error', a.deleteError, t)}
    <div class="actions">
      <button type="button" class="button danger" @click=${() => void a.confirmDelete(item)}>
        ${a.deleting ? t('youSaidDeleting') : t('youSaidDeleteConfirm')}
      </button>
      <button type="button" class="button secondary" @click=${() => a.cancelDelete()}>
        ${t('youSaidDeleteCancel')}
      </button>
    </div>
  </div>`;
}
