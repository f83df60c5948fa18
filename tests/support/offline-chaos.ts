// Offline chaos, shared by the short test and the soak: the real form sends many items while the network is cut, restored and reloaded.
import assert from 'node:assert/strict';
import type {Browser, BrowserContext, Page, Route} from 'playwright-core';
import {
  type CollectorProcess,
  type FormPage,
  deviceQueue,
  fillAndSend,
  giveMore,
  launchBrowser,
  listAll,
  phase,
  startCollector,
  startFormPage,
  waitForPhase,
} from './reliability.js';

/** A small seeded random number generator (mulberry32), so a failing run can be repeated with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How the network behaves while an item is sent:
 * - online: nothing in the way;
 * - offline: the browser is offline (DevTools network emulation: requests fail, `offline`/`online` events fire);
 * - down: the device is online but the collector cannot be reached (connection refused);
 * - lost-answer: the request reaches the collector and is stored, but the answer never comes back,
 *   so the browser must send it again and the collector must store it once;
 * - flaky: each request has an even chance of any of the above.
 */
export type Weather = 'online' | 'offline' | 'down' | 'lost-answer' | 'flaky';
const WEATHERS: Weather[] = ['online', 'offline', 'down', 'lost-answer', 'flaky'];

/** A collector, a page with the form pointed at it, and a browser; tests in one file share them. */
export interface Setup {
  formPage: FormPage;
  collector: CollectorProcess;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSetup(formAttributes = ''): Promise<Setup> {
  const formPage = await startFormPage(formAttributes);
  const [collector, browser] = await Promise.all([
    startCollector({allowOrigin: [formPage.origin]}),
    launchBrowser(),
  ]);
  formPage.setEndpoint(collector.api);
  return {
    formPage,
    collector,
    browser,
    async close() {
      await browser.close();
      await collector.stop();
      await formPage.close();
    },
  };
}

export interface ChaosOptions {
  setup: Setup;
  items: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  items: number;
  stored: number;
  seconds: number;
  delivered: number;
  queued: number;
  reloads: number;
  networkChanges: number;
  answersLost: number;
  requestsRefused: number;
  weather: Record<string, number>;
}

/** Runs the chaos and asserts: every item typed is stored exactly once, and the device queue is empty. */
export async function offlineChaos({
  setup,
  items,
  seed,
  log = () => {},
}: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Requests come at times the seed does not fix; their own stream keeps the steps above repeatable.
  const flakyRand = random(seed ^ 0x5bd1e995);
  const {formPage, collector, browser} = setup;
  const counts = {
    delivered: 0,
    queued: 0,
    reloads: 0,
    networkChanges: 0,
    answersLost: 0,
    requestsRefused: 0,
  };
  const weatherSeen: Record<string, number> = {};
  const context: BrowserContext = await browser.newContext();
  try {
    const page: Page = await context.newPage();
    const collectorUrl = `${new URL(collector.api).origin}/**`;
    let weather: Weather = 'online';

    // Every request to the collector passes here; what happens to it depends on the weather.
    const onRoute = async (route: Route) => {
      try {
        await weatherFor(route);
      } catch {
        // The page reloaded or closed while the request was held: the browser has already dropped it.
      }
    };
    const weatherFor = async (route: Route) => {
      const mode =
        weather === 'flaky'
          ? (['online', 'down', 'lost-answer'] as const)[Math.floor(flakyRand() * 3)]!
          : weather;
      if (mode === 'down') {
        counts.requestsRefused++;
        await route.abort('connectionrefused');
      } else if (mode === 'lost-answer' && route.request().method() === 'POST') {
        // Sent for real (stored), then the connection drops before the browser hears the answer.
        try {
          await route.fetch();
          counts.answersLost++;
        } catch {
          // the collector could not be reached either: the same to the browser
        }
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    };
    await context.route(collectorUrl, onRoute);

    const setWeather = async (next: Weather) => {
      if (next !== weather) counts.networkChanges++;
      weatherSeen[next] = (weatherSeen[next] ?? 0) + 1;
      weather = next;
      await context.setOffline(next === 'offline');
    };
    const reload = async () => {
      // A page cannot load while the browser is offline: the person comes back when it is online.
      if (weather === 'offline') await setWeather('online');
      counts.reloads++;
      await page.reload();
      await waitForPhase(page, [
        'kind',
        'rating',
        'story',
        'about',
        'reply',
        'consent',
        'review',
        'done',
      ]);
    };

    await page.goto(formPage.url);
    const runId = `${seed.toString(36)}-${Date.now().toString(36)}`;
    const messages: string[] = [];
    for (let i = 0; i < items; i++) {
      if ((await phase(page)) === 'done') await giveMore(page);
      await setWeather(pick(WEATHERS));
      // Unique per item, with text that breaks naive code on the way.
      const message = `Chaos ${runId} item ${i}: the carers were kind 🙂 «${weather}» <b>&amp;</b> عربى`;
      messages.push(message);
      if (rand() < 0.25) {
        // Half-way through, the page reloads: the draft brings the answers back.
        const form = page.locator('care-feedback-form');
        await form.locator('care-feedback-picker input[value="compliment"]').check({force: true});
        await form.locator('button[type="submit"]').click();
        await waitForPhase(page, ['rating']);
        await reload();
      }
      const outcome = await fillAndSend(page, message);
      counts[outcome]++;
      log(`item ${i}: ${weather} → ${outcome}`);
      // Between items: the network changes again, and sometimes the page reloads (the queue is sent on load).
      if (rand() < 0.5) await setWeather(pick(WEATHERS));
      if (rand() < 0.4) await reload();
      else if (rand() < 0.5) await page.waitForTimeout(Math.floor(rand() * 1500));
      // The device keeps at most 50 waiting items; let the queue drain before it gets near that.
      if ((await deviceQueue(page)).length >= 40) {
        await setWeather('online');
        await reload();
        await waitFor(
          async () => (await deviceQueue(page)).length < 10,
          60_000,
          'the queue to drain',
        );
      }
    }

    // The network comes back for good. The person opens the page again and gives one more item online.
    await setWeather('online');
    await reload();
    if ((await phase(page)) === 'done') await giveMore(page);
    const last = `Chaos ${runId} item ${items}: the last one, sent online`;
    messages.push(last);
    assert.equal(
      await fillAndSend(page, last),
      'delivered',
      'online, the last item is delivered at once',
    );

    await waitFor(
      async () => (await deviceQueue(page)).length === 0,
      60_000,
      'the device queue to empty',
    );
    const stored = (await listAll(collector.api, collector.token)).filter((r) =>
      r.submission.message.startsWith(`Chaos ${runId} `),
    );
    const byMessage = new Map<string, number>();
    for (const record of stored)
      byMessage.set(record.submission.message, (byMessage.get(record.submission.message) ?? 0) + 1);
    const missing = messages.filter((m) => !byMessage.has(m));
    const twice = [...byMessage].filter(([, n]) => n > 1).map(([m, n]) => `${n}× ${m}`);
    const unknown = [...byMessage.keys()].filter((m) => !messages.includes(m));
    assert.deepEqual(
      {missing, twice, unknown},
      {missing: [], twice: [], unknown: []},
      'every item typed is stored exactly once',
    );
    assert.equal(stored.length, messages.length);
    assert.equal(new Set(stored.map((r) => r.id)).size, stored.length, 'no id is stored twice');
    assert.deepEqual(await deviceQueue(page), [], 'nothing is left waiting on the device');
    assert.equal(
      collector.child.exitCode,
      null,
      `the collector is still running: ${collector.stderr()}`,
    );
    return {
      items: messages.length,
      stored: stored.length,
      seconds: (Date.now() - started) / 1000,
      ...counts,
      weather: weatherSeen,
    };
  } finally {
    await context.close();
  }
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
