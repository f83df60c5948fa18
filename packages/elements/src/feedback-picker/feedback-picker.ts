// <care-feedback-picker>: chooses compliment, complaint, comment, suggestion or concern, with safety advice for concerns.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {live} from 'lit/directives/live.js';
import {KINDS, type Kind} from '@care-feedback/core/schema/vocabulary';
import {baseStyles} from '../shared/styles.js';
import {LocalizeController, type Catalog} from '../shared/localize.js';
import {devWarn} from '../shared/dev.js';
import {CareKindChangeEvent} from '../events/care-kind-change.js';
import {pickerStyles} from './feedback-picker.styles.js';
import {pickerStrings, type PickerStrings} from './feedback-picker.strings.js';
import {kindIcon} from './feedback-picker.icons.js';

/** Where people who cannot name their council can find it. */
const FIND_COUNCIL_URL = 'https://www.gov.uk/find-local-council';

const isKind = (value: unknown): value is Kind => (KINDS as readonly unknown[]).includes(value);

/** What the picker needs from a launcher, without importing it (and so without registering it). */
interface Opener {
  open(options: {kind: string}): unknown;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Lets a person choose what kind of feedback to give. Native radio buttons in a fieldset, so a
 * keyboard, switch or screen reader gets one tab stop and arrow keys without extra code.
 *
 * Used alone on a page, a Continue button takes the person on: to the `<care-feedback-form>` named
 * by `for` (its `kind` is set, then it is scrolled to and focused), or else to the page's
 * `<care-feedback-launcher>` (`open({kind})`). Inside a form (`embedded`), it only reports the choice.
 * Moving between options never moves the person elsewhere (WCAG 3.2.2); only a button does.
 *
 * Choosing "concern" first shows safety advice (call 999 in danger; the provider's safeguarding
 * contact; the local council), and `care-kind-change` fires for a concern when the person goes on.
 *
 * @fires care-kind-change - The person chose a kind. `detail.kind` is the kind.
 * @csspart base - The wrapper around everything.
 * @csspart option - Each option's box (the whole box is the click target).
 * @csspart label - Each option's short name.
 * @csspart description - Each option's one-line explanation.
 * @csspart icon - Each option's decorative icon.
 * @csspart safeguarding - The safety advice shown for a concern.
 * @csspart button - The Continue and "Go on" buttons.
 * @cssprop --care-accent - Radio and button colour.
 * @cssprop --care-accent-text - Text on buttons.
 * @cssprop --care-color-text - Text colour.
 * @cssprop --care-color-border - Option border colour.
 * @cssprop --care-color-surface - Option background.
 * @cssprop --care-color-subtle - Option background on hover, and the safety advice background.
 * @cssprop --care-color-error - Error text and the safety advice stripe.
 * @cssprop --care-focus-color - Focus ring colour.
 * @cssprop --care-picker-selected-background - Background of the chosen option.
 */
export class CareFeedbackPicker extends LitElement {
  static override styles = [baseStyles, pickerStyles];

  /** The chosen kind, or `''` for none. Reflected to the `value` attribute. */
  @property({
    reflect: true,
    converter: {
      fromAttribute: (value: string | null) => value ?? '',
      toAttribute: (value: string) => value || null,
    },
  })
  value: Kind | '' = '';

  /** `en-GB` (default), `cy`, `ur`. */
  @property() locale?: string;

  /** `easy` for easy-read wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;

  /** Replaces the question "What would you like to tell us?". */
  @property() legend?: string;

  /** How to reach the provider's safeguarding lead, e.g. "Call our safeguarding lead on 01632 960123". */
  @property({attribute: 'safeguarding-contact'}) safeguardingContact?: string;

  /** The local council's adult safeguarding team: a web address (shown as a link) or text such as a phone number. */
  @property({attribute: 'council-contact'}) councilContact?: string;

  /** The id of a `<care-feedback-form>` on this page to take the person to. */
  @property() for?: string;

  /** Set by a form that holds this picker: the picker then only reports the choice. */
  @property({type: Boolean}) embedded = false;

  /** Replacements for single strings, by key (see feedback-picker.strings.ts). */
  @property({attribute: false}) strings?: Partial<Catalog>;

  /** True while the safety advice for a concern is showing and the person has not yet gone on. */
  get safeguardingShown(): boolean {
    return this.showingSafeguarding;
  }

