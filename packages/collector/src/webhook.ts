// An optional signed webhook for new complaints and concerns, sent in the background with retries.
import {createHmac} from 'node:crypto';
import type {Logger} from './log.js';

export interface WebhookOptions {
  url: string;
  /** Shared secret for the HMAC-SHA256 signature. */
  secret: string;
  /** Tries in all, default 6. */
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

export interface WebhookSender {
  send(event: WebhookEvent): void;
  /** Stops retries; waits for tries already on the wire. */
  close(): Promise<void>;
}

export function createWebhookSender(options: WebhookOptions, log: Logger): WebhookSender {
  const attempts = options.attempts ?? 6;
  const backoff = options.backoffMs ?? 1000;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const attempt = (body: string, reference: string, n: number) => {
    const run = (async () => {
      const timestamp = Math.floor(Date.now() / 1000);
      let ok = false;
      let status: number | undefined;
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-care-signature': signWebhook(options.secret, body, timestamp),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        status = response.status;
        await response.body?.cancel().catch(() => {});
        ok = response.ok;
      } catch {
        ok = false;
      }
      log({
        time: new Date().toISOString(),
        level: ok ? 'info' : 'warn',
        event: 'webhook',
        attempt: n,
        ok,
        ...(status ? {status} : {}),
      });
      if (!ok && n < attempts && !closed) {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            attempt(body, reference, n + 1);
          },
          backoff * 2 ** (n - 1),
        );
        timer.unref();
        timers.add(timer);
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };

  return {
    send(event) {
      if (closed) return;
      attempt(JSON.stringify(event), event.reference, 1);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
