// Browser tests: every *.test.ts under packages/*/src (but not *.node.test.ts), in headless Chromium.
import {readdir} from 'node:fs/promises';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter, summaryReporter} from '@web/test-runner';
import {countReporter} from './tools/wtr-count-reporter.mjs';
import {chromiumPath, chromiumArgs} from './tools/chromium.mjs';

// Plugins that give tests server-side commands (a real collector, network control, ...) live one per
// file in tools/wtr-plugins/, so a new suite adds a file instead of editing this config.
const pluginDir = new URL('./tools/wtr-plugins/', import.meta.url);
// A fresh clone may have no plugin files yet, and git keeps no empty folders.
const pluginFiles = (await readdir(pluginDir).catch(() => [])).filter((name) => name.endsWith('.mjs')).sort();
const commandPlugins = [];
for (const name of pluginFiles) {
  const module = await import(new URL(name, pluginDir).href);
  commandPlugins.push(...[module.default].flat());
}

const files = process.env.WTR_FILES
  ? process.env.WTR_FILES.split(',')
  : ['packages/*/src/**/*.test.ts', '!packages/*/src/**/*.node.test.ts', 'tests/browser/**/*.test.ts'];

export default {
  rootDir: '.',
  files,
  nodeResolve: {exportConditions: ['source', 'development', 'browser']},
  // One page at a time: a page in a background tab gets no animation frames and no real focus, which
  // keyboard and focus tests depend on. WTR_CONCURRENCY=2 is faster for suites that do not.
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  concurrentBrowsers: 1,
  // Safety nets for a test that hangs, not budgets: on a machine shared with other builds, axe over the
  // whole glossary took more than 20 s and a file of embed pages more than 10 minutes (docs/reliability.md).
  testsFinishTimeout: 25 * 60_000,
  testFramework: {config: {timeout: 90_000}},
  browsers: [
    chromeLauncher({
      launchOptions: {executablePath: chromiumPath(), headless: true, args: chromiumArgs},
    }),
  ],
  plugins: [
    esbuildPlugin({
      ts: true,
      // No json: true: it would turn every fetched .json (glossary, charter, locales) into a JS module.
      target: 'es2022',
      tsconfig: new URL('./tsconfig.json', import.meta.url).pathname,
    }),
    ...commandPlugins,
  ],
  reporters: [
    process.env.CI ? summaryReporter({flatten: true}) : defaultReporter(),
    countReporter(process.env.WTR_COUNT_FILE),
  ],
};
