// The edges of the endpoint: CORS, origins, rate limits, proxies, body limits, odd input, shutdown.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {Agent, request as httpRequest} from 'node:http';
import {connect} from 'node:net';
import {once} from 'node:events';
import {createServer} from 'node:http';
import {createCollector, expressMiddleware, toNodeListener} from '@care-feedback/collector';
import {newRecord, post, startCollector, submission, tempStore, type Running} from './helpers.js';

const ALLOWED = 'https://provider.example';

describe('CORS and origins', () => {
  let c: Running;
  before(async () => {
    c = await startCollector('sqlite', {allowOrigins: [ALLOWED, 'http://localhost:8080']});
  });
  after(() => c?.close());

  it('answers an allowed origin with its exact origin, never with credentials', async () => {
    const response = await post(c.api, submission(), {origin: ALLOWED});
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('access-control-allow-origin'), ALLOWED);
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  it('answers the preflight for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${c.api}/submissions`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight(ALLOWED);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), ALLOWED);
    assert.match(ok.headers.get('access-control-allow-methods')!, /POST/);
    assert.match(ok.headers.get('access-control-allow-headers')!, /Content-Type/i);
    assert.equal(ok.headers.get('access-control-allow-credentials'), null);
    const denied = await preflight('https://evil.example');
    assert.equal(denied.status, 403);
    assert.equal(denied.headers.get('access-control-allow-origin'), null);
  });

  it('keeps the connection open after a preflight or a DELETE, so the next request reuses it', async () => {
    const agent = new Agent({keepAlive: true, maxSockets: 1});
    const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
      new Promise<{status: number; connection?: string; socket: object}>((resolve, reject) => {
        const request = httpRequest(`${c.api}${path}`, {method, headers, agent}, (response) => {
          response.resume();
          response.on('end', () =>
            resolve({
              status: response.statusCode!,
              connection: response.headers.connection,
              socket: request.socket!,
            }),
          );
        });
        request.on('error', reject);
        request.end(body);
      });
    try {
      const preflight = await send('OPTIONS', '/submissions', {
        origin: ALLOWED,
        'access-control-request-method': 'POST',
      });
      assert.equal(preflight.status, 204);
      assert.notEqual(preflight.connection, 'close');
      const sent = await send(
        'POST',
        '/submissions',
        {origin: ALLOWED, 'content-type': 'application/json'},
        JSON.stringify(submission()),
      );
      assert.equal(sent.status, 201);
      assert.equal(sent.socket, preflight.socket, 'the POST went over the same connection');
      const erased = await send('DELETE', '/submissions/CF-2222-2222', {
        authorization: `Bearer ${c.token}`,
      });
      assert.equal(erased.status, 404);
      assert.notEqual(erased.connection, 'close');
      const after = await send('GET', '/health', {});
      assert.equal(after.socket, preflight.socket, 'and so did the requests after the DELETE');
    } finally {
      agent.destroy();
    }
  });

  it('refuses a POST from an origin not on the list with 403 and stores nothing', async () => {
    for (const origin of [
      'https://evil.example',
      'https://provider.example.evil.example',
      'http://provider.example',
      'null',
      `${ALLOWED}/`,
    ]) {
      const sent = submission();
      const response = await post(c.api, sent, {origin});
      assert.equal(response.status, 403, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.match(response.headers.get('content-type')!, /problem\+json/);
      assert.equal(
        (await c.store.list({}, 500)).items.some((r) => r.id === sent.id),
        false,
      );
    }
  });

  it('knows its own https origin behind a trusted proxy (X-Forwarded-Proto), and only then', async () => {
    const self = c.url.replace('http:', 'https:');
    assert.equal(
      (await post(c.api, submission(), {origin: self, 'x-forwarded-proto': 'https'})).status,
      403,
      'not trusted: a header alone proves nothing',
    );
    const trusting = await startCollector('sqlite', {trustProxy: true});
    try {
      const origin = trusting.url.replace('http:', 'https:');
      assert.equal(
        (await post(trusting.api, submission(), {origin, 'x-forwarded-proto': 'https'})).status,
        201,
      );
      assert.equal((await post(trusting.api, submission(), {origin})).status, 403);
    } finally {
      await trusting.close();
    }
  });

  it('allows requests with no Origin (servers, curl) and from its own origin (the inbox)', async () => {
    assert.equal((await post(c.api, submission())).status, 201);
    assert.equal((await post(c.api, submission(), {origin: c.url})).status, 201);
  });
});

describe('rate limiting', () => {
  it('limits submissions per client address with 429 and Retry-After, and 0 turns it off', async () => {
    const c = await startCollector('sqlite', {rateLimit: 5});
    try {
      const statuses = [];
      for (let i = 0; i < 8; i++) statuses.push((await post(c.api, submission())).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429, 429]);
      const limited = await post(c.api, submission());
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.match(limited.headers.get('content-type')!, /problem\+json/);
      assert.equal((await fetch(`${c.api}/health`)).status, 200, 'health is not limited');
    } finally {
      await c.close();
    }
    const off = await startCollector('sqlite', {rateLimit: 0});
    try {
      const statuses = await Promise.all(
        Array.from({length: 40}, () => post(off.api, submission()).then((r) => r.status)),
      );
      assert.ok(statuses.every((s) => s === 201));
    } finally {
      await off.close();
    }
  });

  it('ignores X-Forwarded-For unless told to trust a proxy, then limits each forwarded client apart', async () => {
    const untrusting = await startCollector('sqlite', {rateLimit: 2});
    try {
      const a = await post(untrusting.api, submission(), {'x-forwarded-for': '203.0.113.1'});
      const b = await post(untrusting.api, submission(), {'x-forwarded-for': '203.0.113.2'});
      const c = await post(untrusting.api, submission(), {'x-forwarded-for': '203.0.113.3'});
      assert.deepEqual(
        [a.status, b.status, c.status],
        [201, 201, 429],
        'a forged header must not dodge the limit',
      );
    } finally {
      await untrusting.close();
    }
    const trusting = await startCollector('sqlite', {rateLimit: 2, trustProxy: true});
    try {
      const from = (ip: string) =>
        post(trusting.api, submission(), {'x-forwarded-for': `198.51.100.9, ${ip}`});
      assert.deepEqual(
        [
          (await from('203.0.113.1')).status,
          (await from('203.0.113.1')).status,
          (await from('203.0.113.1')).status,
        ],
        [201, 201, 429],
      );
      assert.equal(
        (await from('203.0.113.2')).status,
        201,
        'another client behind the proxy is still served',
      );
    } finally {
      await trusting.close();
    }
  });
});

