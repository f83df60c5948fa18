// A real HTTP stand-in for the collector's POST /v1/submissions, served by the test dev server, whose failures tests control.
//
// Browser tests POST to `/__test-endpoint/<name>/v1/submissions` (same origin, so no CORS). Each
// <name> is a separate endpoint with its own records and failure mode, so test files running side by
// side never see each other's requests. Commands (executeServerCommand):
//   test-endpoint-set   {name, mode: 'up' | 'down' | 'status', status?, retryAfter?, problem?, times?, delayMs?}
//     'down' destroys the socket (the browser sees a network error); 'status' answers `status` (with
//     Retry-After and, for 422, an application/problem+json body listing `problem` as its errors).
//     `times` limits the mode to the next N requests, then the endpoint is up again. `delayMs` holds
//     every answer back, so overlapping requests for one id would be seen.
//   test-endpoint-read  {name} → {created, posts, maxInFlight, requests} (counts per submission id)
//   test-endpoint-reset {name}

const PATH = /^\/__test-endpoint\/([^/]+)\/v1\/submissions$/;
const endpoints = new Map();

function endpoint(name) {
  let state = endpoints.get(name);
  if (!state) {
    state = {
      mode: {mode: 'up'},
      delayMs: 0,
      stored: new Map(),
      created: {},
      posts: {},
      inFlight: {},
      maxInFlight: {},
      requests: [],
      sequence: 0,
    };
    endpoints.set(name, state);
  }
  return state;
}

// Same key order at every level, as the collector compares "the same body".
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function answer(res, status, body, type = 'application/json', headers = {}) {
  res.writeHead(status, {'content-type': type, 'cache-control': 'no-store', ...headers});
  res.end(JSON.stringify(body));
}

/** Takes one request from a limited failure mode; returns the mode to apply to this request. */
function currentMode(state) {
  const mode = state.mode;
  if (mode.mode === 'up') return mode;
  if (mode.times !== undefined) {
    mode.times -= 1;
    if (mode.times <= 0) state.mode = {mode: 'up'};
  }
  return mode;
}

async function handle(req, res, state) {
  const raw = await readBody(req);
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    body = undefined;
  }
  const id = typeof body?.id === 'string' ? body.id : undefined;
  const record = {id, at: Date.now(), status: 0};
  state.requests.push(record);
  if (id) {
    state.posts[id] = (state.posts[id] ?? 0) + 1;
    state.inFlight[id] = (state.inFlight[id] ?? 0) + 1;
    state.maxInFlight[id] = Math.max(state.maxInFlight[id] ?? 0, state.inFlight[id]);
  }
  try {
    if (state.delayMs) await sleep(state.delayMs);
    const mode = currentMode(state);
    if (mode.mode === 'down') {
      record.status = 'destroyed';
      req.socket.destroy();
      return;
    }
    if (mode.mode === 'status') {
      record.status = mode.status;
      const headers = mode.retryAfter === undefined ? {} : {'retry-after': String(mode.retryAfter)};
      const problem =
        mode.status === 422
          ? {
              type: 'about:blank',
              title: 'Some answers need changing',
              status: 422,
              errors: mode.problem ?? [],
            }
          : {type: 'about:blank', title: 'Not now', status: mode.status};
      answer(res, mode.status, problem, 'application/problem+json', headers);
      return;
    }
    // Up: behave as the collector does for the cases the transport meets.
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      record.status = 415;
      return answer(res, 415, {title: 'Send JSON'}, 'application/problem+json');
    }
    if (body === undefined) {
      record.status = 400;
      return answer(res, 400, {title: 'Not JSON'}, 'application/problem+json');
    }
    if (!id) {
      record.status = 422;
      return answer(
        res,
        422,
        {errors: [{path: 'id', code: 'id.invalid', message: 'No id'}]},
        'application/problem+json',
      );
    }
    const text = JSON.stringify(canonical(body));
    const existing = state.stored.get(id);
    if (existing) {
      record.status = existing.text === text ? 200 : 409;
      if (record.status === 409)
        return answer(res, 409, {title: 'Another body has this id'}, 'application/problem+json');
      return answer(res, 200, existing.answer);
    }
    state.sequence += 1;
    const stored = {
      text,
      answer: {
        id,
        reference: `CF-${String(state.sequence).padStart(4, '0')}`,
        receivedAt: new Date().toISOString(),
      },
    };
    state.stored.set(id, stored);
    state.created[id] = (state.created[id] ?? 0) + 1;
    record.status = 201;
    return answer(res, 201, stored.answer);
  } finally {
    if (id) state.inFlight[id] -= 1;
  }
}

export default {
  name: 'test-endpoint',
  serverStart({server}) {
    // The dev server's Koa app composed its middleware before plugins start, so requests for the test
    // endpoint are taken at the HTTP server itself and everything else goes on to the dev server.
    const devServer = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      const match = PATH.exec(new URL(req.url, 'http://localhost').pathname);
      if (!match) {
        for (const listener of devServer) listener.call(server, req, res);
        return;
      }
      if (req.method !== 'POST') return answer(res, 405, {title: 'POST only'});
      handle(req, res, endpoint(decodeURIComponent(match[1]))).catch((error) => {
        if (!res.headersSent) answer(res, 500, {title: String(error)});
      });
    });
  },
  executeCommand({command, payload}) {
    if (command === 'test-endpoint-set') {
      const {name, delayMs, ...mode} = payload;
      const state = endpoint(name);
      if (mode.mode) state.mode = mode;
      if (delayMs !== undefined) state.delayMs = delayMs;
      return true;
    }
    if (command === 'test-endpoint-read') {
      const {created, posts, maxInFlight, requests} = endpoint(payload.name);
      return {created, posts, maxInFlight, requests};
    }
    if (command === 'test-endpoint-reset') {
      endpoints.delete(payload.name);
      return true;
    }
    return undefined;
  },
};
