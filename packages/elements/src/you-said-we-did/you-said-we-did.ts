// <care-you-said-we-did>: the provider's published "You said, we did" items, newest first, for its public pages.
import {LitElement, html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {baseStyles} from '../shared/styles.js';
import {LocalizeController} from '../shared/localize.js';
import {getConfig} from '../shared/config.js';
import {devWarn} from '../shared/dev.js';
import {youSaidWeDidStyles} from './you-said-we-did.styles.js';

export const youSaidWeDidStrings = {
  listLabel: 'What people told us and what we changed',
  youSaid: 'You said',
  weDid: 'We did',
  quoteLabel: 'In their own words',
  published: 'Shared on {date}',
  loading: 'Loading what we changed…',
  empty:
    'Nothing to show yet. When we change something because of what people told us, it will be listed here.',
  failed: 'Sorry, we could not load this just now. Please try again later.',
};
export type YouSaidWeDidStrings = typeof youSaidWeDidStrings;

/** One published item as the collector's public list gives it. */
export interface PublishedItem {
  id: string;
  youSaid: string;
  weDid: string;
  quote: string | null;
  publishedAt: string | null;
}

type State = 'idle' | 'loading' | 'ready' | 'failed';

/**
 * Published "You said, we did" items from the collector (`GET <endpoint>/you-said-we-did/published`),
 * newest first, as a list: what people said, what the provider did, and the person's own words
 * when they agreed to them being shared. Everything is shown as text, never as markup.
 *
 * @slot heading - Optional heading or introduction shown above the list.
 * @csspart list - The list of items.
 * @csspart item - Each item.
 * @csspart quote - The quote, when there is one.
 * @csspart status - The loading, empty or error message.
 * @cssprop --care-you-said-accent - The colour of each item's side bar (default the accent colour).
 */
export class CareYouSaidWeDid extends LitElement {
  static override styles = [baseStyles, youSaidWeDidStyles];

  /** The collector's base URL, e.g. `http://localhost:8787/v1`; falls back to the configured endpoint. */
  @property() endpoint?: string;
  @property({reflect: true}) locale?: string;
  @property({attribute: 'reading-level'}) readingLevel?: string;
  /** Replacements for any of the strings above, by key. */
  @property({attribute: false}) strings?: Partial<YouSaidWeDidStrings>;
  @state() private items: PublishedItem[] = [];
  @state() private state: State = 'idle';
  private readonly localize = new LocalizeController(this, 'you-said-we-did', youSaidWeDidStrings);
  private loads = 0;

  /** Fetches the list again (it is fetched on its own when `endpoint` is set or changes). */
  async reload(): Promise<void> {
    const base = (this.endpoint || getConfig().endpoint || '').replace(/\/+$/, '');
    const load = ++this.loads;
    if (!base) {
      devWarn(
        '<care-you-said-we-did> needs an endpoint attribute, e.g. endpoint="https://collector.example/v1".',
      );
      this.state = 'failed';
      return;
    }
    this.state = 'loading';
    try {
      const response = await fetch(`${base}/you-said-we-did/published`, {
        headers: {accept: 'application/json'},
        credentials: 'omit',
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as {items?: unknown};
      if (load !== this.loads) return;
      this.items = (Array.isArray(body.items) ? body.items : [])
        .filter(
          (i): i is PublishedItem =>
            !!i && typeof i.youSaid === 'string' && typeof i.weDid === 'string',
        )
        // The collector sends newest first; sorting again keeps that promise whatever sent it.
        .sort((a, b) => String(b.publishedAt ?? '').localeCompare(String(a.publishedAt ?? '')));
      this.state = 'ready';
    } catch (error) {
      if (load !== this.loads) return;
      devWarn('<care-you-said-we-did> could not load the published items.', error);
      this.state = 'failed';
    }
  }

  /** Resolves once the current load has finished and rendered. */
  async loaded(): Promise<void> {
    await this.updateComplete;
    while (this.state === 'loading' || this.state === 'idle') {
      await new Promise((r) => setTimeout(r, 10));
    }
    await this.localize.ready();
    await this.updateComplete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint') || this.state === 'idle') void this.reload();
  }

  private date(iso: string | null): string {
    if (!iso) return '';
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) return '';
    return new Intl.DateTimeFormat(this.localize.locale, {dateStyle: 'long'}).format(when);
  }

  protected override render() {
    const {t} = this.localize;
    const tr = t.bind(this.localize);
    return html`
      <div lang=${this.localize.locale} dir=${this.localize.dir}>
        <slot name="heading"></slot>
        ${
          this.state === 'ready' && this.items.length
            ? html`<ol part="list" aria-label=${tr('listLabel')}>
                ${this.items.map(
                  (item) =>
                    html`<li part="item">
                      <h3>${tr('youSaid')}</h3>
                      <p>${item.youSaid}</p>
                      ${
                        item.quote
                          ? html`<figure>
                              <blockquote part="quote">${item.quote}</blockquote>
                              <figcaption class="date">${tr('quoteLabel')}</figcaption>
                            </figure>`
                          : nothing
                      }
                      <h3>${tr('weDid')}</h3>
                      <p>${item.weDid}</p>
                      ${
                        this.date(item.publishedAt)
                          ? html`<p class="date">
                              ${tr('published', {date: this.date(item.publishedAt)})}
                            </p>`
                          : nothing
                      }
                    </li>`,
                )}
              </ol>`
            : html`<p
                part="status"
                class="status ${this.state === 'failed' ? 'error' : ''}"
                role="status"
              >
                ${
                  this.state === 'failed'
                    ? tr('failed')
                    : this.state === 'ready'
                      ? tr('empty')
                      : tr('loading')
                }
              </p>`
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'care-you-said-we-did': CareYouSaidWeDid;
  }
}
