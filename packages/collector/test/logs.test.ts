// Logs: one structured line per request, and canary personal data never appears in them.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {createInterface} from 'node:readline';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {authed, post, startCollector, submission} from './helpers.js';

const CANARY = {
  name: 'Canaryname Zqxj',
  email: 'canary.zqxj@example.org',
  phone: '01632 960123',
  address: '7 Canary Wharf Zqxj',
  message: 'CANARY-MESSAGE-zqxj my mum fell',
  improvement: 'CANARY-IMPROVE-zqxj',
  detail: 'CANARY-NEEDS-zqxj',
};

function canarySubmission() {
  return submission({
    message: CANARY.message,
    improvement: CANARY.improvement,
    service: 'canary-service',
    contact: {
      name: CANARY.name,
      email: CANARY.email,
      phone: CANARY.phone,
      address: CANARY.address,
      preferredMethod: 'email',
    },
    communicationNeedsDetail: CANARY.detail,
  } as never);
}

// The secret is everything after the token's id: it may itself contain "_", so no split('_').
function assertClean(text: string, token: string) {
  for (const value of [...Object.values(CANARY), token, token.replace(/^cft_[a-z0-9]{12}_/, ''), 'zqxj', '960123']) {
    assert.ok(!text.toLowerCase().includes(value.toLowerCase()), `logs contain ${value}`);
  }
  assert.ok(
    !/127\.0\.0\.1|::1|::ffff/.test(text.replace(/"url":"http:\/\/127\.0\.0\.1:\d+"/, '')),
    'logs contain a client address',
  );
}

describe('request logs', () => {
  it('write one JSON line per request, with no personal data, text or tokens', async () => {
    const c = await startCollector('sqlite');
    try {
      const sent = canarySubmission();
      const {reference} = await (await post(c.api, sent)).json();
      await post(c.api, sent);
      await post(c.api, {...sent, contact: {...sent.contact, email: 'not an email zqxj'}});
      await post(c.api, `{"message": "${CANARY.message}"`);
      await fetch(`${c.api}/submissions/${reference}`, authed(c));
      await fetch(
        `${c.api}/submissions/${reference}`,
        authed(c, {
          method: 'PATCH',
          headers: {'content-type': 'application/json'},
          body: JSON.stringify({status: 'acknowledged', note: `Rang ${CANARY.name}`}),
        }),
      );
      await fetch(`${c.api}/export.csv`, authed(c)).then((r) => r.text());
      await fetch(`${c.api}/submissions?service=canary-service`, authed(c));
      await fetch(`${c.api}/stats`, {headers: {authorization: `Bearer ${c.token}x`}});
      assert.equal(c.logs.length, 9, 'one line per request');
      const text = c.logs.map((line) => JSON.stringify(line)).join('\n');
      assertClean(text, c.token);
      assert.deepEqual(
        c.logs.map((l) => [l.route, l.status, l.outcome ?? null]),
        [
          ['/v1/submissions', 201, 'created'],
          ['/v1/submissions', 200, 'duplicate'],
          ['/v1/submissions', 422, 'invalid'],
          ['/v1/submissions', 400, 'not-json'],
          ['/v1/submissions/:reference', 200, null],
          ['/v1/submissions/:reference', 200, 'updated'],
          ['/v1/export.csv', 200, null],
          ['/v1/submissions', 200, null],
          ['/v1/stats', 401, 'unauthorized'],
        ],
      );
      for (const line of c.logs) {
        assert.equal(typeof line.time, 'string');
        assert.equal(typeof line.ms, 'number');
      }
    } finally {
      await c.close();
    }
  });

  it('the CLI writes the same clean JSON lines to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-logs-'));
    const bin = fileURLToPath(new URL('../bin/care-feedback-collector.js', import.meta.url));
    const child = spawn(
      process.execPath,
      [bin, 'serve', '--port', '0', '--db', join(dir, 'f.db')],
      {
        env: {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1'},
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let output = '';
    child.stderr!.on('data', (d) => (output += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
        createInterface({input: child.stdout!}).on('line', (line) => {
          lines.push(line);
          const parsed = JSON.parse(line);
          if (parsed.event === 'listening') resolve(parsed.url);
        });
      });
      const sent = canarySubmission();
      assert.equal((await post(`${url}/v1`, sent)).status, 201);
      assert.equal((await post(`${url}/v1`, {...sent, message: ''})).status, 422);
      await fetch(`${url}/v1/submissions`, {
        headers: {
          authorization: 'Bearer cft_aaaaaaaaaaaa_zqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqx',
        },
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, {recursive: true, force: true});
    }
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.event === 'request');
    assert.equal(requests.length, 3);
    assertClean(
      lines.join('\n') + output,
      'cft_aaaaaaaaaaaa_zqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqxjzqx',
    );
  });
});
