// Hostile text soak: every naughty string the schema accepts typed into the real form too, not only a sample; and on PostgreSQL.
import {describe, it} from 'node:test';
import {hostileText} from '../support/hostile-text.js';
import {POSTGRES_SKIP, POSTGRES_URL} from '../support/reliability.js';

describe('hostile text (soak)', () => {
  it(
    'every naughty string, typed into the form and sent to the API, is stored byte for byte, exported safely, and runs nowhere',
    {timeout: 60 * 60_000},
    async () => {
      const result = await hostileText({
        formSample: Number(process.env.CARE_SOAK_FORM_STRINGS ?? Infinity),
      });
      console.log(`# hostile text soak: ${JSON.stringify(result)}`);
    },
  );

  it(
    'the same strings through the API are stored byte for byte on PostgreSQL',
    {timeout: 10 * 60_000, skip: POSTGRES_SKIP},
    async () => {
      const result = await hostileText({formSample: 0, postgres: POSTGRES_URL});
      console.log(`# hostile text soak: ${JSON.stringify(result)}`);
    },
  );
});
