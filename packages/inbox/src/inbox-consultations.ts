// "Consultations" in the inbox (#16): every consultation with its stage, closing date and answers; the
// form that writes a draft; one consultation with its workflow (open, close, decide, delete), a preview
// through the real <care-consultation>, and its answers summed up: counts for each choice and scale
// point, free text by theme, each answer erasable. inbox-consultations-state.ts decides.
import {html, nothing} from 'lit';
import {QUESTION_TYPES, type ConsultationQuestion, type PublicConsultation} from '@care-feedback/core';
import '@care-feedback/elements/define/care-consultation';
import {formatDate, formatDateTime} from './inbox-format.js';
import {errorSummary, type FieldProblem} from './inbox-form-parts.js';
import type {ConsultationListItem, ProviderConsultation, WrittenQuestion} from './inbox-consultations-api.js';
import {CHARACTER_LIMITS, PROPOSAL_PARTS, type QuestionDraft} from './inbox-consultations-form.js';
import type {InboxStrings} from './inbox-strings.js';
import {errorMessage, type ViewContext} from './inbox-view.js';

type Key = keyof InboxStrings & string;

export function renderConsultations(context: ViewContext) {
  const s = context.c.consultations;
  if (s.mode === 'edit') return renderForm(context);
  if (s.mode === 'one') return renderOne(context);
  return renderList(context);
}

const statusLabel = (context: ViewContext, status: string) => context.t(`status_consult_${status}` as Key);

