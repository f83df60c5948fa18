// Builds every package: ESM + .d.ts for core, elements and collector; the one-file bundles for embed.
import {existsSync, readdirSync} from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';
import json from '@rollup/plugin-json';
import {embedAssets, reportSizes, sourceBundlePlugins, terserOptions} from './tools/rollup-plugins.mjs';

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

const embed = exists(pkg('embed', 'src/index.ts'))
  ? [
      {
        input: pkg('embed', 'src/index.ts'),
        plugins: [...sourceBundlePlugins(), embedAssets()],
        output: [
          {file: pkg('embed', 'dist/care-feedback.mjs'), format: 'es', plugins: [terser(terserOptions)]},
          {
            file: pkg('embed', 'dist/care-feedback.js'),
            format: 'iife',
            plugins: [terser({...terserOptions, module: false}), reportSizes()],
          },
        ],
      },
    ]
  : [];

export default [
  ...library('core', {index: 'src/index.ts', schema: 'src/schema/index.ts'}),
  ...library('elements', {index: 'src/index.ts', ...defineEntries}),
  ...library('collector', {index: 'src/index.ts', cli: 'src/cli.ts'}),
  ...embed,
];
