// "About you", schema version 1: the optional equality questions a person may answer after sending
// feedback (issue #15, "Equality of experience"). The browser and the collector validate with it.
// Every question may be left out or answered "prefer-not-to-say"; the lists follow the ONS Census 2021
// questions for England and Wales, so a provider can compare its figures with the census.
import * as z from 'zod/mini';
import {fail, LOCALE, matching, UUID, withinLimit} from './submission.js';
import {LIMITS, SCHEMA_VERSION} from './vocabulary.js';
import {sayAboutYou} from './about-you-messages.js';

/** The answer every question offers. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say' as const;

export const AGE_BANDS = [
  'under-18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-84',
  '85-plus',
] as const;

/** Disability as the Equality Act and the census count it: day-to-day activities limited a lot, a little, or not. */
export const DISABILITY_ANSWERS = ['yes-a-lot', 'yes-a-little', 'no'] as const;

/**
 * The 19 ethnic groups of the Census 2021 in England and Wales (ONS, ethnic_group_tb), each under the
 * high-level group it belongs to, in the census's own order.
 */
export const ETHNIC_GROUPS = {
  asian: ['bangladeshi', 'chinese', 'indian', 'pakistani', 'other-asian'],
  black: ['african', 'caribbean', 'other-black'],
  mixed: ['white-and-asian', 'white-and-black-african', 'white-and-black-caribbean', 'other-mixed'],
  white: ['white-british', 'irish', 'gypsy-or-irish-traveller', 'roma', 'other-white'],
  other: ['arab', 'any-other'],
} as const;
export type EthnicGroup = keyof typeof ETHNIC_GROUPS;
export const ETHNIC_GROUP_NAMES = Object.keys(ETHNIC_GROUPS) as EthnicGroup[];
export const ETHNICITIES = Object.values(ETHNIC_GROUPS).flat() as Array<
  (typeof ETHNIC_GROUPS)[EthnicGroup][number]
>;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** The high-level group of a detailed ethnicity (undefined for "prefer not to say"). */
export function ethnicGroupOf(ethnicity: string): EthnicGroup | undefined {
  return ETHNIC_GROUP_NAMES.find((group) => (ETHNIC_GROUPS[group] as readonly string[]).includes(ethnicity));
}

/** Sex as the census asked it. */
export const SEXES = ['female', 'male'] as const;

export const SEXUAL_ORIENTATIONS = ['straight', 'gay-or-lesbian', 'bisexual', 'other'] as const;

export const RELIGIONS = [
  'none',
  'christian',
  'buddhist',
  'hindu',
  'jewish',
  'muslim',
  'sikh',
  'other',
] as const;

/** Whether the person looks after someone, unpaid. */
export const CARER_ANSWERS = ['yes', 'no'] as const;

/** Every question, in the order the form asks them, with its answers ("prefer-not-to-say" last). */
export const ABOUT_YOU_QUESTIONS = {
  ageBand: [...AGE_BANDS, PREFER_NOT_TO_SAY],
  disability: [...DISABILITY_ANSWERS, PREFER_NOT_TO_SAY],
  ethnicity: [...ETHNICITIES, PREFER_NOT_TO_SAY],
  sex: [...SEXES, PREFER_NOT_TO_SAY],
  sexualOrientation: [...SEXUAL_ORIENTATIONS, PREFER_NOT_TO_SAY],
  religion: [...RELIGIONS, PREFER_NOT_TO_SAY],
  carer: [...CARER_ANSWERS, PREFER_NOT_TO_SAY],
} as const;
export type AboutYouQuestion = keyof typeof ABOUT_YOU_QUESTIONS;
export const ABOUT_YOU_QUESTION_NAMES = Object.keys(ABOUT_YOU_QUESTIONS) as AboutYouQuestion[];

const answer = <Q extends AboutYouQuestion>(question: Q) =>
  z.optional(
    z.enum(
      ABOUT_YOU_QUESTIONS[question] as unknown as readonly [string, ...string[]],
      sayAboutYou(`answers.${question}.invalid`),
    ),
  );

export const aboutYouSchema = z.object(
  {
    schemaVersion: z.literal(SCHEMA_VERSION, fail('schemaVersion.invalid')),
    id: matching('id.invalid', UUID, 36),
    /** The id of the feedback just sent: the only link between the two. */
    submissionId: z
      .string(sayAboutYou('submissionId.invalid'))
      .check(z.refine((value) => withinLimit(value, 36) && UUID.test(value), sayAboutYou('submissionId.invalid'))),
    locale: z.optional(matching('locale.invalid', LOCALE, LIMITS.locale)),
    answers: z.object(
      {
        ageBand: answer('ageBand'),
        disability: answer('disability'),
        ethnicity: answer('ethnicity'),
        sex: answer('sex'),
        sexualOrientation: answer('sexualOrientation'),
        religion: answer('religion'),
        carer: answer('carer'),
      },
      sayAboutYou('answers.invalid'),
    ),
    consent: z.object(
      {equality: z.literal(true, sayAboutYou('consent.equality.required'))},
      sayAboutYou('consent.equality.required'),
    ),
  },
  fail('body.invalid'),
);

/** Valid "About you" answers, as sent and as stored. */
export type AboutYou = z.infer<typeof aboutYouSchema>;
export type AboutYouAnswers = AboutYou['answers'];

/** Answers to use in examples and tests; pass fields to change. */
export function exampleAboutYou(overrides: Partial<AboutYou> = {}): AboutYou {
  return {
    schemaVersion: SCHEMA_VERSION,
    id: '0192f3a4-5b6c-7d8e-9f01-23456789abce',
    submissionId: '7f0c1a9e-3c1b-4d6a-9d7e-2b8f6a1c0e55',
    locale: 'en-GB',
    answers: {ageBand: '65-74', disability: 'yes-a-little', carer: 'no', religion: PREFER_NOT_TO_SAY},
    consent: {equality: true},
    ...overrides,
  };
}
