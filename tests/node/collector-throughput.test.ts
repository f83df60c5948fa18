// A floor under the collector's throughput (issue 8), as a ratio to the plain node:http baseline
// measured beside it in the same run, never as a clock: machines differ, the ratio much less.
import {test} from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs build tool without type declarations.
import {ensureBuilt} from '../../tools/ensure-built.mjs';
// @ts-expect-error: a plain .mjs bench without type declarations.
import {run} from '../../bench/collector.mjs';

/**
 * `npm run bench` measures the SQLite collector at about 0.5× on our 2-core machines, and 0.38×
 * while a browser test ran beside it. The floor sits under that, and above what committing each
 * insert on its own costs (tried: 0.27×).
 */
const FLOOR = 0.33;
const P99_MS = 25;

interface Row {
  server: string;
  'req/s': number;
  'p99 ms': number;
  'not 2xx': number;
  '× baseline': string;
}

test(
  `the SQLite collector keeps ≥ ${FLOOR}× the baseline's throughput, p99 under ${P99_MS} ms`,
  {timeout: 180_000},
  async () => {
    await ensureBuilt({log: () => {}});
    // Short runs, two rounds, the collector on SQLite beside the baseline ('' leaves PostgreSQL out).
    const {rows} = (await run({
      postgresUrl: '',
      durationS: 3,
      rounds: 2,
      withReference: false,
    })) as {
      rows: Row[];
    };
    const collector = rows.find((row) => row.server === 'collector, SQLite')!;
    console.log(
      rows
        .map(
          (row) =>
            `${row.server}: ${row['req/s']} req/s, p99 ${row['p99 ms']} ms, ${row['× baseline']}×`,
        )
        .join('\n'),
    );
    assert.equal(collector['not 2xx'], 0, 'every submission was stored');
    assert.ok(
      Number(collector['× baseline']) >= FLOOR,
      `${collector['× baseline']}× is under the floor`,
    );
    assert.ok(collector['p99 ms'] < P99_MS, `p99 ${collector['p99 ms']} ms`);
  },
);
