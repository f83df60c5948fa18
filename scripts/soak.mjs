// npm run soak: the long reliability runs that do not fit in npm test (tests/soak/), with bigger numbers.
// Node soaks are tests/soak/*.test.ts; browser soaks are tests/soak/browser/*.test.ts.
import {spawn} from 'node:child_process';
import {existsSync, readdirSync} from 'node:fs';
import {startPostgres} from '../tools/postgres.mjs';

const root = new URL('..', import.meta.url).pathname;
const list = (dir, test) => (existsSync(`${root}${dir}`) ? readdirSync(`${root}${dir}`).filter(test).map((f) => `${dir}/${f}`) : []);
const nodeFiles = list('tests/soak', (f) => f.endsWith('.test.ts'));
const browserFiles = list('tests/soak/browser', (f) => f.endsWith('.test.ts'));

const run = (command, args, env = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {cwd: root, stdio: 'inherit', env: {...process.env, CARE_SOAK: '1', ...env}});
    child.on('exit', (code) => resolve(code ?? 1));
  });

let postgres;
if (!process.env.CARE_TEST_POSTGRES_URL) {
  try {
    postgres = startPostgres();
  } catch {
    // no PostgreSQL here: its soaks are skipped and say so
  }
}
const env = postgres ? {CARE_TEST_POSTGRES_URL: postgres.url} : {};
let failed = 0;
try {
  if (nodeFiles.length) failed += await run(process.execPath, ['--expose-gc', '--conditions=source', '--import', 'tsx', '--test', '--test-concurrency=1', ...nodeFiles], env);
  if (browserFiles.length)
    failed += await run(process.execPath, [`${root}node_modules/@web/test-runner/dist/bin.js`, '--config', 'web-test-runner.config.mjs'], {
      ...env,
      WTR_FILES: browserFiles.join(','),
      WTR_CONCURRENCY: '1',
    });
} finally {
  postgres?.stop();
}
console.log(failed ? 'Soak: FAILED' : 'Soak: all passed');
process.exit(failed ? 1 : 0);
