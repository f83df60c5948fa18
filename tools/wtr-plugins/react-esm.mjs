// Lets browser tests import React: react, react-dom and their subpaths ship as CommonJS only, so they are built once with Rollup and served as ES modules.
//
// A bare import of one of ENTRIES is rewritten to /__react-esm/<name>.js. All entries come from one
// Rollup build, so they share one copy of React (two copies would break hooks). process.env.NODE_ENV
// is "development", so tests get React's own warnings.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {rollup} from 'rollup';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';

const PREFIX = '/__react-esm/';
const ENTRIES = {
  react: 'react',
  'react/jsx-runtime': 'react-jsx-runtime',
  'react/jsx-dev-runtime': 'react-jsx-dev-runtime',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom-client',
};
const VIRTUAL = 'react-esm-entry:';

/**
 * Each entry's export names, read in a child process: React's development build patches the console
 * when it loads, which breaks the test runner's own console here.
 */
function exportNames() {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(Object.keys(ENTRIES))}.map((s) => [s, Object.keys(require(s))]))))`;
  const cwd = fileURLToPath(new URL('../../', import.meta.url));
  return JSON.parse(execFileSync(process.execPath, ['-e', script], {cwd, encoding: 'utf8'}));
}

/** An ES module re-exporting a CommonJS module's exports by name, as well as the whole as default. */
function entrySource(specifier, allNames) {
  const names = allNames[specifier].filter(
    (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
  );
  return `import m from ${JSON.stringify(specifier)};\nexport default m;\nexport const {${names.join(', ')}} = m;\n`;
}

let built;
function build() {
  built ??= (async () => {
    const names = exportNames();
    const bundle = await rollup({
      input: Object.fromEntries(
        Object.entries(ENTRIES).map(([specifier, name]) => [name, VIRTUAL + specifier]),
      ),
      plugins: [
        {
          name: 'react-esm-entries',
          resolveId: (id) => (id.startsWith(VIRTUAL) ? `\0${id}` : null),
          load: (id) =>
            id.startsWith(`\0${VIRTUAL}`) ? entrySource(id.slice(VIRTUAL.length + 1), names) : null,
          transform: (code) =>
            code.includes('process.env.NODE_ENV')
              ? {code: code.replaceAll('process.env.NODE_ENV', '"development"'), map: null}
              : null,
        },
        nodeResolve({browser: true}),
        commonjs(),
      ],
      onwarn: () => {},
    });
    const {output} = await bundle.generate({
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunk-[hash].js',
    });
    await bundle.close();
    return new Map(
      output.filter((file) => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk.code]),
    );
  })();
  return built;
}

export default {
  name: 'react-esm',
  resolveImport({source}) {
    const name = ENTRIES[source];
    return name ? `${PREFIX}${name}.js` : undefined;
  },
  async serve(context) {
    if (!context.path.startsWith(PREFIX)) return undefined;
    const code = (await build()).get(context.path.slice(PREFIX.length));
    return code === undefined ? undefined : {body: code, type: 'js'};
  },
};
