// Fired when a person says a right in the charter was not met for them; cancel it to handle that yourself.
import {CareEvent} from './care-event.js';

export interface CareCharterFeedbackDetail {
  /** The id of the charter section (the right) the person is giving feedback about. */
  right: string;
}

/**
 * `care-charter-feedback`: the "Tell us if this did not happen for you" button was pressed.
 * Cancelable: call `preventDefault()` to stop <care-rights-charter> opening the launcher or the form.
 */
export class CareCharterFeedbackEvent extends CareEvent<CareCharterFeedbackDetail> {
  static readonly eventName = 'care-charter-feedback';

  constructor(detail: CareCharterFeedbackDetail) {
    super(CareCharterFeedbackEvent.eventName, detail, {cancelable: true});
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-charter-feedback': CareCharterFeedbackEvent;
  }
}
