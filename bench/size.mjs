// Size: min, gzip and brotli bytes of every published browser entry point and the embed bundle's files,
// beside a one-element Lit bundle built in the same run (the floor nothing Lit-based can go under).
import {existsSync, readdirSync} from 'node:fs';
import {embedFigures, sizesOf} from '../tools/rollup-plugins.mjs';
import {bundleEntry} from './lib/bundle.mjs';
import {kb} from './lib/table.mjs';

export const EMBED_BUDGET_BROTLI = 15 * 1024;
/** Issue #13's goal for everything a complaint needs (the page view, the form and sending); not met yet. */
export const COMPLAINT_GOAL_BROTLI = 30 * 1024;

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
  const inboxEntry = 'packages/inbox/src/care-feedback-inbox.ts';
  if (existsSync(inboxEntry)) entries.push(['@care-feedback/inbox/define', inboxEntry]);
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
  const notes = [];
  if (existsSync('packages/embed/dist/integrity.json')) {
    // The script tag loads in parts: what a page with the launcher fetches before anyone interacts,
    // and everything, each file compressed on its own as a browser receives it.
    const figures = embedFigures();
    const add = (name, t, note) =>
      rows.push({entry: name, 'min KB': kb(t.min), 'gzip KB': kb(t.gzip), 'brotli KB': kb(t.brotli), note});
    add('@care-feedback/embed: up front, a page with the launcher', figures.initial, figures.initialFiles.join(' + '));
    add('@care-feedback/embed: a complaint (page view + form + sending)', figures.complaint, figures.complaintFiles.join(' + '));
    add('@care-feedback/embed: every file', figures.total, `${figures.files.length} files, each compressed on its own`);
    for (const file of figures.files) add(`  ${file.file}`, file, 'one file of the embed');
    const within = figures.initial.brotli <= EMBED_BUDGET_BROTLI;
    notes.push(
      `Up front, a page with the launcher downloads ${kb(figures.initial.brotli)} KB brotli against a budget of ${kb(EMBED_BUDGET_BROTLI)} KB — ${within ? 'within budget' : 'OVER BUDGET'}. The form loads when someone reaches for the launcher (hover, focus, press) or the dialog opens; jargon, glossary and charter only on pages that use them.`,
      `Everything a complaint needs is ${kb(figures.complaint.brotli)} KB brotli against a goal of ${kb(COMPLAINT_GOAL_BROTLI)} KB — ${figures.complaint.brotli <= COMPLAINT_GOAL_BROTLI ? 'within the goal' : `over by ${kb(figures.complaint.brotli - COMPLAINT_GOAL_BROTLI)} KB`}.`,
    );
  } else {
    notes.push('The embed bundle was not built (run `npm run build`).');
  }
  return {title: 'Size', rows, notes};
}
