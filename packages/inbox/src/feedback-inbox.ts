// <care-feedback-inbox>: the provider's inbox to read, answer and report on feedback, over the collector's provider API.
import {html, LitElement, nothing, type PropertyValues} from 'lit';
import {property} from 'lit/decorators.js';
import {baseStyles} from '@care-feedback/elements/shared/styles';
import {getConfig} from '@care-feedback/elements/shared/config';
import {LocalizeController, type LocalizedHost} from '@care-feedback/elements/shared/localize';
import {InboxController, type InboxControllerHost} from './inbox-controller.js';
import {inboxStrings, type InboxStrings} from './inbox-strings.js';
import {inboxStyles} from './feedback-inbox.styles.js';
import {lettersStyles} from './inbox-letters.styles.js';
import {renderSignIn} from './inbox-sign-in.js';
import {renderList} from './inbox-list.js';
import {renderDetail} from './inbox-detail.js';
import {renderErase} from './inbox-erase.js';
import {renderReports} from './inbox-reports.js';
import {renderAnnualReport} from './inbox-annual-report.js';
import {renderEvidence} from './inbox-evidence.js';
import {learningStyles} from './inbox-learning.styles.js';
import {renderYouSaidList} from './inbox-you-said.js';
import {renderRecord} from './inbox-record.js';
import {renderAttention} from './inbox-attention.js';
import {renderThemesView} from './inbox-themes.js';
import {renderActionsView, renderOverdueActions} from './inbox-actions.js';
import {renderRegister} from './inbox-register.js';
import {renderConsultations} from './inbox-consultations.js';
import type {ViewContext} from './inbox-view.js';

/**
 * The provider's feedback inbox. Sign in with a provider token (kept in this tab's sessionStorage,
 * sent only in the Authorization header), then list, filter, search and page through feedback, open
 * one to read everything that was sent, move a complaint through its workflow with notes, see who
 * read or changed it, erase it, review possible spam, see reports and download a CSV.
 *
 * The collector serves it at `/inbox`; it also works inside a provider's own admin pages.
 *
 * @summary The provider's inbox for feedback.
 *
 * @fires care-inbox-change - After the collector saved a status change, a note, a release from possible spam or an erasure. Detail: `{reference, action, status?}`.
 *
 * @csspart base - The wrapper around the whole inbox.
 * @csspart header - The bar with the section buttons and "Sign out".
 *
 * @cssprop --care-inbox-max-width - The widest the inbox grows (default 60rem).
 * @cssprop --care-accent - Buttons, links and the positive bars of the chart.
 * @cssprop --care-color-error - Errors, "Overdue" flags and the erase button.
 * @cssprop --care-focus-color - The focus ring.
 */
export class CareFeedbackInbox extends LitElement implements LocalizedHost, InboxControllerHost {
  static override styles = [baseStyles, inboxStyles, learningStyles, lettersStyles];

  /** The collector's base URL, e.g. `https://collector.example/v1`. Default: this page's origin + `/v1`. */
  @property() endpoint?: string;
  /** How many pieces of feedback to list on one page (1 to 500). */
  @property({type: Number, attribute: 'page-size'}) pageSize = 20;
  /** Language of the inbox; `en-GB` by default. */
  @property() locale?: string;
  /** `easy` for easy-read wording, where a catalogue has it. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  /** Replacements for single strings, by key. */
  @property({type: Object, attribute: false}) strings?: Partial<InboxStrings>;

  private readonly i18n = new LocalizeController<InboxStrings>(
    this,
    'feedback-inbox',
    inboxStrings,
  );
  private readonly inbox = new InboxController(this);

  /** @internal The endpoint in use. */
  get endpointUrl(): string {
    const chosen = this.endpoint || (getConfig().endpoint as string | undefined);
    return (chosen || `${location.origin}/v1`).replace(/\/+$/, '');
  }

  /** @internal */
  readonly t = (
    key: keyof InboxStrings & string,
    values?: Record<string, string | number>,
  ): string => this.i18n.t(key, values);

