// Accessible field templates for the form: label, hint and error tied to each control in one shadow root.
import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';

/** What the templates need from the form: its strings and the error (if any) shown beside a field. */
export interface FieldKit {
  t(key: string, values?: Record<string, string | number>): string;
  errorFor(field: string): string | undefined;
}

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

export function errorMessage(kit: FieldKit, id: string, message: string | undefined) {
  if (!message) return nothing;
  return html`<p class="error-message" id="${id}-error">
    <span class="visually-hidden">${kit.t('error.prefix')}</span> ${message}
  </p>`;
}

/** " (optional)" after a label or legend, when the field may be left empty. */
const optionalTag = (kit: FieldKit, optional: boolean | undefined) =>
  optional ? html` <span class="optional">${kit.t('optional')}</span>` : nothing;

/** The hint paragraph under a label or legend, which the control points at with `<id>-hint`. */
const hintFor = (id: string, hint: string | undefined) =>
  hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing;

/** `aria-describedby` for a control with an optional hint and error, or no attribute at all. */
const hintAndError = (id: string, hint: string | undefined, error: string | undefined) =>
  ifDefined(describedBy(hint && `${id}-hint`, error && `${id}-error`));

/** A text control's label, hint and error, in the order they are read. */
function fieldHead(
  kit: FieldKit,
  o: {id: string; label: string; hint?: string | undefined; optional?: boolean | undefined},
  error: string | undefined,
) {
  return html`<label class="label" part="label" for=${o.id}
      >${o.label}${optionalTag(kit, o.optional)}</label
    >
    ${hintFor(o.id, o.hint)}
    ${errorMessage(kit, o.id, error)}`;
}

export interface TextFieldOptions {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  widthClass?: string;
  optional?: boolean;
  onInput(value: string): void;
}

