// Runs the consultation schemas and turns their issues into the same plain-English field errors.
import type * as z from 'zod/mini';
import {
  consultationChangeSchema,
  consultationDecisionSchema,
  consultationInputSchema,
  type ConsultationChange,
  type ConsultationDecision,
  type ConsultationInput,
} from './consultation.js';
import {consultationResponseSchema, type ConsultationResponse} from './consultation-response.js';
import {toConsultationErrors, type ConsultationFieldError} from './consultation-messages.js';

export type Checked<T> = {ok: true; value: T; errors?: undefined} | {ok: false; value?: undefined; errors: ConsultationFieldError[]};

const check =
  <T>(schema: z.ZodMiniType<T>) =>
  (input: unknown): Checked<T> => {
    const result = schema.safeParse(input);
    if (result.success) return {ok: true, value: result.data};
    return {ok: false, errors: toConsultationErrors(result.error.issues)};
  };

/** A new consultation from a provider. Unknown fields are dropped from `value`. */
export const validateConsultationInput: (input: unknown) => Checked<ConsultationInput> = check(consultationInputSchema);
/** A change to a consultation: any fields but the slug. */
export const validateConsultationChange: (input: unknown) => Checked<ConsultationChange> = check(consultationChangeSchema);
/** What the provider decided, and what changed. */
export const validateConsultationDecision: (input: unknown) => Checked<ConsultationDecision> = check(consultationDecisionSchema);
/** One person's answers (their shape; checkAnswers says whether they fit the questions). */
export const validateConsultationResponse: (input: unknown) => Checked<ConsultationResponse> = check(consultationResponseSchema);
