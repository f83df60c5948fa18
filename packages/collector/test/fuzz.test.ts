// Fuzz: thousands of random, malformed, oversized and prototype-polluting bodies; no 5xx, no crash.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {ENGINES, post, startCollector, submission, type Running} from './helpers.js';
import {hostileRequest, sendHostile} from './fuzz-bodies.js';

const RUNS = Number(process.env.CARE_FUZZ_RUNS ?? 2500);

for (const {engine, skip} of ENGINES) {
  describe(`fuzzing POST /v1/submissions on ${engine}`, {skip}, () => {
    let c: Running;
    before(async () => {
      c = await startCollector(engine, {log: false});
    });
    after(() => c?.close());

    it(`answers ${engine === 'sqlite' ? RUNS : RUNS / 3} hostile bodies with client errors or success, never 5xx`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(hostileRequest, (request) => sendHostile(c.api, request, statuses)),
        {
          numRuns: engine === 'sqlite' ? RUNS : Math.round(RUNS / 3),
          seed: Number(process.env.CARE_FUZZ_SEED ?? Date.now() % 2 ** 31),
        },
      );
      assert.equal((await fetch(`${c.api}/health`)).status, 200, 'still serving');
      assert.ok(
        (statuses.get(422) ?? 0) > 0 && (statuses.get(400) ?? 0) > 0,
        `statuses seen: ${JSON.stringify([...statuses])}`,
      );
    });

    it('answers random provider queries, paths and changes without a 5xx', async () => {
      const {reference} = await (await post(c.api, submission())).json();
      const text = fc.oneof(
        fc.string(),
        fc.string({unit: 'binary'}),
        fc.constantFrom('\u0000', '%00', '..', 'true', '1', '2026-02-30', 'x'.repeat(5000)),
      );
      const query = fc.dictionary(
        fc.constantFrom(
          'kind',
          'status',
          'service',
          'from',
          'to',
          'quarantined',
          'overdue',
          'limit',
          'cursor',
          'x',
        ),
        text,
      );
      const request = fc.oneof(
        fc.record({
          method: fc.constant('GET'),
          path: fc.constantFrom('/submissions', '/stats', '/export.csv', '/export.ndjson'),
          query,
          body: fc.constant(undefined),
        }),
        fc.record({
          method: fc.constantFrom('PATCH', 'DELETE', 'GET', 'PUT'),
          path: fc.oneof(
            fc.constant(`/submissions/${reference}`),
            text.map(
              (t) => `/submissions/${encodeURIComponent(t.replace(/[\ud800-\udfff]/g, ''))}`,
            ),
          ),
          query: fc.constant({}),
          body: fc.oneof(
            fc.json(),
            fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
          ),
        }),
        fc.record({
          method: fc.constantFrom('POST', 'DELETE'),
          path: fc.constantFrom('/tokens', '/tokens/%00', '/purge'),
          query: fc.constant({}),
          body: fc.oneof(
            fc.json(),
            fc.constant('{"name":"\\u0000"}'),
            fc.constant('{"olderThan":"0d"}'),
          ),
        }),
      );
      await fc.assert(
        fc.asyncProperty(request, async ({method, path, query, body}) => {
          const search = new URLSearchParams(
            Object.entries(query).map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/g, '')]),
          ).toString();
          const response = await fetch(`${c.api}${path}${search ? `?${search}` : ''}`, {
            method,
            headers: {authorization: `Bearer ${c.token}`, 'content-type': 'application/json'},
            ...(body !== undefined && method !== 'GET' ? {body} : {}),
            signal: AbortSignal.timeout(10_000),
          }).catch((error) => {
            throw new Error(
              `${method} ${path}?${search} with ${JSON.stringify(body)?.slice(0, 200)}: ${error}`,
            );
          });
          await response.arrayBuffer();
          assert.ok(response.status < 500, `${method} ${path}?${search}: ${response.status}`);
        }),
        {numRuns: engine === 'sqlite' ? 400 : 200},
      );
    });
  });
}
