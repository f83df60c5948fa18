// What every view template of the inbox is given: the controller, the strings and the locale.
import {html, svg} from 'lit';
import type {InboxController} from './inbox-controller.js';
import type {InboxStrings} from './inbox-strings.js';

export type Translate = (
  key: keyof InboxStrings & string,
  values?: Record<string, string | number>,
) => string;

export interface ViewContext {
  c: InboxController;
  t: Translate;
  strings: InboxStrings;
  locale: string;
}

/** A warning triangle drawn beside the word "Overdue", so the flag never rests on colour alone. */
export const warningIcon = html`<svg
  class="icon"
  viewBox="0 0 24 24"
  width="20"
  height="20"
  aria-hidden="true"
  focusable="false"
>
  ${svg`<path d="M12 2 1 22h22L12 2Z" fill="currentColor"></path><path d="M11 9h2v7h-2zM11 18h2v2h-2z" fill="var(--_surface)"></path>`}
</svg>`;

/** An error message with a hidden "Error:" so a screen reader says what it is before reading it. */
export function errorMessage(id: string, message: string, t: Translate) {
  return message
    ? html`<p id=${id} class="error-message" tabindex="-1">
        <span class="visually-hidden">${t('errorTitle')}:</span> ${message}
      </p>`
    : '';
}
