// Themes in the inbox (issue #15): tick boxes on a piece of feedback with the suggested ones marked and the
// words that matched, and the themes view to add, rename and retire themes and see their trends.
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import type {TrendBy} from '@care-feedback/core/provider';
import {THEME_LIMITS} from '@care-feedback/core/provider';
import type {InboxRecord} from './inbox-types.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

/** The "Themes" section of the detail view: a tick box for each theme, suggestions showing their words. */
export function renderItemThemes(record: InboxRecord, {c, t}: ViewContext) {
  const state = c.themes;
  const loaded = state.reference === record.reference && state.themes.length > 0;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void state.save();
  };
  return html`<section class="item-themes" aria-labelledby="item-themes-heading">
    <h3 id="item-themes-heading">${t('itemThemesHeading')}</h3>
    <p>${t('itemThemesIntro')}</p>
    ${errorMessage('item-themes-error', state.itemError, t)}
    ${state.saved ? html`<p class="panel notice" id="item-themes-saved" tabindex="-1">${t('itemThemesSaved')}</p>` : nothing}
    ${loaded
      ? html`<form class="item-themes-form" @submit=${submit} novalidate>
          <fieldset>
            <legend>${t('itemThemesLegend')}</legend>
            ${state.suggestions.length ? html`<p class="hint" id="item-themes-note">${t('itemThemesSuggestionsNote')}</p>` : nothing}
            <div class="radios">
              ${state.choices.map(
                (choice) => html`<div class="radio ${choice.matched ? 'suggested' : ''}">
                  <input
                    type="checkbox"
                    id="item-theme-${choice.id}"
                    name="themes"
                    value=${choice.id}
                    .checked=${choice.checked}
                    aria-describedby=${choice.matched ? `item-theme-${choice.id}-why` : nothing}
                    @change=${(event: Event) => state.toggle(choice.id, (event.currentTarget as HTMLInputElement).checked)}
                  />
                  <label for="item-theme-${choice.id}">
                    ${choice.name}${choice.retired ? html` (${t('themeRetiredFlag')})` : nothing}
                    ${choice.matched
                      ? html`<span class="hint suggestion" id="item-theme-${choice.id}-why">${t('itemThemeSuggested', {words: choice.matched.join(', ')})}</span>`
                      : nothing}
                  </label>
                </div>`,
              )}
            </div>
          </fieldset>
          <button type="submit" class="button" ?disabled=${state.saving}>
            ${state.saving ? t('itemThemesSaving') : t('itemThemesSave')}
          </button>
        </form>`
      : state.itemError
        ? nothing
        : html`<p>${t('loading')}</p>`}
    ${c.actions.forItemReference === record.reference && c.actions.forItem.length
      ? html`<h4 id="item-actions-heading">${t('itemActionsHeading')}</h4>
          <ul class="item-actions" aria-labelledby="item-actions-heading">
            ${c.actions.forItem.map((action) => html`<li><span class="multiline">${action.change}</span> (${t(`actionStatus_${action.status}`)})</li>`)}
          </ul>`
      : nothing}
    <p>
      <button type="button" class="link-button" id="item-add-action" @click=${() => void c.actions.show(record.reference)}>
        ${t('itemAddAction')}
      </button>
    </p>
  </section>`;
}

