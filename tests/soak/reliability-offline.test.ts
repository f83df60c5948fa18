// Offline chaos soak: 120 items (CARE_SOAK_CHAOS_ITEMS) through the real form, with cuts, lost answers and reloads; each stored once.
import {after, before, test} from 'node:test';
import {offlineChaos, startSetup, type Setup} from '../support/offline-chaos.js';

const ITEMS = Number(process.env.CARE_SOAK_CHAOS_ITEMS ?? 120);
const SEED = Number(process.env.CARE_CHAOS_SEED ?? Date.now() % 100_000);

let setup: Setup;
before(async () => {
  setup = await startSetup();
});
after(() => setup?.close());

test(
  `the form loses and duplicates nothing over ${ITEMS} items of network chaos (seed ${SEED})`,
  {timeout: 60 * 60_000},
  async () => {
    const result = await offlineChaos({
      setup,
      items: ITEMS,
      seed: SEED,
      log: (line) => console.log(`# ${line}`),
    });
    console.log(`# offline chaos soak: ${JSON.stringify(result)}`);
  },
);
