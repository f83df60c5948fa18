// "You said, we did" in the inbox: the form in a submission's detail, and the list to publish, edit and delete from.
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {YOU_SAID_LIMITS} from '@care-feedback/core/provider';
import type {YouSaidItem} from './inbox-api.js';
import {firstWords, formatDateTime} from './inbox-format.js';
import {errorSummary, textField} from './inbox-form-parts.js';
import type {InboxRecord} from './inbox-types.js';
import {errorMessage, type ViewContext} from './inbox-view.js';
import {renderDeleteQuestion, renderEditForm} from './inbox-you-said-edit.js';
import type {FormField} from './inbox-you-said-state.js';

/** The form in a submission's detail view. */
export function renderYouSaidForm(record: InboxRecord, {c, t}: ViewContext) {
  const y = c.youSaid;
  const message = typeof record.submission.message === 'string' ? record.submission.message : '';
  const consented = record.submission.consent?.publish === true;
  const problemFor = (field: FormField) => y.problems.find((p) => p.field === field)?.message ?? '';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void y
      .save(record, {
        youSaid: String(data.get('youSaid') ?? ''),
        weDid: String(data.get('weDid') ?? ''),
        includeQuote: consented && data.get('includeQuote') === 'yes',
        quote: String(data.get('quote') ?? ''),
      })
      .then((saved) => {
        if (saved) form.reset();
      });
  };
  const field = (id: FormField, name: string, labelText: string, hint: string, value = '') =>
    textField({
      id,
      name,
      label: labelText,
      hint,
      problem: problemFor(id),
      maxlength: YOU_SAID_LIMITS[name as keyof typeof YOU_SAID_LIMITS],
      value,
      t,
    });
  return html`
    <section class="you-said-form" aria-labelledby="you-said-heading">
      <h3 id="you-said-heading">${t('youSaidHeading')}</h3>
      <p>${t('youSaidIntro')}</p>
      ${errorSummary('you-said-errors', y.problems, y.formError, t)}
      ${
        y.savedFor === record.reference
          ? html`<div class="panel notice" id="you-said-saved" tabindex="-1">
              <p>${t('youSaidSaved')}</p>
              <button type="button" class="button secondary" @click=${() => void c.showYouSaid()}>
                ${t('youSaidShowList')}
              </button>
            </div>`
          : nothing
      }
      <form @submit=${submit} novalidate>
        ${field('you-said-said', 'youSaid', t('youSaidSaid'), t('youSaidSaidHint'))}
        ${field('you-said-did', 'weDid', t('youSaidDid'), t('youSaidDidHint'))}
        <div class="field">
          <div class="radio">
            <input
              type="checkbox"
              id="you-said-quote"
              name="includeQuote"
              value="yes"
              ?disabled=${!consented}
              aria-describedby="you-said-quote-hint"
            />
            <label for="you-said-quote">${t('youSaidQuote')}</label>
          </div>
          <p id="you-said-quote-hint" class="hint">
            ${consented ? t('youSaidQuoteHint') : t('youSaidNoConsent')}
          </p>
        </div>
        ${
          consented
            ? field(
                'you-said-quote-text',
                'quote',
                t('youSaidQuoteText'),
                t('youSaidQuoteHint'),
                message.slice(0, YOU_SAID_LIMITS.quote),
              )
            : nothing
        }
        <button type="submit" class="button">
          ${y.saving ? t('youSaidSaving') : t('youSaidSave')}
        </button>
      </form>
    </section>
  `;
}

