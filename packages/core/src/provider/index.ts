// @care-feedback/core/provider: the provider contract. The collector enforces it and the inbox reads it:
// workflow statuses and moves, channels, limits, and the JSON shapes of the provider API's answers.
export * from './workflow.js';
export * from './limits.js';
export * from './learning.js';
export type * from './wire.js';
export * from './letters.js';
export * from './involvement-log.js';
