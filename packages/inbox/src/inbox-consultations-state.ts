// Consultations' state in the inbox (#16): the list with status, closing date and how many answered; the
// form that writes a draft (read by inbox-consultations-form.ts); one consultation with its workflow
// (open, close, decide, delete), its preview and its answers summed up. Plain TypeScript (no Lit, no
// DOM), so Node tests it (inbox-consultations-state.node.test.ts); inbox-consultations.ts draws it.
import type {ConsultationDecision, QuestionType} from '@care-feedback/core';
import {InboxApiError, type InboxApi} from './inbox-api.js';
import type {FieldProblem} from './inbox-form-parts.js';
import {Observable} from './inbox-observable.js';
import {
  changeConsultation,
  consultationCsv,
  createConsultation,
  deleteConsultation,
  eraseAnswer,
  getConsultation,
  listConsultations,
  moveConsultation,
  type ConsultationListItem,
  type ConsultationMove,
  type ProviderConsultation,
} from './inbox-consultations-api.js';
import {
  decisionProblems,
  emptyForm,
  emptyQuestion,
  formOf,
  problemsOf,
  readDecision,
  readForm,
  type ConsultationForm,
  type DecisionForm,
} from './inbox-consultations-form.js';
import type {Translate} from './inbox-view.js';

/** What the view shows of one consultation: its page, the decision form, or "delete it?". */
export type OneStep = 'page' | 'decide' | 'delete';

/** What the consultations need from the inbox (the controller gives it; a Node test gives its own). */
export interface ConsultationsHost {
  api(): InboxApi | undefined;
  readonly t: Translate;
  announce(message: string): void;
  explain(error: unknown): string;
  focus(id: string): void;
  saveFile(blob: Blob, name: string): void;
}

export class ConsultationsState extends Observable {
  mode: 'list' | 'edit' | 'one' = 'list';
  items: ConsultationListItem[] = [];
  loading = false;
  error = '';

  /** The form: what was typed (kept when it fails), the slug it changes (undefined: a new one), its problems. */
  form: ConsultationForm = emptyForm();
  editing: string | undefined;
  problems: FieldProblem[] = [];
  formError = '';
  saving = false;
  private nextQuestion = 2;

  /** One consultation: its page, the decision form or "delete it?"; a preview of it as people see it. */
  current: ProviderConsultation | undefined;
  step: OneStep = 'page';
  loadingOne = false;
  oneError = '';
  acting = false;
  previewing = false;
  previewEasy = false;
  decision: DecisionForm = {youSaid: '', decision: '', changes: ''};
  decisionProblems: FieldProblem[] = [];
  /** An answer someone asked to erase, waiting for "Yes, erase it": picked from the written answers, or typed. */
  erasing: string | undefined;
  eraseFrom: 'written' | 'typed' = 'written';
  /** The reference typed to erase any answer (a person asking may have written nothing), and its problem. */
  eraseTyped = '';
  eraseError = '';

  constructor(private readonly host: ConsultationsHost) {
    super();
  }

  async showList(): Promise<void> {
    this.mode = 'list';
    this.current = undefined;
    this.notify();
    this.host.focus('view-heading');
    await this.load();
  }

