// <care-about-you>: the optional "About you" questions, offered after feedback is sent (issue #15).
import {LitElement, html, nothing, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {
  ABOUT_YOU_QUESTION_NAMES,
  ABOUT_YOU_QUESTIONS,
  ETHNIC_GROUP_NAMES,
  ETHNIC_GROUPS,
  PREFER_NOT_TO_SAY,
  type AboutYou,
  type AboutYouQuestion,
} from '@care-feedback/core/schema/about-you';
import {validateAboutYou} from '@care-feedback/core/schema/validate-about-you';
import type {AboutYouFieldError} from '@care-feedback/core/schema/about-you-messages';
import {newSubmissionId} from '@care-feedback/core/schema/submission-id';
import type {Submission} from '@care-feedback/core/schema/submission';
import type {DeliveryState, Transport, TransportStatusEventDetail} from '@care-feedback/core/transport';
import {baseStyles} from '../shared/styles.js';
import {getConfig} from '../shared/config.js';
import {devWarn} from '../shared/dev.js';
import {LocalizeController, type Catalog} from '../shared/localize.js';
import {transportFor} from '../shared/delivery.js';
import {CareAboutYouEvent, type CareAboutYouDetail} from '../events/care-about-you.js';
import {aboutYouStyles} from './about-you.styles.js';
import {aboutYouStrings, type AboutYouStrings} from './strings.js';

type Key = keyof AboutYouStrings & string;
type Phase = 'ask' | 'skipped' | 'delivered' | 'queued' | 'queuedMemory' | 'failed';

/** A radio's id: `ay-<question>-<answer>`. The first answer's is where a question's error links to. */
const radioId = (question: AboutYouQuestion, answer: string) => `ay-${question}-${answer}`;

/**
 * Optional questions about the person who just sent feedback: age, disability, ethnic group (the ONS
 * Census 2021 groups for England and Wales), sex, sexual orientation, religion and whether they are an
 * unpaid carer, so the provider can see whether some groups have a worse experience. Every question has
 * "Prefer not to say"; the answers need their own consent; one press of Skip ends it and sends nothing.
 *
 * It is shown by `<care-feedback-form>` on its done screen, after the feedback is sent, so it can never
 * stop feedback being sent; it can be used alone given the sent feedback's id. It posts to
 * `<endpoint>/about-you` through the same offline-safe queue as feedback (its own queue): answers given
 * offline are kept and sent once the feedback has arrived. The collector keeps them apart from the
 * feedback and shows them only as counts of groups of 10 or more.
 *
 * Native radios in fieldsets with legends, an error summary linked to each field, focus moved to what
 * changed.
 *
 * @fires care-about-you - How it ended: `detail: {submissionId, outcome: 'skipped' | 'delivered' | 'queued' | 'failed'}`.
 * @csspart base - The wrapper around everything.
 * @csspart error-summary - The list of problems at the top.
 * @csspart button - The Send and Skip buttons.
 * @csspart confirmation - The message shown once it has ended.
 * @cssprop --care-accent - Button and radio colour.
 * @cssprop --care-color-error - Error colour.
 */
export class CareAboutYou extends LitElement {
  static override styles = [baseStyles, aboutYouStyles];

  /** Collector base URL, e.g. `https://collector.example/v1`; else the page's configure({endpoint}). */
  @property() endpoint?: string;

  /** The id of the feedback just sent (its `id`, not its reference). Without it nothing is shown. */
  @property({attribute: 'submission-id'}) submissionId?: string;

  /** `en-GB` (default), `cy`, `ur`. */
  @property() locale?: string;

  /** `easy` for easy-read wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;

  /** `none` keeps nothing on the device (shared computers). */
  @property() storage?: 'local' | 'none';

  /** Replacements for single strings, by key (see about-you/strings.ts). */
  @property({attribute: false}) strings?: Partial<Catalog>;

  @state() private phase: Phase = 'ask';
  @state() private errors: AboutYouFieldError[] = [];
  @state() private sending = false;
  @state() private answers: Partial<Record<AboutYouQuestion, string>> = {};
  @state() private consent = false;

  private answerId = newSubmissionId();
  private watched?: Transport;
  private focusNext?: 'summary' | 'message';
  private readonly localize = new LocalizeController<AboutYouStrings>(this, 'about-you', aboutYouStrings);

  private t(key: Key): string {
    return this.localize.t(key);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch();
  }

  private get endpointUrl(): string | undefined {
    return this.endpoint || getConfig().endpoint || undefined;
  }

  private end(outcome: CareAboutYouDetail['outcome'], phase: Phase): void {
    this.phase = phase;
    this.focusNext = 'message';
    this.dispatchEvent(new CareAboutYouEvent({submissionId: this.submissionId ?? '', outcome}));
  }

  private readonly onSkip = (): void => {
    if (this.sending) return;
    this.end('skipped', 'skipped');
  };

  private readonly onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    const answered = Object.keys(this.answers).length > 0;
    const body = {
      schemaVersion: 1,
      id: this.answerId,
      submissionId: this.submissionId,
      locale: this.localize.locale,
      answers: this.answers,
      consent: {equality: this.consent},
    };
    const checked = validateAboutYou(body);
    const errors = checked.ok ? [] : [...checked.errors];
    if (!answered) errors.push({path: 'answers', code: 'answers.invalid', message: ''});
    if (errors.length) {
      this.errors = errors.filter((error, i) => errors.findIndex((e) => this.fieldFor(e.path) === this.fieldFor(error.path)) === i);
      this.focusNext = 'summary';
      return;
    }
    await this.send(checked.value!);
  };

  private async send(answers: AboutYou): Promise<void> {
    this.errors = [];
    const endpoint = this.endpointUrl;
    if (!endpoint) {
      devWarn('<care-about-you> has no endpoint: set the endpoint attribute or configure({endpoint}).');
      this.end('failed', 'failed');
      return;
    }
    this.sending = true;
    try {
      const storage = (this.storage ?? getConfig().storage) === 'none' ? 'none' : 'local';
      const transport = transportFor(endpoint, storage, 'about-you');
      this.watch(transport);
      // The transport keeps and posts any body with an id; its types name the feedback it was made for.
      this.finish(await transport.send(answers as unknown as Submission));
    } catch (error) {
      devWarn('Could not send the answers about you.', error);
      this.finish({id: answers.id, status: 'failed', attempts: 0, reason: 'rejected'});
    } finally {
      this.sending = false;
    }
  }

  private finish(state: DeliveryState): void {
    if (state.id !== this.answerId) return;
    if (state.status === 'delivered') {
      this.unwatch();
      this.end('delivered', 'delivered');
    } else if (state.status === 'queued' || state.status === 'sending') {
      if (this.phase === 'ask')
        this.end('queued', this.watched?.persistence === 'indexeddb' ? 'queued' : 'queuedMemory');
    } else {
      this.unwatch();
      this.end('failed', 'failed');
    }
  }

  private readonly onTransportStatus = (event: Event): void => {
    const state = (event as CustomEvent<TransportStatusEventDetail>).detail;
    // Once sent from the queue the message says so, without moving focus again.
    if (state.id !== this.answerId || (state.status !== 'delivered' && state.status !== 'failed')) return;
    this.unwatch();
    this.phase = state.status === 'delivered' ? 'delivered' : 'failed';
    this.dispatchEvent(new CareAboutYouEvent({submissionId: this.submissionId ?? '', outcome: this.phase}));
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

  override updated(): void {
    const target = this.focusNext;
    if (!target) return;
    this.focusNext = undefined;
    this.renderRoot.querySelector<HTMLElement>(target === 'summary' ? '.error-summary' : '[data-message]')?.focus();
  }

  /** The control an error is shown beside and linked to, by the error's path. */
  private fieldFor(path: string): string {
    const [top, question] = path.split('.');
    if (top === 'consent') return 'ay-consent';
    if (top === 'answers' && question && question in ABOUT_YOU_QUESTIONS) {
      const q = question as AboutYouQuestion;
      return radioId(q, ABOUT_YOU_QUESTIONS[q][0]);
    }
    return radioId('ageBand', ABOUT_YOU_QUESTIONS.ageBand[0]);
  }

  private errorText(error: AboutYouFieldError): string {
    if (error.path.startsWith('consent')) return this.t('error.consent.equality.required');
    if (error.path === 'answers') return this.t('error.empty');
    const key = `error.${error.code}`;
    return key in aboutYouStrings ? this.t(key as Key) : this.t('error.other');
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.submissionId) return nothing;
    const lang = this.localize.locale;
    const dir = this.localize.dir;
    return this.phase === 'ask'
      ? html`<section class="base" part="base" lang=${lang} dir=${dir} aria-labelledby="ay-heading">${this.renderAsk()}</section>`
      : html`<div class="base" part="base" lang=${lang} dir=${dir}>${this.renderEnded()}</div>`;
  }

  private renderEnded(): TemplateResult {
    const key: Key = this.phase === 'queuedMemory' ? 'done.queuedMemory' : (`done.${this.phase}` as Key);
    return html`<p
        class=${this.phase === 'failed' ? 'message error-message' : 'message'}
        part="confirmation"
        role="status"
        tabindex="-1"
        data-message
      >
        ${this.t(key)}
      </p>`;
  }

  private renderErrorSummary(): TemplateResult | typeof nothing {
    if (!this.errors.length) return nothing;
    return html`<div class="error-summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="ay-summary-title">
      <h3 id="ay-summary-title">${this.t('errorSummary.title')}</h3>
      <ul>
        ${this.errors.map((error) => {
          const field = this.fieldFor(error.path);
          return html`<li>
            <a
              href="#${field}"
              @click=${(event: Event) => {
                event.preventDefault();
                this.renderRoot.querySelector<HTMLElement>(`#${field}`)?.focus();
              }}
              >${this.errorText(error)}</a
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private radio(question: AboutYouQuestion, answer: string, label: string): TemplateResult {
    const id = radioId(question, answer);
    return html`<div class="choice">
      <input
        type="radio"
        id=${id}
        name=${question}
        .value=${answer}
        .checked=${this.answers[question] === answer}
        @change=${() => {
          this.answers = {...this.answers, [question]: answer};
        }}
      />
      <label for=${id}>${label}</label>
    </div>`;
  }

  /** One question: a fieldset of radios, "Prefer not to say" last. */
  private question(question: AboutYouQuestion, hint?: Key): TemplateResult {
    const answers = ABOUT_YOU_QUESTIONS[question].filter((answer) => answer !== PREFER_NOT_TO_SAY);
    const error = this.errors.find((e) => e.path.startsWith(`answers.${question}`));
    const hintId = hint ? `ay-${question}-hint` : undefined;
    const errorId = error ? `ay-${question}-error` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(' ');
    return html`<fieldset class=${error ? 'group--error' : ''} aria-describedby=${describedBy || nothing}>
      <legend>${this.t(`${question}.legend` as Key)}</legend>
      ${hint ? html`<p class="hint" id=${hintId!}>${this.t(hint)}</p>` : nothing}
      ${error
        ? html`<p class="error-message" id=${errorId!}>
            <span class="visually-hidden">${this.t('error.prefix')}</span> ${this.errorText(error)}
          </p>`
        : nothing}
      ${question === 'ethnicity'
        ? ETHNIC_GROUP_NAMES.map(
            (group) => html`<fieldset class="subgroup">
              <legend>${this.t(`ethnicGroup.${group}` as Key)}</legend>
              ${ETHNIC_GROUPS[group].map((answer) => this.radio(question, answer, this.t(`ethnicity.${answer}` as Key)))}
            </fieldset>`,
          )
        : answers.map((answer) => this.radio(question, answer, this.t(`${question}.${answer}` as Key)))}
      ${this.radio(question, PREFER_NOT_TO_SAY, this.t('preferNotToSay'))}
    </fieldset>`;
  }

  private renderAsk(): TemplateResult {
    const consentError = this.errors.find((e) => e.path.startsWith('consent'));
    const emptyError = this.errors.find((e) => e.path === 'answers');
    const hints: Partial<Record<AboutYouQuestion, Key>> = {
      disability: 'disability.hint',
      ethnicity: 'ethnicity.hint',
      carer: 'carer.hint',
    };
    return html`<h2 id="ay-heading">${this.t('heading')}</h2>
      <p>${this.t('intro')}</p>
      <p>${this.t('kept')}</p>
      <p>${this.t('optional')}</p>
      <div class="actions">
        <button type="button" class="secondary" part="button" data-skip @click=${this.onSkip}>${this.t('skip')}</button>
      </div>
      <form novalidate @submit=${this.onSubmit}>
        ${this.renderErrorSummary()}
        <fieldset
          class=${consentError ? 'group--error' : ''}
          aria-describedby=${['ay-consent-hint', consentError && 'ay-consent-error'].filter(Boolean).join(' ')}
        >
          <legend>${this.t('consent.legend')}</legend>
          <p class="hint" id="ay-consent-hint">${this.t('consent.hint')}</p>
          ${consentError
            ? html`<p class="error-message" id="ay-consent-error">
                <span class="visually-hidden">${this.t('error.prefix')}</span> ${this.errorText(consentError)}
              </p>`
            : nothing}
          <div class="choice">
            <input
              type="checkbox"
              id="ay-consent"
              aria-invalid=${consentError ? 'true' : nothing}
              .checked=${this.consent}
              @change=${(event: Event) => {
                this.consent = (event.target as HTMLInputElement).checked;
              }}
            />
            <label for="ay-consent">${this.t('consent.label')}</label>
          </div>
        </fieldset>
        ${emptyError
          ? html`<p class="error-message" id="ay-empty-error">
              <span class="visually-hidden">${this.t('error.prefix')}</span> ${this.errorText(emptyError)}
            </p>`
          : nothing}
        ${ABOUT_YOU_QUESTION_NAMES.map((question) => this.question(question, hints[question]))}
        <div class="actions">
          <button type="submit" part="button" ?disabled=${this.sending}>
            ${this.sending ? this.t('sending') : this.t('send')}
          </button>
          <button type="button" class="secondary" part="button" @click=${this.onSkip}>${this.t('skip')}</button>
        </div>
      </form>`;
  }
}
