// Runs the schema and turns its issues into plain-English field errors.
import type * as z from 'zod/mini';
import {submissionSchema, type Submission} from './submission.js';
import {isValidationCode, VALIDATION_MESSAGES, type FieldError, type ValidationCode} from './messages.js';

export type ValidationResult =
  | {ok: true; value: Submission; errors?: undefined}
  | {ok: false; value?: undefined; errors: FieldError[]};

/**
 * Checks anything (parsed JSON, a form's answers) against submission schema version 1.
 * Unknown fields are dropped from `value`; every problem comes back once, with its field path.
 */
export function validateSubmission(input: unknown): ValidationResult {
  const result = submissionSchema.safeParse(input);
  if (result.success) return {ok: true, value: result.data};
  return {ok: false, errors: toFieldErrors(result.error.issues)};
}

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const code = codeFor(issue, path);
    const key = `${path}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({path, code, message: VALIDATION_MESSAGES[code]});
  }
  return errors;
}

function codeFor(issue: z.core.$ZodIssue, path: string): ValidationCode {
  if (isValidationCode(issue.message)) return issue.message;
  // An issue we gave no code to (should not happen): name the field's own code if it has one.
  const top = path.split('.')[0] ?? '';
  const guess = `${top}.invalid`;
  return isValidationCode(guess) ? guess : 'body.invalid';
}
