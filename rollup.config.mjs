// Builds every package: ESM + .d.ts for core, elements and collector; the one-file bundles for embed;
// the inbox page.
import {existsSync, readdirSync} from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import {embedAssets, embedChunks, embedManualChunks, inboxPage, reportSizes, sourceBundlePlugins, terserOptions} from './tools/rollup-plugins.mjs';

const pkg = (name, path = '') => `packages/${name}/${path}`;
const exists = (path) => existsSync(new URL(path, import.meta.url));

/** Dependencies (and workspace packages) stay imports in library builds; apps bundle them. */
const external = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

function library(name, inputs, {preserveModules = true} = {}) {
  const input = Object.fromEntries(
    Object.entries(inputs).filter(([, file]) => exists(pkg(name, file))).map(([key, file]) => [key, pkg(name, file)]),
  );
  if (Object.keys(input).length === 0) return [];
  return [
    {
      input,
      external,
      plugins: [
        json(),
        typescript({tsconfig: pkg(name, 'tsconfig.build.json'), outDir: pkg(name, 'dist'), declarationDir: pkg(name, 'dist')}),
      ],
      output: {
        dir: pkg(name, 'dist'),
        format: 'es',
        sourcemap: true,
        ...(preserveModules ? {preserveModules: true, preserveModulesRoot: pkg(name, 'src')} : {}),
      },
    },
  ];
}

const defineEntries = exists(pkg('elements', 'src/define'))
  ? Object.fromEntries(
      readdirSync(new URL(pkg('elements', 'src/define'), import.meta.url))
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => [`define/${file.replace(/\.ts$/, '')}`, `src/define/${file}`]),
    )
  : {};

// The embed: a module entry with each element's code in its own hashed chunk, loaded when a page needs it,
// then the classic care-feedback.js that loads it, holding the hashes the module build just recorded.
const embedSri = embedChunks();
const embed = exists(pkg('embed', 'src/index.ts'))
  ? [
      {
        input: {'care-feedback': pkg('embed', 'src/index.ts')},
        // The chunks import what they share with the entry (the settings, the version) from the entry
        // itself, so it may export more than start(): the entry then imports nothing, and has no facade.
        preserveEntrySignatures: 'allow-extension',
        plugins: [...sourceBundlePlugins(), embedAssets()],
        output: {
          dir: pkg('embed', 'dist'),
          format: 'es',
          entryFileNames: '[name].mjs',
          chunkFileNames: 'chunks/[name]-[hash].js',
          manualChunks: embedManualChunks,
          plugins: [terser(terserOptions), embedSri.esm],
        },
      },
      {
        input: pkg('embed', 'src/bootstrap.ts'),
        plugins: sourceBundlePlugins(),
        output: {
          file: pkg('embed', 'dist/care-feedback.js'),
          format: 'iife',
          plugins: [terser({...terserOptions, module: false}), embedSri.bootstrap, reportSizes()],
        },
      },
    ]
  : [];

// The provider's inbox page and its element, built into the inbox package's dist; the collector finds
// them through @care-feedback/inbox and serves them at /inbox/.
const inbox = exists(pkg('inbox', 'src/care-feedback-inbox.ts'))
  ? [
      {
        input: pkg('inbox', 'src/care-feedback-inbox.ts'),
        plugins: [...sourceBundlePlugins({outDir: pkg('inbox', 'dist')}), inboxPage()],
        output: {file: pkg('inbox', 'dist/care-feedback-inbox.js'), format: 'es', plugins: [terser(terserOptions)]},
      },
    ]
  : [];

// <care-you-said-we-did> for a provider's public pages: one ES module, loaded on its own (not in the one-tag bundle).
const youSaidWeDid = exists(pkg('elements', 'src/define/care-you-said-we-did.ts'))
  ? [
      {
        input: pkg('elements', 'src/define/care-you-said-we-did.ts'),
        plugins: sourceBundlePlugins(),
        output: {file: pkg('embed', 'dist/care-you-said-we-did.js'), format: 'es', plugins: [terser(terserOptions)]},
      },
    ]
  : [];

export default [
  ...library('core', {index: 'src/index.ts', schema: 'src/schema/index.ts', transport: 'src/transport/index.ts', provider: 'src/provider/index.ts'}),
  ...library('elements', {index: 'src/index.ts', 'react/index': 'src/react/index.ts', ...defineEntries}),
  ...library('collector', {index: 'src/index.ts', cli: 'src/cli.ts'}),
  ...embed,
  ...inbox,
  ...youSaidWeDid,
];
