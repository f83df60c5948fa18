// Builds examples/npm-app with its own Rollup config, checks the bundle is a production build defining the right tags, and runs it in Chromium.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {rollup, type RollupLog, type OutputChunk} from 'rollup';
import {chromium, type Browser} from 'playwright-core';
// @ts-expect-error: a plain .mjs config without type declarations.
import config from '../../examples/npm-app/rollup.config.mjs';
// @ts-expect-error: a plain .mjs tool without type declarations.
import {chromiumPath, chromiumArgs} from '../../tools/chromium.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const app = join(root, 'examples/npm-app');

/** Every development warning's fixed opening words, read from the sources, so a new warning is checked too. */
function devWarnings(): string[] {
  const texts = new Set<string>();
  for (const pkg of ['elements', 'core']) {
    const src = join(root, 'packages', pkg, 'src');
    for (const name of readdirSync(src, {recursive: true}).map(String)) {
      if (!name.endsWith('.ts') || name.endsWith('.test.ts') || name.includes('test-support'))
        continue;
      const code = readFileSync(join(src, name), 'utf8');
      for (const match of code.matchAll(/devWarn\(\s*[`'"]([^`'"$\\]{12,})/g)) texts.add(match[1]!);
    }
  }
  return [...texts];
}

describe('examples/npm-app', {timeout: 120_000}, () => {
  let code = '';
  /** The on-demand chunks, by the path the page asks for them. */
  const lazyChunks = new Map<string, string>();
  const warnings: RollupLog[] = [];

  before(async () => {
    const started = Date.now();
    // The app's own config, its own warning filter included; only the warnings that pass it are kept.
    const bundle = await rollup({
      ...config,
      onwarn: (warning: RollupLog) => config.onwarn(warning, () => warnings.push(warning)),
    });
    // Written to memory, not to examples/npm-app/dist; minified as `npx rollup -c` does.
    const {output} = await bundle.generate({...config.output, sourcemap: false});
    await bundle.close();
    const chunks = output.filter((file): file is OutputChunk => file.type === 'chunk');
    // One script, dist/app.js, as index.html expects; the parts an element loads only when it shows
    // (<care-about-you> on the form's done screen) are chunks of their own that app.js imports on demand.
    const [entry, ...lazy] = chunks;
    assert.equal(entry?.fileName, 'app.js');
    assert.ok(entry.isEntry);
    for (const chunk of lazy) {
      assert.ok(chunk.isDynamicEntry, `${chunk.fileName} is loaded on demand, never up front`);
      lazyChunks.set(`/dist/${chunk.fileName}`, chunk.code);
    }
    code = entry.code;
    console.log(`built examples/npm-app in ${Date.now() - started} ms: ${code.length} B minified`);
  });

  it('builds without warnings of its own', () => {
    assert.deepEqual(
      warnings.map((warning) => `${warning.code}: ${warning.message}`),
      [],
    );
  });

  it('defines the tags the app imports, and drops the elements it does not use', () => {
    // Minified, a registration reads `x("care-jargon",Y)`; a tag only mentioned (whenDefined, get) has no second argument.
    const defines = (tag: string) =>
      new RegExp(`[\\w$]+\\(\\s*["'\`]${tag}["'\`]\\s*,\\s*[\\w$]+\\)`).test(code);
    for (const tag of ['care-feedback-form', 'care-feedback-picker', 'care-jargon'])
      assert.ok(defines(tag), `<${tag}> is defined`);
    for (const tag of [
      'care-feedback-launcher',
      'care-glossary',
      'care-rights-charter',
      'care-feedback-inbox',
    ]) {
      assert.ok(!defines(tag), `<${tag}> is not defined: the app does not import it`);
    }
    // The React wrappers it does not use (their names and tags are strings, so they survive minifying),
    // and the element classes they would pull in, are tree-shaken away.
    assert.ok(code.includes('"CareFeedbackPicker"'), 'the picker wrapper it uses is bundled');
    for (const unused of [
      '"CareRightsCharter"',
      '"CareFeedbackLauncher"',
      '"CareGlossary"',
      'care-rights-charter',
      'care-launcher-open',
    ]) {
      assert.ok(!code.includes(unused), `${unused} is not bundled`);
    }
  });

  it('is a production build: no development warnings from the elements, Lit or React', () => {
    const texts = devWarnings();
    assert.ok(texts.length >= 5, `found the development warnings in the sources (${texts.length})`);
    for (const text of texts)
      assert.ok(!code.includes(text), `development warning left in the bundle: "${text}"`);
    assert.ok(!code.includes('Lit is in dev mode'), "Lit's development build is not bundled");
    assert.ok(
      !code.includes('Download the React DevTools'),
      "React's development build is not bundled",
    );
    assert.ok(!code.includes('process.env'), 'nothing reads process.env in the browser');
  });

  describe('in Chromium', () => {
    let server: Server;
    let browser: Browser;
    let base: string;

    before(async () => {
      const types: Record<string, string> = {
        '.html': 'text/html',
        '.js': 'text/javascript',
        '.json': 'application/json',
      };
      // The page, the script just built (from memory) and the elements' on-demand files, as the build lays them out.
      server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        let body: string | Buffer | undefined;
        if (path === '/') body = readFileSync(join(app, 'index.html'));
        else if (path === '/dist/app.js') body = code;
        else if (lazyChunks.has(path)) body = lazyChunks.get(path);
        else if (path.startsWith('/dist/assets/')) {
          const base = join(root, 'packages/elements') + sep;
          const file = normalize(join(base, path.slice('/dist/assets/'.length)));
          if (file.startsWith(base) && existsSync(file) && statSync(file).isFile())
            body = readFileSync(file);
        } else if (path === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        if (body === undefined) res.writeHead(404).end();
        else
          res
            .writeHead(200, {
              'content-type': `${types[extname(path) || '.html'] ?? 'text/plain'}; charset=utf-8`,
            })
            .end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: chromiumArgs,
        headless: true,
      });
    });

    after(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('renders the page, with the picker from React, and React hears the choice', async () => {
      const page = await browser.newPage();
      const messages: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error')
          messages.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => messages.push(`uncaught: ${error.message}`));
      await page.goto(`${base}/`);

      const defined = await page.evaluate(async () => {
        await Promise.all(
          ['care-feedback-form', 'care-feedback-picker', 'care-jargon'].map((tag) =>
            customElements.whenDefined(tag),
          ),
        );
        return ['care-feedback-form', 'care-feedback-picker', 'care-jargon', 'care-glossary'].map(
          (tag) => Boolean(customElements.get(tag)),
        );
      });
      assert.deepEqual(defined, [true, true, true, false]);

      // React put the picker in #start, and the legend it passed as a property is what a person reads.
      const picker = page.locator('#start care-feedback-picker');
      await picker.getByRole('group', {name: 'What would you like to tell us?'}).waitFor();
      await picker.getByRole('radio', {name: /^Complaint/}).check();
      // onCareKindChange set React state, which React shows under the picker.
      await page
        .locator('#start p.chosen')
        .getByText('We are sorry something went wrong.')
        .waitFor();

      // The form outside React works too.
      await page.locator('care-feedback-form').getByRole('heading').first().waitFor();
      assert.deepEqual(messages, [], 'no warnings or errors in the console');
      await page.close();
    });
  });
});
