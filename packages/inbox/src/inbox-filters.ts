// The filter form and the in-page search above the list.
import {html, nothing} from 'lit';
import {KINDS, RATINGS} from '@care-feedback/core';
import {WORKFLOW} from '@care-feedback/core/provider';
import type {InboxFilters} from './inbox-types.js';
import {label} from './inbox-format.js';
import type {ViewContext} from './inbox-view.js';

export function renderFilters({c, t, strings}: ViewContext) {
  const f = c.filters;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const filters: InboxFilters = {
      kind: value('kind'),
      status: value('status'),
      service: value('service'),
      from: value('from'),
      to: value('to'),
      rating: value('rating'),
      quarantined: f.quarantined,
    };
    c.applyFilters(filters);
  };
  const clear = () =>
    c.applyFilters({...f, kind: '', status: '', service: '', from: '', to: '', rating: ''});
  const select = (
    name: keyof InboxFilters,
    text: string,
    prefix: string,
    values: readonly string[],
    hint?: string,
  ) => html`
    <div class="field">
      <label for="filter-${name}">${text}</label>
      ${hint ? html`<p id="filter-${name}-hint" class="hint">${hint}</p>` : ''}
      <select
        id="filter-${name}"
        name=${name}
        aria-describedby=${hint ? `filter-${name}-hint` : nothing}
      >
        <option value="" ?selected=${f[name] === ''}>${t('any')}</option>
        ${values.map((v) => html`<option value=${v} ?selected=${f[name] === v}>${label(t, strings, prefix, v)}</option>`)}
      </select>
    </div>
  `;
  return html`
    <details
      class="filters"
      ?open=${c.filtersOpen}
      @toggle=${(e: Event) => (c.filtersOpen = (e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>${t('filtersHeading')}</summary>
      <form class="filter-form" @submit=${submit} novalidate>
        <div class="filter-grid">
          ${select('kind', t('filterKind'), 'kind', KINDS)}
          ${f.quarantined ? '' : select('status', t('filterStatus'), 'status', WORKFLOW)}
          ${select('rating', t('filterRating'), 'rating', RATINGS, t('filterRatingHint'))}
          <div class="field">
            <label for="filter-service">${t('filterService')}</label>
            <p id="filter-service-hint" class="hint">${t('filterServiceHint')}</p>
            <input
              id="filter-service"
              name="service"
              type="text"
              autocomplete="off"
              .value=${f.service}
              aria-describedby="filter-service-hint"
            />
          </div>
          <div class="field">
            <label for="filter-from">${t('filterFrom')}</label>
            <input id="filter-from" name="from" type="date" .value=${f.from} />
          </div>
          <div class="field">
            <label for="filter-to">${t('filterTo')}</label>
            <input id="filter-to" name="to" type="date" .value=${f.to} />
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="button">${t('applyFilters')}</button>
          <button type="button" class="button secondary" @click=${clear}>
            ${t('clearFilters')}
          </button>
        </div>
      </form>
    </details>
    <div class="field search">
      <label for="search">${t('searchLabel')}</label>
      <p id="search-hint" class="hint">${t('searchHint')}</p>
      <input
        id="search"
        type="search"
        autocomplete="off"
        .value=${c.search}
        aria-describedby="search-hint"
        @input=${(e: Event) => c.setSearch((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  `;
}
