// What a person has answered so far, as the form keeps it (and its draft), and the response it makes.
// Pure: no DOM, so the element only shows and the rules live here.
import {checkAnswers, type ConsultationResponse} from '@care-feedback/core/schema/consultation-response';
import {validateConsultationResponse} from '@care-feedback/core/schema/validate-consultation';
import type {ConsultationFieldError as FieldError} from '@care-feedback/core/schema/consultation-messages';
import type {PublicConsultation} from '@care-feedback/core/schema/consultation';

/** The methods the form offers: a consultation has no letters to post back. */
export const CONSULTATION_CONTACT_METHODS = ['email', 'phone'] as const;

export interface ConsultationAnswers {
  /** By question id: an option id, a scale point, or the words written. */
  answers: Record<string, string | number>;
  named: boolean;
  name: string;
  email: string;
  phone: string;
  method: string;
  contactConsent: boolean;
  consent: boolean;
}

/** The draft kept on the device while a person answers. */
export interface ConsultationDraft {
  v: 1;
  id: string;
  startedAt: number;
  answers: ConsultationAnswers;
}

export const emptyAnswers = (): ConsultationAnswers => ({
  answers: {},
  named: false,
  name: '',
  email: '',
  phone: '',
  method: '',
  contactConsent: false,
  consent: false,
});

/** A draft read back from storage, or undefined when it is not one of ours. */
export function reviveDraft(value: unknown): ConsultationDraft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const draft = value as Partial<ConsultationDraft>;
  if (draft.v !== 1 || typeof draft.id !== 'string' || !draft.answers || typeof draft.answers !== 'object') return undefined;
  return {
    v: 1,
    id: draft.id,
    startedAt: typeof draft.startedAt === 'number' ? draft.startedAt : Date.now(),
    answers: {...emptyAnswers(), ...draft.answers},
  };
}

export interface ResponseContext {
  id: string;
  locale: string;
  startedAt: number;
  honeypot: string;
  now: Date;
}

/** The response the collector takes: only the answered questions; contact details only when named. */
export function responseBody(consultation: PublicConsultation, a: ConsultationAnswers, context: ResponseContext): Record<string, unknown> {
  const answers: Record<string, string | number> = {};
  for (const question of consultation.questions) {
    const value = a.answers[question.id];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    answers[question.id] = typeof value === 'string' && question.type === 'text' ? value.trim() : value;
  }
  const contact: Record<string, string> = {};
  if (a.named) {
    contact.name = a.name.trim();
    if (a.email.trim()) contact.email = a.email.trim();
    if (a.phone.trim()) contact.phone = a.phone.trim();
    contact.preferredMethod = a.method || 'none';
  }
  return {
    schemaVersion: 1,
    id: context.id,
    consultation: consultation.slug,
    answers,
    ...(a.named ? {contact} : {}),
    consent: {store: a.consent, ...(a.named ? {contact: a.contactConsent} : {})},
    locale: context.locale,
    createdAt: context.now.toISOString(),
    spam: {hp: context.honeypot.slice(0, 1000), elapsedMs: Math.max(0, context.now.getTime() - context.startedAt)},
  };
}

/** Every problem with the answers, in one list: the shape, the fit to the questions, and a name when named. */
export function problemsWith(
  consultation: PublicConsultation,
  a: ConsultationAnswers,
  body: Record<string, unknown>,
): {value?: ConsultationResponse; errors: FieldError[]} {
  const checked = validateConsultationResponse(body);
  const errors = [...checkAnswers(consultation, body.answers as Record<string, string | number>)];
  if (!checked.ok) errors.push(...checked.errors);
  if (a.named && !a.name.trim()) errors.push({path: 'contact.name', code: 'contact.name.required', message: ''});
  if (a.named && !a.method) errors.push({path: 'contact.preferredMethod', code: 'contact.preferredMethod.invalid', message: ''});
  return errors.length || !checked.ok ? {errors} : {value: checked.value, errors: []};
}
