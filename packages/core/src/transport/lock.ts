// Makes sure only one transport (in this tab or another tab of the same site) sends an item at a time.

// Names held by transports in this page, for browsers without the Web Locks API.
const heldHere = new Set<string>();

/**
 * Runs `task` while holding the lock `name`, unless someone else holds it: then it does not wait and
 * resolves `false`. Web Locks cover every tab of the origin and are let go if a tab closes mid-send.
 * Without them only this page is covered; a second tab may then repeat a send, which the collector
 * stores once because the submission id is its idempotency key.
 */
export async function whileLocked(name: string, task: () => Promise<void>): Promise<boolean> {
  const locks = globalThis.navigator?.locks;
  if (locks) {
    return locks.request(name, {ifAvailable: true}, async (lock) => {
      if (!lock) return false;
      await task();
      return true;
    });
  }
  if (heldHere.has(name)) return false;
  heldHere.add(name);
  try {
    await task();
    return true;
  } finally {
    heldHere.delete(name);
  }
}
