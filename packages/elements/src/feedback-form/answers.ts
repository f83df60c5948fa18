// What a person has answered, which steps they see, and how their answers become a schema-v1 Submission.
import {
  LIMITS,
  SCHEMA_VERSION,
  type CommunicationNeed,
  type ContactMethod,
  type Kind,
  type Rating,
  type Relationship,
} from '@care-feedback/core/schema/vocabulary';
import {validateSubmission} from '@care-feedback/core/schema/validate';
import type {FieldError} from '@care-feedback/core/schema/messages';
import type {Submission} from '@care-feedback/core/schema/submission';

/** Everything typed or chosen, kept whole (also for steps the person skips), so nothing is lost. */
export interface Answers {
  kind: Kind | '';
  rating: Rating | '';
  message: string;
  improvement: string;
  relationship: Relationship | '';
  /** A service id, `unsure`, or empty. */
  service: string;
  reply: 'anonymous' | 'contact' | '';
  name: string;
  method: Exclude<ContactMethod, 'none'> | '';
  email: string;
  phone: string;
  address: string;
  needs: CommunicationNeed[];
  needsDetail: string;
  consentStore: boolean;
  consentContact: boolean;
  consentPublish: boolean;
}

export const emptyAnswers = (): Answers => ({
  kind: '',
  rating: '',
  message: '',
  improvement: '',
  relationship: '',
  service: '',
  reply: '',
  name: '',
  method: '',
  email: '',
  phone: '',
  address: '',
  needs: [],
  needsDetail: '',
  consentStore: false,
  consentContact: false,
  consentPublish: false,
});

export type Step = 'kind' | 'rating' | 'story' | 'about' | 'reply' | 'needs' | 'consent' | 'review';

/** The steps this person sees, in order. The FFT question is not asked about a safeguarding concern. */
export function stepsFor(answers: Answers): Step[] {
  const steps: Step[] = ['kind'];
  if (answers.kind !== 'concern') steps.push('rating');
  steps.push('story', 'about', 'reply');
  // Reply formats only matter when there will be a reply.
  if (answers.reply === 'contact') steps.push('needs');
  steps.push('consent', 'review');
  return steps;
}

/** Needs that come with a free-text detail. */
export const needsWithDetail = (needs: readonly CommunicationNeed[]) =>
  needs.includes('other') || needs.includes('interpreter');

export interface Context {
  id: string;
  locale: string;
  startedAt: number;
  honeypot: string;
  charterRight?: string | undefined;
  version: string;
  now?: Date;
}

const isBlank = (text: string) => text.trim() === '';
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Builds the submission exactly as the schema wants it. Text is passed through untouched (byte for
 * byte); fields the person left empty, or that belong to a path they did not take, are left out.
 */
export function buildSubmission(answers: Answers, context: Context): Record<string, unknown> {
  const now = context.now ?? new Date();
  const replying = answers.reply === 'contact';
  const submission: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    id: context.id,
    kind: answers.kind || undefined,
    message: answers.message,
  };
  if (answers.rating && answers.kind !== 'concern') submission.rating = answers.rating;
  if (!isBlank(answers.improvement)) submission.improvement = answers.improvement;
  if (answers.service && answers.service !== 'unsure') submission.service = answers.service;
  if (answers.relationship) submission.relationship = answers.relationship;
  if (replying) {
    const contact: Record<string, unknown> = {preferredMethod: answers.method || undefined};
    if (!isBlank(answers.name)) contact.name = answers.name;
    // Only the detail for the chosen way of replying is sent: the others were hidden from the person.
    if (answers.method === 'email')
      contact.email = answers.email.trim() === '' ? undefined : answers.email.trim();
    if (answers.method === 'phone')
      contact.phone = answers.phone.trim() === '' ? undefined : answers.phone.trim();
    if (answers.method === 'post' && !isBlank(answers.address)) contact.address = answers.address;
    submission.contact = contact;
    if (answers.needs.length > 0) submission.communicationNeeds = [...answers.needs];
    if (needsWithDetail(answers.needs) && !isBlank(answers.needsDetail)) {
      submission.communicationNeedsDetail = answers.needsDetail;
    }
  }
  // Settings from the page, not answers: a bad one is left out rather than blocking the person.
  const charterRight = context.charterRight;
  if (charterRight && charterRight.trim() && [...charterRight].length <= LIMITS.charterRight) {
    submission.charterRight = charterRight;
  }
  submission.consent = {
    store: answers.consentStore,
    contact: replying && answers.consentContact,
    publish: answers.consentPublish,
  };
  if (LOCALE.test(context.locale) && context.locale.length <= LIMITS.locale)
    submission.locale = context.locale;
  const page = currentPage();
  if (page) submission.page = page;
  submission.createdAt = now.toISOString();
  submission.client = {name: 'care-feedback', version: context.version};
  submission.spam = {
    hp: context.honeypot.slice(0, LIMITS.honeypot),
    elapsedMs: Math.max(0, now.getTime() - context.startedAt),
  };
  return submission;
}

