// npm test: the typecheck, every Node suite and every browser suite, then one line "N passed, N failed".
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, readdirSync, rmSync, existsSync} from 'node:fs';
import {join, relative} from 'node:path';
import {startPostgres} from '../tools/postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.test-results');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const totals = {passed: 0, failed: 0, skipped: 0};

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {cwd: root, stdio: 'inherit', env: {...process.env, ...env}});
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Adds a suite's counts; a suite that exits non-zero without counting a failure counts one. */
function add(name, code, counts) {
  const c = counts ?? {passed: 0, failed: 0, skipped: 0};
  if (code !== 0 && !c.failed) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped ?? 0;
  console.log(`\n[${name}] ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}\n`);
}

function findFiles(dir, test) {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), {recursive: true})
    .map((name) => join(dir, String(name)))
    .filter((path) => !path.includes('node_modules') && test(path))
    .sort();
}

rmSync(results, {recursive: true, force: true});
mkdirSync(results, {recursive: true});

if (!only || only === 'typecheck') {
  console.log('\n=== Typecheck (tsc) ===');
  const code = await run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  add('typecheck', code, {passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1});
}

// House style, and the elements' reference page kept true to their sources (one count each).
if (!only || only === 'lint') {
  console.log('\n=== Lint (eslint) and the elements docs check ===');
  const lint = await run(join(root, 'node_modules/.bin/eslint'), ['.']);
  add('lint', lint, {passed: lint === 0 ? 1 : 0, failed: lint === 0 ? 0 : 1});
  const docs = await run(process.execPath, [join(root, 'tools/elements-docs.mjs'), '--check']);
  add('docs check', docs, {passed: docs === 0 ? 1 : 0, failed: docs === 0 ? 0 : 1});
}

// The bundles that the embed, size and npm start tests load, built once here when missing or stale.
if (!only || only === 'node' || only === 'browser') {
  console.log('\n=== Build (when sources changed) ===');
  const code = await run(process.execPath, [join(root, 'tools/ensure-built.mjs')]);
  if (code !== 0) add('build', code, {passed: 0, failed: 1});
}

// One throwaway PostgreSQL cluster for the Node suites and the browser suites (the collectors that
// browser tests start may use it too), stopped at the end.
let postgres;
if ((!only || only === 'node' || only === 'browser') && !process.env.CARE_TEST_POSTGRES_URL) {
  try {
    postgres = startPostgres();
  } catch (error) {
    console.log(`PostgreSQL is installed but would not start, so its tests are skipped: ${error.message}`);
  }
  if (postgres) console.log(`PostgreSQL: a throwaway cluster at ${postgres.url}`);
  else console.log('PostgreSQL is not installed here: the PostgreSQL tests are SKIPPED. (.ci/run installs it.)');
}
const postgresEnv = postgres ? {CARE_TEST_POSTGRES_URL: postgres.url} : {};

if (!only || only === 'node') {
  console.log('\n=== Node tests (node:test) ===');
  const files = [
    ...findFiles('packages', (p) => /\/test\/.*\.test\.ts$/.test(p) || p.endsWith('.node.test.ts')),
    ...findFiles('tests/node', (p) => p.endsWith('.test.ts')),
  ];
  const countFile = join(results, 'node.json');
  const code = files.length
    ? await run(
        process.execPath,
        [
          '--conditions=source',
          '--import',
          'tsx',
          '--test',
          '--test-reporter=spec',
          '--test-reporter-destination=stdout',
          `--test-reporter=${join(root, 'tools/node-count-reporter.mjs')}`,
          '--test-reporter-destination=stderr',
          ...files.map((f) => relative(root, join(root, f))),
        ],
        {
          NODE_COUNT_FILE: countFile,
          ...postgresEnv,
        },
      )
    : 0;
  add('node', code, readCounts(countFile));
}

if (!only || only === 'browser') {
  console.log('\n=== Browser tests (web-test-runner, headless Chromium) ===');
  const countFile = join(results, 'browser.json');
  const code = await run(join(root, 'node_modules/.bin/web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
    WTR_COUNT_FILE: countFile,
    ...postgresEnv,
  });
  const counts = readCounts(countFile);
  if (counts?.brokenFiles?.length) console.log(`Files that failed to run: ${counts.brokenFiles.join(', ')}`);
  add('browser', code, counts);
}

postgres?.stop();

if (totals.skipped) console.log(`(${totals.skipped} skipped)`);
// The last line, exactly as CI reads it.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
