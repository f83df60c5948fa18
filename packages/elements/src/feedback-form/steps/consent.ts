// Consent: keeping the feedback (required), being contacted, and sharing it without a name.
import {html, nothing, type TemplateResult} from 'lit';
import {singleCheckbox} from '../fields.js';
import {heading, type StepView} from './view.js';

/** `privacy`: the provider's privacy notice, already checked as a safe link, or undefined. */
export function consentStep(view: StepView, privacy: string | undefined): TemplateResult {
  const a = view.answers;
  return html`${heading(view.t('consent.heading'))}
    <p class="hint">${view.t('consent.hint')}</p>
    ${singleCheckbox(view.kit, {
      id: 'f-consent-store',
      label: view.t('consent.store'),
      hint: view.t('consent.store.hint'),
      checked: a.consentStore,
      extra: privacy
        ? html`<p>
            <a href=${privacy} target="_blank" rel="noopener">${view.t('consent.privacy')}</a>
          </p>`
        : undefined,
      onChange: (on) => view.set('consentStore', on),
    })}
    <p>${view.t('consent.choice')}</p>
    ${
      a.reply === 'contact'
        ? singleCheckbox(view.kit, {
            id: 'f-consent-contact',
            label: view.t('consent.contact'),
            checked: a.consentContact,
            onChange: (on) => view.set('consentContact', on),
          })
        : nothing
    }
    ${singleCheckbox(view.kit, {
      id: 'f-consent-publish',
      label: view.t('consent.publish'),
      checked: a.consentPublish,
      onChange: (on) => view.set('consentPublish', on),
    })}`;
}
