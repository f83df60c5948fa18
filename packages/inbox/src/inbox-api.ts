// Talks to the collector's provider API with the bearer token; reads its answers into inbox shapes.
import type {AuditEntry, Note, Report, StoredRecord, WorkflowStatus, YouSaidItem} from '@care-feedback/core/provider';
import type {InboxFilters, InboxPage, InboxRecord} from './inbox-types.js';

export type {YouSaidItem};

/** Why a request failed, in terms the inbox can explain to a person. */
export type InboxErrorKind =
  'unauthorised' | 'forbidden' | 'not-found' | 'conflict' | 'invalid' | 'network' | 'server';

/** One field the collector refused, from a 422 problem's `errors`; `path` names the field. */
export interface InboxFieldError {
  path: string;
  code?: string | undefined;
  message: string;
}

export class InboxApiError extends Error {
  constructor(
    readonly kind: InboxErrorKind,
    readonly status: number,
    message: string,
    /** Each field the collector refused, so a form can show the reason beside the right field. */
    readonly errors: InboxFieldError[] = [],
  ) {
    super(message);
    this.name = 'InboxApiError';
  }
}

const TOKEN_KEY = 'care-feedback.inbox-token';

/**
 * Keeps the token for this browser tab only (sessionStorage), keyed by collector, so closing the tab
 * signs out. It never goes into a URL, a cookie or localStorage.
 */
