// Turns a script tag's data-* attributes into care-feedback settings.
import type {CareConfig} from './elements-modules.js';

/** Where the launcher may sit; `none` (or no attribute) adds no launcher. */
export type LauncherCorner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
export const CORNERS: readonly LauncherCorner[] = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];

/** One service a person can choose in the form, from `data-services`. */
export interface ServiceChoice {
  id: string;
  label: string;
}

// Settings read as they are written: `data-privacy-url` is `dataset.privacyUrl` is the `privacyUrl` setting.
// Only these are read; other data-* attributes are left alone.
const PLAIN = [
  'endpoint',
  'locale',
  'readingLevel',
  'privacyUrl',
  'glossaryUrl',
  'glossaryPage',
  'glossaryMode',
  'theme',
  'storage',
  'assetBase',
  'nation',
] as const;

/**
 * `data-services="home-care-north: Home care (north) | day-centre: The day centre"`: a list of
 * `id: label` pairs split by `|`, because labels may hold commas. An item without a colon is its own label.
 */
export function parseServices(value: string): ServiceChoice[] {
  return value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const colon = item.indexOf(':');
      const id = (colon < 0 ? item : item.slice(0, colon)).trim();
      const label = (colon < 0 ? item : item.slice(colon + 1)).trim() || id;
      return {id, label};
    })
    .filter((service) => service.id);
}

/**
 * A copy loaded from a collector (its `/embed/` folder, DESIGN.md version 2) sends to that collector's
 * `/v1`, so a provider pastes one line with no `data-endpoint`. A tag's own `data-endpoint` still wins.
 */
export function collectorBeside(folder: string): CareConfig {
  const url = new URL(folder);
  return url.pathname.endsWith('/embed/') ? {endpoint: new URL('../v1', url).href} : {};
}

/** The settings a tag asks for. Empty attributes count as not set. */
export function readSettings(script: HTMLOrSVGScriptElement | null): CareConfig {
  const settings: CareConfig = {};
  if (!script) return settings;
  const data = script.dataset;
  for (const setting of PLAIN) {
    const value = data[setting]?.trim();
    if (value) (settings as Record<string, unknown>)[setting] = value;
  }
  if (settings.readingLevel && settings.readingLevel !== 'easy') settings.readingLevel = 'standard';
  if (settings.storage && settings.storage !== 'none') settings.storage = 'local';
  const services = data.services?.trim();
  if (services) settings.services = parseServices(services);
  return settings;
}

/** The corner asked for by `data-launcher`, or undefined for none. `data-launcher` alone means bottom-right. */
export function launcherCorner(script: HTMLOrSVGScriptElement | null): LauncherCorner | undefined {
  const value = script?.dataset.launcher?.trim().toLowerCase();
  if (value === undefined || value === 'none' || value === 'false') return undefined;
  return (CORNERS as readonly string[]).includes(value) ? (value as LauncherCorner) : 'bottom-right';
}
