// Builds one entry point into a single minified file in memory, as a consumer's bundler would.
import {rollup} from 'rollup';
import terser from '@rollup/plugin-terser';
import {sourceBundlePlugins, terserOptions} from '../../tools/rollup-plugins.mjs';

/** Returns the minified ESM bundle of `input` (a path from the repository root) with every dependency inside. */
export async function bundleEntry(input) {
  const build = await rollup({input, plugins: sourceBundlePlugins(), onwarn: () => {}});
  try {
    const {output} = await build.generate({format: 'es', plugins: [terser(terserOptions)], inlineDynamicImports: true});
    return Buffer.from(output[0].code);
  } finally {
    await build.close();
  }
}
