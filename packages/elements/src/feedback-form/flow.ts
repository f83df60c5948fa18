// The feedback journey as a pure state machine: (state, event) → {state, focus, notice}. No DOM, no Lit,
// so every path (each kind, concern advice, errors, review and change, sending, queued, delivered,
// failed) is tested in Node. Where the person is lives in one place: `state.at`.
import type {DeliveryState, Persistence} from '@care-feedback/core/transport';
import type {Kind} from '@care-feedback/core/schema/vocabulary';
import type {Submission} from '@care-feedback/core/schema/submission';
import type {CareFailureReason} from '../events/care-failed.js';
import {
  buildSubmission,
  emptyAnswers,
  fromFieldErrors,
  reviveAnswers,
  stepsFor,
  targetFor,
  validateAll,
  validateStep,
  type Answers,
  type Context,
  type FormError,
  type Step,
} from './answers.js';
import {validateSubmission} from '@care-feedback/core/schema/validate';

/** Where the person is. A step, or one of the places a send can be in. */
export type FlowState =
  | {at: Step; id: string; answers: Answers; errors: FormError[]; returnToReview: boolean}
  /** Checked and handed to the transport (after care-submit); waiting for its word. */
  | {at: 'sending'; id: string; answers: Answers; submission: Submission}
  /** Saved (on this device, or in memory) and sent by itself later. */
  | {at: 'queued'; id: string; answers: Answers; persistence: Persistence}
  /** The answers stay for the confirmation's "what happens next". */
  | {at: 'delivered'; id: string; answers: Answers; reference: string}
  /** Not sent and never will be; the id is spent, so a new try is a new submission (`id`). */
  | {at: 'failed'; id: string; answers: Answers; failedId: string; reason: CareFailureReason};

/** What should have focus after a transition, as data; the element moves it. */
export type Focus = {to: 'heading'} | {to: 'summary'} | {to: 'field'; id: string} | undefined;

/** What the element should tell the page about a send, once, on the transition that causes it. */
export type Notice =
  | {type: 'queued'; id: string; persistence: Persistence}
  | {type: 'delivered'; id: string; reference: string}
  | {type: 'failed'; id: string; reason: CareFailureReason; errors: DeliveryState['errors']};

export type FlowEvent =
  /** Continue on a step. `concernAdvice`: the picker is showing the safety advice for a concern. */
  | {type: 'continue'; context: Context; concernAdvice?: boolean}
  | {type: 'back'}
  /** "Change" on review: open a step, and come back to review after it. */
  | {type: 'change'; step: Step}
  /** "Check your answers" on the failure page. */
  | {type: 'review'}
  /** An error-summary link: open the field's step if needed and focus the field. */
  | {type: 'fix'; error: FormError}
  | {type: 'answer'; answers: Partial<Answers>}
  /** The page set the kind after the form started. */
  | {type: 'kind'; kind: Kind; preset: boolean}
  /** Send on review (or try again after a failure). */
  | {type: 'send'; context: Context}
  /** The page cancelled care-submit. */
  | {type: 'cancel'}
  /** No endpoint, or the transport could not start. */
  | {type: 'cannot-send'; nextId: string}
  /** The transport's care-transport-status, with a fresh id in case this one is spent. */
  | {type: 'status'; delivery: DeliveryState; persistence: Persistence; nextId: string}
  | {type: 'storage'; persistence: Persistence}
  | {type: 'reset'; id: string; kind?: Kind | undefined};

export interface Transition {
  state: FlowState;
  focus: Focus;
  notice?: Notice;
}

const HEADING: Focus = {to: 'heading'};
const SUMMARY: Focus = {to: 'summary'};

/** The first step: the kind question, or the step after it when the page chose the kind. */
export function firstStep(answers: Answers, preset: boolean): Step {
  return preset && answers.kind !== '' ? stepsFor(answers)[1]! : 'kind';
}

/** A fresh journey. */
export function start(id: string, kind?: Kind): FlowState {
  const answers: Answers = {...emptyAnswers(), kind: kind ?? ''};
  return {
    at: firstStep(answers, kind !== undefined),
    id,
    answers,
    errors: [],
    returnToReview: false,
  };
}

const isStep = (state: FlowState): state is Extract<FlowState, {at: Step}> =>
  state.at !== 'sending' &&
  state.at !== 'queued' &&
  state.at !== 'delivered' &&
  state.at !== 'failed';

