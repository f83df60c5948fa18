// Memory soak: the collector child's RSS, sampled over 20,000 malformed bodies (CARE_SOAK_BODIES), stays bounded.
// The in-process fuzz soak (collector-fuzz.test.ts) measures the heap; this one measures the real server process.
import {test} from 'node:test';
import {memoryUnderBadInput} from '../support/memory-bounded.js';

const BODIES = Number(process.env.CARE_SOAK_BODIES ?? 20_000);

test(
  `the collector's memory stays bounded over ${BODIES} malformed bodies`,
  {timeout: 30 * 60_000},
  async () => {
    const result = await memoryUnderBadInput({bodies: BODIES});
    const {samples, ...figures} = result;
    console.log(`# memory under bad input: ${JSON.stringify(figures)}`);
    console.log(`# RSS samples (MB, every 250 bodies): ${samples.join(' ')}`);
  },
);
