// Small rollup plugins for the embed bundle: production flags, on-demand assets, sizes and SRI hashes.
import {createHash} from 'node:crypto';
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {brotliCompressSync, gzipSync, constants} from 'node:zlib';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import typescript from '@rollup/plugin-typescript';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

export const terserOptions = {ecma: 2020, module: true, compress: {passes: 2}, format: {comments: false}};

/**
 * Plugins for a browser bundle built straight from TypeScript sources, with development warnings
 * compiled out: the embed bundle, and the bundles bench/ measures.
 */
export function sourceBundlePlugins({outDir = 'packages/embed/dist'} = {}) {
  return [
    productionFlags(),
    // Whitespace and comments inside html`` and css`` templates: terser leaves template strings alone.
    minifyHtmlLiterals({include: ['packages/*/src/**/*.ts']}),
    nodeResolve({exportConditions: ['source', 'production', 'browser'], extensions: ['.ts', '.js', '.mjs']}),
    json(),
    typescript({
      tsconfig: 'tsconfig.json',
      noEmit: false,
      declaration: false,
      outDir,
      include: ['packages/*/src/**/*.ts', 'bench/**/*.ts'],
      exclude: ['**/*.test.ts'],
    }),
  ];
}

/** Replaces the elements' development flag module so terser removes development-only warnings. */
export function productionFlags() {
  return {
    name: 'care-production-flags',
    load(id) {
      if (/packages[\\/]elements[\\/]src[\\/]shared[\\/]dev\.ts$/.test(id)) {
        return 'export const DEV = false;\nexport function devWarn() {}\n';
      }
      return null;
    },
  };
}

/** Copies what the bundle loads on demand (other locales, the glossary, the charter) beside it. */
export function embedAssets() {
  return {
    name: 'care-embed-assets',
    writeBundle() {
      for (const folder of ['locales', 'glossary', 'charter']) {
        const from = new URL(`../packages/elements/${folder}`, import.meta.url);
        if (existsSync(from)) cpSync(from, new URL(`../packages/embed/dist/${folder}`, import.meta.url), {recursive: true});
      }
    },
  };
}

/** Copies the inbox page, its stylesheet and the elements' on-demand files beside the inbox bundle in the inbox package's dist. */
export function inboxPage() {
  return {
    name: 'care-inbox-page',
    writeBundle() {
      const from = (file) => new URL(`../packages/inbox/src/${file}`, import.meta.url);
      const to = (file) => new URL(`../packages/inbox/dist/${file}`, import.meta.url);
      cpSync(from('inbox-page.html'), to('index.html'));
      cpSync(from('inbox-page.css'), to('inbox-page.css'));
      // What the elements inside the inbox load on demand (the consultation preview's other languages
      // and easy read, the glossary its jargon is explained from), served at /inbox/assets/.
      for (const folder of ['locales', 'glossary']) {
        const elements = new URL(`../packages/elements/${folder}`, import.meta.url);
        if (existsSync(elements)) cpSync(elements, to(`assets/${folder}`), {recursive: true});
      }
    },
  };
}

export function sizesOf(buffer) {
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, {level: 9}).length,
    brotli: brotliCompressSync(buffer, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
    sri: `sha384-${createHash('sha384').update(buffer).digest('base64')}`,
  };
}

const EMBED_DIST = new URL('../packages/embed/dist/', import.meta.url);
/** The record of every embed file's hash and imports, written beside them (docs/security.md shows how to use it). */
export const EMBED_MANIFEST = 'integrity.json';

const sri = (code) => `sha384-${createHash('sha384').update(code).digest('base64')}`;

/** Puts `value`'s JSON in place of a placeholder string literal ('NAME' or "NAME") in built code. */
function fillPlaceholder(code, name, value) {
  const pattern = new RegExp(`(["'\`])${name}\\1`);
  if (!pattern.test(code)) throw new Error(`The placeholder ${name} is missing from the built code.`);
  return code.replace(pattern, () => JSON.stringify(JSON.stringify(value)));
}

/**
 * Two plugins for the code-split embed: `esm` for the module build (care-feedback.mjs plus hashed
 * chunks/), `bootstrap` for care-feedback.js, built after it. The module build gets every chunk's
 * sha384 and which chunks each tag needs (so it can preload them with `integrity` before importing);
 * the bootstrap gets the entry's hash and its static imports'. So the one `integrity` on the script
 * tag covers every file, in a chain. Both also write dist/integrity.json, which the size test reads.
 */