  /** @internal */
  focusAfterRender(id: string): void {
    void this.updateComplete.then(() => {
      const target = this.renderRoot.querySelector<HTMLElement>(`#${id}`);
      target?.focus();
    });
  }

  /** Signs out: forgets the token for this tab and shows the sign-in form. */
  signOut(): void {
    this.inbox.signOut();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different collector means a different token: start again signed out.
    if (
      changed.has('endpoint') &&
      changed.get('endpoint') !== undefined &&
      this.inbox.api &&
      this.inbox.api.endpoint !== this.endpointUrl
    ) {
      this.inbox.api = undefined;
      this.inbox.view = 'sign-in';
    }
  }

  private renderHeader() {
    const c = this.inbox;
    const t = this.t;
    const section =
      c.view === 'reports' || c.view === 'you-said' || c.view === 'record' || c.view === 'attention' ||
      c.view === 'annual-report' || c.view === 'evidence' ||
      c.view === 'themes' || c.view === 'actions' ||
      c.view === 'register' || c.view === 'consultations'
        ? c.view
        : c.filters.quarantined
          ? 'spam'
          : 'inbox';
    const navItem = (name: typeof section, label: string, go: () => void) =>
      html`<li>
        <button
          type="button"
          class="nav-button"
          aria-current=${section === name ? 'page' : 'false'}
          @click=${go}
        >
          ${label}
        </button>
      </li>`;
    return html`
      <header class="bar" part="header">
        <nav aria-label=${t('navLabel')}>
          <ul class="nav">
            ${navItem('inbox', t('navInbox'), () =>
              c.showList({...c.filters, quarantined: false, status: ''}),
            )}
            ${navItem('attention', t('navAttention'), () => void c.showAttention())}
            ${navItem('spam', t('navSpam'), () =>
              c.showList({...c.filters, quarantined: true, status: ''}),
            )}
            ${navItem('reports', t('navReports'), () => void c.showReports())}
            ${navItem('annual-report', t('navAnnualReport'), () => void c.showAnnualReport())}
            ${navItem('evidence', t('navEvidence'), () => void c.showEvidence())}
            ${navItem('you-said', t('navYouSaid'), () => void c.showYouSaid())}
            ${navItem('record', t('navRecord'), () => c.showRecord())}
            ${navItem('themes', t('navThemes'), () => void c.themes.show())}
            ${navItem('actions', t('navActions'), () => void c.actions.show())}
            ${navItem('register', t('navRegister'), () => void c.showRegister())}
            ${navItem('consultations', t('navConsultations'), () => void c.showConsultations())}
          </ul>
        </nav>
        <button type="button" class="button secondary sign-out" @click=${() => this.signOut()}>
          ${t('signOut')}
        </button>
      </header>
    `;
  }

  private renderView(context: ViewContext) {
    switch (this.inbox.view) {
      case 'sign-in':
        return renderSignIn(context);
      case 'list':
        return renderList(context);
      case 'detail':
        return renderDetail(context);
      case 'erase':
        return renderErase(context);
      case 'reports':
        return renderReports(context);
      case 'you-said':
        return renderYouSaidList(context);
      case 'record':
        return renderRecord(context);
      case 'attention':
        return html`${renderAttention(context)}${renderOverdueActions(context)}`;
      case 'annual-report':
        return renderAnnualReport(context);
      case 'evidence':
        return renderEvidence(context);
      case 'themes':
        return renderThemesView(context);
      case 'actions':
        return renderActionsView(context);
      case 'register':
        return renderRegister(context);
      case 'consultations':
        return renderConsultations(context);
    }
  }

  override render() {
    const context: ViewContext = {
      c: this.inbox,
      t: this.t,
      strings: this.i18n.strings,
      locale: this.i18n.locale,
    };
    return html`
      <div class="inbox" part="base" lang=${this.i18n.locale} dir=${this.i18n.dir}>
        ${this.inbox.view === 'sign-in' ? nothing : this.renderHeader()}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
          ${this.inbox.announcement}
        </div>
        ${this.renderView(context)}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-feedback-inbox': CareFeedbackInbox;
  }
}
