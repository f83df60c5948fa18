// Loads each public element's code when the page needs it: when its tag is in the page (now or later),
// when CareFeedback.open() is called, and the launcher's form when someone reaches for the launcher.
import {removeLibraryGlobals} from './before-globals.js';
import {parseManifest, preloadModules, type PreloadOptions} from './sri.js';

// One dynamic import per tag: the build turns each into its own file under chunks/.
// Each define module checks customElements first, so a second copy defines nothing twice.
const LOADERS: Record<string, () => Promise<unknown>> = {
  'care-feedback-form': () => import('@care-feedback/elements/define/care-feedback-form'),
  'care-feedback-picker': () => import('@care-feedback/elements/define/care-feedback-picker'),
  'care-feedback-launcher': () => import('./care-feedback-launcher.js'),
  'care-jargon': () => import('@care-feedback/elements/define/care-jargon'),
  'care-glossary': () => import('@care-feedback/elements/define/care-glossary'),
  'care-rights-charter': () => import('@care-feedback/elements/define/care-rights-charter'),
  'care-get-involved': () => import('@care-feedback/elements/define/care-get-involved'),
  // A consultation (#16): the plan, its questions, and once decided "We asked, you said, we did".
  'care-consultation': () => import('@care-feedback/elements/define/care-consultation'),
  // "About you" (#15): on a page of its own, or when the form's done screen draws it (see index.ts).
  'care-about-you': () => import('@care-feedback/elements/define/care-about-you'),
};

/** The public tags this bundle defines (DESIGN.md: "the script-tag bundle defines all of them"). */
export const PUBLIC_TAGS: readonly string[] = Object.freeze(Object.keys(LOADERS));

/** Every chunk's hash, and the chunks each tag needs. The build fills this in. */
const MANIFEST = parseManifest('__CARE_CHUNK_MANIFEST__');

const loading = new Map<string, Promise<void>>();
let preloadOptions: PreloadOptions = {};

/** The nonce and crossorigin of the page's tag, for the preload links. */
export function setPreloadOptions(options: PreloadOptions): void {
  preloadOptions = options;
}

/** Loads and defines one public element; resolves once it is defined (or could not be loaded, which is warned about). */
export function loadElement(tag: string): Promise<void> {
  let promise = loading.get(tag);
  if (promise) return promise;
  const loader = LOADERS[tag];
  // Already defined (by another copy, or the page's own import of the elements): nothing to fetch.
  if (!loader || customElements.get(tag)) return Promise.resolve();
  preloadModules(MANIFEST, tag, import.meta.url, preloadOptions);
  promise = loader().then(
    // zod (in the form's code) adds globals as it loads; the contract is one global, so they go at once.
    () => removeLibraryGlobals(),
    (error: unknown) => console.warn(`[care-feedback] Could not load <${tag}>: ${String(error)}`),
  );
  loading.set(tag, promise);
  if (tag === 'care-feedback-launcher') formOnIntent();
  return promise;
}

/**
 * The launcher makes its <care-feedback-form> inside its own shadow root, where no observer of the
 * page sees it. Its code is fetched on intent: when a pointer comes over the launcher, it takes the
 * keyboard focus, or it is pressed (a touch has no hover, so a press starts it). A page view where
 * nobody reaches for the launcher never fetches the form. The dialog opening loads it too (the
 * launcher copes with the form being defined a moment later: it upgrades in place).
 */
const INTENT = ['pointerover', 'focusin', 'pointerdown', 'care-launcher-open'] as const;

function formOnIntent(): void {
  const onIntent = (event: Event) => {
    // The path holds the launcher even when it sits inside another element's shadow root.
    if (!event.composedPath().some((node) => (node as Element).localName === 'care-feedback-launcher')) return;
    for (const type of INTENT) document.removeEventListener(type, onIntent, true);
    void loadElement('care-feedback-form');
  };
  for (const type of INTENT) document.addEventListener(type, onIntent, {capture: true, passive: true});
}

const unloaded = () => PUBLIC_TAGS.filter((tag) => !loading.has(tag));

function loadWithin(root: ParentNode): void {
  for (const tag of unloaded()) if (root.querySelector(tag)) void loadElement(tag);
}

/**
 * Loads the code for every public tag in the page now, and for any added later (a CMS block, a
 * single-page app's next view). The observer stops once every element's code is loaded.
 */
export function watchForElements(): void {
  loadWithin(document);
  if (!unloaded().length) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = node as Element;
        if (element.localName in LOADERS) void loadElement(element.localName);
        if (element.firstElementChild) loadWithin(element);
      }
    }
    if (!unloaded().length) observer.disconnect();
  });
  observer.observe(document, {childList: true, subtree: true});
}
