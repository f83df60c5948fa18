// The consultation form's reading (#16): what is typed (all text) into what the collector takes and
// back, the closing day and time in UK time, and each problem the schema or the collector names, in the
// inbox's own words beside its field. Plain TypeScript, tested in Node (inbox-consultations-state.node.test.ts).
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
import type {InboxFieldError} from './inbox-api.js';
import type {FieldProblem} from './inbox-form-parts.js';
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

export function decisionProblems(errors: ReadonlyArray<Pick<InboxFieldError, 'path'>>, t: Translate): FieldProblem[] {
  const found = new Set(errors.map((e) => DECISION_FIELD[e.path.split('.')[0] ?? '']?.field ?? 'cd-decision'));
  return Object.values(DECISION_FIELD)
    .filter(({field}) => found.has(field))
    .map(({field, message}) => ({field, message: t(message)}));
}

export const CHARACTER_LIMITS = CONSULTATION_LIMITS;
