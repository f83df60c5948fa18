// The glossary's data shape, a hand-written validator for glossary JSON, merging and fast look-up. No DOM here.

import {
  ID_PATTERN,
  Problems,
  checkVersion,
  isRecord,
  itemLabel,
  own,
  quote,
  readLocale,
  readText,
  readTextItems,
} from './validate.js';

/** One term in the glossary. */
export interface GlossaryEntry {
  /** Unique kebab-case id, also the URL fragment in `<care-glossary>`, e.g. `direct-payment`. */
  id: string;
  /** The term as people usually write it, e.g. `direct payment` or `CQC`. */
  term: string;
  /** Other ways of writing it: plurals, abbreviations, spellings. */
  aliases: string[];
  /** Plain English, about 40 words at most. */
  definition: string;
  /** Easy read: very short sentences, one idea each. Falls back to `definition` when a file leaves it out. */
  easyRead: string;
  /** Ids of other terms worth reading next. */
  related: string[];
  /**
   * The language this entry is written in, when it is not the glossary's `locale`: a Welsh entry
   * merged over the English glossary says `cy`. Set by `mergeGlossaries`; never read from a file.
   */
  lang?: string;
}

/** A whole glossary file (`glossary/<locale>.json`) or a provider's own terms. */
export interface Glossary {
  version: 1;
  locale: string;
  terms: GlossaryEntry[];
}

export type GlossaryResult = {ok: true; glossary: Glossary} | {ok: false; problems: string[]};

/**
 * Upper bounds that keep a hostile or broken file from reaching the page. They are far above
 * what good content needs: the built-in definitions stay under 40 words (about 260 characters).
 */
export const GLOSSARY_LIMITS = {
  terms: 2000,
  id: 80,
  term: 100,
  aliases: 20,
  related: 20,
  definition: 1000,
  easyRead: 1000,
  locale: 35,
  /** A broken file gets this many problems listed, then a count of the rest. */
  problems: 50,
} as const;

/**
 * The form in which two names count as the same: case, spacing, curly apostrophes and
 * hyphens ignored, so "Carers’ assessment" finds "carers' assessment" and "end-of-life care"
 * finds "end of life care".
 */
export function normaliseTerm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .replace(/[-\u2010\u2011\u2012\u2013\u2014]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function readTextList(
  value: unknown,
  field: string,
  maxItems: number,
  maxLength: number,
  where: string,
  problems: Problems,
): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(`${where}: "${field}" must be a list of text.`);
    return undefined;
  }
  if (value.length > maxItems) {
    problems.add(
      `${where}: "${field}" has ${value.length} items; the most allowed is ${maxItems}.`,
    );
    return undefined;
  }
  return readTextItems(value, field, maxLength, where, problems);
}

function readEntry(value: unknown, index: number, problems: Problems): GlossaryEntry | undefined {
  const number = index + 1;
  if (!isRecord(value)) {
    problems.add(`Term ${number}: must be an object with "id", "term" and "definition".`);
    return undefined;
  }
  const rawTerm = own(value, 'term');
  const rawId = own(value, 'id');
  const where = itemLabel('Term', number, rawTerm, rawId);
  const before = problems.list.length;

  const id = readText(rawId, 'id', GLOSSARY_LIMITS.id, where, problems);
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.add(
      `${where}: "id" must be lower-case letters, digits and single hyphens, like "direct-payment".`,
    );
  }
  const term = readText(rawTerm, 'term', GLOSSARY_LIMITS.term, where, problems);
  const aliases = readTextList(
    own(value, 'aliases'),
    'aliases',
    GLOSSARY_LIMITS.aliases,
    GLOSSARY_LIMITS.term,
    where,
    problems,
  );
  const definition = readText(
    own(value, 'definition'),
    'definition',
    GLOSSARY_LIMITS.definition,
    where,
    problems,
  );
  const rawEasy = own(value, 'easyRead');
  const easyRead =
    rawEasy === undefined
      ? definition
      : readText(rawEasy, 'easyRead', GLOSSARY_LIMITS.easyRead, where, problems);
  const related = readTextList(
    own(value, 'related'),
    'related',
    GLOSSARY_LIMITS.related,
    GLOSSARY_LIMITS.id,
    where,
    problems,
  );
  if (related && id !== undefined && related.includes(id)) {
    problems.add(`${where}: "related" must not list the term itself.`);
  }

  if (
    problems.list.length > before ||
    id === undefined ||
    term === undefined ||
    definition === undefined
  )
    return undefined;
  if (!aliases || easyRead === undefined || !related) return undefined;
  // A fresh object with known fields only: unknown fields are dropped, never copied.
  return {
    id,
    term,
    aliases: [...new Set(aliases)],
    definition,
    easyRead,
    related: [...new Set(related)],
  };
}

