// Improvement actions in the inbox (issue #15): the form to add one, the list with each action's status to
// change, "Start a You said, we did from this action" once it is done, and the overdue ones shown in
// "Needs attention".
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {ACTION_LIMITS, ACTION_STATUSES, type ActionStatus, type ImprovementAction} from '@care-feedback/core/provider';
import {formatDate} from './inbox-format.js';
import {errorSummary} from './inbox-form-parts.js';
import {errorMessage, warningIcon, type ViewContext} from './inbox-view.js';

function renderAddForm({c, t}: ViewContext) {
  const state = c.actions;
  const problem = (id: string) => state.problems.find((p) => p.field === id)?.message ?? '';
  const describedBy = (id: string, hint: boolean) =>
    [hint ? `${id}-hint` : '', problem(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const error = (id: string) =>
    problem(id)
      ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${problem(id)}</p>`
      : nothing;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void state.add((name) => String(data.get(name) ?? '').trim(), c.themes.themes.map((theme) => theme.id));
  };
  return html`<section aria-labelledby="action-add-heading">
    <h3 id="action-add-heading" tabindex="-1">${t('actionAddHeading')}</h3>
    ${errorSummary('action-errors', state.problems, state.formError, t)}
    ${keyed(
      state.formKey,
      html`<form class="action-form" @submit=${submit} novalidate>
        <div class="field ${problem('action-change') ? 'field-invalid' : ''}">
          <label for="action-change">${t('actionChange')}</label>
          <p id="action-change-hint" class="hint">${t('actionChangeHint')}</p>
          ${error('action-change')}
          <textarea id="action-change" name="change" rows="3" maxlength=${ACTION_LIMITS.change} aria-describedby=${describedBy('action-change', true)} aria-invalid=${problem('action-change') ? 'true' : 'false'}></textarea>
        </div>
        <div class="field ${problem('action-owner') ? 'field-invalid' : ''}">
          <label for="action-owner">${t('actionOwner')}</label>
          <p id="action-owner-hint" class="hint">${t('actionOwnerHint')}</p>
          ${error('action-owner')}
          <input type="text" id="action-owner" name="owner" maxlength=${ACTION_LIMITS.owner} autocomplete="off" aria-describedby=${describedBy('action-owner', true)} aria-invalid=${problem('action-owner') ? 'true' : 'false'} />
        </div>
        <div class="field ${problem('action-due') ? 'field-invalid' : ''}">
          <label for="action-due">${t('actionDue')}</label>
          ${error('action-due')}
          <input type="date" id="action-due" name="due" aria-describedby=${describedBy('action-due', false)} aria-invalid=${problem('action-due') ? 'true' : 'false'} />
        </div>
        <div class="field ${problem('action-references') ? 'field-invalid' : ''}">
          <label for="action-references">${t('actionReferences')}</label>
          <p id="action-references-hint" class="hint">${t('actionReferencesHint')}</p>
          ${error('action-references')}
          <input type="text" id="action-references" name="references" .defaultValue=${state.forReference} autocomplete="off" aria-describedby=${describedBy('action-references', true)} aria-invalid=${problem('action-references') ? 'true' : 'false'} />
        </div>
        ${c.themes.themes.length
          ? html`<fieldset class="field" id="action-themes" tabindex="-1">
              <legend>${t('actionThemesLegend')}</legend>
              ${error('action-themes')}
              <div class="radios">
                ${c.themes.themes
                  .filter((theme) => theme.retiredAt === null)
                  .map(
                    (theme) => html`<div class="radio">
                      <input
                        type="checkbox"
                        id="action-theme-${theme.id}"
                        .checked=${state.formThemes.has(theme.id)}
                        @change=${(event: Event) => state.toggleTheme(theme.id, (event.currentTarget as HTMLInputElement).checked)}
                      />
                      <label for="action-theme-${theme.id}">${theme.name}</label>
                    </div>`,
                  )}
              </div>
            </fieldset>`
          : nothing}
        <button type="submit" class="button" ?disabled=${state.adding}>${state.adding ? t('actionAdding') : t('actionAdd')}</button>
      </form>`,
    )}
  </section>`;
}

function renderAction(action: ImprovementAction, {c, t, locale}: ViewContext) {
  const state = c.actions;
  const themeName = (id: string) => c.themes.themes.find((theme) => theme.id === id)?.name ?? id;
  const saveStatus = (event: SubmitEvent) => {
    event.preventDefault();
    const status = new FormData(event.currentTarget as HTMLFormElement).get('status') as ActionStatus;
    void state.setStatus(action.id, status);
  };
  const startYouSaid = (event: SubmitEvent) => {
    event.preventDefault();
    void state.startYouSaid(action.id, String(new FormData(event.currentTarget as HTMLFormElement).get('youSaid') ?? ''));
  };
  const youSaidId = `action-you-said-${action.id}`;
  return html`<li class="row action ${action.overdue ? 'is-overdue' : ''}">
    <h4 class="row-title multiline">${action.change}</h4>
    <dl class="facts">
      <div><dt>${t('actionOwnerTerm')}</dt><dd>${action.owner}</dd></div>
      <div>
        <dt>${t('actionDueTerm')}</dt>
        <dd>
          ${formatDate(action.dueOn, locale)}
          ${action.overdue ? html`<strong class="overdue-flag">${warningIcon}<span>${t('overdue')}</span></strong>` : nothing}
        </dd>
      </div>
      <div><dt>${t('actionStatusTerm')}</dt><dd class="action-status">${t(`actionStatus_${action.status}`)}</dd></div>
      <div><dt>${t('actionFeedbackTerm')}</dt><dd>${action.references.length ? action.references.join(', ') : t('actionNothingLinked')}</dd></div>
      <div><dt>${t('actionThemesTerm')}</dt><dd>${action.themes.length ? action.themes.map(themeName).join(', ') : t('actionNothingLinked')}</dd></div>
    </dl>
    <form class="action-status-form" @submit=${saveStatus} novalidate>
      <div class="field">
        <label for="action-status-${action.id}">${t('actionStatusLabel')}</label>
        <select id="action-status-${action.id}" name="status">
          ${ACTION_STATUSES.map((status) => html`<option value=${status} ?selected=${action.status === status}>${t(`actionStatus_${status}`)}</option>`)}
        </select>
      </div>
      <button type="submit" class="button secondary">${t('actionSaveStatus')}</button>
    </form>
    ${action.youSaidId
      ? html`<p id="action-you-said-done-${action.id}" tabindex="-1">${t('actionYouSaidDone')}</p>`
      : action.status === 'done'
        ? state.youSaidFor === action.id
          ? html`<form class="action-you-said-form" @submit=${startYouSaid} novalidate>
              <div class="field ${state.youSaidProblem ? 'field-invalid' : ''}">
                <label for=${youSaidId}>${t('actionYouSaidLabel')}</label>
                <p id="${youSaidId}-hint" class="hint">${t('actionYouSaidHint')}</p>
                ${state.youSaidProblem
                  ? html`<p id="${youSaidId}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${state.youSaidProblem}</p>`
                  : nothing}
                <textarea
                  id=${youSaidId}
                  name="youSaid"
                  rows="3"
                  aria-describedby=${state.youSaidProblem ? `${youSaidId}-hint ${youSaidId}-error` : `${youSaidId}-hint`}
                  aria-invalid=${state.youSaidProblem ? 'true' : 'false'}
                ></textarea>
              </div>
              <button type="submit" class="button">${t('actionYouSaidCreate')}</button>
            </form>`
          : html`<p>
              <button type="button" class="button secondary" id="action-start-you-said-${action.id}" @click=${() => state.openYouSaid(action.id)}>
                ${t('actionYouSaidStart')}
              </button>
            </p>`
        : nothing}
  </li>`;
}

/** The actions view: add one, then the list. */
export function renderActionsView(context: ViewContext) {
  const {c, t} = context;
  const state = c.actions;
  return html`<section class="view actions-view" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('actionsHeading')}</h2>
    <p>${t('actionsIntro')}</p>
    ${renderAddForm(context)}
    <section aria-labelledby="actions-list-heading">
      <h3 id="actions-list-heading" tabindex="-1">${t('actionsListHeading')}</h3>
      ${errorMessage('actions-error', state.error, t)}
      <p class="results">
        ${state.loading ? t('actionsLoading') : state.items.length ? t('actionsCount', {count: state.items.length}) : t('actionsNone')}
      </p>
      ${state.items.length ? html`<ol class="rows action-list">${state.items.map((action) => renderAction(action, context))}</ol>` : nothing}
    </section>
  </section>`;
}

/** "Needs attention"'s part for improvement actions: those past their due date. */
export function renderOverdueActions({c, t, locale}: ViewContext) {
  const state = c.actions;
  return html`<section class="view-part overdue-actions" aria-labelledby="overdue-actions-heading">
    <h3 id="overdue-actions-heading">${t('actionsOverdueHeading')}</h3>
    ${errorMessage('overdue-actions-error', state.overdueError, t)}
    ${state.overdue.length
      ? html`<ol class="rows">
          ${state.overdue.map(
            (action) => html`<li class="row is-overdue">
              <p class="row-title multiline">${action.change}</p>
              <dl class="facts">
                <div><dt>${t('actionOwnerTerm')}</dt><dd>${action.owner}</dd></div>
                <div>
                  <dt>${t('actionDueTerm')}</dt>
                  <dd>${formatDate(action.dueOn, locale)} <strong class="overdue-flag">${warningIcon}<span>${t('overdue')}</span></strong></dd>
                </div>
              </dl>
            </li>`,
          )}
        </ol>
        <p><button type="button" class="link-button" @click=${() => void c.actions.show()}>${t('actionOpenList')}</button></p>`
      : html`<p>${t('actionsOverdueNone')}</p>`}
  </section>`;
}
