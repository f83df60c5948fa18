// <care-rights-charter>: the person's rights and responsibilities as an accordion, with a way to say a right was not met.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {isNation, type Nation} from '@care-feedback/core/nations';
import {literal, html as staticHtml, type StaticValue} from 'lit/static-html.js';
import {baseStyles} from '../shared/styles.js';
import {whenReady} from '../shared/ready.js';
import {ListenController, listenStyles, visibleText} from '../shared/listen.js';
import {LocalizeController} from '../shared/localize.js';
import {assetUrl, loadJson} from '../shared/assets.js';
import {devWarn} from '../shared/dev.js';
import {getConfig, onConfigChange} from '../shared/config.js';
import {renderSafe, sanitizeNodes, type SafeNode} from '../shared/safe-html.js';
import {parseCharter} from '../glossary-data/charter-data.js';
import {CareCharterFeedbackEvent} from '../events/care-charter-feedback.js';
import {rightsCharterStyles} from './rights-charter.styles.js';

export const charterStrings = {
  openAll: 'Open all sections',
  closeAll: 'Close all sections',
  askFeedback: 'Tell us if this did not happen for you',
  /** The button that reads a section aloud, and its label while it reads. */
  listen: 'Listen',
  listenStop: 'Stop',
  lastReviewed: 'Last reviewed: {date}',
  writtenWith: 'Written with people who use our service',
  writtenWithNamed: 'Written with {who}',
  loading: 'Loading your rights…',
  loadFailed: 'Sorry, this page could not be loaded. Please try again later.',
  /** Month names, comma-separated, January first: not every browser knows every language's dates. */
  months: 'January,February,March,April,May,June,July,August,September,October,November,December',
  date: '{day} {month} {year}',
};
export type CharterStrings = typeof charterStrings;

type ParsedCharter = Extract<ReturnType<typeof parseCharter>, {ok: true}>['charter'];

/** What the element shows, whichever source it came from. Bodies are sanitised trees, never HTML strings. */
export interface CharterView {
  title: string;
  intro: SafeNode[];
  introEasy: SafeNode[];
  /** The language the content is written in, when known. */
  lang?: string | undefined;
  sections: CharterViewSection[];
  /** From the JSON; the `last-reviewed` attribute wins. */
  lastReviewed?: string | undefined;
  /** From the JSON; the `written-with` attribute wins. */
  writtenWithPeople?: boolean | undefined;
}

export interface CharterViewSection {
  /** The id sent with feedback as `charterRight`. */
  id: string;
  type: 'right' | 'responsibility' | 'info';
  heading: string;
  body: SafeNode[];
  easyRead: SafeNode[];
  askFeedback: boolean;
}

export const BUILT_IN_CHARTER = 'charter/en-GB.json';
/** Languages the built-in charter is written in besides English: `charter/<language>.json`. */
const BUILT_IN_CHARTER_LANGUAGES = new Set(['cy', 'ur']);

/** The built-in charter for a locale: its language's file (`cy-GB` → `charter/cy.json`), else English. */
export function builtInCharterFor(locale: string): string {
  const language = locale.split('-')[0]!.toLowerCase();
  return BUILT_IN_CHARTER_LANGUAGES.has(language) ? `charter/${language}.json` : BUILT_IN_CHARTER;
}
const RIGHT_TO_LEFT = /^(ar|fa|he|ps|sd|ug|ur|yi)\b/i;
const HEADINGS: Record<number, StaticValue> = {
  1: literal`h1`,
  2: literal`h2`,
  3: literal`h3`,
  4: literal`h4`,
  5: literal`h5`,
  6: literal`h6`,
};

const paragraphs = (texts: readonly string[] | undefined): SafeNode[] =>
  (texts ?? []).map((text) => ({type: 'element', tag: 'p', children: [{type: 'text', text}]}));

/** A charter from JSON: every string is text, shown through text bindings. */
export function viewFromJson(charter: ParsedCharter): CharterView {
  return {
    title: charter.title,
    intro: paragraphs([charter.intro].flat()),
    introEasy: paragraphs(charter.introEasy ? [charter.introEasy].flat() : []),
    lang: charter.locale,
    lastReviewed: charter.lastReviewed,
    writtenWithPeople: charter.writtenWithPeople,
    sections: charter.sections.map((section) => ({
      id: section.id,
      type: section.type,
      heading: section.heading,
      body: paragraphs(section.paragraphs),
      easyRead: paragraphs(section.easyRead),
      askFeedback: Boolean(section.askFeedback),
    })),
  };
}

