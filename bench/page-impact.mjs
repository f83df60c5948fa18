// Page impact in headless Chromium: a provider-like page with and without the script tag. Reports the time
// until the elements are defined, main-thread time added, long tasks, layout shift, and memory after
// opening and closing the launcher 50 times.
import {existsSync} from 'node:fs';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../tools/chromium.mjs';
import {startStaticServer} from './lib/static-server.mjs';

const BUNDLE = new URL('../packages/embed/dist/', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 5);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 50);

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
    await cdp.send('HeapProfiler.collectGarbage');
    const {metrics} = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  };
  const cycle = async () => {
    await tab.locator('care-feedback-launcher button').first().click();
    await tab.keyboard.press('Escape');
    await tab.waitForTimeout(20);
  };
  await cycle(); // the first opening loads the form's strings and creates it: not growth
  const before = await heap();
  for (let i = 0; i < CYCLES; i++) await cycle();
  const after = await heap();
  await context.close();
  return {before, after};
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
    let memoryNote = 'Launcher open/close memory was not measured (no launcher button found).';
    try {
      const {before, after} = await memoryAfterCycles(browser, `${server.url}/with.html`);
      memoryNote = `Memory after opening and closing the launcher ${CYCLES} times: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB JS heap after GC (${(((after - before) / before) * 100).toFixed(1)}%).`;
    } catch (error) {
      memoryNote += ` (${error.message.split('\n')[0]})`;
    }
    return {
      title: 'Page impact',
      rows,
      notes: [
        `Median of ${RUNS} loads each; long tasks and layout shift are the worst of those loads. Main-thread time added by the tag: ${added} ms.`,
        'Goals: no long tasks, layout shift 0, no memory growth.',
        memoryNote,
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
