// The shapes the collector stores and answers with, shared by the handler and both stores.
import type {InvolvementLogStore} from './store/involvement-log-sql.js';
import type {InvolvementReportStore} from './store/involvement-report-sql.js';
import type {ComplaintRecord} from './complaint-record.js';
import type {LetterKind} from '@care-feedback/core/provider';
import type {StoredLetterTemplate} from './store/letter-template-sql.js';
import type {AttentionRow} from './store/attention-sql.js';
import type {ReportRows, ReportScope} from './store/report-sql.js';
import type {ThemeStore} from './store/themes-sql.js';
import type {ActionStore} from './store/actions-sql.js';
import type {AboutYouStore} from './store/about-you-sql.js';
import type {Consultation, ConsultationResponse, Involvement, Submission} from '@care-feedback/core';
import type {
  AuditEntry,
  Channel,
  Note,
  Receipt,
  SpamReason,
  Status,
  StoredRecord,
  YouSaidItem,
} from '@care-feedback/core/provider';

// The provider contract (statuses, moves, channels and the answers' shapes) lives in core, where the inbox
// reads it too; re-exported here so the collector's files keep one place to import from.
export {STATUSES, WORKFLOW, CHANNELS, canMove} from '@care-feedback/core/provider';
export type {
  AuditEntry,
  Channel,
  Note,
  Receipt,
  SpamReason,
  Status,
  StoredRecord,
  YouSaidItem,
} from '@care-feedback/core/provider';

/** A record the handler asks a store to insert. */
export interface NewRecord {
  id: string;
  kind: Submission['kind'];
  status: Status;
  service: string | null;
  rating: string | null;
  spamReason: SpamReason | null;
  ackDueAt: string | null;
  receivedAt: string;
  /** canonicalSubmissionJson of the validated body: compared byte for byte for idempotency. */
  body: string;
  /** Outbox rows written in the same transaction, only when the record is new (see OutboxDraft). */
  outbox?: readonly OutboxDraft[];
  /** Set when staff recorded it (a phone call, a letter, a visit); web feedback has none. */
  recorded?: {channel: Exclude<Channel, 'web'>; by: string};
}

export type InsertResult =
  | {outcome: 'created'; receipt: Receipt}
  | {outcome: 'duplicate'; receipt: Receipt}
  | {outcome: 'conflict'};

export interface ListFilter {
  kind?: string[];
  status?: Status[];
  service?: string;
  channel?: Channel[];
  /** Words to search for in what was said, what would help, the notes and the reference. */
  q?: string;
  /** Only these services (a token limited to some services); an empty list matches nothing. */
  services?: readonly string[];
  /** Inclusive lower bound on receivedAt (ISO). */
  from?: string;
  /** Exclusive upper bound on receivedAt (ISO). */
  before?: string;
  quarantined?: boolean;
  /** Complaints still `received` whose acknowledgement day (YYYY-MM-DD) is before this day. */
  overdueOn?: string;
}

/** Where the next page starts: the last record of this page, in newest-first order. */
export interface Cursor {
  receivedAt: string;
  reference: string;
}

export interface Page {
  items: StoredRecord[];
  next?: Cursor;
}

export interface StatusChange {
  /** The status the record must still have, so two providers cannot both move it. */
  from: Status;
  to: Status;
  at: string;
}

export interface TokenRecord {
  id: string;
  name: string;
  /** sha256 of the secret part, hex. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
  /** The services this token may see and change; empty: every service (and feedback with none). */
  services: string[];
}

/** Rows for /v1/stats: one per (kind, status, month, rating, service) with its count. */
export interface StatsRow {
  kind: string;
  status: string;
  month: string;
  rating: string | null;
  service: string | null;
  count: number;
}

/** The fields of an item a provider can change (and the time of the change). */
export type YouSaidChange = Partial<
  Pick<
    YouSaidItem,
    'submissionReference' | 'youSaid' | 'weDid' | 'quote' | 'published' | 'publishedAt'
  >
> & {updatedAt: string};

/** How an outbox row leaves: an e-mail to the provider's staff, or the signed webhook. */
export type OutboxChannel = 'email' | 'webhook';

/** What an outbox row is about. */
export type OutboxTopic =
  | 'submission.created'
  | 'ack-due-tomorrow'
  | 'ack-missed'
  | 'response-due-tomorrow'
  | 'response-missed'
  | 'daily-summary';

/** `waiting` until it is sent, found no longer needed (`skipped`), or tried as often as allowed (`gave-up`). */
export type OutboxState = 'waiting' | 'sent' | 'skipped' | 'gave-up';

/**
 * A message to send later, written durably. Its payload holds facts only (kind, service, dates,
 * counts), never what a person wrote or who they are.
 */
