// Finds the files loaded on demand (locales, glossary, charter) beside the code that asked for them.
import {getConfig} from './config.js';

// From src/shared/ or dist/shared/ alike, the package root is two folders up.
const packageRoot = new URL('../../', import.meta.url).href;

/** The URL of an on-demand asset such as `locales/cy/feedback-form.json`. */
export function assetUrl(path: string): string {
  const base = getConfig().assetBase ?? packageRoot;
  // A provider may give a relative base such as `/care-feedback/`: it is read against the page.
  const folder = new URL(base.endsWith('/') ? base : `${base}/`, document.baseURI);
  return new URL(path, folder).href;
}

const cache = new Map<string, Promise<unknown>>();

/** Fetches and parses a JSON asset once per URL. Rejects on a network error or a non-2xx answer. */
export function loadJson(url: string): Promise<unknown> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url, {credentials: 'same-origin'}).then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json() as Promise<unknown>;
    });
    // A failed load may succeed later (back online), so it is not cached.
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}
