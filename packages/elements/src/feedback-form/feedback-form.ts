// <care-feedback-form>: the whole feedback journey, from choosing a kind to a confirmation with a reference.
// Where the person is, and what each click does, is the flow (flow.ts); drafts and delivery are
// controllers; each step's template is in steps/. This file joins them to the page.
import {html, LitElement, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {KINDS, type Kind} from '@care-feedback/core/schema/vocabulary';
import {newSubmissionId} from '@care-feedback/core/schema/submission-id';
import {isNation, type Nation} from '@care-feedback/core/nations';
import {CareDeliveredEvent} from '../events/care-delivered.js';
import {CareFailedEvent} from '../events/care-failed.js';
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
  stepsFor,
  targetFor,
  type Answers,
  type Context,
  type FormError,
  type Step,
} from './answers.js';
import {announceOnce, transportFor} from '../shared/delivery.js';
import type {FieldKit} from './fields.js';
import {formStyles} from './feedback-form.styles.js';
import {formStrings, type FormStrings} from './strings.js';
import {DeliveryController} from './delivery-controller.js';
import {DraftsController} from './drafts-controller.js';
import {
  isDirty,
  phaseOf,
  start,
  transition,
  type FlowEvent,
  type FlowState,
  type Focus,
  type Notice,
} from './flow.js';
import {servicesConverter, type CareService} from './services.js';
import {aboutStep} from './steps/about.js';
import {consentStep} from './steps/consent.js';
import {doneStep} from './steps/done.js';
import {failedStep} from './steps/failed.js';
import {stepFrame} from './steps/frame.js';
import {kindStep} from './steps/kind.js';
import {needsStep} from './steps/needs.js';
import {ratingStep} from './steps/rating.js';
import {replyStep} from './steps/reply.js';
import {reviewStep} from './steps/review.js';
import {storyStep, countFor, type StoryField} from './steps/story.js';
import type {StepView} from './steps/view.js';

export type {CareService};

