// Keeps what a person is typing for this browser session, so a reload or a crashed tab loses nothing.
import type {DraftStore, DraftStoreOptions} from '../transport/types.js';

const PREFIX = 'care-feedback:draft:';

/**
 * A draft kept in `sessionStorage` under `care-feedback:draft:<key>`: it lives as long as the tab's
 * session and never reaches other tabs or later visits. The caller clears it once the submission is
 * delivered. With `storage: 'none'` nothing is written and nothing is read. Never throws: storage
 * that is blocked, full or holds something unreadable just means there is no draft.
 */
export function createDraftStore<T>(key: string, options: DraftStoreOptions = {}): DraftStore<T> {
  const name = PREFIX + key;
  const session = (): Storage | undefined => {
    if (options.storage === 'none') return undefined;
    try {
      // Reading the property itself throws where storage is blocked.
      return globalThis.sessionStorage;
    } catch {
      return undefined;
    }
  };
  return {
    load() {
      try {
        const text = session()?.getItem(name);
        return text == null ? undefined : (JSON.parse(text) as T);
      } catch {
        return undefined;
      }
    },
    save(value) {
      try {
        session()?.setItem(name, JSON.stringify(value));
      } catch {
        // Full (QuotaExceededError) or blocked: the form keeps working, only the draft is not kept.
      }
    },
    clear() {
      try {
        session()?.removeItem(name);
      } catch {
        // Nothing we can do, and nothing was kept that we could reach.
      }
    },
  };
}
