// The transport's public contract: what the form and other callers may rely on.
import type {FieldError} from '../schema/messages.js';
import type {Submission} from '../schema/submission.js';

/** Where a submission is in its journey to the collector. */
export type DeliveryStatus = 'queued' | 'sending' | 'delivered' | 'failed';

/** Why a submission ended as `failed`. Nothing fails without one of these reasons being reported. */
export type FailureReason =
  /** The collector refused it for good (400, 409, 413, 415, 422): sending again will not help. */
  | 'rejected'
  /** It waited in the queue longer than `maxAgeMs`. */
  | 'expired'
  /** The queue was full (`maxQueue`) when it was added. */
  | 'overflow';

export interface DeliveryState {
  id: string;
  status: DeliveryStatus;
  /** How many times sending was tried. */
  attempts: number;
  /** The collector's answer once delivered. */
  reference?: string;
  receivedAt?: string;
  /** When the next try is due (epoch ms), while queued. */
  nextAttemptAt?: number;
  /** Set when status is `failed`. */
  reason?: FailureReason;
  /** The HTTP status of the last answer, if there was one. */
  httpStatus?: number;
  /** Field errors from a 422, ready to show beside the fields. */
  errors?: FieldError[];
}

/**
 * Where the queue lives. `indexeddb` survives reloads and closed tabs; `memory` lasts only as long as
 * the page (used when IndexedDB cannot be opened, and said so); `none` means the caller asked for
 * nothing to be written to the device (shared devices), so the queue is in memory only.
 */
export type Persistence = 'indexeddb' | 'memory' | 'none';

export interface TransportOptions {
  /** The collector's base URL, e.g. `https://collector.example/v1`. Submissions go to `${endpoint}/submissions`. */
  endpoint: string;
  /**
   * The collector route under `endpoint` to POST to: `submissions` (default), or `involvement` for
   * sign-ups. Another path keeps its own queue (database `care-feedback-<path>` unless
   * `databaseName` is given), so nothing is ever sent to the wrong route.
   */
  path?: string;
  /** `local` (default) keeps the queue in IndexedDB; `none` writes nothing to the device. */
  storage?: 'local' | 'none';
  /** Most items the queue may hold; one more is reported as failed with reason `overflow`. Default 50. */
  maxQueue?: number;
  /** How long an item may wait before it is reported as failed with reason `expired`. Default 30 days. */
  maxAgeMs?: number;
  /** First retry delay; later ones double, with jitter, up to `maxRetryDelayMs`. Default 1 s. */
  retryDelayMs?: number;
  /** Longest wait between tries. Default 5 minutes. */
  maxRetryDelayMs?: number;
  /** How long to wait for IndexedDB to open before falling back to memory. Default 3 s. */
  storageTimeoutMs?: number;
  /** Name of the IndexedDB database; lets tests and several widgets keep apart. Default `care-feedback`. */
  databaseName?: string;
}

/** Fired on the transport (an EventTarget) whenever an item's state changes. */
export type TransportStatusEventDetail = DeliveryState;

/** Fired when the transport learns where its queue lives, and whenever that changes. */
export interface TransportStorageEventDetail {
  persistence: Persistence;
  /** Why the queue is not on the device, when it fell back to memory. */
  reason?: string;
}

export interface TransportEventMap {
  'care-transport-status': CustomEvent<TransportStatusEventDetail>;
  'care-transport-storage': CustomEvent<TransportStorageEventDetail>;
}

export interface Transport extends EventTarget {
  /** Where the queue lives now. Resolves once storage has been opened or given up on. */
  readonly ready: Promise<Persistence>;
  readonly persistence: Persistence;
  /**
   * Queues a valid submission (saved on the device first, when storage allows), then tries to send it
   * at once. Resolves with the state after that first try: `delivered`, `queued` (will retry by
   * itself) or `failed`. Sending the same id again does not queue it twice.
   */
  send(submission: Submission): Promise<DeliveryState>;
  /** The last known state of an item sent through this transport or found in its queue. */
  state(id: string): DeliveryState | undefined;
  /** Every item still waiting, oldest first. */
  pending(): Promise<DeliveryState[]>;
  /** Tries every waiting item now (other tabs' locks allowing). */
  flush(): Promise<void>;
  /** Stops timers and listeners. Items stay queued for the next transport to send. */
  close(): void;
  addEventListener<K extends keyof TransportEventMap>(
    type: K,
    listener: (event: TransportEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof TransportEventMap>(
    type: K,
    listener: (event: TransportEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** Keeps what a person is typing for this browser session, so a reload or a crashed tab loses nothing. */
export interface DraftStore<T> {
  /** The saved draft, or `undefined` when there is none (or it could not be read). */
  load(): T | undefined;
  /** Saves the draft, when storage allows. Never throws: blocked or full storage just keeps no draft. */
  save(value: T): void;
  /** Forgets the draft. Call it once the submission is delivered. */
  clear(): void;
}

export interface DraftStoreOptions {
  /** `local` (default) keeps the draft in sessionStorage for this tab's session; `none` keeps nothing. */
  storage?: 'local' | 'none';
}
