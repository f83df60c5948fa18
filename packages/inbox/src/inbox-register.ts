// "People taking part" in the inbox (#16): the involvement register filtered by way of taking part,
// topic and help needed; the invitation list to download; and one person with the log of what they
// took part in, the expenses paid, a form that adds to it, and erasing them after asking. inbox-register-state.ts decides.
import {html, nothing} from 'lit';
import {INVOLVEMENT_SUPPORT, INVOLVEMENT_WAYS} from '@care-feedback/core';
import {INVOLVEMENT_LOG_LIMITS} from '@care-feedback/core/provider';
import {formatDate, label} from './inbox-format.js';
import {errorSummary} from './inbox-form-parts.js';
import type {RegisterPerson} from './inbox-register-api.js';
import {formatPence, type InvitationMethod, type LogDraft, type LogField, type RegisterFilters} from './inbox-register-state.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

/** Hands a file to the person: a download link clicked for them, then let go. */
export function saveFile(root: HTMLElement | DocumentFragment, blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the Blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function renderRegister(context: ViewContext) {
  return context.c.register.mode === 'person' ? renderPerson(context) : renderList(context);
}

const labels = (context: ViewContext, prefix: string, values: readonly string[] | undefined) =>
  (values ?? []).map((value) => label(context.t, context.strings, prefix, value)).join(', ') || context.t('registerNothing');

function renderList(context: ViewContext) {
  const {c, t, strings} = context;
  const r = c.register;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '');
    const filters: RegisterFilters = {way: value('way'), topic: value('topic'), support: value('support')};
    void r.setFilters(filters);
  };
  const select = (name: 'way' | 'support', text: string, values: readonly string[]) => html`<div class="field">
    <label for="register-${name}">${text}</label>
    <select id="register-${name}" name=${name}>
      <option value="" ?selected=${r.filters[name] === ''}>${t('registerAny')}</option>
      ${values.map((v) => html`<option value=${v} ?selected=${r.filters[name] === v}>${label(t, strings, name, v)}</option>`)}
    </select>
  </div>`;
  const paged = r.pageIndex > 0 || r.nextCursor;
  return html`<section class="view register" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('registerHeading')}</h2>
    <p>${t('registerIntro')}</p>
    <form class="register-filters" aria-labelledby="register-filters-heading" @submit=${submit} novalidate>
      <h3 id="register-filters-heading">${t('registerFilters')}</h3>
      <div class="filter-grid">
        ${select('way', t('registerWay'), INVOLVEMENT_WAYS)}
        <div class="field">
          <label for="register-topic">${t('registerTopic')}</label>
          <p id="register-topic-hint" class="hint">${t('registerTopicHint')}</p>
          <input id="register-topic" name="topic" type="text" autocomplete="off" maxlength="100" .value=${r.filters.topic} aria-describedby="register-topic-hint" />
        </div>
        ${select('support', t('registerSupport'), INVOLVEMENT_SUPPORT)}
      </div>
      <div class="actions">
        <button type="submit" class="button">${t('registerShow')}</button>
      </div>
    </form>
    ${errorMessage('register-error', r.error, t)}
    ${r.erased ? html`<p id="register-erased" class="notice" tabindex="-1">${r.erased}</p>` : nothing}
    <p class="results" id="register-results" tabindex="-1">
      ${r.loading
        ? t('registerLoading')
        : html`${paged ? `${t('registerPage', {page: r.pageIndex + 1})}. ` : ''}${r.items.length ? t('registerCount', {count: r.items.length}) : t('registerNone')}`}
    </p>
    ${r.items.length
      ? html`<ol class="rows">
          ${r.items.map((person) => renderRow(person, context))}
        </ol>`
      : nothing}
    ${paged
      ? html`<nav class="paging" aria-label=${t('pagingLabel')}>
          ${r.pageIndex > 0 ? html`<button type="button" class="button secondary" @click=${() => void r.previousPage()}>${t('registerPrevious')}</button>` : nothing}
          ${r.nextCursor ? html`<button type="button" class="button secondary" @click=${() => void r.nextPage()}>${t('registerNext')}</button>` : nothing}
        </nav>`
      : nothing}
    <section class="panel invitations" aria-labelledby="invitations-heading">
      <h3 id="invitations-heading">${t('invitationsHeading')}</h3>
      <p id="invitations-intro">${t('invitationsIntro')}</p>
      <div class="field">
        <label for="invitations-method">${t('invitationsMethod')}</label>
        <select
          id="invitations-method"
          @change=${(event: Event) => r.setMethod((event.currentTarget as HTMLSelectElement).value as InvitationMethod)}
        >
          <option value="" ?selected=${r.method === ''}>${t('invitationsEveryone')}</option>
          ${(['email', 'phone', 'post'] as const).map(
            (method) => html`<option value=${method} ?selected=${r.method === method}>${t(`invitationsOnly_${method}`)}</option>`,
          )}
        </select>
      </div>
      <button type="button" class="button secondary" id="invitations-download" aria-describedby="invitations-intro" @click=${() => void r.downloadInvitations()}>
        ${r.exporting ? t('invitationsDownloading') : t('invitationsDownload')}
      </button>
    </section>
  </section>`;
}

