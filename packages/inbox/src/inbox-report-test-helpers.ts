// Test helpers for the report views: feedback recorded by staff on known past days (the collector keeps
// each one's real arrival date), complaint records with outcomes and referrals, and reading tables.
import {exampleSubmission, type Submission} from '@care-feedback/core';
import type {RunningCollector} from './inbox-test-helpers.js';
import type {CareFeedbackInbox} from './feedback-inbox.js';

async function call(collector: RunningCollector, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${collector.endpoint}${path}`, {
    method,
    headers: {Authorization: `Bearer ${collector.token}`, 'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>);
}

/** Records feedback that came by phone on `receivedAt` (an ISO time in the past); returns its reference. */
export async function recordPast(
  collector: RunningCollector,
  receivedAt: string,
  overrides: Partial<Submission> = {},
): Promise<string> {
  const body = {
    ...exampleSubmission({id: crypto.randomUUID(), createdAt: new Date().toISOString(), ...overrides}),
    recorded: {channel: 'phone', by: 'Test Manager', receivedAt},
  };
  return String((await call(collector, 'POST', '/submissions', body)).reference);
}

/** Decides a complaint's points and, if given, the day it went to the Ombudsman. */
export async function decide(
  collector: RunningCollector,
  reference: string,
  outcomes: Array<'upheld' | 'partly-upheld' | 'not-upheld'>,
  ombudsmanReferredAt?: string,
): Promise<void> {
  await call(collector, 'PATCH', `/submissions/${encodeURIComponent(reference)}/complaint`, {
    points: outcomes.map((outcome, index) => ({text: `Point ${index + 1}`, outcome})),
    ...(ombudsmanReferredAt ? {ombudsmanReferredAt} : {}),
  });
}

/** A table's rows as {row header: [cells]}, from the table whose wrapper has `data-table=id` in `scope`. */
export function tableRows(el: CareFeedbackInbox, scope: string, id: string): Record<string, string[]> {
  const table = el.shadowRoot!.querySelector(`${scope} [data-table="${id}"] table`);
  if (!table) throw new Error(`no table ${id} in ${scope}`);
  return Object.fromEntries(
    Array.from(table.querySelectorAll('tbody tr'), (row) => [
      row.querySelector('th')!.textContent!.trim(),
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent!.trim()),
    ]),
  );
}

/** Presses a CSV button and reads the file the browser was given, as a person opening it would. */
export async function downloadedCsv(button: HTMLButtonElement): Promise<{name: string; text: string}> {
  const links: HTMLAnchorElement[] = [];
  const click = HTMLAnchorElement.prototype.click;
  // The download itself leaves the page; catch the link on its way out and read the file it points at.
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push(this);
  };
  try {
    button.click();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  const link = links[0];
  if (!link) throw new Error('no download started');
  return {name: link.download, text: await (await fetch(link.href)).text()};
}
