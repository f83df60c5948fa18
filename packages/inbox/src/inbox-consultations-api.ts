// Consultations' calls to the collector's provider API (#16): the list, one consultation with its live
// counts and its free text by theme, create, change, the workflow, delete, and one answer's erasure.
// Each takes the signed-in InboxApi, which adds the token.
import type {
  ConsultationChange,
  ConsultationDecision,
  ConsultationInput,
  ConsultationStatus,
  ConsultationSummary,
  ConsultationWritten,
  PublicConsultation,
} from '@care-feedback/core';
import type {InboxApi} from './inbox-api.js';

/** A consultation in the list: everything, with how many counted answers it has. */
export interface ConsultationListItem extends PublicConsultation {
  responses: number;
}

/** A free-text question's answers by theme; `themeId` null holds those no keyword rule matched. */
export type WrittenQuestion = ConsultationWritten;
export type WrittenAnswer = ConsultationWritten['groups'][number]['answers'][number];

/** One consultation as its provider sees it: the live counts, and the free text by theme. */
export interface ProviderConsultation extends PublicConsultation {
  summary: ConsultationSummary;
  written: WrittenQuestion[];
}

export type ConsultationMove = 'open' | 'close' | 'decide';

const path = (slug: string, rest = '') => `/consultations/${encodeURIComponent(slug)}${rest}`;

export async function listConsultations(api: InboxApi): Promise<ConsultationListItem[]> {
  const body = (await api.call('/consultations')) as {items?: unknown};
  return Array.isArray(body.items) ? (body.items as ConsultationListItem[]) : [];
}

export async function getConsultation(api: InboxApi, slug: string): Promise<ProviderConsultation> {
  const body = (await api.call(path(slug))) as ProviderConsultation;
  return {...body, written: Array.isArray(body.written) ? body.written : []};
}

export async function createConsultation(api: InboxApi, input: ConsultationInput): Promise<PublicConsultation> {
  return (await api.call('/consultations', 'POST', input)) as PublicConsultation;
}

export async function changeConsultation(api: InboxApi, slug: string, change: ConsultationChange): Promise<PublicConsultation> {
  return (await api.call(path(slug), 'PATCH', change)) as PublicConsultation;
}

export async function moveConsultation(
  api: InboxApi,
  slug: string,
  move: ConsultationMove,
  decision?: ConsultationDecision,
): Promise<PublicConsultation> {
  return (await api.call(path(slug, `/${move}`), 'POST', decision ?? {})) as PublicConsultation;
}

export async function deleteConsultation(api: InboxApi, slug: string): Promise<void> {
  await api.call(path(slug), 'DELETE');
}

export async function eraseAnswer(api: InboxApi, slug: string, reference: string): Promise<void> {
  await api.call(path(slug, `/responses/${encodeURIComponent(reference)}`), 'DELETE');
}

/** Every answer as CSV, fetched with the token (a plain link could not carry it). */
export async function consultationCsv(api: InboxApi, slug: string): Promise<Blob> {
  return (await api.request(path(slug, '/export.csv'), {headers: {Accept: 'text/csv'}})).blob();
}

export type {ConsultationStatus};
