// The list view: filters, search, one card per submission (newest first), paging and CSV export.
import {html, nothing} from 'lit';
import type {InboxRecord} from './inbox-types.js';
import {firstWords, formatDate, label} from './inbox-format.js';
import {renderFilters} from './inbox-filters.js';
import {errorMessage, warningIcon, type ViewContext} from './inbox-view.js';

export function renderAcknowledgeBy(record: InboxRecord, {t, locale}: ViewContext) {
  if (!record.acknowledgeBy) return nothing;
  return html`<div class="ack ${record.overdue ? 'is-overdue' : ''}">
    <dt>${t('rowAcknowledgeBy')}</dt>
    <dd>
      ${formatDate(record.acknowledgeBy, locale)}
      ${record.overdue ? html`<strong class="overdue-flag">${warningIcon}<span>${t('overdue')}</span></strong>` : nothing}
    </dd>
  </div>`;
}

function renderRow(record: InboxRecord, context: ViewContext) {
  const {c, t, strings, locale} = context;
  const s = record.submission;
  const kind = label(t, strings, 'kind', s.kind);
  return html`
    <li class="row ${record.overdue ? 'is-overdue' : ''}">
      <h3 class="row-title">
        <button type="button" class="link-button" @click=${() => void c.open(record.reference)}>
          ${t('rowOpen', {kind, reference: record.reference})}
        </button>
      </h3>
      <p class="preview">${firstWords(s.message)}</p>
      <dl class="facts">
        <div>
          <dt>${t('rowReceived')}</dt>
          <dd>${formatDate(record.receivedAt, locale)}</dd>
        </div>
        <div>
          <dt>${t('rowService')}</dt>
          <dd>${typeof s.service === 'string' && s.service ? s.service : t('notGiven')}</dd>
        </div>
        <div>
          <dt>${t('rowRating')}</dt>
          <dd>${s.rating ? label(t, strings, 'rating', s.rating) : t('noRating')}</dd>
        </div>
        <div>
          <dt>${t('rowStatus')}</dt>
          <dd>${label(t, strings, 'status', record.status)}</dd>
        </div>
        ${renderAcknowledgeBy(record, context)}
      </dl>
    </li>
  `;
}

export function renderList(context: ViewContext) {
  const {c, t} = context;
  const items = c.visibleItems;
  const spam = c.filters.quarantined;
  return html`
    <section class="view list" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${spam ? t('spamHeading') : t('listHeading')}</h2>
      ${spam ? html`<p>${t('spamIntro')}</p>` : nothing} ${renderFilters(context)}
      ${errorMessage('list-error', c.listError, t)}
      <p class="results">
        ${c.loadingList ? t('loadingList') : c.pageIndex > 0 || c.nextCursor ? html`${t('pageNumber', {page: c.pageIndex + 1})}. ${c.resultsSentence()}` : c.resultsSentence()}
      </p>
      ${
        items.length > 0
          ? html`<ol class="rows">
              ${items.map((item) => renderRow(item, context))}
            </ol>`
          : nothing
      }
      ${
        c.pageIndex > 0 || c.nextCursor
          ? html`<nav class="paging" aria-label=${t('pagingLabel')}>
              ${c.pageIndex > 0 ? html`<button type="button" class="button secondary" @click=${() => c.previousPage()}>${t('previousPage')}</button>` : nothing}
              ${c.nextCursor ? html`<button type="button" class="button secondary" @click=${() => c.nextPage()}>${t('nextPage')}</button>` : nothing}
            </nav>`
          : nothing
      }
      <div class="export">
        <button
          type="button"
          class="button secondary"
          aria-describedby="export-hint"
          @click=${() => void c.exportCsv()}
        >
          ${c.exporting ? t('exporting') : t('exportCsv')}
        </button>
        <p id="export-hint" class="hint">${t('exportHint')}</p>
      </div>
    </section>
  `;
}
