// Test helpers for <care-feedback-inbox>: real collectors, real submissions, and reading what a person sees.
import {fixture, html} from '@open-wc/testing';
import {waitUntil} from '@care-feedback/elements/test-support';
import {executeServerCommand} from '@web/test-runner-commands';
import {exampleSubmission, type Submission} from '@care-feedback/core';
import './care-feedback-inbox.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

export interface RunningCollector {
  id: string;
  endpoint: string;
  token: string;
}

export async function startCollector(): Promise<RunningCollector> {
  return (await executeServerCommand('care-collector-start', {})) as RunningCollector;
}

export async function stopCollector(collector: RunningCollector | undefined): Promise<void> {
  if (collector) await executeServerCommand('care-collector-stop', {id: collector.id});
}

/** Sends a real submission to the collector, as a person's browser would; returns its reference. */
export async function submit(
  endpoint: string,
  overrides: Partial<Submission> = {},
): Promise<string> {
  const body = exampleSubmission({
    id: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    ...overrides,
  });
  const response = await fetch(`${endpoint}/submissions`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  if (response.status !== 201)
    throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as {reference: string}).reference;
}

/** A provider API call made by the test itself, to compare with what the inbox shows. */
export async function providerGet<T>(collector: RunningCollector, path: string): Promise<T> {
  const response = await fetch(`${collector.endpoint}${path}`, {
    headers: {Authorization: `Bearer ${collector.token}`},
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export async function mount(endpoint: string, pageSize = 20): Promise<CareFeedbackInbox> {
  const el = await fixture<CareFeedbackInbox>(
    html`<care-feedback-inbox endpoint=${endpoint} page-size=${pageSize}></care-feedback-inbox>`,
  );
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(
  el: CareFeedbackInbox,
  selector: string,
): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(
  el: CareFeedbackInbox,
  selector: string,
): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** The visible text of a part of the inbox, with runs of white space made single. */
export const text = (el: CareFeedbackInbox, selector: string): string =>
  ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const heading = (el: CareFeedbackInbox) => text(el, '#view-heading');

/** The element that has focus inside the inbox's shadow root. */
export const focused = (el: CareFeedbackInbox) =>
  el.shadowRoot!.activeElement as HTMLElement | null;

export async function signIn(el: CareFeedbackInbox, token: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#token')!;
  input.value = token;
  $<HTMLButtonElement>(el, '.sign-in button[type=submit]')!.click();
  await waitUntil(
    () => $(el, '.view.list') && !text(el, '.results').startsWith('Loading'),
    'the list did not load',
  );
}

/** Waits for the list to finish loading after a change. */
export async function listLoaded(el: CareFeedbackInbox): Promise<void> {
  await el.updateComplete;
  await waitUntil(
    () => $(el, '.view.list') && !text(el, '.results').startsWith('Loading'),
    'the list did not load',
  );
}

/** Opens the row whose button names this reference, and waits for the detail and audit trail. */
export async function openRow(el: CareFeedbackInbox, reference: string): Promise<void> {
  const button = $$<HTMLButtonElement>(el, '.row-title button').find((b) =>
    b.textContent!.includes(reference),
  );
  if (!button) throw new Error(`no row for ${reference}: ${text(el, '.rows')}`);
  button.click();
  await waitUntil(
    () =>
      heading(el).includes(reference) &&
      $(el, '#audit-heading') &&
      !text(el, '#view-heading').startsWith('Loading'),
    'the detail did not open',
  );
  await waitUntil(() => $(el, 'ol.audit'), 'the audit trail did not load');
}

export async function applyFilters(
  el: CareFeedbackInbox,
  values: Record<string, string>,
): Promise<void> {
  const details = $<HTMLDetailsElement>(el, 'details.filters')!;
  details.open = true;
  for (const [name, value] of Object.entries(values)) {
    const control = $<HTMLInputElement | HTMLSelectElement>(el, `#filter-${name}`)!;
    control.value = value;
  }
  $<HTMLButtonElement>(el, '.filter-form button[type=submit]')!.click();
  await el.updateComplete;
  await waitUntil(
    () => !text(el, '.results').startsWith('Loading'),
    'the filtered list did not load',
  );
}

export async function changeStatus(
  el: CareFeedbackInbox,
  status: string,
  note: string,
): Promise<void> {
  $<HTMLInputElement>(el, `#status-${status}`)!.click();
  $<HTMLTextAreaElement>(el, '#status-note')!.value = note;
  $<HTMLButtonElement>(el, '.status-form button[type=submit]')!.click();
  await waitUntil(
    () => text(el, '#status-now').toLowerCase() === status,
    `status did not become ${status}`,
  );
  await waitUntil(
    () => text(el, 'ol.audit').includes(status),
    'the audit trail did not show the change',
  );
}
