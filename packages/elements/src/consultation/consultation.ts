// <care-consultation>: a provider asks people about a plan; once decided, "We asked, you said, we did".
import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {keyed} from 'lit/directives/keyed.js';
import {styleMap} from 'lit/directives/style-map.js';
import {newSubmissionId} from '@care-feedback/core/schema/submission-id';
import type {ConsultationQuestion, Proposal, PublicConsultation} from '@care-feedback/core/schema/consultation';
import type {ConsultationFieldError as FieldError} from '@care-feedback/core/schema/consultation-messages';
import type {Submission} from '@care-feedback/core/schema/submission';
import type {DeliveryState, DraftStore, Persistence, Transport, TransportStatusEventDetail} from '@care-feedback/core/transport';
import {baseStyles} from '../shared/styles.js';
import {getConfig} from '../shared/config.js';
import {devWarn} from '../shared/dev.js';
import {LocalizeController, type Catalog} from '../shared/localize.js';
import {announceOnce, draftStoreFor, transportFor} from '../shared/delivery.js';
import {CareDeliveredEvent} from '../events/care-delivered.js';
import {CareFailedEvent} from '../events/care-failed.js';
import {CareQueuedEvent} from '../events/care-queued.js';
import {consultationStyles} from './consultation.styles.js';
import {consultationStrings, type ConsultationStrings} from './strings.js';
import {
  CONSULTATION_CONTACT_METHODS,
  emptyAnswers,
  problemsWith,
  responseBody,
  reviveDraft,
  type ConsultationAnswers,
} from './answers.js';

type Key = keyof ConsultationStrings & string;
type Phase = 'loading' | 'missing' | 'unreachable' | 'form' | 'closed' | 'done' | 'failed' | 'decided';
type Delivery =
  | {status: 'delivered'; id: string; reference?: string}
  | {status: 'queued'; id: string; persistence: Persistence};

const PROPOSAL_PARTS = ['plan', 'why', 'changes', 'when'] as const;

/** The id of a question's first control: where an error about it is shown and linked to. */
const questionField = (question: Pick<ConsultationQuestion, 'id' | 'type' | 'options'>) =>
  question.type === 'choice'
    ? `cq-q-${question.id}-${question.options?.[0]?.id ?? ''}`
    : question.type === 'scale'
      ? `cq-q-${question.id}-1`
      : `cq-q-${question.id}`;

/**
 * A consultation: a provider's plan in plain words (what we plan, why, what changes for you, and
 * when), with an easy-read version and glossary words explained, the questions (a choice, a scale,
 * free text) and the closing date. A person answers anonymously or with their contact details; the
 * answers go through the same offline-safe queue as feedback, to
 * `<endpoint>/consultations/<slug>/responses`, and what they type is kept as a draft on the device
 * until it is sent. Once the provider has decided, the same element shows "We asked, you said, we
 * did": the plan, the answers counted, the decision and what changed.
 *
 * @fires care-queued - The answers are kept on the device and will be sent later. `detail: {id, persistence}`.
 * @fires care-delivered - The collector stored them. `detail: {id, reference}`.
 * @fires care-failed - They will not be sent (for example, the consultation closed first). `detail: {id, reason, errors}`.
 * @csspart base - The wrapper around everything.
 * @csspart proposal - The plan in plain words.
 * @csspart error-summary - The list of problems at the top.
 * @csspart button - The Send and Try again buttons.
 * @csspart confirmation - The box with the reference once sent.
 * @csspart results - "We asked, you said, we did".
 * @cssprop --care-accent - Button, radio and bar colour.
 * @cssprop --care-color-error - Error colour.
 * @cssprop --care-color-success - The done box's border.
 */
export class CareConsultation extends LitElement {
  static override styles = [baseStyles, consultationStyles];

  /** The consultation's slug, as the provider named it, e.g. `visit-times-north`. */
  @property() consultation?: string;

