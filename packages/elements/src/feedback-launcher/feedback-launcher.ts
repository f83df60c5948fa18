// <care-feedback-launcher>: a "Give feedback" button that opens <care-feedback-form> in a modal dialog.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {baseStyles} from '../shared/styles.js';
import {LocalizeController, type Catalog} from '../shared/localize.js';
import {devWarn} from '../shared/dev.js';
import {CareLauncherOpenEvent} from '../events/care-launcher-open.js';
import {CareLauncherCloseEvent} from '../events/care-launcher-close.js';
import {launcherStyles} from './feedback-launcher.styles.js';
import {launcherStrings, type LauncherStrings} from './feedback-launcher.strings.js';
import {bubbleIcon, crossIcon} from './feedback-launcher.icons.js';

export type LauncherPosition = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left' | 'inline';
export type LauncherCollapse = 'auto' | 'always' | 'never';

export interface LauncherOpenOptions {
  /** Preselects a kind in the form: compliment, complaint, comment, suggestion or concern. */
  kind?: string;
  /** The id of the rights-charter item the feedback is about. */
  charterRight?: string;
}

/** What the launcher reads from and writes to the form. The form's class is not imported, so it is not bundled twice. */
type FormElement = HTMLElement & {kind?: string; charterRight?: string; services?: unknown; dirty?: boolean};

