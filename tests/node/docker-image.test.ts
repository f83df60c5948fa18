// The Docker image runs the collector: built from this checkout, started as a user without root, it answers
// its health check, stores a submission in its volume, and Docker reports it healthy. Where no Docker daemon
// runs (as on the machines this suite usually runs on) the test is skipped and says so.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, spawnSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {exampleSubmission} from '@care-feedback/core';
import {waitUntil} from '../support/wait-until.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const dockerRuns = spawnSync('docker', ['info'], {stdio: 'ignore'}).status === 0;
const SKIP = dockerRuns ? false : 'Docker image test skipped: no Docker daemon here (`docker info` failed); it runs where Docker does.';

const docker = async (...args: string[]) => (await run('docker', args, {cwd: root, maxBuffer: 64 * 1024 * 1024})).stdout.trim();

describe('the Docker image', {skip: SKIP}, () => {
  it('builds, runs as a user without root, answers health, stores a submission, and is reported healthy', {timeout: 1_800_000}, async () => {
    const image = `care-feedback-test:${randomUUID().slice(0, 8)}`;
    await docker('build', '-t', image, '.');
    let container = '';
    try {
      container = await docker('run', '-d', '-p', '127.0.0.1::8787', '-e', 'CARE_FEEDBACK_ALLOW_ORIGIN=*', '--health-interval', '1s', image);
      const port = (await docker('port', container, '8787')).split('\n')[0]!.split(':').pop();
      const api = `http://127.0.0.1:${port}/v1`;
      await waitUntil(async () => (await fetch(`${api}/health`).catch(() => undefined))?.ok, 'the collector in the image never answered');
      const sent = exampleSubmission({id: randomUUID()});
      const answer = await fetch(`${api}/submissions`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(sent)});
      assert.equal(answer.status, 201, 'a submission is stored');
      assert.notEqual(await docker('exec', container, 'id', '-u'), '0', 'the server does not run as root');
      assert.match(await docker('exec', container, 'ls', '/data'), /feedback\.db/, 'the database is in the volume');
      await waitUntil(async () => (await docker('inspect', '-f', '{{.State.Health.Status}}', container)) === 'healthy', 'Docker never reported it healthy');
    } finally {
      if (container) await docker('rm', '-f', container).catch(() => '');
      await docker('rmi', '-f', image).catch(() => '');
    }
  });
});
