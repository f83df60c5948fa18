// The involvement sign-up, schema version 1: a person offers to help shape the service
// (DESIGN.md, "Version 2: People taking part"). The browser and the collector validate with it.
import * as z from 'zod/mini';
import {
  communicationNeedsSchema,
  contactSchema,
  fail,
  ISO_DATE_TIME,
  LOCALE,
  matching,
  text,
  UUID,
  withinLimit,
} from './submission.js';
import {LIMITS, SCHEMA_VERSION} from './vocabulary.js';
import type {ValidationCode} from './messages.js';

/** The ways a person can take part, in the order a form shows them. */
export const INVOLVEMENT_WAYS = [
  'surveys',
  'panel',
  'reading',
  'interviews',
  'training',
  'meetings',
] as const;
export type InvolvementWay = (typeof INVOLVEMENT_WAYS)[number];

/** The help a person may need to take part. */
export const INVOLVEMENT_SUPPORT = [
  'expenses',
  'transport',
  'someone-with-me',
  'quiet-room',
  'online',
  'in-person',
  'time-of-day',
] as const;
export type InvolvementSupport = (typeof INVOLVEMENT_SUPPORT)[number];

/** Ways we can get in touch about taking part: "none" makes no sense for a sign-up. */
export const INVOLVEMENT_CONTACT_METHODS = ['email', 'phone', 'post'] as const;

export const INVOLVEMENT_LIMITS = {topics: 20, topic: 100, supportDetail: 500} as const;

/** A list of choices from a fixed set: each at most once, and at least `min` of them. */
const choices = <T extends readonly [string, ...string[]]>(
  values: T,
  code: ValidationCode,
  min: number,
) =>
  z
    .array(z.enum(values, fail(code)), fail(code))
    .check(
      z.refine((list) => list.length >= min && new Set(list).size === list.length, fail(code)),
    );

const topic = z
  .string(fail('topics.invalid'))
  .check(
    z.refine(
      (value) => value.trim().length > 0 && withinLimit(value, INVOLVEMENT_LIMITS.topic),
      fail('topics.invalid'),
    ),
  );

// The submission's contact rules, and two more: we need a name, and a way to reach the person.
const involvementContactSchema = contactSchema.check(
  z.superRefine((contact, ctx) => {
    if (contact.name === undefined || contact.name.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: 'contact.name.required' satisfies ValidationCode,
        input: contact.name,
      });
    }
    if (!(INVOLVEMENT_CONTACT_METHODS as readonly string[]).includes(contact.preferredMethod)) {
      ctx.addIssue({
        code: 'custom',
        path: ['preferredMethod'],
        message: 'contact.preferredMethod.invalid' satisfies ValidationCode,
        input: contact.preferredMethod,
      });
    }
  }),
);

export const involvementSchema = z.object(
  {
    schemaVersion: z.literal(SCHEMA_VERSION, fail('schemaVersion.invalid')),
    id: matching('id.invalid', UUID, 36),
    locale: z.optional(matching('locale.invalid', LOCALE, LIMITS.locale)),
    service: z.optional(text('service.invalid', LIMITS.service)),
    ways: choices(INVOLVEMENT_WAYS, 'ways.required', 1),
    topics: z.optional(
      z
        .array(topic, fail('topics.invalid'))
        .check(
          z.refine((list) => list.length <= INVOLVEMENT_LIMITS.topics, fail('topics.too-many')),
        ),
    ),
    support: z.optional(choices(INVOLVEMENT_SUPPORT, 'support.invalid', 0)),
    supportDetail: z.optional(text('supportDetail.invalid', INVOLVEMENT_LIMITS.supportDetail)),
    communicationNeeds: z.optional(communicationNeedsSchema),
    contact: involvementContactSchema,
    consent: z.object(
      {
        store: z.literal(true, fail('consent.store.required')),
        contact: z.literal(true, fail('consent.contact.required')),
      },
      fail('consent.store.required'),
    ),
    createdAt: z
      .string(fail('createdAt.invalid'))
      .check(
        z.refine(
          (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
          fail('createdAt.invalid'),
        ),
      ),
  },
  fail('body.invalid'),
);

/** A valid sign-up, as sent and as stored. */
export type Involvement = z.infer<typeof involvementSchema>;

/** A sign-up to use in examples and tests; pass fields to change. */
export function exampleInvolvement(overrides: Partial<Involvement> = {}): Involvement {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
    locale: 'en-GB',
    service: 'home-care-north',
    ways: ['surveys', 'meetings'],
    topics: ['Visit times', 'Food'],
    support: ['expenses', 'quiet-room'],
    supportDetail: 'Mornings are best for me.',
    communicationNeeds: ['easy-read'],
    contact: {name: 'Sam', email: 'sam@example.org', preferredMethod: 'email'},
    consent: {store: true, contact: true},
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}
