// "Needs attention" in the inbox: the open complaints and concerns, each with what is due next and by when,
// overdue first (GET /v1/attention). "Only mine" keeps the complaints the signed-in person looks into.
import {html, nothing} from 'lit';
import type {AttentionItem} from './inbox-attention-state.js';
import {formatDate, label} from './inbox-format.js';
import type {InboxStrings} from './inbox-strings.js';
import {errorMessage, warningIcon, type ViewContext} from './inbox-view.js';

const NEXT_TEXT: Record<AttentionItem['next'], keyof InboxStrings> = {
  'look-at-concern': 'attentionConcern',
  acknowledge: 'attentionAcknowledge',
  reply: 'attentionReply',
  'agree-reply-date': 'attentionAgreeDate',
};

export function renderAttention(context: ViewContext) {
  const {c, t, strings, locale} = context;
  const a = c.attention;
  return html`<section class="view attention" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('attentionHeading')}</h2>
    <p>${t('attentionIntro')}</p>
    <div class="field">
      <div class="radio">
        <input
          type="checkbox"
          id="attention-mine"
          .checked=${a.mine}
          @change=${(event: Event) => a.setMine((event.currentTarget as HTMLInputElement).checked)}
        />
        <label for="attention-mine">${t('attentionMine')}</label>
      </div>
    </div>
    ${a.outbox?.failing
      ? html`<div class="panel notice" id="outbox-waiting">
          <p>${t('outboxFailing', {count: a.outbox.waiting, error: a.outbox.lastError ?? '?'})}</p>
        </div>`
      : nothing}
    ${errorMessage('attention-error', a.error, t)}
    <p class="results">
      ${a.loading ? t('loadingList') : a.items.length ? t('attentionCount', {count: a.items.length}) : t('attentionNone')}
    </p>
    ${a.items.length
      ? html`<ol class="rows">
          ${a.items.map((item) => {
            const kind = label(t, strings, 'kind', item.kind);
            return html`<li class="row ${item.overdue ? 'is-overdue' : ''}">
              <h3 class="row-title">
                <button type="button" class="link-button" @click=${() => void c.open(item.reference)}>
                  ${t('rowOpen', {kind, reference: item.reference})}
                </button>
              </h3>
              <dl class="facts">
                <div>
                  <dt>${t('attentionNext')}</dt>
                  <dd>
                    ${t(NEXT_TEXT[item.next], {date: item.due ? formatDate(item.due, locale) : ''})}
                    ${item.overdue ? html`<strong class="overdue-flag">${warningIcon}<span>${t('overdue')}</span></strong>` : nothing}
                  </dd>
                </div>
                <div>
                  <dt>${t('rowService')}</dt>
                  <dd>${item.service ?? t('notGiven')}</dd>
                </div>
                <div>
                  <dt>${t('attentionInvestigator')}</dt>
                  <dd>${item.investigator ?? t('notGiven')}</dd>
                </div>
              </dl>
            </li>`;
          })}
        </ol>`
      : nothing}
  </section>`;
}
