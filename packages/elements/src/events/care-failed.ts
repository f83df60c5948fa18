// care-failed: the feedback was not sent and will not be sent by itself; the form keeps every answer.
import type {FailureReason, FieldError} from '@care-feedback/core';
import {CareEvent} from './care-event.js';

/** The transport's reasons, plus `no-endpoint` when the form was given nowhere to send to. */
export type CareFailureReason = FailureReason | 'no-endpoint';

export interface CareFailedDetail {
  id: string;
  reason: CareFailureReason;
  /** Field errors from the collector (a 422), when it named the fields. */
  errors: FieldError[];
}

export class CareFailedEvent extends CareEvent<CareFailedDetail> {
  static readonly type = 'care-failed';
  constructor(detail: CareFailedDetail) {
    super(CareFailedEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-failed': CareFailedEvent;
  }
}
