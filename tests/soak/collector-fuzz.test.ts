// Soak: 12,000+ hostile bodies against a real collector (SQLite, then PostgreSQL): no 5xx, no crash, bounded memory.
// Run: node --conditions=source --import tsx --test tests/soak/collector-fuzz.test.ts (CARE_SOAK_RUNS to change the count).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {ENGINES, post, startCollector, submission} from '../../packages/collector/test/helpers.js';
import {hostileRequest, sendHostile} from '../../packages/collector/test/fuzz-bodies.js';

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
          fc.asyncProperty(hostileRequest, async (request) => {
            n++;
            if (n === 1000) {
              globalThis.gc?.();
              heapAfterWarmUp = process.memoryUsage().heapUsed;
            }
            await sendHostile(c.api, request, statuses);
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
