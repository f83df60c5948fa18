// Communication needs, asked only of someone who wants a reply, with a box for the details some need.
import {html, nothing, type TemplateResult} from 'lit';
import {COMMUNICATION_NEEDS} from '@care-feedback/core/schema/vocabulary';
import {needsWithDetail, type Answers} from '../answers.js';
import {checkboxes, textField} from '../fields.js';
import type {StepView} from './view.js';

export function needsStep(view: StepView): TemplateResult {
  const detail = textField(view.kit, {
    id: 'f-needs-detail',
    label: view.t('needsDetail.label'),
    hint: view.t('needsDetail.hint'),
    value: view.answers.needsDetail,
    onInput: (value) => view.set('needsDetail', value),
  });
  return html`${checkboxes(view.kit, {
    id: 'f-needs',
    legend: view.t('needs.heading'),
    legendHeading: true,
    hint: view.t('needs.hint'),
    values: view.answers.needs,
    choices: COMMUNICATION_NEEDS.map((need) => ({value: need, label: view.t(`needs.${need}`)})),
    onChange: (values) => view.set('needs', values as Answers['needs']),
  })}
  ${needsWithDetail(view.answers.needs) ? detail : nothing}`;
}
