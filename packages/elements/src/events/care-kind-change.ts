// The event a picker fires when the person chooses a kind of feedback.
import type {Kind} from '@care-feedback/core';
import {CareEvent} from './care-event.js';

export interface CareKindChangeDetail {
  /** The kind the person chose. */
  kind: Kind;
}

/** Fired by `<care-feedback-picker>` when the person chooses a kind (for a concern: once they go on past the safety advice). */
export class CareKindChangeEvent extends CareEvent<CareKindChangeDetail> {
  static readonly type = 'care-kind-change';

  constructor(kind: Kind) {
    super(CareKindChangeEvent.type, {kind});
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-kind-change': CareKindChangeEvent;
  }
}
