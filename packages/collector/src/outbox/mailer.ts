// Sends alert e-mails through SMTP with nodemailer, or writes them as .eml files when no SMTP server is set.
import {createHash} from 'node:crypto';
import {mkdir, rename, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import nodemailer from 'nodemailer';
import type {Email} from './messages.js';

export interface MailerOptions {
  /** `smtp://[user:pass@]host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  smtp?: string;
  /** Without `smtp`: the folder each e-mail is written to as a .eml file (default ./data/outbox). */
  dir?: string;
  /** The From address. */
  from: string;
  /** Who is told: every address gets the same e-mail. */
  to: readonly string[];
  /** How long to wait for the server at each step before the try counts as failed (default 30 s). */
  timeoutMs?: number;
}

export interface Mailer {
  /** Sends one e-mail; `id` names it, so a resend of the same outbox row is recognisable. */
  send(email: Email, id: string): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_MAIL_DIR = './data/outbox';

/** A loose check of one address: something@somewhere, with nothing that could start another. */
export function isMailAddress(text: string): boolean {
  return /^[^\s@,;:<>()"'\\[\]]+@[^\s@,;:<>()"'\\[\]]+\.[^\s@,;:<>()"'\\[\]]+$/.test(text);
}

export function createMailer(options: MailerOptions): Mailer {
  const timeout = options.timeoutMs ?? 30_000;
  const domain = options.from.split('@')[1] ?? 'care-feedback.invalid';
  const message = (email: Email, id: string) => ({
    from: options.from,
    to: [...options.to],
    subject: email.subject,
    text: email.text,
    html: email.html,
    // The same row always makes the same Message-ID, so a mail system can spot a resend.
    messageId: `<${createHash('sha256').update(id).digest('hex').slice(0, 32)}@${domain}>`,
    headers: {'auto-submitted': 'auto-generated', 'x-auto-response-suppress': 'All'},
  });

  if (options.smtp) {
    // One connection per e-mail: nothing is held open between alerts, and a server that was down
    // is simply tried afresh next time.
    const transport = nodemailer.createTransport({
      url: options.smtp,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return {
      async send(email, id) {
        await transport.sendMail(message(email, id));
      },
      async close() {
        transport.close();
      },
    };
  }

  const dir = resolve(options.dir ?? DEFAULT_MAIL_DIR);
  const transport = nodemailer.createTransport({streamTransport: true, buffer: true});
  return {
    async send(email, id) {
      const info = await transport.sendMail(message(email, id));
      await mkdir(dir, {recursive: true});
      // Named by the row, so writing it again replaces it; written whole, then renamed into place.
      const file = join(dir, `${id.replace(/[^A-Za-z0-9_-]+/g, '-')}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    async close() {
      transport.close();
    },
  };
}
