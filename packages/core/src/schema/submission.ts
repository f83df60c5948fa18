// The submission schema, version 1: one definition that the browser and the collector both validate with.
import * as z from 'zod/mini';
import {
  COMMUNICATION_NEEDS,
  CONTACT_METHODS,
  KINDS,
  LIMITS,
  RATINGS,
  RELATIONSHIPS,
  SCHEMA_VERSION,
} from './vocabulary.js';
import type {ValidationCode} from './messages.js';

/** Counts characters as people see them: an emoji is one, not two UTF-16 units. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * No more than `max` characters. A string is never more characters than UTF-16 units, so most text
 * is passed without counting it character by character (the collector checks every field of every
 * submission).
 */
export function withinLimit(text: string, max: number): boolean {
  return text.length <= max || characterCount(text) <= max;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_CHARACTERS = /^[0-9+()#.\-\s]+$/;
export const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

// Every schema reports one of our codes as its message; `toFieldErrors` turns codes into sentences.
export const fail = (code: ValidationCode) => ({error: code});

export const text = (code: ValidationCode, max: number) =>
  z.string(fail(code)).check(z.refine((value) => withinLimit(value, max), fail(code)));

/** Free text a person wrote: some non-space text, and not over the limit. */
const writtenText = (required: ValidationCode, tooLong: ValidationCode, max: number) =>
  z.string(fail(required)).check(
    z.refine((value) => value.trim().length > 0, fail(required)),
    z.refine((value) => withinLimit(value, max), fail(tooLong)),
  );

const optionalWrittenText = (invalid: ValidationCode, tooLong: ValidationCode, max: number) =>
  z.optional(
    z.string(fail(invalid)).check(z.refine((value) => withinLimit(value, max), fail(tooLong))),
  );

export const matching = (code: ValidationCode, pattern: RegExp, max: number) =>
  z
    .string(fail(code))
    .check(z.refine((value) => withinLimit(value, max) && pattern.test(value), fail(code)));

export const contactSchema = z
  .object(
    {
      name: z.optional(text('contact.name.invalid', LIMITS.name)),
      email: z.optional(matching('contact.email.invalid', EMAIL, LIMITS.email)),
      phone: z.optional(
        z
          .string(fail('contact.phone.invalid'))
          .check(
            z.refine(
              (value) =>
                withinLimit(value, LIMITS.phone) &&
                PHONE_CHARACTERS.test(value) &&
                value.replace(/\D/g, '').length >= 6,
              fail('contact.phone.invalid'),
            ),
          ),
      ),
      address: z.optional(text('contact.address.invalid', LIMITS.address)),
      preferredMethod: z.enum(CONTACT_METHODS, fail('contact.preferredMethod.invalid')),
    },
    fail('contact.invalid'),
  )
  .check(
    // The way a person asked to be answered must come with the detail we need to use it.
    z.superRefine((contact, ctx) => {
      const needed = {email: contact.email, phone: contact.phone, post: contact.address};
      const method = contact.preferredMethod;
      if (method === 'none') return;
      const value = needed[method];
      if (value === undefined || value.trim() === '') {
        const field = method === 'post' ? 'address' : method;
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `contact.${field}.needed` satisfies ValidationCode,
          input: value,
        });
      }
    }),
  );

/** Reply formats from the Accessible Information Standard, each at most once. */
export const communicationNeedsSchema = z
  .array(
    z.enum(COMMUNICATION_NEEDS, fail('communicationNeeds.invalid')),
    fail('communicationNeeds.invalid'),
  )
  .check(
    z.refine((needs) => new Set(needs).size === needs.length, fail('communicationNeeds.invalid')),
  );

export const submissionSchema = z.object(
  {
    schemaVersion: z.literal(SCHEMA_VERSION, fail('schemaVersion.invalid')),
    id: matching('id.invalid', UUID, 36),
    kind: z.enum(KINDS, fail('kind.required')),
    rating: z.optional(z.enum(RATINGS, fail('rating.invalid'))),
    message: writtenText('message.required', 'message.too-long', LIMITS.message),
    improvement: optionalWrittenText(
      'improvement.invalid',
      'improvement.too-long',
      LIMITS.improvement,
    ),
    service: z.optional(text('service.invalid', LIMITS.service)),
    relationship: z.optional(z.enum(RELATIONSHIPS, fail('relationship.invalid'))),
    contact: z.optional(contactSchema),
    communicationNeeds: z.optional(communicationNeedsSchema),
    communicationNeedsDetail: z.optional(
      text('communicationNeedsDetail.invalid', LIMITS.communicationNeedsDetail),
    ),
    charterRight: z.optional(
      z
        .string(fail('charterRight.invalid'))
        .check(
          z.refine(
            (value) => value.trim().length > 0 && withinLimit(value, LIMITS.charterRight),
            fail('charterRight.invalid'),
          ),
        ),
    ),
    consent: z.object(
      {
        store: z.literal(true, fail('consent.store.required')),
        contact: z.optional(z.boolean(fail('consent.invalid'))),
        publish: z.optional(z.boolean(fail('consent.invalid'))),
      },
      fail('consent.store.required'),
    ),
    locale: z.optional(matching('locale.invalid', LOCALE, LIMITS.locale)),
    page: z.optional(
      z.object(
        {
          url: z.optional(
            z
              .string(fail('page.invalid'))
              .check(
                z.refine(
                  (value) => withinLimit(value, LIMITS.pageUrl) && isWebAddress(value),
                  fail('page.invalid'),
                ),
              ),
          ),
          title: z.optional(text('page.invalid', LIMITS.pageTitle)),
        },
        fail('page.invalid'),
      ),
    ),
    createdAt: z
      .string(fail('createdAt.invalid'))
      .check(
        z.refine(
          (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
          fail('createdAt.invalid'),
        ),
      ),
    client: z.optional(
      z.object(
        {
          name: text('client.invalid', LIMITS.clientField),
          version: text('client.invalid', LIMITS.clientField),
        },
        fail('client.invalid'),
      ),
    ),
    spam: z.optional(
      z.object(
        {
          hp: z.optional(text('spam.invalid', LIMITS.honeypot)),
          elapsedMs: z.optional(
            z
              .number(fail('spam.invalid'))
              .check(
                z.refine((value) => Number.isFinite(value) && value >= 0, fail('spam.invalid')),
              ),
          ),
        },
        fail('spam.invalid'),
      ),
    ),
  },
  fail('body.invalid'),
);

function isWebAddress(value: string): boolean {
  try {
    const {protocol} = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** A valid submission, schema version 1, as stored and as sent. */
export type Submission = z.infer<typeof submissionSchema>;
export type Contact = NonNullable<Submission['contact']>;
export type Consent = Submission['consent'];
