// @care-feedback/core/transport: keeping and sending, without the schema. A page that only sends what an
// earlier page left waiting needs this and nothing of zod.
export type * from './types.js';
export {createTransport} from './transport.js';
export {createDraftStore} from '../drafts/draft-store.js';
