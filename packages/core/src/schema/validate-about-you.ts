// Runs the "About you" schema and turns its issues into plain-English field errors (about-you-messages.ts).
import {aboutYouSchema, type AboutYou} from './about-you.js';
import {toAboutYouErrors, type AboutYouFieldError} from './about-you-messages.js';

export type AboutYouValidationResult =
  | {ok: true; value: AboutYou; errors?: undefined}
  | {ok: false; value?: undefined; errors: AboutYouFieldError[]};

/** Checks anything against the "About you" schema. Unknown fields are dropped from `value`. */
export function validateAboutYou(input: unknown): AboutYouValidationResult {
  const result = aboutYouSchema.safeParse(input);
  if (result.success) return {ok: true, value: result.data};
  return {ok: false, errors: toAboutYouErrors(result.error.issues)};
}
