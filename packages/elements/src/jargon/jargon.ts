// <care-jargon>: a care word in running text that explains itself in a small popup, from the glossary.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {baseStyles} from '../shared/styles.js';
import {whenReady} from '../shared/ready.js';
import {DEFAULT_LOCALE, LocalizeController, directionOf} from '../shared/localize.js';
import {devWarn} from '../shared/dev.js';
import {getConfig} from '../shared/config.js';
import {
  entryFragment,
  loadGlossary,
  lookUp,
  type GlossaryEntry,
} from '../shared/glossary-loader.js';
import {CareJargonToggleEvent} from '../events/care-jargon-toggle.js';
import {jargonStyles} from './jargon.styles.js';

export const jargonStrings = {
  /** The link from a definition to the same word in the page's <care-glossary>. */
  moreInGlossary: 'More in the glossary',
};
export type JargonStrings = typeof jargonStrings;

/** Space kept between the popup and the window's edges, and between the popup and the word. */
const EDGE = 8;
const GAP = 6;
/** A short wait before hover opens, so a pointer passing over a paragraph does not flash popups. */
const HOVER_OPEN_MS = 120;
/** Time to move the pointer from the word onto the popup (WCAG 1.4.13 "hoverable") before it closes. */
const HOVER_CLOSE_MS = 400;

const supportsPopover =
  typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype;
const warned = new Set<string>();
/** One definition open at a time: popups that pile up would cover the text being read. */
let openInstance: CareJargon | undefined;

/**
 * An inline care term with its plain-English definition.
 *
 * `<care-jargon term="direct payment">direct payments</care-jargon>` shows "direct payments" with a
 * dotted underline. Hover, keyboard focus or a tap shows the definition; it stays open while the
 * pointer is over the word or the popup, and Escape, a second tap or a tap elsewhere closes it
 * (WCAG 1.4.13). The popup flips above the word and shifts sideways to stay inside the window.
 *
 * Pattern (why a button with aria-describedby, not a live-region toggletip): the word becomes a
 * real `<button>`, so it is in the tab order and named by its own text, and the definition sits in
 * the same shadow root, so `aria-describedby` can point at it (ARIA ids do not cross shadow roots).
 * Screen readers then read the definition as the word's description as soon as it is focused,
 * whether or not the popup is showing, with no second press and no live-region chatter. The popup
 * also holds a link to the glossary, which a role="tooltip" may not contain, so the button is a
 * disclosure (`aria-expanded`, `aria-controls`) for sighted keyboard and touch users and the popup
 * follows the button in focus order.
 *
 * An unknown term shows its text unchanged and warns in development builds.
 *
 * @fires care-jargon-toggle - The definition opened or closed. `detail: {term, open}`.
 * @slot - The word as it appears in the text.
 * @csspart term - The button around the word.
 * @csspart popup - The definition popup.
 * @csspart heading - The term's name at the top of the popup.
 * @csspart definition - The definition text.
 * @csspart link - The "More in the glossary" link.
 * @cssprop --care-jargon-underline - The colour of the dotted underline (default: the text colour).
 * @cssprop --care-jargon-popup-background - The popup background.
 * @cssprop --care-jargon-popup-width - The popup's largest width (default 22rem; never wider than the window).
 */
export class CareJargon extends LitElement {
  static override styles = [baseStyles, jargonStyles];

  /** The glossary term or alias; defaults to the element's text. Any letter case. */
  @property() term?: string;
  /** `en-GB` (default), `cy`, `ur`: the language of the interface strings (definitions stay English). */
  @property({reflect: true}) locale?: string;
  /** `easy` shows the easy-read definition. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  /** Replacements for single interface strings, by key. */
  @property({attribute: false}) strings?: Partial<JargonStrings>;
  /** A provider glossary to add to (or replace, see `glossary-mode`) the built-in one. */
  @property({attribute: 'glossary-url'}) glossaryUrl?: string;
  /** `merge` (default) or `replace`. */
  @property({attribute: 'glossary-mode'}) glossaryMode?: string;
  /** The address of a page holding <care-glossary>, for the "More in the glossary" link when it is not on this page. */
  @property({attribute: 'glossary-page'}) glossaryPage?: string;
  /** A provider glossary object; wins over `glossary-url`. */
  @property({attribute: false}) glossary?: unknown;
  /** Whether the definition is showing. */
  @property({type: Boolean, reflect: true}) open = false;

