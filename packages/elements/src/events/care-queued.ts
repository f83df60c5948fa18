// care-queued: the feedback could not be delivered yet and waits in the transport's queue.
import type {Persistence} from '@care-feedback/core';
import {CareEvent} from './care-event.js';

export interface CareQueuedDetail {
  id: string;
  /** Where it waits: `indexeddb` survives a reload; `memory` and `none` last only while the page is open. */
  persistence: Persistence;
}

export class CareQueuedEvent extends CareEvent<CareQueuedDetail> {
  static readonly type = 'care-queued';
  constructor(detail: CareQueuedDetail) {
    super(CareQueuedEvent.type, detail);
  }
}

declare global {
  interface HTMLElementEventMap {
    'care-queued': CareQueuedEvent;
  }
}
