// The rights charter's data shape and a hand-written validator for charter JSON (built-in or a provider's). No DOM here.

// From its own module: the core index would bring the schema (and zod) along into the charter's chunk.
import {NATIONS, type Nation} from '@care-feedback/core/nations';
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
} from './validate.js';

export type CharterSectionType = 'right' | 'responsibility' | 'info';

export const CHARTER_SECTION_TYPES: readonly CharterSectionType[] = [
  'right',
  'responsibility',
  'info',
];

/** One section of the charter: a right, a responsibility, or plain information. */
export interface CharterSection {
  /** Unique kebab-case id, up to 100 characters; sent as `charterRight` with feedback about it. */
  id: string;
  type: CharterSectionType;
  heading: string;
  /**
   * Plain text paragraphs. A provider's HTML, if the element allows any, is cleaned by the element.
   * In the JSON a paragraph may instead be `{"nations": {"england": "…", "wales": "…", "scotland": "…",
   * "northern-ireland": "…"}}`, for a fact that differs by nation (whose ombudsman to go to);
   * `parseCharter` keeps the text for the nation it is asked for.
   */
  paragraphs: string[];
  /** The same section in easy read. Falls back to `paragraphs` when a file leaves it out. */
  easyRead: string[];
  /** Whether to offer "Tell us if this did not happen for you". Defaults to true for rights only. */
  askFeedback: boolean;
}

/** A whole charter (`charter/<locale>.json`) or a provider's own. */
export interface Charter {
  version: 1;
  locale: string;
  title: string;
  intro: string;
  /** Easy-read intro. Falls back to `intro`. */
  introEasy: string;
  sections: CharterSection[];
  /** Optional: when the provider last reviewed it, as `YYYY-MM-DD`. */
  lastReviewed?: string;
  /** Optional: true when it was written with people who use the service. */
  writtenWithPeople?: boolean;
}

export type CharterResult = {ok: true; charter: Charter} | {ok: false; problems: string[]};

export const CHARTER_LIMITS = {
  sections: 60,
  paragraphs: 30,
  id: 100,
  title: 200,
  heading: 200,
  intro: 2000,
  paragraph: 2000,
  locale: 35,
  problems: 50,
} as const;

/** Options for `parseCharter`. */
export interface CharterOptions {
  /** Which text to keep from a paragraph written for each nation. Default `england`. */
  nation?: Nation;
}

const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function readParagraphs(
  value: unknown,
  field: string,
  where: string,
  problems: Problems,
  nation: Nation,
): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(`${where}: "${field}" must be a list of text.`);
    return undefined;
  }
  if (value.length === 0) {
    problems.add(`${where}: "${field}" must have at least one paragraph.`);
    return undefined;
  }
  if (value.length > CHARTER_LIMITS.paragraphs) {
    problems.add(
      `${where}: "${field}" has ${value.length} paragraphs; the most allowed is ${CHARTER_LIMITS.paragraphs}.`,
    );
    return undefined;
  }
  const items: string[] = [];
  let ok = true;
  value.forEach((item, i) => {
    const text = isRecord(item)
      ? readNationParagraph(item, `${field}[${i}]`, nation, where, problems)
      : readText(item, `${field}[${i}]`, CHARTER_LIMITS.paragraph, where, problems);
    if (text === undefined) ok = false;
    else items.push(text);
  });
  return ok ? items : undefined;
}

/**
 * A paragraph written for each nation: `{"nations": {"england": "…", …}}`. Every nation must have
 * its text, so no reader is sent to another nation's ombudsman; the one for `nation` is kept.
 */
function readNationParagraph(
  item: Record<string, unknown>,
  field: string,
  nation: Nation,
  where: string,
  problems: Problems,
): string | undefined {
  const texts = own(item, 'nations');
  if (!isRecord(texts)) {
    problems.add(
      `${where}: "${field}" must be text, or {"nations": {…}} with a text for each of ${NATIONS.join(', ')}.`,
    );
    return undefined;
  }
  let chosen: string | undefined;
  let ok = true;
  for (const each of NATIONS) {
    const text = readText(
      own(texts, each),
      `${field}.nations.${each}`,
      CHARTER_LIMITS.paragraph,
      where,
      problems,
    );
    if (text === undefined) ok = false;
    if (each === nation) chosen = text;
  }
  const unknown = Object.keys(texts).filter((key) => !(NATIONS as readonly string[]).includes(key));
  if (unknown.length) {
    problems.add(
      `${where}: "${field}.nations" has ${unknown.map(quote).join(', ')}; the nations are ${NATIONS.join(', ')}.`,
    );
    ok = false;
  }
  return ok ? chosen : undefined;
}

