// What the themes and actions routes get from the provider API: the store, the token's scope, the audit.
import type {ProblemField} from './http.js';
import type {AuditEntry, Store, StoredRecord} from './types.js';

export interface LearningContext {
  store: Store;
  method: string;
  url: URL;
  readJson: () => Promise<{value?: Record<string, unknown>; response?: Response}>;
  audit: (entries: Array<Omit<AuditEntry, 'at' | 'actor'>>) => Promise<void>;
  /** Now, as an ISO time. */
  at: () => string;
  /** Today (YYYY-MM-DD) in the provider's time zone. */
  today: string;
  /** The token's name, for "tagged by". */
  actor: string;
  /** The token's services when it is limited to some; undefined for a token for every service. */
  services: readonly string[] | undefined;
  /** The feedback with this reference, or undefined when there is none or the token may not see it. */
  feedback(reference: string): Promise<StoredRecord | undefined>;
}

export type {ProblemField};

/** Refuses text a person could not have meant (control characters other than tab and new line). */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
