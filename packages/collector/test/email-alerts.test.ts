// E-mail alerts through a real SMTP server started here: content, privacy, reminders, summaries, and an SMTP server that is down or refusing.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createServer, type Socket} from 'node:net';
import {simpleParser} from 'mailparser';
import type {CollectorOptions, OutboxItem, Store} from '@care-feedback/collector';
import {authed, ENGINES, post, startCollector, submission, type Running} from './helpers.js';
import {startSmtp, until, type Received} from './smtp.js';

const FROM = 'alerts@provider.example';
const NOTIFY = ['manager@provider.example', 'deputy@provider.example'];
const INBOX = 'https://collector.provider.example/inbox/';
const MONTHS =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** Everything a reader could see in an e-mail, decoded. */
const seen = (r: Received) =>
  [r.raw, r.mail.subject ?? '', r.mail.text ?? '', String(r.mail.html ?? '')].join('\n');

const referenceOf = async (response: Response) => {
  assert.equal(response.status, 201);
  return ((await response.json()) as {reference: string}).reference;
};

const rows = (store: Store, states: OutboxItem['state'][]) =>
  store.listOutbox({states, limit: 1000});

/** True once no alert row is waiting: every e-mail that was due has been sent (or settled). */
const alertsSettled = async (store: Store) =>
  (await rows(store, ['waiting'])).every((r) => r.topic !== 'submission.created');

async function withCollector(
  engine: 'sqlite' | 'postgres',
  options: CollectorOptions,
  work: (c: Running) => Promise<void>,
) {
  const c = await startCollector(engine, options);
  try {
    await work(c);
  } finally {
    await c.close();
  }
}

