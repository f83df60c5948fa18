// Crash helpers: a child collector from the real CLI, load on it, SIGKILL, and what was stored.
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {createInterface} from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import {post, submission, type TempStore} from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/care-feedback-collector.js', import.meta.url));

/** Starts the real CLI (no build: the bin runs the TypeScript sources) and waits for its URL. */
export async function spawnCollector(
  env: Record<string, string>,
  {rateLimit = 0} = {},
): Promise<{child: ChildProcess; api: string}> {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--rate-limit', String(rateLimit), '--log', 'off'],
    {
      env: {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1', ...env},
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({input: child.stdout!});
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`collector exited early with ${code}`)));
    lines.on('line', (line) => {
      const parsed = JSON.parse(line);
      if (parsed.event === 'listening') resolve(parsed.url);
    });
  });
  return {child, api: `${url}/v1`};
}

export async function loadThenKill(
  api: string,
  child: ChildProcess,
  acknowledged: Map<string, string>,
  killAfter: number,
) {
  let stop = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const worker = async () => {
    while (!stop) {
      const sent = submission();
      try {
        const response = await post(api, sent);
        if (response.status === 201 || response.status === 200)
          acknowledged.set(sent.id, (await response.json()).reference);
        else assert.fail(`unexpected ${response.status}`);
      } catch (error) {
        if (!stop) throw error;
      }
    }
  };
  const before = acknowledged.size;
  const workers = Array.from({length: 16}, worker);
  while (acknowledged.size - before < killAfter)
    await new Promise((resolve) => setTimeout(resolve, 5));
  // Killed mid-flight: requests are on the wire and commits are under way.
  child.kill('SIGKILL');
  stop = true;
  await Promise.allSettled(workers);
  await exited;
}

/** Every stored (id, reference), read straight from the database; for SQLite after an integrity check. */
export async function storedRows(
  location: TempStore['location'],
): Promise<Array<{id: string; reference: string}>> {
  if (location.db) {
    const db = new Database(location.db);
    try {
      assert.equal(db.pragma('integrity_check', {simple: true}), 'ok');
      return db.prepare('SELECT id, reference FROM submissions').all() as Array<{
        id: string;
        reference: string;
      }>;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({
    connectionString: location.postgres,
    options: `-c search_path=${location.schema}`,
  });
  await client.connect();
  try {
    return (await client.query('SELECT id, reference FROM submissions')).rows;
  } finally {
    await client.end();
  }
}

/**
 * The whole crash check: `rounds` times start the CLI collector, load it from 16 clients, SIGKILL it
 * mid-flight; then restart once more and check every acknowledged submission is stored exactly once,
 * under the reference it was given, that a resend is recognised, and (SQLite) that the file is sound.
 */
export async function crashCheck(
  location: TempStore['location'],
  rounds: number,
  perRound: number,
): Promise<{acknowledged: number; stored: number}> {
  const env: Record<string, string> = location.db
    ? {CARE_FEEDBACK_DB: location.db}
    : {CARE_FEEDBACK_POSTGRES: location.postgres!, CARE_FEEDBACK_PG_SCHEMA: location.schema!};
  const acknowledged = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    const {child, api} = await spawnCollector(env);
    await loadThenKill(api, child, acknowledged, perRound);
  }
  assert.ok(acknowledged.size >= rounds * perRound);
  const {child, api} = await spawnCollector(env);
  try {
    // The load sent the example submission with fresh ids, so this is the very same body again.
    const [id, reference] = [...acknowledged][0]!;
    const again = await post(api, {...submission(), id});
    assert.equal(again.status, 200);
    assert.equal((await again.json()).reference, reference);
    assert.equal((await post(api, {...submission({message: 'Another text'}), id})).status, 409);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const rows = await storedRows(location);
  const byId = new Map(rows.map((r) => [r.id, r.reference]));
  assert.equal(byId.size, rows.length, 'no id stored twice');
  assert.equal(new Set(rows.map((r) => r.reference)).size, rows.length, 'no reference used twice');
  const missing = [...acknowledged].filter(([id, ref]) => byId.get(id) !== ref);
  assert.deepEqual(
    missing,
    [],
    `${missing.length} of ${acknowledged.size} acknowledged submissions lost`,
  );
  return {acknowledged: acknowledged.size, stored: rows.length};
}
