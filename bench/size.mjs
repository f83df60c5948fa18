// Size: min, gzip and brotli bytes of every published browser entry point and the embed bundle,
// beside a one-element Lit bundle built in the same run (the floor nothing Lit-based can go under).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {sizesOf} from '../tools/rollup-plugins.mjs';
import {bundleEntry} from './lib/bundle.mjs';
import {kb} from './lib/table.mjs';

export const EMBED_BUDGET_BROTLI = 22 * 1024;

function entryPoints() {
  const entries = [
    ['floor: one trivial Lit element', 'bench/fixtures/lit-floor.ts'],
    ['@care-feedback/core', 'packages/core/src/index.ts'],
    ['@care-feedback/core/schema', 'packages/core/src/schema/index.ts'],
    ['@care-feedback/elements', 'packages/elements/src/index.ts'],
  ];
  const defineDir = 'packages/elements/src/define';
  if (existsSync(defineDir)) {
    for (const file of readdirSync(defineDir).filter((f) => f.endsWith('.ts')).sort()) {
      entries.push([`@care-feedback/elements/define/${file.replace(/\.ts$/, '')}`, `${defineDir}/${file}`]);
    }
  }
  return entries;
}

export async function run() {
  const rows = [];
  const row = (name, buffer, note = '') => {
    const s = sizesOf(buffer);
    rows.push({entry: name, 'min KB': kb(s.min), 'gzip KB': kb(s.gzip), 'brotli KB': kb(s.brotli), note});
    return s;
  };
  for (const [name, input] of entryPoints()) {
    row(name, await bundleEntry(input), 'bundled with its dependencies, minified');
  }
  let embed;
  for (const file of ['care-feedback.js', 'care-feedback.mjs']) {
    const path = `packages/embed/dist/${file}`;
    if (!existsSync(path)) continue;
    const s = row(`@care-feedback/embed ${file}`, readFileSync(path), 'the built script-tag bundle');
    if (file === 'care-feedback.js') embed = s;
  }
  const notes = [];
  if (embed) {
    const within = embed.brotli <= EMBED_BUDGET_BROTLI;
    notes.push(
      `Embed bundle: ${kb(embed.brotli)} KB brotli against a budget of ${kb(EMBED_BUDGET_BROTLI)} KB — ${within ? 'within budget' : 'OVER BUDGET'}.`,
    );
  } else {
    notes.push('The embed bundle was not built (run `npm run build`).');
  }
  return {title: 'Size', rows, notes};
}
