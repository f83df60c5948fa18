// The care-feedback-collector command from a repo checkout, with no build: serve, token, purge, env vars.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openStore} from '@care-feedback/collector';
import {newRecord, post, submission} from './helpers.js';
import {BIN, ENV, startServe} from './serve-process.js';

const run = promisify(execFile);

describe('care-feedback-collector CLI', () => {
  it('serves on SQLite with no setup: ./data/feedback.db is created with its folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'care-cli-'));
    const serving = startServe(['--port', '0'], {cwd});
    try {
      const url = await serving.url;
      assert.equal((await fetch(`${url}/v1/health`)).status, 200);
      assert.equal((await post(`${url}/v1`, submission())).status, 201);
      assert.ok(existsSync(join(cwd, 'data', 'feedback.db')));
      assert.equal(await serving.stop(), 0, 'a graceful stop exits 0');
    } finally {
      await serving.stop();
      rmSync(cwd, {recursive: true, force: true});
    }
  });

  it('takes every option from CARE_FEEDBACK_* environment variables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-cli-'));
    const serving = startServe([], {
      env: {
        CARE_FEEDBACK_PORT: '0',
        CARE_FEEDBACK_HOST: '127.0.0.1',
        CARE_FEEDBACK_DB: join(dir, 'env.db'),
        CARE_FEEDBACK_ALLOW_ORIGIN: 'https://a.example, https://b.example',
        CARE_FEEDBACK_RATE_LIMIT: '2',
        CARE_FEEDBACK_LOG: 'off',
      },
    });
    const bare = startServe([
      '--port',
      '0',
      '--db',
      join(dir, 'bare.db'),
      '--trust-proxy',
      '--log',
      'off',
    ]);
    try {
      const api = `${await serving.url}/v1`;
      assert.equal((await post(api, submission(), {origin: 'https://b.example'})).status, 201);
      assert.equal((await post(api, submission(), {origin: 'https://c.example'})).status, 403);
      assert.equal((await post(api, submission())).status, 201);
      assert.equal((await post(api, submission())).status, 429);
      assert.ok(existsSync(join(dir, 'env.db')));
      assert.equal(
        (await fetch(`${await bare.url}/v1/health`)).status,
        200,
        'a bare --trust-proxy is accepted',
      );
    } finally {
      await bare.stop();
      await serving.stop();
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('token create prints a token once, which works at once on a running server; list and revoke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-cli-'));
    const db = join(dir, 'f.db');
    const serving = startServe(['--port', '0', '--db', db, '--log', 'off']);
    try {
      const api = `${await serving.url}/v1`;
      const created = await run(
        process.execPath,
        [BIN, 'token', 'create', '--name', 'inbox', '--db', db],
        {env: ENV},
      );
      const token = created.stdout.trim();
      assert.match(token, /^cft_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      assert.match(created.stderr, /shown once/);
      assert.equal(
        (await fetch(`${api}/submissions`, {headers: {authorization: `Bearer ${token}`}})).status,
        200,
      );
      const listed = await run(process.execPath, [BIN, 'token', 'list', '--db', db], {env: ENV});
      assert.match(listed.stdout, /inbox\tcreated .*\tlive/);
      assert.ok(!listed.stdout.includes(token.replace(/^cft_[a-z0-9]{12}_/, '')));
      await run(process.execPath, [BIN, 'token', 'revoke', '--name', 'inbox', '--db', db], {
        env: ENV,
      });
      assert.equal(
        (await fetch(`${api}/submissions`, {headers: {authorization: `Bearer ${token}`}})).status,
        401,
      );
    } finally {
      await serving.stop();
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('token create --json prints one line of JSON for scripts, and its token works', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-cli-'));
    const db = join(dir, 'f.db');
    const serving = startServe(['--port', '0', '--db', db, '--log', 'off']);
    try {
      const api = `${await serving.url}/v1`;
      const created = await run(
        process.execPath,
        [BIN, 'token', 'create', '--name', 'inbox', '--json', '--db', db],
        {env: ENV},
      );
      const lines = created.stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, 1);
      const printed = JSON.parse(lines[0]!);
      assert.deepEqual(Object.keys(printed), ['token', 'name', 'services']);
      assert.match(printed.token, /^cft_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
      assert.equal(printed.name, 'inbox');
      assert.deepEqual(printed.services, []);
      assert.equal(
        (await fetch(`${api}/submissions`, {headers: {authorization: `Bearer ${printed.token}`}}))
          .status,
        200,
      );
      // --service (repeatable) limits the token, and the JSON says so.
      const limited = await run(
        process.execPath,
        [BIN, 'token', 'create', '--name', 'north', '--service', 'home-care-north', '--service', 'day-centre', '--json', '--db', db],
        {env: ENV},
      );
      const limitedToken = JSON.parse(limited.stdout.trim());
      assert.deepEqual(limitedToken.services, ['home-care-north', 'day-centre']);
      const north = await post(api, submission({service: 'home-care-north'}));
      const south = await post(api, submission({service: 'home-care-south'}));
      const seen = (await (
        await fetch(`${api}/submissions`, {headers: {authorization: `Bearer ${limitedToken.token}`}})
      ).json()) as {items: Array<{reference: string}>};
      assert.deepEqual(
        seen.items.map((item) => item.reference),
        [((await north.json()) as {reference: string}).reference],
        'it sees its own service only',
      );
      assert.equal(south.status, 201);
      await assert.rejects(
        run(process.execPath, [BIN, 'token', 'create', '--name', 'x', '--service', '', '--db', db], {env: ENV}),
        /Each service id is 1 to 200 characters/,
      );
    } finally {
      await serving.stop();
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('purge --older-than 365d removes old submissions only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-cli-'));
    const db = join(dir, 'f.db');
    try {
      const store = await openStore({db});
      const add = async (receivedAt: string) => {
        const result = await store.insert(newRecord(submission(), {receivedAt}));
        assert.equal(result.outcome, 'created');
        return result.outcome === 'created' ? result.receipt.reference : '';
      };
      const old = await add(new Date(Date.now() - 400 * 86_400_000).toISOString());
      const fresh = await add(new Date().toISOString());
      await store.close();
      const purged = await run(
        process.execPath,
        [BIN, 'purge', '--older-than', '365d', '--db', db],
        {env: ENV},
      );
      assert.match(purged.stdout, /Removed 1 submission /);
      const after = await openStore({db});
      assert.equal(await after.get(old), undefined);
      assert.ok(await after.get(fresh));
      await after.close();
      await assert.rejects(
        run(process.execPath, [BIN, 'purge', '--older-than', 'soon', '--db', db], {env: ENV}),
        (error: {code: number; stderr: string}) => {
          assert.equal(error.code, 2);
          assert.match(error.stderr, /365d/);
          return true;
        },
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it('explains its usage and refuses a bad option', async () => {
    const help = await run(process.execPath, [BIN, '--help'], {env: ENV});
    assert.match(
      help.stdout,
      /care-feedback-collector serve \[--port 8787\] \[--host 127\.0\.0\.1\]/,
    );
    await assert.rejects(
      run(process.execPath, [BIN, 'serve', '--allow-origin', 'https://a.example/path'], {env: ENV}),
      /origin like/,
    );
  });
});
