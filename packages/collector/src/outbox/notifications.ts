// Builds what the collector needs to tell people about new feedback: the outbox rows to write with a
// submission, and the worker that sends them (e-mail and the webhook).
import type {Logger} from '../log.js';
import type {OutboxDraft, Store} from '../types.js';
import {localDay} from '../working-days.js';
import {webhookDelivery, webhookDraft, type WebhookOptions} from '../webhook.js';
import {exponentialBackoff, type Delivery} from './delivery.js';
import {createMailer} from './mailer.js';
import {composeEmail, type EmailStrings} from './messages.js';
import {emailDrafts, enqueueDailySummary, responseDrafts, stillNeeded, type AlertFacts} from './reminders.js';
import {startOutboxWorker, type OutboxWorker} from './outbox-worker.js';

export interface EmailAlertOptions {
  /** `smtp://[user:pass@]host:port` or `smtps://…`; without it e-mails are written to `dir` as .eml files. */
  smtp?: string;
  /** Folder for .eml files when there is no SMTP server (default ./data/outbox). */
  dir?: string;
  /** The From address. */
  from: string;
  /** Who is told: one e-mail to all of them. */
  notify: readonly string[];
  /** The provider inbox's address for the link in each e-mail (a function when known only once listening). */
  inboxUrl: string | (() => string);
  /** Local time (HH:MM) for a daily summary of counts; none when unset. */
  dailySummaryAt?: string;
  /** Local time (HH:MM) reminders are sent (default 09:00). */
  reminderAt?: string;
  /** Replacements for any of the e-mails' sentences (see EMAIL_STRINGS). */
  strings?: Partial<EmailStrings>;
  /** How long to wait for the mail server at each step (default 30 s). */
  timeoutMs?: number;
}

export interface OutboxOptions {
  /** How long an instance holds a row it is sending before another may try it (default 2 minutes). */
  leaseMs?: number;
  /** How often to look for due rows (default 5 s, or sooner when a retry or lease is shorter). */
  pollMs?: number;
  /** First wait before an e-mail is tried again, doubled each time (default 30 s). */
  retryMs?: number;
  /** Longest wait between tries of an e-mail (default 1 hour); e-mails are never given up. */
  maxRetryMs?: number;
}

export interface Notifications {
  /** The outbox rows for a new submission, written by the store in the same transaction. */
  drafts(facts: {
    kind: string;
    service: string | null;
    receivedAt: string;
    ackDueAt: string | null;
  }): OutboxDraft[];
  /** The reminder rows for a complaint's reply date (none without e-mail). */
  responseDrafts(facts: AlertFacts & {responseDue: string}, now: string): OutboxDraft[];
  worker: OutboxWorker;
}

export function createNotifications(options: {
  email?: EmailAlertOptions;
  webhook?: WebhookOptions;
  outbox?: OutboxOptions;
  store: () => Promise<Store>;
  now: () => Date;
  timeZone: string;
  holidays: ReadonlySet<string>;
  log: Logger;
}): Notifications | undefined {
  const {email, webhook, timeZone} = options;
  if (!email && !webhook) return undefined;
  const deliveries: Delivery[] = [];
  const retryMs = options.outbox?.retryMs ?? 30_000;
  if (email) {
    const mailer = createMailer({
      from: email.from,
      to: email.notify,
      ...(email.smtp ? {smtp: email.smtp} : {}),
      ...(email.dir ? {dir: email.dir} : {}),
      ...(email.timeoutMs ? {timeoutMs: email.timeoutMs} : {}),
    });
    const inboxUrl = () =>
      typeof email.inboxUrl === 'function' ? email.inboxUrl() : email.inboxUrl;
    deliveries.push({
      channel: 'email',
      maxAttempts: Infinity,
      retryDelayMs: exponentialBackoff(retryMs, options.outbox?.maxRetryMs ?? 3_600_000),
      async deliver(item) {
        if (!(await stillNeeded(await options.store(), item))) return 'skipped';
        const message = composeEmail(item, {
          inboxUrl: inboxUrl(),
          timeZone,
          ...(email.strings ? {strings: email.strings} : {}),
        });
        await mailer.send(message, item.id);
        return 'sent';
      },
      close: () => mailer.close(),
    });
  }
  if (webhook) deliveries.push(webhookDelivery(webhook));

  // The summary's row is written once a day, by whichever instance is first after its time.
  let summaryDay: string | undefined;
  const dailySummaryAt = email?.dailySummaryAt;
  const leaseMs = options.outbox?.leaseMs ?? 120_000;
  const worker = startOutboxWorker({
    store: options.store,
    deliveries,
    now: options.now,
    leaseMs,
    pollMs: options.outbox?.pollMs ?? Math.min(5_000, retryMs, leaseMs),
    log: options.log,
    ...(dailySummaryAt
      ? {
          async beforeClaim(store: Store, now: Date) {
            const today = localDay(now, timeZone);
            if (summaryDay === today) return;
            if ((await enqueueDailySummary(store, now, dailySummaryAt, timeZone)) !== 'not-yet')
              summaryDay = today;
          },
        }
      : {}),
  });

  const plan = {
    timeZone,
    holidays: options.holidays,
    ...(email?.reminderAt ? {reminderAt: email.reminderAt} : {}),
  };
  return {
    drafts(facts) {
      const drafts = email ? emailDrafts(facts, plan) : [];
      if (webhook && (facts.kind === 'complaint' || facts.kind === 'concern'))
        drafts.push(webhookDraft({event: 'submission.created', ...facts}, facts.receivedAt));
      return drafts;
    },
    responseDrafts: (facts, now) => (email ? responseDrafts(facts, plan, now) : []),
    worker,
  };
}