  /** Collector base URL, e.g. `https://collector.example/v1`; else the page's configure({endpoint}). */
  @property() endpoint?: string;

  /** `en-GB` (default), `cy`, `ur`. */
  @property() locale?: string;

  /** `easy` for easy-read wording, and the provider's easy-read version of the plan. */
  @property({attribute: 'reading-level'}) readingLevel?: string;

  /** `none` keeps nothing on the device (shared computers): no draft, and answers sent offline wait only while the page is open. */
  @property() storage?: 'local' | 'none';

  /** Replacements for single strings, by key (see consultation/strings.ts). */
  @property({attribute: false}) strings?: Partial<Catalog>;

  /**
   * A consultation to show as it is, instead of loading one: the provider's inbox previews a draft "as
   * people will see it" this way. With it, nothing is kept on the device and no answers are sent.
   */
  @property({attribute: false}) preview?: PublicConsultation;

  @state() private phase: Phase = 'loading';
  @state() private data?: PublicConsultation;
  @state() private errors: FieldError[] = [];
  @state() private sending = false;
  @state() private delivery?: Delivery;
  @state() private late = false;
  @state() private a: ConsultationAnswers = emptyAnswers();

  private responseId = newSubmissionId();
  private startedAt = Date.now();
  private hasDraft = false;
  private draftStore?: DraftStore<unknown>;
  private watched?: Transport;
  private focusNext?: 'summary' | 'heading';
  private loadedFor?: string;
  private readonly localize = new LocalizeController<ConsultationStrings>(this, 'consultation', consultationStrings);

  private t(key: Key, values?: Record<string, string | number>): string {
    return this.localize.t(key, values);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
  }

  private get endpointUrl(): string | undefined {
    return (this.endpoint || getConfig().endpoint || '').replace(/\/+$/, '') || undefined;
  }

  private get storageChoice(): 'local' | 'none' {
    return (this.storage ?? getConfig().storage) === 'none' ? 'none' : 'local';
  }

  private get easy(): boolean {
    return this.localize.easyRead;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (this.preview) {
      if (changed.has('preview')) {
        this.data = this.preview;
        this.errors = [];
        this.phase = this.preview.status === 'decided' ? 'decided' : this.preview.status === 'closed' ? 'closed' : 'form';
      }
      return;
    }
    const key = `${this.endpointUrl ?? ''} ${this.consultation ?? ''}`;
    if ((changed.has('consultation') || changed.has('endpoint')) && key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  /** Loads the consultation again (after a network problem, or to see whether it has been decided). */
  async load(): Promise<void> {
    const endpoint = this.endpointUrl;
    const slug = this.consultation;
    if (!endpoint || !slug) {
      devWarn('<care-consultation> needs an endpoint (attribute or configure) and a consultation attribute.');
      this.phase = 'missing';
      return;
    }
    this.phase = 'loading';
    try {
      const response = await fetch(`${endpoint}/consultations/${encodeURIComponent(slug)}`, {credentials: 'omit'});
      if (response.status === 404) {
        this.phase = 'missing';
        return;
      }
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      this.data = (await response.json()) as PublicConsultation;
    } catch (error) {
      devWarn('Could not load the consultation.', error);
      this.phase = 'unreachable';
      return;
    }
    this.openDraft();
    this.phase = this.data.status === 'decided' ? 'decided' : this.data.accepting ? 'form' : 'closed';
  }

  // ---- drafts -------------------------------------------------------------------------------------

  private openDraft(): void {
    this.draftStore = draftStoreFor<unknown>(`care-consultation:${this.consultation}`, this.storageChoice);
    const draft = reviveDraft(this.draftStore.load());
    this.hasDraft = draft !== undefined;
    if (draft) {
      this.responseId = draft.id;
      this.startedAt = draft.startedAt;
      this.a = draft.answers;
    }
  }

  private changed(): void {
    this.hasDraft = true;
    this.draftStore?.save({v: 1, id: this.responseId, startedAt: this.startedAt, answers: this.a});
    this.requestUpdate();
  }

  private forgetDraft(): void {
    this.draftStore?.clear();
    this.hasDraft = false;
  }

  // ---- sending ------------------------------------------------------------------------------------

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.sending || !this.data) return;
    const body = responseBody(this.data, this.a, {
      id: this.responseId,
      locale: this.localize.locale,
      startedAt: this.startedAt,
      honeypot: this.renderRoot.querySelector<HTMLInputElement>('#cq-website')?.value ?? '',
      now: new Date(),
    });
    const {value, errors} = problemsWith(this.data, this.a, body);
    if (!value) {
      this.showErrors(errors);
      return;
    }
    // A preview shows the errors people would see, and sends nothing.
    if (this.preview) return;
    this.errors = [];
    const endpoint = this.endpointUrl!;
    this.sending = true;
    try {
      const transport = transportFor(endpoint, this.storageChoice, `consultations/${encodeURIComponent(this.data.slug)}/responses`);
      this.watch(transport);
      // The transport keeps and posts any body with an id; its types name the feedback it was made for.
      this.finish(await transport.send(value as unknown as Submission));
    } catch (error) {
      devWarn('Could not send the answers.', error);
      this.finish({id: value.id, status: 'failed', attempts: 0, reason: 'rejected'});
    } finally {
      this.sending = false;
    }
  };

