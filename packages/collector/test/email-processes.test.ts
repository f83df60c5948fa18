// E-mail alerts from real collector processes: SIGKILL during a burst loses none, and two collectors on one PostgreSQL send each once.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, type ChildProcess} from 'node:child_process';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';
import {ENGINES, POSTGRES_SKIP, post, submission, tempStore, type TempStore} from './helpers.js';
import {spawnCollector} from './crash.js';
import {startSmtp, until, type TestSmtp} from './smtp.js';

const BIN = fileURLToPath(new URL('../bin/care-feedback-collector.js', import.meta.url));
const run = promisify(execFile);

/**
 * The CLI's environment for a store, with e-mail through the test's SMTP server. `leaseSeconds`: how
 * long a claimed row is a sender's own. Short where a sender is killed (its rows must come back soon);
 * long where none dies, because on a busy machine one send can outlast a short lease, and then the
 * other collector would rightly send it again (the outbox promises at least once across a lost lease).
 */
function collectorEnv(location: TempStore['location'], smtp: TestSmtp, leaseSeconds = 1): Record<string, string> {
  return {
    ...(location.db
      ? {CARE_FEEDBACK_DB: location.db}
      : {CARE_FEEDBACK_POSTGRES: location.postgres!, CARE_FEEDBACK_PG_SCHEMA: location.schema!}),
    CARE_FEEDBACK_SMTP: smtp.url,
    CARE_FEEDBACK_MAIL_FROM: 'alerts@provider.example',
    CARE_FEEDBACK_NOTIFY: 'manager@provider.example',
    CARE_FEEDBACK_INBOX_URL: 'https://collector.provider.example/inbox/',
    // Refused e-mails are retried soon.
    CARE_FEEDBACK_OUTBOX_LEASE: String(leaseSeconds),
    CARE_FEEDBACK_OUTBOX_RETRY: '0.05',
  };
}

/** The reference each received alert is about (from its subject), with how many e-mails named it. */
function alertsByReference(smtp: TestSmtp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of smtp.received) {
    const reference = /^(?:New complaint|URGENT: new concern) (\S+) /.exec(
      r.mail.subject ?? '',
    )?.[1];
    if (reference) counts.set(reference, (counts.get(reference) ?? 0) + 1);
  }
  return counts;
}

/**
 * Complaints from 16 clients until e-mails are leaving and many complaints have their 201, then
 * SIGKILL: some rows are mid-send (claimed), others still waiting. Every 201 is recorded.
 */
async function burstThenKill(
  api: string,
  child: ChildProcess,
  smtp: TestSmtp,
  acknowledged: Set<string>,
) {
  let stopping = false;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const client = async () => {
    while (!stopping) {
      try {
        const response = await post(api, submission({kind: 'complaint'}));
        assert.equal(response.status, 201);
        acknowledged.add(((await response.json()) as {reference: string}).reference);
      } catch (error) {
        if (!stopping) throw error;
      }
    }
  };
  const clients = Array.from({length: 16}, client);
  await until(
    () => smtp.received.length >= 10 && acknowledged.size >= 150,
    'e-mails leaving during the burst',
  );
  child.kill('SIGKILL');
  stopping = true;
  await Promise.allSettled(clients);
  await exited;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

for (const {engine, skip} of ENGINES) {
  describe(`e-mail alerts across a kill -9 on ${engine}`, {skip}, () => {
    it('sends an e-mail for every complaint that got a 201, though the collector was SIGKILLed mid-burst', async () => {
      const smtp = await startSmtp();
      const temp = await tempStore(engine);
      await temp.store.close(); // the child collectors own the storage now
      const env = collectorEnv(temp.location, smtp);
      const acknowledged = new Set<string>();
      try {
        const first = await spawnCollector(env);
        await burstThenKill(first.api, first.child, smtp, acknowledged);
        const again = await spawnCollector(env);
        try {
          const wanted = [...acknowledged];
          await until(
            () => {
              const mailed = alertsByReference(smtp);
              return wanted.every((reference) => mailed.has(reference));
            },
            `an e-mail for each of ${wanted.length} acknowledged complaints`,
            180_000,
          );
          const mailed = alertsByReference(smtp);
          const missing = wanted.filter((reference) => !mailed.has(reference));
          assert.deepEqual(missing, [], 'no complaint’s e-mail lost');
        } finally {
          await stop(again.child);
        }
      } finally {
        await smtp.stop();
        await temp.cleanup();
      }
    });
  });
}

describe('two collectors on one PostgreSQL', {skip: POSTGRES_SKIP}, () => {
  it('send each e-mail exactly once, while both keep retrying what the SMTP server refused', async () => {
    const smtp = await startSmtp();
    smtp.refuseNext(15); // so rows wait, and both collectors reach for the same ones
    const temp = await tempStore('postgres');
    // No collector dies here, so no lease should run out: exactly once is what two live senders owe.
    const env = collectorEnv(temp.location, smtp, 600);
    const collectors = [await spawnCollector(env), await spawnCollector(env)];
    try {
      const references = await Promise.all(
        Array.from({length: 40}, async (_, i) => {
          const response = await post(
            collectors[i % 2]!.api,
            submission({kind: i % 4 === 0 ? 'concern' : 'complaint'}),
          );
          assert.equal(response.status, 201);
          return ((await response.json()) as {reference: string}).reference;
        }),
      );
      await until(
        () => references.every((reference) => alertsByReference(smtp).has(reference)),
        'an e-mail for each of 40 submissions',
        120_000,
      );
      // Once no alert row waits, nothing more can be sent: then the count is final.
      await until(
        async () =>
          (await temp.store.listOutbox({limit: 1000})).every(
            (row) => row.topic !== 'submission.created',
          ),
        'every alert settled',
      );
      const mailed = alertsByReference(smtp);
      const twice = [...mailed].filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], 'no e-mail sent twice');
      assert.equal(smtp.received.length, 40);
      const sent = await temp.store.listOutbox({states: ['sent'], limit: 1000});
      assert.equal(sent.filter((row) => row.topic === 'submission.created').length, 40);
      assert.ok(
        sent.some((row) => row.attempts > 1),
        'some were refused and tried again (by either collector)',
      );
    } finally {
      await Promise.all(collectors.map((c) => stop(c.child)));
      await smtp.stop();
      await temp.cleanup();
    }
  });
});

describe('serve’s e-mail options', () => {
  const refused = (args: string[]) =>
    run(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
      env: {...process.env, CARE_FEEDBACK_FROM_SOURCE: '1'},
    }).then(
      () => assert.fail('serve should have refused these options'),
      (error: {code: number; stderr: string}) => error,
    );

  it('refuses e-mail options that cannot work, saying why', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--smtp', 'smtp://mail.example:25'], /--smtp needs --notify/],
      [['--notify', 'manager@provider.example'], /needs --mail-from/],
      [
        ['--notify', 'not an address', '--mail-from', 'alerts@provider.example'],
        /--notify takes an e-mail address/,
      ],
      [
        [
          '--notify',
          'manager@provider.example',
          '--mail-from',
          'alerts@provider.example',
          '--smtp',
          'mail.example:25',
        ],
        /--smtp takes a URL/,
      ],
      [
        [
          '--notify',
          'manager@provider.example',
          '--mail-from',
          'alerts@provider.example',
          '--daily-summary',
          '25:00',
        ],
        /--daily-summary takes a time/,
      ],
    ];
    for (const [args, message] of cases) {
      const error = await refused(args);
      assert.equal(error.code, 2, args.join(' '));
      assert.match(error.stderr, message);
    }
  });
});
