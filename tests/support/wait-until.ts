// Waits for a condition, in Node tests and in browser tests alike: the one way a test waits for
// something to happen, instead of sleeping for a fixed time and hoping it has.
//
// It has the signature of @open-wc/testing's waitUntil, but that one gives up after 1 s, which a busy
// machine can take over a real HTTP round trip or a render. This one gives up only when the condition
// has plainly never come (15 s), so it fails for a wrong result, not a slow machine. It asserts no time:
// how long the wait took is never checked.

/** How long to wait before deciding the condition will never come. */
export const NEVER_MS = 15_000;

/**
 * Resolves once `predicate()` (awaited) is truthy, checking it every `interval` ms; rejects with
 * `message` if it is still false after `timeout` ms (15 s unless given), or with the predicate's own
 * error if it throws.
 */
export async function waitUntil(
  predicate: () => unknown,
  message?: string,
  {interval = 20, timeout = NEVER_MS}: {interval?: number; timeout?: number} = {},
): Promise<void> {
  // Kept from the call, so a failure points at the test's line rather than at this loop.
  const {stack} = new Error();
  const giveUpAt = Date.now() + timeout;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > giveUpAt) {
      const error = new Error(
        message ? `Timeout: ${message}` : `the condition never came true in ${timeout} ms`,
      );
      error.stack = `${error.message}\n${stack?.split('\n').slice(1).join('\n') ?? ''}`;
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