export const tokenStore = {
  get(endpoint: string): string | null {
    try {
      return sessionStorage.getItem(`${TOKEN_KEY}:${endpoint}`);
    } catch {
      return null;
    }
  },
  set(endpoint: string, token: string): void {
    try {
      sessionStorage.setItem(`${TOKEN_KEY}:${endpoint}`, token);
    } catch {
      // Storage may be off (private mode); the token then lives only as long as the element.
    }
  },
  clear(endpoint: string): void {
    try {
      sessionStorage.removeItem(`${TOKEN_KEY}:${endpoint}`);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};

/** The query string for a filter and a search: what the API filters on; rating stays in the browser. */
export function filterQuery(
  filters: InboxFilters,
  extra: Record<string, string> = {},
  search = '',
): URLSearchParams {
  const query = new URLSearchParams();
  if (search.trim()) query.set('q', search.trim());
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.status) query.set('status', filters.status);
  if (filters.service) query.set('service', filters.service);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  query.set('quarantined', String(filters.quarantined));
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query;
}

/** The query string for one page of the list: `limit` a page, from `cursor` (none for the first page). */
export function listQuery(
  filters: InboxFilters,
  cursor: string | undefined,
  limit: number,
  search = '',
): URLSearchParams {
  const extra: Record<string, string> = {limit: String(limit)};
  if (cursor) extra.cursor = cursor;
  return filterQuery(filters, extra, search);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function readFieldErrors(value: unknown): InboxFieldError[] {
  return (Array.isArray(value) ? value : [])
    .filter(isObject)
    .map((error) => ({
      path: str(error.path) ?? '',
      code: str(error.code),
      message: str(error.message) ?? '',
    }))
    .filter((error) => error.message !== '');
}

function readYouSaid(body: Json): YouSaidItem {
  return {
    id: str(body.id) ?? '',
    submissionReference: str(body.submissionReference) ?? null,
    youSaid: str(body.youSaid) ?? '',
    weDid: str(body.weDid) ?? '',
    quote: str(body.quote) ?? null,
    published: body.published === true,
    publishedAt: str(body.publishedAt) ?? null,
    createdAt: str(body.createdAt) ?? '',
    updatedAt: str(body.updatedAt) ?? '',
  };
}

export class InboxApi {
  constructor(
    readonly endpoint: string,
    private readonly token: string,
  ) {}

  private url(path: string, query?: URLSearchParams): string {
    const base = this.endpoint.replace(/\/+$/, '');
    const search = query && [...query.keys()].length > 0 ? `?${query}` : '';
    return `${base}${path}${search}`;
  }

  /** @internal A call with the token, for the API's parts in their own files (inbox-register-api.ts). */
  async request(
    path: string,
    init: RequestInit = {},
    query?: URLSearchParams,
  ): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(this.url(path, query), {
        ...init,
        // The token travels only in this header; credentials stay off so no cookie rides along.
        credentials: 'omit',
        cache: 'no-store',
        headers: {
          Authorization: `Bearer ${this.token}`,
          Accept: 'application/json',
          ...(init.headers ?? {}),
        },
      });
    } catch (error) {
      throw new InboxApiError('network', 0, error instanceof Error ? error.message : String(error));
    }
    if (response.ok) return response;
    const kind: InboxErrorKind =
      response.status === 401
        ? 'unauthorised'
        : response.status === 403
          ? 'forbidden'
          : response.status === 404
            ? 'not-found'
            : response.status === 409
              ? 'conflict'
              : response.status >= 400 && response.status < 500
                ? 'invalid'
                : 'server';
    let detail = '';
    let errors: InboxFieldError[] = [];
    try {
      const body = (await response.json()) as Json;
      detail = str(body.detail) ?? str(body.title) ?? str(body.error) ?? str(body.message) ?? '';
      errors = readFieldErrors(body.errors);
    } catch {
      // Not JSON: the status code says enough.
    }
    throw new InboxApiError(kind, response.status, detail || `HTTP ${response.status}`, errors);
  }

  /** @internal The answer as JSON (nothing for 204). */
  async json(path: string, init?: RequestInit, query?: URLSearchParams): Promise<unknown> {
    const response = await this.request(path, init, query);
    if (response.status === 204) return {};
    return response.json() as Promise<unknown>;
  }

  /**
   * A JSON call to any provider route, for the parts of the inbox that read their own answers
   * (themes and improvement actions: inbox-learning-api.ts). `body` is sent as JSON.
   */
  async call(path: string, method = 'GET', body?: unknown, query?: URLSearchParams): Promise<unknown> {
    return this.json(
      path,
      body === undefined ? {method} : {method, headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)},
      query,
    );
  }

  /** One page of submissions, newest first. */
  async list(filters: InboxFilters, cursor?: string, limit = 20, search = ''): Promise<InboxPage> {
    return this.listPage(listQuery(filters, cursor, limit, search));
  }

  /** One page of the list, for a query made by `listQuery`. */
  async listPage(query: URLSearchParams): Promise<InboxPage> {
    return readPage(await this.json('/submissions', undefined, query));
  }

  /** Stores feedback staff recorded (a submission with `recorded`); answers its reference. */
  async record(body: unknown): Promise<{reference: string}> {
    const answer = (await this.json('/submissions', {
      method: 'POST',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(body),
    })) as Json;
    return {reference: str(answer.reference) ?? ''};
  }

  /** Open complaints and concerns with what is due next, overdue first; `mine`: only those I investigate. */
  async attention(mine: boolean): Promise<unknown[]> {
    const body = (await this.json('/attention', undefined, new URLSearchParams(mine ? {mine: 'true'} : {}))) as Json;
    return Array.isArray(body.items) ? body.items : [];
  }

  /** What waits in the collector's outbox: counts and the kind of the last failure. */
  async outbox(): Promise<{waiting: number; failing: number; lastError: string | null}> {
    const body = (await this.json('/outbox')) as Json;
    return {waiting: num(body.waiting) ?? 0, failing: num(body.failing) ?? 0, lastError: str(body.lastError) ?? null};
  }

  /** A complaint's record: points, outcomes, dates, response and the ombudsman. */
  async complaint(reference: string): Promise<unknown> {
    return this.json(`/submissions/${encodeURIComponent(reference)}/complaint`);
  }

  async updateComplaint(reference: string, change: unknown): Promise<unknown> {
    return this.json(`/submissions/${encodeURIComponent(reference)}/complaint`, {
      method: 'PATCH',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(change),
    });
  }

  /** A letter drafted from a complaint's record (inbox-letters-state.ts reads it); `query` holds version and large print. */
  async letter(reference: string, kind: string, query: URLSearchParams): Promise<unknown> {
    return this.json(`/submissions/${encodeURIComponent(reference)}/letters/${encodeURIComponent(kind)}`, undefined, query);
  }

  /** The same letter as a Word document to change and post. */
  async letterDocx(reference: string, kind: string, query: URLSearchParams): Promise<Blob> {
    const response = await this.request(
      `/submissions/${encodeURIComponent(reference)}/letters/${encodeURIComponent(kind)}.docx`,
      {headers: {Accept: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'}},
      query,
    );
    return response.blob();
  }

  /** The letter templates in force, each kind's standard and easy-read wording. */
  async letterTemplates(): Promise<unknown> {
    return this.json('/letter-templates');
  }

  /** Saves a kind's wording, or (null) goes back to the built-in wording. */
  async saveLetterTemplate(kind: string, template: {standard: string; easyRead: string} | null): Promise<unknown> {
    return this.json(
      `/letter-templates/${encodeURIComponent(kind)}`,
      template
        ? {method: 'PUT', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(template)}
        : {method: 'DELETE'},
    );
  }

  async get(reference: string): Promise<InboxRecord> {
    const body = await this.json(`/submissions/${encodeURIComponent(reference)}`);
    return readRecord(body);
  }

  /** Moves the status on and/or adds a note. Releasing spam is a move from `quarantined` to `received`. */
  async update(
    reference: string,
    change: {status?: string; note?: string},
  ): Promise<InboxRecord | undefined> {
    const body = await this.json(`/submissions/${encodeURIComponent(reference)}`, {
      method: 'PATCH',
      headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(change),
    });
    return isObject(body) && Object.keys(body).length > 0 ? readRecord(body) : undefined;
  }

  /** Every "You said, we did" item, newest first. */
  async youSaidList(): Promise<YouSaidItem[]> {
    const body = await this.json('/you-said-we-did');
    const items = isObject(body) && Array.isArray(body.items) ? body.items : [];
    return items.filter(isObject).map(readYouSaid);
  }

  async youSaidCreate(item: {
    submissionReference: string;
    youSaid: string;
    weDid: string;
    quote?: string;
  }): Promise<YouSaidItem> {
    return readYouSaid(
      (await this.json('/you-said-we-did', {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(item),
      })) as Json,
    );
  }

  /** Publishes or unpublishes; the collector refuses (422) a quote whose author did not consent. */
  async youSaidPublish(id: string, publish: boolean): Promise<YouSaidItem> {
    return readYouSaid(
      (await this.json(
        `/you-said-we-did/${encodeURIComponent(id)}/${publish ? 'publish' : 'unpublish'}`,
        {method: 'POST'},
      )) as Json,
    );
  }

  /**
   * Changes an item: only the fields given are sent; `quote: null` removes the quote. The collector
   * answers 422 with field errors for a quote not copied exactly from the message, and for a change
   * that would leave a published item unpublishable.
   */
  async youSaidUpdate(
    id: string,
    change: {youSaid?: string; weDid?: string; quote?: string | null},
  ): Promise<YouSaidItem> {
    return readYouSaid(
      (await this.json(`/you-said-we-did/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(change),
      })) as Json,
    );
  }

  /** Deletes an item for good; a published one leaves the public list at once. */
  async youSaidDelete(id: string): Promise<void> {
    await this.request(`/you-said-we-did/${encodeURIComponent(id)}`, {method: 'DELETE'});
  }

  async erase(reference: string): Promise<void> {
    await this.request(`/submissions/${encodeURIComponent(reference)}`, {method: 'DELETE'});
  }

  async audit(reference: string): Promise<AuditEntry[]> {
    const body = await this.json(`/submissions/${encodeURIComponent(reference)}/audit`);
    const list = isObject(body) ? body.items : [];
    return (Array.isArray(list) ? list : []).filter(isObject).map(readAudit);
  }

  /**
   * GET /v1/reports: the whole report for a period (both days included, YYYY-MM-DD), in one call. The
   * collector counts; the inbox only shows, so every number on screen is the collector's own.
   */
  async report(period: {from: string; to: string}): Promise<Report> {
    return (await this.json('/reports', undefined, new URLSearchParams(period))) as Report;
  }

  /** The whole filtered set as CSV, fetched with the token (a plain link could not carry it). */
  async exportCsv(filters: InboxFilters, search = ''): Promise<Blob> {
    const response = await this.request(
      '/export.csv',
      {headers: {Accept: 'text/csv'}},
      filterQuery(filters, {}, search),
    );
    return response.blob();
  }
}

export function readPage(body: unknown): InboxPage {
  const object = isObject(body) ? body : {};
  const list = object.items ?? [];
  const items = (Array.isArray(list) ? list : []).filter(isObject).map(readRecord);
  const nextCursor = str(object.next);
  return {items, nextCursor: nextCursor || undefined};
}

/** Each step after `received` and the record's field that says when it was reached (the contract's names). */
const STEPS = [
  ['acknowledged', 'acknowledgedAt'],
  ['investigating', 'investigatingAt'],
  ['resolved', 'resolvedAt'],
  ['closed', 'closedAt'],
] as const satisfies ReadonlyArray<readonly [Exclude<WorkflowStatus, 'received'>, keyof StoredRecord]>;

export function readRecord(body: unknown): InboxRecord {
  const record = isObject(body) ? body : {};
  const submission = (
    isObject(record.submission) ? record.submission : {}
  ) as InboxRecord['submission'];
  const receivedAt = str(record.receivedAt) ?? '';
  const steps: InboxRecord['steps'] = receivedAt ? [{status: 'received', at: receivedAt}] : [];
  for (const [status, key] of STEPS) {
    const at = str(record[key]);
    if (at) steps.push({status, at});
  }
  const notes = (Array.isArray(record.notes) ? record.notes : [])
    .filter(isObject)
    .map((note): Note => ({
      at: str(note.at) ?? '',
      by: str(note.by) ?? '',
      text: str(note.text) ?? '',
    }));
  const status = str(record.status) ?? 'received';
  return {
    reference: str(record.reference) ?? '',
    receivedAt,
    status,
    quarantined: status === 'quarantined',
    spamReason: str(record.spamReason),
    acknowledgeBy: str(record.ackDueAt),
    overdue: record.overdue === true,
    submission,
    steps,
    notes,
  };
}

function readAudit(entry: Json): AuditEntry {
  return {
    at: str(entry.at) ?? '',
    actor: str(entry.actor) ?? '',
    reference: str(entry.reference) ?? null,
    action: str(entry.action) ?? '',
    detail: str(entry.detail) ?? null,
  };
}