function renderRow(person: RegisterPerson, context: ViewContext) {
  const {c, t, locale} = context;
  const s = person.signUp;
  const name = s.contact?.name ?? t('registerLeftName');
  return html`<li class="row">
    <h3 class="row-title">
      <button type="button" class="link-button" @click=${() => void c.register.open(person.reference)}>
        ${t('registerOpen', {name, reference: person.reference})}
      </button>
    </h3>
    ${person.leftAt ? html`<p>${t('registerLeft', {date: formatDate(person.leftAt, locale)})}</p>` : nothing}
    <dl class="facts">
      <div><dt>${t('registerWays')}</dt><dd>${labels(context, 'way', s.ways)}</dd></div>
      <div><dt>${t('registerTopics')}</dt><dd>${s.topics?.length ? s.topics.join(', ') : t('registerNothing')}</dd></div>
      <div><dt>${t('registerHelp')}</dt><dd>${labels(context, 'support', s.support)}</dd></div>
      ${s.contact
        ? html`<div><dt>${t('registerContactBy')}</dt><dd>${label(t, context.strings, 'method', s.contact.preferredMethod)}</dd></div>`
        : nothing}
      <div><dt>${t('registerNeeds')}</dt><dd>${labels(context, 'format', s.communicationNeeds)}</dd></div>
    </dl>
  </li>`;
}

function renderPerson(context: ViewContext) {
  const {c, t, locale} = context;
  const r = c.register;
  const person = r.person;
  const back = html`<p>
    <button type="button" class="link-button" id="register-back" @click=${() => void r.showList()}>${t('personBack')}</button>
  </p>`;
  if (!person)
    return html`<section class="view register-person" aria-labelledby="view-heading">
      ${back}
      <h2 id="view-heading" tabindex="-1">${r.loadingPerson ? t('personLoading') : t('registerHeading')}</h2>
      ${errorMessage('person-error', r.personError, t)}
    </section>`;
  const s = person.signUp;
  const name = s.contact?.name ?? t('registerLeftName');
  const contact = s.contact;
  const detail = contact
    ? contact.preferredMethod === 'email'
      ? contact.email
      : contact.preferredMethod === 'phone'
        ? contact.phone
        : contact.address
    : undefined;
  return html`<section class="view register-person" aria-labelledby="view-heading">
    ${back}
    <h2 id="view-heading" tabindex="-1">${t('personHeading', {name, reference: person.reference})}</h2>
    ${person.leftAt ? html`<p>${t('registerLeft', {date: formatDate(person.leftAt, locale)})}</p>` : nothing}
    <h3>${t('personDetails')}</h3>
    <dl class="facts">
      <div><dt>${t('registerSignedUp')}</dt><dd>${formatDate(person.receivedAt, locale)}</dd></div>
      ${s.service ? html`<div><dt>${t('registerService')}</dt><dd>${s.service}</dd></div>` : nothing}
      <div><dt>${t('registerWays')}</dt><dd>${labels(context, 'way', s.ways)}</dd></div>
      <div><dt>${t('registerTopics')}</dt><dd>${s.topics?.length ? s.topics.join(', ') : t('registerNothing')}</dd></div>
      <div><dt>${t('registerHelp')}</dt><dd>${labels(context, 'support', s.support)}</dd></div>
      ${s.supportDetail ? html`<div><dt>${t('registerHelpDetail')}</dt><dd class="prose">${s.supportDetail}</dd></div>` : nothing}
      <div><dt>${t('registerNeeds')}</dt><dd>${labels(context, 'format', s.communicationNeeds)}</dd></div>
      ${contact
        ? html`<div>
            <dt>${t('registerContactBy')}</dt>
            <dd>${label(t, context.strings, 'method', contact.preferredMethod)}: <span class="prose">${detail ?? ''}</span></dd>
          </div>`
        : nothing}
    </dl>
    ${renderLog(context, name)}
    ${renderLogForm(context)}
    ${renderErasePerson(context, name, person.reference)}
  </section>`;
}

