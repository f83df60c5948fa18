// <care-feedback-form>: the whole feedback journey, from choosing a kind to a confirmation with a reference.
import {html, LitElement, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {COMMUNICATION_NEEDS, KINDS, LIMITS, RATINGS, RELATIONSHIPS, type Kind} from '@care-feedback/core/schema/vocabulary';
import {characterCount} from '@care-feedback/core/schema/submission';
import {newSubmissionId} from '@care-feedback/core/schema/submission-id';
import {validateSubmission} from '@care-feedback/core/schema/validate';
import type {
  DeliveryState,
  DraftStore,
  Persistence,
  Transport,
  TransportStatusEventDetail,
  TransportStorageEventDetail,
} from '@care-feedback/core/transport';
import {isNation, NATION_FACTS, type Nation} from '@care-feedback/core/nations';
import {CareDeliveredEvent} from '../events/care-delivered.js';
import {CareFailedEvent, type CareFailureReason} from '../events/care-failed.js';
import type {CareKindChangeEvent} from '../events/care-kind-change.js';
import {CareQueuedEvent} from '../events/care-queued.js';
import {CareSubmitEvent} from '../events/care-submit.js';
import {getConfig} from '../shared/config.js';
import {devWarn} from '../shared/dev.js';
import {LocalizeController} from '../shared/localize.js';
import {ListenController, listenStyles, visibleText} from '../shared/listen.js';
import {safeHref} from '../shared/safe-href.js';
import {baseStyles} from '../shared/styles.js';
import {VERSION} from '../shared/version.js';
import {
  buildSubmission,
  emptyAnswers,
  fromFieldErrors,
  needsWithDetail,
  reviveAnswers,
  stepsFor,
  targetFor,
  validateAll,
  validateStep,
  type Answers,
  type Context,
  type FormError,
  type Step,
} from './answers.js';
import {announceOnce, draftStoreFor, transportFor} from '../shared/delivery.js';
import {checkboxes, radios, singleCheckbox, textArea, textField, type FieldKit} from './fields.js';
import {formStyles} from './feedback-form.styles.js';
import {formStrings, type FormStrings} from './strings.js';

/** A service a provider offers, for the "which service" question. */
export interface CareService {
  id: string;
  label: string;
}

type Phase = Step | 'done' | 'failed';

/** How the last send ended, as the confirmation shows it. */
interface Delivery {
  id: string;
  status: 'queued' | 'delivered' | 'failed';
  reference?: string | undefined;
  persistence?: Persistence | undefined;
  reason?: CareFailureReason | undefined;
}

interface Draft {
  v: 1;
  id: string;
  startedAt: number;
  phase: Phase;
  returnToReview: boolean;
  answers: Answers;
  delivery?: Delivery | undefined;
}

const COUNT_FROM = 0.8;
const ANNOUNCE_AFTER_MS = 1000;

const servicesConverter = {
  fromAttribute(value: string | null): CareService[] {
    if (!value) return [];
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.filter(isService);
    } catch {
      // Shown to the developer below; the person simply does not see the question.
    }
    devWarn(
      '<care-feedback-form> services must be JSON like [{"id":"home-care","label":"Home care"}].',
      value,
    );
    return [];
  },
};

function isService(value: unknown): value is CareService {
  const service = value as CareService | null;
  return (
    typeof service?.id === 'string' &&
    typeof service.label === 'string' &&
    service.id.trim() !== '' &&
    [...service.id].length <= LIMITS.service
  );
}

const isKind = (value: unknown): value is Kind => (KINDS as readonly unknown[]).includes(value);

/**
 * The whole feedback journey: kind, the Friends and Family Test question, what happened, about you,
 * how to reply, communication needs, consent, check your answers, send and a confirmation. Drafts are
 * kept for the browser session; sending goes through the offline-safe transport from core.
 *
 * @fires care-submit - Cancelable, just before sending. `detail.submission` is the validated submission.
 * @fires care-queued - The feedback waits in the queue and will be sent by itself. `detail: {id, persistence}`.
 * @fires care-delivered - The collector stored it. `detail: {id, reference}`.
 * @fires care-failed - It was not sent and will not be retried. `detail: {id, reason, errors}`.
 *
 * @csspart base - The wrapper around everything.
 * @csspart step - The current step, review or confirmation.
 * @csspart heading - Each step's heading (focused when the step changes).
 * @csspart label - Field labels and legends.
 * @csspart control - Inputs, text areas, radios and checkboxes.
 * @csspart button - Continue, send and try-again buttons.
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart confirmation - The panel with the reference or the saved-on-this-device message.
 * @csspart listen-button - The "Listen" button that reads the step aloud (shown only where the browser has an on-device voice for the language).
 *
 * @cssprop --care-accent - Main colour for buttons and links (keep 4.5:1 against white).
 * @cssprop --care-accent-text - Text on the main colour.
 * @cssprop --care-form-accent - The form's own accent, before --care-accent.
 * @cssprop --care-form-link - Link colour.
 * @cssprop --care-form-max-width - Widest the form grows (default 40rem).
 * @cssprop --care-form-heading-size - Step heading size.
 * @cssprop --care-form-panel - Confirmation panel background (default the success green).
 * @cssprop --care-form-panel-text - Confirmation panel text.
 * @cssprop --care-color-text - Text colour.
 * @cssprop --care-color-error - Error colour.
 * @cssprop --care-font-family - Font.
 * @cssprop --care-listen-color - The Listen button's colour (default the accent).
 */
