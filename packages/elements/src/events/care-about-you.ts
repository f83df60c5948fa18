// care-about-you: how the optional "About you" questions ended. Its own event, not care-delivered, so a
// page counting feedback never counts these answers as feedback.
import {CareEvent} from './care-event.js';

export interface CareAboutYouDetail {
  /** The feedback the answers go with. */
  submissionId: string;
  /**
   * `skipped`: the person chose not to answer (nothing was sent). `delivered`: the collector kept the
   * answers. `queued`: they wait on this device and will be sent later. `failed`: they will not be sent.
   */
  outcome: 'skipped' | 'delivered' | 'queued' | 'failed';
}

export class CareAboutYouEvent extends CareEvent<CareAboutYouDetail> {
  static readonly type = 'care-about-you';
  constructor(detail: CareAboutYouDetail) {
    super(CareAboutYouEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-about-you': CareAboutYouEvent;
  }
}