export interface OutboxDraft {
  /** With a submission: unique among its drafts (`email:new`); the row's id is `<reference>:<key>`. Alone: the row's id. */
  key: string;
  channel: OutboxChannel;
  topic: OutboxTopic;
  /** ISO time before which it is not sent. */
  notBefore: string;
  payload: Record<string, string | number | boolean | null>;
}

/** An outbox row as kept: what it is, and how sending it went. */
export interface OutboxItem {
  id: string;
  channel: OutboxChannel;
  topic: OutboxTopic;
  /** The submission it is about; null for a daily summary. */
  reference: string | null;
  payload: OutboxDraft['payload'];
  createdAt: string;
  /** When it may next be tried (at first, its not-before time). */
  nextAttemptAt: string;
  attempts: number;
  /** The kind of the last failure (`ECONNREFUSED`, `smtp-451`, `http-500`), never a server's words. */
  lastError: string | null;
  state: OutboxState;
  /** When it was sent, skipped or given up. */
  settledAt: string | null;
}

/** A claim of due outbox rows for one sender, who holds them until `until` (a crashed sender's rows come back then). */
export interface OutboxClaim {
  claimer: string;
  now: string;
  until: string;
  channels: readonly OutboxChannel[];
  limit: number;
}

/** How a claimed row's try ended. */
export type OutboxSettlement =
  | {state: 'sent' | 'skipped'; at: string}
  | {state: 'gave-up'; at: string; error: string}
  | {state: 'waiting'; retryAt: string; error: string};

/** The one storage interface; SQLite and PostgreSQL both implement it and pass one conformance suite. */
/** A sign-up the handler asks a store to keep (DESIGN.md, "People taking part"). */
export interface InvolvementInsert {
  id: string;
  service: string | null;
  ways: readonly string[];
  support: readonly string[];
  topics: readonly string[];
  /** Canonical JSON of the validated sign-up. */
  body: string;
  /** SHA-256 of `body` as first sent: repeats are compared with it, even after the person leaves. */
  bodyHash: string;
  receivedAt: string;
}

/** A sign-up as kept; after leaving, `signUp` no longer holds contact details. */
export interface InvolvementRecord extends Receipt {
  leftAt: string | null;
  signUp: Omit<Involvement, 'contact'> & {contact?: Involvement['contact']};
}

export interface InvolvementFilter {
  way?: string;
  topic?: string;
  support?: string;
  /** Only these services (a token limited to some services); an empty list matches nothing. */
  services?: readonly string[];
}

export type InvolvementCursor = Cursor;

export interface InvolvementPage {
  items: InvolvementRecord[];
  next?: InvolvementCursor;
}

/** The involvement register's part of a store (store/involvement-sql.ts). */
export interface InvolvementStore {
  insertInvolvement(record: InvolvementInsert): Promise<InsertResult>;
  getInvolvement(reference: string): Promise<InvolvementRecord | undefined>;
  listInvolvement(filter: InvolvementFilter, limit: number, after?: InvolvementCursor): Promise<InvolvementPage>;
  /** Replaces the kept sign-up with `body` (the contact details gone) and marks it left; false when unknown. */
  leaveInvolvement(reference: string, body: string, at: string): Promise<boolean>;
  /** Deletes the sign-up completely; true when there was one. */
  eraseInvolvement(reference: string): Promise<boolean>;
}

/** An answer to a consultation the handler asks a store to keep (consultations.ts). */
export interface ConsultationResponseInsert {
  id: string;
  consultation: string;
  /** Canonical JSON of the validated response. */
  body: string;
  bodyHash: string;
  /** The hidden field was filled, or it was sent too fast: kept, never counted. */
  quarantined: boolean;
  receivedAt: string;
}

export interface ConsultationResponseRecord extends Receipt {
  consultation: string;
  quarantined: boolean;
  response: ConsultationResponse;
}

export interface ConsultationResponsePage {
  items: ConsultationResponseRecord[];
  next?: Cursor;
}

