// Follows one submission through the page's transport. What happens to it (queued, delivered, failed) is
// heard only from the transport's own events, so each outcome arrives once, by one road; the form's flow
// decides what each one means.
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {
  DeliveryState,
  Persistence,
  Transport,
  TransportStatusEventDetail,
  TransportStorageEventDetail,
} from '@care-feedback/core/transport';
import type {Submission} from '@care-feedback/core/schema/submission';
import {transportFor} from '../shared/delivery.js';
import {devWarn} from '../shared/dev.js';

export interface DeliveryListener {
  /** A change to the followed submission, with where the transport keeps things now. */
  status(delivery: DeliveryState, persistence: Persistence): void;
  /** Where the transport keeps things changed (the device's storage opened, or fell back to memory). */
  storage(persistence: Persistence): void;
  /** The send this form shows as waiting in the queue, if any, to follow whenever it is on the page. */
  waiting(): {endpoint: string; storage: 'local' | 'none'; id: string} | undefined;
}

/**
 * Off the page it stops listening once no send of its own is under way, so a form taken off the page
 * does not speak for a send that a form on the page (or a later page) now follows.
 */
export class DeliveryController implements ReactiveController {
  private transport?: Transport;
  private id?: string;
  private connected = false;
  /** A send() of this form has not yet come back from the transport. */
  private sending = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly listener: DeliveryListener,
  ) {
    host.addController(this);
  }

  /**
   * Hands a submission to the transport for `endpoint` and follows it. Throws when the transport cannot
   * start; its outcome arrives through the listener.
   */
  send(endpoint: string, storage: 'local' | 'none', submission: Submission): void {
    const transport = this.follow(endpoint, storage, submission.id);
    this.sending = true;
    transport
      .send(submission)
      .catch((error: unknown) => {
        // The transport promises not to throw; if it does, say so honestly rather than pretend.
        devWarn('The transport failed unexpectedly.', error);
        this.listener.status(
          {id: submission.id, status: 'failed', attempts: 0, reason: 'rejected'},
          transport.persistence,
        );
      })
      .finally(() => {
        this.sending = false;
        if (!this.connected) this.unwatch();
      });
  }

  /** After a reload, picks up a send that was waiting in the queue and follows it to delivery. */
  resume(endpoint: string, storage: 'local' | 'none', id: string): void {
    try {
      const transport = this.follow(endpoint, storage, id);
      void transport.ready.then((persistence) => {
        if (this.transport !== transport) return;
        this.listener.storage(persistence);
        void transport.flush();
      });
    } catch (error) {
      devWarn('Could not follow the queued feedback.', error);
    }
  }

  /** Stops following (the form started again, or the outcome is final). */
  stop(): void {
    this.unwatch();
    this.transport = undefined;
    this.id = undefined;
  }

  /** On the page (again): a send still waiting, from a draft or from before a launcher closed, is followed. */
  hostConnected(): void {
    this.connected = true;
    const waiting = this.listener.waiting();
    if (waiting) this.resume(waiting.endpoint, waiting.storage, waiting.id);
  }

  hostDisconnected(): void {
    this.connected = false;
    if (!this.sending) this.unwatch();
  }

  private follow(endpoint: string, storage: 'local' | 'none', id: string): Transport {
    const transport = transportFor(endpoint, storage);
    this.id = id;
    this.watch(transport);
    // What the transport already knows (delivered by an earlier page, a moment ago) is its last word.
    const known = transport.state(id);
    if (known) this.listener.status(known, transport.persistence);
    return transport;
  }

  private readonly onStatus = (event: Event): void => {
    const delivery = (event as CustomEvent<TransportStatusEventDetail>).detail;
    if (delivery.id === this.id) this.listener.status(delivery, this.transport!.persistence);
  };

  private readonly onStorage = (event: Event): void => {
    this.listener.storage((event as CustomEvent<TransportStorageEventDetail>).detail.persistence);
  };

  private watch(transport: Transport): void {
    this.unwatch();
    this.transport = transport;
    transport.addEventListener('care-transport-status', this.onStatus);
    transport.addEventListener('care-transport-storage', this.onStorage);
  }

  private unwatch(): void {
    this.transport?.removeEventListener('care-transport-status', this.onStatus);
    this.transport?.removeEventListener('care-transport-storage', this.onStorage);
  }
}
