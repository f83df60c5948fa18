// What is around every step's questions: Back, the error summary, the restored-draft notice, "Step n of
// m", Listen, and Continue (or Send on review) with the sending status.
import {html, nothing, type TemplateResult} from 'lit';
import {targetFor, type FormError} from '../answers.js';
import type {StepView} from './view.js';

export interface FrameOptions {
  /** 1-based position of this step, and how many steps this journey has. */
  current: number;
  total: number;
  showBack: boolean;
  errors: readonly FormError[];
  /** A draft was brought back and nothing has changed since: say so, and offer to start again. */
  restored: boolean;
  review: boolean;
  sending: boolean;
  listen: TemplateResult | typeof nothing;
  errorText(error: FormError): string;
  back(): void;
  startAgain(): void;
  fix(error: FormError): void;
}

/** The list of problems at the top of a step, each a link to its field. */
function errorSummary(view: StepView, o: FrameOptions): TemplateResult | typeof nothing {
  if (o.errors.length === 0) return nothing;
  return html`<div
    class="error-summary"
    part="error-summary"
    tabindex="-1"
    role="alert"
    aria-labelledby="error-summary-title"
  >
    <h2 id="error-summary-title">${view.t('errorSummary.title')}</h2>
    <ul>
      ${o.errors.map((error) => {
        const target = targetFor(error.path, view.answers);
        const text = o.errorText(error);
        return html`<li>
          ${
            target
              ? html`<a
                  href="#${target.field}"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    o.fix(error);
                  }}
                  >${text}</a
                >`
              : text
          }
        </li>`;
      })}
    </ul>
  </div>`;
}

export function stepFrame(view: StepView, o: FrameOptions, body: TemplateResult): TemplateResult {
  return html`${
      o.showBack
        ? html`<button type="button" class="link back" @click=${o.back}>${view.t('back')}</button>`
        : nothing
    }
    ${errorSummary(view, o)}
    ${
      o.restored
        ? html`<div class="notice">
            <p>${view.t('draft.restored')}</p>
            <button type="button" class="link" @click=${o.startAgain}>
              ${view.t('draft.startAgain')}
            </button>
          </div>`
        : nothing
    }
    <p class="progress">
      ${view.t('progress', {current: view.number(o.current), total: view.number(o.total)})}
    </p>
    ${o.listen}
    <div class="step-body">${body}</div>
    <div class="actions">
      ${
        o.review
          ? html`<button
              class="button"
              part="button"
              type="submit"
              aria-disabled=${o.sending ? 'true' : 'false'}
            >
              ${view.t('send')}
            </button>`
          : html`<button class="button" part="button" type="submit">${view.t('continue')}</button>`
      }
    </div>
    <p role="status" class=${o.sending ? 'status' : 'visually-hidden'}>
      ${o.sending ? view.t('sending') : ''}
    </p>`;
}