for (const {engine, skip} of ENGINES) {
  describe(`e-mail alerts on ${engine}`, {skip}, () => {
    it('sends one e-mail for a complaint and one, marked urgent, for a concern, and none for other kinds or spam', async () => {
      const smtp = await startSmtp();
      try {
        await withCollector(
          engine,
          {email: {smtp: smtp.url, from: FROM, notify: NOTIFY, inboxUrl: INBOX}},
          async (c) => {
            await referenceOf(await post(c.api, submission({kind: 'compliment'})));
            assert.equal(
              (await post(c.api, submission({kind: 'complaint', spam: {hp: 'bot'}}))).status,
              201,
            );
            const complaint = await referenceOf(
              await post(c.api, submission({kind: 'complaint', service: 'Rose House'})),
            );
            const concern = await referenceOf(
              await post(c.api, submission({kind: 'concern', service: 'Rose House'})),
            );
            await until(() => smtp.received.length >= 2, 'two e-mails');
            await until(() => alertsSettled(c.store), 'the alerts to be settled');
            assert.equal(smtp.received.length, 2, 'one e-mail each, nothing for the others');
            const sent = await rows(c.store, ['sent']);
            assert.equal(sent.length, 2);

            const record = await (
              await fetch(`${c.api}/submissions/${complaint}`, authed(c))
            ).json();
            const byReference = (reference: string) =>
              smtp.received.find((r) => r.mail.subject?.includes(reference))!;
            const complaintMail = byReference(complaint);
            const concernMail = byReference(concern);
            assert.ok(complaintMail && concernMail, 'each names its reference in the subject');
            assert.equal(complaintMail.mail.subject, `New complaint ${complaint} (Rose House)`);
            assert.equal(concernMail.mail.subject, `URGENT: new concern ${concern} (Rose House)`);
            for (const r of [complaintMail, concernMail]) {
              assert.equal(r.from, FROM);
              assert.deepEqual(r.to.sort(), [...NOTIFY].sort());
              assert.equal(r.mail.headers.get('auto-submitted'), 'auto-generated');
              assert.ok(r.mail.text, 'a plain-text part');
              assert.ok(r.mail.html, 'an HTML part');
              assert.match(String(r.mail.html), /<html lang="en">/);
              assert.ok(String(r.mail.html).includes(`href="${INBOX}"`), 'a link to the inbox');
              assert.ok(r.mail.text!.includes(INBOX));
              assert.ok(r.mail.text!.includes('Service: Rose House'));
            }
            assert.ok(complaintMail.mail.text!.includes(`Reference: ${complaint}`));
            assert.ok(complaintMail.mail.text!.includes('Kind: Complaint'));
            const [year, month, day] = (record.ackDueAt as string).split('-').map(Number);
            const monthName = MONTHS[month! - 1];
            assert.match(
              complaintMail.mail.text!,
              new RegExp(`Acknowledge by: [A-Z][a-z]+day ${day} ${monthName} ${year}\n`),
            );
            assert.ok(concernMail.mail.text!.includes('Kind: Concern'));
            assert.ok(!concernMail.mail.text!.includes('Acknowledge by'));
            for (const r of smtp.received) {
              const text = seen(r);
              for (const secret of [
                'Carers arrived',
                'Ring me',
                'sam@example.org',
                '01632',
                'family-or-friend',
              ])
                assert.ok(!text.includes(secret), `no "${secret}" in any e-mail`);
            }
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('never puts a person’s words or details in an e-mail, and a service name cannot add a header or markup', async () => {
      const smtp = await startSmtp();
      try {
        await withCollector(
          engine,
          {email: {smtp: smtp.url, from: FROM, notify: [NOTIFY[0]!], inboxUrl: INBOX}},
          async (c) => {
            const hostileService =
              'Rose\r\nBcc: attacker@evil.example\r\nX-Injected: yes\r\n\r\n<img src=x onerror=alert(1)>';
            const reference = await referenceOf(
              await post(
                c.api,
                submission({
                  kind: 'complaint',
                  service: hostileService,
                  message: 'My name is Priya Shah <script>alert("PRIVATE")</script>',
                  improvement: 'Call me on 07700 900123',
                  contact: {
                    name: 'Priya Shah',
                    email: 'priya.shah@example.org',
                    phone: '07700 900123',
                    address: '12 Acacia Avenue',
                    preferredMethod: 'email',
                  },
                }),
              ),
            );
            await until(() => smtp.received.length >= 1, 'the e-mail');
            const [r] = smtp.received;
            assert.deepEqual(r!.to, [NOTIFY[0]], 'the envelope goes to the notify address only');
            assert.equal(r!.mail.headers.get('bcc'), undefined);
            assert.equal(r!.mail.headers.get('x-injected'), undefined);
            assert.equal(r!.mail.bcc, undefined);
            assert.ok(r!.mail.subject!.includes(reference));
            assert.ok(!/[\r\n]/.test(r!.mail.subject!), 'the subject stays one line');
            const html = String(r!.mail.html);
            assert.ok(!html.includes('<img'), 'markup in a service name is shown as text');
            assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
            const text = seen(r!);
            for (const secret of [
              'Priya',
              'Shah',
              'PRIVATE',
              '<script',
              '07700',
              'priya.shah',
              'Acacia',
            ])
              assert.ok(!text.includes(secret), `no "${secret}" in the e-mail`);
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('keeps an e-mail while the SMTP server is down, answers 201 meanwhile, and delivers it once when it is back', async () => {
      const smtp = await startSmtp();
      await smtp.stop(); // the port is known; nothing answers it
      try {
        await withCollector(
          engine,
          {
            email: {smtp: smtp.url, from: FROM, notify: NOTIFY, inboxUrl: INBOX},
            outbox: {retryMs: 50, maxRetryMs: 200},
          },
          async (c) => {
            const reference = await referenceOf(await post(c.api, submission({kind: 'complaint'})));
            const alert = async () =>
              (await rows(c.store, ['waiting'])).find((r) => r.id === `${reference}:email:new`);
            await until(
              async () => ((await alert())?.attempts ?? 0) >= 2,
              'two failed tries while the server is down',
            );
            const waiting = (await alert())!;
            assert.equal(waiting.lastError, 'ECONNREFUSED', 'the kind of failure is kept');
            // What the inbox shows: how many wait and why, never what they say.
            const status = (await (await fetch(`${c.api}/outbox`, authed(c))).json()) as Record<string, unknown>;
            assert.equal(status.waiting, 1);
            assert.equal(status.failing, 1);
            assert.equal(status.lastError, 'ECONNREFUSED');
            assert.deepEqual(
              (status.items as Array<Record<string, unknown>>).map((item) => [item.topic, item.reference]),
              [['submission.created', reference]],
            );
            assert.equal(
              (await post(c.api, submission({kind: 'comment'}))).status,
              201,
              'feedback is still taken while mail is down',
            );
            await smtp.start();
            await until(() => smtp.received.length >= 1, 'the e-mail once the server is back');
            await until(() => alertsSettled(c.store), 'the alert to be settled');
            assert.equal(smtp.received.length, 1, 'delivered once');
            assert.ok(smtp.received[0]!.mail.subject!.includes(reference));
            const [sent] = (await rows(c.store, ['sent'])).filter((r) =>
              r.id.endsWith(':email:new'),
            );
            assert.equal(sent!.lastError, null);
            assert.ok(sent!.settledAt);
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('answers 201 at once when the SMTP server is too slow to answer, and keeps the e-mail for later', async () => {
      // A server that takes connections and never says a word.
      const sockets = new Set<Socket>();
      const silent = createServer((socket) => sockets.add(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const port = (silent.address() as {port: number}).port;
      try {
        await withCollector(
          engine,
          {
            email: {
              smtp: `smtp://127.0.0.1:${port}`,
              from: FROM,
              notify: NOTIFY,
              inboxUrl: INBOX,
              timeoutMs: 300,
            },
            outbox: {retryMs: 60_000},
          },
          async (c) => {
            const reference = await referenceOf(await post(c.api, submission({kind: 'complaint'})));
            await until(
              async () =>
                (await rows(c.store, ['waiting'])).some(
                  (r) => r.id === `${reference}:email:new` && r.lastError !== null,
                ),
              'the slow try to fail and be kept',
            );
            const [row] = (await rows(c.store, ['waiting'])).filter((r) =>
              r.id.endsWith(':email:new'),
            );
            assert.equal(row!.lastError, 'ETIMEDOUT');
            assert.equal(row!.attempts, 1);
          },
        );
      } finally {
        for (const socket of sockets) socket.destroy();
        silent.close();
      }
    });

    it('tries again when the SMTP server refuses for now, and sends the e-mail once it accepts', async () => {
      const smtp = await startSmtp();
      smtp.refuseNext(2);
      try {
        await withCollector(
          engine,
          {
            email: {smtp: smtp.url, from: FROM, notify: NOTIFY, inboxUrl: INBOX},
            outbox: {retryMs: 20, maxRetryMs: 100},
          },
          async (c) => {
            const reference = await referenceOf(await post(c.api, submission({kind: 'concern'})));
            await until(() => smtp.received.length >= 1, 'the e-mail');
            await until(() => alertsSettled(c.store), 'the alert to be settled');
            assert.equal(smtp.received.length, 1);
            const [row] = await rows(c.store, ['sent']);
            assert.equal(row!.id, `${reference}:email:new`);
            assert.equal(row!.attempts, 3, 'refused twice, sent the third time');
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('reminds the working day before the acknowledgement day and when it is missed, only while not acknowledged', async () => {
      const smtp = await startSmtp();
      // Monday 30 November 2026, 10:00 in London: 3 working days later is Thursday 3 December.
      let clock = new Date('2026-11-30T10:00:00.000Z');
      try {
        await withCollector(
          engine,
          {
            now: () => clock,
            email: {smtp: smtp.url, from: FROM, notify: NOTIFY, inboxUrl: INBOX},
          },
          async (c) => {
            const waiting = await referenceOf(await post(c.api, submission({kind: 'complaint'})));
            const acknowledged = await referenceOf(
              await post(c.api, submission({kind: 'complaint'})),
            );
            await until(() => smtp.received.length >= 2, 'the two alerts');
            const patched = await fetch(
              `${c.api}/submissions/${acknowledged}`,
              authed(c, {
                method: 'PATCH',
                headers: {'content-type': 'application/json'},
                body: JSON.stringify({status: 'acknowledged'}),
              }),
            );
            assert.equal(patched.status, 200);
            const settledRows = async (topic: string) =>
              (await rows(c.store, ['sent', 'skipped'])).filter((r) => r.topic === topic);

            // Tuesday 17:00: nothing is due yet.
            clock = new Date('2026-12-01T17:00:00.000Z');
            c.serving.collector.outbox!.nudge();
            await c.serving.collector.outbox!.idle();
            assert.equal(smtp.received.length, 2);

            // Wednesday 09:00, the working day before: a reminder for the one not acknowledged.
            clock = new Date('2026-12-02T09:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(
              async () => (await settledRows('ack-due-tomorrow')).length === 2,
              'both reminders settled',
            );
            assert.equal(smtp.received.length, 3);
            const reminder = smtp.received[2]!;
            assert.equal(
              reminder.mail.subject,
              `Reminder: acknowledge complaint ${waiting} by Thursday 3 December 2026`,
            );
            assert.deepEqual(
              (await settledRows('ack-due-tomorrow')).map((r) => [r.reference, r.state]).sort(),
              [
                [acknowledged, 'skipped'],
                [waiting, 'sent'],
              ].sort(),
            );

            // Friday 09:00, the working day after: the missed day, for that one only.
            clock = new Date('2026-12-04T09:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(
              async () => (await settledRows('ack-missed')).length === 2,
              'both overdue e-mails settled',
            );
            assert.equal(smtp.received.length, 4);
            assert.equal(
              smtp.received[3]!.mail.subject,
              `Overdue: complaint ${waiting} was not acknowledged by Thursday 3 December 2026`,
            );
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('reminds the day before the agreed reply date and when it passes without a reply; a new date replaces the old reminders', async () => {
      const smtp = await startSmtp();
      // Monday 30 November 2026, 10:00 in London.
      let clock = new Date('2026-11-30T10:00:00.000Z');
      try {
        await withCollector(
          engine,
          {now: () => clock, email: {smtp: smtp.url, from: FROM, notify: NOTIFY, inboxUrl: INBOX}},
          async (c) => {
            const reference = await referenceOf(await post(c.api, submission({kind: 'complaint'})));
            await until(() => smtp.received.length >= 1, 'the alert');
            const setRecord = async (body: unknown) => {
              const response = await fetch(
                `${c.api}/submissions/${reference}/complaint`,
                authed(c, {method: 'PATCH', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)}),
              );
              assert.equal(response.status, 200);
            };
            // Agreed: reply by Friday 11 December. Then more time: Friday 18 December.
            await setRecord({acknowledgementSentAt: '2026-11-30', responseDueAt: '2026-12-11'});
            await setRecord({extensions: [{reason: 'Waiting for the rota records', newDate: '2026-12-18'}]});
            const settled = async (topic: string) =>
              (await rows(c.store, ['sent', 'skipped'])).filter((r) => r.topic === topic);

            // Thursday 10 December, 09:00: the old date's reminder falls due and is skipped.
            clock = new Date('2026-12-10T09:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(async () => (await settled('response-due-tomorrow')).length === 1, 'the old reminder settled');
            assert.deepEqual((await settled('response-due-tomorrow')).map((r) => r.state), ['skipped']);

            // Thursday 17 December, 09:00: the reminder for the date in force.
            clock = new Date('2026-12-17T09:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(async () => (await settled('response-due-tomorrow')).length === 2, 'the new reminder settled');
            const reminder = smtp.received.find((r) => r.mail.subject?.startsWith('Reminder: reply'));
            assert.equal(reminder?.mail.subject, `Reminder: reply to complaint ${reference} by Friday 18 December 2026`);
            assert.ok(!reminder?.mail.text?.includes('rota'), 'the reason for more time is not in the e-mail');

            // Monday 21 December, 09:00: no reply was sent, so it is overdue (the old date's overdue e-mail is skipped).
            clock = new Date('2026-12-21T09:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(async () => (await settled('response-missed')).length === 2, 'both overdue rows settled');
            assert.deepEqual((await settled('response-missed')).map((r) => r.state).sort(), ['sent', 'skipped']);
            assert.ok(smtp.received.some((r) => r.mail.subject === `Overdue: complaint ${reference} had no reply by Friday 18 December 2026`));
          },
        );
      } finally {
        await smtp.stop();
      }
    });

    it('sends a daily summary of counts once a day, at its time', async () => {
      const smtp = await startSmtp();
      let clock = new Date('2026-12-01T06:00:00.000Z');
      try {
        await withCollector(
          engine,
          {
            now: () => clock,
            email: {
              smtp: smtp.url,
              from: FROM,
              notify: NOTIFY,
              inboxUrl: INBOX,
              dailySummaryAt: '08:00',
            },
          },
          async (c) => {
            await referenceOf(await post(c.api, submission({kind: 'complaint'})));
            await referenceOf(await post(c.api, submission({kind: 'concern'})));
            await referenceOf(await post(c.api, submission({kind: 'compliment'})));
            await until(() => smtp.received.length >= 2, 'the two alerts');
            const summaries = () =>
              smtp.received.filter((r) => r.mail.subject?.startsWith('Feedback summary'));
            c.serving.collector.outbox!.nudge();
            await c.serving.collector.outbox!.idle();
            assert.equal(summaries().length, 0, 'not before its time');

            clock = new Date('2026-12-01T08:00:01.000Z');
            c.serving.collector.outbox!.nudge();
            await until(() => summaries().length === 1, 'the summary');
            c.serving.collector.outbox!.nudge();
            await c.serving.collector.outbox!.idle();
            assert.equal(
              (await rows(c.store, ['waiting', 'sent'])).filter((r) => r.topic === 'daily-summary')
                .length,
              1,
              'written once for the day',
            );
            const [summary] = summaries();
            assert.equal(summary!.mail.subject, 'Feedback summary for Tuesday 1 December 2026');
            const text = summary!.mail.text!;
            assert.ok(text.includes('New complaints: 1'));
            assert.ok(text.includes('New concerns: 1'));
            assert.ok(text.includes('Other new feedback: 1'));
            assert.ok(text.includes('Complaints waiting to be acknowledged: 1'));
            assert.ok(text.includes('Of those, past the day to acknowledge: 0'));
            assert.ok(!seen(summary!).includes('Carers arrived'));
          },
        );
      } finally {
        await smtp.stop();
      }
    });
  });
}

describe('e-mail alerts without an SMTP server', () => {
  it('writes each e-mail as a .eml file in the mail folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-outbox-'));
    try {
      await withCollector(
        'sqlite',
        {email: {dir, from: FROM, notify: NOTIFY, inboxUrl: INBOX}},
        async (c) => {
          const reference = await referenceOf(await post(c.api, submission({kind: 'complaint'})));
          await until(() => readdirSync(dir).some((f) => f.endsWith('.eml')), 'a .eml file');
          const [file] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
          const mail = await simpleParser(readFileSync(join(dir, file!)));
          assert.equal(mail.subject, `New complaint ${reference} (home-care-north)`);
          assert.ok(mail.text!.includes(INBOX));
        },
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
