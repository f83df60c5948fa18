// GET /v1/outbox: what waits to be sent (issue #14: "the inbox shows what is waiting"). An SMTP server that
// is down loses nothing, because the outbox keeps every e-mail; this says how many wait, since when, and the
// kind of the last failure, so staff know to look at the mail server. Facts only, as the e-mails themselves.
import type {OutboxItem, Store} from './types.js';

export interface OutboxStatus {
  /** How many e-mails and webhook calls are due and not sent yet (reminders for later are not counted). */
  waiting: number;
  /** Of those, how many have been tried and failed at least once. */
  failing: number;
  /** When the oldest still waiting was written (ISO), or null. */
  oldestSince: string | null;
  /** The kind of the most recent failure (`ECONNREFUSED`, `smtp-451`), never a server's words. */
  lastError: string | null;
  /** Up to 20 waiting rows: what each is about, never its content. */
  items: Array<Pick<OutboxItem, 'channel' | 'topic' | 'reference' | 'attempts' | 'lastError' | 'nextAttemptAt' | 'createdAt'>>;
}

export async function outboxStatus(store: Store, now: Date, services?: readonly string[]): Promise<OutboxStatus> {
  const due = now.toISOString();
  // Due ones: tried already (and waiting to be tried again), or whose time has come.
  let rows = (await store.listOutbox({states: ['waiting'], limit: 1000})).filter(
    (row) => row.attempts > 0 || row.nextAttemptAt <= due,
  );
  // A token for some services sees only rows about their submissions (a daily summary is about everyone).
  if (services) {
    const allowed = new Set<string>();
    for (const reference of new Set(rows.map((row) => row.reference).filter((r): r is string => r !== null))) {
      const record = await store.get(reference);
      if (record?.service && services.includes(record.service)) allowed.add(reference);
    }
    rows = rows.filter((row) => row.reference !== null && allowed.has(row.reference));
  }
  const failing = rows.filter((row) => row.attempts > 0 && row.lastError);
  const latest = [...failing].sort((a, b) => b.nextAttemptAt.localeCompare(a.nextAttemptAt))[0];
  return {
    waiting: rows.length,
    failing: failing.length,
    oldestSince: rows.reduce<string | null>((oldest, row) => (oldest === null || row.createdAt < oldest ? row.createdAt : oldest), null),
    lastError: latest?.lastError ?? null,
    items: rows.slice(0, 20).map(({channel, topic, reference, attempts, lastError, nextAttemptAt, createdAt}) => ({
      channel,
      topic,
      reference,
      attempts,
      lastError,
      nextAttemptAt,
      createdAt,
    })),
  };
}
