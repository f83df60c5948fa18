// Page impact in headless Chromium: a provider-like page with and without the script tag. Reports the time
// until the elements are defined, main-thread time added, long tasks, layout shift, and memory after
// opening and closing the launcher 50 times (then 50 more, with and without V8's compilers).
import {existsSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../tools/chromium.mjs';
import {startStaticServer} from './lib/static-server.mjs';

const BUNDLE = new URL('../packages/embed/dist/', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 50);
// Cycles before the first memory reading. The first few openings do one-time work that is not growth:
// Playwright's shadow-piercing locator gives every element of the page a wrapper in its own world, and
// V8 allocates feedback and inline caches the first time each function runs.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);
// V8's compilers (Sparkplug, Maglev, TurboFan) keep compiling hot functions as they are called more, so
// with them on the JS heap grows for a few hundred cycles with machine code, not with anything the page
// keeps (heap snapshots after 50 and 200 cycles differ only in code objects; on the bench machine in
// November 2026 it levelled off after about 700 cycles). The
// second run turns them off, so what still grows there is what the page really retains.
const INTERPRETER_ONLY = '--js-flags=--no-opt --no-maglev --no-sparkplug';

function page(withTag) {
  const paragraphs = Array.from({length: 200}, (_, i) => `<p>Paragraph ${i}: our carers visit people at home and help with daily life.</p>`).join('\n');
  const tag = withTag
    ? '<script src="/embed/care-feedback.js" data-endpoint="http://127.0.0.1:9/v1" data-launcher="bottom-right"></script>'
    : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Bench page</title>${tag}</head><body><main><h1>Brook Lane Home Care</h1>${paragraphs}</main></body></html>`;
}

// Collected in the page from the first moment: long tasks and layout shifts.
const OBSERVERS = `
  window.__bench = {longTasks: 0, longTaskMs: 0, layoutShift: 0};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { __bench.longTasks++; __bench.longTaskMs += e.duration; } }).observe({type: 'longtask', buffered: true});
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.layoutShift += e.value; }).observe({type: 'layout-shift', buffered: true});
`;

async function loadOnce(browser, url, withTag) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.addInitScript(OBSERVERS);
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(url, {waitUntil: 'load'});
  const definedMs = withTag
    ? await tab.evaluate(async () => {
        await customElements.whenDefined('care-feedback-launcher');
        return performance.now();
      })
    : 0;
  await tab.waitForTimeout(300);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const observed = await tab.evaluate(() => window.__bench);
  await context.close();
  return {definedMs, taskMs: metrics.TaskDuration * 1000, ...observed};
}

async function memoryAfterCycles(browser, url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await tab.goto(url, {waitUntil: 'load'});
  await tab.evaluate(() => customElements.whenDefined('care-feedback-launcher'));
  const heap = async () => {
    // Twice: objects freed by the first collection's weak callbacks go in the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const {metrics} = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  const cycle = async () => {
    await tab.locator('care-feedback-launcher button').first().click();
    await tab.keyboard.press('Escape');
    await tab.waitForTimeout(20);
  };
  // The first opening loads the form's strings and creates it; the rest of the warm-up is one-time work (see WARMUP).
  for (let i = 0; i < Math.max(1, WARMUP); i++) await cycle();
  const before = await heap();
  for (let i = 0; i < CYCLES; i++) await cycle();
  const after = await heap();
  // A second batch: a leak keeps growing by the same amount per cycle; one-time work does not.
  for (let i = 0; i < CYCLES; i++) await cycle();
  const again = await heap();
  await context.close();
  return {before, after, again};
}

/** One line about a memory run: the first batch as a percentage, the second batch per cycle. */
function describeMemory({before, after, again}) {
  const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
  const percent = (((after - before) / before) * 100).toFixed(1);
  const perCycle = ((again - after) / CYCLES).toFixed(0);
  return `${kb(before)} → ${kb(after)} JS heap after GC (${percent}%); the next ${CYCLES}: ${kb(after)} → ${kb(again)} (${perCycle} bytes per cycle)`;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  if (!existsSync(`${BUNDLE}care-feedback.js`)) {
    return {title: 'Page impact', rows: [], notes: ['The embed bundle was not built (run `npm run build`).']};
  }
  const server = await startStaticServer((path) => {
    if (path === '/without.html') return {body: page(false), type: 'text/html'};
    if (path === '/with.html') return {body: page(true), type: 'text/html'};
    if (path.startsWith('/embed/') && !path.includes('..')) return BUNDLE + path.slice('/embed/'.length);
    return undefined;
  });
  const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
  try {
    const rows = [];
    for (const withTag of [false, true]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await loadOnce(browser, `${server.url}/${withTag ? 'with' : 'without'}.html`, withTag));
      rows.push({
        page: withTag ? 'with the script tag and launcher' : 'baseline: without the script tag',
        'defined at ms': withTag ? median(runs.map((r) => r.definedMs)).toFixed(0) : '—',
        'main-thread ms': median(runs.map((r) => r.taskMs)).toFixed(0),
        'long tasks': Math.max(...runs.map((r) => r.longTasks)),
        'layout shift': Math.max(...runs.map((r) => r.layoutShift)).toFixed(3),
      });
    }
    const added = Number(rows[1]['main-thread ms']) - Number(rows[0]['main-thread ms']);
    let memoryNotes = ['Launcher open/close memory was not measured (no launcher button found).'];
    try {
      const jit = await memoryAfterCycles(browser, `${server.url}/with.html`);
      const interpreterBrowser = await chromium.launch({executablePath: chromiumPath(), args: [...chromiumArgs, INTERPRETER_ONLY]});
      let interpreted;
      try {
        interpreted = await memoryAfterCycles(interpreterBrowser, `${server.url}/with.html`);
      } finally {
        await interpreterBrowser.close();
      }
      memoryNotes = [
        `Memory after opening and closing the launcher ${CYCLES} times, after ${WARMUP} warm-up cycles: ${describeMemory(jit)}.`,
        `The same with V8's compilers off (\`${INTERPRETER_ONLY}\`), so machine code for hot functions cannot grow and what still grows is what the page keeps: ${describeMemory(interpreted)}.`,
      ];
    } catch (error) {
      memoryNotes[0] += ` (${error.message.split('\n')[0]})`;
    }
    return {
      title: 'Page impact',
      rows,
      notes: [
        `Median of ${RUNS} loads each; long tasks and layout shift are the worst of those loads. Main-thread time added by the tag: ${added} ms.`,
        'Goals: no long tasks, layout shift 0, no memory growth.',
        ...memoryNotes,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
