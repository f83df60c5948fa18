// @care-feedback/core: the submission schema, the offline-safe transport and drafts.
export * from './schema/index.js';
export * from './transport/index.js';
export * from './nations.js';
export * from './csv.js';
