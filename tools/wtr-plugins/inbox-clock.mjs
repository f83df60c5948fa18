// WTR plugin: a real collector whose clock a browser test can move on, to see complaints become overdue.
//
// The inbox tests need a complaint whose acknowledgement day has passed; the collector stamps
// receivedAt from its own clock, so the only honest way is to let days pass on that clock.
// Commands (executeServerCommand):
//   inbox-clock-start {} → {id, endpoint: 'http://127.0.0.1:<port>/v1', token}  (any origin, no rate limit)
//   inbox-clock-advance {id, days} → the collector's new ISO time
//   inbox-clock-stop {id} → true
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadCollector} from './collector.mjs';

const running = new Map();
let nextId = 1;

async function start() {
  const {serve, createToken} = await loadCollector();
  const dir = mkdtempSync(join(tmpdir(), 'care-wtr-inbox-'));
  const clock = {offsetMs: 0};
  const serving = await serve({
    port: 0,
    host: '127.0.0.1',
    db: join(dir, 'feedback.db'),
    allowOrigins: ['*'],
    rateLimit: 0,
    log: false,
    now: () => new Date(Date.now() + clock.offsetMs),
  });
  const {token} = await createToken(await serving.collector.store(), 'browser-tests');
  const id = `clock${nextId++}`;
  running.set(id, {serving, dir, clock});
  return {id, endpoint: `${serving.url}/v1`, token};
}

async function stop({id}) {
  const entry = running.get(id);
  if (!entry) return false;
  running.delete(id);
  await entry.serving.close();
  rmSync(entry.dir, {recursive: true, force: true});
  return true;
}

export default {
  name: 'inbox-clock',
  async executeCommand({command, payload}) {
    if (command === 'inbox-clock-start') return start();
    if (command === 'inbox-clock-advance') {
      const entry = running.get(payload?.id);
      if (!entry) throw new Error(`inbox-clock-advance: no running collector ${payload?.id}`);
      entry.clock.offsetMs += Number(payload.days) * 86_400_000;
      return new Date(Date.now() + entry.clock.offsetMs).toISOString();
    }
    if (command === 'inbox-clock-stop') return stop(payload ?? {});
    return undefined;
  },
  async serverStop() {
    await Promise.all([...running.keys()].map((id) => stop({id})));
  },
};
