// `npm start` for real: builds if needed, starts the collector and the example site, makes a provider token once,
// takes feedback from the site's origin, reads it back with the printed token, and stops cleanly on Ctrl-C.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn, type ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {exampleSubmission} from '@care-feedback/core';
import {chromium, type Page} from 'playwright-core';
// @ts-expect-error: a plain .mjs helper without type declarations.
import {chromiumArgs, chromiumPath} from '../../tools/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs scripts/start.mjs as `npm start` does, on the given ports and data folder. */
function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {cwd: root, env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {child, output: () => output, exited};
}

async function waitFor(started: Started, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void started.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (exitCode !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`npm start never printed ${pattern} (exit code ${exitCode}). Output:\n${started.output()}`);
}

async function stop(started: Started): Promise<number | null> {
  started.child.kill('SIGINT');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 20_000);
  const code = await started.exited;
  clearTimeout(timer);
  return code;
}

/**
 * A person leaves a complaint through the launcher on the example site's home page, in real Chromium,
 * under the site's strict CSP. Returns the reference the confirmation shows and any page errors.
 */
async function complainThroughTheSite(siteUrl: string, message: string): Promise<{reference: string; problems: string[]}> {
  const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
  const problems: string[] = [];
  try {
    const page: Page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (entry) => {
      if (entry.type() === 'error') problems.push(`console: ${entry.text()}`);
    });
    await page.goto(`${siteUrl}/`);
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.effectiveDirective}`)),
    );
    // Playwright's CSS locators see into open shadow roots, as a person sees the page.
    await page.locator('care-feedback-launcher [part~="button"]').click();
    const form = page.locator('care-feedback-launcher care-feedback-form');
    const phase = () => form.locator('[part="step"]').getAttribute('data-phase');
    for (let step = 0; step < 12; step++) {
      const now = await phase();
      if (now === 'review') break;
      if (now === 'kind') await form.locator('care-feedback-picker input[value="complaint"]').check();
      if (now === 'rating') await form.locator('input[name="f-rating"][value="poor"]').check();
      if (now === 'story') await form.locator('#f-message').fill(message);
      if (now === 'reply') await form.locator('#f-reply').check();
      if (now === 'consent') await form.locator('#f-consent-store').check();
      await form.locator('button[type="submit"]').click();
      await page.waitForFunction((was) => {
        const launcher = document.querySelector('care-feedback-launcher');
        const formElement = launcher?.shadowRoot?.querySelector('care-feedback-form');
        return formElement?.shadowRoot?.querySelector('[part="step"]')?.getAttribute('data-phase') !== was;
      }, now);
    }
    assert.equal(await phase(), 'review');
    await form.locator('button[type="submit"]').click();
    await page.waitForFunction(() => {
      const formElement = document.querySelector('care-feedback-launcher')?.shadowRoot?.querySelector('care-feedback-form');
      return formElement?.shadowRoot?.querySelector('[part="step"]')?.getAttribute('data-phase') === 'done';
    });
    const confirmation = await form.locator('[part~="confirmation"]').innerText();
    const reference = /CF-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(confirmation)?.[0];
    assert.ok(reference, `the confirmation shows a reference: ${confirmation}`);
    return {reference, problems};
  } finally {
    await browser.close();
  }
}

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, {signal: AbortSignal.timeout(2000)});
    return false;
  } catch {
    return true;
  }
}

describe('npm start', {timeout: 300_000}, () => {
  let sitePort: number;
  let collectorPort: number;
  let dataDir: string;
  let env: Record<string, string>;
  let running: Started | undefined;

  before(async () => {
    sitePort = await freePort();
    collectorPort = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'care-start-'));
    env = {PORT_SITE: String(sitePort), PORT_COLLECTOR: String(collectorPort), CARE_DATA_DIR: dataDir};
  });

  after(async () => {
    if (running && running.child.exitCode === null) await stop(running);
    rmSync(dataDir, {recursive: true, force: true});
  });

  it('serves the site and the collector, takes feedback from the site, and stops cleanly on Ctrl-C', async () => {
    running = start(env);
    const [, token] = await waitFor(running, /Provider token:\s+(\S+)/, 240_000);
    const out = running.output();
    const site = `http://localhost:${sitePort}`;
    assert.match(out, new RegExp(`Example provider site:\\s+${site}`));
    assert.match(out, new RegExp(`Collector:\\s+http://localhost:${collectorPort}/v1`));
    assert.match(out, /Provider inbox:\s+(http:\/\/localhost:\d+\/inbox|not built yet)/);
    assert.match(out, /Example data:\s+this database holds a year of MADE-UP feedback/);

    // The first run made a year of example feedback, so the reports have something in every month.
    const yearAgo = new Date(Date.now() - 364 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const reports = await fetch(`http://127.0.0.1:${collectorPort}/v1/reports?from=${yearAgo}&to=${today}`, {
      headers: {authorization: `Bearer ${token}`},
    });
    assert.equal(reports.status, 200);
    const report = await reports.json();
    assert.ok(report.complaints.received >= 20, `complaints in the example year: ${JSON.stringify(report.complaints)}`);
    const example = await fetch(`http://127.0.0.1:${collectorPort}/v1/submissions?service=example-oak-house&limit=1`, {
      headers: {authorization: `Bearer ${token}`},
    });
    assert.equal((await example.json()).items.length, 1, 'example items are marked by their example- service');

    // The token is saved for later runs, readable by its owner only.
    assert.equal(readFileSync(join(dataDir, 'example-token.txt'), 'utf8').trim(), token);
    assert.equal(statSync(join(dataDir, 'example-token.txt')).mode & 0o777, 0o600);

    // The site: pages point at this collector, the bundle is served beside them, under a strict CSP.
    const page = await fetch(`http://127.0.0.1:${sitePort}/`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, new RegExp(`data-endpoint="http://localhost:${collectorPort}/v1"`));
    assert.match(page.headers.get('content-security-policy') ?? '', new RegExp(`connect-src 'self' http://localhost:${collectorPort}`));
    const bundle = await fetch(`http://127.0.0.1:${sitePort}/care-feedback.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    // care-feedback.js is the small loader; the module it loads holds the widget.
    assert.match(await bundle.text(), /care-feedback\.mjs/);
    const entry = await fetch(`http://127.0.0.1:${sitePort}/care-feedback.mjs`);
    assert.equal(entry.status, 200);
    assert.match(await entry.text(), /CareFeedback/);
    // fetch would tidy a plain "../" away; encoded dots reach the server as they are.
    const outside = await fetch(`http://127.0.0.1:${sitePort}/%2e%2e/%2e%2e/package.json`);
    assert.equal(outside.status, 404, 'nothing outside the site folder is served');
    await outside.body?.cancel();

    // Feedback as the site's pages send it: from the site's origin, after a CORS preflight.
    const collector = `http://127.0.0.1:${collectorPort}`;
    const preflight = await fetch(`${collector}/v1/submissions`, {
      method: 'OPTIONS',
      headers: {origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type'},
    });
    await preflight.body?.cancel();
    assert.equal(preflight.headers.get('access-control-allow-origin'), site);
    const submission = exampleSubmission({id: randomUUID(), createdAt: new Date().toISOString(), message: 'Sent through npm start.'});
    const posted = await fetch(`${collector}/v1/submissions`, {
      method: 'POST',
      headers: {origin: site, 'content-type': 'application/json'},
      body: JSON.stringify(submission),
    });
    assert.equal(posted.status, 201, await posted.clone().text());
    assert.equal(posted.headers.get('access-control-allow-origin'), site);
    const {reference} = (await posted.json()) as {reference: string};

    // Another origin is not allowed.
    const foreign = await fetch(`${collector}/v1/submissions`, {
      method: 'POST',
      headers: {origin: 'https://elsewhere.example', 'content-type': 'application/json'},
      body: JSON.stringify({...submission, id: randomUUID()}),
    });
    await foreign.body?.cancel();
    assert.equal(foreign.status, 403);

    // Read back with the printed token.
    const read = await fetch(`${collector}/v1/submissions/${encodeURIComponent(reference)}`, {headers: {authorization: `Bearer ${token}`}});
    assert.equal(read.status, 200);
    const stored = JSON.stringify(await read.json());
    assert.ok(stored.includes('Sent through npm start.'), stored);
    const anonymous = await fetch(`${collector}/v1/submissions/${encodeURIComponent(reference)}`);
    await anonymous.body?.cancel();
    assert.equal(anonymous.status, 401);

    // The complaint's e-mail alert, written as a file a mail program opens (no mail server here).
    assert.match(out, /E-mail alerts:\s+written to \S+outbox as \.eml files/);
    const mailDir = join(dataDir, 'outbox');
    const mails = () =>
      existsSync(mailDir)
        ? readdirSync(mailDir)
            .filter((file) => file.endsWith('.eml'))
            .map((file) => readFileSync(join(mailDir, file), 'utf8'))
        : [];
    const deadline = Date.now() + 30_000;
    while (!mails().some((mail) => mail.includes(reference)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const alert = mails().find((mail) => mail.includes(reference));
    assert.ok(alert?.includes(`Subject: New complaint ${reference}`), 'the alert e-mail is in data/outbox');
    assert.ok(!alert?.includes('Sent through npm start.'), 'without what the person wrote');

    // And as a person would: a complaint through the launcher on the home page, in Chromium.
    const message = `A complaint left through the launcher ${randomUUID()}`;
    const journey = await complainThroughTheSite(site, message);
    assert.deepEqual(journey.problems, [], 'no errors or CSP violations on the page');
    const fromSite = await fetch(`${collector}/v1/submissions/${encodeURIComponent(journey.reference)}`, {headers: {authorization: `Bearer ${token}`}});
    assert.equal(fromSite.status, 200);
    const record = JSON.stringify(await fromSite.json());
    assert.ok(record.includes(message) && record.includes('complaint'), record);

    // Ctrl-C stops both, with exit code 0, and frees both ports.
    assert.equal(await stop(running), 0, running.output());
    assert.ok(await refused(sitePort), 'the site stopped');
    assert.ok(await refused(collectorPort), 'the collector stopped');
  });

  it('prints the same token on the next run, and the stored feedback is still there', async () => {
    running = start(env);
    const [, token] = await waitFor(running, /Provider token:\s+(\S+)/, 120_000);
    assert.equal(token, readFileSync(join(dataDir, 'example-token.txt'), 'utf8').trim());
    assert.match(running.output(), /Saved earlier/);
    const list = await fetch(`http://127.0.0.1:${collectorPort}/v1/submissions`, {headers: {authorization: `Bearer ${token}`}});
    assert.equal(list.status, 200);
    assert.ok((await list.text()).includes('Sent through npm start.'));
    assert.equal(await stop(running), 0, running.output());
  });

  it('says plainly when a port is already in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(sitePort, '127.0.0.1', resolve));
    try {
      running = start(env);
      const code = await running.exited;
      assert.equal(code, 1);
      assert.match(running.output(), new RegExp(`port ${sitePort} is already in use`));
      assert.match(running.output(), /--site-port/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
