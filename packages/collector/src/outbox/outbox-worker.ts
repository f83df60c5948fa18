// Sends what waits in the store's outbox: claims due rows, hands each to its delivery, and records how it went.
import {randomUUID} from 'node:crypto';
import type {Logger} from '../log.js';
import type {OutboxItem, OutboxSettlement, Store} from '../types.js';
import {failureKind, type Delivery} from './delivery.js';

export interface OutboxWorkerOptions {
  store: () => Promise<Store>;
  deliveries: readonly Delivery[];
  /** The clock that decides what is due; tests move it instead of waiting. */
  now?: () => Date;
  /**
   * How long a claim holds a row (default 2 minutes). Longer than any one try may take: a row
   * whose sender died mid-try is tried again, by any instance, once the lease has run out.
   */
  leaseMs?: number;
  /** How often to look for due rows when not told of new ones (default 5 s). */
  pollMs?: number;
  /** Rows claimed, and tried side by side, at a time (default 10). */
  batch?: number;
  log?: Logger;
  /** Runs before each look for due rows, e.g. to write the daily summary once its time has come. */
  beforeClaim?: (store: Store, now: Date) => Promise<void>;
}

export interface OutboxWorker {
  /** Look for due rows now: something was just written, or a test moved the clock. */
  nudge(): void;
  /** Resolves when no pass is running (one started by an earlier nudge has finished). */
  idle(): Promise<void>;
  /** Stops looking, waits for tries under way, and lets go of connections. */
  close(): Promise<void>;
}

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 5_000;
  const batch = options.batch ?? 10;
  const log = options.log ?? (() => {});
  const byChannel = new Map(options.deliveries.map((d) => [d.channel, d]));
  const channels = [...byChannel.keys()];
  // Each worker claims under its own name, so a late settle after a lost lease changes nothing.
  const claimer = randomUUID();

  let closed = false;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  /** The earliest retry this worker has set, so a short backoff is not made to wait for the poll. */
  let soonestRetry = Infinity;

  const line = (
    fields: Record<string, string | number | boolean | undefined>,
    level: 'info' | 'warn' | 'error' = 'info',
  ) => log({time: new Date().toISOString(), level, event: 'outbox', ...fields});

  const attempt = async (store: Store, item: OutboxItem) => {
    const delivery = byChannel.get(item.channel)!;
    let settlement: OutboxSettlement;
    try {
      settlement = {state: await delivery.deliver(item), at: now().toISOString()};
    } catch (error) {
      const kind = failureKind(error);
      if (item.attempts >= delivery.maxAttempts)
        settlement = {state: 'gave-up', at: now().toISOString(), error: kind};
      else {
        const retryAt = now().getTime() + delivery.retryDelayMs(item.attempts);
        soonestRetry = Math.min(soonestRetry, retryAt);
        settlement = {state: 'waiting', retryAt: new Date(retryAt).toISOString(), error: kind};
      }
    }
    line(
      {
        channel: item.channel,
        topic: item.topic,
        attempt: item.attempts,
        outcome: settlement.state,
        ...('error' in settlement ? {error: settlement.error} : {}),
      },
      settlement.state === 'sent' || settlement.state === 'skipped' ? 'info' : 'warn',
    );
    // If this fails (the store is down), the lease runs out and the row is tried again: an e-mail
    // may then go twice, never not at all.
    await store.settleOutbox(item.id, claimer, settlement);
  };

  const pass = async () => {
    const store = await options.store();
    const started = now();
    if (soonestRetry <= started.getTime()) soonestRetry = Infinity;
    if (options.beforeClaim) await options.beforeClaim(store, started);
    for (;;) {
      const at = now();
      const items = await store.claimOutbox({
        claimer,
        now: at.toISOString(),
        until: new Date(at.getTime() + leaseMs).toISOString(),
        channels,
        limit: batch,
      });
      await Promise.all(items.map((item) => attempt(store, item)));
      if (items.length < batch || closed) return;
    }
  };

  const schedule = () => {
    if (closed) return;
    const wait = Math.max(0, Math.min(pollMs, soonestRetry - now().getTime()));
    timer = setTimeout(run, wait);
    timer.unref();
  };

  function run() {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          line({error: failureKind(error)}, 'error');
        }
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
      schedule();
    });
  }

  run();
  return {
    nudge: run,
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
      await Promise.all(options.deliveries.map((d) => d.close?.()));
    },
  };
}
