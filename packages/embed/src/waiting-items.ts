// Feedback and sign-ups a person sent while offline wait in this device's IndexedDB. They go on the next
// page view of the site where the network is up, whether or not anyone opens a form: this peeks at the
// queues with the browser's own IndexedDB calls (a few hundred bytes), and only when something waits for
// this page's collector does it fetch the transport to send it.

/**
 * The queues the transport keeps, by what they hold: core's createTransport names the database
 * `care-feedback` for feedback and `care-feedback-<path>` for another path, each with a store `queue`.
 */
const QUEUES = [
  {database: 'care-feedback', path: 'submissions'},
  {database: 'care-feedback-involvement', path: 'involvement'},
] as const;
const STORE = 'queue';

/** The endpoint as the transport stores it on each item: without a trailing slash. */
const trimmed = (endpoint: string) => endpoint.replace(/\/+$/, '');

/** Resolves with every waiting item's endpoint, or none if IndexedDB cannot be read (then nothing was kept in it either). */
function waitingEndpoints(database: string): Promise<string[]> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(database);
    } catch {
      return resolve([]);
    }
    // A device that never queued anything has no database yet. Opening made an empty one, so it gets
    // the store the transport would make (as idb-keyval does), or the transport could not use it later.
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => resolve([]);
    request.onblocked = () => resolve([]);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const read = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
        read.onsuccess = () => resolve((read.result as {endpoint?: unknown}[]).map((item) => String(item?.endpoint)));
        read.onerror = () => resolve([]);
      } catch {
        resolve([]);
      } finally {
        db.close();
      }
    };
  });
}

/**
 * Sends what an earlier page left waiting for `endpoint` (and only for it: each item goes to its own
 * collector), feedback and sign-ups alike. `storage: 'none'` keeps nothing on the device, so there is
 * nothing to look for.
 */
export async function sendWaitingItems(endpoint: string | undefined, storage: string | undefined): Promise<void> {
  if (!endpoint || storage === 'none' || typeof indexedDB === 'undefined') return;
  const mine = trimmed(endpoint);
  await Promise.all(
    QUEUES.map(async ({database, path}) => {
      if (!(await waitingEndpoints(database)).includes(mine)) return;
      const {sendWaitingItems: send} = await import('@care-feedback/elements/shared/delivery');
      send(endpoint, path);
    }),
  );
}
