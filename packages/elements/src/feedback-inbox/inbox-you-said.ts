// "You said, we did" in the inbox: the form in a submission's detail, and the list to publish from.
import {html, nothing} from 'lit';
import {InboxApiError, type YouSaidItem} from './inbox-api.js';
import type {InboxController} from './inbox-controller.js';
import {firstWords, formatDateTime} from './inbox-format.js';
import type {InboxRecord} from './inbox-types.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

/** A field of the form with what is wrong with it, for the error summary. */
interface FieldProblem {
  field: 'you-said-said' | 'you-said-did' | 'you-said-quote-text';
  message: string;
}

/** The state and actions of "You said, we did"; the inbox controller owns one. */
export class YouSaidState {
  items: YouSaidItem[] = [];
  loading = false;
  listError = '';
  /** The form's problems, shown in its error summary. */
  problems: FieldProblem[] = [];
  /** A problem the collector reported for the whole form. */
  formError = '';
  saving = false;
  /** The reference the last saved item answers, to say it was saved under the right form. */
  savedFor = '';
  /** The item a publish or unpublish failed for, and why. */
  itemError: {id: string; message: string} | undefined;
  busyId = '';

  constructor(private readonly c: InboxController) {}

  /** Clears the form's messages when another submission is opened. */
  reset(): void {
    this.problems = [];
    this.formError = '';
    this.savedFor = '';
  }

  async save(
    record: InboxRecord,
    fields: {youSaid: string; weDid: string; includeQuote: boolean; quote: string},
  ): Promise<boolean> {
    const c = this.c;
    if (!c.api || this.saving) return false;
    const t = c.t;
    this.formError = '';
    this.savedFor = '';
    this.problems = [];
    if (!fields.youSaid.trim())
      this.problems.push({field: 'you-said-said', message: t('youSaidSaidMissing')});
    if (!fields.weDid.trim())
      this.problems.push({field: 'you-said-did', message: t('youSaidDidMissing')});
    if (fields.includeQuote && !fields.quote.trim())
      this.problems.push({field: 'you-said-quote-text', message: t('youSaidQuoteMissing')});
    if (this.problems.length) {
      c.refresh();
      c.focus('you-said-errors');
      return false;
    }
    this.saving = true;
    c.refresh();
    try {
      await c.api.youSaidCreate({
        submissionReference: record.reference,
        youSaid: fields.youSaid,
        weDid: fields.weDid,
        ...(fields.includeQuote ? {quote: fields.quote} : {}),
      });
      this.saving = false;
      this.savedFor = record.reference;
      c.announce(t('youSaidSaved'));
      c.focus('you-said-saved');
      c.refresh();
      return true;
    } catch (error) {
      this.saving = false;
      this.formError = c.explain(error);
      c.refresh();
      c.focus('you-said-errors');
      return false;
    }
  }

  async load(): Promise<void> {
    const c = this.c;
    if (!c.api) return;
    this.loading = true;
    this.listError = '';
    c.announce(c.t('youSaidLoading'));
    try {
      this.items = await c.api.youSaidList();
      c.announce(c.t('youSaidLoaded', {count: this.items.length}));
    } catch (error) {
      this.items = [];
      this.listError = c.explain(error);
      if (c.api) c.announce(this.listError);
    }
    this.loading = false;
    c.refresh();
  }

  async setPublished(item: YouSaidItem, publish: boolean): Promise<void> {
    const c = this.c;
    if (!c.api || this.busyId) return;
    this.busyId = item.id;
    this.itemError = undefined;
    c.refresh();
    try {
      const updated = await c.api.youSaidPublish(item.id, publish);
      this.items = this.items.map((i) => (i.id === item.id ? updated : i));
      c.announce(c.t(publish ? 'youSaidPublished' : 'youSaidUnpublished'));
      this.busyId = '';
      c.refresh();
      c.focus(`you-said-status-${item.id}`);
    } catch (error) {
      this.busyId = '';
      // The collector's own words say why (for example, no consent to publish a quote).
      const message =
        error instanceof InboxApiError &&
        error.kind === 'invalid' &&
        !error.message.startsWith('HTTP')
          ? error.message
          : c.explain(error);
      this.itemError = {id: item.id, message};
      c.announce(message);
      c.refresh();
      c.focus(`you-said-error-${item.id}`);
    }
  }
}

// A fragment link cannot reach into a shadow root, so the summary's links move focus themselves.
const focusField = (id: string) => (event: Event) => {
  event.preventDefault();
  ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).getElementById(id)?.focus();
};

