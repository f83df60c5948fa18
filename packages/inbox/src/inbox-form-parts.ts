// Pieces the inbox's "You said, we did" forms share: a text box with its hint and error, and the error summary.
import {html, nothing} from 'lit';
import type {Translate} from './inbox-view.js';

/** A field of a form with what is wrong with it, for the error summary. */
export interface FieldProblem<Field extends string = string> {
  field: Field;
  message: string;
}

// A fragment link cannot reach into a shadow root, so the summary's links move focus themselves.
const focusField = (id: string) => (event: Event) => {
  event.preventDefault();
  ((event.currentTarget as HTMLElement).getRootNode() as ShadowRoot).getElementById(id)?.focus();
};

/**
 * The error summary: a heading and a link to each field with a problem, then any problem that
 * belongs to no one field. It takes focus (tabindex -1) when a form fails; nothing when all is well.
 */
export function errorSummary(
  id: string,
  problems: FieldProblem[],
  formError: string,
  t: Translate,
) {
  if (!problems.length && !formError) return nothing;
  return html`<div id=${id} class="error-summary" tabindex="-1" aria-labelledby="${id}-title">
    <h4 id="${id}-title">${t('errorTitle')}</h4>
    <ul>
      ${problems.map(
        (p) =>
          html`<li>
            <a href="#${p.field}" @click=${focusField(p.field)}>${p.message}</a>
          </li>`,
      )}
      ${formError ? html`<li>${formError}</li>` : nothing}
    </ul>
  </div>`;
}

/** A labelled text box with its hint, and its error above it when it has one. */
export function textField(options: {
  id: string;
  name: string;
  label: string;
  hint: string;
  problem: string;
  maxlength: number;
  value?: string;
  t: Translate;
}) {
  const {id, name, label, hint, problem, maxlength, value = '', t} = options;
  return html`<div class="field ${problem ? 'field-invalid' : ''}">
    <label for=${id}>${label}</label>
    <p id="${id}-hint" class="hint">${hint}</p>
    ${
      problem
        ? html`<p id="${id}-error" class="error-message">
            <span class="visually-hidden">${t('errorTitle')}:</span> ${problem}
          </p>`
        : nothing
    }
    <textarea
      id=${id}
      name=${name}
      rows="3"
      maxlength=${maxlength}
      aria-describedby=${problem ? `${id}-hint ${id}-error` : `${id}-hint`}
      aria-invalid=${problem ? 'true' : 'false'}
      .defaultValue=${value}
    ></textarea>
  </div>`;
}
