// What every step's template needs from the form: the answers, the strings, numbers in the person's
// language, and a way to change an answer. The templates hold no state of their own.
import {html, type TemplateResult} from 'lit';
import type {Answers} from '../answers.js';
import type {FieldKit} from '../fields.js';

export interface StepView {
  readonly answers: Answers;
  readonly kit: FieldKit;
  t(key: string, values?: Record<string, string | number>): string;
  /** A number written the way the person's language writes it. */
  number(value: number): string;
  /** The string `<base>.<plural rule>` for a count (`count.left.one`, `count.left.other`). */
  plural(base: string, count: number): string;
  set<K extends keyof Answers>(key: K, value: Answers[K]): void;
}

/** Each step's heading, which takes focus when the step changes. */
export const heading = (text: string): TemplateResult =>
  html`<h2 class="step-heading" part="heading" tabindex="-1">${text}</h2>`;
