// npm run bench: builds, runs every benchmark in bench/, prints the tables and writes docs/performance.md.
// Figures are always shown beside a baseline run in the same session.
//   npm run bench -- --only collector            runs one benchmark (or several: --only collector,jargon-scan),
//                                                and leaves docs/performance.md as it is
//   npm run bench -- --check                     also holds each figure to its floor (or ceiling), prints one
//                                                line per check, and exits 1 if any fails; docs are not written
// npm test asserts no time or rate (a busy machine would fail it); this is the gate for a quiet machine.
import {existsSync, writeFileSync} from 'node:fs';
import {describeMachine} from '../bench/lib/machine.mjs';
import {markdownTable} from '../bench/lib/table.mjs';
import {ensureBuilt} from '../tools/ensure-built.mjs';
import {startPostgres} from '../tools/postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]?.split(',')
  : undefined;
const check = process.argv.includes('--check');
const ALL = ['size', 'collector', 'page-impact', 'slow-phone', 'jargon-scan', 'scale'];
const unknown = (only ?? []).filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`No benchmark called ${unknown.join(', ')}. There are: ${ALL.join(', ')}.`);
  process.exit(2);
}
const benches = ALL.filter(
  (name) => (!only || only.includes(name)) && existsSync(`${root}bench/${name}.mjs`),
);

// The bundles the size, page and scan benches measure, built again only when a source is newer.
await ensureBuilt();

let postgres;
if (!process.env.CARE_TEST_POSTGRES_URL && benches.includes('collector')) {
  try {
    postgres = startPostgres();
  } catch {
    // no PostgreSQL here: its benches are skipped and say so
  }
  if (postgres) process.env.CARE_TEST_POSTGRES_URL = postgres.url;
}

/** A check's limit in words: "at least 0.33" or "at most 25". */
const limitOf = (c) => (c.atLeast !== undefined ? `at least ${c.atLeast}` : `at most ${c.atMost}`);
const passes = (c) => (c.atLeast !== undefined ? c.value >= c.atLeast : c.value <= c.atMost);

const machine = describeMachine();
const sections = [];
const failed = [];
try {
  for (const name of benches) {
    console.log(`\n=== ${name} ===`);
    const {title, rows, notes, checks = []} = await (await import(`../bench/${name}.mjs`)).run();
    const floors = checks.length
      ? `\nChecked by \`npm run bench -- --check\`:\n\n${checks.map((c) => `- ${c.what}: ${limitOf(c)}`).join('\n')}\n`
      : '';
    const text = `## ${title}\n\n${markdownTable(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n${floors}`;
    console.log(text);
    sections.push(text);
    if (check)
      for (const c of checks) {
        const ok = passes(c);
        if (!ok) failed.push(c);
        console.log(
          `${ok ? 'check ok' : 'CHECK FAILED'}: ${c.what} was ${c.value}, ${ok ? '' : 'should be '}${limitOf(c)}`,
        );
      }
  }
} finally {
  postgres?.stop();
}

if (check) {
  console.log(
    `\n${failed.length ? `${failed.length} check(s) FAILED:\n${failed.map((c) => `  ${c.what} was ${c.value}, should be ${limitOf(c)}`).join('\n')}` : 'Every check passed.'}`,
  );
  process.exit(failed.length ? 1 : 0);
}

if (!only) {
  const page = `# Performance

Measured by \`npm run bench\` (the code is in \`bench/\`), each figure beside a baseline run in the same session.
Re-run it on your own machine: \`npm ci && npm run bench\`. The size budget is also enforced by \`npm test\`
(tests/node/size-budget.test.ts), which measures the built bundle.

\`npm test\` asserts no time and no rate: a busy machine would fail it for no fault in the code. The floors
under these figures are checked here instead, by \`npm run bench -- --check\`: one line per check, \`CHECK FAILED\`
and exit code 1 when a figure is past its limit. Run it on a quiet machine; \`--only collector\` (or
\`--only collector,jargon-scan\`) runs just those parts, in about a minute, and leaves this page alone. Each
section below lists its checks. Shorter runs: \`BENCH_DURATION_S\` (5) and \`BENCH_ROUNDS\` (3) for the
collector, \`BENCH_SCAN_RUNS\` (5) for the jargon scan.

Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node.js ${machine.node}; ${machine.chromium}. Run on ${machine.date}.

${sections.join('\n')}`;
  writeFileSync(`${root}docs/performance.md`, page);
  console.log('Wrote docs/performance.md');
}
