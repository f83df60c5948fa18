// Helpers for the transport's browser tests: a real test endpoint on the dev server, and fresh submissions.
import {executeServerCommand} from '@web/test-runner-commands';
import {exampleSubmission} from '../schema/example.js';
import type {Submission} from '../schema/submission.js';
import {createTransport} from './transport.js';
import type {DeliveryState, Transport, TransportOptions} from './types.js';
// The one way a test waits for something: a condition, never a fixed sleep (shared with every runner).
export {waitUntil} from '../../../../tests/support/wait-until.js';

export interface EndpointMode {
  mode: 'up' | 'down' | 'status';
  status?: number;
  retryAfter?: number | string;
  problem?: {path: string; code?: string; message: string}[];
  times?: number;
  delayMs?: number;
}

export interface EndpointRecords {
  /** How many times each id was stored as new (201). */
  created: Record<string, number>;
  /** How many POSTs reached the endpoint for each id. */
  posts: Record<string, number>;
  /** The most requests for one id that were in flight at the same moment. */
  maxInFlight: Record<string, number>;
  requests: {id?: string; at: number; status: number | 'destroyed'}[];
}

/** A fresh endpoint on the dev server: real HTTP, its own records, failures set by the test. */
export function testEndpoint(label: string) {
  const name = `${label}-${crypto.randomUUID().slice(0, 8)}`;
  return {
    name,
    url: `${location.origin}/__test-endpoint/${name}/v1`,
    set: (mode: EndpointMode) => executeServerCommand('test-endpoint-set', {name, ...mode}),
    read: async () => (await executeServerCommand('test-endpoint-read', {name})) as EndpointRecords,
  };
}

export function freshSubmission(overrides: Partial<Submission> = {}): Submission {
  return exampleSubmission({id: crypto.randomUUID(), ...overrides});
}

export function freshDatabaseName(): string {
  return `care-feedback-test-${crypto.randomUUID()}`;
}

/** Every status event the transport fires, in order. */
export function recordStatuses(transport: Transport): DeliveryState[] {
  const seen: DeliveryState[] = [];
  transport.addEventListener('care-transport-status', (event) => seen.push(event.detail));
  return seen;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Call inside a `describe`: returns `make(options)`, which creates a transport with `defaults`
 * under `options` (and its own fresh database unless either names one), and closes every
 * transport it made after each test.
 */
export function useTransports(defaults: Partial<TransportOptions> = {}) {
  const open: Transport[] = [];
  afterEach(() => open.splice(0).forEach((transport) => transport.close()));
  return (options: TransportOptions): Transport => {
    const transport = createTransport({databaseName: freshDatabaseName(), ...defaults, ...options});
    open.push(transport);
    return transport;
  };
}
