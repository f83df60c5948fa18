// Memory bounded under bad input: the collector child's resident memory, sampled over thousands of malformed bodies.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {CLIENT_STATUSES, hostileRequest} from '../../packages/collector/test/fuzz-bodies.js';
import {startCollector} from './reliability.js';

export interface MemoryResult {
  bodies: number;
  seconds: number;
  statuses: Record<string, number>;
  rssStartMb: number;
  rssAfterWarmUpMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  /** RSS at each sample, in MB. */
  samples: number[];
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Sends `bodies` hostile requests (the collector fuzz generators: malformed, truncated, oversized,
 * deeply nested, wrongly typed, random bytes, wrong content types, __proto__ keys) to a collector
 * child process, `connections` at a time, reading its RSS from /proc every `every` requests.
 * Asserts: no 5xx or crash, RSS after the warm-up stays within `peakAllowanceMb`, and the last
 * quarter is not more than `growthAllowanceMb` above the second quarter (no steady leak).
 */
export async function memoryUnderBadInput({
  bodies,
  connections = 8,
  every = 250,
  peakAllowanceMb = 96,
  growthAllowanceMb = 40,
  seed = 20261127,
}: {
  bodies: number;
  connections?: number;
  every?: number;
  peakAllowanceMb?: number;
  growthAllowanceMb?: number;
  seed?: number;
}): Promise<MemoryResult> {
  const collector = await startCollector();
  const started = performance.now();
  try {
    const requests = fc.sample(hostileRequest, {numRuns: bodies, seed});
    const rssStart = collector.rss();
    const samples: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    let done = 0;
    const warmUp = Math.min(1000, Math.floor(bodies / 10));
    let rssAfterWarmUp = 0;
    await Promise.all(
      Array.from({length: connections}, async () => {
        while (next < requests.length) {
          const {contentType, body} = requests[next++]!;
          let status: number;
          try {
            const response = await fetch(`${collector.api}/submissions`, {
              method: 'POST',
              headers: contentType ? {'content-type': contentType} : {},
              body: body as BodyInit,
            });
            await response.arrayBuffer();
            status = response.status;
          } catch (error) {
            // Only a header fetch itself refuses to send (a content type outside Latin-1) may fail here.
            if (/header|ByteString/i.test(String((error as Error).cause ?? error))) status = 0;
            else throw error;
          }
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          assert.ok(
            status === 0 || CLIENT_STATUSES.has(status),
            `a client's bad input got ${status}`,
          );
          done++;
          if (done % every === 0) samples.push(collector.rss());
          if (done === warmUp) rssAfterWarmUp = collector.rss();
        }
      }),
    );
    assert.equal((await fetch(`${collector.api}/health`)).status, 200, 'still serving');
    assert.equal(
      collector.child.exitCode,
      null,
      `the collector is still running: ${collector.stderr()}`,
    );
    const rssEnd = collector.rss();
    const afterWarmUp = samples.slice(Math.ceil(warmUp / every));
    const peak = Math.max(...afterWarmUp, rssEnd);
    const quarter = Math.max(1, Math.floor(afterWarmUp.length / 4));
    const median = (list: number[]) =>
      [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
    const second = median(afterWarmUp.slice(quarter, 2 * quarter));
    const last = median(afterWarmUp.slice(-quarter));
    const result: MemoryResult = {
      bodies,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      statuses: Object.fromEntries(
        [...statuses].map(([status, n]) => [status === 0 ? 'refused by fetch' : status, n]),
      ),
      rssStartMb: mb(rssStart),
      rssAfterWarmUpMb: mb(rssAfterWarmUp),
      rssPeakMb: mb(peak),
      rssEndMb: mb(rssEnd),
      samples: samples.map(mb),
    };
    assert.ok(
      peak - rssAfterWarmUp < peakAllowanceMb * 2 ** 20,
      `RSS rose ${mb(peak - rssAfterWarmUp)} MB after the warm-up: ${JSON.stringify(result)}`,
    );
    assert.ok(
      last - second < growthAllowanceMb * 2 ** 20,
      `RSS kept growing (${mb(second)} → ${mb(last)} MB): ${JSON.stringify(result)}`,
    );
    return result;
  } finally {
    await collector.stop();
  }
}
