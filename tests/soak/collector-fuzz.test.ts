// Soak: 12,000+ hostile bodies against a real collector (SQLite, then PostgreSQL): no 5xx, no crash, bounded memory.
// Run: node --conditions=source --import tsx --test tests/soak/collector-fuzz.test.ts (CARE_SOAK_RUNS to change the count).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {ENGINES, post, startCollector, submission} from '../../packages/collector/test/helpers.js';
import {CLIENT_STATUSES, hostileRequest} from '../../packages/collector/test/fuzz-bodies.js';

const RUNS = Number(process.env.CARE_SOAK_RUNS ?? 12_000);

for (const {engine, skip} of ENGINES) {
  describe(`collector fuzz soak on ${engine}`, {skip}, () => {
    it(`survives ${RUNS} hostile bodies with bounded memory`, {timeout: 30 * 60_000}, async () => {
      const c = await startCollector(engine, {log: false});
      try {
        const statuses = new Map<number, number>();
        let heapAfterWarmUp = 0;
        let n = 0;
        await fc.assert(
          fc.asyncProperty(hostileRequest, async ({contentType, body}) => {
            n++;
            if (n === 1000) {
              globalThis.gc?.();
              heapAfterWarmUp = process.memoryUsage().heapUsed;
            }
            let response: Response;
            try {
              response = await fetch(`${c.api}/submissions`, {
                method: 'POST',
                headers: contentType ? {'content-type': contentType} : {},
                body: body as BodyInit,
              });
            } catch (error) {
              if (/header|ByteString/i.test(String((error as Error).cause ?? error))) return;
              throw error;
            }
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            assert.ok(CLIENT_STATUSES.has(response.status), `status ${response.status}`);
            assert.equal(Object.keys(Object.prototype).length, 0);
          }),
          {numRuns: RUNS},
        );
        globalThis.gc?.();
        const growth = process.memoryUsage().heapUsed - heapAfterWarmUp;
        console.log(
          `# ${engine}: statuses ${JSON.stringify(Object.fromEntries(statuses))}, heap growth ${(growth / 1e6).toFixed(1)} MB`,
        );
        assert.ok(growth < 64e6, `heap grew ${growth} bytes`);
        assert.equal((await post(c.api, submission())).status, 201, 'still takes real feedback');
      } finally {
        await c.close();
      }
    });
  });
}
