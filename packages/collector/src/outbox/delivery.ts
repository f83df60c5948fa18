// What the outbox worker needs from each way a message leaves (e-mail, webhook), and how failures are named.
import type {OutboxChannel, OutboxItem} from '../types.js';

export interface Delivery {
  channel: OutboxChannel;
  /**
   * Sends one row. Resolves `sent`, or `skipped` when it is no longer needed (a reminder for a
   * complaint already acknowledged); throws when the try failed and may be retried.
   */
  deliver(item: OutboxItem): Promise<'sent' | 'skipped'>;
  /** The wait before the next try after `attempts` failed tries. */
  retryDelayMs(attempts: number): number;
  /** Tries in all before the row is given up (kept, not sent); Infinity to keep trying. */
  maxAttempts: number;
  /** Lets go of connections; called once the worker has stopped. */
  close?(): Promise<void>;
}

/** A failed try whose kind is already known (an HTTP status, say). */
export class DeliveryFailed extends Error {
  constructor(readonly kind: string) {
    super(kind);
    this.name = 'DeliveryFailed';
  }
}

/**
 * A failure's kind, safe to keep and log: an SMTP reply code, an error code or name, never a
 * message (an SMTP server's words can quote addresses).
 */
export function failureKind(error: unknown): string {
  if (error instanceof DeliveryFailed) return error.kind;
  if (error && typeof error === 'object') {
    const {responseCode, originalCode, code, name} = error as Record<string, unknown>;
    if (typeof responseCode === 'number') return `smtp-${responseCode}`;
    // nodemailer wraps a network failure (ESOCKET) and keeps the system's code (ECONNREFUSED).
    for (const candidate of [originalCode, code, name])
      if (typeof candidate === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(candidate))
        return candidate;
  }
  return 'unknown';
}

/** Doubling waits from `firstMs`, never longer than `maxMs`. */
export function exponentialBackoff(firstMs: number, maxMs: number): (attempts: number) => number {
  return (attempts) => Math.min(maxMs, firstMs * 2 ** Math.min(30, Math.max(0, attempts - 1)));
}
