// A real SMTP server inside a test (smtp-server), keeping each e-mail it accepts parsed (mailparser).
import {SMTPServer} from 'smtp-server';
import {simpleParser, type ParsedMail} from 'mailparser';

export interface Received {
  /** The envelope: who the client said it was from and to (what the server would deliver to). */
  from: string;
  to: string[];
  raw: string;
  mail: ParsedMail;
}

export interface TestSmtp {
  port: number;
  /** `smtp://user:pass@127.0.0.1:port` */
  url: string;
  received: Received[];
  /** Refuse the next `n` e-mails with 451 ("try again later"). */
  refuseNext(n: number): void;
  /** Stops listening (nothing answers the port until start). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export const SMTP_USER = 'alerts';
export const SMTP_PASS = 'letter-box';

export async function startSmtp(port = 0): Promise<TestSmtp> {
  const received: Received[] = [];
  let refuse = 0;
  let server: SMTPServer | undefined;
  const make = () =>
    new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASS)
          callback(null, {user: auth.username});
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuse > 0) {
            refuse--;
            return callback(Object.assign(new Error('Try again later'), {responseCode: 451}));
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw).then(
            (mail) => {
              received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                raw,
                mail,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
  const listen = async () => {
    server = make();
    // A client killed mid-session resets its connection: that is the point of some tests, not a fault.
    server.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      server!.server.once('error', reject);
      server!.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.server.address() as {port: number}).port;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`;
    },
    received,
    refuseNext(n) {
      refuse = n;
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      await new Promise<void>((resolve) => {
        closing.close(() => resolve());
        for (const connection of closing.connections) connection.close();
      });
    },
    start: listen,
  };
}

/** Waits until `check` holds, looking every 20 ms; fails after a generous `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
