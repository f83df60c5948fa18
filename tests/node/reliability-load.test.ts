// Load without harm (short): a flood from one client gets 429 while a normal client keeps getting 201, directly and behind a proxy.
// The long version is tests/soak/reliability-load.test.ts (npm run soak). See docs/reliability.md.
import {describe, it} from 'node:test';
import {floodWithoutHarm} from '../support/load-without-harm.js';

describe('load without harm', {concurrency: true}, () => {
  for (const mode of ['direct', 'proxy'] as const) {
    it(
      mode === 'direct'
        ? 'holds a flood from one address to the rate limit, forged X-Forwarded-For or not, and keeps serving another address'
        : 'behind a proxy (--trust-proxy 1), tells clients apart by X-Forwarded-For and limits only the flood',
      {timeout: 60_000},
      async () => {
        const result = await floodWithoutHarm({
          mode,
          rateLimit: 30,
          floodRequests: 300,
          floodConnections: 16,
          normalRequests: 10,
          normalEveryMs: 100,
        });
        console.log(`# load without harm: ${JSON.stringify(result)}`);
      },
    );
  }
});
