#!/usr/bin/env node
// The care-feedback-collector command: runs dist/cli.js when built, else the TypeScript source via tsx.
import {existsSync, readdirSync, statSync} from 'node:fs';
import {register} from 'node:module';
import {fileURLToPath} from 'node:url';

const dist = new URL('../dist/cli.js', import.meta.url);
const src = fileURLToPath(new URL('../src/', import.meta.url));

/** In a checkout, a dist/ older than the sources would run yesterday's code: prefer the sources. */
function distIsStale() {
  if (!existsSync(src)) return false;
  const built = statSync(dist).mtimeMs;
  return readdirSync(src, {recursive: true}).some(
    (name) => String(name).endsWith('.ts') && statSync(`${src}/${name}`).mtimeMs > built,
  );
}

async function loadSource() {
  // Resolve workspace packages to their sources (the "source" export condition) and let tsx
  // compile TypeScript on the fly. tsx is a devDependency: this path is for repo checkouts.
  register(
    'data:text/javascript,export async function resolve(s,c,n){return n(s,{...c,conditions:[...new Set([...c.conditions,"source"])]})}',
  );
  const {register: registerTsx} = await import('tsx/esm/api');
  registerTsx();
  return import(new URL('../src/cli.ts', import.meta.url).href);
}

const useDist = existsSync(dist) && process.env.CARE_FEEDBACK_FROM_SOURCE !== '1' && !distIsStale();
const cli = useDist ? await import(dist.href) : await loadSource();
process.exitCode = await cli.main(process.argv.slice(2), process.env);
