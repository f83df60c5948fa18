// npm start: builds what is needed, starts the collector, makes a provider token once, serves the example site.
//
// Settings (flags win over environment variables):
//   --site-port N       PORT_SITE        the example site's port (8080)
//   --collector-port N  PORT_COLLECTOR   the collector's port (8787)
//   --data DIR          CARE_DATA_DIR    where the SQLite database and the saved token live (./data)
//   --no-example        CARE_EXAMPLE=0   start on your own empty database (DIR/feedback.db) instead of
//                                        the example one (DIR/example.db: a year of made-up feedback,
//                                        made on the first run, so the inbox and reports have something)
// E-mail alerts are written to DIR/outbox/ as .eml files, unless CARE_FEEDBACK_SMTP names a mail
// server (then CARE_FEEDBACK_NOTIFY and CARE_FEEDBACK_MAIL_FROM say who gets them and from whom).
import {spawn} from 'node:child_process';
import {chmodSync, createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {createServer as createNetServer} from 'node:net';
import {extname, join, normalize, resolve, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensureBuilt} from '../tools/ensure-built.mjs';
import {EXAMPLE_SERVICES, seedExampleDatabase} from './example-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const siteRoot = join(root, 'examples/provider-site');
const embedDist = join(root, 'packages/embed/dist');
const collectorBin = join(root, 'packages/collector/bin/care-feedback-collector.js');
const HOST = '127.0.0.1';

function option(flag, envName, fallback) {
  const index = process.argv.indexOf(flag);
  if (index > 0 && process.argv[index + 1]) return process.argv[index + 1];
  return process.env[envName] || fallback;
}

function port(value, name) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) fail(`${name} must be a port number from 1 to 65535, not "${value}".`);
  return number;
}

function fail(message) {
  console.error(`\nnpm start stopped: ${message}\n`);
  process.exit(1);
}

const sitePort = port(option('--site-port', 'PORT_SITE', '8080'), 'The site port');
const collectorPort = port(option('--collector-port', 'PORT_COLLECTOR', '8787'), 'The collector port');
const dataDir = resolve(root, option('--data', 'CARE_DATA_DIR', 'data'));
const example = !process.argv.includes('--no-example') && process.env.CARE_EXAMPLE !== '0';
// Each database has its own token: a token is only good in the database it was made in.
const dbPath = join(dataDir, example ? 'example.db' : 'feedback.db');
const tokenFile = join(dataDir, example ? 'example-token.txt' : 'provider-token.txt');
const mailDir = join(dataDir, 'outbox');
const smtp = process.env.CARE_FEEDBACK_SMTP;
const siteUrl = `http://localhost:${sitePort}`;
const collectorUrl = `http://localhost:${collectorPort}`;
// Node's own requests go to the address the servers listen on, whatever "localhost" resolves to here.
const collectorDirect = `http://${HOST}:${collectorPort}`;

/** Resolves when nothing listens on the port; a clear message and exit when something does. */
function checkPortFree(number, what, flag, envName) {
  return new Promise((done) => {
    const probe = createNetServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        fail(
          `port ${number} is already in use, so the ${what} cannot start there.\n` +
            `Stop the other program (is npm start already running in another window?), or choose another port:\n` +
            `  npm start -- ${flag} ${number + 1}      (or ${envName}=${number + 1} npm start)`,
        );
      }
      fail(`could not open port ${number} for the ${what}: ${error.message}`);
    });
    probe.listen(number, HOST, () => probe.close(done));
  });
}

// ---------------------------------------------------------------- the collector

let collector;
let stopping = false;

function runCollectorCommand(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [collectorBin, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => done({code: 1, stdout, stderr: stderr + error.message}));
    child.on('exit', (code) => done({code, stdout, stderr}));
  });
}

/** The token from `token create --json`, which prints one line of JSON for scripts. */
function tokenFrom(output) {
  try {
    return JSON.parse(output).token;
  } catch {
    return undefined;
  }
}

