// Hostile text (short): every naughty string through the API, a sample through the real form, back through the provider API and CSV.
// The long version (every string through the form) is tests/soak/reliability-hostile-text.test.ts. See docs/reliability.md.
import {describe, it} from 'node:test';
import {hostileText} from '../support/hostile-text.js';
import {POSTGRES_SKIP, POSTGRES_URL} from '../support/reliability.js';

describe('hostile text end to end', {concurrency: true}, () => {
  it(
    'naughty strings are stored byte for byte, exported safely, and run nowhere (SQLite, and typed into the form)',
    {timeout: 120_000},
    async () => {
      const result = await hostileText({formSample: 14});
      console.log(`# hostile text: ${JSON.stringify(result)}`);
    },
  );

  it(
    'naughty strings are stored byte for byte and exported safely on PostgreSQL (through the API)',
    {timeout: 120_000, skip: POSTGRES_SKIP},
    async () => {
      const result = await hostileText({formSample: 0, postgres: POSTGRES_URL});
      console.log(`# hostile text: ${JSON.stringify(result)}`);
    },
  );
});
