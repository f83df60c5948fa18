// The involvement register's calls to the collector's provider API (#16): the register, one person,
// their log, erasure and the invitation list. Each takes the signed-in InboxApi, which adds the token.
import type {Involvement} from '@care-feedback/core';
import type {InvolvementLogEntry, InvolvementLogInput, InvolvementLogList} from '@care-feedback/core/provider';
import type {InboxApi} from './inbox-api.js';

/** One sign-up as the provider API lists it; after someone leaves, `signUp.contact` is gone. */
export interface RegisterPerson {
  reference: string;
  receivedAt: string;
  leftAt: string | null;
  signUp: Partial<Involvement> & Pick<Involvement, 'ways'>;
}

export interface RegisterPage {
  items: RegisterPerson[];
  next: string | null;
}

export async function listRegister(api: InboxApi, query: URLSearchParams): Promise<RegisterPage> {
  const body = (await api.json('/involvement', undefined, query)) as Partial<RegisterPage>;
  return {items: Array.isArray(body.items) ? body.items : [], next: typeof body.next === 'string' ? body.next : null};
}

export async function getPerson(api: InboxApi, reference: string): Promise<RegisterPerson> {
  return (await api.json(`/involvement/${encodeURIComponent(reference)}`)) as RegisterPerson;
}

export async function getLog(api: InboxApi, reference: string): Promise<InvolvementLogList> {
  const body = (await api.json(`/involvement/${encodeURIComponent(reference)}/log`)) as Partial<InvolvementLogList>;
  const items = Array.isArray(body.items) ? body.items : [];
  return {reference, items, expensesPence: typeof body.expensesPence === 'number' ? body.expensesPence : 0};
}

export async function addToLog(api: InboxApi, reference: string, entry: InvolvementLogInput): Promise<InvolvementLogEntry> {
  return (await api.json(`/involvement/${encodeURIComponent(reference)}/log`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(entry),
  })) as InvolvementLogEntry;
}

/** Erases a person from the register for good, with the log of what they took part in (DELETE, 204). */
export async function erasePerson(api: InboxApi, reference: string): Promise<void> {
  await api.request(`/involvement/${encodeURIComponent(reference)}`, {method: 'DELETE'});
}

/** The invitation list as CSV, fetched with the token (a plain link could not carry it). */
export async function invitationsCsv(api: InboxApi, query: URLSearchParams): Promise<Blob> {
  return (await api.request('/involvement.csv', {headers: {Accept: 'text/csv'}}, query)).blob();
}
