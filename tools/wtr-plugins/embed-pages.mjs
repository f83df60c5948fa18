// Serves the embed bundle's test pages (packages/embed/test/pages) and the example provider site with
// real response headers and the built files byte for byte. Each test page's Content-Security-Policy
// comes from its <meta name="test-csp">, with a fresh nonce per request.
//
//   /embed-pages/<page>          a test page ({collector} in it comes from ?collector=…);  /embed-pages/dist/…  the built bundle and its assets
//   /embed-pages/old/dist/…      the same bundle claiming version 0.0.9 (a second, different copy), its hashes to match
//   /embed-pages/tamper/<name>/… the test pages and the build, but chunks/<name>-<hash>.js altered after the build
//                                (as a compromised server would), to show the browser refuses to run it
//   /embed-pages/slow/<name>/…   the same, but chunks/<name>-<hash>.js comes 1.5 s late (a slow network)
//   /embed-site/<page>           examples/provider-site, its care-feedback.js, chunks and assets from the build
//
// Command care-embed-brotli {files: ['chunks/…', …]} → {[file]: bytes}: each built file's size compressed
// with brotli as a server sends it, so a test can add up what the browser really fetched.
import {createHash, randomBytes} from 'node:crypto';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {brotliCompressSync, constants} from 'node:zlib';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensureBuilt} from '../ensure-built.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pages = join(root, 'packages/embed/test/pages');
const site = join(root, 'examples/provider-site');
const dist = join(root, 'packages/embed/dist');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// The first request builds the bundle if it is missing or stale, so pages always load the current build.
let built;
const build = () => (built ??= ensureBuilt({log: (message) => message && console.log(`[embed-pages] ${message}`)}));

function inside(base, path) {
  const file = normalize(join(base, path));
  return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const sri = (buffer) => `sha384-${createHash('sha384').update(buffer).digest('base64')}`;

/** The files the build recorded (dist/integrity.json). */
const recordedFiles = () => Object.keys(JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')).files);

/**
 * A file of the copy that claims version 0.0.9. Changing the version changes each file's hash, so
 * the hashes that care-feedback.js and care-feedback.mjs hold are changed to match, as a real
 * 0.0.9 build would have them: it is a second, different, but intact copy.
 */
function oldCopy(name, memo = new Map()) {
  if (memo.has(name)) return memo.get(name);
  let text = readFileSync(join(dist, name), 'utf8').replaceAll('"0.1.0"', '"0.0.9"');
  if (name === 'care-feedback.js' || name === 'care-feedback.mjs') {
    for (const other of recordedFiles()) {
      if (other === name || other === 'care-feedback.js') continue;
      text = text.replaceAll(sri(readFileSync(join(dist, other))), sri(Buffer.from(oldCopy(other, memo))));
    }
  }
  memo.set(name, text);
  return text;
}

/** A chunk altered after the build: it would mark the page if it ever ran. */
const tampered = (body) => Buffer.from(`globalThis.__careTampered=true;${body.toString('utf8')}`);

/** A test's own collector from the query (`?collector=http://127.0.0.1:<port>/v1`), checked so it can only be a loopback URL. */
function collectorFrom(query) {
  const value = new URLSearchParams(query).get('collector') ?? '';
  return /^http:\/\/127\.0\.0\.1:\d{1,5}\/v1$/.test(value) ? value : undefined;
}

/** The file and body for a request path, or undefined to let the dev server answer. */
function resolve(path, query = '') {
  let match;
  if ((match = /^\/embed-pages\/(old\/|(tamper|slow)\/([a-z-]+)\/)?dist\/(.+)$/.exec(path))) {
    const file = inside(dist, match[4]);
    if (!file) return undefined;
    if (match[1] === 'old/') return {file, body: /\.m?js$/.test(file) ? Buffer.from(oldCopy(match[4])) : readFileSync(file)};
    const body = readFileSync(file);
    const targeted = match[3] !== undefined && new RegExp(`^chunks/${match[3]}-[\\w-]+\\.js$`).test(match[4]);
    if (targeted && match[2] === 'tamper') return {file, body: tampered(body)};
    return {file, body, delay: targeted && match[2] === 'slow' ? 1500 : 0};
  }
  if ((match = /^\/embed-site\/(care-feedback\.m?js|care-you-said-we-did\.js|(?:locales|glossary|charter|chunks)\/.+)$/.exec(path))) {
    const file = inside(dist, match[1]);
    return file && {file, body: readFileSync(file)};
  }
  if ((match = /^\/embed-site\/(.*)$/.exec(path))) {
    const file = inside(site, match[1] || 'index.html');
    return file && {file, body: readFileSync(file)};
  }
  if ((match = /^\/embed-pages\/(?:(?:tamper|slow)\/[a-z-]+\/)?([^/]+\.(?:html|css|js))$/.exec(path))) {
    const file = inside(pages, match[1]);
    if (!file) return undefined;
    let body = readFileSync(file, 'utf8');
    const headers = {};
    if (file.endsWith('.html')) {
      const nonce = randomBytes(16).toString('base64');
      body = body.replaceAll('{nonce}', nonce).replaceAll('{sri}', sri(readFileSync(join(dist, 'care-feedback.js'))));
      // {collector} and {collector-origin}: a real collector the test started, or the same-origin stand-in.
      const collector = collectorFrom(query);
      body = body
        .replaceAll('{collector}', collector ?? '/__test-endpoint/embed-page/v1')
        .replaceAll('{collector-origin}', collector ? new URL(collector).origin : "'self'");
      const csp = /<meta name="test-csp" content="([^"]*)"/.exec(body)?.[1];
      if (csp) headers['content-security-policy'] = csp;
    }
    return {file, body, headers};
  }
  return undefined;
}

// Bodies served on this request, to put back after other plugins' transforms (see below).
const served = new WeakMap();

export default {
  name: 'embed-pages',
  async serve(context) {
    if (!context.path.startsWith('/embed-pages/') && !context.path.startsWith('/embed-site/')) return undefined;
    await build();
    const found = resolve(decodeURIComponent(context.path), context.querystring);
    if (!found) return undefined;
    if (found.delay) await new Promise((resolve) => setTimeout(resolve, found.delay));
    const headers = {'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...found.headers};
    served.set(context, {body: found.body.toString('utf8'), headers});
    return {body: found.body.toString('utf8'), headers};
  },
  async executeCommand({command, payload}) {
    if (command !== 'care-embed-brotli') return undefined;
    await build();
    const sizes = {};
    for (const name of payload?.files ?? []) {
      const file = inside(dist, String(name));
      if (!file) throw new Error(`care-embed-brotli: ${name} is not a built file`);
      sizes[name] = brotliCompressSync(readFileSync(file), {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length;
    }
    return sizes;
  },
  // The dev server's esbuild plugin rewrites every .js file and turns .json into JavaScript. These
  // tests are about the built files exactly as a provider serves them (an SRI hash must match), so
  // this transform, which runs after esbuild's, puts back the bytes and the content type.
  transform(context) {
    const original = served.get(context);
    if (!original) return undefined;
    return {...original, transformCache: false};
  },
};