  private finish(state: DeliveryState): void {
    if (state.id !== this.responseId) return;
    if (state.status === 'delivered') {
      this.delivery = {status: 'delivered', id: state.id, reference: state.reference};
      this.forgetDraft();
      this.show('done');
      announceOnce(this, new CareDeliveredEvent({id: state.id, reference: state.reference ?? ''}));
      this.unwatch();
      return;
    }
    if (state.status === 'queued' || state.status === 'sending') {
      const persistence = this.watched?.persistence ?? 'memory';
      this.delivery = {status: 'queued', id: state.id, persistence};
      // The queue holds the answers now; the draft would only send them twice.
      this.forgetDraft();
      this.show('done');
      announceOnce(this, new CareQueuedEvent({id: state.id, persistence}));
      return;
    }
    announceOnce(this, new CareFailedEvent({id: state.id, reason: state.reason ?? 'rejected', errors: state.errors ?? []}));
    this.unwatch();
    // That id is spent; the answers stay, kept as a draft, and sending again is a new response.
    this.responseId = newSubmissionId();
    this.delivery = undefined;
    this.changed();
    if (state.httpStatus === 409) {
      // It closed before the answers reached the collector.
      this.late = true;
      this.show('closed');
    } else if (state.errors?.length) {
      this.phase = 'form';
      this.showErrors(state.errors);
    } else this.show('failed');
  }

  private readonly onTransportStatus = (event: Event): void => {
    const state = (event as CustomEvent<TransportStatusEventDetail>).detail;
    if (this.delivery?.status !== 'queued' || state.id !== this.delivery.id) return;
    if (state.status === 'delivered' || state.status === 'failed') this.finish(state);
  };

  private watch(transport: Transport): void {
    if (this.watched === transport) return;
    this.unwatch();
    this.watched = transport;
    transport.addEventListener('care-transport-status', this.onTransportStatus);
  }

  private unwatch(): void {
    this.watched?.removeEventListener('care-transport-status', this.onTransportStatus);
    this.watched = undefined;
  }

  private show(phase: Phase): void {
    this.phase = phase;
    this.focusNext = 'heading';
  }

  private readonly tryAgain = (): void => {
    if (this.phase === 'failed') this.show('form');
    else void this.load().then(() => (this.focusNext = 'heading'));
  };

  // ---- errors -------------------------------------------------------------------------------------

