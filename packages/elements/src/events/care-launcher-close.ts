// The event a launcher fires when its dialog has closed.
import {CareEvent} from './care-event.js';

export interface CareLauncherCloseDetail {
  /** True when the form still held words that were not sent (they are kept for this visit). */
  unsent: boolean;
}

/** Fired by `<care-feedback-launcher>` after its dialog has closed and focus has gone back. */
export class CareLauncherCloseEvent extends CareEvent<CareLauncherCloseDetail> {
  static readonly type = 'care-launcher-close';

  constructor(unsent: boolean) {
    super(CareLauncherCloseEvent.type, {unsent});
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-launcher-close': CareLauncherCloseEvent;
  }
}
