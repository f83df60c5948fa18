// <care-get-involved>: a person signs up to help shape the service (co-production), and can leave again.
import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {COMMUNICATION_NEEDS} from '@care-feedback/core/schema/vocabulary';
import {
  INVOLVEMENT_CONTACT_METHODS,
  INVOLVEMENT_SUPPORT,
  INVOLVEMENT_WAYS,
  type Involvement,
} from '@care-feedback/core/schema/involvement';
import {newSubmissionId} from '@care-feedback/core/schema/submission-id';
import {validateInvolvement} from '@care-feedback/core/schema/validate-involvement';
import type {FieldError} from '@care-feedback/core/schema/messages';
import type {Submission} from '@care-feedback/core/schema/submission';
import type {DeliveryState, Persistence, Transport, TransportStatusEventDetail} from '@care-feedback/core/transport';
import {baseStyles} from '../shared/styles.js';
import {getConfig} from '../shared/config.js';
import {devWarn} from '../shared/dev.js';
import {LocalizeController, type Catalog} from '../shared/localize.js';
import {announceOnce, transportFor} from '../shared/delivery.js';
import {CareDeliveredEvent} from '../events/care-delivered.js';
import {CareFailedEvent} from '../events/care-failed.js';
import {CareQueuedEvent} from '../events/care-queued.js';
import {getInvolvedStyles} from './get-involved.styles.js';
import {getInvolvedStrings, type GetInvolvedStrings} from './strings.js';

/** Topics offered when the provider names none: stable ids, so the register can be filtered in any language. */
export const DEFAULT_TOPICS = ['visit-times', 'food', 'staff', 'activities', 'letters', 'safety'] as const;

type Key = keyof GetInvolvedStrings & string;
type Phase = 'form' | 'done' | 'failed';
type Delivery =
  | {status: 'delivered'; id: string; reference?: string}
  | {status: 'queued'; id: string; persistence: Persistence};

/** The field each error is shown beside and linked to from the summary, by the error's path. */
function fieldFor(path: string): string | undefined {
  const top = path.split('.')[0];
  if (top === 'ways') return 'gi-way-surveys';
  if (top === 'topics') return 'gi-topic-other';
  if (top === 'support') return 'gi-support-expenses';
  if (top === 'supportDetail') return 'gi-support-detail';
  if (top === 'communicationNeeds') return 'gi-need-easy-read';
  if (top === 'consent') return 'gi-consent';
  if (top === 'contact') {
    const field = path.split('.')[1];
    if (field === 'email' || field === 'phone' || field === 'address') return `gi-${field}`;
    if (field === 'preferredMethod') return 'gi-method-email';
    return 'gi-name';
  }
  return undefined;
}

/**
 * A sign-up form for people who want to help shape the service: the ways they would like to take
 * part, the topics they care about, the help they need to take part, how we should send them things
 * (Accessible Information Standard), their contact details and their consent. It posts to
 * `<endpoint>/involvement` through the same offline-safe queue as feedback: a sign-up made offline is
 * kept on the device and sent later. The done screen shows the reference and a button to leave, which
 * deletes the person's contact details.
 *
 * Plain HTML checkboxes and radios in fieldsets, an error summary linked to each field, and glossary
 * words explained by `<care-jargon>`.
 *
 * @fires care-queued - The sign-up is kept on the device and will be sent later. `detail: {id, persistence}`.
 * @fires care-delivered - The collector stored it. `detail: {id, reference}`.
 * @fires care-failed - It will not be sent. `detail: {id, reason, errors}`.
 * @csspart base - The wrapper around everything.
 * @csspart error-summary - The list of problems at the top.
 * @csspart button - The Sign up and Stop taking part buttons.
 * @csspart confirmation - The box with the reference on the done screen.
 * @cssprop --care-accent - Button and checkbox colour.
 * @cssprop --care-color-error - Error colour.
 * @cssprop --care-color-success - The done box's border.
 */
export class CareGetInvolved extends LitElement {
  static override styles = [baseStyles, getInvolvedStyles];

  /** Collector base URL, e.g. `https://collector.example/v1`; else the page's configure({endpoint}). */
  @property() endpoint?: string;

  /** `en-GB` (default), `cy`, `ur`. */
  @property() locale?: string;

