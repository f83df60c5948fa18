// The offline-safe transport: keeps each submission on the device until the collector confirms it.
import type {Submission} from '../schema/submission.js';
import {backoffDelay} from './backoff.js';
import {whileLocked} from './lock.js';
import {postSubmission, type PostOutcome} from './post.js';
import {openQueueStore, type QueueItem, type QueueStore} from './queue-store.js';
import type {
  DeliveryState,
  DeliveryStatus,
  Persistence,
  Transport,
  TransportOptions,
  TransportStorageEventDetail,
} from './types.js';

const DAY = 86_400_000;
/** setTimeout overflows past 2^31 ms; waking once a day to look again costs nothing. */
const LONGEST_TIMER = DAY;

type Settings = Required<TransportOptions>;

class CareTransport extends EventTarget implements Transport {
  readonly ready: Promise<Persistence>;
  persistence: Persistence;
  private store: QueueStore | undefined;
  private readonly settings: Settings;
  private readonly states = new Map<string, DeliveryState>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly channel: BroadcastChannel | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> | undefined;
  private again = false;
  private againForced = false;
  private closed = false;
  private readonly onOnline = () => void this.flush();

  constructor(options: TransportOptions) {
    super();
    this.settings = {
      endpoint: options.endpoint.replace(/\/+$/, ''),
      storage: options.storage ?? 'local',
      maxQueue: options.maxQueue ?? 50,
      maxAgeMs: options.maxAgeMs ?? 30 * DAY,
      retryDelayMs: options.retryDelayMs ?? 1000,
      maxRetryDelayMs: options.maxRetryDelayMs ?? 5 * 60_000,
      storageTimeoutMs: options.storageTimeoutMs ?? 3000,
      path: options.path ?? 'submissions',
      databaseName:
        options.databaseName ??
        (options.path && options.path !== 'submissions' ? `care-feedback-${options.path}` : 'care-feedback'),
    };
    const {storage, databaseName, storageTimeoutMs} = this.settings;
    // Until storage has answered, nothing is safe on the device yet.
    this.persistence = storage === 'none' ? 'none' : 'memory';
    if (storage === 'local' && typeof BroadcastChannel === 'function') {
      // Tells other transports of this site (other tabs) how items they also know about ended.
      this.channel = new BroadcastChannel(`care-feedback:${databaseName}`);
      this.channel.onmessage = (event: MessageEvent<DeliveryState>) => this.heard(event.data);
    }
    this.ready = openQueueStore(databaseName, storage, storageTimeoutMs, (reason) =>
      this.storageChanged('memory', reason),
    ).then(({store, reason}) => {
      this.store = store;
      this.storageChanged(store.persistence, reason);
      if (!this.closed) {
        globalThis.addEventListener?.('online', this.onOnline);
        // Whatever an earlier page left behind goes now.
        void this.flushAll(true);
      }
      return store.persistence;
    });
  }

  state(id: string): DeliveryState | undefined {
    return this.states.get(id);
  }

  async pending(): Promise<DeliveryState[]> {
    const store = await this.storeReady();
    return (await store.all()).filter(this.mine).map((item) => {
      const known = this.states.get(item.id);
      return known?.status === 'sending' ? known : this.describe(item, {status: 'queued'});
    });
  }

  async send(submission: Submission): Promise<DeliveryState> {
    const {id} = submission;
    // A programming mistake, not something to queue: IndexedDB would refuse it as a key.
    if (typeof id !== 'string' || !id) throw new TypeError('send() needs a submission with an id');
    const store = await this.storeReady();
    const known = this.states.get(id);
    if (known?.status === 'delivered') return known;
    const running = this.inFlight.get(id);
    if (running) {
      await running;
      return (
        this.states.get(id) ?? this.describe(await this.itemOrNew(submission), {status: 'queued'})
      );
    }
    let item = await store.get(id);
    if (!item) {
      item = this.newItem(submission);
      const waiting = (await store.all()).filter(this.mine).length;
      if (waiting >= this.settings.maxQueue) return this.sendUnqueued(item);
      await store.put(item);
      this.update(item, {status: 'queued'});
    } else if (!known) {
      this.update(item, {status: 'queued'});
    }
    await this.attempt(id, true);
    void this.schedule();
    return this.states.get(id) ?? this.describe(item, {status: 'queued'});
  }

