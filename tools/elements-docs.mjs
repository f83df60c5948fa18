// Writes docs/elements.md (every element's attributes, properties, events, slots, parts, CSS properties) from custom-elements.json.
//
//   node tools/elements-docs.mjs              runs `cem analyze` first, then writes the page
//   node tools/elements-docs.mjs --no-analyze uses packages/elements/custom-elements.json as it is
//   node tools/elements-docs.mjs --check      fails if custom-elements.json or docs/elements.md is not what the
//                                             sources give today (npm test runs it; it writes nothing)
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committedManifestPath = join(root, 'packages/elements/custom-elements.json');
const args = new Set(process.argv.slice(2));
// --check analyzes into a folder of its own, so it can compare without changing the tree.
const analyzeDir = args.has('--check') ? mkdtempSync(join(tmpdir(), 'care-cem-')) : join(root, 'packages/elements');
const manifestPath = args.has('--check') ? join(analyzeDir, 'custom-elements.json') : committedManifestPath;
const defineDir = join(root, 'packages/elements/src/define');
const outPath = join(root, 'docs/elements.md');

// The public six first, in the order a provider meets them (DESIGN.md), then any others.
const ORDER = [
  'care-feedback-launcher',
  'care-feedback-form',
  'care-feedback-picker',
  'care-jargon',
  'care-glossary',
  'care-rights-charter',
  'care-consultation',
];
const IN_BUNDLE = new Set(ORDER);

