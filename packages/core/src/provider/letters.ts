// Complaint letters (issue #14): the kinds, the versions, the placeholders a template may use and the letter
// model the collector answers. The collector fills templates and writes .docx from the model; the inbox
// shows and prints the same model. Both import these names from here, so neither keeps a copy.

/** Acknowledgement (we have your complaint), holding (we need more time), response (what we found). */
export const LETTER_KINDS = ['acknowledgement', 'holding', 'response'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Every letter has a standard version and an easy-read one (short sentences, one idea a line). */
export const LETTER_VERSIONS = ['standard', 'easy-read'] as const;
export type LetterVersion = (typeof LETTER_VERSIONS)[number];

/**
 * The placeholders a template may hold, as `{{name}}`. The collector fills each from the complaint and its
 * record; a value is text, never template, so `{{reference}}` typed by a person stays as typed.
 * `points` and `outcomes` are lists: alone in a paragraph they become a bulleted list.
 */
export const LETTER_PLACEHOLDERS = [
  'reference',
  'today',
  'name',
  'address',
  'receivedDate',
  'service',
  'investigator',
  'points',
  'responseDate',
  'agreedDate',
  'extensionReason',
  'newDate',
  'outcomes',
  'apology',
  'remedy',
  'ombudsmanName',
  'ombudsmanWebsite',
] as const;
export type LetterPlaceholder = (typeof LETTER_PLACEHOLDERS)[number];

/** The placeholders that fill a list rather than a line. */
export const LETTER_LIST_PLACEHOLDERS: readonly LetterPlaceholder[] = ['points', 'outcomes'];

/** The most characters one version of a template may hold. */
export const LETTER_TEMPLATE_LIMIT = 20_000;

/** One kind's templates: what a provider edits with PUT /v1/letter-templates/:kind. */
export interface LetterTemplate {
  standard: string;
  easyRead: string;
}

/** GET /v1/letter-templates/:kind: the templates in force, and whether they are the provider's own. */
export interface LetterTemplateView extends LetterTemplate {
  kind: LetterKind;
  /** False while the built-in wording is in use. */
  custom: boolean;
  updatedAt: string | null;
}

/** A part of a letter: a heading, a paragraph (its lines kept apart, as in an address), or a bulleted list. */
export type LetterBlock =
  | {type: 'heading'; text: string}
  | {type: 'paragraph'; lines: string[]}
  | {type: 'list'; items: string[]};

/** GET /v1/submissions/:reference/letters/:kind: one letter, drafted from the record, as plain text parts. */
export interface LetterModel {
  kind: LetterKind;
  version: LetterVersion;
  /** Print at 18 pt (at least 16 pt): asked for, or the person's communication needs include large print. */
  largePrint: boolean;
  reference: string;
  blocks: LetterBlock[];
  /** Placeholders with nothing to fill them yet (shown in the letter as `[name]`): fill the record first. */
  missing: LetterPlaceholder[];
}

/** Letter sizes in points: standard, easy read, and large print (at least 16 pt, as the RNIB advises). */
export const LETTER_POINT_SIZES = {standard: 12, easyRead: 14, largePrint: 18} as const;

/** The size in points a letter prints at, on paper and in .docx alike: large print wins, then easy read. */
export function letterPointSize(letter: Pick<LetterModel, 'largePrint' | 'version'>): number {
  if (letter.largePrint) return LETTER_POINT_SIZES.largePrint;
  return letter.version === 'easy-read' ? LETTER_POINT_SIZES.easyRead : LETTER_POINT_SIZES.standard;
}