describe('bad input', () => {
  let c: Running;
  before(async () => {
    c = await startCollector('sqlite');
  });
  after(() => c?.close());

  it('cuts off an endless chunked body at the limit instead of buffering it', async () => {
    const {port} = new URL(c.url);
    const result = await new Promise<{status: number; sent: number}>((resolve, reject) => {
      let sent = 0;
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/v1/submissions',
        method: 'POST',
        headers: {'content-type': 'application/json'},
      });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      let stop = false;
      const pump = () => {
        while (!stop && sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
      };
      req.on('response', (res) => {
        stop = true;
        res.resume();
        resolve({status: res.statusCode!, sent});
        req.destroy();
      });
      req.on('error', (error) => (stop ? undefined : reject(error)));
      pump();
    });
    assert.equal(result.status, 413);
    assert.ok(result.sent < 20 * 1024 * 1024, `answered only after ${result.sent} bytes`);
    assert.equal((await fetch(`${c.api}/health`)).status, 200);
  });

  it('refuses a declared Content-Length over the limit before reading it', async () => {
    const {port} = new URL(c.url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /v1/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999999\r\n\r\n{',
        );
      });
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    assert.match(answer, /^HTTP\/1\.1 413/);
  });

  it('answers 415 for missing or other content types, and accepts a charset of utf-8', async () => {
    for (const type of [
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/jsonx',
    ]) {
      const response = await fetch(`${c.api}/submissions`, {
        method: 'POST',
        headers: type ? {'content-type': type} : {},
        body: new Blob([JSON.stringify(submission())]),
      });
      assert.equal(response.status, 415, type);
    }
    assert.equal(
      (await post(c.api, submission(), {'content-type': 'Application/JSON; charset=UTF-8'})).status,
      201,
    );
  });

  it('answers 400 for bodies that are not UTF-8 JSON, and 422 for JSON that is not a submission', async () => {
    for (const body of ['', 'null x', '{"a":', '\u0000', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])]) {
      const response = await fetch(`${c.api}/submissions`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body,
      });
      assert.equal(response.status, 400, String(body));
    }
    for (const body of ['null', '[]', '42', '"text"', '{}', '{"__proto__":{"polluted":1}}']) {
      const response = await post(c.api, body);
      assert.equal(response.status, 422, body);
      assert.ok((await response.json()).errors.length > 0);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('answers 404 for unknown paths and 405 for wrong methods, never 5xx', async () => {
    assert.equal((await fetch(`${c.url}/`)).status, 404);
    assert.equal((await fetch(`${c.api}/nothing`)).status, 404);
    assert.equal(
      (
        await fetch(`${c.api}/submissions/%ZZ/audit`, {
          headers: {authorization: `Bearer ${c.token}`},
        })
      ).status,
      404,
    );
    const put = await fetch(`${c.api}/submissions`, {
      method: 'PUT',
      headers: {authorization: `Bearer ${c.token}`},
    });
    assert.equal(put.status, 405);
    assert.match(put.headers.get('allow')!, /POST/);
    assert.equal((await fetch(`${c.api}/health`, {method: 'POST'})).status, 405);
  });
});

