// References for people taking part: GI-XXXX-XXXX ("get involved"), from the same read-aloud
// alphabet as feedback references, so nobody mixes a sign-up up with a complaint.
import {randomInt} from 'node:crypto';
import {REFERENCE_ALPHABET} from './reference.js';

export const INVOLVEMENT_REFERENCE_PATTERN = new RegExp(
  `^GI-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`,
);

export function makeInvolvementReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `GI-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Accepts what a person might type: lower case, spaces, missing dashes. */
export function normaliseInvolvementReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('GI') ? compact.slice(2) : compact;
  if (body.length !== 8) return undefined;
  const reference = `GI-${body.slice(0, 4)}-${body.slice(4)}`;
  return INVOLVEMENT_REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
