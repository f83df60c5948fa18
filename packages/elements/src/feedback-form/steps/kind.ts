// The first question: what kind of feedback. The picker draws the choices (and the safety advice for a
// concern); the form only hears the choice.
import {html, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {KINDS, type Kind} from '@care-feedback/core/schema/vocabulary';
import type {CareKindChangeEvent} from '../../events/care-kind-change.js';
import {errorMessage} from '../fields.js';
import {heading, type StepView} from './view.js';

export interface KindOptions {
  locale?: string | undefined;
  readingLevel?: string | undefined;
  safeguardingContact?: string | undefined;
}

const isKind = (value: unknown): value is Kind => (KINDS as readonly unknown[]).includes(value);

export function kindStep(view: StepView, o: KindOptions): TemplateResult {
  const error = view.kit.errorFor('f-kind');
  return html`${heading(view.t('kind.heading'))}
    <div class="group ${error ? 'group--error' : ''}">
      ${errorMessage(view.kit, 'f-kind', error)}
      <care-feedback-picker
        id="f-kind"
        .embedded=${true}
        .legend=${view.t('kind.legend')}
        .value=${view.answers.kind}
        locale=${ifDefined(o.locale)}
        reading-level=${ifDefined(o.readingLevel)}
        safeguarding-contact=${ifDefined(o.safeguardingContact)}
        @care-kind-change=${(event: CareKindChangeEvent) => {
          event.stopPropagation();
          if (isKind(event.detail.kind)) view.set('kind', event.detail.kind);
        }}
      ></care-feedback-picker>
    </div>`;
}
