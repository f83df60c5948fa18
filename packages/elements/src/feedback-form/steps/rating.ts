// The Friends and Family Test question (not asked about a concern).
import type {TemplateResult} from 'lit';
import {RATINGS} from '@care-feedback/core/schema/vocabulary';
import type {Answers} from '../answers.js';
import {radios} from '../fields.js';
import type {StepView} from './view.js';

export function ratingStep(view: StepView): TemplateResult {
  return radios(view.kit, {
    id: 'f-rating',
    legend: view.t('rating.heading'),
    legendHeading: true,
    hint: view.t('rating.hint'),
    value: view.answers.rating,
    choices: RATINGS.map((rating) => ({value: rating, label: view.t(`rating.${rating}`)})),
    onChange: (value) => view.set('rating', value as Answers['rating']),
  });
}