export function textField(kit: FieldKit, o: TextFieldOptions): TemplateResult {
  const error = kit.errorFor(o.id);
  return html`<div class="group ${error ? 'group--error' : ''}">
    ${fieldHead(kit, o, error)}
    <input
      part="control"
      class=${ifDefined(o.widthClass)}
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      spellcheck="false"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${hintAndError(o.id, o.hint, error)}
      .value=${live(o.value)}
      @input=${(event: Event) => o.onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

export interface TextAreaOptions {
  id: string;
  label: string;
  hint?: string | undefined;
  value: string;
  optional?: boolean;
  rows?: number;
  /** The limit as a person reads it, e.g. "You can write up to 5,000 characters." */
  limitText?: string;
  /** Shown only when someone nears or passes the limit, so it never nags. */
  countText?: string | undefined;
  over?: boolean;
  /** The same count, given to screen readers once typing pauses. */
  announcement?: string;
  autocomplete?: string;
  onInput(value: string): void;
}

export function textArea(kit: FieldKit, o: TextAreaOptions): TemplateResult {
  const error = kit.errorFor(o.id);
  return html`<div class="group ${error ? 'group--error' : ''}">
    ${fieldHead(kit, o, error)}
    <textarea
      part="control"
      id=${o.id}
      name=${o.id}
      rows=${o.rows ?? 6}
      autocomplete=${ifDefined(o.autocomplete)}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(
        describedBy(
          o.hint && `${o.id}-hint`,
          error && `${o.id}-error`,
          o.limitText && `${o.id}-limit`,
        ),
      )}
      .value=${live(o.value)}
      @input=${(event: Event) => o.onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${
      o.limitText
        ? html`<p class="count ${o.over ? 'count--over' : ''}" id="${o.id}-limit">
            ${o.countText ? html`<span aria-hidden="true">${o.countText}</span><span class="visually-hidden">${o.limitText}</span>` : o.limitText}
          </p>`
        : nothing
    }
    <p class="visually-hidden" aria-live="polite" id="${o.id}-live">${o.announcement ?? ''}</p>
  </div>`;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string | undefined;
  /** Extra fields shown under this choice while it is chosen (a GOV.UK-style conditional reveal). */
  reveal?: TemplateResult | undefined;
}

export interface ChoiceGroupOptions {
  id: string;
  legend: string;
  /** Renders the legend as the step's heading (the question is the page). */
  legendHeading?: boolean;
  hint?: string | undefined;
  optional?: boolean;
  choices: Choice[];
  name?: string;
}

function legendOf(kit: FieldKit, o: ChoiceGroupOptions) {
  return o.legendHeading
    ? html`<legend><h2 class="step-heading" part="heading" tabindex="-1">${o.legend}</h2></legend>`
    : html`<legend part="label">
        ${o.legend}${optionalTag(kit, o.optional)}
      </legend>`;
}

/**
 * The fieldset shared by radios and checkboxes: legend, hint, error, then each choice drawn by
 * `control` with its reveal while chosen. The first choice carries the field id, so an error
 * summary link lands on it.
 */
function choiceGroup(
  kit: FieldKit,
  o: ChoiceGroupOptions,
  isChecked: (value: string) => boolean,
  control: (choice: Choice, id: string, checked: boolean) => TemplateResult,
): TemplateResult {
  const error = kit.errorFor(o.id);
  return html`<div class="group ${error ? 'group--error' : ''}">
    <fieldset aria-describedby=${hintAndError(o.id, o.hint, error)}>
      ${legendOf(kit, o)}
      ${hintFor(o.id, o.hint)}
      ${errorMessage(kit, o.id, error)}
      ${o.choices.map((choice, index) => {
        const checked = isChecked(choice.value);
        return html`${control(choice, index === 0 ? o.id : `${o.id}-${index + 1}`, checked)}
          ${checked && choice.reveal ? html`<div class="reveal">${choice.reveal}</div>` : nothing}`;
      })}
    </fieldset>
  </div>`;
}

/** Native radios: one tab stop, arrow keys move, and the first option carries the field id for error links. */
export function radios(
  kit: FieldKit,
  o: ChoiceGroupOptions & {value: string; onChange(value: string): void},
): TemplateResult {
  return choiceGroup(
    kit,
    o,
    (value) => o.value === value,
    (choice, id, checked) => html`<div class="choice">
      <input
        part="control"
        type="radio"
        id=${id}
        name=${o.name ?? o.id}
        .value=${choice.value}
        .checked=${live(checked)}
        aria-describedby=${ifDefined(choice.hint ? `${id}-hint` : undefined)}
        @change=${() => o.onChange(choice.value)}
      />
      <label for=${id}
        >${choice.label}${choice.hint ? html`<span class="hint" id="${id}-hint">${choice.hint}</span>` : nothing}</label
      >
    </div>`,
  );
}

export function checkboxes(
  kit: FieldKit,
  o: ChoiceGroupOptions & {values: readonly string[]; onChange(values: string[]): void},
): TemplateResult {
  return choiceGroup(
    kit,
    o,
    (value) => o.values.includes(value),
    (choice, id, checked) => html`<div class="choice">
      <input
        part="control"
        type="checkbox"
        id=${id}
        name=${o.name ?? o.id}
        .value=${choice.value}
        .checked=${live(checked)}
        @change=${(event: Event) => {
          const on = (event.target as HTMLInputElement).checked;
          const rest = o.values.filter((value) => value !== choice.value);
          // Keep the list in the order the choices are shown, whatever order they were ticked.
          const next = on ? [...rest, choice.value] : rest;
          o.onChange(o.choices.map((c) => c.value).filter((value) => next.includes(value)));
        }}
      />
      <label for=${id}>${choice.label}</label>
    </div>`,
  );
}

/** One yes-or-no checkbox with its own label, hint, error and optional extra content (a link). */
export function singleCheckbox(
  kit: FieldKit,
  o: {
    id: string;
    label: string;
    hint?: string | undefined;
    checked: boolean;
    extra?: TemplateResult;
    onChange(on: boolean): void;
  },
): TemplateResult {
  const error = kit.errorFor(o.id);
  return html`<div class="group ${error ? 'group--error' : ''}">
    ${errorMessage(kit, o.id, error)}
    <div class="choice">
      <input
        part="control"
        type="checkbox"
        id=${o.id}
        name=${o.id}
        .checked=${live(o.checked)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${hintAndError(o.id, o.hint, error)}
        @change=${(event: Event) => o.onChange((event.target as HTMLInputElement).checked)}
      />
      <label for=${o.id} part="label"
        >${o.label}${o.hint ? html`<span class="hint" id="${o.id}-hint">${o.hint}</span>` : nothing}</label
      >
    </div>
    ${o.extra ?? nothing}
  </div>`;
}