  /** The control an error is shown beside and linked to, by the error's path. */
  private fieldFor(path: string): string | undefined {
    const [top, second] = path.split('.');
    if (top === 'answers') {
      const question = this.data?.questions.find((q) => q.id === second);
      return question ? questionField(question) : undefined;
    }
    if (top === 'contact') {
      if (second === 'email' || second === 'phone') return `cq-${second}`;
      if (second === 'preferredMethod') return 'cq-method-email';
      return 'cq-name';
    }
    if (path === 'consent.contact') return 'cq-contact-consent';
    if (top === 'consent') return 'cq-consent';
    return undefined;
  }

  private showErrors(errors: FieldError[]): void {
    const order = [...this.renderRoot.querySelectorAll('[id^="cq-"]')].map((el) => el.id);
    const seen = new Set<string>();
    this.errors = errors
      .filter((error) => {
        const key = this.fieldFor(error.path) ?? error.path;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => order.indexOf(this.fieldFor(a.path) ?? '') - order.indexOf(this.fieldFor(b.path) ?? ''));
    this.focusNext = 'summary';
  }

  private errorText(error: FieldError): string {
    const [top, second] = error.path.split('.');
    if (top === 'answers') {
      const question = this.data?.questions.find((q) => q.id === second);
      const words = question ? this.questionText(question) : '';
      const key = `error.${error.code}` as Key;
      return key in consultationStrings ? this.t(key, {question: words}) : this.t('error.other');
    }
    if (error.path === 'consent.contact') return this.t('error.contactConsent');
    if (top === 'consent') return this.t('error.consent');
    if (error.path === 'contact.name' && error.code !== 'contact.name.invalid') return this.t('error.contact.name');
    const key = `error.${error.code}` as Key;
    return key in consultationStrings ? this.t(key) : this.t('error.other');
  }

  private errorFor(field: string): FieldError | undefined {
    return this.errors.find((error) => this.fieldFor(error.path) === field);
  }

  private errorMessage(field: string, error: FieldError | undefined): TemplateResult | typeof nothing {
    return error
      ? html`<p class="error-message" id="${field}-error">
          <span class="visually-hidden">${this.t('error.prefix')}</span> ${this.errorText(error)}
        </p>`
      : nothing;
  }

  override updated(): void {
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = undefined;
    this.renderRoot.querySelector<HTMLElement>(target === 'summary' ? '.error-summary' : 'h2')?.focus();
  }

  // ---- showing ------------------------------------------------------------------------------------

  private questionText(question: ConsultationQuestion): string {
    return this.easy && question.easyText ? question.easyText : question.text;
  }

  private formatDate(iso: string): string {
    try {
      return new Intl.DateTimeFormat(this.localize.locale, {dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London'}).format(new Date(iso));
    } catch {
      return new Date(iso).toUTCString();
    }
  }

  override render(): TemplateResult {
    return html`<div class="base" part="base" lang=${this.localize.locale} dir=${this.localize.dir}>
      ${this.renderPhase()}
    </div>`;
  }

  private renderPhase(): TemplateResult {
    switch (this.phase) {
      case 'loading':
        return html`<p role="status">${this.t('loading')}</p>`;
      case 'missing':
      case 'unreachable':
        return html`<h2 tabindex="-1">${this.t('load.failed.heading')}</h2>
          <p>${this.phase === 'missing' ? this.t('load.missing.text') : this.t('load.failed.text')}</p>
          <button type="button" part="button" @click=${this.tryAgain}>${this.t('load.again')}</button>`;
      case 'form':
        return this.renderForm();
      case 'closed':
        return this.renderClosed();
      case 'done':
        return this.renderDone();
      case 'failed':
        return html`<h2 tabindex="-1">${this.t('failed.heading')}</h2>
          <p>${this.t('failed.text')}</p>
          <button type="button" part="button" @click=${this.tryAgain}>${this.t('failed.again')}</button>`;
      case 'decided':
        return this.renderDecided();
    }
  }

  /** The plan in plain words, with glossary terms explained by <care-jargon-scan>. */
  private renderProposal(headingLevel: 'h3' | 'h4' = 'h3'): unknown {
    const data = this.data!;
    const proposal: Proposal = this.easy && data.easyRead ? data.easyRead : data.proposal;
    const heading = (text: string) => (headingLevel === 'h3' ? html`<h3>${text}</h3>` : html`<h4>${text}</h4>`);
    // Keyed, so other words (easy read, a reload) are new nodes for the scan, never ones it has split.
    return keyed(
      `${data.slug} ${data.updatedAt} ${this.easy} ${this.localize.locale}`,
      html`<care-jargon-scan
        part="proposal"
        class="proposal"
        locale=${this.localize.locale}
        reading-level=${this.easy ? 'easy' : nothing}
      >
        ${PROPOSAL_PARTS.map(
          (part) => html`${heading(this.t(`proposal.${part}`))}
            <p class="words">${proposal[part]}</p>`,
        )}
      </care-jargon-scan>`,
    );
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="cq-summary-title">
      <h2 id="cq-summary-title">${this.t('errorSummary.title')}</h2>
      <ul>
        ${this.errors.map((error) => {
          const field = this.fieldFor(error.path);
          return html`<li>
            ${field
              ? html`<a
                  href="#${field}"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
                  }}
                  >${this.errorText(error)}</a
                >`
              : this.errorText(error)}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderQuestion(question: ConsultationQuestion): TemplateResult {
    const field = questionField(question);
    const error = this.errorFor(field);
    const words = this.questionText(question);
    const optional = question.required ? nothing : html` <span class="optional">${this.t('optional')}</span>`;
    const hintId = question.hint ? `cq-q-${question.id}-hint` : undefined;
    const describedBy = [hintId, error && `${field}-error`].filter(Boolean).join(' ') || nothing;
    const hint = question.hint ? html`<p class="hint" id=${hintId!}>${question.hint}</p>` : nothing;
    if (question.type === 'text') {
      const value = (this.a.answers[question.id] as string | undefined) ?? '';
      return html`<div class="field question ${error ? 'field--error' : ''}">
        <label for=${field}>${words}${optional}</label>
        ${hint} ${this.errorMessage(field, error)}
        <textarea
          id=${field}
          rows="5"
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy}
          .value=${value}
          @input=${(event: Event) => {
            this.a.answers[question.id] = (event.target as HTMLTextAreaElement).value;
            this.changed();
          }}
        ></textarea>
      </div>`;
    }
    const choices =
      question.type === 'choice'
        ? (question.options ?? []).map((option) => ({value: option.id as string | number, id: `cq-q-${question.id}-${option.id}`, label: option.label}))
        : Array.from({length: question.scale!.max}, (_, i) => {
            const n = i + 1;
            const end = n === 1 ? question.scale!.minLabel : n === question.scale!.max ? question.scale!.maxLabel : undefined;
            return {value: n as string | number, id: `cq-q-${question.id}-${n}`, label: end ? this.t('scale.end', {n, label: end}) : String(n)};
          });
    return html`<fieldset
      class="question ${question.type === 'scale' ? 'scale' : ''} ${error ? 'group--error' : ''}"
      aria-describedby=${describedBy}
    >
      <legend>${words}${optional}</legend>
      ${hint} ${this.errorMessage(field, error)}
      <div class="choices">
        ${choices.map(
          (choice) => html`<div class="choice">
            <input
              type="radio"
              id=${choice.id}
              name="cq-q-${question.id}"
              .checked=${this.a.answers[question.id] === choice.value}
              @change=${() => {
                this.a.answers[question.id] = choice.value;
                this.changed();
              }}
            />
            <label for=${choice.id}>${choice.label}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private textField(id: string, label: string, key: 'name' | 'email' | 'phone', type: 'text' | 'email' | 'tel', autocomplete: string): TemplateResult {
    const error = this.errorFor(id);
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      ${this.errorMessage(id, error)}
      <input
        id=${id}
        type=${type}
        autocomplete=${autocomplete}
        spellcheck="false"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${this.a[key]}
        @input=${(event: Event) => {
          this.a[key] = (event.target as HTMLInputElement).value;
          this.changed();
        }}
      />
    </div>`;
  }

  private checkbox(id: string, label: string, key: 'consent' | 'contactConsent', hintId?: string): TemplateResult {
    const error = this.errorFor(id);
    return html`${this.errorMessage(id, error)}
      <div class="choice">
        <input
          type="checkbox"
          id=${id}
          aria-describedby=${[hintId, error && `${id}-error`].filter(Boolean).join(' ') || nothing}
          .checked=${this.a[key]}
          @change=${(event: Event) => {
            this.a[key] = (event.target as HTMLInputElement).checked;
            this.changed();
          }}
        />
        <label for=${id}>${label}</label>
      </div>`;
  }

  private renderForm(): TemplateResult {
    const data = this.data!;
    const a = this.a;
    const methodError = this.errorFor('cq-method-email');
    const consentError = this.errorFor('cq-consent');
    return html`<form novalidate @submit=${this.onSubmit}>
      ${this.renderErrorSummary()}
      <h2 tabindex="-1">${data.title}</h2>
      <p>${this.t('intro')}</p>
      ${this.renderProposal()}
      <p class="closes"><strong>${this.t('closes', {date: this.formatDate(data.closesAt)})}</strong></p>

      <h3>${this.t('questions.heading')}</h3>
      ${data.questions.map((question) => this.renderQuestion(question))}

      <fieldset aria-describedby="cq-about-hint">
        <legend>${this.t('about.legend')}</legend>
        <p class="hint" id="cq-about-hint">${this.t('about.hint')}</p>
        ${([false, true] as const).map(
          (named) => html`<div class="choice">
            <input
              type="radio"
              id=${named ? 'cq-named' : 'cq-anonymous'}
              name="cq-about"
              .checked=${a.named === named}
              @change=${() => {
                a.named = named;
                this.changed();
              }}
            />
            <label for=${named ? 'cq-named' : 'cq-anonymous'}>${this.t(named ? 'about.named' : 'about.anonymous')}</label>
          </div>`,
        )}
      </fieldset>

      ${a.named
        ? html`<div class="contact">
            ${this.textField('cq-name', this.t('contact.name'), 'name', 'text', 'name')}
            ${this.textField('cq-email', this.t('contact.email'), 'email', 'email', 'email')}
            ${this.textField('cq-phone', this.t('contact.phone'), 'phone', 'tel', 'tel')}
            <fieldset class=${methodError ? 'group--error' : ''} aria-describedby=${methodError ? 'cq-method-email-error' : nothing}>
              <legend>${this.t('method.legend')}</legend>
              ${this.errorMessage('cq-method-email', methodError)}
              ${CONSULTATION_CONTACT_METHODS.map(
                (method) => html`<div class="choice">
                  <input
                    type="radio"
                    id="cq-method-${method}"
                    name="cq-method"
                    .checked=${a.method === method}
                    @change=${() => {
                      a.method = method;
                      this.changed();
                    }}
                  />
                  <label for="cq-method-${method}">${this.t(`method.${method}`)}</label>
                </div>`,
              )}
            </fieldset>
            ${this.checkbox('cq-contact-consent', this.t('contactConsent.label'), 'contactConsent')}
          </div>`
        : nothing}

      <fieldset class=${consentError ? 'group--error' : ''}>
        <legend>${this.t('consent.legend')}</legend>
        <p class="hint" id="cq-consent-hint">${this.t('consent.hint')}</p>
        ${this.checkbox('cq-consent', this.t('consent.label'), 'consent', 'cq-consent-hint')}
      </fieldset>

      <div class="hp" aria-hidden="true" inert>
        <label for="cq-website">${this.t('hp.label')}</label>
        <input id="cq-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>

      <button type="submit" part="button" ?disabled=${this.sending}>${this.sending ? this.t('sending') : this.t('submit')}</button>
    </form>`;
  }

  private renderClosed(): TemplateResult {
    const data = this.data!;
    return html`<h2 tabindex="-1">${this.t('closed.heading')}</h2>
      <p class="title">${data.title}</p>
      <p>${this.late ? this.t('closed.late') : this.t('closed.text', {date: this.formatDate(data.closedAt && data.closedAt < data.closesAt ? data.closedAt : data.closesAt)})}</p>
      ${this.hasDraft ? html`<p data-draft-kept>${this.t('closed.draft')}</p>` : nothing}
      <p>${this.t('closed.next')}</p>`;
  }

  private renderDone(): TemplateResult {
    const delivery = this.delivery!;
    if (delivery.status === 'queued')
      return html`<div class="panel" part="confirmation" role="status">
        <h2 tabindex="-1">${this.t('done.queued.heading')}</h2>
        <p>${delivery.persistence === 'indexeddb' ? this.t('done.queued') : this.t('done.queuedMemory')}</p>
      </div>`;
    return html`<div class="panel" part="confirmation" role="status">
        <h2 tabindex="-1">${this.t('done.heading')}</h2>
        <p>${this.t('done.reference')}</p>
        <p class="reference" data-reference>${delivery.reference}</p>
      </div>
      <p>${this.t('done.next')}</p>`;
  }

  /** "We asked, you said, we did": the plan, the answers counted (never anyone's own words), the decision. */
  private renderDecided(): TemplateResult {
    const data = this.data!;
    const summary = data.summary;
    return html`<section part="results" class="results" aria-labelledby="cq-results-heading">
      <h2 tabindex="-1" id="cq-results-heading">${this.t('decided.heading')}</h2>
      <p class="title">${data.title}</p>
      <h3>${this.t('decided.asked')}</h3>
      ${this.renderProposal('h4')}
      <h3>${this.t('decided.said')}</h3>
      ${data.decision?.youSaid ? html`<p class="words">${data.decision.youSaid}</p>` : nothing}
      ${summary
        ? html`<p data-responses>${this.t('decided.responses', {count: summary.responses})}</p>
            ${summary.questions.map((counted) => {
              const question = data.questions.find((q) => q.id === counted.id);
              if (!question) return nothing;
              const rows: Array<{label: string; count: number}> =
                counted.type === 'choice'
                  ? (question.options ?? []).map((option) => ({label: option.label, count: counted.counts?.[option.id] ?? 0}))
                  : counted.type === 'scale'
                    ? Object.entries(counted.distribution ?? {}).map(([n, count]) => {
                        const end = n === '1' ? question.scale?.minLabel : Number(n) === question.scale?.max ? question.scale?.maxLabel : undefined;
                        return {label: end ? this.t('scale.end', {n, label: end}) : n, count};
                      })
                    : [];
              const most = Math.max(1, ...rows.map((row) => row.count));
              return html`<h4>${this.questionText(question)}</h4>
                ${counted.type === 'text'
                  ? html`<p>${this.t('decided.written', {count: counted.answered})}</p>`
                  : html`<ul class="counts" data-question=${counted.id}>
                      ${rows.map(
                        (row) => html`<li>
                          <span class="count-text">${this.t('decided.count', {label: row.label, count: row.count})}</span>
                          <span class="bar" aria-hidden="true" style=${styleMap({inlineSize: `${(row.count / most) * 100}%`})}></span>
                        </li>`,
                      )}
                    </ul>`}`;
            })}`
        : nothing}
      <h3>${this.t('decided.did')}</h3>
      <p class="words" data-decision>${data.decision?.decision}</p>
      <h3>${this.t('decided.changes')}</h3>
      <p class="words" data-changes>${data.decision?.changes}</p>
      ${data.decidedAt ? html`<p class="hint">${this.t('decided.date', {date: this.formatDate(data.decidedAt)})}</p>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-consultation': CareConsultation;
  }
}