  /** The glossary entry found for this term, once the glossary has loaded. */
  @state() entry?: GlossaryEntry | null;
  /** The language the entry is written in (set with `entry`). */
  private entryLang: string = DEFAULT_LOCALE;

  private readonly i18n = new LocalizeController<JargonStrings>(this, 'jargon', jargonStrings);
  private hovered = false;
  private focused = false;
  private pinned = false;
  private openWhenPressed: boolean | undefined;
  private pointerKind = '';
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private lookupToken = 0;

  /** Resolves once the glossary is loaded and the term looked up (tests and page scripts wait on it). */
  get ready(): Promise<void> {
    return whenReady(this, () => this.lookup, this.i18n);
  }
  private lookup: Promise<void> = Promise.resolve();

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('pointerenter', this.onPointerEnter);
    this.addEventListener('pointerleave', this.onPointerLeave);
    this.addEventListener('focusin', this.onFocusIn);
    this.addEventListener('focusout', this.onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('pointerenter', this.onPointerEnter);
    this.removeEventListener('pointerleave', this.onPointerLeave);
    this.removeEventListener('focusin', this.onFocusIn);
    this.removeEventListener('focusout', this.onFocusOut);
    this.close();
    this.stopWatching();
  }

  /** Shows the definition (as a tap would) until Escape, a tap elsewhere or `hide()`. */
  show(): void {
    if (!this.entry) return;
    this.pinned = true;
    this.sync();
  }

