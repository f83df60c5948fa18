// "Letters" on a complaint: choose a letter (acknowledgement, holding, response), standard or easy read, large
// print or not; read the letter the collector drafts from the record; print it on its own or download it as
// .docx to change and post; and change the wording every letter uses. Sizes come from classes, never a
// style attribute, which the inbox page's Content-Security-Policy would block. Everything in a letter is text: Lit
// escapes it here, inbox-letters-print.ts writes it as text nodes, and the collector writes .docx runs.
import {html, nothing} from 'lit';
import {keyed} from 'lit/directives/keyed.js';
import {
  LETTER_KINDS,
  LETTER_PLACEHOLDERS,
  LETTER_TEMPLATE_LIMIT,
  LETTER_VERSIONS,
  type LetterBlock,
  type LetterKind,
  type LetterModel,
  type LetterVersion,
} from '@care-feedback/core/provider';
import {errorSummary} from './inbox-form-parts.js';
import {printLetter} from './inbox-letters-print.js';
import type {LetterChoice} from './inbox-letters-state.js';
import type {InboxStrings} from './inbox-strings.js';
import type {InboxRecord} from './inbox-types.js';
import {errorMessage, type Translate, type ViewContext} from './inbox-view.js';

const kindLabel = (t: Translate, kind: LetterKind) => t(`letterKind_${kind}` as keyof InboxStrings & string);
const versionLabel = (t: Translate, version: LetterVersion) => t(`letterVersion_${version}` as keyof InboxStrings & string);
const placeholderMeaning = (t: Translate, name: string) => t(`placeholder_${name}` as keyof InboxStrings & string);

/** The title a letter is shown, printed and saved under: what it is, never what the person wrote. */
function letterTitle(t: Translate, letter: LetterModel): string {
  const values = {kind: kindLabel(t, letter.kind), version: versionLabel(t, letter.version)};
  return t(letter.largePrint ? 'lettersPreviewLarge' : 'lettersPreview', values);
}

function renderBlock(block: LetterBlock) {
  if (block.type === 'heading') return html`<h5>${block.text}</h5>`;
  if (block.type === 'list') return html`<ul>${block.items.map((item) => html`<li>${item}</li>`)}</ul>`;
  return html`<p>${block.lines.map((line, i) => (i > 0 ? html`<br />${line}` : line))}</p>`;
}

