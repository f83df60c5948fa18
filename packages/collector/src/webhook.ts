// The optional signed webhook for new complaints and concerns: one outbox channel, so a crash loses no try.
import {createHmac} from 'node:crypto';
import type {OutboxDraft, OutboxItem} from './types.js';
import {DeliveryFailed, type Delivery} from './outbox/delivery.js';

export interface WebhookOptions {
  url: string;
  /** Shared secret for the HMAC-SHA256 signature. */
  secret: string;
  /** Tries in all, default 6; the row is then kept in the outbox as given up. */
  attempts?: number;
  /** First wait between tries in ms, doubled each time; default 1000. */
  backoffMs?: number;
  /** Per-try timeout in ms; default 10 000. */
  timeoutMs?: number;
}

/** What is sent: enough to go and look, nothing a person wrote. */
export interface WebhookEvent {
  event: 'submission.created';
  reference: string;
  kind: string;
  service: string | null;
  receivedAt: string;
  ackDueAt: string | null;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, like Stripe's, so a replay can be refused. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** The outbox row for a new submission's webhook (its reference is filled in by the store). */
export function webhookDraft(
  event: Omit<WebhookEvent, 'reference'>,
  notBefore: string,
): OutboxDraft {
  return {
    key: 'webhook',
    channel: 'webhook',
    topic: 'submission.created',
    notBefore,
    payload: event,
  };
}

/** Sends webhook rows from the outbox: each try is signed afresh, so its timestamp is the try's own. */
export function webhookDelivery(options: WebhookOptions): Delivery {
  const backoff = options.backoffMs ?? 1000;
  return {
    channel: 'webhook',
    maxAttempts: options.attempts ?? 6,
    retryDelayMs: (attempts) => backoff * 2 ** (attempts - 1),
    async deliver(item: OutboxItem) {
      const payload = item.payload as Omit<WebhookEvent, 'reference'>;
      const event: WebhookEvent = {
        event: 'submission.created',
        reference: item.reference ?? '',
        kind: payload.kind,
        service: payload.service,
        receivedAt: payload.receivedAt,
        ackDueAt: payload.ackDueAt,
      };
      const body = JSON.stringify(event);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-care-signature': signWebhook(options.secret, body, timestamp),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel().catch(() => {});
      if (!response.ok) throw new DeliveryFailed(`http-${response.status}`);
      return 'sent';
    },
  };
}
