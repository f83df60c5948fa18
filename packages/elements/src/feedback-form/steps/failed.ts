// The failure page: why it was not sent, that the answers are kept, and two ways on.
import {html, nothing, type TemplateResult} from 'lit';
import type {CareFailureReason} from '../../events/care-failed.js';
import {heading, type StepView} from './view.js';

export interface FailedOptions {
  reason: CareFailureReason;
  listen: TemplateResult | typeof nothing;
  retry(): void;
  review(): void;
}

export function failedStep(view: StepView, o: FailedOptions): TemplateResult {
  return html`${o.listen}
    <div class="error-summary failed-body" part="confirmation">
      ${heading(view.t('failed.heading'))}
      <p>${view.t(`failed.${o.reason}`)}</p>
      <p>${view.t('failed.kept')}</p>
    </div>
    <div class="actions">
      <button type="button" class="button" part="button" @click=${o.retry}>
        ${view.t('failed.retry')}
      </button>
      <button type="button" class="button button--secondary" part="button" @click=${o.review}>
        ${view.t('failed.review')}
      </button>
    </div>`;
}