function renderList(context: ViewContext) {
  const {c, t} = context;
  const s = c.consultations;
  return html`<section class="view consultations" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('consultHeading')}</h2>
    <p>${t('consultIntro')}</p>
    <p><button type="button" class="button" id="consult-new" @click=${() => s.startNew()}>${t('consultNew')}</button></p>
    ${errorMessage('consult-list-error', s.error, t)}
    <p class="results" id="consult-results">
      ${s.loading ? t('consultLoading') : s.items.length ? t('consultCount', {count: s.items.length}) : t('consultNone')}
    </p>
    ${s.items.length
      ? html`<div class="table-wrap">
          <table class="consultations-table">
            <caption>${t('consultCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('consultColTitle')}</th>
                <th scope="col">${t('consultColStatus')}</th>
                <th scope="col">${t('consultColCloses')}</th>
                <th scope="col">${t('consultColAnswers')}</th>
              </tr>
            </thead>
            <tbody>
              ${s.items.map((item) => renderRow(item, context))}
            </tbody>
          </table>
        </div>`
      : nothing}
  </section>`;
}

function renderRow(item: ConsultationListItem, context: ViewContext) {
  const {c, locale} = context;
  return html`<tr>
    <th scope="row">
      <button type="button" class="link-button" data-slug=${item.slug} @click=${() => void c.consultations.open(item.slug)}>${item.title}</button>
    </th>
    <td>${statusLabel(context, item.status)}</td>
    <td>${formatDateTime(item.closesAt, locale)}</td>
    <td>${item.responses}</td>
  </tr>`;
}

// ---- the form -----------------------------------------------------------------------------------

interface FieldOptions {
  id: string;
  label: string;
  hint?: string;
  value: string;
  set: (value: string) => void;
  max: number;
  multiline?: boolean;
  type?: string;
  autocomplete?: string;
}

/** A labelled box with its hint, and its error above it when the form has one for it. */
function field(context: ViewContext, problems: FieldProblem[], options: FieldOptions) {
  const {t} = context;
  const {id, label, hint, value, set, max, multiline, type = 'text'} = options;
  const wrong = problems.find((p) => p.field === id)?.message ?? '';
  const describedBy = [hint ? `${id}-hint` : '', wrong ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const input = (event: Event) => set((event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  return html`<div class="field ${wrong ? 'field-invalid' : ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<p id="${id}-hint" class="hint">${hint}</p>` : nothing}
    ${wrong ? html`<p id="${id}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${wrong}</p>` : nothing}
    ${multiline
      ? html`<textarea id=${id} rows="3" maxlength=${max} .value=${value} @input=${input}
          aria-describedby=${describedBy} aria-invalid=${wrong ? 'true' : 'false'}></textarea>`
      : html`<input id=${id} type=${type} maxlength=${type === 'date' ? nothing : max} autocomplete=${options.autocomplete ?? 'off'} .value=${value} @input=${input}
          aria-describedby=${describedBy} aria-invalid=${wrong ? 'true' : 'false'} />`}
  </div>`;
}

function renderForm(context: ViewContext) {
  const {c, t} = context;
  const s = c.consultations;
  const form = s.form;
  const p = s.problems;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void s.save();
  };
  return html`<section class="view consultation-form" aria-labelledby="view-heading">
    <p><button type="button" class="link-button" id="consult-form-back" @click=${() => s.cancelForm()}>${t('consultBack')}</button></p>
    <h2 id="view-heading" tabindex="-1">
      ${s.editing ? t(s.questionsFixed ? 'consultEditOpenHeading' : 'consultEditHeading', {title: s.current?.title ?? s.editing}) : t('consultNewHeading')}
    </h2>
    <p>${t('consultFormIntro')}</p>
    <form @submit=${submit} novalidate aria-labelledby="view-heading">
      ${errorSummary('consult-errors', p, s.formError, t)}
      ${field(context, p, {id: 'cf-title', label: t('consultTitle'), hint: t('consultTitleHint'), value: form.title, set: (v) => (form.title = v), max: CHARACTER_LIMITS.title})}
      ${s.editing
        ? html`<p id="cf-slug-fixed">${t('consultWebName', {slug: form.slug})}</p>`
        : field(context, p, {id: 'cf-slug', label: t('consultSlug'), hint: t('consultSlugHint'), value: form.slug, set: (v) => (form.slug = v), max: CHARACTER_LIMITS.slug})}
      ${field(context, p, {id: 'cf-service', label: t('consultService'), hint: t('consultServiceHint'), value: form.service, set: (v) => (form.service = v), max: 100})}
      <fieldset class="panel">
        <legend>${t('consultProposalHeading')}</legend>
        ${PROPOSAL_PARTS.map((part) =>
          field(context, p, {
            id: `cf-${part}`,
            label: t(`consultPart_${part}`),
            hint: t(`consultPartHint_${part}`),
            value: form.proposal[part],
            set: (v) => (form.proposal[part] = v),
            max: CHARACTER_LIMITS.proposal,
            multiline: true,
          }),
        )}
      </fieldset>
      <fieldset class="panel" aria-describedby="cf-easy-intro">
        <legend>${t('consultEasyHeading')}</legend>
        <p id="cf-easy-intro" class="hint">${t('consultEasyIntro')}</p>
        ${PROPOSAL_PARTS.map((part) =>
          field(context, p, {
            id: `cf-easy-${part}`,
            label: t(`consultPart_${part}`),
            value: form.easyRead[part],
            set: (v) => (form.easyRead[part] = v),
            max: CHARACTER_LIMITS.proposal,
            multiline: true,
          }),
        )}
      </fieldset>
      <h3>${t('consultQuestionsHeading')}</h3>
      ${s.questionsFixed
        ? html`<p id="cf-questions-fixed">${t('consultQuestionsFixed')}</p>
            <ol>
              ${form.questions.map((question) => html`<li>${question.text}</li>`)}
            </ol>`
        : html`${form.questions.map((question, i) => renderQuestion(context, question, i))}
      ${(() => {
        const wrong = p.find((x) => x.field === 'cf-add-question')?.message ?? '';
        return html`${wrong ? html`<p id="cf-add-question-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${wrong}</p>` : nothing}
          <p>
            <button type="button" class="button secondary" id="cf-add-question" aria-describedby=${wrong ? 'cf-add-question-error' : nothing}
              @click=${() => s.addQuestion()}>${t('consultAddQuestion')}</button>
          </p>`;
      })()}`}
      <fieldset class="panel">
        <legend>${t('consultClosesHeading')}</legend>
        ${field(context, p, {id: 'cf-closes-date', label: t('consultClosesDate'), hint: t('consultClosesDateHint'), value: form.closesDate, set: (v) => (form.closesDate = v), max: 10, type: 'date'})}
        ${field(context, p, {id: 'cf-closes-time', label: t('consultClosesTime'), hint: t('consultClosesTimeHint'), value: form.closesTime, set: (v) => (form.closesTime = v), max: 5})}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button" id="cf-save">${s.saving ? t('consultSaving') : t(s.questionsFixed ? 'consultSaveOpen' : 'consultSave')}</button>
        <button type="button" class="button secondary" @click=${() => s.cancelForm()}>${t('consultCancel')}</button>
      </div>
    </form>
  </section>`;
}

function renderQuestion(context: ViewContext, question: QuestionDraft, index: number) {
  const {c, t} = context;
  const s = c.consultations;
  const p = s.problems;
  const n = index + 1;
  const id = (part: string) => `cf-q${n}-${part}`;
  const wrongMax = p.find((x) => x.field === id('max'))?.message ?? '';
  return html`<fieldset class="panel question-draft">
    <legend>${t('consultQuestionLegend', {n})}</legend>
    ${field(context, p, {id: id('text'), label: t('consultQuestionText'), value: question.text, set: (v) => (question.text = v), max: CHARACTER_LIMITS.question, multiline: true})}
    ${field(context, p, {id: id('easy'), label: t('consultQuestionEasy'), value: question.easyText, set: (v) => (question.easyText = v), max: CHARACTER_LIMITS.question})}
    <div class="field">
      <label for=${id('type')}>${t('consultQuestionType')}</label>
      <select id=${id('type')} @change=${(event: Event) => s.setQuestionType(index, (event.currentTarget as HTMLSelectElement).value as QuestionDraft['type'])}>
        ${QUESTION_TYPES.map((type) => html`<option value=${type} ?selected=${question.type === type}>${t(`consultType_${type}`)}</option>`)}
      </select>
    </div>
    ${question.type === 'choice'
      ? field(context, p, {id: id('options'), label: t('consultOptions'), hint: t('consultOptionsHint'), value: question.options, set: (v) => (question.options = v), max: 4200, multiline: true})
      : nothing}
    ${question.type === 'scale'
      ? html`<div class="field ${wrongMax ? 'field-invalid' : ''}">
            <label for=${id('max')}>${t('consultScaleMax')}</label>
            <p id="${id('max')}-hint" class="hint">${t('consultScaleMaxHint')}</p>
            ${wrongMax ? html`<p id="${id('max')}-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${wrongMax}</p>` : nothing}
            <input id=${id('max')} type="text" inputmode="numeric" autocomplete="off" maxlength="2" .value=${question.scaleMax}
              @input=${(event: Event) => (question.scaleMax = (event.currentTarget as HTMLInputElement).value)}
              aria-describedby=${wrongMax ? `${id('max')}-hint ${id('max')}-error` : `${id('max')}-hint`} aria-invalid=${wrongMax ? 'true' : 'false'} />
          </div>
          ${field(context, [], {id: id('min-label'), label: t('consultScaleMin'), hint: t('consultScaleMinHint'), value: question.minLabel, set: (v) => (question.minLabel = v), max: CHARACTER_LIMITS.option})}
          ${field(context, [], {id: id('max-label'), label: t('consultScaleTop'), hint: t('consultScaleTopHint'), value: question.maxLabel, set: (v) => (question.maxLabel = v), max: CHARACTER_LIMITS.option})}`
      : nothing}
    <div class="field">
      <input type="checkbox" id=${id('required')} .checked=${question.required}
        @change=${(event: Event) => (question.required = (event.currentTarget as HTMLInputElement).checked)} />
      <label for=${id('required')}>${t('consultQuestionRequired')}</label>
    </div>
    ${s.form.questions.length > 1
      ? html`<p><button type="button" class="button secondary" @click=${() => s.removeQuestion(index)}>${t('consultRemoveQuestion', {n})}</button></p>`
      : nothing}
  </fieldset>`;
}

// ---- one consultation ---------------------------------------------------------------------------

function renderOne(context: ViewContext) {
  const {c, t, locale} = context;
  const s = c.consultations;
  const current = s.current;
  const back = html`<p><button type="button" class="link-button" id="consult-back" @click=${() => void s.showList()}>${t('consultBack')}</button></p>`;
  if (!current)
    return html`<section class="view consultation" aria-labelledby="view-heading">
      ${back}
      <h2 id="view-heading" tabindex="-1">${s.loadingOne ? t('consultLoadingOne') : t('consultHeading')}</h2>
      ${errorMessage('consult-error', s.oneError, t)}
    </section>`;
  if (s.step === 'decide') return renderDecide(context, current);
  if (s.step === 'delete') return renderDelete(context, current);
  const status = current.status;
  return html`<section class="view consultation" aria-labelledby="view-heading">
    ${back}
    <h2 id="view-heading" tabindex="-1">${current.title}</h2>
    <p id="consult-status" tabindex="-1"><strong>${t('consultStatusNow', {status: statusLabel(context, status)})}</strong></p>
    <dl class="facts">
      <div><dt>${t('consultColCloses')}</dt><dd>${formatDateTime(current.closesAt, locale)}</dd></div>
      <div><dt>${t('consultColAnswers')}</dt><dd id="consult-answered">${current.summary.responses}</dd></div>
      <div><dt>${t('consultSlug')}</dt><dd>${current.slug}</dd></div>
    </dl>
    <p>${t(`consultWhatNext_${status}`)}</p>
    ${errorMessage('consult-error', s.oneError, t)}
    <div class="actions consult-actions">
      ${status === 'draft' || status === 'open'
        ? html`<button type="button" class="button secondary" id="consult-edit" @click=${() => s.startEdit()}>${t(status === 'open' ? 'consultEditOpen' : 'consultEdit')}</button>`
        : nothing}
      ${status === 'draft' || status === 'closed'
        ? html`<button type="button" class="button" id="consult-open" ?disabled=${s.acting} @click=${() => void s.move('open')}>${t('consultOpen')}</button>`
        : nothing}
      ${status === 'open' ? html`<button type="button" class="button" id="consult-close" ?disabled=${s.acting} @click=${() => void s.move('close')}>${t('consultClose')}</button>` : nothing}
      ${status === 'closed' || status === 'decided'
        ? html`<button type="button" class="button" id="consult-decide" @click=${() => s.askToDecide()}>${t(status === 'decided' ? 'consultDecideAgain' : 'consultDecide')}</button>`
        : nothing}
      <button type="button" class="button secondary" id="consult-preview" aria-expanded=${s.previewing ? 'true' : 'false'} @click=${() => s.togglePreview()}>
        ${s.previewing ? t('consultPreviewHide') : t('consultPreview')}
      </button>
      <button type="button" class="button secondary" id="consult-refresh" @click=${() => void s.refresh()}>${t('consultRefresh')}</button>
      <button type="button" class="button secondary" id="consult-download" @click=${() => void s.downloadCsv()}>${t('consultDownload')}</button>
      <button type="button" class="button secondary danger" id="consult-delete" @click=${() => s.askToDelete()}>${t('consultDelete')}</button>
    </div>
    ${s.previewing ? renderPreview(context, current) : nothing}
    ${renderAnswers(context, current)}
  </section>`;
}

/** The real public element, given this consultation to show instead of loading it: nothing is sent from here. */
function renderPreview(context: ViewContext, current: ProviderConsultation) {
  const {c, t, locale} = context;
  const s = c.consultations;
  const {written: _written, ...shown} = current;
  // People see the counts only once it is decided.
  const preview: PublicConsultation = current.status === 'decided' ? shown : (({summary: _summary, ...rest}) => rest)(shown);
  return html`<section class="panel consult-preview" aria-labelledby="consult-preview-heading">
    <h3 id="consult-preview-heading" tabindex="-1">${t('consultPreviewHeading')}</h3>
    <p class="hint">${t('consultPreviewNote')}</p>
    <div class="field">
      <input type="checkbox" id="consult-preview-easy" .checked=${s.previewEasy}
        @change=${(event: Event) => s.setPreviewEasy((event.currentTarget as HTMLInputElement).checked)} />
      <label for="consult-preview-easy">${t('consultPreviewEasy')}</label>
    </div>
    <care-consultation locale=${locale} reading-level=${s.previewEasy ? 'easy' : nothing} storage="none" consultation=${current.slug}
      .preview=${preview}></care-consultation>
  </section>`;
}

function renderAnswers(context: ViewContext, current: ProviderConsultation) {
  const {t} = context;
  const summary = current.summary;
  return html`<section aria-labelledby="consult-answers-heading">
    <h3 id="consult-answers-heading" tabindex="-1">${t('consultAnswersHeading')}</h3>
    ${summary.responses === 0
      ? html`<p id="consult-answers-none">${t('consultAnswersNone')}</p>`
      : html`<p id="consult-answers-total">${t('consultAnswersTotal', {count: summary.responses})}</p>
          ${summary.questions.map((counted) => {
            const question = current.questions.find((q) => q.id === counted.id);
            return question && question.type !== 'text' ? renderCounts(context, question, counted) : nothing;
          })}
          ${renderWritten(context, current)}`}
    ${renderEraseTyped(context)}
  </section>`;
}

/** "Yes, erase it" or "No, keep it" for the answer asked about; focus goes to the question. */
function confirmErase(context: ViewContext, reference: string, id: string) {
  const {c, t} = context;
  const s = c.consultations;
  return html`<div class="confirm-delete" role="group" aria-labelledby=${id}>
    <p id=${id} tabindex="-1" class="warning-text">${t('consultEraseConfirm', {reference})}</p>
    <button type="button" class="button danger" ?disabled=${s.acting} @click=${() => void s.erase()}>${t('consultEraseYes')}</button>
    <button type="button" class="button secondary" @click=${() => s.cancelErase()}>${t('consultEraseNo')}</button>
  </div>`;
}

/** Any answer, by the reference its sender was given: someone may ask to erase answers with no words in them. */
function renderEraseTyped(context: ViewContext) {
  const {c, t} = context;
  const s = c.consultations;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = (event.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#erase-reference')!.value;
    s.askToEraseTyped(typed);
  };
  const wrong = s.eraseError;
  return html`<form class="panel erase-typed" aria-labelledby="erase-typed-heading" @submit=${submit} novalidate>
    <h3 id="erase-typed-heading">${t('consultEraseAnyHeading')}</h3>
    <p>${t('consultEraseAnyIntro')}</p>
    <div class="field ${wrong ? 'field-invalid' : ''}">
      <label for="erase-reference">${t('consultEraseReference')}</label>
      <p id="erase-reference-hint" class="hint">${t('consultEraseReferenceHint')}</p>
      ${wrong ? html`<p id="erase-reference-error" class="error-message"><span class="visually-hidden">${t('errorTitle')}:</span> ${wrong}</p>` : nothing}
      <input id="erase-reference" type="text" autocomplete="off" spellcheck="false" maxlength="20" .value=${s.eraseTyped}
        aria-describedby=${wrong ? 'erase-reference-hint erase-reference-error' : 'erase-reference-hint'} aria-invalid=${wrong ? 'true' : 'false'} />
    </div>
    ${s.erasing && s.eraseFrom === 'typed'
      ? confirmErase(context, s.erasing, 'erase-typed-confirm')
      : html`<button type="submit" class="button secondary" id="erase-typed">${t('consultEraseFind')}</button>`}
  </form>`;
}

function renderCounts(context: ViewContext, question: ConsultationQuestion, counted: ProviderConsultation['summary']['questions'][number]) {
  const {t} = context;
  const rows: Array<{label: string; count: number}> =
    question.type === 'choice'
      ? (question.options ?? []).map((option) => ({label: option.label, count: counted.counts?.[option.id] ?? 0}))
      : Object.entries(counted.distribution ?? {}).map(([n, count]) => {
          const end = n === '1' ? question.scale?.minLabel : Number(n) === question.scale?.max ? question.scale?.maxLabel : undefined;
          return {label: end ? t('consultScaleEnd', {n, label: end}) : n, count};
        });
  return html`<div class="table-wrap">
    <table class="counts" data-question=${question.id}>
      <caption>${t('consultCountsCaption', {question: question.text})}</caption>
      <thead>
        <tr><th scope="col">${t('consultColAnswer')}</th><th scope="col">${t('consultColPeople')}</th></tr>
      </thead>
      <tbody>
        ${rows.map((row) => html`<tr><th scope="row">${row.label}</th><td>${row.count}</td></tr>`)}
      </tbody>
    </table>
  </div>`;
}

function renderWritten(context: ViewContext, current: ProviderConsultation) {
  const {t} = context;
  if (!current.written.length) return nothing;
  return html`<h3 id="consult-written-heading" tabindex="-1">${t('consultWrittenHeading')}</h3>
    <p>${t('consultWrittenIntro')}</p>
    ${current.written.map((written) => renderWrittenQuestion(context, current, written))}`;
}

function renderWrittenQuestion(context: ViewContext, current: ProviderConsultation, written: WrittenQuestion) {
  const {c, t} = context;
  const s = c.consultations;
  const question = current.questions.find((q) => q.id === written.question);
  const counted = current.summary.questions.find((q) => q.id === written.question);
  return html`<section class="written" data-question=${written.question} aria-labelledby="written-${written.question}">
    <h4 id="written-${written.question}">${question?.text ?? written.question}</h4>
    <p>${t('consultQuestionAnswered', {count: counted?.answered ?? 0})}</p>
    ${written.groups.map(
      (group) => html`<h5 class="theme-group" data-theme=${group.themeId ?? ''}>
          ${t('consultThemeCount', {name: group.name ?? t('consultThemeOther'), count: group.answers.length})}
        </h5>
        <ul class="rows">
          ${group.answers.map(
            (answer) => html`<li class="row written-answer">
              <p class="multiline quote">${answer.text}</p>
              <p class="hint">
                ${t('consultAnswerRef', {reference: answer.reference})}${answer.matched.length ? html`. ${t('consultMatched', {words: answer.matched.join(', ')})}` : nothing}
              </p>
              ${s.erasing === answer.reference && s.eraseFrom === 'written'
                ? confirmErase(context, answer.reference, `erase-${answer.reference}-confirm`)
                : html`<button type="button" class="button secondary" id="erase-${answer.reference}" @click=${() => s.askToErase(answer.reference)}>
                    ${t('consultErase', {reference: answer.reference})}
                  </button>`}
            </li>`,
          )}
        </ul>`,
    )}
  </section>`;
}

function renderDecide(context: ViewContext, current: ProviderConsultation) {
  const {c, t} = context;
  const s = c.consultations;
  const d = s.decision;
  const p = s.decisionProblems;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void s.move('decide');
  };
  return html`<section class="view consultation-decide" aria-labelledby="view-heading">
    <p><button type="button" class="link-button" id="decide-back" @click=${() => s.backToPage()}>${t('consultBack')}</button></p>
    <h2 id="view-heading" tabindex="-1">${t('consultDecideHeading', {title: current.title})}</h2>
    <p>${t('consultDecideIntro')}</p>
    ${errorMessage('consult-error', s.oneError, t)}
    <form @submit=${submit} novalidate aria-labelledby="view-heading">
      ${errorSummary('decide-errors', p, '', t)}
      ${field(context, p, {id: 'cd-you-said', label: t('decideYouSaid'), hint: t('decideYouSaidHint'), value: d.youSaid, set: (v) => (d.youSaid = v), max: CHARACTER_LIMITS.decision, multiline: true})}
      ${field(context, p, {id: 'cd-decision', label: t('decideDecision'), hint: t('decideDecisionHint'), value: d.decision, set: (v) => (d.decision = v), max: CHARACTER_LIMITS.decision, multiline: true})}
      ${field(context, p, {id: 'cd-changes', label: t('decideChanges'), hint: t('decideChangesHint'), value: d.changes, set: (v) => (d.changes = v), max: CHARACTER_LIMITS.decision, multiline: true})}
      <div class="actions">
        <button type="submit" class="button" id="decide-publish" ?disabled=${s.acting}>${t('decidePublish')}</button>
        <button type="button" class="button secondary" @click=${() => s.backToPage()}>${t('consultCancel')}</button>
      </div>
    </form>
  </section>`;
}

function renderDelete(context: ViewContext, current: ProviderConsultation) {
  const {c, t, locale} = context;
  const s = c.consultations;
  return html`<section class="view consultation-delete" aria-labelledby="view-heading">
    <h2 id="view-heading" tabindex="-1">${t('consultDeleteHeading', {title: current.title})}</h2>
    <p class="warning-text">${t('consultDeleteWarning')}</p>
    <p>${t('consultAnswered', {count: current.summary.responses})}. ${t('consultClosesOn', {date: formatDate(current.closesAt, locale)})}.</p>
    ${errorMessage('consult-error', s.oneError, t)}
    <div class="actions">
      <button type="button" class="button danger" id="consult-delete-yes" ?disabled=${s.acting} @click=${() => void s.remove()}>${t('consultDeleteYes')}</button>
      <button type="button" class="button secondary" id="consult-delete-no" @click=${() => s.backToPage()}>${t('consultCancel')}</button>
    </div>
  </section>`;
}
