// The page's links to the core transport and draft store, shared by every element that sends and by the
// script tag's sender of what earlier pages left waiting: one transport per collector, one announcement
// of each outcome.
import {
  createDraftStore,
  createTransport,
  type DeliveryState,
  type DraftStore,
  type Transport,
} from '@care-feedback/core/transport';
import {CareDeliveredEvent} from '../events/care-delivered.js';
import {CareFailedEvent} from '../events/care-failed.js';
import type {CareQueuedEvent} from '../events/care-queued.js';

const transports = new Map<string, Transport>();

/**
 * One transport per endpoint and storage choice for the whole page, so two forms (or a form opened
 * twice in a launcher, or a form and the waiting-items sender) never race each other over one queue.
 */
export function transportFor(
  endpoint: string,
  storage: 'local' | 'none',
  path = 'submissions',
): Transport {
  const key = `${storage} ${endpoint} ${path}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport({endpoint, storage, ...(path === 'submissions' ? {} : {path})});
    transports.set(key, transport);
  }
  return transport;
}

/** The draft store for one form (sessionStorage; nothing at all with `storage: 'none'`). */
export function draftStoreFor<T>(key: string, storage: 'local' | 'none'): DraftStore<T> {
  return createDraftStore<T>(key, {storage});
}

type Outcome = CareDeliveredEvent | CareQueuedEvent | CareFailedEvent;
const announced = new Set<string>();

/**
 * Dispatches an outcome once for the whole page. A send's result can be heard twice (the awaited
 * send() and the transport's events), and an item an earlier page left waiting is announced on the
 * document when it goes; a form that later picks up the same item must not announce it again.
 */
export function announceOnce(target: EventTarget, event: Outcome): void {
  const key = `${event.type} ${event.detail.id}`;
  if (announced.has(key)) return;
  announced.add(key);
  target.dispatchEvent(event);
}

/**
 * Sends what earlier pages left waiting for `endpoint` (at `path`: feedback, or sign-ups to
 * `involvement`), with no form on the page, and says how each
 * item ended through the events a form would fire (`care-delivered`, `care-failed`), on the document.
 * Items still waiting (offline again) say nothing: their page already said they were kept.
 */
export function sendWaitingItems(endpoint: string, path = 'submissions'): Transport {
  const transport = transportFor(endpoint, 'local', path);
  const onStatus = (event: Event) => {
    const state = (event as CustomEvent<DeliveryState>).detail;
    if (state.status === 'delivered') {
      announceOnce(document, new CareDeliveredEvent({id: state.id, reference: state.reference ?? ''}));
    } else if (state.status === 'failed') {
      const reason = state.reason ?? 'rejected';
      announceOnce(document, new CareFailedEvent({id: state.id, reason, errors: state.errors ?? []}));
    }
  };
  transport.addEventListener('care-transport-status', onStatus);
  return transport;
}
