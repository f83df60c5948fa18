// The module entry (care-feedback.mjs): reads settings from its script tag, exposes one global, CareFeedback,
// applies the theme, adds the launcher when asked, and loads each element's code only when the page needs it.
import {removeLibraryGlobals} from './before-globals.js';
import {configure, getConfig, useElementLoader, VERSION, type CareConfig} from './elements-modules.js';
import {loadElement, PUBLIC_TAGS, setPreloadOptions, watchForElements} from './elements.js';
import {collectorBeside, launcherCorner, readSettings} from './settings.js';
import {addLauncher, closeFeedback, openFeedback, whenParsed, type OpenOptions} from './launcher.js';
import {applyTheme, shareServices} from './page.js';
import {isStandIn, takeWaitingCalls} from './waiting-calls.js';
import {sendWaitingItems} from './waiting-items.js';

/** What `window.CareFeedback` offers a provider's own scripts. */
export interface CareFeedbackGlobal {
  readonly version: string;
  /** The tags this copy defines (each one's code loads when the page first uses it). */
  readonly elements: readonly string[];
  /** Changes page-wide settings; an element's own attributes still win. */
  configure(settings: CareConfig): void;
  /** The page-wide settings now in force. */
  getConfig(): Readonly<CareConfig>;
  /** Opens the feedback form in a dialog, e.g. `CareFeedback.open({kind: 'complaint'})`. */
  open(options?: OpenOptions): void;
  /** Closes that dialog if it is open. */
  close(): void;
}

declare global {
  interface Window {
    CareFeedback?: CareFeedbackGlobal;
  }
}

const FOLDER = new URL('./', import.meta.url).href;
/** The module URL of the copy whose tag ran first; a symbol on globalThis, not a name the page could meet. */
const FIRST = Symbol.for('care-feedback.first');
const claims = globalThis as {[FIRST]?: string};

/** Whether a tag loads this copy: this module itself, or the classic script (care-feedback.js) beside it. */
function isOwnTag(script: HTMLScriptElement): boolean {
  if (script.src === import.meta.url) return true;
  const url = new URL(script.src, location.href);
  return new URL('./', url).href === FOLDER && /\/care-feedback(\.min)?\.m?js$/.test(url.pathname);
}

/**
 * This copy's tag, for its data-* settings. A module has no document.currentScript, so it is the
 * first tag in the page that loads this copy: loaded twice, the first tag's settings win. A copy
 * from another folder (another version) has tags of its own.
 */
function ownScript(): HTMLScriptElement | null {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find(isOwnTag) ?? null;
}

let started = false;

/**
 * Starts this copy once. care-feedback.js calls it with its own tag (which may have been renamed);
 * a `<script type="module">` tag is found by ownScript().
 */
export function start(script: HTMLScriptElement | null = ownScript()): void {
  if (started) return;
  started = true;
  // Modules load in whatever order the network returns them, but the copy whose tag ran first is
  // in charge (see bootstrap.ts). If that is another copy still loading, it starts first, then this one.
  const first = (claims[FIRST] ??= import.meta.url);
  if (first !== import.meta.url && (!window.CareFeedback || isStandIn(window.CareFeedback))) {
    import(first).then(
      () => begin(script),
      () => begin(script),
    );
  } else begin(script);
}

function begin(script: HTMLScriptElement | null): void {
  removeLibraryGlobals();
  const existing = window.CareFeedback;
  // The loader's stand-in holds the calls the page made before this code arrived; a started copy holds none.
  const waiting = takeWaitingCalls(existing);
  if (existing && !waiting) {
    // Loaded twice (a plugin and a theme both add the tag, or two versions): the first copy stays in charge.
    if (existing.version !== VERSION) {
      console.warn(`[care-feedback] Version ${existing.version} is already on this page; version ${VERSION} was not started.`);
    }
    return;
  }
  // Locales, the glossary and the charter are loaded on demand from beside the code itself.
  // Sent to the collector the code came from, unless the tag names another.
  configure({assetBase: FOLDER, ...collectorBeside(FOLDER), ...readSettings(script)});
  setPreloadOptions({nonce: script?.nonce, crossOrigin: script?.crossOrigin});
  // Elements drawn inside another's shadow root (the form's "About you") load through the same checked loader.
  useElementLoader(loadElement);

  const api: CareFeedbackGlobal = Object.freeze({
    version: VERSION,
    elements: PUBLIC_TAGS,
    configure,
    getConfig,
    open: openFeedback,
    close: closeFeedback,
  });
  Object.defineProperty(window, 'CareFeedback', {value: api, configurable: true, enumerable: false, writable: false});

  const theme = getConfig()['theme'];
  if (typeof theme === 'string') applyTheme(theme);
  const corner = launcherCorner(script);
  if (corner) addLauncher(corner);
  watchForElements();
  whenParsed(shareServices);
  // Then what the page asked for while the code was on its way, in the order it asked.
  for (const {name, args} of waiting ?? []) {
    try {
      (api[name] as (...given: unknown[]) => void)(...args);
    } catch (error) {
      console.warn(`[care-feedback] CareFeedback.${name}() made before the code arrived failed: ${String(error)}`);
    }
  }
  // Feedback an earlier page kept on this device goes now, to the collector these settings name.
  whenParsed(() => void sendWaitingItems(getConfig().endpoint, getConfig().storage));
}

// A module tag starts at once. If no tag names this copy (a renamed care-feedback.js), that script
// calls start() with its tag as soon as this module has run; a task later, it starts with no tag.
if (ownScript()) start();
else setTimeout(() => start(null));
