// What the script tag's settings change on the page itself: theme properties, and services for inline forms.
import {getConfig} from './elements-modules.js';

const NAME = /^[a-z][a-z0-9-]{0,40}$/;

/**
 * `data-theme="accent: #0b5c4b; radius: 8px"` sets `--care-accent` and `--care-radius` for every
 * element. Only `--care-*` custom properties can be set, so the tag cannot restyle the page itself.
 * They go in an adopted stylesheet, which a strict CSP allows (no style attribute, no <style>).
 */
export function applyTheme(theme: string): void {
  const rules: string[] = [];
  for (const pair of theme.split(';')) {
    const colon = pair.indexOf(':');
    const name = pair.slice(0, colon).trim().toLowerCase().replace(/^--care-|^--/, '');
    const value = pair.slice(colon + 1).trim();
    // A value cannot close the rule or open another: braces, semicolons and backslashes are refused.
    if (colon > 0 && NAME.test(name) && value && !/[{};\\<]/.test(value)) rules.push(`--care-${name}:${value}`);
  }
  if (!rules.length) return;
  const sheet = new CSSStyleSheet();
  // A low-specificity :where() rule, so any --care-* the provider sets in their own CSS still wins.
  sheet.replaceSync(`:where(:root){${rules.join(';')}}`);
  document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
}

/** Gives `data-services` to forms on the page that have no `services` of their own (attributes win). */
export function shareServices(): void {
  const services = getConfig()['services'];
  if (!services) return;
  for (const form of document.querySelectorAll('care-feedback-form:not([services])')) {
    const element = form as HTMLElement & {services?: unknown[]};
    if (!element.services?.length) element.services = services as unknown[];
  }
}
