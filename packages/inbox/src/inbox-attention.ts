// "Needs attention" in the inbox: the open complaints and concerns, each with what is due next and by when,
// overdue first (GET /v1/attention). "Only mine" keeps the complaints the signed-in person looks into.
import {html, nothing} from 'lit';
import type {InboxController} from './inbox-controller.js';
import {formatDate, label} from './inbox-format.js';
import type {InboxStrings} from './inbox-strings.js';
import {errorMessage, warningIcon, type ViewContext} from './inbox-view.js';

export interface AttentionItem {
  reference: string;
  kind: string;
  status: string;
  service: string | null;
  receivedAt: string;
  next: 'look-at-concern' | 'acknowledge' | 'reply' | 'agree-reply-date';
  due: string | null;
  overdue: boolean;
  investigator: string | null;
}

const NEXT_TEXT: Record<AttentionItem['next'], keyof InboxStrings> = {
  'look-at-concern': 'attentionConcern',
  acknowledge: 'attentionAcknowledge',
  reply: 'attentionReply',
  'agree-reply-date': 'attentionAgreeDate',
};

/** The list's state; the inbox controller owns one. */
export class AttentionState {
  items: AttentionItem[] = [];
  loading = false;
  error = '';
  mine = false;
  /** E-mails waiting in the collector's outbox after a failed try (the mail server may be down). */
  outbox: {waiting: number; failing: number; lastError: string | null} | undefined;

  constructor(private readonly c: InboxController) {}

  async load(): Promise<void> {
    const c = this.c;
    if (!c.api) return;
    this.loading = true;
    this.error = '';
    c.announce(c.t('loadingList'));
    c.refresh();
    try {
      [this.items, this.outbox] = await Promise.all([
        c.api.attention(this.mine) as Promise<AttentionItem[]>,
        // Not knowing what waits must not hide the list.
        c.api.outbox().catch(() => undefined),
      ]);
      c.announce(this.items.length ? c.t('attentionCount', {count: this.items.length}) : c.t('attentionNone'));
    } catch (error) {
      this.items = [];
      this.error = c.explain(error);
      c.announce(this.error);
    }
    this.loading = false;
    c.refresh();
  }

  setMine(mine: boolean): void {
    this.mine = mine;
    void this.load();
  }
}

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
