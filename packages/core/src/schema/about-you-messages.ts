// Plain-English messages for "About you" (about-you.ts), apart from the feedback form's VALIDATION_MESSAGES:
// the form's catalogues (and their translations) hold every feedback code, and these are not the form's.
// <care-about-you> carries them in its own catalogue (elements/src/about-you/strings.ts); the collector
// sends them in its 422 answers.
import type * as z from 'zod/mini';
import {isValidationCode, VALIDATION_MESSAGES, type ValidationCode} from './messages.js';

export const ABOUT_YOU_MESSAGES = {
  'submissionId.invalid': 'We cannot tell which feedback this is about. Please send your feedback first.',
  'answers.invalid': 'We could not read your answers. Please try again.',
  'answers.ageBand.invalid': 'Choose an age from the list.',
  'answers.disability.invalid': 'Choose an answer about disability from the list.',
  'answers.ethnicity.invalid': 'Choose an ethnic group from the list.',
  'answers.sex.invalid': 'Choose an answer about sex from the list.',
  'answers.sexualOrientation.invalid': 'Choose an answer about sexual orientation from the list.',
  'answers.religion.invalid': 'Choose a religion from the list.',
  'answers.carer.invalid': 'Choose an answer about being a carer from the list.',
  'consent.equality.required': 'Tick the box to say we can keep your answers, or skip these questions.',
} as const;

export type AboutYouCode = keyof typeof ABOUT_YOU_MESSAGES;

/** A problem with one field of "About you": one of its own codes, or a code it shares with feedback. */
export interface AboutYouFieldError {
  path: string;
  code: ValidationCode | AboutYouCode;
  message: string;
}

export const isAboutYouCode = (value: unknown): value is AboutYouCode =>
  typeof value === 'string' && Object.hasOwn(ABOUT_YOU_MESSAGES, value);

/** The schema reports a code as its message; toAboutYouErrors turns codes into sentences. */
export const sayAboutYou = (code: ValidationCode | AboutYouCode) => ({error: code});

/** zod's issues as field errors, each field and code once. */
export function toAboutYouErrors(issues: readonly z.core.$ZodIssue[]): AboutYouFieldError[] {
  const seen = new Set<string>();
  const errors: AboutYouFieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const code = isAboutYouCode(issue.message) || isValidationCode(issue.message) ? issue.message : 'body.invalid';
    const key = `${path}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({path, code, message: isAboutYouCode(code) ? ABOUT_YOU_MESSAGES[code] : VALIDATION_MESSAGES[code]});
  }
  return errors;
}
