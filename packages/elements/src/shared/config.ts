// Page-wide settings (from the script tag or CareFeedback.configure). An element's own attribute wins.

export interface CareConfig {
  /** Collector base URL, e.g. `https://collector.example/v1`. */
  endpoint?: string;
  /** `en-GB` (default), `cy`, `ur`. */
  locale?: string;
  /** `easy` for easy-read wording. */
  readingLevel?: 'standard' | 'easy';
  privacyUrl?: string;
  /** Where the glossary JSON lives, to replace the built-in one. */
  glossaryUrl?: string;
  /** Where locales/, glossary/ and charter/ are served from. Defaults to beside the code. */
  assetBase?: string;
  /** `local` keeps drafts and the send queue on the device; `none` writes nothing (shared devices). */
  storage?: 'local' | 'none';
  /** `england` (default), `wales`, `scotland` or `northern-ireland`: whose ombudsman people are told about. */
  nation?: string;
  [setting: string]: unknown;
}

const listeners = new Set<() => void>();
let current: CareConfig = {};

export function getConfig(): Readonly<CareConfig> {
  return current;
}

/** Merges settings into the page-wide config and tells every connected element. */
export function configure(settings: CareConfig): void {
  current = {...current, ...settings};
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the config changes; returns a function that stops it. */
export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