  @state() private showingSafeguarding = false;
  @state() private error = false;
  @state() private announcement = '';

  private readonly localize = new LocalizeController<PickerStrings>(this, 'picker', pickerStrings);

  /** Moves focus to the chosen option, or to the first one when none is chosen yet. */
  override focus(options?: FocusOptions): void {
    // Two queries: one selector list would match whichever radio comes first, checked or not.
    const radio =
      this.renderRoot?.querySelector<HTMLInputElement>('input:checked') ??
      this.renderRoot?.querySelector<HTMLInputElement>('input');
    if (radio) radio.focus(options);
    else super.focus(options);
  }

  /** Resolves when the strings for the current locale and reading level are loaded and shown. */
  async stringsReady(): Promise<void> {
    // A locale set just now is only noticed at the next update.
    await this.updateComplete;
    await this.localize.ready();
    await this.updateComplete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A launcher defined or added after this picker (the script-tag bundle adds one once the page is
    // parsed) gives the Continue button somewhere to go: look again then.
    const lookAgain = () => this.requestUpdate();
    if (!customElements.get('care-feedback-launcher')) void customElements.whenDefined('care-feedback-launcher').then(lookAgain);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', lookAgain, {once: true});
    if (document.readyState !== 'complete') window.addEventListener('load', lookAgain, {once: true});
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && this.value !== '' && !isKind(this.value)) {
      devWarn(`<care-feedback-picker> value "${String(this.value)}" is not one of ${KINDS.join(', ')}.`);
      this.value = '';
    }
    if (changed.has('value') && this.value !== '') this.error = false;
  }

  protected override updated(): void {
    this.toggleAttribute('safeguarding-shown', this.showingSafeguarding);
  }

  /** Whether a Continue button has somewhere to take the person. */
  private get hasDestination(): boolean {
    if (this.embedded) return false;
    if (this.for) return true;
    return this.findLauncher() !== undefined;
  }

  private findLauncher(): Opener | undefined {
    const launcher = document.querySelector('care-feedback-launcher') as (Element & Partial<Opener>) | null;
    return launcher && typeof launcher.open === 'function' ? (launcher as Opener) : undefined;
  }

