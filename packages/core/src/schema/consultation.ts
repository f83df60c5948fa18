// A consultation (DESIGN.md, "People taking part"): a provider asks people about a plan. The provider
// writes it through /v1/consultations; the public element shows it and sends answers to it. The
// collector and the inbox validate with these schemas, so both sides keep to one definition.
import * as z from 'zod/mini';
import {ISO_DATE_TIME, withinLimit} from './submission.js';
import {say as fail, type ConsultationCode} from './consultation-messages.js';
import type {ValidationCode} from './messages.js';

type Code = ValidationCode | ConsultationCode;

/** Text up to `max` characters (may be empty). */
const text = (code: Code, max: number) =>
  z.string(fail(code)).check(z.refine((value) => withinLimit(value, max), fail(code)));

/** The workflow: draft -> open -> closed -> decided. Only `open` takes answers. */
export const CONSULTATION_STATUSES = ['draft', 'open', 'closed', 'decided'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Which status each action may start from, and where it leads. */
export const CONSULTATION_TRANSITIONS = {
  open: {from: ['draft', 'closed'], to: 'open'},
  close: {from: ['open'], to: 'closed'},
  decide: {from: ['closed', 'decided'], to: 'decided'},
} as const satisfies Record<string, {from: readonly ConsultationStatus[]; to: ConsultationStatus}>;
export type ConsultationAction = keyof typeof CONSULTATION_TRANSITIONS;

export const QUESTION_TYPES = ['choice', 'scale', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const CONSULTATION_LIMITS = {
  slug: 80,
  title: 200,
  proposal: 5000,
  questions: 20,
  question: 500,
  options: 20,
  option: 200,
  scaleMax: 10,
  answer: 5000,
  decision: 5000,
} as const;

/** A slug is part of a web address: lower-case letters, numbers and single dashes. */
export const CONSULTATION_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Question and option ids: short, stable, safe as object keys and CSS ids. */
const ITEM_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Text a provider must write: not only spaces, and not over the limit. */
const written = (code: Code, max: number) =>
  z
    .string(fail(code))
    .check(z.refine((value) => value.trim().length > 0 && withinLimit(value, max), fail(code)));

const id = (code: Code) =>
  z.string(fail(code)).check(z.refine((value) => ITEM_ID.test(value), fail(code)));

/** The proposal in plain words: what we plan, why, what changes for you, and when. */
const proposalSchema = z.object(
  {
    plan: written('consultation.proposal.required', CONSULTATION_LIMITS.proposal),
    why: written('consultation.proposal.required', CONSULTATION_LIMITS.proposal),
    changes: written('consultation.proposal.required', CONSULTATION_LIMITS.proposal),
    when: written('consultation.proposal.required', CONSULTATION_LIMITS.proposal),
  },
  fail('consultation.proposal.required'),
);
export type Proposal = z.infer<typeof proposalSchema>;

const optionSchema = z.object(
  {
    id: id('consultation.options.invalid'),
    label: written('consultation.options.invalid', CONSULTATION_LIMITS.option),
  },
  fail('consultation.options.invalid'),
);

const questionSchema = z
  .object(
    {
      id: id('consultation.question.invalid'),
      type: z.enum(QUESTION_TYPES, fail('consultation.question.invalid')),
      text: written('consultation.question.invalid', CONSULTATION_LIMITS.question),
      /** The same question in easy-read words. */
      easyText: z.optional(written('consultation.question.invalid', CONSULTATION_LIMITS.question)),
      hint: z.optional(text('consultation.question.invalid', CONSULTATION_LIMITS.question)),
      required: z.optional(z.boolean(fail('consultation.question.invalid'))),
      options: z.optional(z.array(optionSchema, fail('consultation.options.invalid'))),
      /** A scale runs from 1 to `max`; the labels name its two ends. */
      scale: z.optional(
        z.object(
          {
            max: z
              .number(fail('consultation.scale.invalid'))
              .check(
                z.refine(
                  (n) => Number.isInteger(n) && n >= 2 && n <= CONSULTATION_LIMITS.scaleMax,
                  fail('consultation.scale.invalid'),
                ),
              ),
            minLabel: written('consultation.scale.invalid', CONSULTATION_LIMITS.option),
            maxLabel: written('consultation.scale.invalid', CONSULTATION_LIMITS.option),
          },
          fail('consultation.scale.invalid'),
        ),
      ),
    },
    fail('consultation.question.invalid'),
  )
  .check(
    z.superRefine((question, ctx) => {
      const add = (path: string, message: Code) =>
        ctx.addIssue({code: 'custom', path: [path], message, input: question});
      if (question.type === 'choice') {
        const options = question.options ?? [];
        const ids = new Set(options.map((option) => option.id));
        if (options.length < 2 || options.length > CONSULTATION_LIMITS.options || ids.size !== options.length)
          add('options', 'consultation.options.invalid');
      } else if (question.options !== undefined) add('options', 'consultation.options.invalid');
      if (question.type === 'scale' && question.scale === undefined) add('scale', 'consultation.scale.invalid');
      if (question.type !== 'scale' && question.scale !== undefined) add('scale', 'consultation.scale.invalid');
    }),
  );
export type ConsultationQuestion = z.infer<typeof questionSchema>;

const closesAt = z
  .string(fail('consultation.closesAt.invalid'))
  .check(
    z.refine(
      (value) => ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
      fail('consultation.closesAt.invalid'),
    ),
  );

const questionsSchema = z
  .array(questionSchema, fail('consultation.questions.invalid'))
  .check(
    z.refine(
      (list) =>
        list.length >= 1 &&
        list.length <= CONSULTATION_LIMITS.questions &&
        new Set(list.map((q) => (q as {id?: unknown}).id)).size === list.length,
      fail('consultation.questions.invalid'),
    ),
  );

const fields = {
  title: written('consultation.title.required', CONSULTATION_LIMITS.title),
  service: z.optional(text('service.invalid', 100)),
  proposal: proposalSchema,
  /** The same proposal in easy-read words, shown with reading-level="easy". */
  easyRead: z.optional(proposalSchema),
  questions: questionsSchema,
  closesAt,
};

/** What a provider sends to create a consultation. */
export const consultationInputSchema = z.object(
  {
    slug: z
      .string(fail('consultation.slug.invalid'))
      .check(
        z.refine(
          (value) => value.length <= CONSULTATION_LIMITS.slug && CONSULTATION_SLUG.test(value),
          fail('consultation.slug.invalid'),
        ),
      ),
    ...fields,
  },
  fail('body.invalid'),
);
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

/** What a provider sends to change one: any of the fields, never the slug (it is in people's links). */
export const consultationChangeSchema = z.partial(z.object(fields, fail('body.invalid')));
export type ConsultationChange = z.infer<typeof consultationChangeSchema>;

/** "We did": what the provider decided and what changed, and in its own words what people said. */
export const consultationDecisionSchema = z.object(
  {
    youSaid: z.optional(written('consultation.youSaid.invalid', CONSULTATION_LIMITS.decision)),
    decision: written('consultation.decision.required', CONSULTATION_LIMITS.decision),
    changes: written('consultation.changes.required', CONSULTATION_LIMITS.decision),
  },
  fail('body.invalid'),
);
export type ConsultationDecision = z.infer<typeof consultationDecisionSchema>;

/** A consultation as the collector keeps and answers it. */
export interface Consultation extends ConsultationInput {
  status: ConsultationStatus;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  closedAt: string | null;
  decidedAt: string | null;
  decision: ConsultationDecision | null;
}

/** A consultation as everyone may see it, with the answers' summary once it is decided. */
export interface PublicConsultation extends Consultation {
  /** Answers are taken: open, and not past its closing time. */
  accepting: boolean;
  summary?: ConsultationSummary;
}

/** Counts of the answers: never the words of free text, only how many answered. */
export interface ConsultationSummary {
  responses: number;
  questions: Array<{
    id: string;
    type: QuestionType;
    text: string;
    answered: number;
    /** choice: how many chose each option, by option id, in the question's order. */
    counts?: Record<string, number>;
    /** scale: how many chose each point, "1" to max. */
    distribution?: Record<string, number>;
  }>;
}

/**
 * For the provider only (GET /v1/consultations/:slug with a token): a free-text question's answers, each
 * under the theme the keyword rules suggest first, with the words that matched; `themeId` null holds
 * the answers no rule matched. Never public: it holds people's own words.
 */
export interface ConsultationWritten {
  question: string;
  groups: Array<{
    themeId: string | null;
    name: string | null;
    answers: Array<{reference: string; text: string; matched: string[]}>;
  }>;
}

/** Whether a consultation takes answers at `now`: open, and its closing time not yet reached. */
export function acceptsAnswers(consultation: Pick<Consultation, 'status' | 'closesAt'>, now: Date): boolean {
  return consultation.status === 'open' && now.getTime() < Date.parse(consultation.closesAt);
}

/** A consultation to use in examples and tests; pass fields to change. */
export function exampleConsultationInput(overrides: Partial<ConsultationInput> = {}): ConsultationInput {
  return {
    slug: 'visit-times-north',
    title: 'Changing visit times in the north area',
    service: 'home-care-north',
    proposal: {
      plan: 'We plan to start morning visits at 7:30 instead of 8:00.',
      why: 'Lots of people told us they want help before breakfast.',
      changes: 'Your morning visit may come half an hour sooner. Your care plan stays the same.',
      when: 'From 1 March 2027, if we go ahead.',
    },
    easyRead: {
      plan: 'We want to come earlier in the morning.',
      why: 'People told us they want help before breakfast.',
      changes: 'We may come half an hour sooner.',
      when: 'From March 2027.',
    },
    questions: [
      {
        id: 'agree',
        type: 'choice',
        text: 'Do you agree with the plan?',
        easyText: 'Is this a good idea?',
        required: true,
        options: [
          {id: 'yes', label: 'Yes'},
          {id: 'no', label: 'No'},
          {id: 'not-sure', label: 'Not sure'},
        ],
      },
      {
        id: 'effect',
        type: 'scale',
        text: 'How much would this change help you?',
        easyText: 'Would this help you?',
        scale: {max: 5, minLabel: 'Not at all', maxLabel: 'A lot'},
      },
      {
        id: 'comments',
        type: 'text',
        text: 'Is there anything else you want to tell us?',
        easyText: 'Tell us anything else.',
      },
    ],
    closesAt: '2027-01-31T17:00:00.000Z',
    ...overrides,
  };
}