export class CareFeedbackForm extends LitElement {
  static override styles = [baseStyles, formStyles, listenStyles];

  static override properties = {
    endpoint: {type: String},
    locale: {type: String},
    readingLevel: {type: String, attribute: 'reading-level'},
    kind: {type: String},
    services: {converter: servicesConverter},
    privacyUrl: {type: String, attribute: 'privacy-url'},
    safeguardingContact: {type: String, attribute: 'safeguarding-contact'},
    acknowledgeDays: {type: Number, attribute: 'acknowledge-days'},
    nation: {type: String},
    storage: {type: String},
    charterRight: {type: String, attribute: 'charter-right'},
    aboutYou: {type: String, attribute: 'about-you'},
    strings: {attribute: false},
    answers: {state: true},
    phase: {state: true},
    errors: {state: true},
    delivery: {state: true},
    sending: {state: true},
    restored: {state: true},
    announcements: {state: true},
  };

  /** Collector base URL, e.g. `https://collector.example/v1`. Falls back to the page-wide config. */
  endpoint?: string;
  /** `en-GB` (default), `cy` or `ur`. */
  locale?: string;
  /** `easy` for easy-read wording. */
  readingLevel?: string;
  /** Preselects a kind of feedback; the journey then starts at the next step. */
  kind?: string;
  /** The provider's services for "which service is it about"; JSON in the attribute. */
  services: CareService[] = [];
  /** The provider's privacy notice, linked from the consent step. */
  privacyUrl?: string;
  /** Who to contact about a safeguarding concern (shown by the picker and on the confirmation). */
  safeguardingContact?: string;
  /** Working days within which a complaint is acknowledged. */
  acknowledgeDays = 3;
  /**
   * `england` (default), `wales`, `scotland` or `northern-ireland`: names the ombudsman a person can go
   * to after a complaint. Falls back to the page-wide config (`data-nation` on the script tag).
   */
  nation?: string;
  /** `local` keeps drafts and the send queue on this device; `none` writes nothing (shared devices). */
  storage?: 'local' | 'none';
  /** The id of the rights-charter item this feedback is about. */
  charterRight?: string;
  /**
   * `ask` (default): once the feedback is sent, the done screen offers the optional equality questions
   * (`<care-about-you>`); `off` leaves them out.
   */
  aboutYou?: 'ask' | 'off';
  /** Replacements for single strings, by key (see `formStrings`). */
  strings?: Partial<FormStrings>;

  protected answers: Answers = emptyAnswers();
  protected phase: Phase = 'kind';
  protected errors: FormError[] = [];
  protected delivery?: Delivery | undefined;
  protected sending = false;
  protected restored = false;
  protected announcements: Record<string, string> = {};

  private readonly localize = new LocalizeController<FormStrings>(this, 'form', formStrings);
  /** "Listen" reads the step aloud on this device; it stops when the step changes. */
  private readonly listen = new ListenController(this, () => ({
    listen: this.t('listen'),
    stop: this.t('listen.stop'),
  }));
  private submissionId: string = newSubmissionId();
  private startedAt = Date.now();
  private returnToReview = false;
  private focusNext: 'heading' | 'summary' | undefined;
  private draftStore?: DraftStore<Draft>;
  private draftKey = '';
  private started = false;
  private announceTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private watched?: Transport;

  /** True while the person has typed or chosen something that has not been handed over for sending. */
  get dirty(): boolean {
    if (this.phase === 'done') return false;
    const {kind: _kind, ...rest} = this.answers;
    const {kind: _empty, ...blank} = emptyAnswers();
    return JSON.stringify(rest) !== JSON.stringify(blank);
  }

  /** Empties the form and its draft and starts again at the first step. */
  reset(): void {
    this.draftStore?.clear();
    this.answers = {...emptyAnswers(), kind: isKind(this.kind) ? this.kind : ''};
    this.submissionId = newSubmissionId();
    this.startedAt = Date.now();
    this.errors = [];
    this.delivery = undefined;
    this.sending = false;
    this.restored = false;
    this.returnToReview = false;
    this.announcements = {};
    this.phase = this.firstStep();
    const hp = this.renderRoot?.querySelector<HTMLInputElement>('#f-website');
    if (hp) hp.value = '';
  }

  /** Resolves when the strings for the current locale and reading level are loaded and shown. */
  async stringsReady(): Promise<void> {
    await this.localize.ready();
    await this.updateComplete;
  }

