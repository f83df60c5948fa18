// Shared by the reliability tests and soaks: a real collector child process, a page with the real form, a browser.
import {spawn, execFile, type ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createInterface} from 'node:readline';
import pg from 'pg';
import {chromium, type Browser, type Page} from 'playwright-core';
// @ts-expect-error: a plain .mjs tool without type declarations.
import {chromiumArgs, chromiumPath} from '../../tools/chromium.mjs';
// @ts-expect-error: a plain .mjs tool without type declarations.
import {bundleEntry} from '../../bench/lib/bundle.mjs';
// @ts-expect-error: a plain .mjs tool without type declarations.
import {startStaticServer} from '../../bench/lib/static-server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'packages/collector/bin/care-feedback-collector.js');

/** True under `npm run soak`: the long versions run. */
export const SOAK = process.env.CARE_SOAK === '1';

export interface CollectorProcess {
  /** Base URL of the API, e.g. http://127.0.0.1:41234/v1 */
  api: string;
  child: ChildProcess;
  /** The SQLite file (unused with PostgreSQL). */
  db: string;
  /** A provider token made with `token create`. */
  token: string;
  /** Everything the child wrote on stderr (a crash shows here). */
  stderr(): string;
  /** Resident memory of the child in bytes, from /proc (Linux). */
  rss(): number;
  stop(): Promise<void>;
}

/** The throwaway PostgreSQL cluster `npm test` and `npm run soak` start, when PostgreSQL is installed. */
export const POSTGRES_URL = process.env.CARE_TEST_POSTGRES_URL;
export const POSTGRES_SKIP = POSTGRES_URL
  ? false
  : 'PostgreSQL skipped: CARE_TEST_POSTGRES_URL is not set (npm test and npm run soak set it when PostgreSQL is installed).';

export interface CollectorFlags {
  /** A PostgreSQL URL: the collector uses a fresh schema there (dropped on stop) instead of a SQLite file. */
  postgres?: string;
  allowOrigin?: string[];
  rateLimit?: number;
  trustProxy?: string;
  minElapsedMs?: number;
}

/** Runs the real CLI from the sources (no build needed); resolves with its stdout. */
export function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {env: {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1'}},
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`${args.join(' ')}: ${stderr || error.message}`))
          : resolve(stdout),
    );
  });
}

/** Children still running when this process exits (a test that timed out) are not left behind. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** `care-feedback-collector serve` on a fresh SQLite file (or PostgreSQL schema), as a child process. */
export async function startCollector(flags: CollectorFlags = {}): Promise<CollectorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'care-reliability-'));
  const db = join(dir, 'feedback.db');
  const schema = `rel_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const storage = flags.postgres
    ? ['--postgres', flags.postgres, '--pg-schema', schema]
    : ['--db', db];
  const args = [
    'serve',
    '--port',
    '0',
    ...storage,
    '--log',
    'off',
    '--rate-limit',
    String(flags.rateLimit ?? 0),
  ];
  for (const origin of flags.allowOrigin ?? []) args.push('--allow-origin', origin);
  if (flags.trustProxy) args.push('--trust-proxy', flags.trustProxy);
  args.push('--min-elapsed-ms', String(flags.minElapsedMs ?? 0));
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1'},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({input: child.stdout!});
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the collector did not start in 30 s: ${stderr}`)),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`the collector exited with ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as {event?: string; url?: string};
        if (parsed.event === 'listening' && parsed.url) {
          clearTimeout(timer);
          resolve(parsed.url);
        }
      } catch {
        // not a log line
      }
    });
  });
  // Made while the server runs, as a provider would: it must work at once.
  const token = (await cli(['token', 'create', '--name', 'reliability', ...storage])).trim();
  return {
    api: `${url}/v1`,
    child,
    db,
    token,
    stderr: () => stderr,
    rss() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, {recursive: true, force: true});
      if (flags.postgres) {
        const client = new pg.Client({connectionString: flags.postgres});
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

/** A record as the provider API shows it (the fields these tests read). */
export interface ListedRecord {
  reference: string;
  id: string;
  status: string;
  submission: {id: string; message: string; improvement?: string};
}

/** Every stored submission, through GET /v1/submissions with cursor paging. */
export async function listAll(api: string, token: string): Promise<ListedRecord[]> {
  const all: ListedRecord[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await fetch(`${api}/submissions?limit=500${query}`, {
      headers: {authorization: `Bearer ${token}`},
    });
    if (response.status !== 200)
      throw new Error(`GET /v1/submissions answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as {items: ListedRecord[]; next: string | null};
    all.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return all;
}

/** The CSV export as rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF), without the BOM. */
export function parseCsv(text: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (quoted) throw new Error('the CSV ends inside a quoted cell');
  if (cell !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

export interface FormPage {
  /** The page's origin, to allow in the collector. */
  origin: string;
  /** The page with the form; the endpoint is set with setEndpoint() before it is opened. */
  url: string;
  setEndpoint(api: string): void;
  close(): Promise<void>;
}

let bundled: Promise<Buffer> | undefined;

const FORM_ENTRY = 'packages/elements/src/define/care-feedback-form.ts';

/**
 * The form's define module as one ESM file. The soak uses the project's production Rollup build
 * (bench/lib/bundle.mjs, ~40 s on a busy 2-core machine); the short tests use esbuild (under 2 s),
 * which bundles the same sources a consumer's bundler would.
 */
async function bundleForm(): Promise<Buffer> {
  if (SOAK || process.env.CARE_RELIABILITY_BUNDLER === 'rollup')
    return (await bundleEntry(FORM_ENTRY)) as Buffer;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(ROOT, FORM_ENTRY)],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    conditions: ['source', 'production', 'browser'],
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0]!.contents);
}

