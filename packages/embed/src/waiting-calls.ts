// CareFeedback exists as soon as the tag has run: calls a page makes before the code has arrived are
// kept, in order, and run once it has (as Sentry's loader does). The loader (care-feedback.js) puts
// the stand-in on the page; the module entry takes the calls from it and puts the real one in its place.

/** Marks the stand-in, so the entry can tell it from a copy that has started. */
const STAND_IN = Symbol.for('care-feedback.stand-in');

/** The methods a page may call before the code arrives: each one is kept and run later. */
const KEPT = ['configure', 'open', 'close'] as const;
type KeptName = (typeof KEPT)[number];
export type WaitingCall = {name: KeptName; args: unknown[]};

type StandIn = {[STAND_IN]: WaitingCall[]};

/**
 * Puts a stand-in CareFeedback on the page if there is none yet. `version` is known; `elements` is
 * empty and `getConfig()` answers what was asked of `configure()` so far, until the code arrives.
 */
export function putStandIn(version: string): void {
  const page = window as unknown as {CareFeedback?: unknown};
  if (page.CareFeedback) return;
  const waiting: WaitingCall[] = [];
  const keep =
    (name: KeptName) =>
    (...args: unknown[]) => {
      waiting.push({name, args});
    };
  const standIn = {
    [STAND_IN]: waiting,
    version,
    elements: Object.freeze([]),
    getConfig: () =>
      Object.freeze(
        Object.assign(
          {},
          ...waiting.filter((call) => call.name === 'configure').map((call) => call.args[0] ?? {}),
        ),
      ),
    ...Object.fromEntries(KEPT.map((name) => [name, keep(name)])),
  };
  // Not writable, as the real one is not; configurable, so the real one can take its place.
  Object.defineProperty(window, 'CareFeedback', {value: Object.freeze(standIn), configurable: true, enumerable: false, writable: false});
}

/** Whether `existing` is a loader's stand-in (of any version), not a copy that has started. */
export function isStandIn(existing: unknown): boolean {
  return Boolean(existing) && typeof existing === 'object' && STAND_IN in (existing as object);
}

/** The calls kept by a stand-in, or undefined if `existing` is a copy that has really started. */
export function takeWaitingCalls(existing: unknown): WaitingCall[] | undefined {
  if (!isStandIn(existing)) return undefined;
  return (existing as StandIn)[STAND_IN].splice(0);
}
