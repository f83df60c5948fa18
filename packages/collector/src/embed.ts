// Serves the script-tag bundle (packages/embed/dist, found through the @care-feedback/embed package)
// at /embed/, so a provider's site can load the form from its own collector.
import {createHash} from 'node:crypto';
import {createRequire} from 'node:module';
import {readFile, stat} from 'node:fs/promises';
import {dirname, extname, join, sep} from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The loader keeps its name from release to release, so a site picks up a new version within minutes;
 * files under chunks/ have a content hash in their names and never change.
 */
const LOADER_CACHE = 'public, max-age=300';
const HASHED_CACHE = 'public, max-age=31536000, immutable';

/** Any site may load these: a script tag with SRI (`integrity`) is a CORS request, so it needs ACAO. */
const SHARED_HEADERS = {
  'cross-origin-resource-policy': 'cross-origin',
  'access-control-allow-origin': '*',
  'x-content-type-options': 'nosniff',
};

let distFolder: string | null | undefined;

/** packages/embed/dist, by package name; null when the package or its build is missing. */
function embedDist(): string | null {
  if (distFolder !== undefined) return distFolder;
  try {
    const manifest = createRequire(import.meta.url).resolve('@care-feedback/embed/package.json');
    distFolder = join(dirname(manifest), 'dist');
  } catch {
    distFolder = null;
  }
  return distFolder;
}

interface EmbedFile {
  body: Uint8Array;
  etag: string;
}
const files = new Map<string, EmbedFile | null>();

/** The file's path inside dist for a URL path under /embed/, or null if it is not a plain relative path. */
function fileFor(rest: string, folder: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const segments = decoded.split('/');
  // No "..", ".", empty or absolute segments, backslashes or NULs: nothing outside dist can be named.
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0:]/.test(s))) return null;
  const path = join(folder, ...segments);
  return path.startsWith(folder + sep) ? path : null;
}

async function load(path: string): Promise<EmbedFile | null> {
  if (files.has(path)) return files.get(path)!;
  const info = await stat(path).catch(() => null);
  let file: EmbedFile | null = null;
  if (info?.isFile()) {
    const body = new Uint8Array(await readFile(path));
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    file = {body, etag: `"${hash}"`};
  }
  // Missing files are not remembered, so a build made while the collector runs is picked up.
  if (file) files.set(path, file);
  return file;
}

/** The answer for a path under /embed/ (GET and HEAD only), or a 404/405 problem answer. */
export async function embedAnswer(
  path: string,
  method: string,
  ifNoneMatch: string | null,
  notFound: () => Response,
  methodNotAllowed: (allow: string) => Response,
): Promise<Response> {
  const folder = embedDist();
  const path_ = folder && path.startsWith('/embed/') ? fileFor(path.slice('/embed/'.length), folder) : null;
  const file = path_ ? await load(path_) : null;
  if (!file) return withShared(notFound());
  if (method !== 'GET' && method !== 'HEAD') return withShared(methodNotAllowed('GET, HEAD'));
  const hashed = path_!.slice(folder!.length + 1).startsWith(`chunks${sep}`);
  const headers: Record<string, string> = {
    ...SHARED_HEADERS,
    'cache-control': hashed ? HASHED_CACHE : LOADER_CACHE,
    etag: file.etag,
  };
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === file.etag || tag.trim() === '*'))
    return new Response(null, {status: 304, headers});
  headers['content-type'] = CONTENT_TYPES[extname(path_!)] ?? 'application/octet-stream';
  headers['content-length'] = String(file.body.byteLength);
  return new Response(method === 'HEAD' ? null : bodyStream(file.body), {status: 200, headers});
}

function bodyStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function withShared(answer: Response): Response {
  for (const [name, value] of Object.entries(SHARED_HEADERS)) answer.headers.set(name, value);
  return answer;
}