  /** `easy` for easy-read wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;

  /** The service id sent with the sign-up, e.g. `home-care-north`. */
  @property() service?: string;

  /** The topics to offer, comma-separated (e.g. `Visit times, Food`); default a short list of our own. */
  @property() topics?: string;

  /** `none` keeps nothing on the device (shared computers): a sign-up made offline waits only while the page is open. */
  @property() storage?: 'local' | 'none';

  /** Replacements for single strings, by key (see get-involved/strings.ts). */
  @property({attribute: false}) strings?: Partial<Catalog>;

  @state() private phase: Phase = 'form';
  @state() private errors: FieldError[] = [];
  @state() private sending = false;
  @state() private delivery?: Delivery;
  @state() private left: 'no' | 'leaving' | 'yes' | 'failed' = 'no';
  @state() private answers = {
    ways: new Set<string>(),
    topics: new Set<string>(),
    otherTopic: '',
    support: new Set<string>(),
    supportDetail: '',
    needs: new Set<string>(),
    name: '',
    email: '',
    phone: '',
    address: '',
    method: '',
    consent: false,
  };

  private signUpId = newSubmissionId();
  private watched?: Transport;
  private focusNext?: 'summary' | 'heading';
  private readonly localize = new LocalizeController<GetInvolvedStrings>(
    this,
    'get-involved',
    getInvolvedStrings,
  );

  private t(key: Key, values?: Record<string, string | number>): string {
    return this.localize.t(key, values);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
  }

  private get endpointUrl(): string | undefined {
    return this.endpoint || getConfig().endpoint || undefined;
  }

  private get storageChoice(): 'local' | 'none' {
    return (this.storage ?? getConfig().storage) === 'none' ? 'none' : 'local';
  }

  private get topicChoices(): Array<{value: string; label: string}> {
    const own = (this.topics ?? '')
      .split(',')
      .map((topic) => topic.trim())
      .filter(Boolean);
    return own.length
      ? own.map((topic) => ({value: topic, label: topic}))
      : DEFAULT_TOPICS.map((topic) => ({value: topic, label: this.t(`topic.${topic}` as Key)}));
  }