export function embedChunks() {
  let record;
  const esm = {
    name: 'care-embed-chunks',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) throw new Error('The embed build has no entry chunk.');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      // A file first, then everything it imports statically (what the browser fetches before running it).
      const needs = (fileName) => {
        const out = [];
        const visit = (name) => {
          if (out.includes(name) || name === entry.fileName) return;
          out.push(name);
          for (const next of byFile.get(name)?.imports ?? []) visit(next);
        };
        visit(fileName);
        return out;
      };
      const files = {};
      for (const chunk of chunks) if (chunk !== entry) files[chunk.fileName] = sri(chunk.code);
      const tags = {};
      for (const chunk of chunks) {
        // Each public tag's code is a module named after the tag (define/care-jargon.ts…) that the entry
        // imports dynamically; its chunk may hold other modules too (see embedManualChunks).
        for (const id of [chunk.facadeModuleId, ...chunk.moduleIds]) {
          const tag = /[\\/](care-[a-z-]+)\.ts$/.exec(id ?? '')?.[1];
          if (tag && !tags[tag] && this.getModuleInfo(id)?.dynamicImporters.length) tags[tag] = needs(chunk.fileName);
        }
      }
      entry.code = fillPlaceholder(entry.code, '__CARE_CHUNK_MANIFEST__', {files, needs: tags});
      files[entry.fileName] = sri(entry.code);
      const entryNeeds = [entry.fileName, ...entry.imports.flatMap((name) => needs(name))];
      record = {
        files: Object.fromEntries(
          chunks.map((chunk) => [chunk.fileName, {integrity: files[chunk.fileName], imports: chunk.imports, dynamicImports: chunk.dynamicImports}]),
        ),
        entry: entryNeeds,
        elements: tags,
      };
    },
    writeBundle(options, bundle) {
      // Chunks from earlier builds have other hashes; only this build's stay, so dist holds what the manifest names.
      const folder = new URL('chunks/', EMBED_DIST);
      if (existsSync(folder)) {
        for (const name of readdirSync(folder)) if (!(`chunks/${name}` in bundle)) rmSync(new URL(name, folder));
      }
      mkdirSync(EMBED_DIST, {recursive: true});
      writeFileSync(new URL(EMBED_MANIFEST, EMBED_DIST), `${JSON.stringify(record, null, 2)}\n`);
    },
  };
  const bootstrap = {
    name: 'care-embed-bootstrap',
    generateBundle(_options, bundle) {
      if (!record) throw new Error('Build the module embed (care-feedback.mjs) before care-feedback.js.');
      const chunk = Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry);
      const files = Object.fromEntries(record.entry.map((file) => [file, record.files[file].integrity]));
      chunk.code = fillPlaceholder(chunk.code, '__CARE_ENTRY_MANIFEST__', {files, needs: {entry: record.entry}});
      record.files[chunk.fileName] = {integrity: sri(chunk.code), imports: [], dynamicImports: ['care-feedback.mjs']};
      writeFileSync(new URL(EMBED_MANIFEST, EMBED_DIST), `${JSON.stringify(record, null, 2)}\n`);
    },
  };
  return {esm, bootstrap};
}

/**
 * Groups the embed's modules into few chunks: each file a browser fetches costs a request and
 * compresses on its own, so many small chunks add up to more bytes than their sum. `base` is what
 * every element needs (Lit, shared styles, strings, the define helper); `form` is the form with the
 * picker it embeds; `schema` is zod and the submission's schema, which every sending element checks
 * with; `send` is the transport; `content` is what jargon, glossary and charter share. Each element's own code is left to Rollup, one chunk each.
 */