  async load(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api) return;
    this.loading = true;
    this.error = '';
    this.host.announce(t('consultLoading'));
    this.notify();
    try {
      this.items = await listConsultations(api);
      this.host.announce(this.items.length ? t('consultCount', {count: this.items.length}) : t('consultNone'));
    } catch (error) {
      this.items = [];
      this.error = this.host.explain(error);
      this.host.announce(this.error);
    }
    this.loading = false;
    this.notify();
  }

  // ---- the form ----

  /** The form changes an open consultation: its words and closing date, never its questions. */
  get questionsFixed(): boolean {
    return this.editing !== undefined && this.current?.status === 'open';
  }

  /** A new, empty draft. */
  startNew(): void {
    this.startForm(emptyForm(), undefined);
  }

  /** The open draft, to change it. */
  startEdit(): void {
    if (!this.current) return;
    this.startForm(formOf(this.current), this.current.slug);
  }

  private startForm(form: ConsultationForm, slug: string | undefined): void {
    this.mode = 'edit';
    this.form = form;
    this.editing = slug;
    this.problems = [];
    this.formError = '';
    this.nextQuestion = form.questions.length + 1;
    this.notify();
    this.host.focus('view-heading');
  }

  /** A question added at the end; focus goes to its words. */
  addQuestion(type: QuestionType = 'choice'): void {
    let id = `q${this.nextQuestion++}`;
    while (this.form.questions.some((q) => q.id === id)) id = `q${this.nextQuestion++}`;
    this.form.questions = [...this.form.questions, emptyQuestion(id, type)];
    this.host.announce(this.host.t('consultQuestionAdded', {n: this.form.questions.length}));
    this.notify();
    this.host.focus(`cf-q${this.form.questions.length}-text`);
  }

  removeQuestion(index: number): void {
    if (this.form.questions.length <= 1) return;
    this.form.questions = this.form.questions.filter((_, i) => i !== index);
    this.problems = [];
    this.host.announce(this.host.t('consultQuestionRemoved', {n: index + 1}));
    this.notify();
    this.host.focus('cf-add-question');
  }

  /** A question's type changed: its own parts (answers, scale) show. */
  setQuestionType(index: number, type: QuestionType): void {
    const question = this.form.questions[index];
    if (!question) return;
    question.type = type;
    this.notify();
  }

  cancelForm(): void {
    if (this.editing && this.current) this.backToPage();
    else void this.showList();
  }

  /** Saves the form: a new draft, or the change to one; on a problem, says which fields and keeps the words. */
  async save(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api || this.saving) return;
    this.formError = '';
    const read = readForm(this.form, t);
    if (read.problems) {
      this.problems = read.problems;
      this.notify();
      this.host.focus('consult-errors');
      return;
    }
    this.problems = [];
    this.saving = true;
    this.host.announce(t('consultSaving'));
    this.notify();
    try {
      let slug: string;
      if (this.editing) {
        const {slug: _same, questions, ...change} = read.input;
        // Once people can answer, the questions stay as they saw them (the collector refuses a change).
        await changeConsultation(api, this.editing, this.questionsFixed ? change : {...change, questions});
        slug = this.editing;
      } else slug = (await createConsultation(api, read.input)).slug;
      this.saving = false;
      await this.open(slug);
      this.host.announce(t('consultSaved'));
      return;
    } catch (error) {
      const fields = error instanceof InboxApiError ? error.errors.filter((e) => e.path) : [];
      if (fields.length) {
        this.problems = problemsOf(fields, this.form, t);
        // A slug another consultation has is not a wrongly written one.
        if (error instanceof InboxApiError && error.status === 409 && fields.some((e) => e.path === 'slug'))
          this.problems = this.problems.map((p) => (p.field === 'cf-slug' ? {...p, message: t('consultSlugTaken')} : p));
      } else this.formError = this.host.explain(error);
      this.host.focus('consult-errors');
    }
    this.saving = false;
    this.notify();
  }

  // ---- one consultation ----

  async open(slug: string): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    if (!api) return;
    this.mode = 'one';
    this.step = 'page';
    this.previewing = false;
    this.erasing = undefined;
    this.eraseTyped = '';
    this.eraseError = '';
    this.oneError = '';
    this.loadingOne = true;
    if (this.current?.slug !== slug) this.current = undefined;
    this.host.announce(t('consultLoadingOne'));
    this.notify();
    this.host.focus('view-heading');
    try {
      this.current = await getConsultation(api, slug);
    } catch (error) {
      this.oneError = this.host.explain(error);
      this.host.announce(this.oneError);
    }
    this.loadingOne = false;
    this.notify();
    this.host.focus('view-heading');
  }

  /** Loads the open consultation again, for answers that came since. */
  async refresh(): Promise<void> {
    const api = this.host.api();
    if (!api || !this.current) return;
    try {
      this.current = await getConsultation(api, this.current.slug);
      this.host.announce(this.host.t('consultRefreshed', {count: this.current.summary.responses}));
    } catch (error) {
      this.oneError = this.host.explain(error);
      this.host.announce(this.oneError);
    }
    this.notify();
  }

  /** Forgets everything loaded, people's words included: on signing out. */
  clear(): void {
    this.mode = 'list';
    this.items = [];
    this.current = undefined;
    this.form = emptyForm();
    this.editing = undefined;
    this.problems = [];
    this.erasing = undefined;
    this.eraseTyped = '';
    this.previewing = false;
    this.notify();
  }

  /** The preview in easy-read words: the draft's easy-read plan and questions, as people who choose it see them. */
  setPreviewEasy(easy: boolean): void {
    this.previewEasy = easy;
    this.notify();
  }

  togglePreview(): void {
    this.previewing = !this.previewing;
    this.notify();
    if (this.previewing) this.host.focus('consult-preview-heading');
  }

  backToPage(): void {
    this.mode = 'one';
    this.step = 'page';
    this.decisionProblems = [];
    this.oneError = '';
    this.notify();
    this.host.focus('view-heading');
  }

  askToDecide(): void {
    this.step = 'decide';
    this.decision = {
      youSaid: this.current?.decision?.youSaid ?? '',
      decision: this.current?.decision?.decision ?? '',
      changes: this.current?.decision?.changes ?? '',
    };
    this.decisionProblems = [];
    this.oneError = '';
    this.notify();
    this.host.focus('view-heading');
  }

  askToDelete(): void {
    this.step = 'delete';
    this.oneError = '';
    this.notify();
    this.host.focus('view-heading');
  }

  /** Open, close, or decide with the decision form's words. */
  async move(move: ConsultationMove): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    const current = this.current;
    if (!api || !current || this.acting) return;
    let decision: ConsultationDecision | undefined;
    if (move === 'decide') {
      const read = readDecision(this.decision, t);
      if (read.problems) {
        this.decisionProblems = read.problems;
        this.notify();
        this.host.focus('decide-errors');
        return;
      }
      decision = read.decision;
    }
    this.acting = true;
    this.oneError = '';
    this.decisionProblems = [];
    this.notify();
    try {
      await moveConsultation(api, current.slug, move, decision);
      this.acting = false;
      await this.open(current.slug);
      this.host.announce(t(`consultMoved_${move}`));
      this.host.focus('consult-status');
      return;
    } catch (error) {
      const fields = error instanceof InboxApiError ? error.errors.filter((e) => e.path) : [];
      if (move === 'decide' && fields.length) {
        this.decisionProblems = decisionProblems(fields, t);
        this.host.focus('decide-errors');
      } else {
        // Opening with a closing date gone by: say it in the inbox's words, with what to do.
        this.oneError = fields.some((e) => e.path === 'closesAt') ? t('consultOpenPast') : this.host.explain(error);
        this.host.announce(this.oneError);
        this.host.focus('consult-error');
      }
    }
    this.acting = false;
    this.notify();
  }

  async remove(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    const current = this.current;
    if (!api || !current || this.acting) return;
    this.acting = true;
    this.notify();
    try {
      await deleteConsultation(api, current.slug);
      this.acting = false;
      await this.showList();
      this.host.announce(t('consultDeleted', {title: current.title}));
      return;
    } catch (error) {
      this.oneError = this.host.explain(error);
      this.host.focus('consult-error');
    }
    this.acting = false;
    this.notify();
  }

  askToErase(reference: string): void {
    this.erasing = reference;
    this.eraseFrom = 'written';
    this.eraseError = '';
    this.notify();
    this.host.focus(`erase-${reference}-confirm`);
  }

  /** Any answer by the reference its sender was given: the same "Yes, erase it" step. */
  askToEraseTyped(typed: string): void {
    this.eraseTyped = typed;
    const reference = typed.trim().toUpperCase();
    if (!reference) {
      this.eraseError = this.host.t('consultEraseMissing');
      this.erasing = undefined;
      this.notify();
      this.host.focus('erase-reference');
      return;
    }
    this.erasing = reference;
    this.eraseFrom = 'typed';
    this.eraseError = '';
    this.notify();
    this.host.focus('erase-typed-confirm');
  }

  cancelErase(): void {
    const reference = this.erasing;
    this.erasing = undefined;
    this.notify();
    if (this.eraseFrom === 'typed') this.host.focus('erase-reference');
    else if (reference) this.host.focus(`erase-${reference}`);
  }

  async erase(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    const current = this.current;
    const reference = this.erasing;
    if (!api || !current || !reference || this.acting) return;
    this.acting = true;
    this.notify();
    try {
      await eraseAnswer(api, current.slug, reference);
      this.erasing = undefined;
      this.current = await getConsultation(api, current.slug);
      this.host.announce(t('consultErased', {reference}));
      if (this.eraseFrom === 'typed') {
        this.eraseTyped = '';
        this.host.focus('erase-reference');
      } else this.host.focus(this.current.written.length ? 'consult-written-heading' : 'consult-answers-heading');
    } catch (error) {
      this.erasing = undefined;
      if (error instanceof InboxApiError && error.kind === 'not-found') {
        this.eraseError = t('consultEraseUnknown', {reference});
        this.host.focus('erase-reference');
      } else {
        this.oneError = this.host.explain(error);
        this.host.focus('consult-error');
      }
    }
    this.acting = false;
    this.notify();
  }

  async downloadCsv(): Promise<void> {
    const api = this.host.api();
    const {t} = this.host;
    const current = this.current;
    if (!api || !current || this.acting) return;
    this.host.announce(t('consultDownloading'));
    try {
      this.host.saveFile(await consultationCsv(api, current.slug), `consultation-${current.slug}.csv`);
      this.host.announce(t('consultDownloaded'));
    } catch (error) {
      this.oneError = this.host.explain(error);
      this.host.focus('consult-error');
      this.notify();
    }
  }
}