/** Erasing a person: a button, then what will be lost and the choice to go ahead or keep them. */
function renderErasePerson(context: ViewContext, name: string, reference: string) {
  const {c, t} = context;
  const r = c.register;
  if (!r.confirmingErase)
    return html`<section class="panel erase-person" aria-labelledby="erase-person-title">
      <h3 id="erase-person-title">${t('personEraseHeading')}</h3>
      <p>${t('personEraseIntro')}</p>
      <button type="button" class="button danger" id="erase-person" @click=${() => r.askErase()}>${t('personEraseButton', {name})}</button>
    </section>`;
  return html`<section
    class="panel erase-person confirming"
    aria-labelledby="erase-person-heading"
    @keydown=${(event: KeyboardEvent) => {
      // Escape backs out, as it would close a dialog.
      if (event.key === 'Escape') r.cancelErase();
    }}
  >
    <h3 id="erase-person-heading" tabindex="-1">${t('personEraseConfirmHeading', {name, reference})}</h3>
    ${errorMessage('erase-person-error', r.eraseError, t)}
    <p>${t('personEraseWarning')}</p>
    <ul class="loses">
      <li>${t('personEraseLoseDetails')}</li>
      <li>${t('personEraseLoseHelp')}</li>
      <li>${t('personEraseLoseLog')}</li>
      <li>${t('personEraseLoseReference', {reference})}</li>
    </ul>
    <div class="actions">
      <button type="button" class="button danger" id="erase-person-confirm" @click=${() => void r.erase()}>
        ${r.erasing ? t('personErasing') : t('personEraseConfirm')}
      </button>
      <button type="button" class="button secondary" id="erase-person-cancel" @click=${() => r.cancelErase()}>${t('personEraseCancel')}</button>
    </div>
  </section>`;
}