function currentPage(): {url?: string; title?: string} | undefined {
  if (typeof location === 'undefined') return undefined;
  const page: {url?: string; title?: string} = {};
  if (/^https?:$/.test(location.protocol) && location.href.length <= LIMITS.pageUrl)
    page.url = location.href;
  const title = document.title.trim();
  if (title) page.title = [...title].slice(0, LIMITS.pageTitle).join('');
  return page.url || page.title ? page : undefined;
}

/** The field (element id in the form's shadow root) and step an error path belongs to. */
export interface FieldTarget {
  step: Step;
  field: string;
}

export function targetFor(path: string, answers: Answers): FieldTarget | undefined {
  const [head, sub] = path.split('.');
  switch (head) {
    case 'kind':
      return {step: 'kind', field: 'f-kind'};
    case 'rating':
      return {step: 'rating', field: 'f-rating'};
    case 'message':
      return {step: 'story', field: 'f-message'};
    case 'improvement':
      return {step: 'story', field: 'f-improvement'};
    case 'relationship':
      return {step: 'about', field: 'f-relationship'};
    case 'service':
      return {step: 'about', field: 'f-service'};
    case 'reply':
      return {step: 'reply', field: 'f-reply'};
    case 'contact': {
      const fields: Record<string, string> = {
        name: 'f-name',
        email: 'f-email',
        phone: 'f-phone',
        address: 'f-address',
        preferredMethod: 'f-method',
      };
      return {
        step: 'reply',
        field: (sub && fields[sub]) || (answers.reply ? 'f-method' : 'f-reply'),
      };
    }
    case 'communicationNeeds':
      return {step: 'needs', field: 'f-needs'};
    case 'communicationNeedsDetail':
      return {step: 'needs', field: 'f-needs-detail'};
    case 'consent':
      if (sub === 'contact') return {step: 'consent', field: 'f-consent-contact'};
      if (sub === 'publish') return {step: 'consent', field: 'f-consent-publish'};
      return {step: 'consent', field: 'f-consent-store'};
    default:
      // id, createdAt, client, spam, page, locale, charterRight: nothing the person can change.
      return undefined;
  }
}

/** A problem found before sending, in the same shape the core and the collector use. */
export interface FormError {
  path: string;
  code: string;
}

/**
 * Checks one step with the same schema the collector uses, so the form and the server never disagree,
 * plus the one question the schema cannot see (whether a reply is wanted at all).
 */
export function validateStep(step: Step, answers: Answers, context: Context): FormError[] {
  if (step === 'review') return validateAll(answers, context);
  const errors: FormError[] = [];
  if (step === 'reply' && answers.reply === '')
    errors.push({path: 'reply', code: 'reply.required'});
  const result = validateSubmission(buildSubmission(answers, context));
  if (!result.ok) {
    for (const error of result.errors) {
      if (targetFor(error.path, answers)?.step === step)
        errors.push({path: error.path, code: error.code});
    }
  }
  return errors;
}

/** Every problem in the whole journey, in step order, including ones that have no field. */
export function validateAll(answers: Answers, context: Context): FormError[] {
  const steps = stepsFor(answers);
  const errors: FormError[] = [];
  if (answers.reply === '') errors.push({path: 'reply', code: 'reply.required'});
  const result = validateSubmission(buildSubmission(answers, context));
  if (!result.ok) errors.push(...result.errors.map(({path, code}) => ({path, code})));
  const order = (error: FormError) => {
    const target = targetFor(error.path, answers);
    return target ? steps.indexOf(target.step) : -1;
  };
  return errors.sort((a, b) => order(a) - order(b));
}

export const fromFieldErrors = (errors: readonly FieldError[] = []): FormError[] =>
  errors.map(({path, code}) => ({path, code}));

/** Restores answers from a draft, keeping only fields and values the form knows. */
export function reviveAnswers(value: unknown): Answers {
  const answers = emptyAnswers();
  if (!value || typeof value !== 'object') return answers;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(answers) as Array<keyof Answers>) {
    const saved = source[key];
    const fallback = answers[key];
    if (Array.isArray(fallback)) {
      if (Array.isArray(saved))
        (answers as unknown as Record<string, unknown>)[key] = saved.filter((item) => typeof item === 'string');
    } else if (typeof saved === typeof fallback) {
      (answers as unknown as Record<string, unknown>)[key] = saved;
    }
  }
  return answers;
}

export const isEmpty = (answers: Answers) =>
  JSON.stringify(answers) === JSON.stringify(emptyAnswers());

export type {Submission};
