// References for answers to a consultation: CR-XXXX-XXXX ("consultation response"), from the same
// read-aloud alphabet as feedback, so nobody mixes one up with a complaint or a sign-up.
import {randomInt} from 'node:crypto';
import {REFERENCE_ALPHABET} from './reference.js';

export const CONSULTATION_REFERENCE_PATTERN = new RegExp(
  `^CR-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`,
);

export function makeConsultationReference(): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `CR-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** Accepts what a person might type: lower case, spaces, missing dashes. */
export function normaliseConsultationReference(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const body = compact.startsWith('CR') ? compact.slice(2) : compact;
  if (body.length !== 8) return undefined;
  const reference = `CR-${body.slice(0, 4)}-${body.slice(4)}`;
  return CONSULTATION_REFERENCE_PATTERN.test(reference) ? reference : undefined;
}