function renderTrends({c, t}: ViewContext) {
  const state = c.themes;
  const trends = state.trends;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const by = new FormData(event.currentTarget as HTMLFormElement).get('by') as TrendBy;
    void state.loadTrends(by);
  };
  const byName = state.trendsBy === 'month' ? t('trendsByMonth') : t('trendsByQuarter');
  return html`<section aria-labelledby="trends-heading">
    <h3 id="trends-heading">${t('trendsHeading')}</h3>
    <p>${t('trendsIntro')}</p>
    <form class="trends-form" @submit=${submit} novalidate>
      <fieldset>
        <legend>${t('trendsBy')}</legend>
        <div class="radios">
          ${(['month', 'quarter'] as const).map(
            (by) => html`<div class="radio">
              <input type="radio" id="trends-by-${by}" name="by" value=${by} ?checked=${state.trendsBy === by} />
              <label for="trends-by-${by}">${by === 'month' ? t('trendsByMonth') : t('trendsByQuarter')}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <button type="submit" class="button secondary">${t('trendsShow')}</button>
    </form>
    ${errorMessage('trends-error', state.trendsError, t)}
    ${trends
      ? trends.themes.length
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="trends-caption">
            <table class="counts trends">
              <caption id="trends-caption">${t('trendsCaption', {by: byName.toLowerCase()})}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('trendsTheme')}</th>
                  ${trends.buckets.map((bucket) => html`<th scope="col">${bucket}</th>`)}
                  <th scope="col">${t('trendsTotal')}</th>
                </tr>
              </thead>
              <tbody>
                ${trends.themes.map(
                  (theme) => html`<tr>
                    <th scope="row">${theme.name}</th>
                    ${theme.counts.map((count) => html`<td>${count}</td>`)}
                    <td>${theme.total}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="trends-none">${t('trendsNone')}</p>`
      : nothing}
  </section>`;
}

/** The themes view: the provider's list to add to, rename and retire, then the trends. */
export function renderThemesView(context: ViewContext) {
  const {c, t} = context;
  const state = c.themes;
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '');
    if (await state.add(name)) form.reset();
  };
  const rename = (id: string) => (event: SubmitEvent) => {
    event.preventDefault();
    void state.rename(id, String(new FormData(event.currentTarget as HTMLFormElement).get('name') ?? ''));
  };
  return html`<section class="view themes" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('themesHeading')}</h2>
    <p>${t('themesIntro')}</p>
    ${errorMessage('themes-load-error', state.error, t)}
    ${state.manageError
      ? html`<div id="themes-error" class="error-summary" tabindex="-1" aria-labelledby="themes-error-title">
          <h3 id="themes-error-title">${t('errorTitle')}</h3>
          <p><a href="#${state.manageField}" @click=${(event: Event) => {
            event.preventDefault();
            ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).getElementById(state.manageField)?.focus();
          }}>${state.manageError}</a></p>
        </div>`
      : nothing}
    <section aria-labelledby="theme-add-heading">
      <h3 id="theme-add-heading">${t('themeAddHeading')}</h3>
      <form class="theme-add-form" @submit=${add} novalidate>
        <div class="field">
          <label for="theme-new">${t('themeAddLabel')}</label>
          <p class="hint" id="theme-new-hint">${t('themeAddHint')}</p>
          <input type="text" id="theme-new" name="name" maxlength=${THEME_LIMITS.name} aria-describedby="theme-new-hint" autocomplete="off" />
        </div>
        <button type="submit" class="button">${t('themeAdd')}</button>
      </form>
    </section>
    <section aria-labelledby="themes-list-heading">
      <h3 id="themes-list-heading">${t('themesListHeading')}</h3>
      ${state.loading && !state.themes.length ? html`<p>${t('themesLoading')}</p>` : nothing}
      <ul class="rows theme-list">
        ${state.themes.map(
          (theme) => html`<li class="row">
            <h4 class="row-title" id="theme-title-${theme.id}">
              ${theme.name}${theme.retiredAt ? html` <strong>(${t('themeRetiredFlag')})</strong>` : nothing}
            </h4>
            ${keyed(
              `${theme.id}:${theme.name}`,
              html`<form class="theme-rename-form" @submit=${rename(theme.id)} novalidate>
                <div class="field">
                  <label for="theme-name-${theme.id}">${t('themeRenameLabel', {name: theme.name})}</label>
                  <input type="text" id="theme-name-${theme.id}" name="name" maxlength=${THEME_LIMITS.name} .defaultValue=${theme.name} autocomplete="off" />
                </div>
                <button type="submit" class="button secondary">${t('themeRename')}</button>
              </form>`,
            )}
            <p>
              <button
                type="button"
                class="button secondary"
                id="theme-retire-${theme.id}"
                @click=${() => void state.setRetired(theme.id, theme.retiredAt === null)}
              >
                ${theme.retiredAt === null ? t('themeRetire', {name: theme.name}) : t('themeBringBack', {name: theme.name})}
              </button>
            </p>
          </li>`,
        )}
      </ul>
    </section>
    ${renderTrends(context)}
  </section>`;
}
