// The `ready` promise the content elements give tests and page scripts: rendered, loaded, strings in, rendered again.
import type {ReactiveElement} from 'lit';

/**
 * Resolves once `element` has rendered, the work `pending()` returns (read after that first render,
 * which may start it) has settled, the interface strings are in, and the result has rendered.
 */
export function whenReady(
  element: ReactiveElement,
  pending: () => Promise<unknown>,
  strings: {ready(): Promise<unknown>},
): Promise<void> {
  return element.updateComplete
    .then(pending)
    .then(() => strings.ready())
    .then(() => element.updateComplete)
    .then(() => undefined);
}