const POSITIONS: readonly LauncherPosition[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left', 'inline'];

/** Launcher settings passed on to the form as attributes: [attribute, property]. */
const FORWARDED = [
  ['endpoint', 'endpoint'],
  ['locale', 'locale'],
  ['reading-level', 'readingLevel'],
  ['privacy-url', 'privacyUrl'],
  ['storage', 'storage'],
  ['acknowledge-days', 'acknowledgeDays'],
  ['safeguarding-contact', 'safeguardingContact'],
  ['kind', 'kind'],
] as const;

/** The focused element, looking inside shadow roots, so focus can go back exactly where it was. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Whether `node` is inside `container`, counting the insides of shadow roots (the form's fields are in one). */
function composedContains(container: Node, node: Node): boolean {
  for (let current: Node | null = node; current; ) {
    if (container.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/**
 * A "Give feedback" button fixed to a corner of the page (or in the page's flow), which opens
 * `<care-feedback-form>` in a modal `<dialog>`. Focus moves to the dialog's heading, stays in the
 * dialog, and goes back to where it was on close. Escape and a visible Close button close it; if
 * the form holds words that were not sent, the dialog asks first, in its own words, not a browser pop-up.
 *
 * On narrow screens the button shrinks to an icon (its name is still "Give feedback"), so it covers
 * as little as possible; `hidden` removes the button but `open()` still works.
 * "right" and "left" follow the reading direction: in Urdu, bottom-right sits at the bottom left.
 *
 * @fires care-launcher-open - The dialog opened. `detail.kind` is the kind asked for, if any.
 * @fires care-launcher-close - The dialog closed. `detail.unsent` is true if unsent words were kept.
 * @csspart button - The "Give feedback" button.
 * @csspart dialog - The dialog.
 * @csspart close - The dialog's Close button.
 * @cssprop --care-accent - Button colour.
 * @cssprop --care-accent-text - Button text colour.
 * @cssprop --care-color-surface - Dialog background.
 * @cssprop --care-color-border - Dialog border.
 * @cssprop --care-focus-color - Focus ring colour.
 * @cssprop --care-launcher-offset - Distance of the button from the corner (default 1rem).
 * @cssprop --care-launcher-z-index - Stacking order of the fixed button (default 1000).
 * @cssprop --care-launcher-dialog-width - The dialog's width on wide screens (default 40rem).
 */
export class CareFeedbackLauncher extends LitElement {
  static override styles = [baseStyles, launcherStyles];

  /** `bottom-right` (default), `bottom-left`, `top-right`, `top-left`, or `inline` (in the page's flow). */
  @property({reflect: true}) position: LauncherPosition = 'bottom-right';

  /**
   * `auto` (default): an icon only on narrow screens; `always` (or the bare attribute): always an
   * icon; `never`: always the words.
   */
  @property({
    converter: {fromAttribute: (value: string | null): LauncherCollapse => (value === null ? 'auto' : value === '' ? 'always' : (value as LauncherCollapse))},
  })
  collapsed: LauncherCollapse = 'auto';

  /** Passed to the form. */
  @property() endpoint?: string;
  /** Passed to the form; also the launcher's own language. */
  @property() locale?: string;
  /** Passed to the form; also the launcher's own wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  /** Passed to the form. */
  @property({attribute: 'privacy-url'}) privacyUrl?: string;
  /** Passed to the form: JSON text as an attribute, or a list as a property. */
  @property() services?: string | unknown[];
  /** Passed to the form: `local` or `none`. */
  @property() storage?: string;
  /** Passed to the form. */
  @property({attribute: 'acknowledge-days'}) acknowledgeDays?: string;
  /** Passed to the form. */
  @property({attribute: 'safeguarding-contact'}) safeguardingContact?: string;
  /** Passed to the form: the kind to preselect. `open({kind})` overrides it. */
  @property() kind?: string;
  /** Passed to the form as a property. `open({charterRight})` overrides it. */
  @property({attribute: false}) charterRight?: string;
  /** Replacements for single strings, by key (see feedback-launcher.strings.ts). */
  @property({attribute: false}) strings?: Partial<Catalog>;

  @state() private confirming = false;
  @state() private opened = false;
  @state() private formElement?: FormElement;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('#heading') private heading!: HTMLElement;
  @query('.launcher') private button!: HTMLButtonElement;

  private readonly localize = new LocalizeController<LauncherStrings>(this, 'launcher', launcherStrings);
  private opener: HTMLElement | null = null;
  private openQueue: Promise<void> = Promise.resolve();
  private focusBeforeConfirm: HTMLElement | null = null;

  /** The `<care-feedback-form>` inside the dialog, once it has been opened. */
  get form(): HTMLElement | undefined {
    return this.formElement;
  }

  /** True while the dialog is open. */
  get isOpen(): boolean {
    return this.opened;
  }

  /** True while the dialog is asking "close anyway?". */
  get confirmingClose(): boolean {
    return this.confirming;
  }

  /** Resolves when the strings for the current locale and reading level are loaded and shown. */
  async stringsReady(): Promise<void> {
    // A locale set just now is only noticed at the next update.
    await this.updateComplete;
    await this.localize.ready();
    await this.updateComplete;
  }

  /** Opens the dialog with the form, optionally preselecting a kind or a charter right, and focuses its heading. */
  open(options: LauncherOpenOptions = {}): Promise<void> {
    // Calls run one after another, so a double click (or a picker and a click together) opens one dialog.
    const run = this.openQueue.then(() => this.openNow(options));
    this.openQueue = run.catch(() => undefined);
    return run;
  }

  private async openNow(options: LauncherOpenOptions): Promise<void> {
    await this.updateComplete;
    const form = this.ensureForm();
    this.forwardToForm();
    if (options.kind) form.kind = options.kind;
    if (options.charterRight !== undefined) form.charterRight = options.charterRight;
    if (this.dialog.open) {
      if (!this.confirming) this.heading.focus();
      return;
    }
    await this.showDialog(options.kind);
  }

  private async showDialog(kind: string | undefined): Promise<void> {
    this.opener = deepActiveElement();
    this.confirming = false;
    await this.updateComplete;
    this.dialog.showModal();
    this.opened = true;
    await this.updateComplete;
    // The heading, not the first field: a screen reader hears where they are before anything else.
    this.heading.focus();
    this.dispatchEvent(new CareLauncherOpenEvent(kind));
  }

  /**
   * Closes the dialog. If the form holds words that were not sent, asks first (unless `force`).
   * Words are never thrown away: the form stays in the page, ready for the next `open()`.
   */
  close(options: {force?: boolean} = {}): void {
    if (!this.dialog?.open) return;
    if (!options.force && this.formIsDirty) {
      if (!this.confirming) void this.askBeforeClosing();
      return;
    }
    this.dialog.close();
  }

  private get formIsDirty(): boolean {
    return this.formElement?.dirty === true;
  }

  private ensureForm(): FormElement {
    if (!this.formElement) {
      if (!customElements.get('care-feedback-form')) {
        devWarn('<care-feedback-launcher> opened before <care-feedback-form> was defined. Import @care-feedback/elements/define/care-feedback-form.');
      }
      this.formElement = document.createElement('care-feedback-form') as FormElement;
      this.formElement.charterRight = this.charterRight;
    }
    return this.formElement;
  }

  /** Keeps the form's settings in step with the launcher's (set as attributes or properties), touching only those that changed. */
  private forwardToForm(changed?: PropertyValues<this>): void {
    const form = this.formElement;
    if (!form) return;
    for (const [attribute, property] of FORWARDED) {
      const value = this[property];
      const text = value === undefined || value === null ? null : String(value);
      // An attribute written again would reset what the person has since chosen in the form (its kind).
      if (form.getAttribute(attribute) === text) continue;
      if (text === null) form.removeAttribute(attribute);
      else form.setAttribute(attribute, text);
    }
    // A list given as a property stays a property; JSON text goes on as the attribute.
    if (typeof this.services === 'string') {
      if (form.getAttribute('services') !== this.services) form.setAttribute('services', this.services);
    } else if (this.services !== undefined) {
      if (changed === undefined || changed.has('services')) {
        // The attribute goes first, so the form is not left holding an older JSON list.
        form.removeAttribute('services');
        form.services = this.services;
      }
    } else if (form.hasAttribute('services')) {
      form.removeAttribute('services');
    }
    if (changed?.has('charterRight')) form.charterRight = this.charterRight;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('position') && !POSITIONS.includes(this.position)) {
      devWarn(`<care-feedback-launcher position="${this.position}"> is not one of ${POSITIONS.join(', ')}; using bottom-right.`);
      this.position = 'bottom-right';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.formElement) this.forwardToForm(changed);
  }

  override render() {
    const t = this.localize;
    const iconOnly = this.collapsed === 'always';
    const collapsible = this.collapsed === 'auto' && this.position !== 'inline';
    return html`
      <div class="base" dir=${t.dir} lang=${t.locale}>
        <button
          part="button"
          class="launcher ${this.position} ${iconOnly ? 'icon-only' : ''} ${collapsible ? 'collapsible' : ''}"
          type="button"
          aria-haspopup="dialog"
          @click=${() => this.open()}
        >
          ${bubbleIcon}<span class="launcher-text">${t.t('button')}</span>
        </button>
        <dialog
          part="dialog"
          aria-labelledby="heading"
          @keydown=${this.onKeydown}
          @cancel=${this.onCancel}
          @close=${this.onClose}
        >
          <div class="header">
            <h2 id="heading" tabindex="-1">${t.t('heading')}</h2>
            <button part="close" class="close" type="button" ?hidden=${this.confirming} @click=${() => this.close()}>
              ${crossIcon}<span>${t.t('close')}</span>
            </button>
          </div>
          ${this.confirming ? this.renderConfirm() : nothing}
          <div class="body" ?hidden=${this.confirming}>${this.formElement ?? nothing}</div>
        </dialog>
      </div>
    `;
  }

  private renderConfirm() {
    const t = this.localize;
    return html`
      <div class="confirm" role="group" aria-labelledby="confirm-heading" aria-describedby="confirm-text">
        <h3 id="confirm-heading" tabindex="-1">${t.t('confirm.heading')}</h3>
        <p id="confirm-text">${t.t('confirm.text')}</p>
        <div class="confirm-actions">
          <button class="action primary" type="button" @click=${this.keepWriting}>${t.t('confirm.keep')}</button>
          <button class="action secondary" type="button" @click=${() => this.close({force: true})}>${t.t('confirm.close')}</button>
        </div>
      </div>
    `;
  }

  private async askBeforeClosing(): Promise<void> {
    this.focusBeforeConfirm = deepActiveElement();
    this.confirming = true;
    await this.updateComplete;
    this.dialog.scrollTop = 0;
    this.renderRoot.querySelector<HTMLElement>('#confirm-heading')?.focus();
  }

  private async keepWriting(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    const back = this.focusBeforeConfirm;
    this.focusBeforeConfirm = null;
    if (back?.isConnected && composedContains(this.dialog, back)) back.focus();
    if (!back || deepActiveElement() !== back) this.heading.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    // Something inside (a tooltip, a list) may use Escape for itself first.
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    // Handled here rather than by the native cancel, which Chrome stops honouring after a second press.
    event.preventDefault();
    if (this.confirming) void this.keepWriting();
    else this.close();
  }

  /** The browser's own close request (a back gesture, or an Escape this element did not see). */
  private onCancel(event: Event): void {
    if (!this.formIsDirty && !this.confirming) return;
    if (event.cancelable) {
      event.preventDefault();
      if (!this.confirming) void this.askBeforeClosing();
    }
    // If the browser insists, the dialog closes; the form and its words stay for the next open().
  }

  private onClose(): void {
    const unsent = this.formIsDirty;
    this.confirming = false;
    this.opened = false;
    this.focusBeforeConfirm = null;
    const opener = this.opener;
    this.opener = null;
    // Back where the person was: the button that opened it, or whatever else did (a picker's Continue).
    if (opener?.isConnected && opener !== document.body) opener.focus();
    if (!opener || deepActiveElement() !== opener) {
      if (this.button.checkVisibility?.() ?? this.button.offsetParent !== null) this.button.focus();
    }
    this.dispatchEvent(new CareLauncherCloseEvent(unsent));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-feedback-launcher': CareFeedbackLauncher;
  }
}