  /** The sign-up as the collector takes it, from what the person chose and typed. */
  private body(): Record<string, unknown> {
    const a = this.answers;
    const topics = [...a.topics];
    if (a.otherTopic.trim()) topics.push(a.otherTopic.trim());
    const contact: Record<string, string> = {name: a.name.trim()};
    if (a.email.trim()) contact.email = a.email.trim();
    if (a.phone.trim()) contact.phone = a.phone.trim();
    if (a.address.trim()) contact.address = a.address.trim();
    if (a.method) contact.preferredMethod = a.method;
    return {
      schemaVersion: 1,
      id: this.signUpId,
      locale: this.localize.locale,
      ...(this.service ? {service: this.service} : {}),
      // In the order the form shows them, whatever order they were ticked in.
      ways: INVOLVEMENT_WAYS.filter((way) => a.ways.has(way)),
      ...(topics.length ? {topics} : {}),
      ...(a.support.size ? {support: INVOLVEMENT_SUPPORT.filter((s) => a.support.has(s))} : {}),
      ...(a.supportDetail.trim() ? {supportDetail: a.supportDetail.trim()} : {}),
      ...(a.needs.size ? {communicationNeeds: COMMUNICATION_NEEDS.filter((n) => a.needs.has(n))} : {}),
      contact,
      consent: {store: a.consent, contact: a.consent},
      createdAt: new Date().toISOString(),
    };
  }

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    const checked = validateInvolvement(this.body());
    if (!checked.ok) {
      const errors = [...checked.errors];
      // The schema checks the name only once the rest of the contact details are sound: say it now.
      if (!this.answers.name.trim() && !errors.some((e) => e.path === 'contact.name'))
        errors.push({path: 'contact.name', code: 'contact.name.required', message: ''});
      this.showErrors(errors);
      return;
    }
    await this.send(checked.value);
  };

  private showErrors(errors: FieldError[]): void {
    // One error per field, in the order the fields come on the page.
    const order = [...this.renderRoot.querySelectorAll('[id^="gi-"]')].map((el) => el.id);
    const seen = new Set<string>();
    this.errors = errors
      .filter((error) => {
        const key = fieldFor(error.path) ?? error.path;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .sort((a, b) => order.indexOf(fieldFor(a.path) ?? '') - order.indexOf(fieldFor(b.path) ?? ''));
    this.focusNext = 'summary';
  }

  private async send(signUp: Involvement): Promise<void> {
    this.errors = [];
    const endpoint = this.endpointUrl;
    if (!endpoint) {
      devWarn('<care-get-involved> has no endpoint: set the endpoint attribute or configure({endpoint}).');
      this.phase = 'failed';
      this.focusNext = 'heading';
      return;
    }
    this.sending = true;
    try {
      const transport = transportFor(endpoint, this.storageChoice, 'involvement');
      this.watch(transport);
      // The transport keeps and posts any body with an id; its types name the feedback it was made for.
      this.finish(await transport.send(signUp as unknown as Submission));
    } catch (error) {
      devWarn('Could not send the sign-up.', error);
      this.finish({id: signUp.id, status: 'failed', attempts: 0, reason: 'rejected'});
    } finally {
      this.sending = false;
    }
  }

  private finish(state: DeliveryState): void {
    if (state.id !== this.signUpId) return;
    if (state.status === 'delivered') {
      this.delivery = {status: 'delivered', id: state.id, reference: state.reference};
      this.phase = 'done';
      this.focusNext = 'heading';
      announceOnce(this, new CareDeliveredEvent({id: state.id, reference: state.reference ?? ''}));
      this.unwatch();
      return;
    }
    if (state.status === 'queued' || state.status === 'sending') {
      const persistence = this.watched?.persistence ?? 'memory';
      this.delivery = {status: 'queued', id: state.id, persistence};
      this.phase = 'done';
      this.focusNext = 'heading';
      announceOnce(this, new CareQueuedEvent({id: state.id, persistence}));
      return;
    }
    announceOnce(
      this,
      new CareFailedEvent({id: state.id, reason: state.reason ?? 'rejected', errors: state.errors ?? []}),
    );
    // That id is spent; trying again is a new sign-up.
    this.signUpId = newSubmissionId();
    this.unwatch();
    if (state.errors?.some((error) => fieldFor(error.path))) {
      this.phase = 'form';
      this.showErrors(state.errors);
    } else {
      this.phase = 'failed';
      this.focusNext = 'heading';
    }
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

  private readonly onLeave = async (): Promise<void> => {
    const reference = this.delivery?.status === 'delivered' ? this.delivery.reference : undefined;
    const endpoint = this.endpointUrl;
    if (!reference || !endpoint || this.left === 'leaving') return;
    this.left = 'leaving';
    try {
      const response = await fetch(
        `${endpoint.replace(/\/+$/, '')}/involvement/${encodeURIComponent(reference)}/leave`,
        {method: 'POST', credentials: 'omit'},
      );
      this.left = response.ok ? 'yes' : 'failed';
    } catch {
      this.left = 'failed';
    }
  };

  private readonly tryAgain = (): void => {
    this.phase = 'form';
    this.focusNext = 'heading';
  };

  override updated(): void {
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = undefined;
    const selector = target === 'summary' ? '.error-summary' : 'h2';
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** A sentence with one glossary word in it, explained by <care-jargon>. */
  private withTerm(key: Key, placeholder: string, term: string, wordKey: Key): TemplateResult {
    const [before, after] = this.t(key).split(`{${placeholder}}`);
    return html`${before}<care-jargon
        term=${term}
        locale=${this.localize.locale}
        reading-level=${this.localize.easyRead ? 'easy' : nothing}
        >${this.t(wordKey)}</care-jargon
      >${after ?? ''}`;
  }

  private errorText(error: FieldError): string {
    if (error.path.startsWith('consent')) return this.t('error.consent');
    const key = `error.${error.code}`;
    return key in getInvolvedStrings ? this.t(key as Key) : this.t('error.other');
  }

  private errorFor(field: string): FieldError | undefined {
    return this.errors.find((error) => fieldFor(error.path) === field);
  }

  private describedBy(...ids: Array<string | false | undefined>): string | typeof nothing {
    const list = ids.filter(Boolean).join(' ');
    return list || nothing;
  }

  private errorMessage(field: string, error: FieldError | undefined): TemplateResult | typeof nothing {
    return error
      ? html`<p class="error-message" id="${field}-error">
          <span class="visually-hidden">${this.t('error.prefix')}</span> ${this.errorText(error)}
        </p>`
      : nothing;
  }

  override render(): TemplateResult {
    return html`<div class="base" part="base" lang=${this.localize.locale} dir=${this.localize.dir}>
      ${this.phase === 'done' ? this.renderDone() : this.phase === 'failed' ? this.renderFailed() : this.renderForm()}
    </div>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="gi-summary-title"
    >
      <h2 id="gi-summary-title">${this.t('errorSummary.title')}</h2>
      <ul>
        ${this.errors.map((error) => {
          const field = fieldFor(error.path);
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

  /** A fieldset of checkboxes bound to one set of answers. */
  private checkboxes(
    name: string,
    legend: TemplateResult | string,
    hint: TemplateResult | string,
    choices: Array<{value: string; label: TemplateResult | string}>,
    chosen: Set<string>,
    errorField?: string,
  ): TemplateResult {
    const error = errorField ? this.errorFor(errorField) : undefined;
    return html`<fieldset
      class=${error ? 'group--error' : ''}
      aria-describedby=${this.describedBy(`gi-${name}-hint`, error && `${errorField}-error`)}
    >
      <legend>${legend}</legend>
      <p class="hint" id="gi-${name}-hint">${hint}</p>
      ${errorField ? this.errorMessage(errorField, error) : nothing}
      ${choices.map(
        ({value, label}, index) => html`<div class="choice">
          <input
            type="checkbox"
            id="gi-${name}-${/^[a-z-]+$/.test(value) ? value : index}"
            name=${name}
            .value=${value}
            .checked=${chosen.has(value)}
            @change=${(event: Event) => {
              const box = event.target as HTMLInputElement;
              if (box.checked) chosen.add(value);
              else chosen.delete(value);
              this.requestUpdate();
            }}
          />
          <label for="gi-${name}-${/^[a-z-]+$/.test(value) ? value : index}">${label}</label>
        </div>`,
      )}
    </fieldset>`;
  }

  private textField(
    id: string,
    label: string,
    key: keyof CareGetInvolved['answers'],
    type: 'text' | 'email' | 'tel' | 'textarea',
    autocomplete?: string,
  ): TemplateResult {
    const error = this.errorFor(id);
    const value = this.answers[key] as string;
    const onInput = (event: Event) => {
      (this.answers[key] as string) = (event.target as HTMLInputElement).value;
    };
    return html`<div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${label}</label>
      ${this.errorMessage(id, error)}
      ${type === 'textarea'
        ? html`<textarea
            id=${id}
            rows="3"
            autocomplete=${autocomplete ?? nothing}
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${this.describedBy(error && `${id}-error`)}
            .value=${value}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${type}
            autocomplete=${autocomplete ?? nothing}
            spellcheck="false"
            aria-invalid=${error ? 'true' : nothing}
            aria-describedby=${this.describedBy(error && `${id}-error`)}
            .value=${value}
            @input=${onInput}
          />`}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const a = this.answers;
    const methodError = this.errorFor('gi-method-email');
    const consentError = this.errorFor('gi-consent');
    return html`<form novalidate @submit=${this.onSubmit}>
      ${this.renderErrorSummary()}
      <h2 tabindex="-1">${this.t('heading')}</h2>
      <p>${this.withTerm('intro', 'coProduction', 'co-production', 'coProduction')}</p>

      ${this.checkboxes(
        'way',
        this.t('ways.legend'),
        this.t('ways.hint'),
        INVOLVEMENT_WAYS.map((way) => ({value: way, label: this.t(`way.${way}` as Key)})),
        a.ways,
        'gi-way-surveys',
      )}

      ${this.checkboxes('topic', this.t('topics.legend'), this.t('topics.hint'), this.topicChoices, a.topics)}
      ${this.textField('gi-topic-other', this.t('topics.other'), 'otherTopic', 'text')}

      ${this.checkboxes(
        'support',
        this.t('support.legend'),
        this.t('support.hint'),
        INVOLVEMENT_SUPPORT.map((s) => ({value: s, label: this.t(`support.${s}` as Key)})),
        a.support,
      )}
      ${this.textField('gi-support-detail', this.t('support.detail'), 'supportDetail', 'textarea')}

      ${this.checkboxes(
        'need',
        this.t('needs.legend'),
        this.withTerm('needs.hint', 'ais', 'Accessible Information Standard', 'ais'),
        COMMUNICATION_NEEDS.map((need) => ({
          value: need,
          // Plain text: a glossary button inside a checkbox's label would tick the box as well.
          label: this.t(`need.${need}` as Key),
        })),
        a.needs,
      )}

      <fieldset>
        <legend>${this.t('contact.legend')}</legend>
        ${this.textField('gi-name', this.t('contact.name'), 'name', 'text', 'name')}
        ${this.textField('gi-email', this.t('contact.email'), 'email', 'email', 'email')}
        ${this.textField('gi-phone', this.t('contact.phone'), 'phone', 'tel', 'tel')}
        ${this.textField('gi-address', this.t('contact.address'), 'address', 'textarea', 'street-address')}
      </fieldset>

      <fieldset
        class=${methodError ? 'group--error' : ''}
        aria-describedby=${this.describedBy(methodError && 'gi-method-email-error')}
      >
        <legend>${this.t('method.legend')}</legend>
        ${this.errorMessage('gi-method-email', methodError)}
        ${INVOLVEMENT_CONTACT_METHODS.map(
          (method) => html`<div class="choice">
            <input
              type="radio"
              id="gi-method-${method}"
              name="method"
              .value=${method}
              .checked=${a.method === method}
              @change=${() => {
                a.method = method;
                this.requestUpdate();
              }}
            />
            <label for="gi-method-${method}">${this.t(`method.${method}` as Key)}</label>
          </div>`,
        )}
      </fieldset>

      <fieldset
        class=${consentError ? 'group--error' : ''}
        aria-describedby=${this.describedBy('gi-consent-hint', consentError && 'gi-consent-error')}
      >
        <legend>${this.t('consent.legend')}</legend>
        <p class="hint" id="gi-consent-hint">
          ${this.withTerm('consent.hint', 'consent', 'consent', 'consent')}
        </p>
        ${this.errorMessage('gi-consent', consentError)}
        <div class="choice">
          <input
            type="checkbox"
            id="gi-consent"
            .checked=${a.consent}
            @change=${(event: Event) => {
              a.consent = (event.target as HTMLInputElement).checked;
              this.requestUpdate();
            }}
          />
          <label for="gi-consent">${this.t('consent.label')}</label>
        </div>
      </fieldset>

      <button type="submit" part="button" ?disabled=${this.sending}>
        ${this.sending ? this.t('sending') : this.t('submit')}
      </button>
    </form>`;
  }

  private renderDone(): TemplateResult {
    const delivery = this.delivery!;
    if (delivery.status === 'queued') {
      return html`<div class="panel" part="confirmation" role="status">
        <h2 tabindex="-1">${this.t('done.queued.heading')}</h2>
        <p>${delivery.persistence === 'indexeddb' ? this.t('done.queued') : this.t('done.queuedMemory')}</p>
      </div>`;
    }
    return html`<div class="panel" part="confirmation" role="status">
        <h2 tabindex="-1">${this.t('done.heading')}</h2>
        <p>${this.t('done.reference')}</p>
        <p class="reference" data-reference>${delivery.reference}</p>
      </div>
      <p>${this.t('done.keep')}</p>
      <p>${this.t('done.next')}</p>
      <h3>${this.t('leave.heading')}</h3>
      <p>${this.t('leave.text')}</p>
      <div role="status">
        ${this.left === 'yes'
          ? html`<p data-left>${this.t('leave.done')}</p>`
          : this.left === 'failed'
            ? html`<p class="error-message">${this.t('leave.failed')}</p>`
            : nothing}
      </div>
      ${this.left === 'yes'
        ? nothing
        : html`<button
            type="button"
            class="secondary"
            part="button"
            ?disabled=${this.left === 'leaving'}
            @click=${this.onLeave}
          >
            ${this.t('leave.button')}
          </button>`}`;
  }

  private renderFailed(): TemplateResult {
    return html`<h2 tabindex="-1">${this.t('failed.heading')}</h2>
      <p>${this.t('failed.text')}</p>
      <button type="button" part="button" @click=${this.tryAgain}>${this.t('failed.again')}</button>`;
  }
}
