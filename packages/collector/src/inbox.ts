// Serves the provider inbox page (packages/inbox/dist, found through the @care-feedback/inbox package) at /inbox/.
import {createRequire} from 'node:module';
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';

/** The only files served, by name: nothing else under the folder can be reached. */
const FILES: Record<string, string> = {
  '': 'text/html; charset=utf-8',
  'care-feedback-inbox.js': 'text/javascript; charset=utf-8',
  'inbox-page.css': 'text/css; charset=utf-8',
};

/**
 * The elements' on-demand files the inbox uses (a language's strings, easy read, the glossary), copied
 * into the inbox's dist by its build: only JSON, only these two folders, only plain names (no `..`).
 */
const ASSET = /^assets\/(locales\/[a-zA-Z-]{2,12}\/[a-z-]+(\.easy)?|glossary\/[a-zA-Z-]{2,12})\.json$/;

/** Strict headers for the page: no inline code, same-origin API calls only, never framed or cached. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

let distFolder: string | null | undefined;

/** packages/inbox/dist, by package name; null when the package is not installed. */
function inboxDist(): string | null {
  if (distFolder !== undefined) return distFolder;
  try {
    distFolder = join(dirname(createRequire(import.meta.url).resolve('@care-feedback/inbox/package.json')), 'dist');
  } catch {
    distFolder = null;
  }
  return distFolder;
}

const cache = new Map<string, string | null>();

/** The answer for a path under /inbox, or undefined when it is not one of ours (or not built). */
export async function inboxAnswer(path: string, method: string): Promise<Response | undefined> {
  if (path === '/inbox')
    return new Response(null, {status: 301, headers: {location: '/inbox/', ...PAGE_HEADERS}});
  if (!path.startsWith('/inbox/')) return undefined;
  const name = path.slice('/inbox/'.length);
  const asset = ASSET.test(name);
  if (!asset && !Object.hasOwn(FILES, name)) return undefined;
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const folder = inboxDist();
  if (folder === null) return undefined;
  let text = cache.get(name);
  if (text === undefined) {
    text = await readFile(join(folder, name || 'index.html'), 'utf8').catch(() => null);
    cache.set(name, text);
  }
  if (text === null) return undefined;
  return new Response(method === 'HEAD' ? null : text, {
    status: 200,
    headers: {'content-type': asset ? 'application/json; charset=utf-8' : FILES[name]!, ...PAGE_HEADERS},
  });
}
