// The collector serving the embed package's build: the script-tag bundle served at /embed/ over real HTTP: every file of @care-feedback/embed's dist,
// loadable by any site, cached by kind, and nothing outside that folder.
import {before, after, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {request} from 'node:http';
import {readFileSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
// @ts-expect-error: a plain .mjs build tool without type declarations.
import {ensureBuilt} from '../../tools/ensure-built.mjs';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {serve} from '@care-feedback/collector';

const dist = join(
  dirname(createRequire(import.meta.url).resolve('@care-feedback/embed/package.json')),
  'dist',
);

/** A GET with the path sent exactly as written (fetch would tidy away `..`). */
function rawGet(url: string, path: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/`, {path, method: 'GET'}, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({status: res.statusCode!, body}));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /embed/*', () => {
  const dir = mkdtempSync(join(tmpdir(), 'care-embed-'));
  let running: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    await ensureBuilt({log: () => {}});
    running = await serve({
      port: 0,
      db: join(dir, 'feedback.db'),
      allowOrigins: ['https://allowed.example'],
      log: false,
    });
  });
  after(async () => {
    await running.close();
    rmSync(dir, {recursive: true, force: true});
  });

  it('serves the loader to any site, with a short cache life and the headers SRI needs', async () => {
    for (const name of ['care-feedback.js', 'care-feedback.mjs']) {
      const response = await fetch(`${running.url}/embed/${name}`, {
        headers: {origin: 'https://any-care-home.example'},
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
      assert.equal(await response.text(), readFileSync(join(dist, name), 'utf8'));
    }
  });

  it('serves hashed chunks as immutable, and other files with their own content types', async () => {
    const chunk = readdirSync(join(dist, 'chunks')).find((name) => name.endsWith('.js'))!;
    const response = await fetch(`${running.url}/embed/chunks/${chunk}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await response.text(), readFileSync(join(dist, 'chunks', chunk), 'utf8'));
    const integrity = await fetch(`${running.url}/embed/integrity.json`);
    assert.equal(integrity.status, 200);
    assert.equal(integrity.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await integrity.json(), JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')));
  });

  it('answers 304 to a matching ETag, and HEAD with no body', async () => {
    const first = await fetch(`${running.url}/embed/care-feedback.js`);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    await first.arrayBuffer();
    const again = await fetch(`${running.url}/embed/care-feedback.js`, {
      headers: {'if-none-match': etag},
    });
    assert.equal(again.status, 304);
    const head = await fetch(`${running.url}/embed/care-feedback.js`, {method: 'HEAD'});
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  it('never reaches outside the bundle folder, and 404s a missing file', async () => {
    for (const path of [
      '/embed/../package.json',
      '/embed/%2e%2e/package.json',
      '/embed/chunks/%2E%2E/%2e%2e/package.json',
      '/embed/..%2fpackage.json',
      '/embed/%2fetc%2fpasswd',
      '/embed//etc/passwd',
      '/embed/chunks/..%5c..%5cpackage.json',
      '/embed/no-such-file.js',
      '/embed/chunks',
      '/embed/',
    ]) {
      const response = await rawGet(running.url, path);
      assert.equal(response.status, 404, path);
      assert.ok(!response.body.includes('"name"'), path);
    }
  });

  it('answers only GET and HEAD', async () => {
    const response = await fetch(`${running.url}/embed/care-feedback.js`, {
      method: 'POST',
      body: 'x',
    });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
  });
});