/**
 * A charter from the provider's own HTML inside the element (best inside a `<template>`, which the
 * browser keeps inert). Each `<section>` is one item: its first heading is the title, `data-type`
 * says right / responsibility / info, `data-ask-feedback` adds the feedback button, and an element
 * with `data-easy-read` holds the easy-read version. A heading and paragraphs before the first
 * section become the title and introduction. Everything passes through the safe-HTML subset.
 */
export function viewFromHtml(root: ParentNode): CharterView | undefined {
  const template = root.querySelector(':scope > template') as HTMLTemplateElement | null;
  const source: ParentNode = template ? template.content : root;
  const sectionElements = [...source.querySelectorAll('section')].filter(
    (section) => !section.parentElement?.closest('section'),
  );
  if (sectionElements.length === 0) return undefined;
  const used = new Set<string>();
  let title = '';
  const intro: Node[] = [];
  for (const node of [...source.childNodes]) {
    if (node instanceof Element && (node.localName === 'section' || node.querySelector('section')))
      break;
    if (!title && node instanceof Element && /^h[1-6]$/.test(node.localName))
      title = node.textContent?.trim() ?? '';
    else intro.push(node);
  }
  const sections = sectionElements.map((section, index): CharterViewSection => {
    const heading = section.querySelector('h1, h2, h3, h4, h5, h6');
    const headingText = heading?.textContent?.trim() || `${index + 1}`;
    const easy = [...section.querySelectorAll('[data-easy-read]')];
    const body = [...section.childNodes].filter(
      (node) => node !== heading && !easy.includes(node as Element),
    );
    const type = section.dataset['type'];
    let id = slug(section.id || section.dataset['id'] || headingText) || `section-${index + 1}`;
    while (used.has(id)) id = `${id}-${index + 1}`;
    used.add(id);
    return {
      id,
      type: type === 'responsibility' || type === 'info' ? type : 'right',
      heading: headingText,
      body: sanitizeNodes(body),
      easyRead: sanitizeNodes(easy.flatMap((element) => [...element.childNodes])),
      askFeedback:
        section.hasAttribute('data-ask-feedback') && type !== 'responsibility' && type !== 'info',
    };
  });
  return {title, intro: sanitizeNodes(intro), introEasy: [], sections};
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/**
 * The person's rights and responsibilities, one tag on a provider's "Your rights" page.
 *
 * Content comes from (first found): the `charter` property, a JSON file at `src`, the provider's
 * HTML inside the element (see `viewFromHtml`), or the built-in template written for care
 * services. Provider text is always shown as text; provider HTML is limited to a small safe subset
 * (paragraphs, lists, bold, italic, links, sub-headings), never scripts, handlers or `javascript:`.
 *
 * Sections are an accordion: headings containing buttons with `aria-expanded`, and a button that
 * opens or closes them all. Closed sections are still found by the browser's find-in-page, and
 * everything prints open. Each right can carry a "Tell us if this did not happen for you" button:
 * it fires `care-charter-feedback`, then (unless cancelled) opens the page's
 * <care-feedback-launcher>, or fills in and moves to the page's <care-feedback-form>, with that right
 * attached, so providers learn which rights are not being met.
 *
 * @fires care-charter-feedback - Cancelable. `detail: {right}`, the section's id.
 * @slot - Optional provider HTML (best in a `<template>`): sections to show instead of the built-in text.
 * @csspart title - The charter's title.
 * @csspart meta - The "last reviewed" and "written with" lines.
 * @csspart toggle-all - The "Open all sections" button.
 * @csspart section - Each section.
 * @csspart section-button - Each section's heading button.
 * @csspart panel - Each section's content.
 * @csspart feedback-button - Each "Tell us if this did not happen for you" button.
 * @csspart listen-button - Each open section's "Listen" button, which reads it aloud (shown only where the browser has an on-device voice for the language).
 * @cssprop --care-charter-accent - The colour of the section markers (default: --care-accent).
 * @cssprop --care-charter-section-background - The background of an open section's heading.
 * @cssprop --care-listen-color - The Listen buttons' colour (default the accent).
 */
export class CareRightsCharter extends LitElement {
  static override styles = [baseStyles, rightsCharterStyles, listenStyles];

  /** A charter JSON file to show instead of the built-in one. */
  @property() src?: string;
  /** A charter object (same shape as the JSON); wins over `src`. */
  @property({attribute: false}) charter?: unknown;
  @property({reflect: true}) locale?: string;
  /**
   * `england` (default), `wales`, `scotland` or `northern-ireland`: where the service is, so the
   * charter names that nation's ombudsman. Falls back to the page-wide config (`data-nation` on the
   * script tag). It picks the text of any paragraph written for each nation (see `parseCharter`).
   */
  @property() nation?: string;
  /** `easy` shows easy-read wording. */
  @property({attribute: 'reading-level'}) readingLevel?: string;
  @property({attribute: false}) strings?: Partial<CharterStrings>;
  /** The date the provider last reviewed the charter, e.g. `2026-09-01`. */
  @property({attribute: 'last-reviewed'}) lastReviewed?: string;
  /** Present (empty) for "Written with people who use our service", or who it was written with. */
  @property({attribute: 'written-with'}) writtenWith?: string;
  /** The title's heading level (1–5); section headings are one level below. Default 2. */
  @property({type: Number, attribute: 'heading-level'}) headingLevel = 2;
  /** A page with a feedback form, used when this page has neither a launcher nor a form. */
  @property({attribute: 'feedback-url'}) feedbackUrl?: string;
  /** Start with every section open. */
  @property({type: Boolean}) expanded = false;
  /** Leave out the charter's own title, for a page whose main heading already says it. */
  @property({type: Boolean, attribute: 'hide-title'}) hideTitle = false;

  /** What is shown, from whichever source won. */
  @state() view?: CharterView;
  @state() private failed = false;
  @state() private openSections = new Set<string>();
  private loading: Promise<void> = Promise.resolve();
  private loadToken = 0;
  private observer?: MutationObserver;
  private stopConfig?: () => void;
  /** The nation the shown charter was read for, to reload when the page-wide setting changes. */
  private loadedNation?: Nation;
  private readonly i18n = new LocalizeController<CharterStrings>(this, 'charter', charterStrings);
  /** "Listen" in each open section reads its heading and text aloud, on this device. */
  private readonly listen = new ListenController(this, () => ({
    listen: this.i18n.t('listen'),
    stop: this.i18n.t('listenStop'),
  }));

  /** Resolves once the content and interface strings are loaded and rendered. */
  get ready(): Promise<void> {
    return whenReady(this, () => this.loading, this.i18n);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The provider's HTML may arrive after the element upgrades (a CMS that renders late).
    this.observer = new MutationObserver(() => {
      if (!this.charter && !this.src) this.load();
    });
    this.observer.observe(this, {childList: true, subtree: true, characterData: true});
    this.stopConfig = onConfigChange(() => {
      if (this.hasUpdated && this.currentNation() !== this.loadedNation) this.load();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.stopConfig?.();
  }

  /** The element's nation, else the page's, else England. */
  private currentNation(): Nation {
    const chosen = this.nation ?? getConfig().nation;
    return typeof chosen === 'string' && isNation(chosen) ? chosen : 'england';
  }

  /** Opens every section. */
  expandAll(): void {
    this.openSections = new Set(this.view?.sections.map((section) => section.id));
  }

  /** Closes every section. */
  collapseAll(): void {
    this.openSections = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A section being read was closed, or the content was replaced or changed its wording.
    const playing = this.listen.playing;
    if (
      changed.has('view') ||
      changed.has('readingLevel') ||
      (playing !== undefined && !this.openSections.has(playing))
    )
      this.listen.stop();
    // A new locale may mean another language's built-in charter; a new nation, another ombudsman.
    if (
      !this.hasUpdated ||
      changed.has('charter') ||
      changed.has('src') ||
      changed.has('locale') ||
      changed.has('nation')
    )
      this.load();
  }

  private load(): void {
    const token = ++this.loadToken;
    this.loading = this.findView().then(
      (view) => {
        if (token !== this.loadToken) return;
        this.view = view;
        this.failed = false;
        this.openSections = this.expanded
          ? new Set(view.sections.map((section) => section.id))
          : new Set();
      },
      (error: unknown) => {
        if (token !== this.loadToken) return;
        console.error('[care-feedback] <care-rights-charter> could not load its content.', error);
        this.failed = true;
      },
    );
  }

  private async findView(): Promise<CharterView> {
    const nation = (this.loadedNation = this.currentNation());
    if (this.charter != null) {
      const parsed = parseCharter(this.charter, {nation});
      if (parsed.ok) return viewFromJson(parsed.charter);
      reportBadCharter('the charter property', parsed.problems);
    } else if (this.src) {
      const url = new URL(this.src, document.baseURI).href;
      try {
        const parsed = parseCharter(await loadJson(url), {nation});
        if (parsed.ok) return viewFromJson(parsed.charter);
        reportBadCharter(url, parsed.problems);
      } catch (error) {
        reportBadCharter(url, [error instanceof Error ? error.message : String(error)]);
      }
    } else {
      const fromHtml = viewFromHtml(this);
      if (fromHtml) return fromHtml;
    }
    const parsed = parseCharter(await loadJson(assetUrl(builtInCharterFor(this.i18n.locale))), {
      nation,
    });
    if (!parsed.ok)
      throw new Error(`The built-in charter is invalid: ${parsed.problems.join('; ')}`);
    return viewFromJson(parsed.charter);
  }

  private toggle(id: string): void {
    const next = new Set(this.openSections);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.openSections = next;
  }

  private onBeforeMatch(id: string): void {
    // Find-in-page found text in a closed section: open it so the match can be seen.
    if (!this.openSections.has(id)) this.toggle(id);
  }

  private askFeedback(section: CharterViewSection): void {
    const right = section.id.slice(0, 100);
    const event = new CareCharterFeedbackEvent({right});
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    type Launcher = HTMLElement & {open?: unknown};
    type Form = HTMLElement & {kind?: string; charterRight?: string};
    const launcher = document.querySelector<Launcher>('care-feedback-launcher');
    if (launcher && typeof launcher.open === 'function') {
      void (launcher.open as (options: {kind: string; charterRight: string}) => unknown)({
        kind: 'complaint',
        charterRight: right,
      });
      return;
    }
    const form = document.querySelector<Form>('care-feedback-form');
    if (form) {
      form.charterRight = right;
      form.kind = 'complaint';
      form.scrollIntoView({block: 'start'});
      form.focus();
      return;
    }
    if (this.feedbackUrl) {
      const url = new URL(this.feedbackUrl, document.baseURI);
      url.searchParams.set('kind', 'complaint');
      url.searchParams.set('charterRight', right);
      location.assign(url.href);
      return;
    }
    devWarn(
      '<care-rights-charter>: there is no <care-feedback-launcher> or <care-feedback-form> on this page and no feedback-url, so the feedback button has nowhere to go.',
    );
  }

  protected override render() {
    const view = this.view;
    const dir = this.i18n.dir;
    if (!view) {
      return html`<div class="base" dir=${dir}>
        <p role="status">${this.failed ? this.i18n.t('loadFailed') : this.i18n.t('loading')}</p>
      </div>`;
    }
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
    const easy = this.i18n.easyRead;
    const allOpen =
      view.sections.length > 0 &&
      view.sections.every((section) => this.openSections.has(section.id));
    const contentLang = view.lang && view.lang !== this.i18n.locale ? view.lang : nothing;
    const interfaceLang = contentLang !== nothing ? this.i18n.locale : nothing;
    // Content in another language keeps its own direction (English in an Urdu page stays left to right).
    const contentDir =
      contentLang === nothing ? nothing : RIGHT_TO_LEFT.test(contentLang) ? 'rtl' : 'ltr';
    return html`<div class="base" part="base" dir=${dir}>
      <div lang=${contentLang} dir=${contentDir}>
        ${view.title && !this.hideTitle ? staticHtml`<${HEADINGS[level]!} class="title" part="title">${view.title}</${HEADINGS[level]!}>` : nothing}
        ${renderSafe(easy && view.introEasy.length ? view.introEasy : view.intro)}
      </div>
      ${this.renderMeta()}
      <div class="toolbar">
        <button
          type="button"
          class="toggle-all"
          part="toggle-all"
          aria-expanded=${allOpen ? 'true' : 'false'}
          @click=${() => (allOpen ? this.collapseAll() : this.expandAll())}
        >
          <span class="icon" aria-hidden="true"></span
          >${allOpen ? this.i18n.t('closeAll') : this.i18n.t('openAll')}
        </button>
      </div>
      <div class="sections">
        ${view.sections.map((section, index) => this.renderSection(section, index, HEADINGS[level + 1]!, easy, {contentLang, contentDir, interfaceLang, dir}))}
      </div>
    </div>`;
  }

  private renderMeta() {
    const reviewed = (this.lastReviewed ?? this.view?.lastReviewed)?.trim();
    const writtenWith = this.writtenWith ?? (this.view?.writtenWithPeople ? '' : undefined);
    if (!reviewed && writtenWith == null) return nothing;
    let date = reviewed ?? '';
    const match = reviewed ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(reviewed) : null;
    const month = match ? this.i18n.t('months').split(',')[Number(match[2]) - 1] : undefined;
    if (match && month)
      date = this.i18n.t('date', {day: Number(match[3]), month: month.trim(), year: match[1]!});
    const who = writtenWith?.trim();
    return html`<div class="meta" part="meta">
      ${reviewed ? html`<p>${this.i18n.t('lastReviewed', {date})}</p>` : nothing}
      ${writtenWith != null ? html`<p>${who ? this.i18n.t('writtenWithNamed', {who}) : this.i18n.t('writtenWith')}</p>` : nothing}
    </div>`;
  }

  private renderSection(
    section: CharterViewSection,
    index: number,
    headingTag: StaticValue,
    easy: boolean,
    language: {
      contentLang: string | typeof nothing;
      contentDir: string | typeof nothing;
      interfaceLang: string | typeof nothing;
      dir: string;
    },
  ) {
    const {contentLang, contentDir, interfaceLang, dir} = language;
    const open = this.openSections.has(section.id);
    const key = `s${index}`;
    const body = easy && section.easyRead.length ? section.easyRead : section.body;
    return html`<section
      class="section ${open ? 'open' : ''}"
      part="section"
      data-type=${section.type}
      lang=${contentLang}
      dir=${contentDir}
    >
      ${staticHtml`<${headingTag} class="section-heading">
        <button type="button" id="${key}-button" part="section-button" aria-expanded=${open ? 'true' : 'false'} aria-controls="${key}-panel" @click=${() => this.toggle(section.id)}>
          <span class="icon" aria-hidden="true"></span><span id="${key}-title">${section.heading}</span>
        </button>
      </${headingTag}>`}
      <div
        class="panel"
        part="panel"
        id="${key}-panel"
        hidden=${open ? nothing : 'until-found'}
        @beforematch=${() => this.onBeforeMatch(section.id)}
      >
        <div class="panel-body">
          ${this.listen.button({
            key: section.id,
            lang: this.view?.lang ?? this.i18n.locale,
            labelLang: interfaceLang === nothing ? undefined : interfaceLang,
            labelDir: contentDir === nothing ? undefined : dir,
            describedBy: `${key}-title`,
            text: (button) => [section.heading, ...visibleText(button.closest('.panel-body'))],
          })}
          ${renderSafe(body)}
          ${
            section.askFeedback
              ? html`<button
                  type="button"
                  class="feedback"
                  part="feedback-button"
                  lang=${interfaceLang}
                  dir=${contentDir === nothing ? nothing : dir}
                  aria-describedby="${key}-title"
                  @click=${() => this.askFeedback(section)}
                >
                  ${this.i18n.t('askFeedback')}
                </button>`
              : nothing
          }
        </div>
      </div>
    </section>`;
  }
}

function reportBadCharter(where: string, problems: string[]): void {
  // A console error, not a dev warning: the provider must see it in production, because the
  // built-in charter is shown instead of theirs until they fix it.
  console.error(
    `[care-feedback] The charter from ${where} was not used, so the built-in charter is shown instead. Problems:\n- ${problems.join('\n- ')}`,
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'care-rights-charter': CareRightsCharter;
  }
}
