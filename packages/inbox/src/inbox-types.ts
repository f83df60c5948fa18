// The shapes the inbox works with, after the API client has read the collector's answers. The wire shapes,
// statuses and limits themselves are the provider contract's (@care-feedback/core/provider).
import type {Submission} from '@care-feedback/core';
import type {Note} from '@care-feedback/core/provider';

/** One stored submission as the provider API lists and shows it. */
export interface InboxRecord {
  reference: string;
  receivedAt: string;
  /** `quarantined` (held as possible spam) or a step of the workflow. */
  status: string;
  quarantined: boolean;
  /** Why the collector held it as possible spam: `honeypot` or `too-fast`. */
  spamReason?: string | undefined;
  /** For complaints: the last day (YYYY-MM-DD) to acknowledge it. */
  acknowledgeBy?: string | undefined;
  overdue: boolean;
  /** Everything the person sent. Fields may be missing; every one is shown as text. */
  submission: Partial<Submission> & Record<string, unknown>;
  /** When each step of the workflow was reached, oldest first. */
  steps: Array<{status: string; at: string}>;
  notes: Note[];
}

export interface InboxPage {
  items: InboxRecord[];
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string | undefined;
}

/** What the list can be narrowed by. Empty strings mean "any". */
export interface InboxFilters {
  kind: string;
  status: string;
  service: string;
  from: string;
  to: string;
  rating: string;
  quarantined: boolean;
}

export const EMPTY_FILTERS: InboxFilters = {
  kind: '',
  status: '',
  service: '',
  from: '',
  to: '',
  rating: '',
  quarantined: false,
};
