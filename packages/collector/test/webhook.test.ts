// The optional webhook: HMAC-signed, sent for new complaints and concerns only, retried, never blocking the 201.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createServer, type IncomingMessage} from 'node:http';
import {createHmac} from 'node:crypto';
import {post, startCollector, submission} from './helpers.js';
import {waitUntil} from '../../../tests/support/wait-until.js';

async function receiver(answer: (n: number) => number | 'hang') {
  const calls: Array<{body: string; signature: string}> = [];
  const hung: Array<() => void> = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    calls.push({body, signature: String(req.headers['x-care-signature'])});
    const status = answer(calls.length);
    if (status === 'hang') {
      hung.push(() => res.destroy());
      return;
    }
    res.statusCode = status;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as {port: number}).port}/hook`,
    calls,
    close: () => {
      hung.forEach((f) => f());
      server.closeAllConnections();
      server.close();
    },
  };
}


describe('webhook', () => {
  it('signs new complaints and concerns, retries with backoff until delivered, and skips other kinds and spam', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 200));
    const c = await startCollector('sqlite', {
      webhook: {url: hook.url, secret: 's3cret', backoffMs: 20},
    });
    try {
      await post(c.api, submission({kind: 'compliment'}));
      await post(c.api, submission({kind: 'complaint', spam: {hp: 'bot'}}));
      const {reference} = await (
        await post(c.api, submission({kind: 'complaint', message: 'PRIVATE text'}))
      ).json();
      await waitUntil(() => hook.calls.length >= 3);
      // Nothing more is due: once the outbox has finished its pass, no fourth call can come.
      c.serving.collector.outbox!.nudge();
      await c.serving.collector.outbox!.idle();
      assert.equal(
        hook.calls.length,
        3,
        'two failures, then one delivery; nothing for the compliment or the spam',
      );
      for (const call of hook.calls) {
        const event = JSON.parse(call.body);
        assert.equal(event.event, 'submission.created');
        assert.equal(event.reference, reference);
        assert.equal(event.kind, 'complaint');
        assert.ok(!call.body.includes('PRIVATE'), 'no content in the webhook');
        const [t, v1] = call.signature.split(',');
        const timestamp = t!.replace('t=', '');
        const expected = createHmac('sha256', 's3cret')
          .update(`${timestamp}.${call.body}`)
          .digest('hex');
        assert.equal(v1, `v1=${expected}`);
      }
      await post(c.api, submission({kind: 'concern'}));
      await waitUntil(() => hook.calls.length === 4);
    } finally {
      await c.close();
      hook.close();
    }
  });

  it('answers 201 at once even when the webhook hangs', async () => {
    const hook = await receiver(() => 'hang');
    const c = await startCollector('sqlite', {
      webhook: {url: hook.url, secret: 's', timeoutMs: 60_000},
    });
    try {
      const started = Date.now();
      const response = await post(c.api, submission({kind: 'complaint'}));
      assert.equal(response.status, 201);
      assert.ok(Date.now() - started < 2000);
      await waitUntil(() => hook.calls.length === 1);
    } finally {
      hook.close();
      await c.close();
    }
  });
});
