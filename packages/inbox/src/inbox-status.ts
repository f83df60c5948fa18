// The status part of the detail view: where it is now, the form to move it on with a note, and its history.
import {html, nothing} from 'lit';
import {NOTE_LIMIT, nextStatuses, STATUSES, type Status} from '@care-feedback/core/provider';
import type {InboxRecord} from './inbox-types.js';
import {formatDateTime, label} from './inbox-format.js';
import {renderAcknowledgeBy} from './inbox-list.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

/**
 * The statuses this form offers next: the contract's moves (forward along the workflow only). Possible
 * spam is released by its own button, not here.
 */
function statusChoices(status: string): Status[] {
  if (status === 'quarantined' || !(STATUSES as readonly string[]).includes(status)) return [];
  return nextStatuses(status as Status);
}

function renderHistory(record: InboxRecord, {t, strings, locale}: ViewContext) {
  const events = [
    ...record.steps.map((step) => ({
      at: step.at,
      kind: 'step' as const,
      status: step.status,
      text: '',
      by: '',
    })),
    ...record.notes.map((note) => ({
      at: note.at,
      kind: 'note' as const,
      status: '',
      text: note.text,
      by: note.by,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'step' ? -1 : 1));
  return html`
    <h4>${t('historyHeading')}</h4>
    ${
      events.length
        ? html`<ol class="history">
            ${events.map(
              (event) =>
                html`<li>
                  <span class="when">${formatDateTime(event.at, locale)}</span>
                  ${
                    event.kind === 'step'
                      ? html`<strong>${label(t, strings, 'status', event.status)}</strong>`
                      : html`<span class="by">${event.by}:</span>
                          <span class="multiline">${event.text}</span>`
                  }
                </li>`,
            )}
          </ol>`
        : html`<p>${t('historyEmpty')}</p>`
    }
  `;
}

export function renderStatus(record: InboxRecord, context: ViewContext) {
  const {c, t, strings} = context;
  const options = statusChoices(record.status);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void c
      .changeStatus(String(data.get('status') ?? ''), String(data.get('note') ?? ''))
      .then(() => {
        if (!c.statusError) form.reset();
      });
  };
  return html`
    <section aria-labelledby="status-heading">
      <h3 id="status-heading">${t('statusHeading')}</h3>
      <dl class="facts">
        <div>
          <dt>${t('statusNow')}</dt>
          <dd id="status-now" tabindex="-1">${label(t, strings, 'status', record.status)}</dd>
        </div>
        ${renderAcknowledgeBy(record, context)}
      </dl>
      ${
        record.quarantined
          ? nothing
          : options.length === 0
            ? html`<p>${t('statusFinal')}</p>`
            : html`<form class="status-form" @submit=${submit} novalidate>
                ${errorMessage('status-error', c.statusError, t)}
                <fieldset aria-describedby=${c.statusError ? 'status-error' : nothing}>
                  <legend>${t('statusChangeLegend')}</legend>
                  <div class="radios">
                    ${options.map(
                      (status) =>
                        html`<div class="radio">
                          <input type="radio" id="status-${status}" name="status" value=${status} />
                          <label for="status-${status}"
                            >${label(t, strings, 'status', status)}</label
                          >
                        </div>`,
                    )}
                  </div>
                </fieldset>
                <div class="field">
                  <label for="status-note">${t('statusNote')}</label>
                  <p id="status-note-hint" class="hint">${t('statusNoteHint')}</p>
                  <textarea
                    id="status-note"
                    name="note"
                    rows="4"
                    maxlength=${NOTE_LIMIT}
                    aria-describedby="status-note-hint"
                  ></textarea>
                </div>
                <button type="submit" class="button">
                  ${c.savingStatus ? t('statusSaving') : t('statusSave')}
                </button>
              </form>`
      }
      ${renderHistory(record, context)}
    </section>
  `;
}
