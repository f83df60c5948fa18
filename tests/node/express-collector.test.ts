// Starts examples/express-collector as documented and checks the collector and the app's own routes over real HTTP.
import {spawn, type ChildProcess} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {exampleSubmission} from '@care-feedback/core';

const root = new URL('../../', import.meta.url).pathname;

describe('examples/express-collector', () => {
  let child: ChildProcess;
  let base: string;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-express-example-'));
    // The exact command in the example's README, on a free port and a throwaway database.
    child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'examples/express-collector/server.ts'],
      {
        cwd: root,
        env: {...process.env, PORT: '0', FEEDBACK_DB: join(dir, 'feedback.db')},
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The example did not start in 20 s:\n${output}`)),
        20_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /running on (http:\/\/[^\s]+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) =>
        reject(new Error(`The example exited with ${code}:\n${output}`)),
      );
    });
  });

  after(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, {recursive: true, force: true});
  });

  const post = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(body),
    });

  it('stores a submission posted to /feedback/v1 and answers 201 with a reference', async () => {
    const submission = exampleSubmission({id: randomUUID()});
    const response = await post('/feedback/v1/submissions', submission);
    assert.equal(response.status, 201);
    const answer = (await response.json()) as {id: string; reference: string; receivedAt: string};
    assert.equal(answer.id, submission.id);
    assert.match(answer.reference, /\S{4,}/);
    assert.ok(!Number.isNaN(Date.parse(answer.receivedAt)));

    // The same submission again is the same record, not a second one.
    const again = await post('/feedback/v1/submissions', submission);
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as {reference: string}).reference, answer.reference);
  });

  it('answers bad input with 422 and the field, never a 5xx', async () => {
    const response = await post('/feedback/v1/submissions', {
      ...exampleSubmission({id: randomUUID()}),
      message: '   ',
    });
    assert.equal(response.status, 422);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(await response.text(), /message/);

    const notJson = await fetch(`${base}/feedback/v1/submissions`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: '{"kind": ',
    });
    assert.equal(notJson.status, 400);

    const notJsonType = await fetch(`${base}/feedback/v1/submissions`, {
      method: 'POST',
      headers: {'content-type': 'text/plain'},
      body: 'hello',
    });
    assert.equal(notJsonType.status, 415);
  });

  it('answers the collector health check under the mount path', async () => {
    const response = await fetch(`${base}/feedback/v1/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {status: 'ok'});
  });

  it("keeps the app's own routes and body parser working", async () => {
    const visits = await fetch(`${base}/api/visits`);
    assert.equal(visits.status, 200);
    const {visits: list} = (await visits.json()) as {visits: unknown[]};
    assert.ok(list.length > 0);

    const callBack = await post('/api/call-back', {phone: '01632 960000'});
    assert.equal(callBack.status, 202);
    const refused = await post('/api/call-back', {phone: 'no'});
    assert.equal(refused.status, 422);
    assert.deepEqual(await refused.json(), {error: 'Please give a phone number we can call.'});

    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<h1>Care at home/);

    // The page that holds the form points it at the collector under the mount path.
    const haveYourSay = await fetch(`${base}/have-your-say`);
    assert.equal(haveYourSay.status, 200);
    assert.ok(
      (await haveYourSay.text()).includes(`<care-feedback-form endpoint="${base}/feedback/v1">`),
    );

    const missing = await fetch(`${base}/feedback/nothing-here`);
    assert.equal(missing.status, 404);
    assert.match(await missing.text(), /Page not found/);
  });
});
