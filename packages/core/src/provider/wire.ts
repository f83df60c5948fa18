// What the collector's provider API answers, as JSON on the wire: the collector builds these and the inbox
// reads them, so both sides compile against the same shapes.
import type {InvolvementWay, Submission} from '../schema/index.js';
import type {Channel, SpamReason, Status} from './workflow.js';
import type {ThemeVolume} from './learning.js';

export interface Note {
  /** ISO time the note was written. */
  at: string;
  /** The name of the token that wrote it. */
  by: string;
  text: string;
}

/** What the submitter is told, and what a repeat of the same submission is told again. */
export interface Receipt {
  id: string;
  reference: string;
  receivedAt: string;
}

/** A submission as stored: the validated body byte for byte, plus what the provider did with it. */
export interface StoredRecord extends Receipt {
  kind: Submission['kind'];
  status: Status;
  service: string | null;
  rating: string | null;
  spamReason: SpamReason | null;
  /** The last day (YYYY-MM-DD, provider's time zone) to acknowledge a complaint; null for other kinds. */
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  investigatingAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  notes: Note[];
  /** `web`, or the channel staff recorded it from. */
  channel: Channel;
  /** Who recorded it (staff feedback only), as they gave their name. */
  recordedBy: string | null;
  /** The validated submission exactly as stored (canonical JSON, parsed). */
  submission: Submission;
}

/** GET /v1/submissions/:reference: the stored record plus whether acknowledgement is late. */
export type RecordView = StoredRecord & {overdue: boolean};

/** GET /v1/submissions: a page, newest first; `next` is the cursor of the next page, null on the last. */
export interface RecordPage {
  items: RecordView[];
  next: string | null;
}

/** GET /v1/submissions/:reference/audit: one line of the trail. */
export interface AuditEntry {
  at: string;
  /** The token name that acted, or `cli` / `system`. */
  actor: string;
  reference: string | null;
  /** What was done: read, list, export, update, erase, purge, token-create, token-revoke, … */
  action: string;
  /** A content-free detail, e.g. "received→acknowledged" or "note added". Never submission text. */
  detail: string | null;
}

/** GET /v1/tokens: a token as listed (never its secret). */
export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  /** The services it may see and change; empty: every service. */
  services: string[];
}

/**
 * A "You said, we did" item: what people said and what the provider changed. It may answer one
 * submission (by reference) or a theme (no submission), and may quote the submission's message.
 */
