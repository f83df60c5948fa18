// The event a launcher fires when its dialog has opened.
import {CareEvent} from './care-event.js';

export interface CareLauncherOpenDetail {
  /** The kind asked for by `open({kind})`, if any. */
  kind: string | undefined;
}

/** Fired by `<care-feedback-launcher>` once its dialog is open and focus is inside it. */
export class CareLauncherOpenEvent extends CareEvent<CareLauncherOpenDetail> {
  static readonly type = 'care-launcher-open';

  constructor(kind: string | undefined) {
    super(CareLauncherOpenEvent.type, {kind});
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-launcher-open': CareLauncherOpenEvent;
  }
}
