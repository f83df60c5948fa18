// About you: how the person knows the service, and which of the provider's services it is about.
import {html, nothing, type TemplateResult} from 'lit';
import {RELATIONSHIPS} from '@care-feedback/core/schema/vocabulary';
import type {Answers} from '../answers.js';
import {radios} from '../fields.js';
import type {CareService} from '../services.js';
import {heading, type StepView} from './view.js';

export function aboutStep(view: StepView, services: readonly CareService[]): TemplateResult {
  return html`${heading(view.t('about.heading'))}
  ${radios(view.kit, {
    id: 'f-relationship',
    legend: view.t('relationship.legend'),
    optional: true,
    value: view.answers.relationship,
    choices: RELATIONSHIPS.map((value) => ({value, label: view.t(`relationship.${value}`)})),
    onChange: (value) => view.set('relationship', value as Answers['relationship']),
  })}
  ${
    services.length > 0
      ? radios(view.kit, {
          id: 'f-service',
          legend: view.t('service.legend'),
          optional: true,
          value: view.answers.service,
          choices: [
            ...services.map((service) => ({value: service.id, label: service.label})),
            {value: 'unsure', label: view.t('service.unsure')},
          ],
          onChange: (value) => view.set('service', value),
        })
      : nothing
  }`;
}
