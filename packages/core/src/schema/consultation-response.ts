// One person's answers to a consultation, schema version 1: the shape (here) and whether the answers
// fit the consultation's own questions (checkAnswers). The browser and the collector run both.
import * as z from 'zod/mini';
import {
  communicationNeedsSchema,
  contactSchema,
  ISO_DATE_TIME,
  LOCALE,
  matching,
  text,
  UUID,
  withinLimit,
} from './submission.js';
import {CONSULTATION_LIMITS, CONSULTATION_SLUG, type Consultation} from './consultation.js';
import {LIMITS, SCHEMA_VERSION} from './vocabulary.js';
import {consultationError as error, say as fail, type ConsultationFieldError} from './consultation-messages.js';

/** An answer: an option id for a choice, a whole number for a scale, words for free text. */
const answerSchema = z.union([z.string(fail('answers.invalid')), z.number(fail('answers.invalid'))], fail('answers.invalid'));

export const consultationResponseSchema = z
  .object(
    {
      schemaVersion: z.literal(SCHEMA_VERSION, fail('schemaVersion.invalid')),
      id: matching('id.invalid', UUID, 36),
      consultation: z
        .string(fail('consultation.invalid'))
        .check(
          z.refine(
            (value) => value.length <= CONSULTATION_LIMITS.slug && CONSULTATION_SLUG.test(value),
            fail('consultation.invalid'),
          ),
        ),
      answers: z
        .record(z.string(), answerSchema, fail('answers.invalid'))
        .check(
          z.refine(
            (answers) => Object.keys(answers).length <= CONSULTATION_LIMITS.questions,
            fail('answers.invalid'),
          ),
        ),
      /** Absent: the answers are anonymous. */
      contact: z.optional(contactSchema),
      communicationNeeds: z.optional(communicationNeedsSchema),
      consent: z.object(
        {
          store: z.literal(true, fail('consent.store.required')),
          contact: z.optional(z.boolean(fail('consent.invalid'))),
        },
        fail('consent.store.required'),
      ),
      locale: z.optional(matching('locale.invalid', LOCALE, LIMITS.locale)),
      createdAt: z
        .string(fail('createdAt.invalid'))
        .check(
          z.refine(
            (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
            fail('createdAt.invalid'),
          ),
        ),
      spam: z.optional(
        z.object(
          {
            hp: z.optional(text('spam.invalid', LIMITS.honeypot)),
            elapsedMs: z.optional(
              z.number(fail('spam.invalid')).check(z.refine((n) => Number.isFinite(n) && n >= 0, fail('spam.invalid'))),
            ),
          },
          fail('spam.invalid'),
        ),
      ),
    },
    fail('body.invalid'),
  )
  .check(
    // Contact details come with a yes to being contacted; without them the answers are anonymous.
    z.superRefine((response, ctx) => {
      if (response.contact !== undefined && response.consent.contact !== true)
        ctx.addIssue({
          code: 'custom',
          path: ['consent', 'contact'],
          message: 'consent.contact.required',
          input: response.consent,
        });
    }),
  );

/** A valid response, as sent and as stored. */
export type ConsultationResponse = z.infer<typeof consultationResponseSchema>;

/**
 * Whether the answers fit the consultation's questions: each answered question known, a choice one of
 * its options, a scale a whole number in range, free text some words within the limit, and every
 * required question answered. Errors name `answers.<question id>`.
 */
export function checkAnswers(
  consultation: Pick<Consultation, 'questions'>,
  answers: Readonly<Record<string, string | number>>,
): ConsultationFieldError[] {
  const errors: ConsultationFieldError[] = [];
  const known = new Set(consultation.questions.map((q) => q.id));
  for (const key of Object.keys(answers))
    if (!known.has(key)) errors.push(error(`answers.${key}`, 'answers.unknown'));
  for (const question of consultation.questions) {
    const path = `answers.${question.id}`;
    const answer = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (answer === undefined || (typeof answer === 'string' && answer.trim() === '')) {
      if (question.required) errors.push(error(path, 'answers.required'));
      continue;
    }
    if (question.type === 'choice') {
      if (typeof answer !== 'string' || !question.options?.some((option) => option.id === answer))
        errors.push(error(path, 'answers.invalid'));
    } else if (question.type === 'scale') {
      const max = question.scale?.max ?? 0;
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > max)
        errors.push(error(path, 'answers.invalid'));
    } else if (typeof answer !== 'string') errors.push(error(path, 'answers.invalid'));
    else if (!withinLimit(answer, CONSULTATION_LIMITS.answer)) errors.push(error(path, 'answers.too-long'));
  }
  return errors;
}

/** A response to use in examples and tests (answers the example consultation); pass fields to change. */
export function exampleConsultationResponse(
  overrides: Partial<ConsultationResponse> = {},
): ConsultationResponse {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: '0192f3a4-5b6c-7d8e-9f01-23456789abce',
    consultation: 'visit-times-north',
    answers: {agree: 'yes', effect: 4, comments: 'Earlier is better for my mum.'},
    consent: {store: true},
    locale: 'en-GB',
    createdAt: '2026-12-01T10:00:00.000Z',
    spam: {hp: '', elapsedMs: 60_000},
    ...overrides,
  };
}
