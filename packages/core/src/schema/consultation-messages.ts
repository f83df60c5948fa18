// Plain-English messages for consultations, apart from the feedback form's VALIDATION_MESSAGES: the
// form's catalogues (and their translations) hold every feedback code, and these are not the form's.
import type * as z from 'zod/mini';
import {isValidationCode, VALIDATION_MESSAGES, type ValidationCode} from './messages.js';

export const CONSULTATION_MESSAGES = {
  // What a provider writes (consultation.ts).
  'consultation.slug.invalid': 'Use a short name of small letters, numbers and dashes, like visit-times-north.',
  'consultation.title.required': 'Give the consultation a title of 200 characters or fewer.',
  'consultation.proposal.required': 'Say what you plan, why, what changes and when, each in 5,000 characters or fewer.',
  'consultation.questions.invalid': 'Ask from 1 to 20 questions, each with its own id.',
  'consultation.question.invalid':
    'Each question needs an id (small letters, numbers, dashes), words of 500 characters or fewer, and a type: choice, scale or text.',
  'consultation.options.invalid': 'A choice question needs 2 to 20 answers to choose from, each with its own id and words.',
  'consultation.scale.invalid': 'A scale question needs a top number from 2 to 10 and words for each end.',
  'consultation.closesAt.invalid': 'Give the closing date as a date and time, like 2027-01-31T17:00:00Z.',
  'consultation.youSaid.invalid': 'Say what people told you in 5,000 characters or fewer.',
  'consultation.decision.required': 'Say what you decided, in 5,000 characters or fewer.',
  'consultation.changes.required': 'Say what changed, in 5,000 characters or fewer.',
  // What a person sends (consultation-response.ts).
  'consultation.invalid': 'These answers are for another consultation. Please reload the page and try again.',
  'consultation.closed': 'This consultation has closed. We cannot take new answers.',
  'answers.invalid': 'Choose one of the answers given.',
  'answers.required': 'Answer this question.',
  'answers.too-long': 'Your answer must be 5,000 characters or fewer.',
  'answers.unknown': 'This question is not in the consultation. Please reload the page and try again.',
  'consent.contact.required': 'Say yes to us contacting you, or send your answers without your name.',
} as const;

export type ConsultationCode = keyof typeof CONSULTATION_MESSAGES;

/** A problem with one field of a consultation or an answer: a feedback code or a consultation one. */
export interface ConsultationFieldError {
  path: string;
  code: ValidationCode | ConsultationCode;
  message: string;
}

export const isConsultationCode = (value: unknown): value is ConsultationCode =>
  typeof value === 'string' && Object.hasOwn(CONSULTATION_MESSAGES, value);

/** Every schema reports a code as its message; the converter below turns codes into sentences. */
export const say = (code: ValidationCode | ConsultationCode) => ({error: code});

export function consultationError(path: string, code: ValidationCode | ConsultationCode): ConsultationFieldError {
  return {
    path,
    code,
    message: isConsultationCode(code) ? CONSULTATION_MESSAGES[code] : VALIDATION_MESSAGES[code],
  };
}

/** zod's issues as field errors, each field and code once. */
export function toConsultationErrors(issues: readonly z.core.$ZodIssue[]): ConsultationFieldError[] {
  const seen = new Set<string>();
  const errors: ConsultationFieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const code =
      isConsultationCode(issue.message) || isValidationCode(issue.message) ? issue.message : 'body.invalid';
    const key = `${path}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(consultationError(path, code));
  }
  return errors;
}
