// The limits the collector enforces and the inbox's fields show (maxlength, page sizes), in one place.

/** "You said, we did": the most characters each part may hold. */
export const YOU_SAID_LIMITS = {youSaid: 2000, weDid: 2000, quote: 1000} as const;

/** A note on a submission: the most characters. */
export const NOTE_LIMIT = 5000;

/** GET /v1/submissions: the page size when none is asked for, and the largest one allowed. */
export const PAGE_LIMITS = {default: 50, max: 500} as const;

/** GET /v1/submissions?q=: the most characters a search may have. */
export const SEARCH_LIMIT = 200;

/** GET /v1/reports: the longest period one report may cover, in days (five years and a leap day). */
export const REPORT_MAX_DAYS = 5 * 365 + 1;

/** Complaints are acknowledged within this many working days (the 2009 complaints regulations). */
export const ACKNOWLEDGE_WORKING_DAYS = 3;

/** GET /v1/equality: a group with fewer answers than this has its figures withheld, so nobody can be picked out. */
export const EQUALITY_MIN_GROUP = 10;
