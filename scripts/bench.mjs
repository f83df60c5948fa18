// npm run bench: builds, runs every benchmark in bench/, prints the tables and writes docs/performance.md.
// `npm run bench -- --only size` runs one. Figures are always shown beside a baseline run in the same session.
import {execFileSync} from 'node:child_process';
import {existsSync, readdirSync, writeFileSync} from 'node:fs';
import {describeMachine} from '../bench/lib/machine.mjs';
import {markdownTable} from '../bench/lib/table.mjs';
import {startPostgres} from '../tools/postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const benches = ['size', 'collector', 'page-impact', 'jargon-scan'].filter(
  (name) => (!only || only === name) && existsSync(`${root}bench/${name}.mjs`),
);

console.log('Building…');
execFileSync(process.execPath, [`${root}node_modules/rollup/dist/bin/rollup`, '-c', `${root}rollup.config.mjs`], {cwd: root, stdio: 'ignore'});

let postgres;
if (!process.env.CARE_TEST_POSTGRES_URL && benches.includes('collector')) {
  try {
    postgres = startPostgres();
  } catch {}
  if (postgres) process.env.CARE_TEST_POSTGRES_URL = postgres.url;
}

const machine = describeMachine();
const sections = [];
try {
  for (const name of benches) {
    console.log(`\n=== ${name} ===`);
    const {title, rows, notes} = await (await import(`../bench/${name}.mjs`)).run();
    const text = `## ${title}\n\n${markdownTable(rows)}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
    console.log(text);
    sections.push(text);
  }
} finally {
  postgres?.stop();
}

if (!only) {
  const page = `# Performance

Measured by \`npm run bench\` (the code is in \`bench/\`), each figure beside a baseline run in the same session.
Re-run it on your own machine: \`npm ci && npm run bench\`. The size budget is also enforced by \`npm test\`
(tests/node/size-budget.test.ts), which measures the built bundle.

Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}; Node.js ${machine.node}; ${machine.chromium}. Run on ${machine.date}.

${sections.join('\n')}`;
  writeFileSync(`${root}docs/performance.md`, page);
  console.log('Wrote docs/performance.md');
}
