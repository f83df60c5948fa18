// Fired when a <care-jargon> definition opens or closes, so a page can log which terms people look up.
import {CareEvent} from './care-event.js';

export interface CareJargonToggleDetail {
  /** The glossary id of the term. */
  term: string;
  open: boolean;
}

/** `care-jargon-toggle`: a term's definition was shown or hidden. */
export class CareJargonToggleEvent extends CareEvent<CareJargonToggleDetail> {
  static readonly eventName = 'care-jargon-toggle';

  constructor(detail: CareJargonToggleDetail) {
    super(CareJargonToggleEvent.eventName, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-jargon-toggle': CareJargonToggleEvent;
  }
}
