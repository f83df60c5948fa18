// Load without harm, shared by the short test and the soak: one address floods, another keeps being served.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import http from 'node:http';
import {exampleSubmission} from '@care-feedback/core';
import {listAll, percentile, startCollector, type CollectorProcess} from './reliability.js';

export interface Client {
  /** Peer address the client connects from (any 127.x.y.z works on Linux loopback). */
  localAddress: string;
  /** X-Forwarded-For for each request, as a proxy in front of the collector would send it. */
  forwardedFor?: (n: number) => string;
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  ms: number;
}

/** POSTs one valid, unique submission over a keep-alive agent bound to the client's address. */
function submit(api: string, agent: http.Agent, client: Client, n: number): Promise<Answer> {
  const body = JSON.stringify({
    ...exampleSubmission(),
    id: randomUUID(),
    message: `Load test ${n} from ${client.localAddress}`,
  });
  const url = new URL(`${api}/submissions`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(client.forwardedFor ? {'x-forwarded-for': client.forwardedFor(n)} : {}),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: response.headers['retry-after'] as string | undefined,
            ms: performance.now() - started,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export interface FloodOptions {
  /** `direct`: clients told apart by their own address; `proxy`: by X-Forwarded-For behind --trust-proxy 1. */
  mode: 'direct' | 'proxy';
  rateLimit: number;
  /** At least this many; the flood goes on until the normal client has finished too. */
  floodRequests: number;
  floodConnections: number;
  normalRequests: number;
  /** Pause between the normal client's submissions. */
  normalEveryMs: number;
}

export interface FloodResult {
  mode: string;
  seconds: number;
  flood: Record<string, number>;
  floodPerSecond: number;
  normal: Record<string, number>;
  normalP50Ms: number;
  normalMaxMs: number;
  stored: number;
  collectorRssMb: number;
}

const count = (answers: Answer[]) =>
  answers.reduce<Record<string, number>>(
    (all, a) => ((all[a.status] = (all[a.status] ?? 0) + 1), all),
    {},
  );

/**
 * One client floods POST /v1/submissions (forging X-Forwarded-For to try to look like many people);
 * a second, normal client sends a few submissions during the flood. The flood is held to the rate
 * limit with 429 and Retry-After; the normal client gets 201 every time; nothing answers 5xx.
 */
export async function floodWithoutHarm(options: FloodOptions): Promise<FloodResult> {
  const collector: CollectorProcess = await startCollector({
    rateLimit: options.rateLimit,
    ...(options.mode === 'proxy' ? {trustProxy: '1'} : {}),
  });
  try {
    // Forged entries on the left are what a client may claim; the proxy appends the address it saw.
    const forged = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const flooder: Client =
      options.mode === 'proxy'
        ? {localAddress: '127.0.0.1', forwardedFor: (n) => `${forged(n)}, 203.0.113.66`}
        : {localAddress: '127.0.0.2', forwardedFor: forged};
    const person: Client =
      options.mode === 'proxy'
        ? {localAddress: '127.0.0.1', forwardedFor: () => '198.51.100.7'}
        : {localAddress: '127.0.0.3'};
    const floodAgent = new http.Agent({
      keepAlive: true,
      maxSockets: options.floodConnections,
      localAddress: flooder.localAddress,
    });
    const personAgent = new http.Agent({
      keepAlive: true,
      maxSockets: 1,
      localAddress: person.localAddress,
    });

    const started = performance.now();
    const floodAnswers: Answer[] = [];
    let next = 0;
    let personDone = false;
    const flood = Promise.all(
      Array.from({length: options.floodConnections}, async () => {
        while (next < options.floodRequests || !personDone)
          floodAnswers.push(await submit(collector.api, floodAgent, flooder, next++));
      }),
    );
    const personAnswers: Answer[] = [];
    try {
      // The flood is under way before the normal client starts, and goes on until it has finished.
      while (floodAnswers.length < options.rateLimit * 2)
        await new Promise((resolve) => setTimeout(resolve, 20));
      for (let n = 0; n < options.normalRequests; n++) {
        await new Promise((resolve) => setTimeout(resolve, options.normalEveryMs));
        personAnswers.push(await submit(collector.api, personAgent, person, n));
      }
    } finally {
      personDone = true;
    }
    await flood;
    const seconds = (performance.now() - started) / 1000;
    floodAgent.destroy();
    personAgent.destroy();

    const flood429 = floodAnswers.filter((a) => a.status === 429);
    const flood201 = floodAnswers.filter((a) => a.status === 201).length;
    assert.deepEqual(
      Object.keys(count(floodAnswers)).sort(),
      ['201', '429'],
      `the flood got only 201 and 429: ${JSON.stringify(count(floodAnswers))}`,
    );
    // A full bucket, plus what refills while the flood lasts, plus one for rounding.
    const allowed = options.rateLimit + Math.ceil((options.rateLimit * seconds) / 60) + 1;
    assert.ok(
      flood201 <= allowed,
      `the flood stored ${flood201}, more than the ${allowed} the limit allows in ${seconds.toFixed(1)} s`,
    );
    assert.ok(
      flood201 >= Math.min(options.rateLimit, options.floodRequests),
      `the flood's first ${options.rateLimit} were taken (${flood201})`,
    );
    for (const a of flood429)
      assert.ok(
        Number(a.retryAfter) >= 1,
        `a 429 says when to try again (Retry-After ${a.retryAfter})`,
      );
    assert.deepEqual(
      count(personAnswers),
      {201: options.normalRequests},
      'the normal client got 201 every time',
    );
    assert.equal(
      collector.child.exitCode,
      null,
      `the collector is still running: ${collector.stderr()}`,
    );
    const stored = (await listAll(collector.api, collector.token)).length;
    assert.equal(
      stored,
      flood201 + options.normalRequests,
      'exactly the answered submissions are stored',
    );
    const ms = personAnswers.map((a) => a.ms);
    return {
      mode: options.mode,
      seconds: Math.round(seconds * 10) / 10,
      flood: count(floodAnswers),
      floodPerSecond: Math.round(floodAnswers.length / seconds),
      normal: count(personAnswers),
      normalP50Ms: Math.round(percentile(ms, 50)),
      normalMaxMs: Math.round(Math.max(...ms)),
      stored,
      collectorRssMb: Math.round(collector.rss() / 2 ** 20),
    };
  } finally {
    await collector.stop();
  }
}