async function createToken() {
  const result = await runCollectorCommand(['token', 'create', '--name', 'inbox', '--json', '--db', dbPath]);
  const token = result.code === 0 ? tokenFrom(result.stdout) : undefined;
  if (!token) fail(`the collector could not create a provider token.\n${result.stderr || result.stdout}`);
  writeFileSync(tokenFile, `${token}\n`, {mode: 0o600});
  chmodSync(tokenFile, 0o600);
  return token;
}

function startCollector() {
  const args = ['serve', '--port', String(collectorPort), '--host', HOST, '--db', dbPath];
  for (const origin of [siteUrl, `http://${HOST}:${sitePort}`]) args.push('--allow-origin', origin);
  // E-mail alerts for new complaints and concerns: files to open in a mail program, unless a real
  // mail server is given (docs/collector.md, "E-mail alerts").
  args.push('--inbox-url', `${collectorUrl}/inbox/`);
  if (!smtp) {
    args.push('--mail-dir', mailDir);
    if (!process.env.CARE_FEEDBACK_NOTIFY) args.push('--notify', 'manager@care-home.example');
    if (!process.env.CARE_FEEDBACK_MAIL_FROM) args.push('--mail-from', 'care-feedback@care-home.example');
  }
  // Its own process group, so one Ctrl-C reaches it once, from us, and it can shut down in order.
  collector = spawn(process.execPath, [collectorBin, ...args], {cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true});
  let errors = '';
  const prefix = (stream, target) =>
    stream.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (line.trim()) target.write(`[collector] ${line}\n`);
    });
  prefix(collector.stdout, process.stdout);
  prefix(collector.stderr, process.stderr);
  collector.stderr.on('data', (chunk) => (errors += chunk));
  collector.on('exit', (code, signal) => {
    if (stopping) return;
    fail(
      /EADDRINUSE/.test(errors)
        ? `port ${collectorPort} is already in use, so the collector cannot start there. Try: npm start -- --collector-port ${collectorPort + 1}`
        : `the collector stopped unexpectedly (${signal ?? `exit code ${code}`}).`,
    );
  });
}

async function waitForCollector() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${collectorDirect}/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 150));
  }
  fail(`the collector did not answer on ${collectorUrl}/v1/health within 30 seconds.`);
}

/** A saved token only works with the database it was made in; a deleted database needs a new one. */
async function tokenWorks(token) {
  const response = await fetch(`${collectorDirect}/v1/submissions?limit=1`, {headers: {authorization: `Bearer ${token}`}});
  await response.body?.cancel();
  return response.status !== 401 && response.status !== 403;
}

