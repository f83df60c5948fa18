// Fetches an element's code when one is first drawn inside another element's shadow root, where no
// observer of the page sees it: <care-about-you> on the form's done screen. A form that is never sent
// never fetches it.
import type {ReactiveElement} from 'lit';

/** Loads a tag's code; resolves once it is defined or could not be loaded. */
export type ElementLoader = (tag: string) => Promise<unknown>;

let pageLoader: ElementLoader | undefined;

/**
 * The script-tag bundle's own loader, which checks each file against its integrity hash before it
 * runs (packages/embed). Without one (the elements from npm), a plain dynamic import does the work.
 */
export function useElementLoader(loader: ElementLoader): void {
  pageLoader = loader;
}

/**
 * Every `host` of this class, after each update, fetches `tag`'s code with `load` if its shadow root
 * holds that tag and it is not yet defined. The tag upgrades in place when the code arrives.
 */
export function loadWhenDrawn(host: typeof ReactiveElement, tag: string, load: () => Promise<unknown>): void {
  let loading: Promise<unknown> | undefined;
  host.addInitializer((element) => {
    element.addController({
      hostUpdated() {
        if (loading || customElements.get(tag) || !element.renderRoot.querySelector(tag)) return;
        loading = (pageLoader ? pageLoader(tag) : load()).catch((error: unknown) => {
          loading = undefined;
          console.warn(`[care-feedback] <${tag}> did not load: ${String(error)}`);
        });
      },
    });
  });
}