if (!args.has('--no-analyze')) {
  // cem also records the manifest's path in package.json: a check must leave the tree as it was.
  const packageJson = readFileSync(join(root, 'package.json'), 'utf8');
  const result = spawnSync(
    'npx',
    [
      'cem',
      'analyze',
      '--litelement',
      '--globs',
      'packages/elements/src/**/*.ts',
      '--exclude',
      '**/*.test.ts',
      '--exclude',
      'packages/elements/src/test-support/**',
      '--outdir',
      relative(root, analyzeDir), // cem takes it relative to the working folder

    ],
    {cwd: root, stdio: 'inherit'},
  );
  if (args.has('--check')) writeFileSync(join(root, 'package.json'), packageJson);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(manifestPath)) {
  console.error(`No ${manifestPath}. Run: node tools/elements-docs.mjs (it runs cem analyze first).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

/** Tag names come from the define/ files: classes do not register themselves, so the manifest does not know them. */
function tagsByClass() {
  const tags = new Map();
  if (!existsSync(defineDir)) return tags;
  for (const file of readdirSync(defineDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    const source = readFileSync(join(defineDir, file), 'utf8');
    for (const match of source.matchAll(/defineElement\(\s*['"]([a-z][a-z0-9-]*)['"]\s*,\s*(\w+)\s*\)/g)) tags.set(match[2], match[1]);
  }
  return tags;
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\r?\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) => (text === undefined || text === '' ? '' : `\`${String(text).replace(/`/g, "'")}\``);

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`), ''].join('\n');
}

const isPublic = (member) =>
  !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('_') && !member.name.startsWith('#');

// Lit's own lifecycle and framework members, which every element has and which are not its API.
const LIT_MEMBERS = new Set(['render', 'connectedCallback', 'disconnectedCallback', 'firstUpdated', 'updated', 'willUpdate', 'update', 'shouldUpdate', 'createRenderRoot', 'attributeChangedCallback', 'styles', 'properties', 'shadowRootOptions']);

function section(tag, declaration, modulePath) {
  const lines = [`## \`<${tag}>\``, ''];
  if (!IN_BUNDLE.has(tag)) lines.push(`_Not in the script-tag bundle: import \`@care-feedback/elements/define/${tag}\`._`, '');
  lines.push(`Class \`${declaration.name}\`, from \`${modulePath}\`.`, '');
  if (declaration.summary) lines.push(declaration.summary.trim(), '');
  if (declaration.description) lines.push(declaration.description.trim(), '');

  // The analyser lists internal reactive state (`{state: true}` in `static properties`) as attributes
  // too; those belong to protected or private fields and are not API.
  const allMembers = new Map((declaration.members ?? []).map((m) => [m.name, m]));
  const attributes = (declaration.attributes ?? []).filter((a) => a.name && (allMembers.get(a.fieldName)?.privacy ?? 'public') === 'public');
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const members = (declaration.members ?? []).filter((m) => isPublic(m) && !LIT_MEMBERS.has(m.name));
  const memberByName = new Map(members.map((m) => [m.name, m]));
  if (attributes.length) {
    lines.push('### Attributes', '');
    lines.push(
      table(
        ['Attribute', 'Property', 'Type', 'Default', 'Description'],
        attributes.map((a) => {
          const member = memberByName.get(a.fieldName);
          return [code(a.name), code(a.fieldName), code(a.type?.text ?? member?.type?.text), code(a.default ?? member?.default), a.description ?? member?.description ?? ''];
        }),
      ),
    );
  }
  const properties = members.filter((m) => m.kind === 'field' && !attributeFields.has(m.name));
  if (properties.length) {
    lines.push('### Properties', '', 'Set from JavaScript; these have no attribute.', '');
    lines.push(
      table(
        ['Property', 'Type', 'Default', 'Description'],
        properties.map((m) => [code(m.name) + (m.readonly ? ' (read-only)' : ''), code(m.type?.text), code(m.default), m.description ?? '']),
      ),
    );
  }
  const methods = members.filter((m) => m.kind === 'method');
  if (methods.length) {
    lines.push('### Methods', '');
    lines.push(
      table(
        ['Method', 'Returns', 'Description'],
        methods.map((m) => [
          code(`${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`).join(', ')})`),
          code(m.return?.type?.text),
          m.description ?? '',
        ]),
      ),
    );
  }
  // Only care-* names: the analyser also reports the first argument of `new SomeEvent(x)` as an event.
  const events = (declaration.events ?? []).filter((e) => e.name?.startsWith('care-'));
  if (events.length) {
    lines.push('### Events', '', 'Every event bubbles and crosses shadow roots (`composed`).', '');
    lines.push(table(['Event', 'Description'], events.map((e) => [code(e.name), e.description ?? ''])));
  }
  const slots = declaration.slots ?? [];
  if (slots.length) {
    lines.push('### Slots', '');
    lines.push(table(['Slot', 'Description'], slots.map((s) => [s.name ? code(s.name) : '(default)', s.description ?? ''])));
  }
  const parts = declaration.cssParts ?? [];
  if (parts.length) {
    lines.push('### CSS parts', '', 'Style these from your own CSS with `::part(name)`.', '');
    lines.push(table(['Part', 'Description'], parts.map((p) => [code(p.name), p.description ?? ''])));
  }
  const cssProperties = declaration.cssProperties ?? [];
  if (cssProperties.length) {
    lines.push('### CSS custom properties', '');
    lines.push(table(['Property', 'Default', 'Description'], cssProperties.map((p) => [code(p.name), code(p.default), p.description ?? ''])));
  }
  return lines.join('\n');
}

// The script tag's one global, written here because it is not an element (packages/embed/src/index.ts).
const GLOBAL_API = `## The script tag's global: \`window.CareFeedback\`

\`care-feedback.js\` adds one global, for a provider's own scripts:

| Member | What it does |
| --- | --- |
| \`version\` | The version of the copy in charge, e.g. \`"0.1.0"\`. |
| \`elements\` | The tags it defines. |
| \`configure(settings)\` | Changes page-wide settings, e.g. \`CareFeedback.configure({locale: 'cy'})\`. Takes the same names as the tag's \`data-*\` settings, in camelCase (\`privacyUrl\`, \`readingLevel\`, …). An element's own attribute still wins. |
| \`getConfig()\` | The page-wide settings now in force. |
| \`open({kind, charterRight})\` | Opens the form in a dialog, with a kind already chosen if given. Works with \`data-launcher="none"\` too: your own button can call it. |
| \`close()\` | Closes that dialog; if words were typed and not sent, it asks first. |

\`CareFeedback\` is there as soon as the tag has run, before its code has arrived. Until then \`elements\` is
empty and \`getConfig()\` answers what \`configure()\` was asked so far; \`configure\`, \`open\` and \`close\` are
kept and run in order once the code has loaded, so a page's own script can call them straight after the tag.
With \`defer\` or \`async\` on the tag, or with the module build (\`type="module"\`), it is there only once the tag
has run, so call it from a script that runs later (or from a click).

Loading the tag twice, or two versions, keeps the first copy in charge and warns about a version mismatch in the console.

### What the tag does on every page

- **Sends what is waiting.** Feedback a person sent while offline is kept on their device. On the next page of
  the site they open, the tag sends it, with nothing opened, but only to the collector it was written for. How
  each item ends is said on \`document\` with the events a form fires: \`care-delivered\` (\`{id, reference}\`) or
  \`care-failed\` (\`{id, reason, errors}\`). Each outcome is announced once per page, even if a form picks the
  same item up later. A page that checks nothing waits costs a few hundred bytes; the sending code (about 4 KB)
  comes only when something waits. \`data-storage="none"\` keeps nothing, so there is nothing to send.
- **Fetches the form on intent.** The launcher's button comes with the page. The form's code is fetched when
  someone reaches for the button (the pointer over it, keyboard focus on it, or a press), or when
  \`CareFeedback.open()\` is called, or when a \`<care-feedback-form>\` or picker is on the page. A page view where
  nobody reaches for it never fetches the form.
`;

const tags = tagsByClass();
const elements = [];
for (const module of manifest.modules ?? []) {
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement) continue;
    const tag = declaration.tagName ?? tags.get(declaration.name);
    if (tag) elements.push({tag, declaration, path: module.path});
  }
}
const rank = (tag) => (ORDER.includes(tag) ? ORDER.indexOf(tag) : ORDER.length);
elements.sort((a, b) => rank(a.tag) - rank(b.tag) || a.tag.localeCompare(b.tag));

const page = [
  '# Elements',
  '',
  '<!-- Generated by tools/elements-docs.mjs from packages/elements/custom-elements.json. Do not edit by hand: change the',
  "     element's JSDoc and run `node tools/elements-docs.mjs`. -->",
  '',
  'Every element care-feedback defines, with what you can set and listen to. The script tag',
  '(`care-feedback.js`) defines the first six; see [getting-started.md](getting-started.md). Settings on the',
  "script tag (`data-endpoint`, `data-locale`, …) apply to every element; an element's own attribute wins.",
  '',
  ...elements.map(({tag}) => `- [\`<${tag}>\`](#${tag.replace(/[^a-z0-9-]/g, '')})`),
  '',
  ...elements.map(({tag, declaration, path}) => section(tag, declaration, path)),
  GLOBAL_API,
].join('\n');

const text = `${page.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
if (args.has('--check')) {
  const read = (path) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
  // cem lists modules in the order its file walk meets them, which varies from run to run.
  const canonical = (text) => {
    if (!text) return '';
    const parsed = JSON.parse(text);
    parsed.modules?.sort((a, b) => a.path.localeCompare(b.path));
    return JSON.stringify(parsed);
  };
  const stale = [
    canonical(read(committedManifestPath)) !== canonical(read(manifestPath)) &&
      'packages/elements/custom-elements.json',
    read(outPath) !== text && 'docs/elements.md',
  ].filter(Boolean);
  rmSync(analyzeDir, {recursive: true, force: true});
  if (stale.length) {
    console.error(`${stale.join(' and ')} out of date with the sources. Run: npm run docs`);
    process.exit(1);
  }
  console.log('custom-elements.json and docs/elements.md match the sources.');
} else {
  writeFileSync(outPath, text);
  console.log(`Wrote docs/elements.md: ${elements.length} elements (${elements.map((e) => e.tag).join(', ')}).`);
}
