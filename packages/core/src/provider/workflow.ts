// Where a submission is in the provider's handling, and how it may move: one definition for the collector
// (which enforces it) and the inbox (which offers only the moves the collector will accept).

/**
 * Where a submission is in the provider's handling. Spam waits in `quarantined`; everything else
 * starts at `received` and only moves forward (complaints by law, other kinds by choice).
 */
export const STATUSES = [
  'quarantined',
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
] as const;
export type Status = (typeof STATUSES)[number];

/** The forward path a submission takes; `quarantined` is outside it until released. */
export const WORKFLOW = [
  'received',
  'acknowledged',
  'investigating',
  'resolved',
  'closed',
] as const;
export type WorkflowStatus = (typeof WORKFLOW)[number];

/** Forward only along the workflow; spam can be released to `received` or closed. */
export function canMove(from: Status, to: Status): boolean {
  if (to === 'quarantined') return false;
  if (from === 'quarantined') return to === 'received' || to === 'closed';
  return WORKFLOW.indexOf(to as WorkflowStatus) > WORKFLOW.indexOf(from as WorkflowStatus);
}

/** The statuses a submission in `from` may move to, in workflow order. */
export function nextStatuses(from: Status): Status[] {
  return STATUSES.filter((to) => to !== from && canMove(from, to));
}

/** How feedback came: through the web form, or recorded by staff from another channel. */
export const CHANNELS = ['web', 'phone', 'letter', 'email', 'in-person', 'meeting', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels staff record feedback from (every channel but the web form). */
export const RECORDED_CHANNELS = CHANNELS.filter(
  (channel): channel is Exclude<Channel, 'web'> => channel !== 'web',
);
export type RecordedChannel = Exclude<Channel, 'web'>;

/** Why the collector held a submission as possible spam. */
export type SpamReason = 'honeypot' | 'too-fast';

/** How a complaint's points were decided (the complaint record). */
export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];
