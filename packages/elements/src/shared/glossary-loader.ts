// Loads the glossary on demand: the built-in one (with its translated terms in Welsh or Urdu), plus or
// instead of a provider's, fetched once per page.
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

/** The built-in glossary's path: the English, which every other language builds on. */
export const BUILT_IN_GLOSSARY = 'glossary/en-GB.json';
/**
 * Languages with built-in translations of the most-used terms (`glossary/<language>.json`). In those
 * languages the built-in glossary is the English with the translated terms in their place, each
 * marked with its language (`lang`); the other terms stay in English.
 */
const TRANSLATED_LANGUAGES = new Set(['cy', 'ur']);

/** The built-in translation for a locale (`cy-GB` → `glossary/cy.json`), or undefined for English. */
export function builtInTranslationFor(locale: string | undefined): string | undefined {
  const language = (locale ?? '').split('-')[0]!.toLowerCase();
  return TRANSLATED_LANGUAGES.has(language) ? `glossary/${language}.json` : undefined;
}

let builtIn: Promise<Glossary> | undefined;
const builtInTranslated = new Map<string, Promise<Glossary>>();
const fromUrl = new Map<string, Promise<Glossary>>();
const fromObject = new WeakMap<object, Map<string, Promise<Glossary>>>();

function reportBadGlossary(where: string, problems: string[]): void {
  // A console error, not a dev warning: a provider must see this in production too, because their
  // terms are silently missing until they fix the file.
  console.error(
    `[care-feedback] The glossary from ${where} was not used, so the built-in glossary is shown instead. Problems:\n- ${problems.join('\n- ')}`,
  );
}

function loadEnglish(): Promise<Glossary> {
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

/**
 * The built-in glossary for `locale`, fetched the first time anything asks for it: the English,
 * with the built-in translated terms over it in Welsh or Urdu. If a translation cannot be loaded,
 * the English is used and the console says why.
 */
export function loadBuiltInGlossary(locale?: string): Promise<Glossary> {
  const translation = builtInTranslationFor(locale);
  if (!translation) return loadEnglish();
  let pending = builtInTranslated.get(translation);
  if (!pending) {
    pending = Promise.all([
      loadEnglish(),
      loadJson(assetUrl(translation)).then(parseGlossary),
    ]).then(([english, parsed]) => {
      if (parsed.ok) return mergeGlossaries(english, parsed.glossary);
      console.error(
        `[care-feedback] The built-in ${translation} is invalid, so the glossary is in English: ${parsed.problems.join('; ')}`,
      );
      return english;
    });
    builtInTranslated.set(translation, pending);
    pending.catch(() => builtInTranslated.delete(translation!));
  }
  return pending;
}

async function combine(
  json: unknown,
  where: string,
  mode: string | undefined,
  locale: string | undefined,
): Promise<Glossary> {
  const parsed = parseGlossary(json);
  if (!parsed.ok) {
    reportBadGlossary(where, parsed.problems);
    return loadBuiltInGlossary(locale);
  }
  if (mode === 'replace') return parsed.glossary;
  return mergeGlossaries(await loadBuiltInGlossary(locale), parsed.glossary);
}

/**
 * The glossary an element should use, for the element's `locale` (which picks the built-in
 * translation, if any). Several elements asking for the same source share one fetch and one
 * parsed result. A provider glossary that is missing or invalid logs a console error naming
 * the problems and the built-in glossary is used instead.
 */
export function loadGlossary(source: GlossarySource = {}, locale?: string): Promise<Glossary> {
  const config = getConfig();
  const mode = source.mode ?? (config['glossaryMode'] as string | undefined);
  const language = builtInTranslationFor(locale) ?? BUILT_IN_GLOSSARY;
  if (source.glossary != null && typeof source.glossary === 'object') {
    const object = source.glossary as object;
    let byLanguage = fromObject.get(object);
    if (!byLanguage) fromObject.set(object, (byLanguage = new Map()));
    let pending = byLanguage.get(language);
    if (!pending) {
      pending = combine(object, 'the glossary property', mode, locale);
      byLanguage.set(language, pending);
    }
    return pending;
  }
  const url = source.url || config.glossaryUrl;
  if (!url) return loadBuiltInGlossary(locale);
  const absolute = new URL(url, document.baseURI).href;
  const key = `${mode ?? 'merge'} ${language} ${absolute}`;
  let pending = fromUrl.get(key);
  if (!pending) {
    pending = loadJson(absolute).then(
      (json) => combine(json, absolute, mode, locale),
      (error: unknown) => {
        reportBadGlossary(absolute, [error instanceof Error ? error.message : String(error)]);
        return loadBuiltInGlossary(locale);
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