  /** Moves focus to the current step's heading (the picker calls this when it sends a person here). */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot?.querySelector<HTMLElement>('.step-heading');
    if (heading) heading.focus(options);
    else super.focus(options);
    // The step may be about to change (a kind was just set); follow it to the new heading.
    this.focusNext = 'heading';
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.started) {
      this.started = true;
      this.restore();
    }
    if (this.delivery?.status === 'queued') this.watchDelivery();
    // Starting the transport sends whatever an earlier page left waiting on this device, so a
    // queued item never depends on the person sending something else (checked once the
    // endpoint a script sets just after connecting is in place).
    queueMicrotask(() => {
      const endpoint = this.endpointUrl;
      if (endpoint && this.storageChoice === 'local' && this.isConnected) transportFor(endpoint, 'local');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
    for (const timer of this.announceTimers.values()) clearTimeout(timer);
    this.announceTimers.clear();
  }

  private get storageChoice(): 'local' | 'none' {
    return (this.storage ?? getConfig().storage) === 'none' ? 'none' : 'local';
  }

  private get endpointUrl(): string | undefined {
    return this.endpoint || getConfig().endpoint || undefined;
  }

  private firstStep(): Step {
    return isKind(this.answers.kind) && isKind(this.kind) ? stepsFor(this.answers)[1]! : 'kind';
  }

  // ---- drafts -------------------------------------------------------------------------------

  private restore(): void {
    this.draftKey = `care-feedback-form:${location.pathname}${this.getAttribute('id') ? `#${this.getAttribute('id')}` : ''}`;
    this.draftStore = draftStoreFor<Draft>(this.draftKey, this.storageChoice);
    let draft: Draft | undefined;
    try {
      draft = this.draftStore.load();
    } catch (error) {
      devWarn('Could not read the saved draft.', error);
    }
    if (draft && draft.v === 1 && typeof draft.id === 'string') {
      this.answers = reviveAnswers(draft.answers);
      this.submissionId = draft.id;
      this.startedAt = typeof draft.startedAt === 'number' ? draft.startedAt : Date.now();
      this.returnToReview = draft.returnToReview === true;
      this.delivery = draft.delivery?.status === 'queued' ? draft.delivery : undefined;
      const phase = draft.phase === 'done' && !this.delivery ? 'review' : draft.phase;
      this.phase = phase === 'failed' ? 'review' : phase;
      if (phase !== 'done' && !stepsFor(this.answers).includes(this.phase as Step))
        this.phase = 'kind';
      this.restored = this.dirty;
    } else {
      if (isKind(this.kind)) this.answers = {...this.answers, kind: this.kind};
      this.phase = this.firstStep();
    }
  }

  private saveDraft(): void {
    if (!this.draftStore) return;
    try {
      // Delivered, or nothing worth keeping: a reload should start afresh, never offer to send again.
      if (
        this.delivery?.status === 'delivered' ||
        (!this.dirty && this.delivery?.status !== 'queued')
      ) {
        this.draftStore.clear();
        return;
      }
      this.draftStore.save({
        v: 1,
        id: this.submissionId,
        startedAt: this.startedAt,
        phase: this.phase,
        returnToReview: this.returnToReview,
        answers: this.answers,
        delivery: this.delivery?.status === 'queued' ? this.delivery : undefined,
      });
    } catch (error) {
      devWarn('Could not save the draft.', error);
    }
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    // Reading stops when the step (or its wording) changes, before the new step is drawn.
    if (changed.has('phase') || changed.has('locale') || changed.has('readingLevel'))
      this.listen.stop();
    // A page (or a standalone picker) may set the kind after the form has started.
    if (changed.has('kind') && this.hasUpdated && isKind(this.kind)) {
      this.answers = {...this.answers, kind: this.kind};
      if (this.phase === 'kind') this.phase = this.firstStep();
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('answers') || changed.has('phase') || changed.has('delivery')) this.saveDraft();
    const target = this.focusNext;
    this.focusNext = undefined;
    if (target === 'summary') this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    if (target === 'heading') this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
  }

  // ---- navigation ---------------------------------------------------------------------------

  private get context(): Context {
    return {
      id: this.submissionId,
      locale: this.localize.locale,
      startedAt: this.startedAt,
      honeypot: this.renderRoot?.querySelector<HTMLInputElement>('#f-website')?.value ?? '',
      charterRight: this.charterRight || undefined,
      version: VERSION,
    };
  }

  private go(phase: Phase, focus: 'heading' | 'summary' = 'heading'): void {
    this.phase = phase;
    this.focusNext = focus;
    this.restored = false;
  }

  private showErrors(errors: FormError[]): void {
    this.errors = errors;
    this.focusNext = 'summary';
    this.requestUpdate();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.phase === 'review') {
      void this.send();
      return;
    }
    if (this.phase === 'done' || this.phase === 'failed') return;
    if (this.phase === 'kind') {
      // Someone who chose "concern" and read the safety advice may go on with Continue, not only "Go on".
      const picker = this.renderRoot.querySelector('care-feedback-picker') as
        (HTMLElement & {safeguardingShown?: boolean}) | null;
      if (picker?.safeguardingShown) this.answers = {...this.answers, kind: 'concern'};
    }
    const errors = validateStep(this.phase, this.answers, this.context);
    if (errors.length > 0) {
      this.showErrors(errors);
      return;
    }
    this.errors = [];
    const steps = stepsFor(this.answers);
    const next = this.returnToReview
      ? 'review'
      : (steps[steps.indexOf(this.phase) + 1] ?? 'review');
    if (next === 'review') this.returnToReview = false;
    this.go(next);
  }

  private back(): void {
    if (this.phase === 'done' || this.phase === 'failed') return;
    this.errors = [];
    if (this.returnToReview) {
      this.returnToReview = false;
      this.go('review');
      return;
    }
    const steps = stepsFor(this.answers);
    const previous = steps[steps.indexOf(this.phase) - 1];
    if (previous) this.go(previous);
  }

  private change(step: Step): void {
    this.errors = [];
    this.returnToReview = true;
    this.go(step);
  }

  /** Error-summary links: open the field's step if needed, then move focus to the field itself. */
  private async focusField(event: Event, error: FormError): Promise<void> {
    event.preventDefault();
    const target = targetFor(error.path, this.answers);
    if (!target) return;
    if (target.step !== this.phase) {
      this.returnToReview = this.phase === 'review';
      // Keep the error beside its field on the step it belongs to.
      this.errors = this.errors.filter(
        (e) => targetFor(e.path, this.answers)?.step === target.step,
      );
      this.phase = target.step;
      await this.updateComplete;
    }
    // The picker's own focus() lands on its chosen option, or the first.
    const field = this.renderRoot.querySelector<HTMLElement>(`#${target.field}`);
    field?.focus();
    field?.scrollIntoView?.({block: 'center'});
  }

  private setAnswer<K extends keyof Answers>(key: K, value: Answers[K]): void {
    this.answers = {...this.answers, [key]: value};
    this.restored = false;
  }

  // ---- sending ------------------------------------------------------------------------------

  private async send(): Promise<void> {
    if (this.sending) return;
    const errors = validateAll(this.answers, this.context);
    if (errors.length > 0) {
      this.showErrors(errors);
      return;
    }
    const checked = validateSubmission(buildSubmission(this.answers, this.context));
    if (!checked.ok) {
      this.showErrors(fromFieldErrors(checked.errors));
      return;
    }
    const submission = checked.value;
    if (!this.dispatchEvent(new CareSubmitEvent({submission}))) return;
    this.errors = [];
    const endpoint = this.endpointUrl;
    if (!endpoint) {
      devWarn(
        '<care-feedback-form> has no endpoint: set the endpoint attribute or configure({endpoint}).',
      );
      this.finish({id: submission.id, status: 'failed', attempts: 0}, 'no-endpoint');
      return;
    }
    this.sending = true;
    let transport: Transport;
    try {
      transport = transportFor(endpoint, this.storageChoice);
    } catch (error) {
      devWarn('Could not start sending.', error);
      this.sending = false;
      this.finish({id: submission.id, status: 'failed', attempts: 0}, 'no-endpoint');
      return;
    }
    this.watch(transport);
    try {
      const state = await transport.send(submission);
      this.finish(state);
    } catch (error) {
      // The transport promises not to throw; if it does, say so honestly rather than pretend.
      devWarn('The transport failed unexpectedly.', error);
      this.finish({id: submission.id, status: 'failed', attempts: 0, reason: 'rejected'});
    } finally {
      this.sending = false;
    }
  }

  private finish(state: DeliveryState, reason?: CareFailureReason): void {
    if (state.id !== this.submissionId) return;
    if (state.status === 'delivered') {
      this.delivery = {id: state.id, status: 'delivered', reference: state.reference};
      this.draftStore?.clear();
      this.go('done');
      this.announce(new CareDeliveredEvent({id: state.id, reference: state.reference ?? ''}));
      return;
    }
    if (state.status === 'queued' || state.status === 'sending') {
      if (this.delivery?.status === 'queued' && this.phase === 'done') return;
      const persistence = this.watched?.persistence ?? 'memory';
      this.delivery = {id: state.id, status: 'queued', persistence};
      this.go('done');
      this.announce(new CareQueuedEvent({id: state.id, persistence}));
      return;
    }
    const why: CareFailureReason = reason ?? state.reason ?? 'rejected';
    const fieldErrors = fromFieldErrors(state.errors);
    this.delivery = {id: state.id, status: 'failed', reason: why};
    this.announce(new CareFailedEvent({id: state.id, reason: why, errors: state.errors ?? []}));
    // The failed id is spent (refused, expired or dropped); a new try is a new submission.
    this.submissionId = newSubmissionId();
    if (fieldErrors.some((error) => targetFor(error.path, this.answers))) {
      this.phase = 'review';
      this.showErrors(fieldErrors);
    } else {
      this.go('failed');
    }
  }

  private announce(event: CareDeliveredEvent | CareQueuedEvent | CareFailedEvent): void {
    announceOnce(this, event);
  }

  private readonly onTransportStatus = (event: Event): void => {
    const state = (event as CustomEvent<TransportStatusEventDetail>).detail;
    if (!this.delivery || state.id !== this.delivery.id || this.delivery.status !== 'queued')
      return;
    if (state.status === 'delivered') {
      // Status changes in place (announced by the live region); focus stays where the person left it.
      this.delivery = {id: state.id, status: 'delivered', reference: state.reference};
      this.draftStore?.clear();
      this.announce(new CareDeliveredEvent({id: state.id, reference: state.reference ?? ''}));
      this.unwatch();
    } else if (state.status === 'failed') {
      this.submissionId = state.id;
      this.finish(state);
      this.unwatch();
    }
  };

  private readonly onTransportStorage = (event: Event): void => {
    const {persistence} = (event as CustomEvent<TransportStorageEventDetail>).detail;
    if (this.delivery?.status === 'queued') this.delivery = {...this.delivery, persistence};
  };

  private watch(transport: Transport): void {
    if (this.watched === transport) return;
    this.unwatch();
    this.watched = transport;
    transport.addEventListener('care-transport-status', this.onTransportStatus);
    transport.addEventListener('care-transport-storage', this.onTransportStorage);
  }

  private unwatch(): void {
    this.watched?.removeEventListener('care-transport-status', this.onTransportStatus);
    this.watched?.removeEventListener('care-transport-storage', this.onTransportStorage);
    this.watched = undefined;
  }

  /** After a reload, pick up a queued send from the draft and follow it to delivery. */
  private watchDelivery(): void {
    const endpoint = this.endpointUrl;
    if (!endpoint || !this.delivery) return;
    try {
      const transport = transportFor(endpoint, this.storageChoice);
      this.watch(transport);
      const state = transport.state(this.delivery.id);
      if (state?.status === 'delivered')
        this.onTransportStatus(new CustomEvent('x', {detail: state}));
      void transport.ready.then((persistence) => {
        if (this.delivery?.status === 'queued') this.delivery = {...this.delivery, persistence};
        void transport.flush();
      });
    } catch (error) {
      devWarn('Could not follow the queued feedback.', error);
    }
  }

  private retry(): void {
    this.delivery = undefined;
    this.phase = 'review';
    void this.send();
  }

  // ---- strings and counts -------------------------------------------------------------------

  private t = (key: string, values?: Record<string, string | number>): string =>
    this.localize.t(key as keyof FormStrings & string, values);

  private plural(base: string, count: number): string {
    const strings = this.localize.strings as Record<string, string>;
    const rule = new Intl.PluralRules(this.localize.locale).select(count);
    const key = `${base}.${rule}` in strings ? `${base}.${rule}` : `${base}.other`;
    return this.t(key, {count: this.number(count)});
  }

  private number(value: number): string {
    try {
      return new Intl.NumberFormat(this.localize.locale).format(value);
    } catch {
      return String(value);
    }
  }

  private errorText(error: FormError): string {
    const strings = this.localize.strings as Record<string, string>;
    return strings[`error.${error.code}`] ?? strings['error.body.invalid']!;
  }

  private readonly kit: FieldKit = {
    t: (key, values) => this.t(key, values),
    errorFor: (field) => {
      const error = this.errors.find((e) => targetFor(e.path, this.answers)?.field === field);
      return error ? this.errorText(error) : undefined;
    },
  };

  /** The count a person sees once they near the limit, and a calmer copy for screen readers after a pause. */
  private countFor(field: 'message' | 'improvement', max: number) {
    const used = characterCount(this.answers[field]);
    const left = max - used;
    const near = used >= max * COUNT_FROM;
    const text = !near
      ? undefined
      : left >= 0
        ? this.plural('count.left', left)
        : this.plural('count.over', -left);
    return {text, over: left < 0};
  }

  private typed(field: 'message' | 'improvement', value: string, max: number): void {
    this.setAnswer(field, value);
    clearTimeout(this.announceTimers.get(field));
    this.announceTimers.set(
      field,
      setTimeout(() => {
        this.announceTimers.delete(field);
        const {text} = this.countFor(field, max);
        this.announcements = {...this.announcements, [field]: text ?? ''};
      }, ANNOUNCE_AFTER_MS),
    );
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render(): TemplateResult {
    const locale = this.localize.locale;
    return html`<div class="base" part="base" lang=${locale} dir=${this.localize.dir}>
      <form novalidate aria-label=${this.t('form.label')} @submit=${this.onSubmit}>
        ${this.renderHoneypot()}
        <div class="step" part="step" data-phase=${this.phase}>${this.renderPhase()}</div>
      </form>
    </div>`;
  }

  private renderHoneypot(): TemplateResult {
    // Hidden from sight, from assistive technology and from the keyboard; only bots fill it in.
    return html`<div class="hp" aria-hidden="true" inert>
      <label for="f-website">${this.t('hp.label')}</label>
      <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>`;
  }

  private renderPhase(): TemplateResult {
    switch (this.phase) {
      case 'done':
        return this.renderDone();
      case 'failed':
        return this.renderFailed();
      case 'review':
        return this.renderStep('review', this.renderReview());
      case 'kind':
        return this.renderStep('kind', this.renderKind());
      case 'rating':
        return this.renderStep('rating', this.renderRating());
      case 'story':
        return this.renderStep('story', this.renderStory());
      case 'about':
        return this.renderStep('about', this.renderAbout());
      case 'reply':
        return this.renderStep('reply', this.renderReply());
      case 'needs':
        return this.renderStep('needs', this.renderNeeds());
      case 'consent':
        return this.renderStep('consent', this.renderConsent());
    }
  }

  private renderStep(step: Step, body: TemplateResult): TemplateResult {
    const steps = stepsFor(this.answers);
    const index = steps.indexOf(step);
    const showBack = index > 0 || this.returnToReview;
    return html`${
        showBack
          ? html`<button type="button" class="link back" @click=${this.back}>
              ${this.t('back')}
            </button>`
          : nothing
      }
      ${this.renderErrorSummary()}
      ${
        this.restored
          ? html`<div class="notice">
              <p>${this.t('draft.restored')}</p>
              <button type="button" class="link" @click=${this.startAgain}>
                ${this.t('draft.startAgain')}
              </button>
            </div>`
          : nothing
      }
      <p class="progress">
        ${this.t('progress', {current: this.number(index + 1), total: this.number(steps.length)})}
      </p>
      ${this.listen.button({
        key: 'step',
        lang: this.localize.locale,
        text: () => visibleText(this.renderRoot.querySelector('.step-body')),
      })}
      <div class="step-body">${body}</div>
      <div class="actions">
        ${
          step === 'review'
            ? html`<button
                class="button"
                part="button"
                type="submit"
                aria-disabled=${this.sending ? 'true' : 'false'}
              >
                ${this.t('send')}
              </button>`
            : html`<button class="button" part="button" type="submit">
                ${this.t('continue')}
              </button>`
        }
      </div>
      <p role="status" class=${this.sending ? 'status' : 'visually-hidden'}>
        ${this.sending ? this.t('sending') : ''}
      </p>`;
  }

  private startAgain = (): void => {
    this.reset();
    this.focusNext = 'heading';
  };

  private heading(text: string): TemplateResult {
    return html`<h2 class="step-heading" part="heading" tabindex="-1">${text}</h2>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">${this.t('errorSummary.title')}</h2>
      <ul>
        ${this.errors.map((error) => {
          const target = targetFor(error.path, this.answers);
          const text = this.errorText(error);
          return html`<li>
            ${
              target
                ? html`<a
                    href="#${target.field}"
                    @click=${(event: Event) => this.focusField(event, error)}
                    >${text}</a
                  >`
                : text
            }
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderKind(): TemplateResult {
    const error = this.kit.errorFor('f-kind');
    return html`${this.heading(this.t('kind.heading'))}
      <div class="group ${error ? 'group--error' : ''}">
        ${
          error
            ? html`<p class="error-message" id="f-kind-error">
                <span class="visually-hidden">${this.t('error.prefix')}</span> ${error}
              </p>`
            : nothing
        }
        <care-feedback-picker
          id="f-kind"
          .embedded=${true}
          .legend=${this.t('kind.legend')}
          .value=${this.answers.kind}
          locale=${ifDefined(this.locale)}
          reading-level=${ifDefined(this.readingLevel)}
          safeguarding-contact=${ifDefined(this.safeguardingContact)}
          @care-kind-change=${(event: CareKindChangeEvent) => {
            event.stopPropagation();
            if (isKind(event.detail.kind)) this.setAnswer('kind', event.detail.kind);
          }}
        ></care-feedback-picker>
      </div>`;
  }

  private renderRating(): TemplateResult {
    return radios(this.kit, {
      id: 'f-rating',
      legend: this.t('rating.heading'),
      legendHeading: true,
      hint: this.t('rating.hint'),
      value: this.answers.rating,
      choices: RATINGS.map((rating) => ({value: rating, label: this.t(`rating.${rating}`)})),
      onChange: (value) => this.setAnswer('rating', value as Answers['rating']),
    });
  }

  private renderStory(): TemplateResult {
    const limit = this.t('count.limit', {max: this.number(LIMITS.message)});
    const message = this.countFor('message', LIMITS.message);
    const improvement = this.countFor('improvement', LIMITS.improvement);
    return html`${this.heading(this.t('story.heading'))}
    ${textArea(this.kit, {
      id: 'f-message',
      label: this.t('message.label'),
      hint: this.t('message.hint'),
      value: this.answers.message,
      rows: 8,
      limitText: limit,
      countText: message.text,
      over: message.over,
      announcement: this.announcements.message ?? '',
      onInput: (value) => this.typed('message', value, LIMITS.message),
    })}
    ${textArea(this.kit, {
      id: 'f-improvement',
      label: this.t('improvement.label'),
      hint: this.t('improvement.hint'),
      optional: true,
      value: this.answers.improvement,
      rows: 5,
      limitText: this.t('count.limit', {max: this.number(LIMITS.improvement)}),
      countText: improvement.text,
      over: improvement.over,
      announcement: this.announcements.improvement ?? '',
      onInput: (value) => this.typed('improvement', value, LIMITS.improvement),
    })}`;
  }

  private renderAbout(): TemplateResult {
    const services = this.services ?? [];
    return html`${this.heading(this.t('about.heading'))}
    ${radios(this.kit, {
      id: 'f-relationship',
      legend: this.t('relationship.legend'),
      optional: true,
      value: this.answers.relationship,
      choices: RELATIONSHIPS.map((value) => ({value, label: this.t(`relationship.${value}`)})),
      onChange: (value) => this.setAnswer('relationship', value as Answers['relationship']),
    })}
    ${
      services.length > 0
        ? radios(this.kit, {
            id: 'f-service',
            legend: this.t('service.legend'),
            optional: true,
            value: this.answers.service,
            choices: [
              ...services.map((service) => ({value: service.id, label: service.label})),
              {value: 'unsure', label: this.t('service.unsure')},
            ],
            onChange: (value) => this.setAnswer('service', value),
          })
        : nothing
    }`;
  }

  private renderReply(): TemplateResult {
    const a = this.answers;
    const methodFields = {
      email: textField(this.kit, {
        id: 'f-email',
        label: this.t('email.label'),
        type: 'email',
        autocomplete: 'email',
        widthClass: 'width-email',
        value: a.email,
        onInput: (value) => this.setAnswer('email', value),
      }),
      phone: textField(this.kit, {
        id: 'f-phone',
        label: this.t('phone.label'),
        hint: this.t('phone.hint'),
        type: 'tel',
        autocomplete: 'tel',
        widthClass: 'width-phone',
        value: a.phone,
        onInput: (value) => this.setAnswer('phone', value),
      }),
      post: textArea(this.kit, {
        id: 'f-address',
        label: this.t('address.label'),
        hint: this.t('address.hint'),
        autocomplete: 'street-address',
        rows: 4,
        value: a.address,
        onInput: (value) => this.setAnswer('address', value),
      }),
    };
    const contactFields = html`${textField(this.kit, {
      id: 'f-name',
      label: this.t('name.label'),
      optional: true,
      autocomplete: 'name',
      value: a.name,
      onInput: (value) => this.setAnswer('name', value),
    })}
    ${radios(this.kit, {
      id: 'f-method',
      legend: this.t('method.legend'),
      value: a.method,
      choices: (['email', 'phone', 'post'] as const).map((method) => ({
        value: method,
        label: this.t(`method.${method}`),
        reveal: methodFields[method],
      })),
      onChange: (value) => this.setAnswer('method', value as Answers['method']),
    })}`;
    return radios(this.kit, {
      id: 'f-reply',
      legend: this.t('reply.heading'),
      legendHeading: true,
      hint: this.t('reply.hint'),
      value: a.reply,
      choices: [
        {
          value: 'anonymous',
          label: this.t('reply.anonymous'),
          hint: this.t('reply.anonymous.hint'),
        },
        {value: 'contact', label: this.t('reply.contact'), reveal: contactFields},
      ],
      onChange: (value) => this.setAnswer('reply', value as Answers['reply']),
    });
  }

  private renderNeeds(): TemplateResult {
    const detail = textField(this.kit, {
      id: 'f-needs-detail',
      label: this.t('needsDetail.label'),
      hint: this.t('needsDetail.hint'),
      value: this.answers.needsDetail,
      onInput: (value) => this.setAnswer('needsDetail', value),
    });
    return html`${checkboxes(this.kit, {
      id: 'f-needs',
      legend: this.t('needs.heading'),
      legendHeading: true,
      hint: this.t('needs.hint'),
      values: this.answers.needs,
      choices: COMMUNICATION_NEEDS.map((need) => ({value: need, label: this.t(`needs.${need}`)})),
      onChange: (values) => this.setAnswer('needs', values as Answers['needs']),
    })}
    ${needsWithDetail(this.answers.needs) ? detail : nothing}`;
  }

  private renderConsent(): TemplateResult {
    const privacy = safeHref(this.privacyUrl ?? (getConfig().privacyUrl as string | undefined));
    const a = this.answers;
    return html`${this.heading(this.t('consent.heading'))}
      <p class="hint">${this.t('consent.hint')}</p>
      ${singleCheckbox(this.kit, {
        id: 'f-consent-store',
        label: this.t('consent.store'),
        hint: this.t('consent.store.hint'),
        checked: a.consentStore,
        extra: privacy
          ? html`<p>
              <a href=${privacy} target="_blank" rel="noopener">${this.t('consent.privacy')}</a>
            </p>`
          : undefined,
        onChange: (on) => this.setAnswer('consentStore', on),
      })}
      <p>${this.t('consent.choice')}</p>
      ${
        a.reply === 'contact'
          ? singleCheckbox(this.kit, {
              id: 'f-consent-contact',
              label: this.t('consent.contact'),
              checked: a.consentContact,
              onChange: (on) => this.setAnswer('consentContact', on),
            })
          : nothing
      }
      ${singleCheckbox(this.kit, {
        id: 'f-consent-publish',
        label: this.t('consent.publish'),
        checked: a.consentPublish,
        onChange: (on) => this.setAnswer('consentPublish', on),
      })}`;
  }

  private renderReview(): TemplateResult {
    const a = this.answers;
    const steps = stepsFor(a);
    const none = this.t('review.none');
    const service =
      this.services?.find((s) => s.id === a.service)?.label ??
      (a.service === 'unsure' ? this.t('service.unsure') : '');
    const reply =
      a.reply === 'contact'
        ? [
            a.name,
            a.method ? this.t(`method.${a.method}`) : '',
            a.method === 'email'
              ? a.email
              : a.method === 'phone'
                ? a.phone
                : a.method === 'post'
                  ? a.address
                  : '',
          ]
            .filter((line) => line.trim() !== '')
            .join('\n')
        : a.reply === 'anonymous'
          ? this.t('review.anonymous')
          : none;
    const needs = a.needs.map((need) => this.t(`needs.${need}`));
    if (needsWithDetail(a.needs) && a.needsDetail.trim()) needs.push(a.needsDetail);
    const consent = [
      a.consentStore && this.t('review.consent.store'),
      a.reply === 'contact' && a.consentContact && this.t('review.consent.contact'),
      a.consentPublish && this.t('review.consent.publish'),
    ].filter((item): item is string => Boolean(item));
    const rows: Array<[Step, string, string | string[]]> = [
      ['kind', this.t('review.kind'), a.kind ? this.t(`kind.${a.kind}`) : none],
    ];
    if (steps.includes('rating'))
      rows.push([
        'rating',
        this.t('review.rating'),
        a.rating ? this.t(`rating.${a.rating}`) : none,
      ]);
    rows.push(['story', this.t('review.message'), a.message || none]);
    rows.push(['story', this.t('review.improvement'), a.improvement.trim() ? a.improvement : none]);
    rows.push([
      'about',
      this.t('review.relationship'),
      a.relationship ? this.t(`relationship.${a.relationship}`) : none,
    ]);
    if ((this.services ?? []).length > 0)
      rows.push(['about', this.t('review.service'), service || none]);
    rows.push(['reply', this.t('review.reply'), reply]);
    if (steps.includes('needs'))
      rows.push(['needs', this.t('review.needs'), needs.length ? needs : none]);
    rows.push(['consent', this.t('review.consent'), consent.length ? consent : none]);
    return html`${this.heading(this.t('review.heading'))}
      <p class="hint">${this.t('review.hint')}</p>
      <dl class="summary">
        ${rows.map(
          ([step, label, value]) =>
            html`<div class="summary-row">
              <dt>${label}</dt>
              <dd class="value">
                ${
                  Array.isArray(value)
                    ? html`<ul>
                        ${value.map((item) => html`<li .textContent=${item}></li>`)}
                      </ul>`
                    : html`<span class="text" .textContent=${value}></span>`
                }
              </dd>
              <dd>
                <button
                  type="button"
                  class="link"
                  aria-label=${this.t('review.changeLabel', {question: label})}
                  @click=${() => this.change(step)}
                >
                  ${this.t('review.change')}
                </button>
              </dd>
            </div>`,
        )}
      </dl>`;
  }

  /**
   * A sentence with a glossary word in it, shown as a <care-jargon> that explains itself. The word has its
   * own string (`term.<placeholder>`), so a translation or a provider can reword either. A replacement
   * sentence without the {placeholder} is shown as it is.
   */
  private withTerm(
    key: keyof FormStrings,
    values: Record<string, string | number>,
    placeholder: 'workingDays' | 'safeguarding',
    term: string,
  ): TemplateResult | string {
    const [before, after] = this.t(key, values).split(`{${placeholder}}`);
    if (after === undefined) return before!;
    return html`${before}<care-jargon
        term=${term}
        locale=${this.localize.locale}
        reading-level=${this.localize.easyRead ? 'easy' : nothing}
        >${this.t(`term.${placeholder}`)}</care-jargon
      >${after}`;
  }

  private renderDone(): TemplateResult {
    const d = this.delivery;
    const a = this.answers;
    const delivered = d?.status === 'delivered';
    const onDevice = d?.persistence === 'indexeddb';
    const headingKey = delivered
      ? 'done.delivered.heading'
      : onDevice
        ? 'done.queued.heading'
        : 'done.memory.heading';
    const days =
      Number.isFinite(this.acknowledgeDays) && this.acknowledgeDays > 0 ? this.acknowledgeDays : 3;
    const replying = a.reply === 'contact' && a.method;
    const chosen = this.nation ?? getConfig().nation;
    const nation: Nation = typeof chosen === 'string' && isNation(chosen) ? chosen : 'england';
    const next: TemplateResult[] = [];
    if (a.kind === 'complaint') {
      next.push(
        html`<p>
            ${this.withTerm(replying ? 'done.next.complaint.contact' : 'done.next.complaint.anonymous', {days: this.number(days)}, 'workingDays', 'working days')}
          </p>
          <p>${this.t('done.ombudsman', {ombudsman: this.t(`ombudsman.${nation}`)})}</p>
          <p>
            <a href=${NATION_FACTS[nation].ombudsman.url} target="_blank" rel="noopener"
              >${this.t('done.ombudsman.link')}</a
            >
          </p>`,
      );
    } else if (a.kind === 'concern') {
      next.push(html`<p>${this.t('done.next.concern')}</p>`);
      if (this.safeguardingContact) {
        next.push(
          html`<p>
            ${this.withTerm('done.next.concern.contact', {contact: this.safeguardingContact}, 'safeguarding', 'safeguarding')}
          </p>`,
        );
      }
    } else {
      next.push(
        html`<p>
          ${this.t(a.kind === 'compliment' ? 'done.next.compliment' : 'done.next.other')}
        </p>`,
      );
    }
    if (replying && a.kind !== 'complaint')
      next.push(html`<p>${this.t(`done.next.reply.${a.method}`)}</p>`);
    // Listen reads what was sent and what happens next, as it reads each step (not "About you", which is
    // a form of its own below).
    return html`${this.listen.button({
        key: 'done',
        lang: this.localize.locale,
        text: () => visibleText(this.renderRoot.querySelector('.done-body')),
      })}
      <div class="done-body">
      <div class="panel ${delivered ? '' : 'panel--waiting'}" part="confirmation">
        ${this.heading(this.t(headingKey))}
        ${
          delivered && d?.reference
            ? html`<p>${this.t('done.reference')}</p>
                <p class="reference">${d.reference}</p>`
            : html`<p>${this.t(onDevice ? 'done.queued.body' : 'done.memory.body')}</p>`
        }
      </div>
      ${delivered && d?.reference ? html`<p>${this.t('done.reference.hint')}</p>` : nothing}
      <p role="status">
        <span class="status">${this.t('done.status.label')}</span>
        ${this.t(delivered ? 'done.status.delivered' : 'done.status.queued')}
      </p>
      <h3>${this.t('done.next.heading')}</h3>
      ${next}
      </div>
      ${d && this.aboutYou !== 'off'
        ? html`<care-about-you
            submission-id=${d.id}
            endpoint=${this.endpointUrl ?? nothing}
            locale=${this.localize.locale}
            reading-level=${this.localize.easyRead ? 'easy' : nothing}
            storage=${this.storageChoice}
          ></care-about-you>`
        : nothing}
      <div class="actions">
        <button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${this.startAgain}
        >
          ${this.t('done.again')}
        </button>
      </div>`;
  }

  private renderFailed(): TemplateResult {
    const reason = this.delivery?.reason ?? 'rejected';
    return html`${this.listen.button({
        key: 'failed',
        lang: this.localize.locale,
        text: () => visibleText(this.renderRoot.querySelector('.failed-body')),
      })}
      <div class="error-summary failed-body" part="confirmation">
        ${this.heading(this.t('failed.heading'))}
        <p>${this.t(`failed.${reason}`)}</p>
        <p>${this.t('failed.kept')}</p>
      </div>
      <div class="actions">
        <button type="button" class="button" part="button" @click=${this.retry}>
          ${this.t('failed.retry')}
        </button>
        <button
          type="button"
          class="button button--secondary"
          part="button"
          @click=${() => this.go('review')}
        >
          ${this.t('failed.review')}
        </button>
      </div>`;
  }
}
