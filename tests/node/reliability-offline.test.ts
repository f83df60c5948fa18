// Offline chaos (short): the real form in Chromium sends items through cuts, lost answers and reloads; each is stored once.
// The long version is tests/soak/reliability-offline.test.ts (npm run soak). What it proves: docs/reliability.md.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {offlineChaos, startSetup, waitFor, type Setup} from '../support/offline-chaos.js';
import {deviceQueue, fillAndSend, giveMore, listAll} from '../support/reliability.js';

const SEED = Number(process.env.CARE_CHAOS_SEED ?? Date.now() % 100_000);

// The two run side by side: most of their time is spent waiting on the network.
describe('offline chaos with the real form', {concurrency: true}, () => {
  let setup: Setup;
  before(async () => {
    setup = await startSetup();
  });
  after(() => setup?.close());

  it(
    `loses and duplicates nothing through network cuts, lost answers and reloads (8 items, seed ${SEED})`,
    {timeout: 120_000},
    async () => {
      const result = await offlineChaos({setup, items: 8, seed: SEED});
      console.log(`# offline chaos: ${JSON.stringify(result)}`);
    },
  );

  it(
    'sends a queued item as soon as the next page with the form opens, even after "Give more feedback"',
    {timeout: 60_000},
    async () => {
      const {formPage, collector, browser} = setup;
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(formPage.url);
        const down = `${new URL(collector.api).origin}/**`;
        await context.route(down, (route) => route.abort('connectionrefused'));
        const message = `Left behind by an earlier page ${Date.now()}`;
        assert.equal(await fillAndSend(page, message), 'queued');
        await giveMore(page);
        await context.unroute(down);
        // The person moves on to another page of the site with the form on it (here: the same page again).
        await page.reload();
        await waitFor(
          async () => (await deviceQueue(page)).length === 0,
          5000,
          'the queue to be sent on load',
        );
        const stored = (await listAll(collector.api, collector.token)).filter(
          (r) => r.submission.message === message,
        );
        assert.equal(stored.length, 1);
      } finally {
        await context.close();
      }
    },
  );
});
