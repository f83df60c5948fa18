// Load without harm soak: a flood over 50 connections (20,000 requests or more) while a normal client sends 25 submissions over about a minute.
import {describe, it} from 'node:test';
import {floodWithoutHarm} from '../support/load-without-harm.js';

const FLOOD = Number(process.env.CARE_SOAK_FLOOD ?? 20_000);

describe('load without harm (soak)', () => {
  for (const mode of ['direct', 'proxy'] as const) {
    it(
      `${mode}: a flood of ${FLOOD}+ requests is held to the limit while a normal client gets 201 each time`,
      {timeout: 30 * 60_000},
      async () => {
        const result = await floodWithoutHarm({
          mode,
          rateLimit: 30,
          floodRequests: FLOOD,
          floodConnections: 50,
          normalRequests: 25,
          normalEveryMs: 2000,
        });
        console.log(`# load without harm soak: ${JSON.stringify(result)}`);
      },
    );
  }
});