function renderLog(context: ViewContext, name: string) {
  const {c, t, locale} = context;
  const log = c.register.log;
  const items = log?.items ?? [];
  return html`<h3 id="log-heading" tabindex="-1">${t('logHeading')}</h3>
    <p>${t('logIntro')}</p>
    ${items.length
      ? html`<div class="table-wrap">
            <table class="log">
              <caption>${t('logCaption', {name})}</caption>
              <thead>
                <tr>
                  <th scope="col">${t('logDate')}</th>
                  <th scope="col">${t('logActivity')}</th>
                  <th scope="col">${t('logWay')}</th>
                  <th scope="col">${t('logExpenses')}</th>
                  <th scope="col">${t('logNote')}</th>
                  <th scope="col">${t('logBy')}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (item) => html`<tr>
                    <td>${formatDate(item.date, locale)}</td>
                    <td>${item.activity}</td>
                    <td>${item.way ? label(t, context.strings, 'way', item.way) : ''}</td>
                    <td>${formatPence(item.expensesPence, locale)}</td>
                    <td>${item.note ?? ''}</td>
                    <td>${item.recordedBy}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          <p id="log-total"><strong>${t('logTotal', {amount: formatPence(log!.expensesPence, locale)})}</strong></p>`
      : html`<p id="log-empty">${t('logEmpty')}</p>`}`;
}

function renderLogForm(context: ViewContext) {
  const {c, t, strings} = context;
  const r = c.register;
  const problem = (field: LogField) => r.problems.find((p) => p.field === field)?.message ?? '';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '');
    const draft: LogDraft = {
      activity: value('activity'),
      way: value('way'),
      date: value('date'),
      expenses: value('expenses'),
      note: value('note'),
    };
    void r.addToLog(draft);
  };
  /** The parts every field shares: its hint and error, and the attributes that tie them to the control. */
  const described = (id: LogField, hint: boolean) => {
    const wrong = problem(id);
    return {
      wrong,
      describedBy: [hint ? `${id}-hint` : '', wrong ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
      error: wrong
        ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${wrong}</p>`
        : nothing,
    };
  };
  const activity = described('log-activity', true);
  const way = described('log-way', false);
  const date = described('log-date', true);
  const expenses = described('log-expenses', true);
  const note = described('log-note', true);
  return html`<form class="log-form panel" aria-labelledby="log-add-heading" @submit=${submit} novalidate>
    <h3 id="log-add-heading">${t('logAddHeading')}</h3>
    ${errorSummary('log-errors', r.problems, r.formError, t)}
    <div class="field ${activity.wrong ? 'field-invalid' : ''}">
      <label for="log-activity">${t('logActivity')}</label>
      <p id="log-activity-hint" class="hint">${t('logActivityHint')}</p>
      ${activity.error}
      <input id="log-activity" name="activity" type="text" maxlength=${INVOLVEMENT_LOG_LIMITS.activity} .value=${r.draft.activity}
        aria-describedby=${activity.describedBy} aria-invalid=${activity.wrong ? 'true' : 'false'} />
    </div>
    <div class="field ${way.wrong ? 'field-invalid' : ''}">
      <label for="log-way">${t('logWay')}</label>
      ${way.error}
      <select id="log-way" name="way" aria-describedby=${way.describedBy} aria-invalid=${way.wrong ? 'true' : 'false'}>
        <option value="" ?selected=${r.draft.way === ''}>${t('logWayNone')}</option>
        ${INVOLVEMENT_WAYS.map((v) => html`<option value=${v} ?selected=${r.draft.way === v}>${label(t, strings, 'way', v)}</option>`)}
      </select>
    </div>
    <div class="field ${date.wrong ? 'field-invalid' : ''}">
      <label for="log-date">${t('logDate')}</label>
      <p id="log-date-hint" class="hint">${t('logDateHint')}</p>
      ${date.error}
      <input id="log-date" name="date" type="date" .value=${r.draft.date}
        aria-describedby=${date.describedBy} aria-invalid=${date.wrong ? 'true' : 'false'} />
    </div>
    <div class="field ${expenses.wrong ? 'field-invalid' : ''}">
      <label for="log-expenses">${t('logExpenses')}</label>
      <p id="log-expenses-hint" class="hint">${t('logExpensesHint')}</p>
      ${expenses.error}
      <input id="log-expenses" name="expenses" type="text" inputmode="decimal" autocomplete="off" .value=${r.draft.expenses}
        aria-describedby=${expenses.describedBy} aria-invalid=${expenses.wrong ? 'true' : 'false'} />
    </div>
    <div class="field ${note.wrong ? 'field-invalid' : ''}">
      <label for="log-note">${t('logNote')}</label>
      <p id="log-note-hint" class="hint">${t('logNoteHint')}</p>
      ${note.error}
      <textarea id="log-note" name="note" rows="3" maxlength=${INVOLVEMENT_LOG_LIMITS.note} .value=${r.draft.note}
        aria-describedby=${note.describedBy} aria-invalid=${note.wrong ? 'true' : 'false'}></textarea>
    </div>
    <div class="actions">
      <button type="submit" class="button">${r.saving ? t('logSaving') : t('logAdd')}</button>
    </div>
  </form>`;
}
