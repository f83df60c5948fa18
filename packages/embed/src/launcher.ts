// Adds the floating launcher when the script tag asks for one, and opens the form for CareFeedback.open().
import {getConfig} from './elements-modules.js';
import {loadElement} from './elements.js';
import type {LauncherCorner} from './settings.js';

const TAG = 'care-feedback-launcher';

export interface OpenOptions {
  /** Preselects a kind: `complaint`, `compliment`, `comment`, `suggestion` or `concern`. */
  kind?: string;
  /** The id of the rights-charter item the feedback is about. */
  charterRight?: string;
}

/** The part of <care-feedback-launcher> this bundle relies on. */
interface LauncherElement extends HTMLElement {
  services?: unknown;
  open(options?: OpenOptions): Promise<void>;
  close(options?: {force?: boolean}): void;
}

/** Runs `callback` once the page's own markup is parsed, so the launcher never races the page. */
export function whenParsed(callback: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback, {once: true});
  else callback();
}

/**
 * A launcher at the end of the page. Its button is fixed to a corner, so nothing on the page moves
 * when it arrives; without a corner it is `hidden`: no button, but its dialog still opens.
 */
function createLauncher(corner: LauncherCorner | undefined): LauncherElement {
  const launcher = document.createElement(TAG) as LauncherElement;
  if (corner) launcher.setAttribute('position', corner);
  else launcher.hidden = true;
  const services = getConfig()['services'];
  if (services) launcher.services = services;
  document.body.append(launcher);
  return launcher;
}

/** Adds the launcher once the page is parsed, unless the provider placed one themselves. */
export function addLauncher(corner: LauncherCorner): void {
  // Its code is fetched now, while the page is still being read, so the button comes soon after.
  void loadElement(TAG);
  whenParsed(() => {
    if (!document.querySelector(TAG)) createLauncher(corner);
  });
}

/** Opens the form in the launcher's dialog, adding a launcher with no button if the page has none. */
export function openFeedback(options: OpenOptions = {}): void {
  // Both pieces of code are fetched at once; the dialog opens when the launcher's is here.
  void loadElement('care-feedback-form');
  const launcherLoaded = loadElement(TAG);
  whenParsed(async () => {
    const launcher = (document.querySelector(TAG) as LauncherElement | null) ?? createLauncher(undefined);
    await launcherLoaded;
    await customElements.whenDefined(TAG);
    void launcher.open(options);
  });
}

/** Closes the dialog; a form holding unsent words asks first. Before the launcher's code is here, nothing is open. */
export function closeFeedback(): void {
  (document.querySelector(TAG) as LauncherElement | null)?.close?.();
}
