// care-delivered: the collector has stored the feedback and given it a reference.
import {CareEvent} from './care-event.js';

export interface CareDeliveredDetail {
  id: string;
  /** The collector's reference, shown to the person. */
  reference: string;
}

export class CareDeliveredEvent extends CareEvent<CareDeliveredDetail> {
  static readonly type = 'care-delivered';
  constructor(detail: CareDeliveredDetail) {
    super(CareDeliveredEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-delivered': CareDeliveredEvent;
  }
}
