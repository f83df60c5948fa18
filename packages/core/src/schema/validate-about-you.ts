// Runs the "About you" schema and turns its issues into the same plain-English field errors.
import {aboutYouSchema, type AboutYou} from './about-you.js';
import type {FieldError} from './messages.js';
import {toFieldErrors} from './validate.js';

export type AboutYouValidationResult =
  | {ok: true; value: AboutYou; errors?: undefined}
  | {ok: false; value?: undefined; errors: FieldError[]};

/** Checks anything against the "About you" schema. Unknown fields are dropped from `value`. */
export function validateAboutYou(input: unknown): AboutYouValidationResult {
  const result = aboutYouSchema.safeParse(input);
  if (result.success) return {ok: true, value: result.data};
  return {ok: false, errors: toFieldErrors(result.error.issues)};
}