/** Consultations and their answers, part of a store (store/consultations-sql.ts). */
export interface ConsultationStore {
  /** false when the slug is taken. */
  insertConsultation(consultation: Consultation): Promise<boolean>;
  getConsultation(slug: string): Promise<Consultation | undefined>;
  /** Newest first, each with how many counted answers it has; only these services when given. */
  listConsultations(services?: readonly string[]): Promise<Array<Consultation & {responses: number}>>;
  /** Saves a changed consultation over the version last changed at `expectedUpdatedAt`; false when it moved on. */
  updateConsultation(consultation: Consultation, expectedUpdatedAt: string): Promise<boolean>;
  /** Deletes a consultation and every answer to it. */
  deleteConsultation(slug: string): Promise<boolean>;
  insertConsultationResponse(record: ConsultationResponseInsert): Promise<InsertResult>;
  findConsultationResponse(id: string): Promise<{receipt: Receipt; bodyHash: string} | undefined>;
  getConsultationResponse(reference: string): Promise<ConsultationResponseRecord | undefined>;
  listConsultationResponses(slug: string, limit: number, after?: Cursor): Promise<ConsultationResponsePage>;
  /** The answers of every counted (not quarantined) response, oldest first, for the summary. */
  consultationAnswers(slug: string): Promise<Array<Record<string, unknown>>>;
  eraseConsultationResponse(reference: string): Promise<boolean>;
}

export interface Store extends InvolvementStore, InvolvementLogStore, InvolvementReportStore, ThemeStore, ActionStore, ConsultationStore, AboutYouStore {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * A rate limit shared by every collector on this store (PostgreSQL): resolves 0 when `address` may
   * send now (and counts it), else the whole seconds to wait. Missing where one process owns the store.
   */
  takeRateLimit?(address: string, perMinute: number): Promise<number>;
  /**
   * Durably inserts a record under a new reference of the store's choosing, or reports the earlier
   * one with the same id. Resolves only after commit.
   */
  insert(record: NewRecord): Promise<InsertResult>;
  get(reference: string): Promise<StoredRecord | undefined>;
  list(filter: ListFilter, limit: number, after?: Cursor): Promise<Page>;
  /** Changes status (when still `from`) and/or appends a note; undefined when not found or moved on. */
  update(
    reference: string,
    change: {status?: StatusChange; note?: Note; at: string},
  ): Promise<StoredRecord | undefined>;
  /** Deletes the submission completely; true when there was one. */
  erase(reference: string): Promise<boolean>;
  /** Deletes submissions received before `before` and their audit trail; returns how many. */
  purge(before: string): Promise<number>;
  stats(filter: ListFilter): Promise<StatsRow[]>;
  /** GET /v1/reports' grouped counts for a period (store/report-sql.ts). */
  report(scope: ReportScope): Promise<ReportRows>;
  appendAudit(entries: AuditEntry[]): Promise<void>;
  auditFor(reference: string): Promise<AuditEntry[]>;
  createToken(token: TokenRecord): Promise<void>;
  findToken(id: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  /** Revokes by id or name; true when a live token was revoked. */
  revokeToken(idOrName: string, at: string): Promise<boolean>;
  createYouSaid(item: YouSaidItem): Promise<void>;
  getYouSaid(id: string): Promise<YouSaidItem | undefined>;
  /** Every item newest first (by creation), or only published ones newest first (by publication). */
  listYouSaid(options?: {publishedOnly?: boolean}): Promise<YouSaidItem[]>;
  updateYouSaid(id: string, change: YouSaidChange): Promise<YouSaidItem | undefined>;
  deleteYouSaid(id: string): Promise<boolean>;
  /** A complaint's record (investigation, outcomes, response), or undefined before anyone wrote one. */
  getComplaintRecord(reference: string): Promise<ComplaintRecord | undefined>;
  putComplaintRecord(reference: string, record: ComplaintRecord): Promise<void>;
  /** The provider's own letter templates, one per kind saved (none: the built-in wording is used). */
  listLetterTemplates(): Promise<StoredLetterTemplate[]>;
  /** Saves a kind's templates; null goes back to the built-in wording. */
  putLetterTemplate(kind: LetterKind, template: StoredLetterTemplate | null): Promise<void>;
  /** Open complaints and concerns (oldest first, up to 1,000), each complaint with its record. */
  attention(services?: readonly string[]): Promise<AttentionRow[]>;
  /**
   * Adds outbox rows by id (OutboxDraft.key, or `<reference>:<key>` when about a submission), ignoring
   * any already there; answers how many were new.
   */
  enqueueOutbox(drafts: readonly OutboxDraft[], createdAt: string, reference?: string | null): Promise<number>;
  /**
   * Claims waiting rows that are due and not held by another sender, oldest due first, counting a
   * try for each. Two senders never hold one row at once (PostgreSQL: FOR UPDATE SKIP LOCKED).
   */
  claimOutbox(claim: OutboxClaim): Promise<OutboxItem[]>;
  /** Records how a claimed row's try went; false when the claim was lost (the lease ran out and another sender took it). */
  settleOutbox(id: string, claimer: string, settlement: OutboxSettlement): Promise<boolean>;
  /** Rows in the given states (default: waiting), next due first. */
  listOutbox(filter?: {states?: readonly OutboxState[]; limit?: number}): Promise<OutboxItem[]>;
  close(): Promise<void>;
}
