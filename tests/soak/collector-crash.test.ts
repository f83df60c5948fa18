// Soak: kill -9 a CLI collector under load 20 times (SQLite, then PostgreSQL); every 201 survives, once.
// Run: node --conditions=source --import tsx --test tests/soak/collector-crash.test.ts (CARE_SOAK_ROUNDS to change).
import {describe, it} from 'node:test';
import {ENGINES, tempStore} from '../../packages/collector/test/helpers.js';
import {crashCheck} from '../../packages/collector/test/crash.js';

const ROUNDS = Number(process.env.CARE_SOAK_ROUNDS ?? 20);

for (const {engine, skip} of ENGINES) {
  describe(`collector crash soak on ${engine}`, {skip}, () => {
    it(`loses nothing over ${ROUNDS} SIGKILLs`, {timeout: 30 * 60_000}, async () => {
      const temp = await tempStore(engine);
      await temp.store.close();
      try {
        const {acknowledged, stored} = await crashCheck(temp.location, ROUNDS, 400);
        console.log(
          `# ${engine}: ${acknowledged} acknowledged, ${stored} stored, none lost or doubled`,
        );
      } finally {
        await temp.cleanup();
      }
    });
  });
}