/**
 * Serves a plain provider page with the real `<care-feedback-form>`, bundled from its define module
 * as a consumer's bundler would. A trap on the page (window.__pwned) is set if any script text a
 * person typed ever runs: alert/confirm/prompt are replaced, and our own payloads call it directly.
 * `attributes` are added to the form (e.g. `storage="none"`).
 */
export async function startFormPage(attributes = ''): Promise<FormPage> {
  bundled ??= bundleForm();
  const code = await bundled;
  let endpoint = 'http://127.0.0.1:9/v1';
  const html =
    () => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Have your say</title>
<script>
  window.__pwned = undefined;
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => { window.__pwned = name + ': ' + String(args[0]); };
</script>
<script type="module" src="/form.js"></script></head>
<body><main><h1>Have your say</h1>
<care-feedback-form endpoint="${endpoint}" locale="en-GB" ${attributes}></care-feedback-form></main></body></html>`;
  const server = await startStaticServer((pathname: string) => {
    if (pathname === '/' || pathname === '/index.html')
      return {body: html(), type: 'text/html; charset=utf-8'};
    if (pathname === '/form.js') return {body: code, type: 'text/javascript'};
    return undefined;
  });
  return {
    origin: server.url,
    url: `${server.url}/`,
    setEndpoint: (api) => (endpoint = api),
    close: () => server.close(),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
}

/** The form's current step (data-phase on its step container). */
export async function phase(page: Page): Promise<string | null> {
  return page
    .locator('care-feedback-form [part="step"]')
    .getAttribute('data-phase', {timeout: 10_000});
}

/** Waits for the form to show one of `phases`; returns the one it shows. */
export async function waitForPhase(
  page: Page,
  phases: string[],
  timeout = 15_000,
): Promise<string> {
  const selector = phases
    .map((p) => `care-feedback-form [part="step"][data-phase="${p}"]`)
    .join(', ');
  await page.locator(selector).first().waitFor({timeout});
  return (await phase(page))!;
}

/**
 * Fills the real form as a person would (playwright clicks and typing into its shadow DOM): a
 * compliment, rating, `message`, no reply, consent; then presses Send. Returns once it shows its
 * confirmation (delivered, or saved on the device to send later).
 */
export async function fillAndSend(
  page: Page,
  message: string,
  atReview?: (page: Page) => Promise<void>,
): Promise<'delivered' | 'queued'> {
  const form = page.locator('care-feedback-form');
  // From wherever it is: a reload part-way brings back the draft at the step it reached.
  await waitForPhase(page, ['kind', 'rating', 'story', 'about', 'reply', 'consent', 'review']);
  for (let guard = 0; guard < 12; guard++) {
    const step = await phase(page);
    if (step === 'done') break;
    switch (step) {
      case 'kind':
        await form.locator('care-feedback-picker input[value="compliment"]').check({force: true});
        break;
      case 'rating':
        await form.locator('input[name="f-rating"][value="good"]').check({force: true});
        break;
      case 'story':
        await form.locator('#f-message').fill(message);
        break;
      case 'reply':
        await form.locator('#f-reply').check({force: true});
        break;
      case 'consent':
        await form.locator('#f-consent-store').check({force: true});
        break;
      case 'review':
        await atReview?.(page);
        break;
    }
    const before = step;
    await form.locator('button[type="submit"]').click();
    if (before === 'review') await waitForPhase(page, ['done', 'failed']);
    else
      await page.waitForFunction(
        (was) =>
          document
            .querySelector('care-feedback-form')
            ?.shadowRoot?.querySelector('[part="step"]')
            ?.getAttribute('data-phase') !== was,
        before,
        {timeout: 10_000},
      );
  }
  const step = await phase(page);
  if (step !== 'done') throw new Error(`the form ended at "${step}", not at its confirmation`);
  // Delivered shows the collector's reference; queued says it will be sent by itself.
  return (await form.locator('[part="confirmation"] .reference').count()) > 0
    ? 'delivered'
    : 'queued';
}

/** Presses "Give more feedback" on the confirmation, back to the first step. */
export async function giveMore(page: Page): Promise<void> {
  await page
    .locator('care-feedback-form')
    .getByRole('button', {name: 'Give more feedback'})
    .click();
  await waitForPhase(page, ['kind']);
}

/** What waits in the device's queue (IndexedDB `care-feedback`, store `queue`), read in the page. */
export function deviceQueue(page: Page): Promise<Array<{id: string; message: string}>> {
  return page.evaluate(async () => {
    // Opening a database that does not exist would create it empty and spoil the transport's own open.
    if (!(await indexedDB.databases()).some((d) => d.name === 'care-feedback')) return [];
    return new Promise<Array<{id: string; message: string}>>((resolve, reject) => {
      const open = indexedDB.open('care-feedback');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('queue')) {
          db.close();
          resolve([]);
          return;
        }
        const request = db.transaction('queue', 'readonly').objectStore('queue').getAll();
        request.onsuccess = () => {
          db.close();
          resolve(
            (request.result as Array<{id: string; submission: {message: string}}>).map((item) => ({
              id: item.id,
              message: item.submission.message,
            })),
          );
        };
        request.onerror = () => reject(request.error);
      };
    });
  });
}

/** Percentile of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}
