// <care-glossary>: the whole glossary A–Z on one page, searchable, with an easy-read switch.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {literal, html as staticHtml, type StaticValue} from 'lit/static-html.js';
import {baseStyles} from '../shared/styles.js';
import {whenReady} from '../shared/ready.js';
import {ListenController, listenStyles} from '../shared/listen.js';
import {DEFAULT_LOCALE, LocalizeController, directionOf} from '../shared/localize.js';
import {
  entryFragment,
  loadGlossary,
  type Glossary,
  type GlossaryEntry,
} from '../shared/glossary-loader.js';
import {glossaryStyles} from './glossary.styles.js';

export const glossaryStrings = {
  searchLabel: 'Search the glossary',
  searchHint: 'Type a word. The list changes as you type.',
  lettersLabel: 'Words by first letter',
  easyReadToggle: 'Show easy read meanings',
  countAll: '{count} words in the glossary',
  countMany: '{count} words found',
  countOne: '1 word found',
  countNone: 'No words found',
  noMatch: 'No words match “{query}”. Try a shorter word, or check the spelling.',
  alsoCalled: 'Also called:',
  related: 'Related words:',
  /** The button that reads a word and its meaning aloud, and its label while it reads. */
  listen: 'Listen',
  listenStop: 'Stop',
  loading: 'Loading the glossary…',
  loadFailed: 'Sorry, the glossary could not be loaded. Please try again later.',
};
export type GlossaryStrings = typeof glossaryStrings;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
/** Words that start with a digit or a letter outside A–Z are listed first, under this label. */
const OTHER = '0–9';
/** Wait for a pause in typing before the count is announced, so a screen reader is not talked over. */
const ANNOUNCE_MS = 600;
const HEADINGS: Record<number, StaticValue> = {
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

/** Lower case, no accents, one kind of apostrophe and space: what the search compares. */
export function normaliseSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function firstLetter(term: string): string {
  const letter = normaliseSearch(term).charAt(0).toUpperCase();
  return LETTERS.includes(letter) ? letter : OTHER;
}

interface Indexed {
  entry: GlossaryEntry;
  letter: string;
  haystack: string;
  shownAliases: string[];
}

/**
 * The whole glossary, A–Z. A "Jargon buster" page is one tag: `<care-glossary></care-glossary>`.
 *
 * Letter links jump to each letter; the search box filters as you type (terms, aliases and
 * meanings) and the number found is announced politely; each word has its own address
 * (`#term-direct-payment`), so other pages and <care-jargon> can link to it, and opening a page at
 * that address scrolls to the word. A switch shows easy-read meanings. Prints without its controls.
 *
 * @slot heading - Optional heading or introduction shown above the search box.
 * @csspart search - The search box.
 * @csspart letters - The letter navigation.
 * @csspart count - The "12 words found" line.
 * @csspart entry - Each word's block.
 * @csspart term - Each word's heading.
 * @csspart definition - Each word's meaning.
 * @csspart listen-button - Each word's "Listen" button, which reads the word and its meaning aloud (shown only where the browser has an on-device voice for the language).
 * @cssprop --care-glossary-letter-size - The size of the letter headings (default 1.75rem).
 * @cssprop --care-glossary-highlight - The background of the word someone jumped to.
 * @cssprop --care-listen-color - The Listen buttons' colour (default the accent).
 */
export class CareGlossary extends LitElement {
  static override styles = [baseStyles, glossaryStyles, listenStyles];

  @property({reflect: true}) locale?: string;
  /** `easy` for easy-read interface wording; it also turns the easy-read meanings on at first. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  @property({attribute: false}) strings?: Partial<GlossaryStrings>;
  /** A provider glossary to add to (or, with `glossary-mode="replace"`, instead of) the built-in one. */
  @property({attribute: 'glossary-url'}) glossaryUrl?: string;
  @property({attribute: 'glossary-mode'}) glossaryMode?: string;
  /** A provider glossary object; wins over `glossary-url`. */
  @property({attribute: false}) glossary?: unknown;
  /** The level of the letter headings (2–5); words are one level below. Default 2. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** The search text. */
  @property() query = '';
  /** Whether easy-read meanings are shown. */
  @property({type: Boolean, attribute: 'easy-read', reflect: true}) easyRead = false;

  @state() private data?: Glossary;
  @state() private failed = false;
  /** The search whose count the live region says; it lags typing by a pause. */
  @state() private announcedQuery = '';
  @state() private target = '';
  private index: Indexed[] = [];
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private easyReadTouched = false;
  private loading: Promise<void> = Promise.resolve();
  private readonly i18n = new LocalizeController<GlossaryStrings>(
    this,
    'glossary',
    glossaryStrings,
  );
  /** "Listen" on each word reads the word and its meaning aloud, on this device. */
  private readonly listen = new ListenController(this, () => ({
    listen: this.i18n.t('listen'),
    stop: this.i18n.t('listenStop'),
  }));

  /** Resolves once the glossary and the interface strings have loaded and rendered. */
  get ready(): Promise<void> {
    return whenReady(this, () => this.loading, this.i18n);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    clearTimeout(this.announceTimer);
  }

  /** The entries whose term, aliases or meaning match the current search. */
  get results(): GlossaryEntry[] {
    return this.filtered().map((item) => item.entry);
  }

  /**
   * Scrolls to a word and moves focus to its heading, clearing a search that hides it.
   * Resolves false when the glossary has no such word.
   */
  async showEntry(id: string): Promise<boolean> {
    await this.loading;
    const item = this.index.find((candidate) => candidate.entry.id === id);
    if (!item) return false;
    if (!this.filtered().includes(item)) this.query = this.announcedQuery = '';
    this.target = id;
    await this.updateComplete;
    const heading = this.renderRoot.querySelector<HTMLElement>(
      `#${CSS.escape(entryFragment(id))} .term`,
    );
    heading?.scrollIntoView({block: 'start'});
    heading?.focus({preventScroll: true});
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // What is read may have changed or gone from the list.
    if (changed.has('query') || changed.has('easyRead') || changed.has('data' as keyof CareGlossary))
      this.listen.stop();
    if (
      !this.hasUpdated ||
      changed.has('glossary') ||
      changed.has('glossaryUrl') ||
      changed.has('glossaryMode') ||
      // Welsh and Urdu have built-in translated terms.
      changed.has('locale')
    )
      this.load();
    if (
      (!this.hasUpdated || changed.has('readingLevel')) &&
      !this.easyReadTouched &&
      this.i18n.easyRead
    )
      this.easyRead = true;
  }

  private load(): void {
    this.loading = loadGlossary(
      {
        url: this.glossaryUrl,
        glossary: this.glossary,
        mode: this.glossaryMode,
      },
      this.i18n.locale,
    ).then(
      (glossary) => {
        this.data = glossary;
        this.failed = false;
        this.index = glossary.terms
          .map((entry) => ({
            entry,
            letter: firstLetter(entry.term),
            haystack: normaliseSearch(
              [entry.term, ...entry.aliases, entry.definition, entry.easyRead].join('\n'),
            ),
            shownAliases: this.interestingAliases(entry),
          }))
          .sort(
            (a, b) =>
              Number(b.letter === OTHER) - Number(a.letter === OTHER) ||
              a.entry.term.localeCompare(b.entry.term, 'en-GB', {sensitivity: 'base'}),
          );
      },
      (error: unknown) => {
        console.error('[care-feedback] <care-glossary> could not load the glossary.', error);
        this.failed = true;
      },
    );
    // Opening the page at #term-… goes to that word once it exists.
    void this.loading.then(() => this.onHashChange());
  }

  /** Aliases worth showing: not the same word with an s or es on the end. */
  private interestingAliases(entry: GlossaryEntry): string[] {
    const term = normaliseSearch(entry.term);
    return entry.aliases.filter((alias) => {
      const a = normaliseSearch(alias);
      return a !== term && a !== `${term}s` && a !== `${term}es` && `${a}s` !== term;
    });
  }

  private filtered(query = this.query): Indexed[] {
    const words = normaliseSearch(query).split(' ').filter(Boolean);
    if (words.length === 0) return this.index;
    return this.index.filter((item) => words.every((word) => item.haystack.includes(word)));
  }

  private countText(query: string): string {
    const count = this.filtered(query).length;
    if (!normaliseSearch(query)) return this.i18n.t('countAll', {count});
    if (count === 0) return this.i18n.t('countNone');
    if (count === 1) return this.i18n.t('countOne');
    return this.i18n.t('countMany', {count});
  }

  private readonly onHashChange = (): void => {
    const hash = decodeURIComponent(location.hash.slice(1));
    const prefix = entryFragment('');
    if (hash.startsWith(prefix)) void this.showEntry(hash.slice(prefix.length));
  };

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.target = '';
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announcedQuery = this.query), ANNOUNCE_MS);
  }

  private onEasyRead(event: Event): void {
    this.easyReadTouched = true;
    this.easyRead = (event.target as HTMLInputElement).checked;
  }

  private onLetter(event: Event, letter: string): void {
    // The letter headings are in this shadow root, where the browser's fragment scrolling cannot reach.
    event.preventDefault();
    const heading = this.renderRoot.querySelector<HTMLElement>(
      `#letter-${letter === OTHER ? 'other' : letter}`,
    );
    heading?.scrollIntoView({block: 'start'});
    heading?.focus({preventScroll: true});
  }

  private onRelated(event: Event, id: string): void {
    event.preventDefault();
    history.replaceState(history.state, '', `#${entryFragment(id)}`);
    void this.showEntry(id);
  }

  protected override render() {
    const rtl = this.i18n.dir === 'rtl';
    return html`<div class="base" part="base" dir=${rtl ? 'rtl' : 'ltr'}>
      <slot name="heading"></slot>
      ${this.data ? this.renderGlossary() : html`<p role="status">${this.failed ? this.i18n.t('loadFailed') : this.i18n.t('loading')}</p>`}
    </div>`;
  }

  private renderGlossary() {
    const items = this.filtered();
    const byLetter = new Map<string, Indexed[]>();
    for (const item of items)
      byLetter.set(item.letter, [...(byLetter.get(item.letter) ?? []), item]);
    const letters = [
      ...(this.index.some((item) => item.letter === OTHER) ? [OTHER] : []),
      ...LETTERS,
    ];
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 2), 5);
    const letterTag = HEADINGS[level]!;
    const termTag = HEADINGS[level + 1]!;
    // The entries are in the glossary's language (English, unless a provider's replaces it); any
    // translated entry says its own language, so screen readers read each in the right voice.
    const contentLang = this.data!.locale;
    const contentDir = directionOf(contentLang);
    return html`<div class="controls">
        <div class="search">
          <label for="search">${this.i18n.t('searchLabel')}</label>
          <p id="search-hint" class="hint">${this.i18n.t('searchHint')}</p>
          <input
            id="search"
            part="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="search-hint"
            .value=${this.query}
            @input=${this.onInput}
          />
        </div>
        <div class="easy">
          <input id="easy" type="checkbox" .checked=${this.easyRead} @change=${this.onEasyRead} />
          <label for="easy">${this.i18n.t('easyReadToggle')}</label>
        </div>
      </div>
      <p class="count" part="count" role="status">${this.countText(this.announcedQuery)}</p>
      <nav class="letters" part="letters" aria-label=${this.i18n.t('lettersLabel')}>
        <ul>
          ${letters.map((letter) =>
            byLetter.has(letter)
              ? html`<li>
                  <a
                    href="#${letter === OTHER ? 'other' : letter.toLowerCase()}"
                    @click=${(event: Event) => this.onLetter(event, letter)}
                    >${letter}</a
                  >
                </li>`
              : // A letter with no words is shown for the shape of the alphabet but is no link, and
                // screen readers skip it rather than hear twenty-six items of which half lead nowhere.
                html`<li class="empty" aria-hidden="true">${letter}</li>`,
          )}
        </ul>
      </nav>
      ${
        items.length === 0
          ? html`<p class="no-match">${this.i18n.t('noMatch', {query: this.query.trim()})}</p>`
          : nothing
      }
      <div
        class="entries"
        lang=${
          this.i18n.locale === DEFAULT_LOCALE && sameLanguage(contentLang, this.i18n.locale)
            ? nothing
            : contentLang
        }
        dir=${contentDir === this.i18n.dir ? nothing : contentDir}
      >
        ${[...byLetter].map(
          ([letter, group]) =>
            html`<section
              class="letter"
              aria-labelledby="letter-${letter === OTHER ? 'other' : letter}"
            >
              ${staticHtml`<${letterTag} class="letter-heading" id="letter-${letter === OTHER ? 'other' : letter}" tabindex="-1">${letter}</${letterTag}>`}
              ${group.map((item) => this.renderEntry(item, termTag))}
            </section>`,
        )}
      </div>`;
  }

  private renderEntry(item: Indexed, termTag: StaticValue) {
    const {entry} = item;
    const related = entry.related
      .map((id) => this.index.find((candidate) => candidate.entry.id === id)?.entry)
      .filter((found): found is GlossaryEntry => Boolean(found));
    const id = entryFragment(entry.id);
    const base = this.data!.locale;
    const language = entry.lang ?? base;
    return html`<article
      id=${id}
      class="entry ${this.target === entry.id ? 'target' : ''}"
      part="entry"
      aria-labelledby="${id}-term"
      lang=${entry.lang ?? nothing}
      dir=${entry.lang ? directionOf(entry.lang) : nothing}
    >
      ${staticHtml`<${termTag} class="term" part="term" id="${id}-term" tabindex="-1">${entry.term}</${termTag}>`}
      ${this.listen.button({
        key: entry.id,
        lang: language,
        labelLang: this.langOfInterface() === nothing ? undefined : this.i18n.locale,
        describedBy: `${id}-term`,
        // The word and the meaning shown (easy read or not); aliases and related words are left to the eye.
        text: () => [entry.term, this.meaning(entry)],
      })}
      ${
        item.shownAliases.length
          ? html`<p class="aliases">
              <span class="label" lang=${this.langOfInterface()}>${this.i18n.t('alsoCalled')}</span>
              ${item.shownAliases.join(', ')}
            </p>`
          : nothing
      }
      <p class="definition" part="definition">${this.meaning(entry)}</p>
      ${
        related.length
          ? html`<div class="related">
              <span class="label" lang=${this.langOfInterface()}>${this.i18n.t('related')}</span>
              <ul>
                ${related.map(
                  (other) =>
                    html`<li>
                      <a
                        href="#${entryFragment(other.id)}"
                        lang=${sameLanguage(other.lang ?? base, language) ? nothing : (other.lang ?? base)}
                        @click=${(event: Event) => this.onRelated(event, other.id)}
                        >${other.term}</a
                      >
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </article>`;
  }

  private meaning(entry: GlossaryEntry): string {
    return this.easyRead && entry.easyRead ? entry.easyRead : entry.definition;
  }

  /** The entries are marked with their language; their interface labels are in the interface language. */
  private langOfInterface() {
    return this.i18n.locale !== DEFAULT_LOCALE ? this.i18n.locale : nothing;
  }
}

/** Whether two language tags name the same language (`cy` and `cy-GB`; `en-GB` and `en`). */
function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}

declare global {
  interface HTMLElementTagNameMap {
    'care-glossary': CareGlossary;
  }
}
