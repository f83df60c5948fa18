// What happened, and what would make it better, each with a count that appears near its limit.
import {html, type TemplateResult} from 'lit';
import {LIMITS} from '@care-feedback/core/schema/vocabulary';
import {characterCount} from '@care-feedback/core/schema/submission';
import {textArea} from '../fields.js';
import {heading, type StepView} from './view.js';

export type StoryField = 'message' | 'improvement';

/** The count shows once a person has used this share of the limit. */
const COUNT_FROM = 0.8;

/** The count a person sees once they near the limit (none before), and whether they are over it. */
export function countFor(view: StepView, field: StoryField): {text?: string; over: boolean} {
  const max = LIMITS[field];
  const used = characterCount(view.answers[field]);
  const left = max - used;
  if (used < max * COUNT_FROM) return {over: false};
  return {
    text: left >= 0 ? view.plural('count.left', left) : view.plural('count.over', -left),
    over: left < 0,
  };
}

export interface StoryOptions {
  /** The calmer copy of each count for screen readers, updated after a pause in typing. */
  announcements: Partial<Record<StoryField, string>>;
  typed(field: StoryField, value: string): void;
}

export function storyStep(view: StepView, o: StoryOptions): TemplateResult {
  const area = (field: StoryField, rows: number, optional: boolean) => {
    const count = countFor(view, field);
    return textArea(view.kit, {
      id: `f-${field}`,
      label: view.t(`${field}.label`),
      hint: view.t(`${field}.hint`),
      optional,
      value: view.answers[field],
      rows,
      limitText: view.t('count.limit', {max: view.number(LIMITS[field])}),
      countText: count.text,
      over: count.over,
      announcement: o.announcements[field] ?? '',
      onInput: (value) => o.typed(field, value),
    });
  };
  return html`${heading(view.t('story.heading'))} ${area('message', 8, false)}
  ${area('improvement', 5, true)}`;
}
