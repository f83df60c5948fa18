// Drafts one letter from a template and a complaint: parses the template into headings, paragraphs and
// lists, then fills its placeholders from the complaint and its record. The template is parsed before it
// is filled, and each placeholder is replaced in one pass, so nothing a person or staff typed (a name,
// a point, "{{reference}}", "<script>") can become a heading, a list, markup or another placeholder.
import {NATION_FACTS, type Nation} from '@care-feedback/core';
import {
  LETTER_LIST_PLACEHOLDERS,
  LETTER_PLACEHOLDERS,
  type LetterBlock,
  type LetterKind,
  type LetterModel,
  type LetterPlaceholder,
  type LetterVersion,
  type Outcome,
} from '@care-feedback/core/provider';
import {dueDate, type ComplaintRecord} from '../complaint-record.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** What a letter is drafted from. */
export interface LetterFacts {
  reference: string;
  /** The day the complaint came (YYYY-MM-DD, provider's time zone). */
  receivedDay: string;
  /** Today (YYYY-MM-DD, provider's time zone). */
  today: string;
  name: string | undefined;
  /** The person's postal address, as they gave it. */
  address: string | undefined;
  service: string | null;
  record: ComplaintRecord;
  nation: Nation;
}

/** How each outcome is said in each version. */
const OUTCOME_WORDS: Record<LetterVersion, Record<Outcome, string>> = {
  standard: {
    upheld: 'Upheld: we agree that this went wrong.',
    'partly-upheld': 'Partly upheld: we agree that some of this went wrong.',
    'not-upheld': 'Not upheld: we found that this did not go wrong.',
  },
  'easy-read': {
    upheld: 'We agree this went wrong.',
    'partly-upheld': 'We agree some of this went wrong.',
    'not-upheld': 'We found this did not go wrong.',
  },
};

/** "2026-12-04" → "Friday 4 December 2026": dates in words, never in numbers a reader must decode. */
export function dateInWords(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat('en-GB', {weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC'})
    .format(date)
    .replace(',', '');
}

/** The value of each placeholder, or undefined when the record does not hold it yet. */
function placeholderValues(facts: LetterFacts, version: LetterVersion): Record<LetterPlaceholder, string | string[] | undefined> {
  const {record} = facts;
  const ombudsman = NATION_FACTS[facts.nation].ombudsman;
  const latest = record.extensions.at(-1);
  // The date the holding letter moves on from: the one in force before the latest extension.
  const agreed = record.extensions.length > 1 ? record.extensions.at(-2)!.newDate : record.responseDueAt;
  const due = dueDate(record);
  const points = record.points.map((point) => point.text);
  const decided = record.points.every((point) => point.outcome !== null);
  return {
    reference: facts.reference,
    today: dateInWords(facts.today),
    name: facts.name?.trim() || undefined,
    address: facts.address?.trim() || undefined,
    receivedDate: dateInWords(facts.receivedDay),
    service: facts.service ?? undefined,
    investigator: record.investigator ?? undefined,
    points: points.length ? points : undefined,
    responseDate: due ? dateInWords(due) : undefined,
    agreedDate: agreed ? dateInWords(agreed) : undefined,
    extensionReason: latest?.reason,
    newDate: latest ? dateInWords(latest.newDate) : undefined,
    outcomes:
      points.length && decided
        ? record.points.map((point) => `${point.text} ${OUTCOME_WORDS[version][point.outcome!]}`)
        : undefined,
    apology: record.apology ?? undefined,
    remedy: record.remedy ?? undefined,
    ombudsmanName: ombudsman.name,
    ombudsmanWebsite: ombudsman.url,
  };
}

/** Splits a template into blocks of raw template lines: a blank line between blocks. */
function templateBlocks(template: string): string[][] {
  return template
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.split('\n').map((line) => line.trimEnd()))
    .map((lines) => lines.filter((line, i) => line.trim() !== '' || (i > 0 && i < lines.length - 1)))
    .filter((lines) => lines.length > 0);
}

/** The placeholders a template names that are not ours, for a clear refusal when it is saved. */
export function unknownPlaceholders(template: string): string[] {
  const known = LETTER_PLACEHOLDERS as readonly string[];
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.includes(name)))];
}

/** Fills a template with the complaint's facts: the letter as headings, paragraphs and lists of plain text. */
export function draftLetter(options: {
  kind: LetterKind;
  version: LetterVersion;
  largePrint: boolean;
  template: string;
  facts: LetterFacts;
}): LetterModel {
  const values = placeholderValues(options.facts, options.version);
  const missing = new Set<LetterPlaceholder>();
  const fill = (line: string): string =>
    line.replace(PLACEHOLDER, (whole, name: string) => {
      if (!(LETTER_PLACEHOLDERS as readonly string[]).includes(name)) return whole;
      const value = values[name as LetterPlaceholder];
      if (value === undefined) {
        missing.add(name as LetterPlaceholder);
        return `[${name}]`;
      }
      return Array.isArray(value) ? value.join('; ') : value;
    });
  const blocks: LetterBlock[] = [];
  for (const lines of templateBlocks(options.template)) {
    const only = lines.length === 1 ? /^\s*\{\{\s*([A-Za-z]+)\s*\}\}\s*$/.exec(lines[0]!)?.[1] : undefined;
    if (only && (LETTER_LIST_PLACEHOLDERS as readonly string[]).includes(only)) {
      const items = values[only as LetterPlaceholder];
      if (Array.isArray(items)) blocks.push({type: 'list', items});
      else {
        missing.add(only as LetterPlaceholder);
        blocks.push({type: 'list', items: [`[${only}]`]});
      }
      continue;
    }
    if (lines[0]!.startsWith('# ')) {
      blocks.push({type: 'heading', text: fill([lines[0]!.slice(2), ...lines.slice(1)].join(' ').trim())});
      continue;
    }
    // A value may hold line breaks (an apology in two paragraphs): they stay lines of this paragraph.
    blocks.push({type: 'paragraph', lines: lines.flatMap((line) => fill(line).split(/\r\n?|\n/))});
  }
  return {
    kind: options.kind,
    version: options.version,
    largePrint: options.largePrint,
    reference: options.facts.reference,
    blocks,
    missing: LETTER_PLACEHOLDERS.filter((name) => missing.has(name)),
  };
}
