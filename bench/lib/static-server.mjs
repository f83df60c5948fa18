// A tiny static file server for benchmark pages: routes map URL paths to files or strings.
import {createServer} from 'node:http';
import {readFile} from 'node:fs/promises';
import {extname} from 'node:path';

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css'};

/** `resolve(pathname)` returns a file path, `{body, type}`, or undefined for 404. */
export function startStaticServer(resolve) {
  const server = createServer(async (request, response) => {
    const {pathname} = new URL(request.url, 'http://localhost');
    const found = resolve(pathname);
    try {
      if (!found) throw new Error('not found');
      const body = typeof found === 'string' ? await readFile(found) : found.body;
      const type = typeof found === 'string' ? TYPES[extname(found)] : found.type;
      response.writeHead(200, {'content-type': type ?? 'application/octet-stream'}).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r))}),
    ),
  );
}
