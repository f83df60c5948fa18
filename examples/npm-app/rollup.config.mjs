// Builds the example app: src/main.ts → dist/app.js (ES module, minified), with the elements' on-demand files in dist/assets/.
//
// From the repository root: npx rollup -c examples/npm-app/rollup.config.mjs
// From this folder:         npx rollup -c
import {cpSync, existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
// The folder that holds the elements package (its package.json is in its "exports" for this).
const elementsRoot = dirname(
  createRequire(join(here, 'package.json')).resolve('@care-feedback/elements/package.json'),
);

/**
 * A production build in two small steps: React reads process.env.NODE_ENV, which browsers do not
 * have, and the elements keep their development warnings in one module (shared/dev), which this
 * replaces with an empty one so terser removes every warning and its text.
 */
function production() {
  return {
    name: 'production',
    load(id) {
      if (/elements[\\/](src|dist)[\\/]shared[\\/]dev\.(ts|js)$/.test(id)) {
        return 'export const DEV = false;\nexport function devWarn() {}\n';
      }
      return null;
    },
    transform(code) {
      if (!code.includes('process.env.NODE_ENV')) return null;
      return {code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null};
    },
  };
}

/** Copies locales/, glossary/ and charter/ from the elements package to dist/assets/ (main.ts points assetBase there). */
function elementAssets() {
  return {
    name: 'element-assets',
    writeBundle() {
      for (const folder of ['locales', 'glossary', 'charter']) {
        const from = join(elementsRoot, folder);
        if (existsSync(from)) cpSync(from, join(out, 'assets', folder), {recursive: true});
      }
    },
  };
}

export default {
  input: join(here, 'src/main.ts'),
  plugins: [
    production(),
    // "source" lets this repository build from the packages' TypeScript without building them first;
    // an app using the published package resolves its compiled dist/ files instead.
    nodeResolve({
      browser: true,
      exportConditions: ['source', 'browser', 'production'],
      extensions: ['.ts', '.tsx', '.mjs', '.js'],
    }),
    // React and ReactDOM are published as CommonJS only.
    commonjs(),
    typescript({
      tsconfig: join(here, 'tsconfig.json'),
      filterRoot: join(here, '../..'),
      include: ['examples/npm-app/src/**/*.{ts,tsx}', 'packages/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/test-support/**'],
      outDir: out,
      noEmitOnError: true,
    }),
    elementAssets(),
  ],
  onwarn(warning, warn) {
    // Notes about other packages' comments and import cycles are not this app's to fix.
    if (
      warning.id?.includes('node_modules') &&
      ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY'].includes(warning.code)
    )
      return;
    if (
      warning.code === 'CIRCULAR_DEPENDENCY' &&
      warning.ids?.every((id) => id.includes('node_modules'))
    )
      return;
    warn(warning);
  },
  treeshake: {
    // The elements' package.json says only its define modules have side effects. Rollup learns that
    // when node-resolve finds a file; the TypeScript sources here are found by the TypeScript plugin
    // instead, so say it again, or every element class would be kept whether it is used or not.
    moduleSideEffects: (id) =>
      !/elements[\\/]src[\\/]/.test(id) || /elements[\\/]src[\\/]define[\\/]/.test(id),
  },
  output: {
    dir: out,
    format: 'es',
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
    plugins: [terser({ecma: 2020, module: true, format: {comments: false}})],
  },
};
