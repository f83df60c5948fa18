// Two collector processes on one PostgreSQL behind one address (a round-robin proxy, as a load balancer
// would be): the rate limit holds for the service as a whole, not once per collector.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {request} from 'node:http';
import {connect, createServer, type AddressInfo} from 'node:net';
import {POSTGRES_SKIP, submission, tempStore} from './helpers.js';
import {spawnCollector} from './crash.js';

/** A TCP proxy that hands each new connection to the next collector in turn, and counts them. */
async function roundRobin(targets: URL[]) {
  const served = targets.map(() => 0);
  let next = 0;
  const server = createServer((socket) => {
    const index = next++ % targets.length;
    served[index]!++;
    const upstream = connect(Number(targets[index]!.port), targets[index]!.hostname);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, served, close: () => new Promise((resolve) => server.close(resolve))};
}

/** One POST on a connection of its own, so the proxy spreads the requests over both collectors. */
function postAlone(url: string, body: unknown): Promise<{status: number; retryAfter?: string}> {
  return new Promise((resolve, reject) => {
    const call = request(`${url}/v1/submissions`, {method: 'POST', agent: false, headers: {'content-type': 'application/json', origin: 'https://provider.example'}}, (response) => {
      response.resume();
      response.on('end', () => resolve({status: response.statusCode!, retryAfter: response.headers['retry-after']}));
    });
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

describe('two collectors on one PostgreSQL behind one address', {skip: POSTGRES_SKIP}, () => {
  it('share one rate limit: 5 a minute lets 5 through in all, not 5 through each', async () => {
    const temp = await tempStore('postgres');
    const env = {
      CARE_FEEDBACK_POSTGRES: temp.location.postgres!,
      CARE_FEEDBACK_PG_SCHEMA: temp.location.schema!,
      CARE_FEEDBACK_ALLOW_ORIGIN: '*',
    };
    const collectors = [await spawnCollector(env, {rateLimit: 5}), await spawnCollector(env, {rateLimit: 5})];
    const proxy = await roundRobin(collectors.map(({api}) => new URL(api)));
    try {
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await postAlone(proxy.url, submission()));
      assert.deepEqual(proxy.served, [5, 5], 'both collectors answered');
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [201, 201, 201, 201, 201, 429, 429, 429, 429, 429],
        'five in all, whichever collector took them',
      );
      for (const answer of answers.slice(5)) assert.ok(Number(answer.retryAfter) >= 1, 'each refusal says when to try again');
      const stored = await temp.store.list({}, 100);
      assert.equal(stored.items.length, 5, 'only the five allowed were stored');
    } finally {
      for (const {child} of collectors) child.kill('SIGTERM');
      await proxy.close();
      await temp.cleanup();
    }
  });
});
