// Runs `care-feedback-collector serve` as an operator would, from the TypeScript sources (no build), for
// tests that need the real command: its options, its output, how it stops.
import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {waitUntil} from '../../../tests/support/wait-until.js';

export const BIN = fileURLToPath(new URL('../bin/care-feedback-collector.js', import.meta.url));
// Force the TypeScript sources even if someone built dist/, so this proves the no-build path.
export const ENV = {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1'};

export function startServe(args: string[], options: {cwd?: string; env?: Record<string, string>} = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd: options.cwd,
    env: {...ENV, ...options.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (d) => (errors += d));
  const url = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${errors}`)));
    createInterface({input: child.stdout!}).on('line', (line) => {
      const parsed = JSON.parse(line);
      if (parsed.event === 'listening') resolve(parsed.url);
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    return new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  };
  /** Resolves once the command has written a line matching `pattern` to stderr. */
  const waitForError = (pattern: RegExp) =>
    waitUntil(() => pattern.test(errors), `serve never wrote ${pattern} to stderr; it wrote: ${errors}`);
  return {child, url, stop, waitForError};
}
