// Small rollup plugins for the embed bundle: production flags, on-demand assets, sizes and SRI hashes.
import {createHash} from 'node:crypto';
import {cpSync, existsSync, readFileSync} from 'node:fs';
import {brotliCompressSync, gzipSync, constants} from 'node:zlib';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import json from '@rollup/plugin-json';
import typescript from '@rollup/plugin-typescript';

export const terserOptions = {ecma: 2020, module: true, compress: {passes: 2}, format: {comments: false}};

/**
 * Plugins for a browser bundle built straight from TypeScript sources, with development warnings
 * compiled out: the embed bundle, and the bundles bench/ measures.
 */
export function sourceBundlePlugins() {
  return [
    productionFlags(),
    nodeResolve({exportConditions: ['source', 'production', 'browser'], extensions: ['.ts', '.js', '.mjs']}),
    json(),
    typescript({
      tsconfig: 'tsconfig.json',
      noEmit: false,
      declaration: false,
      outDir: 'packages/embed/dist',
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

export function sizesOf(buffer) {
  return {
    min: buffer.length,
    gzip: gzipSync(buffer, {level: 9}).length,
    brotli: brotliCompressSync(buffer, {params: {[constants.BROTLI_PARAM_QUALITY]: 11}}).length,
    sri: `sha384-${createHash('sha384').update(buffer).digest('base64')}`,
  };
}

/** Prints the size and Subresource Integrity hash of each bundle once both are written. */
export function reportSizes() {
  return {
    name: 'care-report-sizes',
    writeBundle() {
      for (const file of ['care-feedback.js', 'care-feedback.mjs']) {
        const url = new URL(`../packages/embed/dist/${file}`, import.meta.url);
        if (!existsSync(url)) continue;
        const s = sizesOf(readFileSync(url));
        console.log(
          `${file}: ${s.min} B min, ${s.gzip} B gzip, ${s.brotli} B brotli\n  integrity="${s.sri}"`,
        );
      }
    },
  };
}