describe('the inbox page', () => {
  it('is served at /inbox/ with strict headers, with the elements\' on-demand files, and nothing else from its folder', async () => {
    const c = await startCollector('sqlite');
    try {
      const redirect = await fetch(`${c.url}/inbox`, {redirect: 'manual'});
      assert.equal(redirect.status, 301);
      assert.equal(redirect.headers.get('location'), '/inbox/');
      const page = await fetch(`${c.url}/inbox/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type')!, /^text\/html/);
      assert.match(page.headers.get('content-security-policy')!, /default-src 'self'/);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      assert.match(await page.text(), /care-feedback-inbox/);
      const script = await fetch(`${c.url}/inbox/care-feedback-inbox.js`);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type')!, /^text\/javascript/);
      // The elements' on-demand files the inbox uses (the consultation preview's languages, the glossary).
      for (const path of ['/inbox/assets/locales/cy/consultation.json', '/inbox/assets/locales/en-GB/consultation.easy.json', '/inbox/assets/glossary/en-GB.json']) {
        const asset = await fetch(`${c.url}${path}`);
        assert.equal(asset.status, 200, path);
        assert.match(asset.headers.get('content-type')!, /^application\/json/);
        assert.equal(typeof (await asset.json()), 'object');
      }
      for (const path of [
        '/inbox/../package.json',
        '/inbox/%2e%2e/package.json',
        '/inbox/index.html.bak',
        '/inbox/x',
        '/inbox/assets/locales/cy/%2e%2e%2f%2e%2e%2f%2e%2e%2fpackage.json',
        '/inbox/assets/locales/cy/form.js',
        '/inbox/assets/charter/en-GB.json',
        '/inbox/assets/glossary/en-GB.json.map',
      ]) {
        assert.equal((await fetch(`${c.url}${path}`)).status, 404, path);
      }
    } finally {
      await c.close();
    }
  });
});

describe('adapters and shutdown', () => {
  it('passes other paths outside /v1 to a fallback, else 404', async () => {
    const c = await startCollector('sqlite', {
      fallback: (request) =>
        new URL(request.url).pathname === '/hello'
          ? new Response('<h1>Hello</h1>', {headers: {'content-type': 'text/html'}})
          : undefined,
    });
    try {
      const hello = await fetch(`${c.url}/hello`);
      assert.equal(hello.status, 200);
      assert.equal(await hello.text(), '<h1>Hello</h1>');
      assert.equal((await fetch(`${c.url}/elsewhere`)).status, 404);
      assert.equal((await fetch(`${c.api}/nothing`)).status, 404, "/v1 stays the collector's own");
    } finally {
      await c.close();
    }
  });

  it('works as Express/Connect middleware, passing other paths on', async () => {
    const temp = await tempStore('sqlite');
    const collector = createCollector({store: temp.store, log: false});
    const middleware = expressMiddleware(collector);
    const server = createServer((req, res) =>
      middleware(req, res, () => {
        res.statusCode = 299;
        res.end('next');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as {port: number}).port}`;
    try {
      assert.equal((await post(`${base}/v1`, submission())).status, 201);
      const other = await fetch(`${base}/elsewhere`);
      assert.equal(other.status, 299);
      assert.equal(await other.text(), 'next');
    } finally {
      server.close();
      await collector.close();
      await temp.cleanup();
    }
  });

  it('finishes a streamed export in flight before closing the store', async () => {
    const c = await startCollector('sqlite');
    // Enough (about 15 MB) that the export cannot all sit in socket buffers before the close.
    const message = 'x'.repeat(5000);
    await Promise.all(
      Array.from({length: 3000}, () =>
        c.store.insert(newRecord(submission({service: 'drain', message}), {service: 'drain'})),
      ),
    );
    const response = await fetch(`${c.api}/export.ndjson?service=drain`, {
      headers: {authorization: `Bearer ${c.token}`},
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value, {stream: true}); // the export has begun
    const closed = c.serving.close();
    for (let next = await reader.read(); !next.done; next = await reader.read())
      text += decoder.decode(next.value, {stream: true});
    await closed;
    await c.close();
    assert.equal(
      text.trim().split('\n').length,
      3000,
      'every page came, also those read after close() began',
    );
  });

  it('finishes a request in flight before closing, and stores it', async () => {
    const temp = await tempStore('sqlite');
    const collector = createCollector({store: temp.store, log: false});
    const server = createServer(toNodeListener(collector));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as {port: number}).port;
    const sent = submission();
    const body = Buffer.from(JSON.stringify(sent));
    try {
      const arrived = once(server, 'request');
      const answer = new Promise<{status: number; text: string}>((resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          path: '/v1/submissions',
          method: 'POST',
          headers: {'content-type': 'application/json', 'content-length': body.length},
        });
        req.on('response', (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({status: res.statusCode!, text}));
        });
        req.on('error', reject);
        req.write(body.subarray(0, 40));
        setTimeout(() => req.end(body.subarray(40)), 300);
      });
      await arrived; // the request is in flight: its headers are in, half its body is still to come
      server.close();
      const closed = collector.close();
      const {status, text} = await answer;
      await closed;
      assert.equal(status, 201);
      assert.equal(JSON.parse(text).id, sent.id);
      assert.equal((await temp.store.get(JSON.parse(text).reference))?.id, sent.id);
    } finally {
      await temp.cleanup();
    }
  });
});