async function inboxBuilt() {
  try {
    const response = await fetch(`${collectorDirect}/inbox`);
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- the example site

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The strict policy docs/security.md recommends, so the example proves the widget works under it.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${collectorUrl} http://${HOST}:${collectorPort}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

/** The file a URL path names, or undefined when it is outside the served folders. */
function fileFor(pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const fromDist = /^\/(care-feedback\.m?js|care-you-said-we-did\.js|(locales|glossary|charter|chunks)\/.+)$/.test(path);
  const base = fromDist ? embedDist : siteRoot;
  const file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return undefined;
  for (const candidate of [file, join(file, 'index.html'), `${file}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function serveSite(request, response) {
  const {pathname} = new URL(request.url ?? '/', siteUrl);
  const headers = {
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cache-control': 'no-cache',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, {...headers, allow: 'GET, HEAD', 'content-type': 'text/plain'}).end('Method not allowed\n');
    return;
  }
  const file = fileFor(pathname);
  if (!file) {
    const notFound = join(siteRoot, '404.html');
    response.writeHead(404, {...headers, 'content-type': TYPES['.html']});
    response.end(existsSync(notFound) ? readFileSync(notFound) : 'Page not found\n');
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (extname(file) === '.html') {
    // Pages are written for the default collector address; point them at the one running now.
    const page = readFileSync(file, 'utf8').replaceAll('http://localhost:8787', collectorUrl);
    response.writeHead(200, {...headers, 'content-type': type});
    response.end(request.method === 'HEAD' ? undefined : page);
    return;
  }
  response.writeHead(200, {...headers, 'content-type': type});
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}

// ---------------------------------------------------------------- stopping

let site;

async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the site and the collector…`);
  const siteClosed = new Promise((done) => {
    if (!site) return done();
    site.close(() => done());
    site.closeAllConnections();
  });
  const collectorStopped = new Promise((done) => {
    if (!collector || collector.exitCode !== null || collector.signalCode !== null) return done();
    const force = setTimeout(() => collector.kill('SIGKILL'), 10_000);
    collector.once('exit', () => {
      clearTimeout(force);
      done();
    });
    collector.kill('SIGTERM');
  });
  await Promise.all([siteClosed, collectorStopped]);
  console.log('Stopped. Your feedback is kept in', dataDir);
  process.exit(0);
}

process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
// If this script dies some other way, the collector (in its own process group) must not live on.
process.on('exit', () => {
  if (collector && collector.exitCode === null && collector.signalCode === null) collector.kill('SIGKILL');
});

// ---------------------------------------------------------------- main

if (!existsSync(collectorBin)) fail(`the collector is not there yet (${collectorBin}).`);
await checkPortFree(sitePort, 'example site', '--site-port', 'PORT_SITE');
await checkPortFree(collectorPort, 'collector', '--collector-port', 'PORT_COLLECTOR');

try {
  await ensureBuilt({log: (message) => message && console.log(message)});
} catch (error) {
  fail(error.message);
}

mkdirSync(dataDir, {recursive: true});
if (example && !existsSync(dbPath)) {
  console.log('Making the example database: a year of made-up feedback for three made-up services…');
  try {
    const items = await seedExampleDatabase({dbPath});
    console.log(`Made ${items} example items in ${dbPath}.`);
  } catch (error) {
    fail(`the example database could not be made: ${error.message}`);
  }
}
let token = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : '';
let tokenIsNew = false;
if (!token) {
  token = await createToken();
  tokenIsNew = true;
}

startCollector();
await waitForCollector();
if (!tokenIsNew && !(await tokenWorks(token))) {
  console.log('The saved provider token does not match this database (was it deleted?), so here is a new one.');
  token = await createToken();
  tokenIsNew = true;
}

site = createServer(serveSite);
await new Promise((done, reject) => {
  site.once('error', (error) =>
    error.code === 'EADDRINUSE' ? fail(`port ${sitePort} is already in use. Try: npm start -- --site-port ${sitePort + 1}`) : reject(error),
  );
  site.listen(sitePort, HOST, done);
});

const inbox = (await inboxBuilt())
  ? `${collectorUrl}/inbox   (sign in with the token below)`
  : `not built yet. Until it is, read feedback with the provider API:\n` +
    `                           curl -H "Authorization: Bearer ${token}" ${collectorUrl}/v1/submissions`;

console.log(`
care-feedback is running.

  Example provider site:   ${siteUrl}
  Collector:               ${collectorUrl}/v1   (feedback is stored in ${dbPath})
  ${example ? `Example data:            this database holds a year of MADE-UP feedback for ${EXAMPLE_SERVICES.join(', ')},
                           so the inbox and its reports show something. Start on your own, empty
                           database with: npm start -- --no-example` : 'Your own database:       npm start without --no-example shows a year of made-up example feedback'}
  Provider inbox:          ${inbox}
  E-mail alerts:           ${smtp ? `sent through ${smtp.replace(/\/\/[^@/]*@/, '//')}` : `written to ${mailDir} as .eml files (open one in your mail program)`}
  Provider token:          ${token}
                           ${tokenIsNew ? 'New: saved' : 'Saved earlier'} in ${tokenFile} (only you can read it). Keep it secret.

Open ${siteUrl} and press "Give feedback". Press Ctrl-C to stop both.
`);