/** The form in a submission's detail view. */
export function renderYouSaidForm(record: InboxRecord, {c, t}: ViewContext) {
  const y = c.youSaid;
  const message = typeof record.submission.message === 'string' ? record.submission.message : '';
  const consented = record.submission.consent?.publish === true;
  const problemFor = (field: FieldProblem['field']) =>
    y.problems.find((p) => p.field === field)?.message ?? '';
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    void y
      .save(record, {
        youSaid: String(data.get('youSaid') ?? ''),
        weDid: String(data.get('weDid') ?? ''),
        includeQuote: consented && data.get('includeQuote') === 'yes',
        quote: String(data.get('quote') ?? ''),
      })
      .then((saved) => {
        if (saved) form.reset();
      });
  };
  const field = (
    id: FieldProblem['field'],
    name: string,
    labelText: string,
    hint: string,
    value = '',
  ) => {
    const problem = problemFor(id);
    return html`<div class="field ${problem ? 'field-invalid' : ''}">
      <label for=${id}>${labelText}</label>
      <p id="${id}-hint" class="hint">${hint}</p>
      ${
        problem
          ? html`<p id="${id}-error" class="error-message">
              <span class="visually-hidden">${t('errorTitle')}:</span> ${problem}
            </p>`
          : nothing
      }
      <textarea
        id=${id}
        name=${name}
        rows="3"
        maxlength=${name === 'quote' ? 1000 : 2000}
        aria-describedby=${problem ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid=${problem ? 'true' : 'false'}
        .defaultValue=${value}
      ></textarea>
    </div>`;
  };
  const summary = y.problems.length || y.formError;
  return html`
    <section class="you-said-form" aria-labelledby="you-said-heading">
      <h3 id="you-said-heading">${t('youSaidHeading')}</h3>
      <p>${t('youSaidIntro')}</p>
      ${
        summary
          ? html`<div
              id="you-said-errors"
              class="error-summary"
              tabindex="-1"
              aria-labelledby="you-said-errors-title"
            >
              <h4 id="you-said-errors-title">${t('errorTitle')}</h4>
              <ul>
                ${y.problems.map(
                  (p) =>
                    html`<li>
                      <a href="#${p.field}" @click=${focusField(p.field)}>${p.message}</a>
                    </li>`,
                )}
                ${y.formError ? html`<li>${y.formError}</li>` : nothing}
              </ul>
            </div>`
          : nothing
      }
      ${
        y.savedFor === record.reference
          ? html`<div class="panel notice" id="you-said-saved" tabindex="-1">
              <p>${t('youSaidSaved')}</p>
              <button type="button" class="button secondary" @click=${() => void c.showYouSaid()}>
                ${t('youSaidShowList')}
              </button>
            </div>`
          : nothing
      }
      <form @submit=${submit} novalidate>
        ${field('you-said-said', 'youSaid', t('youSaidSaid'), t('youSaidSaidHint'))}
        ${field('you-said-did', 'weDid', t('youSaidDid'), t('youSaidDidHint'))}
        <div class="field">
          <div class="radio">
            <input
              type="checkbox"
              id="you-said-quote"
              name="includeQuote"
              value="yes"
              ?disabled=${!consented}
              aria-describedby="you-said-quote-hint"
            />
            <label for="you-said-quote">${t('youSaidQuote')}</label>
          </div>
          <p id="you-said-quote-hint" class="hint">
            ${consented ? t('youSaidQuoteHint') : t('youSaidNoConsent')}
          </p>
        </div>
        ${
          consented
            ? field(
                'you-said-quote-text',
                'quote',
                t('youSaidQuoteText'),
                t('youSaidQuoteHint'),
                message.slice(0, 1000),
              )
            : nothing
        }
        <button type="submit" class="button">
          ${y.saving ? t('youSaidSaving') : t('youSaidSave')}
        </button>
      </form>
    </section>
  `;
}

/** The list of items, with publish and unpublish. */
export function renderYouSaidList({c, t, locale}: ViewContext) {
  const y = c.youSaid;
  return html`
    <section class="view you-said" aria-labelledby="view-heading">
      <h2 id="view-heading" tabindex="-1">${t('youSaidHeading')}</h2>
      <p>${t('youSaidListIntro')}</p>
      ${errorMessage('you-said-list-error', y.listError, t)}
      ${
        y.loading
          ? html`<p>${t('youSaidLoading')}</p>`
          : y.items.length === 0 && !y.listError
            ? html`<p>${t('youSaidEmpty')}</p>`
            : html`<ul class="rows you-said-items">
                ${y.items.map(
                  (item) =>
                    html`<li class="row">
                      <h3 id="you-said-item-${item.id}" class="row-title">
                        ${t('youSaidItemLabel', {words: firstWords(item.youSaid, 10)})}
                      </h3>
                      <dl class="facts stacked">
                        <div>
                          <dt>${t('youSaidSaid')}</dt>
                          <dd class="multiline">${item.youSaid}</dd>
                        </div>
                        <div>
                          <dt>${t('youSaidDid')}</dt>
                          <dd class="multiline">${item.weDid}</dd>
                        </div>
                        ${
                          item.quote
                            ? html`<div>
                                <dt>${t('youSaidQuoteLabel')}</dt>
                                <dd>
                                  <blockquote class="multiline quote">${item.quote}</blockquote>
                                </dd>
                              </div>`
                            : nothing
                        }
                        <div>
                          <dt>${t('youSaidFeedback')}</dt>
                          <dd>${item.submissionReference ?? t('youSaidTheme')}</dd>
                        </div>
                        <div>
                          <dt>${t('youSaidStatus')}</dt>
                          <dd id="you-said-status-${item.id}" tabindex="-1">
                            ${
                              item.published
                                ? t('youSaidPublishedOn', {
                                    date: formatDateTime(item.publishedAt ?? undefined, locale),
                                  })
                                : t('youSaidNotPublished')
                            }
                          </dd>
                        </div>
                      </dl>
                      ${
                        y.itemError?.id === item.id
                          ? errorMessage(`you-said-error-${item.id}`, y.itemError.message, t)
                          : nothing
                      }
                      <button
                        type="button"
                        class="button ${item.published ? 'secondary' : ''}"
                        aria-describedby="you-said-item-${item.id}"
                        ?disabled=${y.busyId === item.id}
                        @click=${() => void y.setPublished(item, !item.published)}
                      >
                        ${item.published ? t('youSaidUnpublish') : t('youSaidPublish')}
                      </button>
                    </li>`,
                )}
              </ul>`
      }
    </section>
  `;
}
