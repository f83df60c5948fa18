// The classic script a provider pastes (care-feedback.js): it loads the module build from beside itself,
// each file checked against the hash the build recorded here, so the tag's own integrity covers them all.
import {parseManifest, preloadModules} from './sri.js';
import {putStandIn} from './waiting-calls.js';
import {VERSION} from '@care-feedback/elements/shared/version';

/** care-feedback.mjs and what it imports statically, with their hashes. The build fills this in. */
const MANIFEST = parseManifest('__CARE_ENTRY_MANIFEST__');

/** Script optimisers that run scripts late hide document.currentScript; then the last tag by its name stands in. */
function ownTag(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const tags = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  return tags.reverse().find((tag) => /\/care-feedback(\.min)?\.js$/.test(new URL(tag.src, location.href).pathname)) ?? null;
}

// CareFeedback is there at once: the page's own scripts may call it before the code below arrives.
putStandIn(VERSION);

const tag = ownTag();
if (tag?.src) {
  const entry = new URL('care-feedback.mjs', tag.src).href;
  // The first tag to run claims the page for its copy, now, before any module has loaded: two
  // versions' modules may arrive in either order, and the first tag's copy must stay in charge.
  const claims = globalThis as {[key: symbol]: string | undefined};
  claims[Symbol.for('care-feedback.first')] ??= entry;
  preloadModules(MANIFEST, 'entry', entry, {nonce: tag.nonce, crossOrigin: tag.crossOrigin});
  // The module starts with this tag's settings. Loaded twice, it is one module, started once.
  import(entry).then(
    (module: {start?: (script: HTMLScriptElement) => void}) => module.start?.(tag),
    (error: unknown) => console.warn(`[care-feedback] Could not load ${entry}: ${String(error)}`),
  );
}
