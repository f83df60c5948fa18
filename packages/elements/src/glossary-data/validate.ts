// Shared pieces of the hand-written validators for glossary and charter JSON: reading untrusted values safely and collecting problems.

/** Lower-case letters, digits and single hyphens, e.g. `direct-payment`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// BCP 47-ish: en-GB, cy, ur, zh-Hant-TW. Loose on purpose; it only has to be safe in a file path.
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads an own property only, so `__proto__` and inherited names never leak in. */
export const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** A short, quoted, single-line sample of untrusted text for a problem message. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 39)}…` : flat);
}

/** Collects problems, stopping at a cap so a huge broken file cannot make a huge list. */
export class Problems {
  readonly list: string[] = [];
  private extra = 0;
  constructor(private readonly cap: number) {}
  add(problem: string): void {
    if (this.list.length < this.cap) this.list.push(problem);
    else this.extra++;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
  done(): string[] {
    return this.extra ? [...this.list, `…and ${this.extra} more problems.`] : this.list;
  }
}

/** Text that is a string, not blank, within a length; `undefined` (and a problem) otherwise. */
export function readText(
  value: unknown,
  field: string,
  max: number,
  where: string,
  problems: Problems,
): string | undefined {
  if (typeof value !== 'string') {
    problems.add(`${where}: "${field}" must be text.`);
    return undefined;
  }
  if (!value.trim()) {
    problems.add(`${where}: "${field}" must not be empty.`);
    return undefined;
  }
  if (value.length > max) {
    problems.add(
      `${where}: "${field}" is ${value.length} characters long; the most allowed is ${max}.`,
    );
    return undefined;
  }
  return value;
}

/**
 * Each item of an array already known to be short enough, read with {@link readText} as
 * `field[i]`; `undefined` when any item is bad (every bad item gets its own problem).
 */
export function readTextItems(
  value: readonly unknown[],
  field: string,
  maxLength: number,
  where: string,
  problems: Problems,
): string[] | undefined {
  const items: string[] = [];
  let ok = true;
  value.forEach((item, i) => {
    const text = readText(item, `${field}[${i}]`, maxLength, where, problems);
    if (text === undefined) ok = false;
    else items.push(text);
  });
  return ok ? items : undefined;
}

/** Adds a problem unless the file's `version` is 1. `what` names the file, e.g. "The glossary". */
export function checkVersion(
  json: Record<string, unknown>,
  what: string,
  problems: Problems,
): void {
  const version = own(json, 'version');
  if (version !== 1)
    problems.add(
      `${what} "version" must be 1${version === undefined ? '' : `, not ${quote(String(version))}`}.`,
    );
}

/** The file's `locale` when it is a safe language tag; otherwise `undefined` and a problem. */
export function readLocale(
  json: Record<string, unknown>,
  what: string,
  max: number,
  problems: Problems,
): string | undefined {
  const locale = own(json, 'locale');
  if (typeof locale !== 'string' || locale.length > max || !LOCALE_PATTERN.test(locale)) {
    problems.add(`${what} "locale" must be a language tag such as "en-GB" or "cy".`);
    return undefined;
  }
  return locale;
}

/**
 * Where a problem in one item of a list is, for messages: `Term 3 ("CQC")`, using its main name
 * when it has one as text, else its id, else just the number.
 */
export function itemLabel(noun: string, number: number, rawName: unknown, rawId: unknown): string {
  const label =
    typeof rawName === 'string'
      ? ` (${quote(rawName)})`
      : typeof rawId === 'string'
        ? ` (${quote(rawId)})`
        : '';
  return `${noun} ${number}${label}`;
}