/** One item's details as the list shows them. */
function renderItemFacts(item: YouSaidItem, {t, locale}: ViewContext) {
  return html`<dl class="facts stacked">
    <div>
      <dt>${t('youSaidSaid')}</dt>
      <dd class="multiline">${item.youSaid}</dd>
    </div>
    <div>
      <dt>${t('youSaidDid')}</dt>
      <dd class="multiline">${item.weDid}</dd>
    </div>
    ${
      item.quote
        ? html`<div>
            <dt>${t('youSaidQuoteLabel')}</dt>
            <dd>
              <blockquote class="multiline quote">${item.quote}</blockquote>
            </dd>
          </div>`
        : nothing
    }
    <div>
      <dt>${t('youSaidFeedback')}</dt>
      <dd>${item.submissionReference ?? t('youSaidTheme')}</dd>
    </div>
    <div>
      <dt>${t('youSaidStatus')}</dt>
      <dd id="you-said-status-${item.id}" tabindex="-1">
        ${
          item.published
            ? t('youSaidPublishedOn', {
                date: formatDateTime(item.publishedAt ?? undefined, locale),
              })
            : t('youSaidNotPublished')
        }
      </dd>
    </div>
  </dl>`;
}

/** Publish or unpublish, edit and delete; each button is described by the item's heading. */
function renderItemButtons(item: YouSaidItem, {c, t}: ViewContext) {
  const y = c.youSaid;
  const heading = `you-said-item-${item.id}`;
  return html`<div class="actions">
    <button
      type="button"
      class="button ${item.published ? 'secondary' : ''}"
      aria-describedby=${heading}
      ?disabled=${y.busyId === item.id}
      @click=${() => void y.setPublished(item, !item.published)}
    >
      ${item.published ? t('youSaidUnpublish') : t('youSaidPublish')}
    </button>
    <button
      type="button"
      id="you-said-edit-${item.id}"
      class="button secondary"
      aria-describedby=${heading}
      @click=${() => y.actions.startEdit(item)}
    >
      ${t('youSaidEdit')}
    </button>
    <button
      type="button"
      id="you-said-delete-${item.id}"
      class="button secondary"
      aria-describedby=${heading}
      @click=${() => y.actions.askToDelete(item)}
    >
      ${t('youSaidDelete')}
    </button>
  </div>`;
}

function renderItem(item: YouSaidItem, context: ViewContext) {
  const {c, t} = context;
  const y = c.youSaid;
  const a = y.actions;
  return html`<li class="row">
    <h3 id="you-said-item-${item.id}" class="row-title" tabindex="-1">
      ${t('youSaidItemLabel', {words: firstWords(item.youSaid, 10)})}
    </h3>
    ${
      a.editingId === item.id
        ? renderEditForm(item, context)
        : html`${renderItemFacts(item, context)}
          ${
            a.savedId === item.id
              ? html`<p class="done-message">${t('youSaidChangesSaved')}</p>`
              : nothing
          }
          ${
            y.itemError?.id === item.id
              ? errorMessage(`you-said-error-${item.id}`, y.itemError.message, t)
              : nothing
          }
          ${
            a.confirmingId === item.id
              ? renderDeleteQuestion(item, context)
              : renderItemButtons(item, context)
          }`
    }
  </li>`;
}

/** The list of items, with publish and unpublish, edit and delete. */
export function renderYouSaidList(context: ViewContext) {
  const {c, t} = context;
  const y = c.youSaid;
  // Keyed by id: when an item goes, its DOM (with any focus or half-typed edit) goes with it
  // instead of being reused for the item after it.
  const rows = repeat(
    y.items,
    (item) => item.id,
    (item) => renderItem(item, context),
  );
  return html`
    <section class="view you-said" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('youSaidHeading')}</h2>
      <p>${t('youSaidListIntro')}</p>
      ${
        y.actions.notice
          ? html`<p id="you-said-notice" class="done-message">${y.actions.notice}</p>`
          : nothing
      }
      ${errorMessage('you-said-list-error', y.listError, t)}
      ${
        y.loading
          ? html`<p>${t('youSaidLoading')}</p>`
          : y.items.length === 0 && !y.listError
            ? html`<p>${t('youSaidEmpty')}</p>`
            : html`<ul class="rows you-said-items">
                ${rows}
              </ul>`
      }
    </section>
  `;
}