  /** Hides the definition. */
  hide(): void {
    this.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('term') ||
      changed.has('glossaryUrl') ||
      changed.has('glossaryMode') ||
      changed.has('glossary') ||
      // Welsh and Urdu have built-in translated terms.
      changed.has('locale') ||
      !this.hasUpdated
    ) {
      this.findEntry();
    }
  }

  private findEntry(): void {
    const token = ++this.lookupToken;
    const text = (this.term ?? this.textContent ?? '').trim();
    this.lookup = loadGlossary(
      {
        url: this.glossaryUrl,
        glossary: this.glossary,
        mode: this.glossaryMode,
      },
      this.i18n.locale,
    ).then(
      (glossary) => {
        if (token !== this.lookupToken) return;
        const entry = text ? lookUp(glossary, text) : undefined;
        this.entryLang = entry ? (entry.lang ?? glossary.locale) : DEFAULT_LOCALE;
        if (!entry && !warned.has(text)) {
          warned.add(text);
          devWarn(
            `<care-jargon> has no glossary entry for "${text}", so it is shown as plain text. Add it to your glossary or check the spelling.`,
          );
        }
        this.entry = entry ?? null;
      },
      (error: unknown) => {
        if (token !== this.lookupToken) return;
        console.error('[care-feedback] <care-jargon> could not load the glossary.', error);
        this.entry = null;
      },
    );
  }

  protected override render() {
    const entry = this.entry;
    if (!entry) return html`<slot></slot>`;
    const easy = this.i18n.easyRead && entry.easyRead;
    const link = this.glossaryLink(entry);
    // A definition says its language to screen readers: English, or a built-in Welsh or Urdu translation.
    const translated = this.i18n.locale !== DEFAULT_LOCALE;
    const contentLang = this.entryLang;
    // Text in another direction than the interface keeps its own, or its full stops jump to the start.
    const ownDir = directionOf(contentLang);
    const contentDir = ownDir === this.i18n.dir ? nothing : ownDir;
    return html`<button
        id="term"
        part="term"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="popup"
        aria-describedby="definition"
        @pointerdown=${this.onPointerDown}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @click=${this.onClick}
      >
        <slot></slot></button
      ><span
        id="popup"
        part="popup"
        class="popup"
        dir=${this.i18n.dir}
        lang=${translated || contentLang !== DEFAULT_LOCALE ? contentLang : nothing}
        popover=${supportsPopover ? 'manual' : nothing}
        ?hidden=${!supportsPopover && !this.open}
        ><span class="heading" part="heading" dir=${contentDir}>${entry.term}</span>
        <span id="definition" part="definition" class="definition" dir=${contentDir}
          >${easy ? entry.easyRead : entry.definition}</span
        >
        ${
          link
            ? html`<a
                part="link"
                href=${link}
                lang=${translated ? this.i18n.locale : nothing}
                @click=${() => this.onGlossaryLink(entry.id)}
                >${this.i18n.t('moreInGlossary')}</a
              >`
            : nothing
        }</span
      >`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open') && !changed.has('entry')) {
      if (this.open) this.position();
      return;
    }
    const popup = this.popup;
    if (!popup) return;
    if (supportsPopover) {
      const showing = popup.matches(':popover-open');
      if (this.open && !showing) popup.showPopover();
      if (!this.open && showing) popup.hidePopover();
    }
    if (this.open) {
      this.position();
      this.startWatching();
    } else {
      this.stopWatching();
    }
    if (changed.has('open') && changed.get('open') !== undefined && this.entry) {
      this.dispatchEvent(new CareJargonToggleEvent({term: this.entry.id, open: this.open}));
    }
  }

  private get popup(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#popup');
  }

  private get trigger(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#term');
  }

  private glossaryLink(entry: GlossaryEntry): string | undefined {
    const fragment = `#${entryFragment(entry.id)}`;
    if (document.querySelector('care-glossary')) return fragment;
    const page = this.glossaryPage ?? (getConfig()['glossaryPage'] as string | undefined);
    return page ? `${page.split('#')[0]}${fragment}` : undefined;
  }

  private onGlossaryLink(id: string): void {
    // The glossary's entries live in its shadow root, where the browser's own fragment scrolling
    // cannot reach; it listens for hashchange, but the hash may already be this one.
    const glossary = document.querySelector('care-glossary') as
      (HTMLElement & {showEntry?: (id: string) => unknown}) | null;
    this.close();
    if (glossary?.showEntry) queueMicrotask(() => glossary.showEntry!(id));
  }

  // --- opening and closing --------------------------------------------------------------------

  private sync(): void {
    const open = Boolean(this.entry) && (this.hovered || this.focused || this.pinned);
    if (open && openInstance && openInstance !== this) openInstance.close();
    // One definition open on the page at a time: the module remembers which, on purpose.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    if (open) openInstance = this;
    else if (openInstance === this) openInstance = undefined;
    this.open = open;
  }

  private close(): void {
    clearTimeout(this.hoverTimer);
    this.hovered = this.focused = this.pinned = false;
    this.sync();
  }

  private readonly onPointerEnter = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return; // touch and pen "hover" only as part of a tap
    clearTimeout(this.hoverTimer);
    if (this.hovered) return;
    this.hoverTimer = setTimeout(() => {
      this.hovered = true;
      this.sync();
    }, HOVER_OPEN_MS);
  };

  private readonly onPointerLeave = (event: PointerEvent): void => {
    if (event.pointerType !== 'mouse') return;
    clearTimeout(this.hoverTimer);
    this.hoverTimer = setTimeout(() => {
      this.hovered = false;
      this.sync();
    }, HOVER_CLOSE_MS);
  };

  private readonly onFocusIn = (): void => {
    if (this.focused) return;
    this.focused = true;
    // A tap focuses the button before its click; the click decides, so focus alone does not open then.
    if (this.openWhenPressed === undefined) this.sync();
  };

  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.contains(next) || this.renderRoot.contains(next))) return;
    this.focused = false;
    this.pinned = false;
    this.sync();
  };

  private onPointerDown(event: PointerEvent): void {
    this.pointerKind = event.pointerType;
    this.openWhenPressed = this.open;
  }

  private onPointerUp(): void {
    // The click (if any) comes in the same task as pointerup; after it, a press is over either way.
    setTimeout(() => {
      if (this.openWhenPressed === undefined) return;
      this.openWhenPressed = undefined;
      this.sync();
    });
  }

  private onClick(event: MouseEvent): void {
    const wasOpen = this.openWhenPressed ?? this.open;
    const kind = event.detail === 0 ? 'keyboard' : this.pointerKind;
    this.openWhenPressed = undefined;
    this.pointerKind = '';
    if (kind === 'mouse' && this.open && !this.pinned) {
      // The pointer opened it by hovering; a click keeps it open after the pointer moves away.
      this.pinned = true;
    } else if (wasOpen) {
      // A second tap, click or Enter closes it; focus stays on the word.
      this.hovered = this.focused = this.pinned = false;
      clearTimeout(this.hoverTimer);
    } else {
      this.pinned = true;
      this.focused = this.matches(':focus-within');
    }
    this.sync();
  }

  private readonly onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    // Dismissable without moving the pointer or focus (WCAG 1.4.13). The Escape is used up here,
    // so a dialog around the text does not close as well.
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    if (event.composedPath().includes(this)) return;
    this.close();
  };

  private readonly onViewportChange = (): void => this.position();

  private watching = false;

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    document.addEventListener('keydown', this.onDocumentKeyDown, true);
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.addEventListener('scroll', this.onViewportChange, {capture: true, passive: true});
    window.addEventListener('resize', this.onViewportChange, {passive: true});
  }

  private stopWatching(): void {
    if (!this.watching) return;
    this.watching = false;
    document.removeEventListener('keydown', this.onDocumentKeyDown, true);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.removeEventListener('scroll', this.onViewportChange, {capture: true});
    window.removeEventListener('resize', this.onViewportChange);
  }

  // --- placement ----------------------------------------------------------------------------------

  /**
   * Places the popup below the word, or above it when there is more room there, then shifts it
   * sideways and up or down so every edge stays inside the window (measured here rather than with
   * CSS anchor positioning, which not every browser our users have supports yet).
   */
  private position(): void {
    const popup = this.popup;
    const trigger = this.trigger;
    if (!popup || !trigger || !this.open) return;
    // A word that wraps over two lines has two boxes; the popup belongs to the first.
    const word = trigger.getClientRects()[0] ?? trigger.getBoundingClientRect();
    const viewWidth = document.documentElement.clientWidth || window.innerWidth;
    const viewHeight = document.documentElement.clientHeight || window.innerHeight;
    // The provider's --care-jargon-popup-width applies, but never wider or taller than the window.
    popup.style.setProperty('--_room-inline', `${Math.max(0, viewWidth - 2 * EDGE)}px`);
    popup.style.setProperty('--_room-block', `${Math.max(0, viewHeight - 2 * EDGE)}px`);
    const box = popup.getBoundingClientRect();
    const below = viewHeight - word.bottom - GAP - EDGE;
    const above = word.top - GAP - EDGE;
    let top =
      box.height <= below || below >= above ? word.bottom + GAP : word.top - GAP - box.height;
    top = Math.min(Math.max(top, EDGE), viewHeight - EDGE - box.height);
    const rtl = getComputedStyle(this).direction === 'rtl';
    let left = rtl ? word.right - box.width : word.left;
    left = Math.min(Math.max(left, EDGE), viewWidth - EDGE - box.width);
    popup.style.top = `${Math.max(EDGE, top)}px`;
    popup.style.left = `${Math.max(EDGE, left)}px`;
    popup.dataset['placement'] = top >= word.bottom ? 'below' : 'above';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-jargon': CareJargon;
  }
}