function readSection(
  value: unknown,
  index: number,
  problems: Problems,
  nation: Nation,
): CharterSection | undefined {
  const number = index + 1;
  if (!isRecord(value)) {
    problems.add(
      `Section ${number}: must be an object with "id", "type", "heading" and "paragraphs".`,
    );
    return undefined;
  }
  const rawHeading = own(value, 'heading');
  const rawId = own(value, 'id');
  const where = itemLabel('Section', number, rawHeading, rawId);
  const before = problems.list.length;

  const id = readText(rawId, 'id', CHARTER_LIMITS.id, where, problems);
  if (id !== undefined && !ID_PATTERN.test(id)) {
    problems.add(
      `${where}: "id" must be lower-case letters, digits and single hyphens, like "dignity".`,
    );
  }
  const type = own(value, 'type');
  if (!CHARTER_SECTION_TYPES.includes(type as CharterSectionType)) {
    problems.add(`${where}: "type" must be "right", "responsibility" or "info".`);
  }
  const heading = readText(rawHeading, 'heading', CHARTER_LIMITS.heading, where, problems);
  const paragraphs = readParagraphs(
    own(value, 'paragraphs'),
    'paragraphs',
    where,
    problems,
    nation,
  );
  const rawEasy = own(value, 'easyRead');
  const easyRead =
    rawEasy === undefined
      ? paragraphs
      : readParagraphs(rawEasy, 'easyRead', where, problems, nation);
  const rawAsk = own(value, 'askFeedback');
  if (rawAsk !== undefined && typeof rawAsk !== 'boolean')
    problems.add(`${where}: "askFeedback" must be true or false.`);

  if (
    problems.list.length > before ||
    id === undefined ||
    heading === undefined ||
    !paragraphs ||
    !easyRead
  )
    return undefined;
  const sectionType = type as CharterSectionType;
  return {
    id,
    type: sectionType,
    heading,
    paragraphs,
    easyRead,
    askFeedback: typeof rawAsk === 'boolean' ? rawAsk : sectionType === 'right',
  };
}

/**
 * Checks untrusted charter JSON (already parsed) and returns a clean copy, or every problem
 * found, each a sentence naming the section and field. Unknown fields are ignored. A paragraph
 * written for each nation keeps the text for `options.nation` (England unless told).
 */
export function parseCharter(json: unknown, options: CharterOptions = {}): CharterResult {
  const nation = options.nation ?? 'england';
  const problems = new Problems(CHARTER_LIMITS.problems);
  if (!isRecord(json)) {
    return {
      ok: false,
      problems: [
        'The charter must be a JSON object with "version", "locale", "title", "intro" and "sections".',
      ],
    };
  }
  const where = 'The charter';
  checkVersion(json, where, problems);
  const locale = readLocale(json, where, CHARTER_LIMITS.locale, problems);
  const title = readText(own(json, 'title'), 'title', CHARTER_LIMITS.title, where, problems);
  const intro = readText(own(json, 'intro'), 'intro', CHARTER_LIMITS.intro, where, problems);
  const rawIntroEasy = own(json, 'introEasy');
  const introEasy =
    rawIntroEasy === undefined
      ? intro
      : readText(rawIntroEasy, 'introEasy', CHARTER_LIMITS.intro, where, problems);

  const lastReviewed = own(json, 'lastReviewed');
  if (
    lastReviewed !== undefined &&
    (typeof lastReviewed !== 'string' || !DATE_PATTERN.test(lastReviewed))
  ) {
    problems.add(
      'The charter "lastReviewed" must be a date written as YYYY-MM-DD, like "2026-11-01".',
    );
  }
  const writtenWithPeople = own(json, 'writtenWithPeople');
  if (writtenWithPeople !== undefined && typeof writtenWithPeople !== 'boolean') {
    problems.add('The charter "writtenWithPeople" must be true or false.');
  }

  const rawSections = own(json, 'sections');
  const sections: CharterSection[] = [];
  if (!Array.isArray(rawSections) || rawSections.length === 0) {
    problems.add('The charter "sections" must be a list with at least one section.');
  } else if (rawSections.length > CHARTER_LIMITS.sections) {
    problems.add(
      `The charter has ${rawSections.length} sections; the most allowed is ${CHARTER_LIMITS.sections}.`,
    );
  } else {
    const ids = new Map<string, number>();
    rawSections.forEach((raw, index) => {
      const section = readSection(raw, index, problems, nation);
      if (!section) return;
      const seen = ids.get(section.id);
      if (seen !== undefined) {
        problems.add(
          `Section ${index + 1} (${quote(section.heading)}): "id" ${quote(section.id)} is already used by section ${seen + 1}.`,
        );
      } else ids.set(section.id, index);
      sections.push(section);
    });
  }

  const list = problems.done();
  if (
    list.length ||
    locale === undefined ||
    title === undefined ||
    intro === undefined ||
    introEasy === undefined
  )
    return {ok: false, problems: list};
  const charter: Charter = {
    version: 1,
    locale,
    title,
    intro,
    introEasy,
    sections,
  };
  if (typeof lastReviewed === 'string') charter.lastReviewed = lastReviewed;
  if (typeof writtenWithPeople === 'boolean') charter.writtenWithPeople = writtenWithPeople;
  return {ok: true, charter};
}
