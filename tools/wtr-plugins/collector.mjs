// WTR plugin: real collectors (TypeScript sources, temporary SQLite files) for browser tests.
//
// Commands, called from a browser test with executeServerCommand(name, payload) from '@web/test-runner-commands':
//   care-collector-start {allowOrigin?: string[], rateLimit?: number, minElapsedMs?: number, port?: number, mailDown?: boolean,
//                         store?: 'sqlite' | 'postgres', keep?: string}
//     → {id, endpoint: 'http://127.0.0.1:<port>/v1', token}
//     Starts an in-process collector on an ephemeral loopback port with a fresh SQLite file, or with
//     store: 'postgres' a fresh schema in the PostgreSQL at CARE_TEST_POSTGRES_URL (npm test starts one).
//     keep: the id of a stopped collector whose storage to open again (a restarted server keeps its data).
//   care-collector-stores → the stores this run can test: ['sqlite'], plus 'postgres' when one is running.
//     allowOrigin defaults to ['*'] (any page origin may POST; pass a list to test refusals);
//     rateLimit (per minute per address) defaults to 0 = off; minElapsedMs (quarantine threshold for
//     spam.elapsedMs) defaults to the real 3000; port (default: any free one) lets a test bring a stopped
//     collector back at the same address, as a restarted server would be; mailDown: true turns e-mail
//     alerts on towards a mail server that never answers (the outbox keeps them, and says so). `token` is a provider bearer token for the /v1 provider API.
//   care-collector-list {id} → every stored record, oldest first: {id, reference, receivedAt, kind, status
//     ('received' | 'quarantined' | …), spamReason, service, rating, ackDueAt, notes, …, submission} where
//     `submission` is the validated submission exactly as stored.
//   care-collector-stop {id} → true. Collectors still running when the test run ends are stopped too.
import {register} from 'node:module';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {randomUUID} from 'node:crypto';
import pg from 'pg';

let collectorModule;
/** The collector's TypeScript sources, loaded once; also used by inbox-clock.mjs. */
export function loadCollector() {
  if (!collectorModule) {
    // Resolve workspace packages to their TypeScript sources, as the test runners do.
    register(
      'data:text/javascript,export async function resolve(s,c,n){return n(s,{...c,conditions:[...new Set([...c.conditions,"source"])]})}',
    );
    collectorModule = import('tsx/esm/api').then(({tsImport}) =>
      tsImport('../../packages/collector/src/index.ts', import.meta.url),
    );
  }
  return collectorModule;
}

const running = new Map();
/** Storage of stopped collectors that a test may open again with `keep`, dropped when the run ends. */
const kept = new Map();
let nextId = 1;
const POSTGRES_URL = process.env.CARE_TEST_POSTGRES_URL;

/** A fresh place to store: a SQLite file in a new folder, or a new PostgreSQL schema. */
function freshStorage(store) {
  if (store === 'postgres') {
    if (!POSTGRES_URL) throw new Error('care-collector-start: store "postgres" needs CARE_TEST_POSTGRES_URL (npm test sets it)');
    return {store, options: {postgres: POSTGRES_URL, schema: `wtr_${randomUUID().replace(/-/g, '').slice(0, 20)}`}};
  }
  const dir = mkdtempSync(join(tmpdir(), 'care-wtr-collector-'));
  return {store: 'sqlite', dir, options: {db: join(dir, 'feedback.db')}};
}

async function dropStorage(storage) {
  if (storage.dir) rmSync(storage.dir, {recursive: true, force: true});
  if (storage.options.schema) {
    const client = new pg.Client({connectionString: POSTGRES_URL});
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${storage.options.schema} CASCADE`);
    await client.end();
  }
}

async function start(payload = {}) {
  const {serve, createToken} = await loadCollector();
  const storage = payload.keep ? kept.get(payload.keep) : freshStorage(payload.store);
  if (!storage) throw new Error(`care-collector-start: no stopped collector ${payload.keep} to keep`);
  if (payload.keep) kept.delete(payload.keep);
  const serving = await serve({
    port: payload.port ?? 0,
    host: '127.0.0.1',
    ...storage.options,
    allowOrigins: payload.allowOrigin ?? ['*'],
    rateLimit: payload.rateLimit ?? 0,
    ...(payload.minElapsedMs !== undefined ? {minElapsedMs: payload.minElapsedMs} : {}),
    ...(payload.mailDown
      ? {
          email: {smtp: 'smtp://127.0.0.1:9', from: 'alerts@provider.example', notify: ['manager@provider.example'], inboxUrl: 'http://127.0.0.1/inbox/', timeoutMs: 2000},
          outbox: {retryMs: 50, maxRetryMs: 200},
        }
      : {}),
    log: false,
  });
  const {token} = await createToken(await serving.collector.store(), 'browser-tests');
  const id = `c${nextId++}`;
  running.set(id, {serving, storage});
  return {id, endpoint: `${serving.url}/v1`, token};
}

async function list({id}) {
  const entry = running.get(id);
  if (!entry) throw new Error(`care-collector-list: no running collector ${id}`);
  const store = await entry.serving.collector.store();
  const records = [];
  let cursor;
  do {
    const page = await store.list({}, 500, cursor);
    records.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return records.reverse();
}

async function stop({id}) {
  const entry = running.get(id);
  if (!entry) return false;
  running.delete(id);
  await entry.serving.close();
  // Kept until the run ends, so that a test can bring the same collector back with its data.
  kept.set(id, entry.storage);
  return true;
}

export default {
  name: 'care-collector',
  async executeCommand({command, payload}) {
    if (command === 'care-collector-start') return start(payload ?? {});
    if (command === 'care-collector-list') return list(payload ?? {});
    if (command === 'care-collector-stop') return stop(payload ?? {});
    if (command === 'care-collector-stores') return POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
    return undefined;
  },
  async serverStop() {
    await Promise.all([...running.keys()].map((id) => stop({id})));
    await Promise.all([...kept.values()].map(dropStorage));
    kept.clear();
  },
};