  flush(): Promise<void> {
    return this.flushAll(true);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    globalThis.removeEventListener?.('online', this.onOnline);
    this.channel?.close();
  }

  private async storeReady(): Promise<QueueStore> {
    await this.ready;
    return this.store!;
  }

  private newItem(submission: Submission): QueueItem {
    const now = Date.now();
    const {endpoint} = this.settings;
    return {
      id: submission.id,
      endpoint,
      submission,
      queuedAt: now,
      attempts: 0,
      nextAttemptAt: now,
    };
  }

  /**
   * Items queued for another collector (two providers' forms on one site share the database) are
   * never sent here: that would hand one provider's feedback to another.
   */
  private readonly mine = (item: QueueItem) => item.endpoint === this.settings.endpoint;

  private expired(item: QueueItem, now = Date.now()): boolean {
    return now - item.queuedAt >= this.settings.maxAgeMs;
  }

  private async itemOrNew(submission: Submission): Promise<QueueItem> {
    return (await this.store!.get(submission.id)) ?? this.newItem(submission);
  }

  /**
   * Tries every item that is due. `force` (on start, on `online`, from flush()) also tries items
   * still in their backoff, but never before a wait the collector asked for (Retry-After).
   */
  private flushAll(force: boolean): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.flushing) {
      this.again = true;
      this.againForced ||= force;
      return this.flushing;
    }
    const run = async () => {
      const store = await this.storeReady();
      let forced = force;
      do {
        this.again = false;
        // One at a time: a page never has two requests of its own in flight, which also keeps
        // keepalive bodies under the browser's 64 KiB budget.
        for (const item of await store.all()) {
          if (this.closed) return;
          if (this.mine(item) || this.expired(item)) await this.attempt(item.id, forced);
        }
        forced = this.againForced;
        this.againForced = false;
      } while (this.again && !this.closed);
    };
    this.flushing = run()
      .catch(() => undefined)
      .finally(() => {
        this.flushing = undefined;
        void this.schedule();
      });
    return this.flushing;
  }

  /** Tries one item, unless this transport or another one is already sending it. */
  private attempt(id: string, force: boolean): Promise<void> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const run = whileLocked(`care-feedback:${this.settings.databaseName}:${id}`, () =>
      this.attemptLocked(id, force),
    )
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private async attemptLocked(id: string, force: boolean): Promise<void> {
    const store = this.store!;
    // Read again under the lock: another tab may have delivered it a moment ago.
    const item = await store.get(id);
    if (!item) return;
    const now = Date.now();
    // Whoever finds an item too old removes it, whichever collector it was for: nothing stays on
    // the device longer than maxAgeMs.
    if (this.expired(item, now)) {
      await store.delete(id);
      this.update(item, {status: 'failed', reason: 'expired'});
      return;
    }
    if (!this.mine(item)) return;
    if (item.nextAttemptAt > now && (!force || item.held)) return;
    const outcome = await this.post(item);
    if (outcome.kind !== 'retry') {
      // Removed only now that the collector has answered for good.
      await store.delete(id);
      this.settle(item, outcome);
      return;
    }
    const {retryDelayMs, maxRetryDelayMs} = this.settings;
    const wait = Math.max(
      outcome.retryAfterMs ?? 0,
      backoffDelay(item.attempts, retryDelayMs, maxRetryDelayMs),
    );
    const next: QueueItem = {
      ...item,
      nextAttemptAt: Date.now() + wait,
      held: outcome.retryAfterMs !== undefined,
      httpStatus: outcome.httpStatus,
    };
    await store.put(next);
    this.update(next, {status: 'queued'});
  }

  /** The queue is full: try once without keeping it, and say plainly if that did not deliver it. */
  private async sendUnqueued(item: QueueItem): Promise<DeliveryState> {
    await whileLocked(`care-feedback:${this.settings.databaseName}:${item.id}`, async () => {
      const outcome = await this.post(item);
      if (outcome.kind === 'retry') {
        this.update(
          {...item, httpStatus: outcome.httpStatus},
          {status: 'failed', reason: 'overflow'},
        );
      } else {
        this.settle(item, outcome);
      }
    });
    const state = this.states.get(item.id);
    return state && state.status !== 'sending'
      ? state
      : this.update(item, {status: 'failed', reason: 'overflow'});
  }

  private post(item: QueueItem): Promise<PostOutcome> {
    item.attempts += 1;
    this.update(item, {status: 'sending'});
    return postSubmission(this.settings.endpoint, item.submission, this.settings.path);
  }

  private settle(item: QueueItem, outcome: Exclude<PostOutcome, {kind: 'retry'}>): void {
    if (outcome.kind === 'delivered') {
      const {httpStatus, reference, receivedAt} = outcome;
      this.update(item, {status: 'delivered', httpStatus, reference, receivedAt});
    } else {
      const {httpStatus, errors} = outcome;
      this.update(item, {status: 'failed', reason: 'rejected', httpStatus, errors});
    }
  }

  private describe(
    item: QueueItem,
    patch: Partial<DeliveryState> & {status: DeliveryStatus},
  ): DeliveryState {
    const state: DeliveryState = {
      id: item.id,
      attempts: item.attempts,
      httpStatus: item.httpStatus,
      ...patch,
    };
    if (state.status === 'queued') state.nextAttemptAt = item.nextAttemptAt;
    for (const key of Object.keys(state) as (keyof DeliveryState)[]) {
      if (state[key] === undefined) delete state[key];
    }
    return state;
  }

  private update(
    item: QueueItem,
    patch: Partial<DeliveryState> & {status: DeliveryStatus},
  ): DeliveryState {
    const state = this.describe(item, patch);
    this.publish(state);
    if (!this.closed) this.channel?.postMessage(state);
    return state;
  }

  private publish(state: DeliveryState): void {
    this.states.set(state.id, state);
    this.dispatchEvent(new CustomEvent('care-transport-status', {detail: state}));
  }

  /** Another transport of this site moved an item this one was asked to send: pass it on. */
  private heard(state: DeliveryState): void {
    const known = this.states.get(state.id);
    if (known && known.status !== 'delivered' && known.status !== 'failed') this.publish(state);
  }

  private storageChanged(persistence: Persistence, reason?: string): void {
    this.persistence = persistence;
    const detail: TransportStorageEventDetail = reason ? {persistence, reason} : {persistence};
    this.dispatchEvent(new CustomEvent('care-transport-storage', {detail}));
  }

  private async schedule(): Promise<void> {
    if (this.closed || !this.store) return;
    const items = await this.store.all();
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.closed || items.length === 0) return;
    let next = Infinity;
    for (const item of items) {
      const due = this.mine(item) ? item.nextAttemptAt : Infinity;
      next = Math.min(next, due, item.queuedAt + this.settings.maxAgeMs);
    }
    // An item already due is being sent by another tab: look again a little later.
    const wait = Math.min(LONGEST_TIMER, Math.max(next - Date.now(), this.settings.retryDelayMs));
    this.timer = setTimeout(() => void this.flushAll(false), wait);
  }
}

/**
 * Creates a transport for one collector. Submissions are kept on the device (IndexedDB) until the
 * collector confirms them, retried with backoff, and reported through `care-transport-status` events.
 */
export function createTransport(options: TransportOptions): Transport {
  return new CareTransport(options);
}
