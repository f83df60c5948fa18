// @care-feedback/collector: the feedback endpoint as a function, its Node adapters, and its stores.
export {
  createCollector,
  DEFAULT_BODY_LIMIT,
  type Collector,
  type CollectorOptions,
  type ClientInfo,
} from './collector.js';
export {
  toNodeListener,
  nodeAdapter,
  expressMiddleware,
  serve,
  type ServeOptions,
  type Serving,
  type WebHandler,
} from './node.js';
export {
  openStore,
  openSqliteStore,
  openPostgresStore,
  DEFAULT_DB,
  type OpenStoreOptions,
} from './store/index.js';
export {createToken, verifyToken} from './tokens.js';
export {
  makeReference,
  normaliseReference,
  REFERENCE_ALPHABET,
  REFERENCE_PATTERN,
} from './reference.js';
export {
  acknowledgementDueDay,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isWorkingDay,
  localDay,
} from './working-days.js';
export {signWebhook, type WebhookOptions, type WebhookEvent} from './webhook.js';
export type {EmailAlertOptions, OutboxOptions} from './outbox/notifications.js';
export type {OutboxWorker} from './outbox/outbox-worker.js';
export {EMAIL_STRINGS, type EmailStrings} from './outbox/messages.js';
export {csvCell} from './csv.js';
export {parseDuration} from './duration.js';
export {canMove, toView, type RecordView, type Stats} from './provider.js';
export {summarise} from './stats-summary.js';
export {publicView, publishProblems, YOU_SAID_LIMITS} from './you-said.js';
export type {LogLine, Logger} from './log.js';
export * from './types.js';
