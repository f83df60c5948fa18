// Issue #12's rules for imports, checked over every source file of every package:
// - no runtime import cycle (a cycle makes what a module sees at load time depend on who imported first);
// - no package imports another package's files by a relative path: by package name only.
// Type-only imports are left out (they vanish when compiled), dynamic `import()` too (loaded later, on
// purpose), and test code (tests and test-support files).
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {dirname, join, normalize, relative, sep} from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const packagesDir = join(root, 'packages');

interface PackageInfo {
  dir: string;
  exports: Record<string, {source?: string} | string>;
}

const packages = new Map<string, PackageInfo>();
for (const name of readdirSync(packagesDir)) {
  const file = join(packagesDir, name, 'package.json');
  if (!existsSync(file)) continue;
  const json = JSON.parse(readFileSync(file, 'utf8')) as {name: string; exports?: PackageInfo['exports']};
  packages.set(json.name, {dir: join(packagesDir, name), exports: json.exports ?? {}});
}

/** The source file a package-name import reaches, through the package's `source` export conditions. */
function resolvePackage(specifier: string): string | undefined {
  for (const [name, {dir, exports}] of packages) {
    if (specifier !== name && !specifier.startsWith(`${name}/`)) continue;
    const sub = `.${specifier.slice(name.length)}`;
    for (const [key, value] of Object.entries(exports)) {
      const source = typeof value === 'object' ? value.source : undefined;
      if (!source) continue;
      if (key === sub) return normalize(join(dir, source));
      const [before, after] = key.split('*');
      if (after !== undefined && sub.startsWith(before!) && sub.endsWith(after) && sub.length >= before!.length + after.length)
        return normalize(join(dir, source.replace('*', sub.slice(before!.length, sub.length - after.length))));
    }
  }
  return undefined;
}

const sourceFiles = [...packages.values()].flatMap(({dir}) =>
  readdirSync(join(dir, 'src'), {recursive: true})
    .map((name) => join(dir, 'src', String(name)))
    .filter((file) => file.endsWith('.ts') && !file.includes('.test.') && !file.includes('test-support')),
);

const packageOf = (file: string) => relative(packagesDir, file).split(sep)[0];

// `import … from '…'`, `export … from '…'` and `import '…'`, not `import type` / `export type`.
const IMPORT = /^(import|export)\s+(type\s+)?(?:([^;'"]*?)\s+from\s+)?'([^']+)'/gms;

/** Whether every name in `{…}` is marked `type` (so nothing is imported at run time). */
const onlyTypes = (clause: string | undefined) => {
  const names = clause?.match(/^\{([^}]*)\}$/s)?.[1];
  if (names === undefined) return false;
  const list = names.split(',').map((name) => name.trim()).filter(Boolean);
  return list.length > 0 && list.every((name) => name.startsWith('type '));
};

const graph = new Map<string, string[]>();
const crossings: string[] = [];
for (const file of sourceFiles) {
  const text = readFileSync(file, 'utf8');
  const deps: string[] = [];
  for (const [, , typeOnly, clause, specifier] of text.matchAll(IMPORT)) {
    if (typeOnly || onlyTypes(clause?.trim()) || !specifier) continue;
    let target: string | undefined;
    if (specifier.startsWith('.')) {
      const base = normalize(join(dirname(file), specifier)).replace(/\.js$/, '');
      target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (target && packageOf(target) !== packageOf(file)) crossings.push(`${relative(root, file)} → ${specifier}`);
    } else if (specifier.startsWith('@care-feedback/')) {
      target = resolvePackage(specifier);
    }
    if (target && existsSync(target)) deps.push(target);
  }
  graph.set(file, deps);
}

/** Every cycle's files (strongly connected components of more than one file, or a file importing itself). */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const dep of graph.get(file) ?? []) {
      if (!index.has(dep)) {
        visit(dep);
        low.set(file, Math.min(low.get(file)!, low.get(dep)!));
      } else if (onStack.has(dep)) low.set(file, Math.min(low.get(file)!, index.get(dep)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(relative(root, member));
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('imports between source files (#12)', () => {
  it('reads every package’s sources and follows imports by package name', () => {
    assert.ok(sourceFiles.length > 200, `read ${sourceFiles.length} files`);
    // The reports import the contract by package name: the checker must see that edge.
    const reports = join(packagesDir, 'collector', 'src', 'reports.ts');
    assert.ok(graph.get(reports)?.some((dep) => dep.includes(`${sep}core${sep}src${sep}`)), 'package-name imports are followed');
  });

  it('has no runtime import cycle', () => {
    assert.deepEqual(cycles(), []);
  });

  it('imports another package only by its name, never by a relative path', () => {
    assert.deepEqual(crossings, []);
  });
});