export function embedManualChunks(id) {
  const path = id.replaceAll('\\', '/');
  // The entry's own modules, and the settings and version it shares with every element: the entry then
  // imports no other file, and the chunks import those two from it.
  // The loader hook (shared/lazy-elements.ts) is there too: the form's chunk sets nothing, it asks the entry's loader.
  if (/\/embed\/src\/(?!care-feedback-launcher\.ts)|\/elements\/src\/shared\/(config|version|lazy-elements)\.ts$/.test(path)) return 'care-feedback';
  // Lit's directives go with the elements that use them: one element's directive (a consultation's
  // style-map) is not every page's download.
  if (/\/node_modules\/(lit|lit-html)\/(development\/)?directives\//.test(path)) return undefined;
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|tslib)\/|^\0?tslib/.test(path)) return 'base';
  // What the jargon, glossary and charter elements share (their data checks, safe HTML) is theirs, not everyone's.
  if (/\/elements\/src\/(shared\/(glossary-loader|safe-html)\.ts|glossary-data\/)/.test(path)) return 'content';
  // Sending and keeping on the device: what the form needs, and all that a page needs to send what an
  // earlier page left waiting (embed/src/waiting-items.ts), without the form.
  if (/\/elements\/src\/shared\/delivery\.ts$|\/core\/src\/(transport|drafts)\/|\/core\/src\/schema\/messages\.ts$|\/node_modules\/idb-keyval\//.test(path)) return 'send';
  // Listen (read aloud) serves the form, glossary and charter, never the launcher: its own small file.
  if (/\/elements\/src\/shared\/listen\.ts$/.test(path)) return 'listen';
  // The four nations' ombudsmen: the charter and the form both name them, and neither should fetch the
  // other's code for it (a page with only <care-jargon> would otherwise load the form).
  if (/\/core\/src\/nations\.ts$/.test(path)) return 'nations';
  // An element's own events go with it (<care-about-you>'s, the charter's, the picker's); the ones every
  // sending element shares go with sending; the launcher's, and their base class, go to every page.
  if (/\/elements\/src\/events\/care-(delivered|failed|queued)\.ts$/.test(path)) return 'send';
  if (/\/elements\/src\/events\/care-(event|launcher-open|launcher-close)\.ts$/.test(path)) return 'base';
  // The form controls' look serves the same elements as the schema below (never the launcher), so it
  // goes with it: a chunk of its own would add a hash to the entry that every page fetches up front.
  if (/\/elements\/src\/shared\/form-control-styles\.ts$/.test(path)) return 'schema';
  if (/\/elements\/src\/shared\//.test(path)) return 'base';
  // <care-jargon> stays its own file: the form's last screens fetch it when they show, and a page with
  // only jargon needs no form.
  if (/\/elements\/src\/(jargon\/|define\/care-jargon\.ts$)/.test(path)) return 'care-jargon';
  // The submission's schema and zod, which every element that sends checks its answers with (the form,
  // "About you", get involved, a consultation), with their controls' look: one file, so none of those
  // fetches another's code for it.
  // Each element's own schema (core/src/schema/about-you.ts…) goes with that element, since the elements
  // import core by module (`@care-feedback/core/schema/validate`), never through its index.
  if (/\/core\/src\/schema\/(vocabulary|submission|submission-id|validate)\.ts$|\/node_modules\/zod\//.test(path)) return 'schema';
  if (/\/elements\/src\/(feedback-form|feedback-picker)\/|\/define\/care-feedback-(form|picker)\.ts$/.test(path)) return 'form';
  return undefined;
}

/** What a page downloads from the embed: before anyone interacts (with the launcher), and everything. */
export function embedFigures(dist = EMBED_DIST) {
  const record = JSON.parse(readFileSync(new URL(EMBED_MANIFEST, dist), 'utf8'));
  const files = Object.keys(record.files).map((file) => ({file, ...sizesOf(readFileSync(new URL(file, dist)))}));
  const initialFiles = [...new Set(['care-feedback.js', ...record.entry, ...(record.elements['care-feedback-launcher'] ?? [])])];
  // A complaint: the page view, then the form's code and all it imports (sending among it).
  const complaintFiles = [...new Set([...initialFiles, ...(record.elements['care-feedback-form'] ?? [])])];
  const sum = (list, key) => files.filter((f) => list.includes(f.file)).reduce((total, f) => total + f[key], 0);
  const all = files.map((f) => f.file);
  return {
    record,
    files,
    initialFiles,
    initial: {min: sum(initialFiles, 'min'), gzip: sum(initialFiles, 'gzip'), brotli: sum(initialFiles, 'brotli')},
    complaintFiles,
    complaint: {min: sum(complaintFiles, 'min'), gzip: sum(complaintFiles, 'gzip'), brotli: sum(complaintFiles, 'brotli')},
    total: {min: sum(all, 'min'), gzip: sum(all, 'gzip'), brotli: sum(all, 'brotli')},
  };
}

/** Prints the size and Subresource Integrity hash of every embed file, and the initial and total downloads. */
export function reportSizes() {
  return {
    name: 'care-report-sizes',
    writeBundle() {
      if (!existsSync(new URL(EMBED_MANIFEST, EMBED_DIST))) return;
      const figures = embedFigures();
      for (const s of figures.files) {
        console.log(`${s.file}: ${s.min} B min, ${s.gzip} B gzip, ${s.brotli} B brotli\n  integrity="${s.sri}"`);
      }
      const line = (label, t) => `${label}: ${t.min} B min, ${t.gzip} B gzip, ${t.brotli} B brotli`;
      console.log(line(`care-feedback initial (a page with the launcher: ${figures.initialFiles.join(', ')})`, figures.initial));
      console.log(line(`care-feedback total (every element)`, figures.total));
    },
  };
}
