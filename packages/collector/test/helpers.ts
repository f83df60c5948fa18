// Test helpers: a real collector on loopback over a real SQLite file or PostgreSQL schema.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import pg from 'pg';
import {canonicalSubmissionJson, exampleSubmission, type Submission} from '@care-feedback/core';
import {
  createToken,
  openStore,
  serve,
  type CollectorOptions,
  type NewRecord,
  type Serving,
  type Store,
} from '@care-feedback/collector';

export const POSTGRES_URL = process.env.CARE_TEST_POSTGRES_URL;
export const POSTGRES_SKIP = POSTGRES_URL
  ? false
  : 'PostgreSQL tests skipped: CARE_TEST_POSTGRES_URL is not set (npm test sets it when PostgreSQL is installed).';

export type Engine = 'sqlite' | 'postgres';

/** The engines to run a suite against, with node:test's skip option for each. */
export const ENGINES: Array<{engine: Engine; skip: string | false}> = [
  {engine: 'sqlite', skip: false},
  {engine: 'postgres', skip: POSTGRES_SKIP},
];

export interface TempStore {
  store: Store;
  /** Options that open the same storage again (for a CLI or a second process). */
  location: {db?: string; postgres?: string; schema?: string};
  cleanup(): Promise<void>;
}

/** A fresh, empty store: a new SQLite file, or a new PostgreSQL schema that is dropped afterwards. */
export async function tempStore(engine: Engine): Promise<TempStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'care-collector-test-'));
    const location = {db: join(dir, 'feedback.db')};
    const store = await openStore(location);
    return {
      store,
      location,
      async cleanup() {
        await store.close();
        rmSync(dir, {recursive: true, force: true});
      },
    };
  }
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const location = {postgres: POSTGRES_URL!, schema};
  const store = await openStore(location);
  return {
    store,
    location,
    async cleanup() {
      await store.close();
      const client = new pg.Client({connectionString: POSTGRES_URL});
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export interface Running {
  url: string;
  api: string;
  token: string;
  store: Store;
  serving: Serving;
  location: TempStore['location'];
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Starts a collector over a fresh store with a provider token; logs are kept in memory. */
export async function startCollector(
  engine: Engine,
  options: CollectorOptions = {},
): Promise<Running> {
  const temp = await tempStore(engine);
  const logs: Array<Record<string, unknown>> = [];
  const serving = await serve({
    port: 0,
    store: temp.store,
    log: (line) => logs.push(line),
    ...options,
  });
  const {token} = await createToken(temp.store, 'tester');
  return {
    url: serving.url,
    api: `${serving.url}/v1`,
    token,
    store: temp.store,
    serving,
    location: temp.location,
    logs,
    async close() {
      await serving.close();
      await temp.cleanup();
    },
  };
}

/** A valid submission with a fresh id, slow enough not to be quarantined. */
export function submission(overrides: Partial<Submission> = {}): Submission {
  return exampleSubmission({id: randomUUID(), ...overrides});
}

/** A record as the collector hands it to a store: a comment, received now, unless told otherwise. */
export function newRecord(
  sent: Submission = submission(),
  fields: Partial<NewRecord> = {},
): NewRecord {
  return {
    id: sent.id,
    kind: 'comment',
    status: 'received',
    service: null,
    rating: null,
    spamReason: null,
    ackDueAt: null,
    receivedAt: new Date().toISOString(),
    body: canonicalSubmissionJson(sent),
    ...fields,
  };
}

export function post(
  api: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${api}/submissions`, {
    method: 'POST',
    headers: {'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function authed(running: Pick<Running, 'token'>, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: {
      authorization: `Bearer ${running.token}`,
      ...(init.headers as Record<string, string>),
    },
  };
}
