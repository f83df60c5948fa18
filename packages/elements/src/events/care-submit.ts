// care-submit: fired by <care-feedback-form> just before it sends; cancel it to stop the send.
import type {Submission} from '@care-feedback/core';
import {CareEvent} from './care-event.js';

export interface CareSubmitDetail {
  /** The validated submission about to be sent, exactly as it will be posted. */
  submission: Submission;
}

/** Cancelable: `preventDefault()` keeps the person on the check-your-answers step and sends nothing. */
export class CareSubmitEvent extends CareEvent<CareSubmitDetail> {
  static readonly type = 'care-submit';
  constructor(detail: CareSubmitDetail) {
    super(CareSubmitEvent.type, detail, {cancelable: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-submit': CareSubmitEvent;
  }
}
