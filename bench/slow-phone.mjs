// A slow phone: headless Chromium with the CPU slowed 4× and the network of DevTools' "Slow 4G" preset
// (562.5 ms round trip, 1.44 Mbit/s down), the files served brotli-compressed as a real server would.
// Measures the time from pressing "Give feedback" to the form's first question being ready to answer
// (issue #13's target: under 1 s), in two ways: pressed with nothing before it (the form's code is
// fetched at the press: the worst case), and pressed 300 ms after the pointer came over the button
// (a mouse's hover, a finger's touch down) when the code is already on its way.
import {existsSync, readFileSync} from 'node:fs';
import {brotliCompressSync} from 'node:zlib';
import {createServer} from 'node:http';
import {chromium} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../tools/chromium.mjs';

const BUNDLE = new URL('../packages/embed/dist/', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 5);
export const TARGET_MS = 1000;
const SLOW_4G = {offline: false, latency: 562.5, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8};

const PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>A care provider</title><script src="/embed/care-feedback.js" data-endpoint="/v1" data-launcher="bottom-right"></script></head>
<body><main><h1>Brook Lane Home Care</h1><p>Our carers visit people at home.</p></main></body></html>`;

/** Serves the page and the built embed, brotli-compressed when the browser accepts it. */
function serve() {
  const cache = new Map();
  const server = createServer((request, response) => {
    const {pathname} = new URL(request.url, 'http://localhost');
    let body;
    let type = 'text/javascript';
    if (pathname === '/') [body, type] = [Buffer.from(PAGE), 'text/html; charset=utf-8'];
    else if (pathname.startsWith('/embed/') && !pathname.includes('..') && existsSync(BUNDLE + pathname.slice(7))) {
      body = readFileSync(BUNDLE + pathname.slice(7));
      if (pathname.endsWith('.json')) type = 'application/json';
    } else return response.writeHead(404).end();
    if (/\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (!cache.has(pathname)) cache.set(pathname, brotliCompressSync(body));
      return response.writeHead(200, {'content-type': type, 'content-encoding': 'br'}).end(cache.get(pathname));
    }
    response.writeHead(200, {'content-type': type}).end(body);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close()})));
}

/** In the page: presses the launcher (after hovering for `hoverMs`, if any) and resolves the ms from press to the first question. */
function pressAndTime(hoverMs) {
  const launcher = document.querySelector('care-feedback-launcher');
  const button = launcher.shadowRoot.querySelector('button');
  const ready = () =>
    launcher.shadowRoot.querySelector('care-feedback-form')?.shadowRoot?.querySelector('care-feedback-picker')?.shadowRoot?.querySelector('input[type=radio]');
  const press = () =>
    new Promise((resolve) => {
      const start = performance.now();
      button.click();
      const check = () => (ready() ? resolve(performance.now() - start) : requestAnimationFrame(check));
      check();
    });
  if (!hoverMs) return press();
  button.dispatchEvent(new PointerEvent('pointerover', {bubbles: true, composed: true}));
  return new Promise((resolve) => setTimeout(resolve, hoverMs)).then(press);
}

async function once(browser, url, hoverMs) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
  await tab.goto(url, {waitUntil: 'load'});
  await tab.evaluate(async () => {
    await customElements.whenDefined('care-feedback-launcher');
    await document.querySelector('care-feedback-launcher')?.updateComplete;
  });
  const ms = await tab.evaluate(pressAndTime, hoverMs);
  await context.close();
  return ms;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  if (!existsSync(`${BUNDLE}care-feedback.js`)) {
    return {title: 'Slow phone', rows: [], notes: ['The embed bundle was not built (run `npm run build`).']};
  }
  const server = await serve();
  const browser = await chromium.launch({executablePath: chromiumPath(), args: chromiumArgs});
  try {
    const rows = [];
    for (const [how, hoverMs] of [['pressed with nothing before it', 0], ['pressed 300 ms after the pointer came over it', 300]]) {
      const times = [];
      for (let i = 0; i < RUNS; i++) times.push(await once(browser, server.url, hoverMs));
      const middle = median(times);
      rows.push({
        press: how,
        'median ms': middle.toFixed(0),
        'range ms': `${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)}`,
        target: `${TARGET_MS} ms: ${middle <= TARGET_MS ? 'met' : `missed by ${(middle - TARGET_MS).toFixed(0)} ms`}`,
      });
    }
    return {
      title: 'Slow phone',
      rows,
      notes: [
        `Chromium with the CPU slowed 4× and DevTools' "Slow 4G" network (562.5 ms round trip, 1.44 Mbit/s), files brotli-compressed; ${RUNS} runs each, from pressing "Give feedback" to the form's first question ready to answer. The machine's own load adds to the CPU slowdown.`,
      ],
    };
  } finally {
    await browser.close();
    server.close();
  }
}
