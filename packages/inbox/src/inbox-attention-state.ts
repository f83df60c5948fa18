// "Needs attention"'s state: the open complaints and concerns with what is due next (GET /v1/attention),
// whether only the signed-in person's are shown, and what waits in the outbox. Plain TypeScript (no
// Lit, no DOM); inbox-attention.ts draws it.
import type {InboxController} from './inbox-controller.js';
import {Observable} from './inbox-observable.js';

export interface AttentionItem {
  reference: string;
  kind: string;
  status: string;
  service: string | null;
  receivedAt: string;
  next: 'look-at-concern' | 'acknowledge' | 'reply' | 'agree-reply-date';
  due: string | null;
  overdue: boolean;
  investigator: string | null;
}

/** The list's state; the inbox controller owns one. */
export class AttentionState extends Observable {
  items: AttentionItem[] = [];
  loading = false;
  error = '';
  mine = false;
  /** E-mails waiting in the collector's outbox after a failed try (the mail server may be down). */
  outbox: {waiting: number; failing: number; lastError: string | null} | undefined;

  constructor(private readonly c: InboxController) {
    super();
  }

  async load(): Promise<void> {
    const c = this.c;
    if (!c.api) return;
    this.loading = true;
    this.error = '';
    c.announce(c.t('loadingList'));
    this.notify();
    try {
      [this.items, this.outbox] = await Promise.all([
        c.api.attention(this.mine) as Promise<AttentionItem[]>,
        // Not knowing what waits must not hide the list.
        c.api.outbox().catch(() => undefined),
      ]);
      c.announce(this.items.length ? c.t('attentionCount', {count: this.items.length}) : c.t('attentionNone'));
    } catch (error) {
      this.items = [];
      this.error = c.explain(error);
      c.announce(this.error);
    }
    this.loading = false;
    this.notify();
  }

  setMine(mine: boolean): void {
    this.mine = mine;
    void this.load();
  }
}
