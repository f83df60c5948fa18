// The form's link to the core transport and draft store: one shared transport per endpoint and storage choice.
import {
  createDraftStore,
  createTransport,
  type DraftStore,
  type Transport,
} from '@care-feedback/core';

const transports = new Map<string, Transport>();

/**
 * One transport per endpoint and storage choice for the whole page, so two forms (or a form opened
 * twice in a launcher) never race each other over the same queue.
 */
export function transportFor(endpoint: string, storage: 'local' | 'none'): Transport {
  const key = `${storage} ${endpoint}`;
  let transport = transports.get(key);
  if (!transport) {
    transport = createTransport({endpoint, storage});
    transports.set(key, transport);
  }
  return transport;
}

/** The draft store for one form (sessionStorage; nothing at all with `storage: 'none'`). */
export function draftStoreFor<T>(key: string, storage: 'local' | 'none'): DraftStore<T> {
  return createDraftStore<T>(key, {storage});
}