function renderChoice(item: InboxRecord, {c, t}: ViewContext) {
  const state = c.letters;
  const choice = state.choice;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const kind = String(data.get('letter-kind') ?? choice.kind) as LetterKind;
    const version = String(data.get('letter-version') ?? choice.version) as LetterVersion;
    const next: LetterChoice = {kind, version, largePrint: data.get('letter-large') === 'yes'};
    void state.draft(item.reference, next);
  };
  return keyed(
    item.reference,
    html`<form class="letter-form" @submit=${submit} novalidate>
      <fieldset class="field">
        <legend>${t('lettersKind')}</legend>
        <div class="radios">
          ${LETTER_KINDS.map(
            (kind) => html`<div class="radio">
              <input type="radio" id="letter-kind-${kind}" name="letter-kind" value=${kind} ?checked=${choice.kind === kind} />
              <label for="letter-kind-${kind}">${kindLabel(t, kind)}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <fieldset class="field" aria-describedby=${state.needsEasyRead ? 'letter-version-hint' : nothing}>
        <legend>${t('lettersVersion')}</legend>
        ${state.needsEasyRead ? html`<p id="letter-version-hint" class="hint">${t('lettersNeedsEasyRead')}</p>` : nothing}
        <div class="radios">
          ${LETTER_VERSIONS.map(
            (version) => html`<div class="radio">
              <input type="radio" id="letter-version-${version}" name="letter-version" value=${version} ?checked=${choice.version === version} />
              <label for="letter-version-${version}">${versionLabel(t, version)}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        ${state.needsLargePrint ? html`<p id="letter-large-hint" class="hint">${t('lettersNeedsLargePrint')}</p>` : nothing}
        <div class="radio">
          <input type="checkbox" id="letter-large" name="letter-large" value="yes" ?checked=${choice.largePrint}
            aria-describedby=${state.needsLargePrint ? 'letter-large-hint' : nothing} />
          <label for="letter-large">${t('lettersLargePrint')}</label>
        </div>
      </div>
      <button type="submit" class="button" ?disabled=${state.drafting}>${state.drafting ? t('lettersDrafting') : t('lettersDraft')}</button>
    </form>`,
  );
}

function renderLetter(item: InboxRecord, letter: LetterModel, {c, t}: ViewContext) {
  const state = c.letters;
  const title = letterTitle(t, letter);
  const print = (event: Event) => {
    const button = event.currentTarget as HTMLElement;
    printLetter(button.closest('.letters')!, letter, `${item.reference}: ${title}`, t('lettersPrintFrame'));
    // The print dialog took focus into the frame; a keyboard user carries on from the button.
    button.focus();
  };
  const download = async (event: Event) => {
    const section = (event.currentTarget as HTMLElement).closest('.letters')!;
    const file = await state.download(item.reference);
    if (!file) return;
    const url = URL.createObjectURL(file.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.hidden = true;
    section.append(link);
    link.click();
    link.remove();
    // Give the browser time to start the download before the Blob goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    c.announce(t('lettersDownloaded'));
  };
  const sizeClass = letter.largePrint ? 'large-print' : letter.version === 'easy-read' ? 'easy-read' : 'standard';
  return html`
    ${letter.missing.length
      ? html`<div class="panel notice" id="letter-missing">
          <p>${t('lettersMissing')}</p>
          <ul>${letter.missing.map((name) => html`<li>${placeholderMeaning(t, name)}</li>`)}</ul>
          <p>${t('lettersMissingShown')}</p>
        </div>`
      : nothing}
    <article class="letter-sheet ${sizeClass}" id="letter-preview" tabindex="-1" aria-labelledby="letter-title">
      <h4 id="letter-title" class="letter-caption">${title}</h4>
      ${letter.blocks.map(renderBlock)}
    </article>
    <div class="letter-actions">
      <button type="button" class="button" id="letter-print" @click=${print}>${t('lettersPrint')}</button>
      <button type="button" class="button secondary" id="letter-download" ?disabled=${state.downloading} @click=${download}>
        ${state.downloading ? t('lettersDownloading') : t('lettersDownload')}
      </button>
    </div>
  `;
}

function renderTemplates({c, t}: ViewContext) {
  const state = c.letters;
  const current = state.templates?.find((template) => template.kind === state.templateKind);
  const problem = (id: string) => state.templateProblems.find((p) => p.field === id)?.message ?? '';
  const box = (id: string, name: string, label: string, value: string) => html`<div class="field ${problem(id) ? 'field-invalid' : ''}">
    <label for=${id}>${label}</label>
    ${problem(id) ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${problem(id)}</p>` : nothing}
    <textarea id=${id} name=${name} rows="14" class="template-text" maxlength=${LETTER_TEMPLATE_LIMIT} spellcheck="true"
      aria-describedby=${['letter-templates-intro', problem(id) ? `${id}-error` : ''].filter(Boolean).join(' ')}
      aria-invalid=${problem(id) ? 'true' : 'false'} .defaultValue=${value}></textarea>
  </div>`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void state.saveTemplate({standard: String(data.get('standard') ?? ''), easyRead: String(data.get('easyRead') ?? '')});
  };
  const toggled = (event: Event) => {
    if ((event.currentTarget as HTMLDetailsElement).open && !state.templates) void state.loadTemplates();
  };
  return html`<details class="filters letter-templates" @toggle=${toggled}>
    <summary>${t('lettersTemplates')}</summary>
    <p id="letter-templates-intro">${t('lettersTemplatesIntro')}</p>
    <div class="field">
      <label for="template-kind">${t('lettersTemplateKind')}</label>
      <select id="template-kind" @change=${(event: Event) => state.chooseTemplate((event.currentTarget as HTMLSelectElement).value)}>
        ${LETTER_KINDS.map((kind) => html`<option value=${kind} ?selected=${state.templateKind === kind}>${kindLabel(t, kind)}</option>`)}
      </select>
    </div>
    ${errorSummary('template-errors', state.templateProblems, state.templateError, t)}
    ${state.templateSaved
      ? html`<p class="panel notice" id="template-saved" tabindex="-1">
          ${state.templateSaved === 'saved' ? t('lettersTemplateSaved') : t('lettersTemplateWasReset')}
        </p>`
      : nothing}
    ${current
      ? keyed(
          `${state.templateKind}:${state.templateFormKey}`,
          html`<p>${current.custom ? t('lettersTemplateYours') : t('lettersTemplateOurs')}</p>
            <form class="template-form" @submit=${submit} novalidate>
              ${box('template-standard', 'standard', t('lettersTemplateStandard'), current.standard)}
              ${box('template-easy-read', 'easyRead', t('lettersTemplateEasyRead'), current.easyRead)}
              <div class="letter-actions">
                <button type="submit" class="button" ?disabled=${state.templateSaving}>
                  ${state.templateSaving ? t('lettersTemplateSaving') : t('lettersTemplateSave')}
                </button>
                ${current.custom
                  ? html`<button type="button" class="button secondary" id="template-reset" ?disabled=${state.templateSaving}
                      @click=${() => void state.saveTemplate(null)}>${t('lettersTemplateReset')}</button>`
                  : nothing}
              </div>
            </form>`,
        )
      : state.templateError
        ? nothing
        : html`<p>${t('loading')}</p>`}
    <h4 id="placeholders-heading">${t('lettersPlaceholders')}</h4>
    <dl class="facts stacked placeholders" aria-labelledby="placeholders-heading">
      ${LETTER_PLACEHOLDERS.map(
        (name) => html`<div>
          <dt><code>{{${name}}}</code></dt>
          <dd>${placeholderMeaning(t, name)}</dd>
        </div>`,
      )}
    </dl>
  </details>`;
}

/** The Letters part of a complaint's detail; nothing for other kinds. */
export function renderLetters(item: InboxRecord, context: ViewContext) {
  if (item.submission.kind !== 'complaint') return nothing;
  const {c, t} = context;
  const letter = c.letters.letter;
  return html`<section class="letters" aria-labelledby="letters-heading">
    <h3 id="letters-heading">${t('lettersHeading')}</h3>
    <p>${t('lettersIntro')}</p>
    ${errorMessage('letter-error', c.letters.error, t)}
    ${renderChoice(item, context)}
    ${letter && letter.reference === item.reference ? renderLetter(item, letter, context) : nothing}
    ${renderTemplates(context)}
  </section>`;
}