const stay = (state: FlowState): Transition => ({state, focus: undefined});

export function transition(state: FlowState, event: FlowEvent): Transition {
  switch (event.type) {
    case 'reset':
      return {state: start(event.id, event.kind), focus: undefined};
    case 'status':
      return onStatus(state, event.delivery, event.persistence, event.nextId);
    case 'storage':
      return state.at === 'queued' ? stay({...state, persistence: event.persistence}) : stay(state);
    case 'cancel':
      return state.at === 'sending' ? stay(reviewOf(state, [])) : stay(state);
    case 'cannot-send':
      if (state.at !== 'sending') return stay(state);
      return failed(state.answers, state.id, 'no-endpoint', [], event.nextId);
    case 'send':
      return send(state, event.context);
    case 'review':
      return state.at === 'failed' ? {state: reviewOf(state, []), focus: HEADING} : stay(state);
  }
  if (!isStep(state)) return stay(state);
  const steps = stepsFor(state.answers);
  switch (event.type) {
    case 'answer':
      return stay({...state, answers: {...state.answers, ...event.answers}});
    case 'kind': {
      const answers = {...state.answers, kind: event.kind};
      const at = state.at === 'kind' ? firstStep(answers, event.preset) : state.at;
      return stay({...state, at, answers});
    }
    case 'continue': {
      if (state.at === 'review') return send(state, event.context);
      const answers =
        state.at === 'kind' && event.concernAdvice
          ? {...state.answers, kind: 'concern' as const}
          : state.answers;
      const errors = validateStep(state.at, answers, event.context);
      if (errors.length > 0) return {state: {...state, answers, errors}, focus: SUMMARY};
      const now = stepsFor(answers);
      const next = state.returnToReview ? 'review' : (now[now.indexOf(state.at) + 1] ?? 'review');
      return {
        state: {
          ...state,
          at: next,
          answers,
          errors: [],
          returnToReview: next === 'review' ? false : state.returnToReview,
        },
        focus: HEADING,
      };
    }
    case 'back': {
      if (state.returnToReview)
        return {state: {...state, at: 'review', errors: [], returnToReview: false}, focus: HEADING};
      const previous = steps[steps.indexOf(state.at) - 1];
      return previous
        ? {state: {...state, at: previous, errors: []}, focus: HEADING}
        : stay({...state, errors: []});
    }
    case 'change':
      return {state: {...state, at: event.step, errors: [], returnToReview: true}, focus: HEADING};
    case 'fix': {
      const target = targetFor(event.error.path, state.answers);
      if (!target) return stay(state);
      const focus: Focus = {to: 'field', id: target.field};
      if (target.step === state.at) return {state, focus};
      // Keep the errors that belong beside the fields of the step being opened.
      const errors = state.errors.filter(
        (e) => targetFor(e.path, state.answers)?.step === target.step,
      );
      return {
        state: {...state, at: target.step, errors, returnToReview: state.at === 'review'},
        focus,
      };
    }
  }
}

function send(state: FlowState, context: Context): Transition {
  // Sending is from review, or a new try after a failure; never twice at once.
  if (state.at !== 'review' && state.at !== 'failed') return stay(state);
  const errors = validateAll(state.answers, {...context, id: state.id});
  if (errors.length > 0) return {state: reviewOf(state, errors), focus: SUMMARY};
  const checked = validateSubmission(buildSubmission(state.answers, {...context, id: state.id}));
  if (!checked.ok) return {state: reviewOf(state, fromFieldErrors(checked.errors)), focus: SUMMARY};
  return stay({at: 'sending', id: state.id, answers: state.answers, submission: checked.value});
}

/** The review step for a place that has answers, with these errors on it. */
function reviewOf(state: {id: string; answers: Answers}, errors: FormError[]): FlowState {
  return {at: 'review', id: state.id, answers: state.answers, errors, returnToReview: false};
}

