// Reference numbers a person can read out on the phone: CF-XXXX-XXXX with no look-alike characters.
import {randomInt} from 'node:crypto';

/**
 * Digits and capitals without 0/O, 1/I/L, U/V (read alike aloud or on paper) and S/5, Z/2, B/8 kept
 * apart by dropping S, Z and B. 26 symbols, 8 of them: about 2 × 10^11 references.
 */
export const REFERENCE_ALPHABET = '2345678ACDEFGHJKMNPQRTWXY9';

export const REFERENCE_PATTERN = new RegExp(
  `^CF-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`,
);

export function makeReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `CF-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Accepts what a person might type: lower case, spaces, missing dashes. */
export function normaliseReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('CF') ? compact.slice(2) : compact;
  if (body.length !== 8) return undefined;
  const reference = `CF-${body.slice(0, 4)}-${body.slice(4)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
