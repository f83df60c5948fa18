// Builds with `npx rollup -c` when a bundle the tests or `npm start` need is missing or older than its sources.
// Usage: `node tools/ensure-built.mjs` (exit 0 when up to date or built), or `await ensureBuilt()` from a script.
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockDir = join(root, 'node_modules/.cache/care-feedback-build.lock');

/** Files and folders whose change means the bundles must be built again. */
const SOURCES = [
  'rollup.config.mjs',
  'tools/rollup-plugins.mjs',
  'packages/core/src',
  'packages/elements/src',
  'packages/elements/locales',
  'packages/elements/glossary',
  'packages/elements/charter',
  'packages/embed/src',
  'packages/inbox/src',
  'packages/collector/src',
];

/** What `npm start` and the tests use from a build, when the package has the source for it. */
function outputs() {
  // integrity.json is written last of the embed's files (by the care-feedback.js build), after every chunk.
  const wanted = ['packages/embed/dist/care-feedback.js', 'packages/embed/dist/care-feedback.mjs', 'packages/embed/dist/integrity.json'];
  if (existsSync(join(root, 'packages/collector/src/cli.ts'))) wanted.push('packages/collector/dist/cli.js');
  if (existsSync(join(root, 'packages/core/src/index.ts'))) wanted.push('packages/core/dist/index.js');
  // The page's files are copied after its script is written, so index.html is the last of them.
  if (existsSync(join(root, 'packages/inbox/src/care-feedback-inbox.ts'))) wanted.push('packages/inbox/dist/index.html');
  return wanted;
}

function newestSource() {
  let newest = 0;
  let newestPath = '';
  for (const entry of SOURCES) {
    const path = join(root, entry);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    const files = stat.isDirectory()
      ? readdirSync(path, {recursive: true})
          .map((name) => join(path, String(name)))
          .filter((file) => !/\.test\.ts$|[\\/]test-support[\\/]/.test(file))
      : [path];
    for (const file of files) {
      const time = statSync(file).mtimeMs;
      if (time > newest) [newest, newestPath] = [time, file];
    }
  }
  return {time: newest, path: newestPath};
}

/** Why a build is needed, or undefined when every output is newer than every source. */
export function staleReason() {
  const source = newestSource();
  for (const output of outputs()) {
    const path = join(root, output);
    if (!existsSync(path)) return `${output} is missing`;
    if (statSync(path).mtimeMs < source.time) return `${output} is older than ${source.path.slice(root.length)}`;
  }
  return undefined;
}

function runRollup(log) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['rollup', '-c', 'rollup.config.mjs'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        log(output.split('\n').filter((line) => /^(care-feedback|chunks\/)|integrity=/.test(line)).join('\n'));
        resolve();
      } else reject(new Error(`The build failed (rollup exited with ${code}):\n${output}`));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds if needed. Several test files may call this at once, so one build runs at a time (a lock
 * folder) and the others wait for it, then look again.
 */
export async function ensureBuilt({log = (message) => console.log(message)} = {}) {
  for (;;) {
    const reason = staleReason();
    if (!reason) return {built: false};
    mkdirSync(join(root, 'node_modules/.cache'), {recursive: true});
    try {
      mkdirSync(lockDir);
    } catch {
      // Someone else is building. A lock older than five minutes belongs to a build that died.
      if (Date.now() - statSync(lockDir, {throwIfNoEntry: false})?.mtimeMs > 5 * 60_000) rmSync(lockDir, {recursive: true, force: true});
      await sleep(500);
      continue;
    }
    try {
      log(`Building, because ${reason}…`);
      await runRollup(log);
      return {built: true};
    } finally {
      rmSync(lockDir, {recursive: true, force: true});
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const {built} = await ensureBuilt();
    if (!built) console.log('The build is up to date.');
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
