// Editing and deleting a "You said, we did" item in the inbox's list: the form in place, and the question before deleting.
import {html, nothing} from 'lit';
import type {YouSaidItem} from './inbox-api.js';
import {firstWords} from './inbox-format.js';
import {errorSummary, textField} from './inbox-form-parts.js';
import {LIMITS, type EditField, type EditFields} from './inbox-you-said-state.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

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
