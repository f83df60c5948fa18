// Consultations' state in the inbox (#16): the list with status, closing date and how many answered; the
// form that writes a draft (the proposal in plain words and easy read, the questions, the closing date);
// one consultation with its workflow (open, close, decide, delete), its preview and its answers summed
// up. Plain TypeScript (no Lit, no DOM), so Node tests it (inbox-consultations-state.node.test.ts);
// inbox-consultations.ts draws it.
import {
  CONSULTATION_LIMITS,
  validateConsultationDecision,
  validateConsultationInput,
  type ConsultationDecision,
  type ConsultationInput,
  type ConsultationQuestion,
  type Proposal,
  type QuestionType,
} from '@care-feedback/core';
import {InboxApiError, type InboxApi, type InboxFieldError} from './inbox-api.js';
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
import type {InboxStrings} from './inbox-strings.js';
import type {Translate} from './inbox-view.js';

export const PROPOSAL_PARTS = ['plan', 'why', 'changes', 'when'] as const;
export type ProposalPart = (typeof PROPOSAL_PARTS)[number];

/** A question as typed into the form, all text. */
export interface QuestionDraft {
  /** Kept from the saved question, or made when it is added (q1, q2, …). */
  id: string;
  type: QuestionType;
  text: string;
  easyText: string;
  required: boolean;
  /** A choice's answers, one on each line. */
  options: string;
  scaleMax: string;
  minLabel: string;
  maxLabel: string;
}

/** The whole form as typed. */
export interface ConsultationForm {
  slug: string;
  title: string;
  service: string;
  proposal: Record<ProposalPart, string>;
  easyRead: Record<ProposalPart, string>;
  /** The closing day, YYYY-MM-DD, and time, HH:MM, in UK time. */
  closesDate: string;
  closesTime: string;
  questions: QuestionDraft[];
}

export interface DecisionForm {
  youSaid: string;
  decision: string;
  changes: string;
}

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

const emptyParts = (): Record<ProposalPart, string> => ({plan: '', why: '', changes: '', when: ''});

export function emptyQuestion(id: string, type: QuestionType = 'choice'): QuestionDraft {
  return {id, type, text: '', easyText: '', required: false, options: '', scaleMax: '5', minLabel: '', maxLabel: ''};
}

export function emptyForm(): ConsultationForm {
  return {
    slug: '',
    title: '',
    service: '',
    proposal: emptyParts(),
    easyRead: emptyParts(),
    closesDate: '',
    closesTime: '17:00',
    questions: [emptyQuestion('q1')],
  };
}

// ---- UK time ------------------------------------------------------------------------------------

const UK = 'Europe/London';

/** The UK wall-clock parts of a moment. */
function ukParts(at: Date): {date: string; time: string; utcOfWallClock: number} {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {timeZone: UK, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'})
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return {date, time, utcOfWallClock: Date.parse(`${date}T${time}:00Z`)};
}

/** A closing day and time in UK time ("2027-01-31", "17:00") as an ISO moment; undefined when not a real one. */
export function ukToIso(date: string, time: string): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!day || !clock || Number(clock[1]) > 23 || Number(clock[2]) > 59) return undefined;
  const wall = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(clock[1]), Number(clock[2]));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(day[3]) || check.getUTCMonth() !== Number(day[2]) - 1) return undefined;
  // The UK is 0 or 1 hour ahead of UTC: take the offset at that wall-clock time, then check it again.
  let at = wall - (ukParts(new Date(wall)).utcOfWallClock - wall);
  at = wall - (ukParts(new Date(at)).utcOfWallClock - at);
  return new Date(at).toISOString();
}

/** An ISO moment as the form's UK day and time. */
export function isoToUk(iso: string): {date: string; time: string} {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return {date: '', time: ''};
  const {date, time} = ukParts(at);
  return {date, time};
}

// ---- the form and the consultation ---------------------------------------------------------------

