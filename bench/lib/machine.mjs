// Describes the machine a benchmark ran on, so figures are never read without their context.
import {execFileSync} from 'node:child_process';
import os from 'node:os';

export function describeMachine() {
  let chromium = 'not installed';
  try {
    chromium = execFileSync('chromium', ['--version'], {encoding: 'utf8'}).trim();
  } catch {
    // no Chromium on this machine: the figure says so
  }
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium,
  };
}
