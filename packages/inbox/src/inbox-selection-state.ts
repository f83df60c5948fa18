// The piece of feedback open in the detail view: its record, who read or changed it, and how saving
// a change or erasing it went. Plain TypeScript (no Lit, no DOM), so Node tests it
// (inbox-selection-state.node.test.ts); the inbox's Lit controller calls the collector and renders
// when this changes.
import type {AuditEntry} from '@care-feedback/core/provider';
import type {InboxRecord} from './inbox-types.js';
import {Observable} from './inbox-observable.js';

export class SelectionState extends Observable {
  #record: InboxRecord | undefined;
  #audit: AuditEntry[] = [];
  #auditError = '';
  #error = '';
  #statusError = '';
  #saving = false;
  #erasing = false;

  /** The open feedback; undefined when none is open (or it could not be loaded). */
  get record(): InboxRecord | undefined {
    return this.#record;
  }
  /** Who read or changed it, oldest first. */
  get audit(): AuditEntry[] {
    return this.#audit;
  }
  /** Why the audit trail is not shown; '' when it is. */
  get auditError(): string {
    return this.#auditError;
  }
  /** Why it could not be loaded, released or erased; '' when nothing is wrong. */
  get error(): string {
    return this.#error;
  }
  /** Why a status change or a note was not saved; '' when nothing is wrong. */
  get statusError(): string {
    return this.#statusError;
  }
  /** A status change or a note is being saved. */
  get saving(): boolean {
    return this.#saving;
  }
  get erasing(): boolean {
    return this.#erasing;
  }

  /** Opens one, showing what the list had of it (if anything) while the full record loads. */
  open(listed: InboxRecord | undefined): void {
    this.#record = listed;
    this.#error = '';
    this.#statusError = '';
    this.#audit = [];
    this.#auditError = '';
    this.notify();
  }

  /** The record as the collector now has it. */
  show(record: InboxRecord): void {
    this.#record = record;
    this.notify();
  }

  /** It could not be loaded or released: `message` says why. */
  failed(message: string): void {
    this.#error = message;
    this.notify();
  }

  auditLoaded(entries: AuditEntry[]): void {
    this.#audit = entries;
    this.#auditError = '';
    this.notify();
  }

  auditFailed(message: string): void {
    this.#auditError = message;
    this.notify();
  }

  savingStarted(): void {
    this.#saving = true;
    this.#statusError = '';
    this.notify();
  }

  /** The status change or note was saved; `record` is the record after it. */
  saved(record: InboxRecord): void {
    this.#saving = false;
    this.#record = record;
    this.notify();
  }

  /** The status change or note was not saved (or there was nothing to save): `message` says why. */
  statusFailed(message: string): void {
    this.#saving = false;
    this.#statusError = message;
    this.notify();
  }

  eraseStarted(): void {
    this.#erasing = true;
    this.notify();
  }

  /** Erased: nothing is open any more. */
  erased(): void {
    this.#erasing = false;
    this.#record = undefined;
    this.notify();
  }

  eraseFailed(message: string): void {
    this.#erasing = false;
    this.#error = message;
    this.notify();
  }

  /** Signed out: nothing open, nothing of it kept. */
  clear(): void {
    this.#record = undefined;
    this.#audit = [];
    this.notify();
  }
}