/** An option's id from its words ("Not sure" → not-sure), unique among the question's options. */
function optionId(label: string, taken: Set<string>, index: number): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30)
      .replace(/-+$/, '') || `option-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function questionOf(draft: QuestionDraft): ConsultationQuestion {
  const question: ConsultationQuestion = {id: draft.id, type: draft.type, text: draft.text};
  if (draft.easyText.trim()) question.easyText = draft.easyText;
  if (draft.required) question.required = true;
  if (draft.type === 'choice') {
    const taken = new Set<string>();
    question.options = draft.options
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((label, i) => ({id: optionId(label, taken, i), label: label.trim()}));
  }
  if (draft.type === 'scale')
    question.scale = {max: /^\d+$/.test(draft.scaleMax.trim()) ? Number(draft.scaleMax) : Number.NaN, minLabel: draft.minLabel, maxLabel: draft.maxLabel};
  return question;
}

/** The form as the collector takes it. Easy read is left out when all four of its boxes are empty. */
export function inputOf(form: ConsultationForm): ConsultationInput {
  const easy = PROPOSAL_PARTS.some((part) => form.easyRead[part].trim() !== '');
  return {
    slug: form.slug.trim(),
    title: form.title,
    ...(form.service.trim() ? {service: form.service.trim()} : {}),
    proposal: {...form.proposal} as Proposal,
    ...(easy ? {easyRead: {...form.easyRead} as Proposal} : {}),
    questions: form.questions.map(questionOf),
    // Not a real time: left for the schema to refuse, named by the closing-date field.
    closesAt: ukToIso(form.closesDate, form.closesTime) ?? `${form.closesDate}T${form.closesTime}`,
  };
}

/** A saved consultation back into the form, to change it. */
export function formOf(consultation: ConsultationInput): ConsultationForm {
  const {date, time} = isoToUk(consultation.closesAt);
  return {
    slug: consultation.slug,
    title: consultation.title,
    service: consultation.service ?? '',
    proposal: {...consultation.proposal},
    easyRead: consultation.easyRead ? {...consultation.easyRead} : emptyParts(),
    closesDate: date,
    closesTime: time,
    questions: consultation.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      easyText: q.easyText ?? '',
      required: q.required === true,
      options: (q.options ?? []).map((o) => o.label).join('\n'),
      scaleMax: String(q.scale?.max ?? 5),
      minLabel: q.scale?.minLabel ?? '',
      maxLabel: q.scale?.maxLabel ?? '',
    })),
  };
}

/** The id of the form's control for a field the collector (or the schema) names, and the words for it. */
export function fieldFor(path: string, form: ConsultationForm): {field: string; message: keyof InboxStrings & string} {
  const [top, second, third] = path.split('.');
  if (top === 'slug') return {field: 'cf-slug', message: 'consultSlugWrong'};
  if (top === 'title') return {field: 'cf-title', message: 'consultTitleWrong'};
  if (top === 'service') return {field: 'cf-service', message: 'consultServiceWrong'};
  if (top === 'closesAt') return {field: 'cf-closes-date', message: 'consultClosesWrong'};
  if (top === 'proposal' || top === 'easyRead') {
    const part = (PROPOSAL_PARTS as readonly string[]).includes(second ?? '') ? (second as ProposalPart) : 'plan';
    return top === 'proposal'
      ? {field: `cf-${part}`, message: `consultProposalWrong_${part}`}
      : {field: `cf-easy-${part}`, message: 'consultEasyWrong'};
  }
  if (top === 'questions' && second !== undefined && /^\d+$/.test(second) && Number(second) < form.questions.length) {
    const n = Number(second) + 1;
    if (third === 'options') return {field: `cf-q${n}-options`, message: 'consultOptionsWrong'};
    if (third === 'scale') return {field: `cf-q${n}-max`, message: 'consultScaleWrong'};
    if (third === 'easyText') return {field: `cf-q${n}-easy`, message: 'consultQuestionEasyWrong'};
    return {field: `cf-q${n}-text`, message: 'consultQuestionWrong'};
  }
  if (top === 'questions') return {field: 'cf-add-question', message: 'consultQuestionsWrong'};
  return {field: 'cf-title', message: 'consultTitleWrong'};
}

/** Field errors as the form's problems in the inbox's own words: each field once, in the form's order. */
export function problemsOf(errors: ReadonlyArray<Pick<InboxFieldError, 'path'>>, form: ConsultationForm, t: Translate): FieldProblem[] {
  const order = formOrder(form);
  const seen = new Map<string, FieldProblem>();
  for (const error of errors) {
    const {field, message} = fieldFor(error.path, form);
    if (!seen.has(field)) seen.set(field, {field, message: t(message)});
  }
  return [...seen.values()].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
}

/** Every field id in the order the form shows them. */
function formOrder(form: ConsultationForm): string[] {
  return [
    'cf-title',
    'cf-slug',
    'cf-service',
    ...PROPOSAL_PARTS.map((p) => `cf-${p}`),
    ...PROPOSAL_PARTS.map((p) => `cf-easy-${p}`),
    ...form.questions.flatMap((_, i) => [`cf-q${i + 1}-text`, `cf-q${i + 1}-easy`, `cf-q${i + 1}-options`, `cf-q${i + 1}-max`]),
    'cf-add-question',
    'cf-closes-date',
  ];
}

/** Checks the form with the collector's own schema; the input to send, or the problems to show. */
export function readForm(
  form: ConsultationForm,
  t: Translate,
): {input: ConsultationInput; problems?: undefined} | {input?: undefined; problems: FieldProblem[]} {
  const input = inputOf(form);
  const checked = validateConsultationInput(input);
  const errors = checked.ok ? [] : [...checked.errors];
  // An easy-read version is all four parts or none: say which part is missing.
  if (input.easyRead) for (const part of PROPOSAL_PARTS) if (!form.easyRead[part].trim()) errors.push({path: `easyRead.${part}`, code: 'consultation.proposal.required', message: ''});
  if (errors.length) return {problems: problemsOf(errors, form, t)};
  return {input: checked.value!};
}

const DECISION_FIELD: Record<string, {field: string; message: keyof InboxStrings & string}> = {
  youSaid: {field: 'cd-you-said', message: 'decideYouSaidWrong'},
  decision: {field: 'cd-decision', message: 'decideDecisionWrong'},
  changes: {field: 'cd-changes', message: 'decideChangesWrong'},
};

export function readDecision(
  form: DecisionForm,
  t: Translate,
): {decision: ConsultationDecision; problems?: undefined} | {decision?: undefined; problems: FieldProblem[]} {
  const checked = validateConsultationDecision({
    ...(form.youSaid.trim() ? {youSaid: form.youSaid} : {}),
    decision: form.decision,
    changes: form.changes,
  });
  if (checked.ok) return {decision: checked.value};
  return {problems: decisionProblems(checked.errors, t)};
}

function decisionProblems(errors: ReadonlyArray<Pick<InboxFieldError, 'path'>>, t: Translate): FieldProblem[] {
  const found = new Set(errors.map((e) => DECISION_FIELD[e.path.split('.')[0] ?? '']?.field ?? 'cd-decision'));
  return Object.values(DECISION_FIELD)
    .filter(({field}) => found.has(field))
    .map(({field, message}) => ({field, message: t(message)}));
}

export const CHARACTER_LIMITS = CONSULTATION_LIMITS;

// ---- the state ----------------------------------------------------------------------------------

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
