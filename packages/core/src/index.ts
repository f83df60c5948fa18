// @care-feedback/core: the submission schema, the offline-safe transport and drafts.
export * from './schema/index.js';
export type * from './transport/types.js';
export {createTransport} from './transport/transport.js';
export {createDraftStore} from './drafts/draft-store.js';
