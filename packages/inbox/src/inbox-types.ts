// The shapes the inbox works with, after the API client has read the collector's answers.
import type {Submission} from '@care-feedback/core';

/** The complaint workflow, in order. Other kinds may use only some of these. */
export const COMPLAINT_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
] as const;

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

export interface Note {
  at: string;
  by: string;
  text: string;
}

export interface InboxPage {
  items: InboxRecord[];
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string | undefined;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  detail?: string | undefined;
}

/** Friends and Family Test figures, as the collector computed them (null percentages: no answers). */
export interface FftFigures {
  answers: number;
  positivePercent: number | null;
  negativePercent: number | null;
}

export interface FftMonth extends FftFigures {
  /** `YYYY-MM`. */
  month: string;
}

export interface InboxStats {
  total: number;
  quarantined: number;
  byKind: Array<[string, number]>;
  byStatus: Array<[string, number]>;
  byMonth: Array<[string, number]>;
  fft: FftFigures;
}

export interface InboxReports {
  overall: InboxStats;
  fftByMonth: FftMonth[];
  byService: Array<[string, number]>;
  /** True when the service counts stopped at a limit and cover only the newest feedback. */
  byServicePartial: boolean;
  complaintsOpen: number;
  complaintsOverdue: number;
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
