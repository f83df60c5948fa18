// Loads the glossary on demand: the built-in one, plus or instead of a provider's, fetched once per page.
import {assetUrl, loadJson} from './assets.js';
import {getConfig} from './config.js';
import {
  findEntry,
  mergeGlossaries,
  parseGlossary,
  type Glossary,
  type GlossaryEntry,
} from '../glossary-data/glossary-data.js';

export type {Glossary, GlossaryEntry};

/** How a provider's glossary combines with the built-in one. */
export type GlossaryMode = 'merge' | 'replace';

export interface GlossarySource {
  /** A provider glossary URL (the `glossary-url` attribute); falls back to `config.glossaryUrl`. */
  url?: string | undefined;
  /** A provider glossary object (the `glossary` property); wins over `url`. */
  glossary?: unknown;
  /** `merge` (default) adds and overrides terms; `replace` uses the provider's terms alone. */
  mode?: GlossaryMode | string | undefined;
}

/** The built-in glossary's path. Its content is in English whatever the interface language. */
export const BUILT_IN_GLOSSARY = 'glossary/en-GB.json';

let builtIn: Promise<Glossary> | undefined;
const fromUrl = new Map<string, Promise<Glossary>>();
const fromObject = new WeakMap<object, Promise<Glossary>>();

function reportBadGlossary(where: string, problems: string[]): void {
  // A console error, not a dev warning: a provider must see this in production too, because their
  // terms are silently missing until they fix the file.
  console.error(
    `[care-feedback] The glossary from ${where} was not used, so the built-in glossary is shown instead. Problems:\n- ${problems.join('\n- ')}`,
  );
}

/** The built-in glossary, fetched the first time anything asks for it. */
export function loadBuiltInGlossary(): Promise<Glossary> {
  builtIn ??= loadJson(assetUrl(BUILT_IN_GLOSSARY)).then((json) => {
    const parsed = parseGlossary(json);
    if (!parsed.ok)
      throw new Error(`The built-in glossary is invalid: ${parsed.problems.join('; ')}`);
    return parsed.glossary;
  });
  // A failed fetch (offline) may work on the next try.
  builtIn.catch(() => (builtIn = undefined));
  return builtIn;
}

async function combine(json: unknown, where: string, mode: string | undefined): Promise<Glossary> {
  const parsed = parseGlossary(json);
  if (!parsed.ok) {
    reportBadGlossary(where, parsed.problems);
    return loadBuiltInGlossary();
  }
  if (mode === 'replace') return parsed.glossary;
  return mergeGlossaries(await loadBuiltInGlossary(), parsed.glossary);
}

/**
 * The glossary an element should use. Several elements asking for the same source share one fetch
 * and one parsed result. A provider glossary that is missing or invalid logs a console error naming
 * the problems and the built-in glossary is used instead.
 */
export function loadGlossary(source: GlossarySource = {}): Promise<Glossary> {
  const config = getConfig();
  const mode = source.mode ?? (config['glossaryMode'] as string | undefined);
  if (source.glossary != null && typeof source.glossary === 'object') {
    const object = source.glossary as object;
    let pending = fromObject.get(object);
    if (!pending) {
      pending = combine(object, 'the glossary property', mode);
      fromObject.set(object, pending);
    }
    return pending;
  }
  const url = source.url || config.glossaryUrl;
  if (!url) return loadBuiltInGlossary();
  const absolute = new URL(url, document.baseURI).href;
  const key = `${mode ?? 'merge'} ${absolute}`;
  let pending = fromUrl.get(key);
  if (!pending) {
    pending = loadJson(absolute).then(
      (json) => combine(json, absolute, mode),
      (error: unknown) => {
        reportBadGlossary(absolute, [error instanceof Error ? error.message : String(error)]);
        return loadBuiltInGlossary();
      },
    );
    fromUrl.set(key, pending);
  }
  return pending;
}

/** The entry for `text` (a term or any alias, any letter case), or undefined. */
export function lookUp(glossary: Glossary, text: string): GlossaryEntry | undefined {
  return findEntry(glossary, text) ?? undefined;
}

/** The URL fragment id of an entry in <care-glossary>; <care-jargon> links to it. */
export function entryFragment(id: string): string {
  return `term-${id}`;
}
