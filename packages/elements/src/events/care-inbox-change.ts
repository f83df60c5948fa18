// care-inbox-change: fired by <care-feedback-inbox> once the collector has saved a change to a piece of feedback.
import {CareEvent} from './care-event.js';

export interface CareInboxChangeDetail {
  /** The feedback's reference, e.g. `CF-7KQ2-M9XD`. */
  reference: string;
  /** What changed: a status move, a note on its own, a release from possible spam, or an erasure. */
  action: 'status' | 'note' | 'release' | 'erase';
  /** The status after the change (absent after an erasure). */
  status?: string;
}

/** Lets a provider's own admin page keep counts or other views up to date. Never carries what was written. */
export class CareInboxChangeEvent extends CareEvent<CareInboxChangeDetail> {
  static readonly type = 'care-inbox-change';

  constructor(detail: CareInboxChangeDetail) {
    super(CareInboxChangeEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-inbox-change': CareInboxChangeEvent;
  }
}