export interface YouSaidItem {
  id: string;
  /** The submission it answers; null for a theme, or once that submission was erased. */
  submissionReference: string | null;
  youSaid: string;
  weDid: string;
  /** Words taken from the submission's message; only published when its author consented. */
  quote: string | null;
  published: boolean;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Friends and Family Test answers and percentages over answers other than "don't know" (null with none). */
export interface FftFigures {
  answers: number;
  veryGood: number;
  good: number;
  neither: number;
  poor: number;
  veryPoor: number;
  dontKnow: number;
  positivePercent: number | null;
  negativePercent: number | null;
}

/** GET /v1/stats. */
export interface Stats {
  total: number;
  quarantined: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  byMonth: Record<string, number>;
  /** Counts by service; submissions with no service count under "". */
  byService: Record<string, number>;
  fft: FftFigures;
}

/** GET /v1/reports: the whole report for a period, in one answer (docs/collector.md, "Reports"). */
export interface Report {
  /** The period asked for, both days included (YYYY-MM-DD). */
  period: {from: string; to: string};
  /** Feedback received in the period, spam left out. */
  total: number;
  /** Held as possible spam in the period (not in any other figure). */
  quarantined: number;
  fft: {
    overall: FftFigures;
    /** Every month of the period (`YYYY-MM`, UTC), oldest first, months without answers included. */
    byMonth: Array<FftFigures & {month: string}>;
    /** Services with feedback in the period, by name; no service is "". */
    byService: Array<FftFigures & {service: string}>;
  };
  volumes: {
    /** Every kind, zero where none came. */
    byKind: Record<Submission['kind'], number>;
    /** Every channel, zero where none came. */
    byChannel: Record<Channel, number>;
    /** Services with feedback in the period; no service is "". */
    byService: Record<string, number>;
    /** Every month of the period. */
    byMonth: Record<string, number>;
  };
  /** Every status but `quarantined`, zero where none. */
  byStatus: Record<Exclude<Status, 'quarantined'>, number>;
  complaints: ComplaintFigures;
  /** Feedback received in the period tagged with each theme, most first (themes with none left out). */
  themes: ThemeVolume[];
  /** Improvement actions created in the period, and those completed in it. */
  actions: {opened: number; completed: number};
  /** People taking part in the period (#16), from the register and its log: counts only, never who. */
  involvement: InvolvementFigures;
  /** Consultations that moved in the period, and the answers they received in it. */
  consultations: ConsultationFigures;
}

/**
 * The involvement register and its log for a period. A token limited to some services counts only their
 * sign-ups (and the log of those). Erased sign-ups are gone, so they count nowhere.
 */
export interface InvolvementFigures {
  /** People who signed up in the period, whether or not they have left since. */
  signedUp: number;
  /** People who left in the period. */
  left: number;
  /** People who took part in something in the period, by the day the log gives: each person once. */
  active: number;
  /** Times people took part in the period (log entries), by way of taking part; no way given is `other`. */
  tookPart: {total: number; byWay: Record<InvolvementWay | 'other', number>};
  /** Log entries in the period with expenses paid (above 0), and those expenses added up, in pence. */
  expenses: {paid: number; totalPence: number};
}

/** Consultations in the period (by the day each step was taken) and the answers received, spam left out. */
export interface ConsultationFigures {
  opened: number;
  closed: number;
  decided: number;
  answers: number;
}

/** Complaints received in the period: how quickly they were handled and how they were decided. */
export interface ComplaintFigures {
  received: number;
  /** Where those complaints are now: every status but `quarantined`, zero where none. */
  byStatus: Record<Exclude<Status, 'quarantined'>, number>;
  acknowledgement: {
    /** Acknowledged within the working days allowed (the day of receipt does not count). */
    onTime: number;
    /** Acknowledged later, or not yet acknowledged and past the last day. */
    late: number;
    /** Of `late`, those still not acknowledged: the overdue ones. */
    overdue: number;
    /** Not yet acknowledged, and the last day has not passed. */
    waiting: number;
    /** onTime as a share of onTime + late, to one decimal place; null when there are none. */
    onTimePercent: number | null;
  };
  response: {
    /** Complaints with a response (or, without a response date, resolved or closed). */
    responded: number;
    /** Of those, how many had only the resolved or closed date to go on. */
    fromStatusDate: number;
    /** The median working days from receipt to response; null when none responded. */
    medianWorkingDays: number | null;
  };
  /** Each complaint by its points' outcomes: all upheld, all not upheld, a mix, or none decided yet. */
  outcomes: {upheld: number; partlyUpheld: number; notUpheld: number; undecided: number};
  /** Complaints the person took to the ombudsman (the complaint record's referral date). */
  ombudsmanReferrals: number;
}

/**
 * GET /v1/equality: one group of one "About you" question (an answer such as `65-74`, or an ethnic group
 * such as `asian`). A group with fewer than EQUALITY_MIN_GROUP answers is `suppressed`: every figure null.
 */
export interface EqualityGroup {
  answer: string;
  suppressed: boolean;
  /** Feedback items in the period whose "About you" gave this answer. */
  answers: number | null;
  /** Of those, FFT answers other than "don't know". */
  fftAnswers: number | null;
  /** Very good or good, as a share of fftAnswers, to one decimal place; null with no FFT answers. */
  fftPositivePercent: number | null;
  complaints: number | null;
  /** Complaints as a share of answers, to one decimal place. */
  complaintPercent: number | null;
}

/** GET /v1/equality?from=&to=: FFT and complaint rates compared across the groups of each question. */
export interface EqualityReport {
  /** The period asked for, both days included (YYYY-MM-DD), by the day the feedback came. */
  period: {from: string; to: string};
  /** Groups smaller than this are suppressed. */
  minimumGroupSize: number;
  /** Each question's groups in the form's order, "prefer-not-to-say" last; `ethnicGroup` is the 5 high-level groups. */
  questions: Record<
    'ageBand' | 'disability' | 'ethnicity' | 'ethnicGroup' | 'sex' | 'sexualOrientation' | 'religion' | 'carer',
    EqualityGroup[]
  >;
}
