// Where submissions wait until the collector confirms them: IndexedDB (idb-keyval), or memory when it cannot be used.
import {createStore, del, get, set, values, type UseStore} from 'idb-keyval';
import type {Submission} from '../schema/submission.js';
import type {Persistence} from './types.js';

/** One waiting submission, as kept on the device. */
export interface QueueItem {
  id: string;
  /** The collector it is for, without a trailing slash. */
  endpoint: string;
  submission: Submission;
  /** When it was first queued (epoch ms); `maxAgeMs` counts from here. */
  queuedAt: number;
  attempts: number;
  /** Not to be tried again before this (epoch ms). */
  nextAttemptAt: number;
  /** The wait was asked for by the collector (Retry-After), so even a forced flush keeps to it. */
  held?: boolean;
  httpStatus?: number;
}

export interface QueueStore {
  readonly persistence: Persistence;
  get(id: string): Promise<QueueItem | undefined>;
  put(item: QueueItem): Promise<void>;
  delete(id: string): Promise<void>;
  /** Every waiting item, oldest first. */
  all(): Promise<QueueItem[]>;
}

/** Rejects when `promise` has not settled within `ms`: a hanging IndexedDB must not hang the form. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Keeps items in IndexedDB while it works. If opening it fails or hangs, or a later read or write
 * does, every item from then on is kept in memory and `onFallback` says why (once). Items already
 * written to IndexedDB stay there for the next page to send.
 */
class SwitchingQueueStore implements QueueStore {
  persistence: Persistence;
  private readonly memory = new Map<string, QueueItem>();

  constructor(
    private idb: UseStore | undefined,
    private readonly timeoutMs: number,
    private readonly onFallback: (reason: string) => void,
    persistence: Persistence,
  ) {
    this.persistence = persistence;
  }

  private async useIdb<T>(operation: (store: UseStore) => Promise<T>): Promise<T | undefined> {
    const store = this.idb;
    if (!store) return undefined;
    try {
      return await withTimeout((async () => operation(store))(), this.timeoutMs, 'IndexedDB');
    } catch (error) {
      if (this.idb) {
        this.idb = undefined;
        this.persistence = 'memory';
        this.onFallback(`IndexedDB stopped working: ${describe(error)}`);
      }
      throw error;
    }
  }

  async get(id: string): Promise<QueueItem | undefined> {
    const kept = this.memory.get(id);
    if (kept) return kept;
    return this.useIdb((store) => get<QueueItem>(id, store)).catch(() => undefined);
  }

  async put(item: QueueItem): Promise<void> {
    if (this.idb) {
      try {
        await this.useIdb((store) => set(item.id, item, store));
        return;
      } catch {
        // Fell back to memory (reported): keep the item there rather than lose it.
      }
    }
    this.memory.set(item.id, item);
  }

  async delete(id: string): Promise<void> {
    this.memory.delete(id);
    // A delete that fails leaves the item for a later page to send again; the collector answers it
    // with the same reference, so it is still stored once.
    await this.useIdb((store) => del(id, store)).catch(() => undefined);
  }

  async all(): Promise<QueueItem[]> {
    const onDevice =
      (await this.useIdb((store) => values<QueueItem>(store)).catch(() => undefined)) ?? [];
    const items = new Map<string, QueueItem>();
    for (const item of [...onDevice, ...this.memory.values()]) items.set(item.id, item);
    return [...items.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }
}

/**
 * Opens the queue. `none` never touches IndexedDB. Otherwise IndexedDB is tried, and if it is missing,
 * refuses, or does not answer within `timeoutMs`, the queue lives in memory and the reason is given.
 */
export async function openQueueStore(
  databaseName: string,
  storage: 'local' | 'none',
  timeoutMs: number,
  onFallback: (reason: string) => void,
): Promise<{store: QueueStore; reason?: string}> {
  if (storage === 'none')
    return {store: new SwitchingQueueStore(undefined, timeoutMs, onFallback, 'none')};
  let reason: string;
  if (typeof indexedDB === 'undefined') {
    reason = 'IndexedDB is not available in this browser';
  } else {
    try {
      const idb = createStore(databaseName, 'queue');
      // A real read proves the database opened and holds our object store.
      await withTimeout((async () => values(idb))(), timeoutMs, 'IndexedDB');
      return {store: new SwitchingQueueStore(idb, timeoutMs, onFallback, 'indexeddb')};
    } catch (error) {
      reason = `IndexedDB could not be opened: ${describe(error)}`;
    }
  }
  return {store: new SwitchingQueueStore(undefined, timeoutMs, onFallback, 'memory'), reason};
}
