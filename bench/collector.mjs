// Collector throughput and latency: autocannon in this process against POST /v1/submissions of a real
// collector (validation + durable storage), beside the plain node:http baseline, in the same run.
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import autocannon from 'autocannon';
import {exampleSubmission} from '@care-feedback/core';
import {freePort, startServer} from './lib/processes.mjs';

const ORIGIN = 'http://localhost:8080';
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CLI = new URL('../packages/collector/bin/care-feedback-collector.js', import.meta.url).pathname;

/** Realistic, unique bodies: every request is a new submission, as real traffic is. */
function load(port) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/v1/submissions',
        headers: {'content-type': 'application/json', origin: ORIGIN},
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(exampleSubmission({id: randomUUID(), createdAt: new Date().toISOString()})),
        }),
      },
    ],
  });
}

async function measure(name, start) {
  const port = await freePort();
  const server = await start(port);
  try {
    const result = await load(port);
    const ok = result['2xx'];
    const other = result.non2xx + result.errors + result.timeouts;
    return {
      server: name,
      'req/s': Math.round(ok / DURATION_S),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'not 2xx': other,
    };
  } finally {
    await server.stop();
  }
}

export async function run({postgresUrl = process.env.CARE_TEST_POSTGRES_URL} = {}) {
  const rows = [];
  const baseline = await measure('baseline: node:http, parse only', (port) =>
    startServer(process.execPath, [new URL('./baseline-server.mjs', import.meta.url).pathname, String(port)], port),
  );
  rows.push(baseline);
  const dir = mkdtempSync(join(tmpdir(), 'care-bench-'));
  const serve = (port, storeArgs) =>
    startServer(process.execPath, [CLI, 'serve', '--port', String(port), ...storeArgs, '--allow-origin', ORIGIN, '--rate-limit', '0'], port);
  try {
    rows.push(await measure('collector, SQLite', (port) => serve(port, ['--db', join(dir, 'bench.db')])));
    if (postgresUrl) rows.push(await measure('collector, PostgreSQL', (port) => serve(port, ['--postgres', postgresUrl])));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
  for (const row of rows) row['× baseline'] = (row['req/s'] / baseline['req/s']).toFixed(2);
  const notes = [
    `${CONNECTIONS} connections for ${DURATION_S} s each, from the benchmark process to servers in child processes on 127.0.0.1.`,
    'Goal: the SQLite collector at ≥ 0.60× the baseline throughput with p99 under 25 ms.',
  ];
  if (!postgresUrl) notes.push('PostgreSQL was not measured: set CARE_TEST_POSTGRES_URL, or install PostgreSQL so the bench starts one.');
  return {title: 'Collector throughput and latency', rows, notes};
}
