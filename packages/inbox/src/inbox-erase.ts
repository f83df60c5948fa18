// The erase confirmation: names what will be lost for good before anything is deleted.
import {html, nothing} from 'lit';
import type {ViewContext} from './inbox-view.js';
import {errorMessage} from './inbox-view.js';

export function renderErase({c, t}: ViewContext) {
  const record = c.record;
  if (!record) return nothing;
  const s = record.submission;
  const needs = Array.isArray(s.communicationNeeds) && s.communicationNeeds.length > 0;
  const name = s.contact?.name || s.contact?.email || s.contact?.phone || '';
  return html`
    <section
      class="view erase"
      aria-labelledby="view-heading"
      @keydown=${(event: KeyboardEvent) => {
        // Escape backs out of the confirmation, as it would close a dialog.
        if (event.key === 'Escape' && !c.erasing) c.cancelErase();
      }}
    >
      <h2 id="view-heading" tabindex="-1">${t('eraseHeading', {reference: record.reference})}</h2>
      ${errorMessage('detail-error', c.detailError, t)}
      <p>${t('eraseIntro')}</p>
      <ul class="loses">
        <li>${t('eraseLoseMessage')}</li>
        <li>${s.contact ? t('eraseLoseContact', {name}) : t('eraseLoseContactAnonymous')}</li>
        ${needs ? html`<li>${t('eraseLoseNeeds')}</li>` : nothing}
        <li>${t('eraseLoseStatus')}</li>
        <li>${t('eraseLoseReference', {reference: record.reference})}</li>
      </ul>
      <div class="actions">
        <button type="button" class="button danger" @click=${() => void c.erase()}>
          ${c.erasing ? t('erasing') : t('eraseConfirm')}
        </button>
        <button type="button" class="button secondary" @click=${() => c.cancelErase()}>
          ${t('eraseCancel')}
        </button>
      </div>
    </section>
  `;
}
