// Registers a custom element once, however many copies of care-feedback a page loads.
import {devWarn} from './dev.js';
import {VERSION} from './version.js';

const versionKey = Symbol.for('care-feedback.versions');

/**
 * Defines `tag` unless it is already defined. A page that loads two different versions keeps the
 * first and warns, rather than throwing "this name has already been used".
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const registry = globalThis as unknown as {[versionKey]?: Record<string, string>};
  const versions = (registry[versionKey] ??= {});
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== element && versions[tag] !== VERSION) {
      devWarn(`<${tag}> is already defined by care-feedback ${versions[tag] ?? '(unknown version)'}; version ${VERSION} was not used.`);
      console.warn(`[care-feedback] Two versions are loaded; <${tag}> keeps version ${versions[tag] ?? 'unknown'}, not ${VERSION}.`);
    }
    return;
  }
  customElements.define(tag, element);
  versions[tag] = VERSION;
}
