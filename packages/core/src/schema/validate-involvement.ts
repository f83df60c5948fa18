// Runs the involvement schema and turns its issues into the same plain-English field errors.
import {involvementSchema, type Involvement} from './involvement.js';
import type {FieldError} from './messages.js';
import {toFieldErrors} from './validate.js';

export type InvolvementValidationResult =
  | {ok: true; value: Involvement; errors?: undefined}
  | {ok: false; value?: undefined; errors: FieldError[]};

/** Checks anything against the sign-up schema. Unknown fields are dropped from `value`. */
export function validateInvolvement(input: unknown): InvolvementValidationResult {
  const result = involvementSchema.safeParse(input);
  if (result.success) return {ok: true, value: result.data};
  return {ok: false, errors: toFieldErrors(result.error.issues)};
}