  private findForm(): HTMLElement | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(this.for) ?? document.getElementById(this.for)) || undefined;
  }

  override render() {
    const t = this.localize;
    const shown: Kind | '' = this.showingSafeguarding ? 'concern' : this.value;
    const describedBy = this.error ? 'hint error' : 'hint';
    return html`
      <div part="base" class="base" dir=${t.dir} lang=${t.locale}>
        <fieldset aria-describedby=${describedBy}>
          <legend class="legend">${this.legend || t.t('legend')}</legend>
          <p id="hint" class="hint">${t.t('hint')}</p>
          ${this.error
            ? html`<p id="error" class="error">
                <span class="visually-hidden">${t.t('error.prefix')}</span> ${t.t('error.required')}
              </p>`
            : nothing}
          <div class="options">${KINDS.map((kind) => this.renderOption(kind, shown))}</div>
        </fieldset>
        ${this.showingSafeguarding ? this.renderSafeguarding() : nothing}
        ${this.hasDestination && !this.showingSafeguarding
          ? html`<button part="button" class="button continue" type="button" @click=${this.onContinue}>
              ${t.t('continue')}
            </button>`
          : nothing}
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  private renderOption(kind: Kind, shown: Kind | '') {
    const t = this.localize;
    return html`
      <label part="option" class="option">
        <input
          type="radio"
          name="kind"
          .value=${kind}
          .checked=${live(shown === kind)}
          aria-labelledby=${`${kind}-label`}
          aria-describedby=${`${kind}-description`}
          aria-invalid=${this.error ? 'true' : 'false'}
          @change=${this.onChange}
          @keydown=${this.onKeydown}
        />
        <span part="icon" class="icon">${kindIcon(kind)}</span>
        <span class="text">
          <span part="label" class="label" id=${`${kind}-label`}>${t.t(`${kind}.label`)}</span>
          <span part="description" class="description" id=${`${kind}-description`}>${t.t(`${kind}.description`)}</span>
        </span>
      </label>
    `;
  }

  private renderSafeguarding() {
    const t = this.localize;
    const council = this.councilContact?.trim();
    const provider = this.safeguardingContact?.trim();
    const councilItem = !council
      ? html`<a href=${FIND_COUNCIL_URL}>${t.t('safeguarding.councilFind')}</a>`
      : isHttpUrl(council)
        ? html`<a href=${council}>${t.t('safeguarding.councilLink')}</a>`
        : council;
    return html`
      <div part="safeguarding" class="safeguarding" id="safeguarding">
        <p class="safeguarding-heading">${t.t('safeguarding.heading')}</p>
        <p class="danger">${t.t('safeguarding.danger')}</p>
        <p>${t.t('safeguarding.notEmergency')}</p>
        <ul>
          <li>${provider || t.t('safeguarding.providerDefault')}</li>
          <li>${councilItem}</li>
        </ul>
        <p>${t.t('safeguarding.formNote')}</p>
        <button part="button" class="button go-on" type="button" @click=${this.onGoOn}>${t.t('safeguarding.goOn')}</button>
      </div>
    `;
  }

  private onChange(event: Event): void {
    const kind = (event.target as HTMLInputElement).value;
    if (!isKind(kind)) return;
    this.choose(kind);
  }

  /** A radio's change: every kind but concern counts at once; a concern waits for the safety advice. */
  private choose(kind: Kind): void {
    this.error = false;
    if (kind === 'concern') {
      if (this.showingSafeguarding) return;
      this.showingSafeguarding = true;
      // Cleared first, so choosing concern a second time is announced again.
      this.announcement = '';
      void this.updateComplete.then(() => (this.announcement = this.localize.t('safeguarding.announce')));
      return;
    }
    this.showingSafeguarding = false;
    this.announcement = '';
    this.commit(kind);
    // Keeping the form in step costs the person nothing: it does not move them anywhere.
    const form = this.embedded ? undefined : this.findForm();
    if (form) (form as HTMLElement & {kind?: string}).kind = kind;
  }

  private commit(kind: Kind): void {
    const changed = this.value !== kind;
    this.value = kind;
    if (changed) this.dispatchEvent(new CareKindChangeEvent(kind));
  }

  private onKeydown(event: KeyboardEvent): void {
    // Enter on a radio does nothing natively outside a <form>; here it chooses, and when alone goes on.
    if (event.key !== 'Enter' || event.isComposing) return;
    const input = event.target as HTMLInputElement;
    if (!isKind(input.value)) return;
    event.preventDefault();
    if (!input.checked) {
      input.checked = true;
      this.choose(input.value);
    }
    if (input.value !== 'concern' && this.hasDestination) this.goOn(input.value);
  }

  private async onGoOn(): Promise<void> {
    this.showingSafeguarding = false;
    this.announcement = '';
    this.commit('concern');
    if (this.hasDestination) {
      this.goOn('concern');
    } else {
      // The button that had focus is gone; the chosen option is the natural place to carry on from.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('input[value="concern"]')?.focus();
    }
  }

  private onContinue(): void {
    if (!this.value) {
      this.error = true;
      void this.updateComplete.then(() => this.focus());
      return;
    }
    this.goOn(this.value);
  }

  /** Takes the person to the form named by `for`, or opens the page's launcher. */
  private goOn(kind: Kind): void {
    const form = this.findForm();
    if (form) {
      (form as HTMLElement & {kind?: string}).kind = kind;
      revealAndFocus(form);
      return;
    }
    if (this.for) devWarn(`<care-feedback-picker for="${this.for}">: no element with that id on the page.`);
    const launcher = this.findLauncher();
    if (launcher) launcher.open({kind});
    else devWarn('<care-feedback-picker> has no form (for="…") and no <care-feedback-launcher> to go to.');
  }
}

/** Scrolls to a form and puts focus in it, so a screen reader or magnifier user lands where the form is. */
function revealAndFocus(form: HTMLElement): void {
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  form.scrollIntoView({behavior: reduceMotion ? 'auto' : 'smooth', block: 'start'});
  // The form may move focus to its own heading (delegatesFocus or its own focus()); if not, focus the host.
  form.focus({preventScroll: true});
  if (!form.matches(':focus-within') && !form.matches(':focus')) {
    if (!form.hasAttribute('tabindex')) form.setAttribute('tabindex', '-1');
    form.focus({preventScroll: true});
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-feedback-picker': CareFeedbackPicker;
  }
}