/** A screen-reader copy of a text area's count is spoken this long after the person stops typing. */
const ANNOUNCE_AFTER_MS = 1000;

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

  /** Collector base URL, e.g. `https://collector.example/v1`. Falls back to the page-wide config. */
  @property() endpoint?: string;
  /** `en-GB` (default), `cy` or `ur`. */
  @property() locale?: string;
  /** `easy` for easy-read wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  /** Preselects a kind of feedback; the journey then starts at the next step. */
  @property() kind?: string;
  /** The provider's services for "which service is it about"; JSON in the attribute. */
  @property({converter: servicesConverter}) services: CareService[] = [];
  /** The provider's privacy notice, linked from the consent step. */
  @property({attribute: 'privacy-url'}) privacyUrl?: string;
  /** Who to contact about a safeguarding concern (shown by the picker and on the confirmation). */
  @property({attribute: 'safeguarding-contact'}) safeguardingContact?: string;
  /** Working days within which a complaint is acknowledged. */
  @property({type: Number, attribute: 'acknowledge-days'}) acknowledgeDays = 3;
  /**
   * `england` (default), `wales`, `scotland` or `northern-ireland`: names the ombudsman a person can go
   * to after a complaint. Falls back to the page-wide config (`data-nation` on the script tag).
   */
  @property() nation?: string;
  /** `local` keeps drafts and the send queue on this device; `none` writes nothing (shared devices). */
  @property() storage?: 'local' | 'none';
  /** The id of the rights-charter item this feedback is about. */
  @property({attribute: 'charter-right'}) charterRight?: string;
  /**
   * `ask` (default): once the feedback is sent, the done screen offers the optional equality questions
   * (`<care-about-you>`); `off` leaves them out.
   */
  @property({attribute: 'about-you'}) aboutYou?: 'ask' | 'off';
  /** Replacements for single strings, by key (see `formStrings`). */
  @property({attribute: false}) strings?: Partial<FormStrings>;

  /** Where the person is in the journey, and what they have said (see flow.ts). */
  @state() protected flow: FlowState = start(newSubmissionId());
  /** A draft was brought back and nothing has changed since. */
  @state() protected restored = false;
  @state() protected announcements: Partial<Record<StoryField, string>> = {};

  private readonly localize = new LocalizeController<FormStrings>(this, 'form', formStrings);
  /** "Listen" reads the step aloud on this device; it stops when the step changes. */
  private readonly listen = new ListenController(this, () => ({
    listen: this.t('listen'),
    stop: this.t('listen.stop'),
  }));
  private readonly drafts = new DraftsController(this, () => ({
    state: this.flow,
    startedAt: this.startedAt,
  }));
  private readonly delivery = new DeliveryController(this, {
    status: (delivery, persistence) =>
      this.dispatch({type: 'status', delivery, persistence, nextId: newSubmissionId()}),
    storage: (persistence) => this.dispatch({type: 'storage', persistence}),
    waiting: () => {
      const endpoint = this.endpointUrl;
      return this.flow.at === 'queued' && endpoint
        ? {endpoint, storage: this.storageChoice, id: this.flow.id}
        : undefined;
    },
  });
  private startedAt = Date.now();
  private focusNext: Focus;
  private started = false;
  private announceTimers = new Map<StoryField, ReturnType<typeof setTimeout>>();

  /** True while the person has typed or chosen something that has not been handed over for sending. */
  get dirty(): boolean {
    return isDirty(this.flow);
  }

  /** Empties the form and its draft and starts again at the first step. */
  reset(): void {
    this.drafts.clear();
    this.delivery.stop();
    this.startedAt = Date.now();
    this.restored = false;
    this.announcements = {};
    this.flow = start(newSubmissionId(), isKind(this.kind) ? this.kind : undefined);
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
    this.focusNext = {to: 'heading'};
    this.requestUpdate();
  }

  override connectedCallback(): void {
    // The draft first, so the controllers (delivery follows a send still waiting) see where it left off.
    if (!this.started) {
      this.started = true;
      this.restore();
    }
    super.connectedCallback();
    // Starting the transport sends whatever an earlier page left waiting on this device, so a
    // queued item never depends on the person sending something else (checked once the
    // endpoint a script sets just after connecting is in place).
    queueMicrotask(() => {
      const endpoint = this.endpointUrl;
      if (endpoint && this.storageChoice === 'local' && this.isConnected)
        transportFor(endpoint, 'local');
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.announceTimers.values()) clearTimeout(timer);
    this.announceTimers.clear();
  }

  private get storageChoice(): 'local' | 'none' {
    return (this.storage ?? getConfig().storage) === 'none' ? 'none' : 'local';
  }

  private get endpointUrl(): string | undefined {
    return this.endpoint || getConfig().endpoint || undefined;
  }

  /** Picks up this tab's draft, and follows a send that was still waiting when the page closed. */
  private restore(): void {
    const saved = this.drafts.open(this.storageChoice);
    if (!saved) {
      this.flow = start(this.flow.id, isKind(this.kind) ? this.kind : undefined);
      return;
    }
    this.flow = saved.state;
    this.startedAt = saved.startedAt;
    this.restored = this.dirty;
  }

  // ---- the flow -----------------------------------------------------------------------------

  /** Moves the journey on: the new state, where focus goes, and what the page is told. */
  private dispatch(event: FlowEvent): FlowState {
    const before = this.flow;
    const {state, focus, notice} = transition(before, event);
    this.flow = state;
    if (focus) this.focusNext = focus;
    this.requestUpdate();
    if (state.at !== before.at || event.type === 'answer') this.restored = false;
    if (notice) this.announce(notice);
    if (notice && notice.type !== 'queued') this.delivery.stop();
    return state;
  }

  private announce(notice: Notice): void {
    announceOnce(
      this,
      notice.type === 'delivered'
        ? new CareDeliveredEvent({id: notice.id, reference: notice.reference})
        : notice.type === 'queued'
          ? new CareQueuedEvent({id: notice.id, persistence: notice.persistence})
          : new CareFailedEvent({
              id: notice.id,
              reason: notice.reason,
              errors: notice.errors ?? [],
            }),
    );
  }

  private get context(): Context {
    return {
      id: this.flow.id,
      locale: this.localize.locale,
      startedAt: this.startedAt,
      honeypot: this.renderRoot?.querySelector<HTMLInputElement>('#f-website')?.value ?? '',
      charterRight: this.charterRight || undefined,
      version: VERSION,
    };
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.flow.at === 'review') {
      this.send();
      return;
    }
    // Someone who chose "concern" and read the safety advice may go on with Continue, not only "Go on".
    const picker = this.renderRoot.querySelector('care-feedback-picker') as
      (HTMLElement & {safeguardingShown?: boolean}) | null;
    const concernAdvice = this.flow.at === 'kind' && picker?.safeguardingShown === true;
    this.dispatch({type: 'continue', context: this.context, concernAdvice});
  }

  /** Send on review, or try again after a failure: checked, offered to the page, then handed over. */
  private send(): void {
    if (this.flow.at === 'sending') return;
    const state = this.dispatch({type: 'send', context: this.context});
    if (state.at !== 'sending') return;
    if (!this.dispatchEvent(new CareSubmitEvent({submission: state.submission}))) {
      this.dispatch({type: 'cancel'});
      return;
    }
    const endpoint = this.endpointUrl;
    if (!endpoint) {
      devWarn(
        '<care-feedback-form> has no endpoint: set the endpoint attribute or configure({endpoint}).',
      );
      this.dispatch({type: 'cannot-send', nextId: newSubmissionId()});
      return;
    }
    try {
      this.delivery.send(endpoint, this.storageChoice, state.submission);
    } catch (error) {
      devWarn('Could not start sending.', error);
      this.dispatch({type: 'cannot-send', nextId: newSubmissionId()});
    }
  }

  private setAnswer<K extends keyof Answers>(key: K, value: Answers[K]): void {
    this.dispatch({type: 'answer', answers: {[key]: value}});
  }

  /** Typing in a text area: the answer now, and the count for screen readers after a pause. */
  private typed(field: StoryField, value: string): void {
    this.setAnswer(field, value);
    clearTimeout(this.announceTimers.get(field));
    this.announceTimers.set(
      field,
      setTimeout(() => {
        this.announceTimers.delete(field);
        const {text} = countFor(this.view, field);
        this.announcements = {...this.announcements, [field]: text ?? ''};
      }, ANNOUNCE_AFTER_MS),
    );
  }

  private startAgain = (): void => {
    this.reset();
    this.focusNext = {to: 'heading'};
  };

  // ---- lifecycle ----------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    // Reading stops when the step (or its wording) changes, before the new step is drawn.
    const before = changed.get('flow') as FlowState | undefined;
    if (
      (changed.has('flow') && (!before || phaseOf(before) !== phaseOf(this.flow))) ||
      changed.has('locale') ||
      changed.has('readingLevel')
    )
      this.listen.stop();
    // A page (or a standalone picker) may set the kind after the form has started.
    if (changed.has('kind') && this.hasUpdated && isKind(this.kind))
      this.dispatch({type: 'kind', kind: this.kind, preset: true});
  }

  protected override updated(): void {
    const target = this.focusNext;
    this.focusNext = undefined;
    if (target?.to === 'summary')
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    if (target?.to === 'heading')
      this.renderRoot.querySelector<HTMLElement>('.step-heading')?.focus();
    if (target?.to === 'field') {
      // The picker's own focus() lands on its chosen option, or the first, once it has drawn them.
      const field = this.renderRoot.querySelector<
        HTMLElement & {updateComplete?: Promise<unknown>}
      >(`#${target.id}`);
      const go = () => {
        field?.focus();
        field?.scrollIntoView?.({block: 'center'});
      };
      if (field?.updateComplete) void field.updateComplete.then(go);
      else go();
    }
  }

  // ---- strings ------------------------------------------------------------------------------

  private t = (key: string, values?: Record<string, string | number>): string =>
    this.localize.t(key as keyof FormStrings & string, values);

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

  private get errors(): readonly FormError[] {
    return 'errors' in this.flow ? this.flow.errors : [];
  }

  private readonly kit: FieldKit = {
    t: (key, values) => this.t(key, values),
    errorFor: (field) => {
      const error = this.errors.find((e) => targetFor(e.path, this.flow.answers)?.field === field);
      return error ? this.errorText(error) : undefined;
    },
  };

  /** What the step templates see of the form. */
  private get view(): StepView {
    return {
      answers: this.flow.answers,
      kit: this.kit,
      t: (key, values) => this.t(key, values),
      number: (value) => this.number(value),
      plural: (base, count) => {
        const strings = this.localize.strings as Record<string, string>;
        const rule = new Intl.PluralRules(this.localize.locale).select(count);
        const key = `${base}.${rule}` in strings ? `${base}.${rule}` : `${base}.other`;
        return this.t(key, {count: this.number(count)});
      },
      set: (key, value) => this.setAnswer(key, value),
    };
  }

  // ---- rendering ----------------------------------------------------------------------------

  override render(): TemplateResult {
    const locale = this.localize.locale;
    return html`<div class="base" part="base" lang=${locale} dir=${this.localize.dir}>
      <form novalidate aria-label=${this.t('form.label')} @submit=${this.onSubmit}>
        ${this.renderHoneypot()}
        <div class="step" part="step" data-phase=${phaseOf(this.flow)}>${this.renderPlace()}</div>
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

  private renderPlace(): TemplateResult {
    const state = this.flow;
    const view = this.view;
    if (state.at === 'queued' || state.at === 'delivered') return this.renderDone(state);
    if (state.at === 'failed')
      return failedStep(view, {
        reason: state.reason,
        listen: this.listenButton('failed', '.failed-body'),
        retry: () => this.send(),
        review: () => this.dispatch({type: 'review'}),
      });
    const step = state.at === 'sending' ? 'review' : state.at;
    const services = this.services ?? [];
    const body = {
      kind: () => kindStep(view, this),
      rating: () => ratingStep(view),
      story: () =>
        storyStep(view, {
          announcements: this.announcements,
          typed: (field, value) => this.typed(field, value),
        }),
      about: () => aboutStep(view, services),
      reply: () => replyStep(view),
      needs: () => needsStep(view),
      consent: () =>
        consentStep(view, safeHref(this.privacyUrl ?? (getConfig().privacyUrl as string | undefined))),
      review: () => reviewStep(view, services, (step) => this.dispatch({type: 'change', step})),
    }[step]();
    return this.frame(step, body);
  }

  private frame(step: Step, body: TemplateResult): TemplateResult {
    const steps = stepsFor(this.flow.answers);
    const index = steps.indexOf(step);
    const returnToReview = 'returnToReview' in this.flow && this.flow.returnToReview;
    return stepFrame(
      this.view,
      {
        current: index + 1,
        total: steps.length,
        showBack: index > 0 || returnToReview,
        errors: this.errors,
        restored: this.restored,
        review: step === 'review',
        sending: this.flow.at === 'sending',
        listen: this.listenButton('step', '.step-body'),
        errorText: (error) => this.errorText(error),
        back: () => this.dispatch({type: 'back'}),
        startAgain: this.startAgain,
        fix: (error) => this.dispatch({type: 'fix', error}),
      },
      body,
    );
  }

  private listenButton(key: string, selector: string) {
    return this.listen.button({
      key,
      lang: this.localize.locale,
      text: () => visibleText(this.renderRoot.querySelector(selector)),
    });
  }

  private renderDone(state: Extract<FlowState, {at: 'queued' | 'delivered'}>): TemplateResult {
    const chosen = this.nation ?? getConfig().nation;
    const nation: Nation = typeof chosen === 'string' && isNation(chosen) ? chosen : 'england';
    return doneStep(this.view, {
      delivered: state.at === 'delivered',
      reference: state.at === 'delivered' ? state.reference : undefined,
      onDevice: state.at === 'queued' && state.persistence === 'indexeddb',
      acknowledgeDays: this.acknowledgeDays,
      nation,
      safeguardingContact: this.safeguardingContact,
      locale: this.localize.locale,
      easyRead: this.localize.easyRead,
      listen: this.listenButton('done', '.done-body'),
      aboutYou:
        this.aboutYou !== 'off'
          ? html`<care-about-you
              submission-id=${state.id}
              endpoint=${this.endpointUrl ?? nothing}
              locale=${this.localize.locale}
              reading-level=${this.localize.easyRead ? 'easy' : nothing}
              storage=${this.storageChoice}
            ></care-about-you>`
          : nothing,
      again: this.startAgain,
    });
  }
}