/**
 * Checks untrusted glossary JSON (already parsed) and returns a clean copy, or every problem
 * found, each a sentence naming the term and field. Unknown fields are ignored.
 * Links in `related` to ids that are not in this file are allowed here, because a provider's
 * extra terms may point at built-in ones: see {@link brokenLinks} and {@link mergeGlossaries}.
 */
export function parseGlossary(json: unknown): GlossaryResult {
  const problems = new Problems(GLOSSARY_LIMITS.problems);
  if (!isRecord(json))
    return {
      ok: false,
      problems: ['The glossary must be a JSON object with "version", "locale" and "terms".'],
    };

  checkVersion(json, 'The glossary', problems);
  const locale = readLocale(json, 'The glossary', GLOSSARY_LIMITS.locale, problems);

  const rawTerms = own(json, 'terms');
  if (!Array.isArray(rawTerms)) {
    problems.add('The glossary "terms" must be a list.');
    return {ok: false, problems: problems.done()};
  }
  if (rawTerms.length > GLOSSARY_LIMITS.terms) {
    problems.add(
      `The glossary has ${rawTerms.length} terms; the most allowed is ${GLOSSARY_LIMITS.terms}.`,
    );
    return {ok: false, problems: problems.done()};
  }

  const terms: GlossaryEntry[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  rawTerms.forEach((raw, index) => {
    const entry = readEntry(raw, index, problems);
    if (!entry) return;
    const where = `Term ${index + 1} (${quote(entry.term)})`;
    const sameId = ids.get(entry.id);
    if (sameId !== undefined)
      problems.add(`${where}: "id" ${quote(entry.id)} is already used by term ${sameId + 1}.`);
    else ids.set(entry.id, index);
    for (const name of [entry.term, ...entry.aliases]) {
      const key = normaliseTerm(name);
      const owner = names.get(key);
      // "-" or "– –" would index as "" and could never be found.
      if (!key) problems.add(`${where}: ${quote(name)} must have more than hyphens and spaces.`);
      else if (owner === index)
        problems.add(`${where}: ${quote(name)} is listed twice in this term.`);
      else if (owner !== undefined)
        problems.add(`${where}: ${quote(name)} is already used by term ${owner + 1}.`);
      else names.set(key, index);
    }
    terms.push(entry);
  });

  if (problems.any || locale === undefined) return {ok: false, problems: problems.done()};
  return {ok: true, glossary: {version: 1, locale, terms}};
}

/** Problems with `related` links: ids that are not in the glossary. Empty when every link works. */
export function brokenLinks(glossary: Glossary): string[] {
  const ids = new Set(glossary.terms.map((entry) => entry.id));
  const problems: string[] = [];
  glossary.terms.forEach((entry, index) => {
    for (const id of entry.related) {
      if (!ids.has(id))
        problems.push(
          `Term ${index + 1} (${quote(entry.term)}): "related" lists ${quote(id)}, which is not in the glossary.`,
        );
    }
  });
  return problems;
}

interface Indexes {
  names: Map<string, GlossaryEntry>;
  ids: Map<string, GlossaryEntry>;
}

// Built once per glossary object, so treat a glossary as read-only once it is in use.
const indexes = new WeakMap<Glossary, Indexes>();

function indexesOf(glossary: Glossary): Indexes {
  let found = indexes.get(glossary);
  if (!found) {
    found = {names: new Map(), ids: new Map()};
    for (const entry of glossary.terms) {
      if (!found.ids.has(entry.id)) found.ids.set(entry.id, entry);
      for (const name of [entry.term, ...entry.aliases]) {
        const key = normaliseTerm(name);
        if (key && !found.names.has(key)) found.names.set(key, entry);
      }
    }
    indexes.set(glossary, found);
  }
  return found;
}

/**
 * A map from each normalised term and alias (see {@link normaliseTerm}) to its entry, built once
 * per glossary object. The first entry to claim a name keeps it (a valid glossary has no clashes).
 */
export function indexGlossary(glossary: Glossary): Map<string, GlossaryEntry> {
  return indexesOf(glossary).names;
}

/**
 * The entry for some text as written on a page ("Direct Payments", "DoLS"), matching terms and
 * aliases whatever the case or spacing, then ids ("direct-payment"). `undefined` when unknown.
 */
export function findEntry(glossary: Glossary, text: string): GlossaryEntry | undefined {
  if (typeof text !== 'string') return undefined;
  const {names, ids} = indexesOf(glossary);
  return names.get(normaliseTerm(text)) ?? ids.get(text.trim().toLowerCase());
}

const copy = (entry: GlossaryEntry): GlossaryEntry => ({
  ...entry,
  aliases: [...entry.aliases],
  related: [...entry.related],
});

/**
 * The built-in glossary with a provider's terms added. A provider term replaces a built-in one
 * with the same id, or whose term or alias matches the provider's term. A replacement keeps the
 * built-in id (so links to it still work) and the built-in names as extra aliases (so pages that
 * use them still find it), and keeps the built-in links unless it lists its own. Any other
 * provider term is added. A name a provider term uses is taken off the aliases of built-in terms;
 * a built-in main term is never taken. Links to ids that do not exist are dropped. When `extra`
 * is in another language than `base`, its terms carry that language in `lang`.
 * Neither input is changed.
 */
export function mergeGlossaries(base: Glossary, extra: Glossary): Glossary {
  const terms = base.terms.map(copy);
  const positionById = new Map(terms.map((entry, i) => [entry.id, i]));
  const positionByName = new Map<string, number>();
  terms.forEach((entry, i) => {
    for (const name of [entry.term, ...entry.aliases]) {
      const key = normaliseTerm(name);
      if (!positionByName.has(key)) positionByName.set(key, i);
    }
  });

  const fromProvider = new Set<number>();
  // Terms in another language than the base say so, so the elements can mark them for screen readers.
  const otherLanguage = extra.locale.toLowerCase() !== base.locale.toLowerCase();
  const copyExtra = (entry: GlossaryEntry): GlossaryEntry => {
    const copied = copy(entry);
    if (otherLanguage) copied.lang = extra.locale;
    else delete copied.lang;
    return copied;
  };
  for (const entry of extra.terms) {
    let position = positionById.get(entry.id);
    if (position === undefined) position = positionByName.get(normaliseTerm(entry.term));
    if (position === undefined || fromProvider.has(position)) {
      position = terms.length;
      terms.push(copyExtra(entry));
      positionById.set(entry.id, position);
    } else {
      const replaced = terms[position]!;
      terms[position] = {
        ...copyExtra(entry),
        id: replaced.id,
        aliases: [...entry.aliases, replaced.term, ...replaced.aliases],
        related: entry.related.length ? [...entry.related] : replaced.related,
      };
    }
    fromProvider.add(position);
  }

  // Provider names win over built-in aliases; a built-in main term wins over everything.
  const builtInTerms = new Set<string>();
  terms.forEach((entry, i) => {
    if (!fromProvider.has(i)) builtInTerms.add(normaliseTerm(entry.term));
  });
  const claimed = new Map<string, number>();
  for (const position of fromProvider) {
    const entry = terms[position]!;
    claimed.set(normaliseTerm(entry.term), position);
  }
  for (const position of fromProvider) {
    const entry = terms[position]!;
    const mainKey = normaliseTerm(entry.term);
    entry.aliases = entry.aliases.filter((name) => {
      const key = normaliseTerm(name);
      if (key === mainKey || builtInTerms.has(key) || claimed.has(key)) return false;
      claimed.set(key, position);
      return true;
    });
  }
  terms.forEach((entry, i) => {
    if (!fromProvider.has(i))
      entry.aliases = entry.aliases.filter((name) => !claimed.has(normaliseTerm(name)));
  });

  const ids = new Set(terms.map((entry) => entry.id));
  for (const entry of terms)
    entry.related = [...new Set(entry.related)].filter((id) => id !== entry.id && ids.has(id));
  return {version: 1, locale: base.locale, terms};
}
