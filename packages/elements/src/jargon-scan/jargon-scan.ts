// <care-jargon-scan>: finds glossary terms in a provider's own content and explains the first of each.
import {LitElement, css, html} from 'lit';
import {property} from 'lit/decorators.js';
import {devWarn} from '../shared/dev.js';
import {loadGlossary, lookUp, type Glossary} from '../shared/glossary-loader.js';

/**
 * Where terms are never marked: code and data, anything already interactive (a link or button in a
 * link would break both), form fields and their labels, and headings (a button in a heading turns
 * the heading into a control for screen-reader users navigating by headings).
 */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'a',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'optgroup',
  'label',
  'fieldset',
  'legend',
  'output',
  'summary',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'care-jargon',
  'care-glossary',
  'care-rights-charter',
  'care-feedback-form',
  'care-feedback-launcher',
  'care-feedback-picker',
]);

function skipped(element: Element): boolean {
  return (
    SKIP.has(element.localName) ||
    element.getAttribute('role') === 'heading' ||
    element.getAttribute('role') === 'link' ||
    element.getAttribute('role') === 'button' ||
    element.hasAttribute('contenteditable') ||
    element.getAttribute('data-jargon') === 'off' ||
    element.getAttribute('translate') === 'no'
  );
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for every term and alias, longest first so "personal budget" wins over
 * "budget"; spaces and hyphens match each other, as do straight and curly apostrophes, and a
 * match must not sit inside a longer word.
 */
export function termPattern(glossary: Glossary): RegExp | undefined {
  const names = new Set<string>();
  for (const entry of glossary.terms) {
    for (const name of [entry.term, ...entry.aliases]) {
      const trimmed = name.trim();
      if (trimmed) names.add(trimmed);
    }
  }
  if (names.size === 0) return undefined;
  const sources = [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) =>
      escape(name)
        .replace(/(?:\s|\\-|[\u2010-\u2014])+/g, '[\\s\\-\\u2010-\\u2014]+')
        .replace(/['\u2018\u2019\u02bc]/g, "['\\u2018\\u2019\\u02bc]"),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/**
 * Marks glossary terms in the content inside it, so they explain themselves:
 *
 * ```html
 * <care-jargon-scan>
 *   <p>You can have a carer's assessment and ask for direct payments.</p>
 * </care-jargon-scan>
 * ```
 *
 * The first time each known term (or alias) appears it is wrapped in <care-jargon>; later
 * occurrences are left alone so a page is not a sea of underlines. Scripts, styles, links,
 * buttons, form fields and labels, headings, code and anything marked `data-jargon="off"` are never
 * touched. Text is split, never re-parsed, so the provider's markup and listeners stay as they were.
 * Call `scan()` again after changing the content.
 *
 * @slot - The provider's content.
 */
export class CareJargonScan extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property() locale?: string;
  @property({attribute: 'reading-level'}) readingLevel?: string;
  @property({attribute: 'glossary-url'}) glossaryUrl?: string;
  @property({attribute: 'glossary-mode'}) glossaryMode?: string;
  @property({attribute: 'glossary-page'}) glossaryPage?: string;
  /** A provider glossary object; wins over `glossary-url`. */
  @property({attribute: false}) glossary?: unknown;

  /** How many terms the last scan marked. */
  marked = 0;
  private scanning: Promise<void> = Promise.resolve();

  /** Resolves when the current scan has finished. */
  get ready(): Promise<void> {
    return this.updateComplete.then(() => this.scanning);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.scan();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /** Looks for terms again, for example after the page changed the content. Terms already marked stay marked. */
  scan(): Promise<void> {
    this.scanning = loadGlossary({
      url: this.glossaryUrl,
      glossary: this.glossary,
      mode: this.glossaryMode,
    }).then(
      (glossary) => {
        this.marked = this.markTerms(glossary);
      },
      (error: unknown) =>
        console.error('[care-feedback] <care-jargon-scan> could not load the glossary.', error),
    );
    return this.scanning;
  }

  private markTerms(glossary: Glossary): number {
    const pattern = termPattern(glossary);
    if (!pattern) return 0;
    const done = new Set<string>();
    for (const existing of this.querySelectorAll('care-jargon')) {
      const entry = lookUp(glossary, existing.getAttribute('term') ?? existing.textContent ?? '');
      if (entry) done.add(entry.id);
    }
    const walker = document.createTreeWalker(this, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE
          ? skipped(node as Element)
            ? NodeFilter.FILTER_REJECT // the element and everything inside it
            : NodeFilter.FILTER_SKIP
          : NodeFilter.FILTER_ACCEPT,
    });
    const wraps: Array<{node: Text; start: number; end: number}> = [];
    const total = glossary.terms.length;
    for (let node = walker.nextNode(); node && done.size < total; node = walker.nextNode()) {
      const text = (node as Text).data;
      if (text.length < 2) continue;
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const entry = lookUp(glossary, match[0]);
        if (!entry || done.has(entry.id)) continue;
        done.add(entry.id);
        wraps.push({node: node as Text, start: match.index, end: match.index + match[0].length});
      }
    }
    // Split from the end of each text node backwards, so earlier offsets stay right.
    for (let i = wraps.length - 1; i >= 0; i--) {
      const {node, start, end} = wraps[i]!;
      const word = node.splitText(start);
      word.splitText(end - start);
      const jargon = document.createElement('care-jargon');
      jargon.setAttribute('term', word.data);
      for (const [attribute, value] of [
        ['locale', this.locale],
        ['reading-level', this.readingLevel],
        ['glossary-url', this.glossaryUrl],
        ['glossary-mode', this.glossaryMode],
        ['glossary-page', this.glossaryPage],
      ] as const) {
        if (value) jargon.setAttribute(attribute, value);
      }
      if (this.glossary) (jargon as HTMLElement & {glossary?: unknown}).glossary = this.glossary;
      word.replaceWith(jargon);
      jargon.append(word);
    }
    if (!customElements.get('care-jargon'))
      devWarn(
        '<care-jargon-scan> marked terms, but <care-jargon> is not defined; import define/care-jargon.',
      );
    return wraps.length;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-jargon-scan': CareJargonScan;
  }
}