function onStatus(
  state: FlowState,
  delivery: DeliveryState,
  persistence: Persistence,
  nextId: string,
): Transition {
  if (delivery.id !== state.id || (state.at !== 'sending' && state.at !== 'queued'))
    return stay(state);
  // From sending, the confirmation is new: its heading takes focus. From queued, it changes in place.
  const focus = state.at === 'sending' ? HEADING : undefined;
  switch (delivery.status) {
    case 'delivered': {
      const reference = delivery.reference ?? '';
      return {
        state: {at: 'delivered', id: delivery.id, answers: state.answers, reference},
        focus,
        notice: {type: 'delivered', id: delivery.id, reference},
      };
    }
    case 'queued':
    case 'sending':
      if (state.at === 'queued') return stay(state);
      // The transport says "queued" as soon as it saves, then "sending" for the first try; only a
      // "queued" after a try (attempts > 0) means it is waiting to send again later.
      if (delivery.status === 'sending' || delivery.attempts === 0) return stay(state);
      return {
        state: {at: 'queued', id: state.id, answers: state.answers, persistence},
        focus,
        notice: {type: 'queued', id: state.id, persistence},
      };
    case 'failed':
      return failed(
        state.answers,
        state.id,
        delivery.reason ?? 'rejected',
        delivery.errors ?? [],
        nextId,
      );
  }
}

function failed(
  answers: Answers,
  id: string,
  reason: CareFailureReason,
  fieldErrors: NonNullable<DeliveryState['errors']>,
  nextId: string,
): Transition {
  const notice: Notice = {type: 'failed', id, reason, errors: fieldErrors};
  const errors = fromFieldErrors(fieldErrors);
  // Errors the person can fix go beside their answers on review; anything else is a failure page.
  if (errors.some((error) => targetFor(error.path, answers)))
    return {
      state: {at: 'review', id: nextId, answers, errors, returnToReview: false},
      focus: SUMMARY,
      notice,
    };
  return {state: {at: 'failed', id: nextId, answers, failedId: id, reason}, focus: HEADING, notice};
}

/** The form's phase as the page sees it (`data-phase`): a step, `done` or `failed`. Sending shows review. */
export type Phase = Step | 'done' | 'failed';

export function phaseOf(state: FlowState): Phase {
  switch (state.at) {
    case 'sending':
      return 'review';
    case 'queued':
    case 'delivered':
      return 'done';
    default:
      return state.at;
  }
}

/** True while the person has typed or chosen something that has not been handed over for sending. */
export function isDirty(state: FlowState): boolean {
  if (state.at === 'queued' || state.at === 'delivered') return false;
  // The kind alone (perhaps chosen by the page) is not something the person would lose.
  return JSON.stringify({...state.answers, kind: ''}) !== JSON.stringify(emptyAnswers());
}

/** What is kept for the browser session, so a reload (or a slip of the back button) loses nothing. */
export interface Draft {
  v: 1;
  id: string;
  startedAt: number;
  phase: Phase;
  returnToReview: boolean;
  answers: Answers;
  /** A send waiting in the queue, followed to delivery after a reload. */
  delivery?: {id: string; status: 'queued'; persistence?: Persistence | undefined} | undefined;
}

/**
 * The draft to keep for a state, or undefined when there is nothing worth keeping: delivered, or
 * nothing typed, so that a reload starts afresh and never offers to send something twice.
 */
export function draftOf(state: FlowState, startedAt: number): Draft | undefined {
  if (state.at === 'delivered' || (state.at !== 'queued' && !isDirty(state))) return undefined;
  return {
    v: 1,
    id: state.id,
    startedAt,
    phase: phaseOf(state),
    returnToReview: 'returnToReview' in state && state.returnToReview,
    answers: state.answers,
    delivery:
      state.at === 'queued'
        ? {id: state.id, status: 'queued', persistence: state.persistence}
        : undefined,
  };
}

/**
 * The state a saved draft resumes at: its step (review after a send that did not finish), or the
 * confirmation of a send still waiting in the queue. Anything unreadable starts afresh.
 */
export function resume(draft: unknown): FlowState | undefined {
  const saved = draft as Partial<Draft> | undefined;
  if (saved?.v !== 1 || typeof saved.id !== 'string') return undefined;
  const answers = reviveAnswers(saved.answers);
  const queued = saved.delivery?.status === 'queued' ? saved.delivery : undefined;
  if (saved.phase === 'done' && queued)
    return {at: 'queued', id: queued.id, answers, persistence: queued.persistence ?? 'memory'};
  let at: Step =
    saved.phase === 'done' || saved.phase === 'failed' ? 'review' : (saved.phase ?? 'kind');
  if (!stepsFor(answers).includes(at)) at = 'kind';
  return {at, id: saved.id, answers, errors: [], returnToReview: saved.returnToReview === true};
}
