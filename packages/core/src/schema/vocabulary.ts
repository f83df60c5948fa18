// The fixed lists of the submission schema, version 1. Shared by the schema, the elements and the collector.

export const SCHEMA_VERSION = 1 as const;

export const KINDS = ['compliment', 'complaint', 'comment', 'suggestion', 'concern'] as const;
export type Kind = (typeof KINDS)[number];

/** The Friends and Family Test answers, best first. */
export const RATINGS = ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'] as const;
export type Rating = (typeof RATINGS)[number];

export const RELATIONSHIPS = [
  'person-using-service',
  'family-or-friend',
  'advocate',
  'staff',
  'professional',
  'other',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const CONTACT_METHODS = ['email', 'phone', 'post', 'none'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/** Reply formats from the Accessible Information Standard. */
export const COMMUNICATION_NEEDS = [
  'easy-read',
  'large-print',
  'braille',
  'bsl',
  'interpreter',
  'audio',
  'other',
] as const;
export type CommunicationNeed = (typeof COMMUNICATION_NEEDS)[number];

/** Length limits, counted in characters (Unicode code points), not UTF-16 units. */
export const LIMITS = {
  message: 5000,
  improvement: 5000,
  service: 100,
  name: 200,
  email: 254,
  phone: 40,
  address: 500,
  communicationNeedsDetail: 500,
  charterRight: 100,
  locale: 35,
  pageUrl: 2048,
  pageTitle: 300,
  clientField: 50,
  honeypot: 1000,
} as const;
