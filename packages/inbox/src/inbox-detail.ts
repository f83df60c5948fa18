// The detail view: everything the person sent, as text, with how to reply shown first.
import {html, nothing} from 'lit';
import type {InboxRecord} from './inbox-types.js';
import {formatDateTime, label} from './inbox-format.js';
import {renderStatus} from './inbox-status.js';
import {renderComplaintRecord} from './inbox-complaint.js';
import {renderAudit} from './inbox-audit.js';
import {renderYouSaidForm} from './inbox-you-said.js';
import {renderItemThemes} from './inbox-themes.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

/** A term and its value; left out when there is no value, so the list holds only what was sent. */
function fact(term: string, value: unknown) {
  if (value === undefined || value === null || value === '') return nothing;
  return html`<div>
    <dt>${term}</dt>
    <dd>${String(value)}</dd>
  </div>`;
}

function renderReply(record: InboxRecord, {t, strings}: ViewContext) {
  const s = record.submission;
  const contact = s.contact;
  const needs = Array.isArray(s.communicationNeeds) ? s.communicationNeeds : [];
  return html`
    <section class="panel reply" aria-labelledby="reply-heading">
      <h3 id="reply-heading">${t('replyHeading')}</h3>
      ${
        contact
          ? html`
              ${s.consent?.contact === false ? html`<p class="warning-text">${t('noContactConsent')}</p>` : nothing}
              <dl class="facts stacked">
                ${fact(t('contactName'), contact.name)}
                ${
                  contact.email
                    ? html`<div>
                        <dt>${t('contactEmail')}</dt>
                        <dd><a href=${`mailto:${contact.email}`}>${contact.email}</a></dd>
                      </div>`
                    : nothing
                }
                ${
                  contact.phone
                    ? html`<div>
                        <dt>${t('contactPhone')}</dt>
                        <dd>
                          <a href=${`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}
                            >${contact.phone}</a
                          >
                        </dd>
                      </div>`
                    : nothing
                }
                ${
                  contact.address
                    ? html`<div>
                        <dt>${t('contactAddress')}</dt>
                        <dd class="multiline">${contact.address}</dd>
                      </div>`
                    : nothing
                }
                ${fact(t('contactPreferred'), label(t, strings, 'method', contact.preferredMethod))}
              </dl>
            `
          : html`<p>${t('anonymous')}</p>`
      }
      <h4>${t('needsHeading')}</h4>
      ${
        needs.length
          ? html`<ul class="needs">
              ${needs.map((need) => html`<li>${label(t, strings, 'need', need)}</li>`)}
            </ul>`
          : html`<p>${t('needsNone')}</p>`
      }
      ${
        s.communicationNeedsDetail
          ? html`<p>
              <strong>${t('needsDetail')}:</strong>
              <span class="multiline">${s.communicationNeedsDetail}</span>
            </p>`
          : nothing
      }
    </section>
  `;
}

function renderSaid(record: InboxRecord, {t}: ViewContext) {
  const s = record.submission;
  return html`
    <section aria-labelledby="said-heading">
      <h3 id="said-heading">${t('saidHeading')}</h3>
      <h4>${t('message')}</h4>
      <p class="multiline quote">${s.message ?? ''}</p>
      ${
        s.improvement
          ? html`<h4>${t('improvement')}</h4>
              <p class="multiline quote">${s.improvement}</p>`
          : nothing
      }
    </section>
  `;
}

function renderDetails(record: InboxRecord, {t, strings, locale}: ViewContext) {
  const s = record.submission;
  const publish = s.consent?.publish;
  return html`
    <section aria-labelledby="details-heading">
      <h3 id="details-heading">${t('detailsHeading')}</h3>
      <dl class="facts stacked">
        ${fact(t('detailReference'), record.reference)}
        ${fact(t('detailKind'), label(t, strings, 'kind', s.kind))}
        ${fact(t('detailRating'), s.rating ? label(t, strings, 'rating', s.rating) : t('noRating'))}
        ${fact(t('detailService'), s.service || t('notGiven'))}
        ${fact(t('detailRelationship'), label(t, strings, 'relationship', s.relationship))}
        ${fact(t('detailReceived'), formatDateTime(record.receivedAt, locale))}
        ${fact(t('detailWritten'), formatDateTime(s.createdAt, locale))}
        ${fact(t('detailLanguage'), s.locale)}
        ${fact(t('detailPage'), [s.page?.title, s.page?.url].filter(Boolean).join(' — '))}
        ${fact(t('detailCharter'), s.charterRight)}
        ${fact(t('detailPublish'), publish === true ? t('yes') : t('no'))}
      </dl>
    </section>
  `;
}

export function renderDetail(context: ViewContext) {
  const {c, t, strings} = context;
  const record = c.record;
  const kind = record ? label(t, strings, 'kind', record.submission.kind) : '';
  return html`
    <section class="view detail" aria-labelledby="view-heading">
      <p>
        <button type="button" class="link-button back" @click=${() => c.showList()}>
          ${t('backToList')}
        </button>
      </p>
      <h2 id="view-heading" tabindex="-1">
        ${record ? t('detailHeading', {kind, reference: record.reference}) : t('loading')}
      </h2>
      ${errorMessage('detail-error', c.detailError, t)}
      ${
        record
          ? html`
              ${
                record.quarantined
                  ? html`<div class="panel notice">
                      <p>${t('heldNotice')}</p>
                      ${record.spamReason ? html`<p>${label(t, strings, 'spam', record.spamReason)}</p>` : nothing}
                      <button type="button" class="button" @click=${() => void c.release()}>
                        ${t('release')}
                      </button>
                    </div>`
                  : nothing
              }
              ${renderReply(record, context)} ${renderSaid(record, context)}
              ${renderStatus(record, context)}
              ${record.quarantined ? nothing : renderComplaintRecord(record, context)}
              ${record.quarantined ? nothing : renderItemThemes(record, context)}
              ${record.quarantined ? nothing : renderYouSaidForm(record, context)}
              ${renderDetails(record, context)} ${renderAudit(context)}
              <p>
                <button
                  id="erase-button"
                  type="button"
                  class="button danger"
                  @click=${() => c.askToErase()}
                >
                  ${t('eraseButton')}
                </button>
              </p>
            `
          : nothing
      }
    </section>
  `;
}
