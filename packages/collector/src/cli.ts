// The care-feedback-collector command: serve, token create/list/revoke, purge. Flags or CARE_FEEDBACK_* env vars.
import {parseArgs} from 'node:util';
import {createRequire} from 'node:module';
import {readFileSync} from 'node:fs';
import {serve, type ServeOptions} from './node.js';
import {DEFAULT_MAIL_DIR, isMailAddress} from './outbox/mailer.js';
import {openStore, DEFAULT_DB} from './store/index.js';
import {createToken} from './tokens.js';
import {parseDuration} from './duration.js';
import {stdoutLogger} from './log.js';
import type {Store} from './types.js';
import {BankHolidaysError, missingYearsWarning, parseBankHolidays} from './bank-holidays.js';
import {isNation, NATION_FACTS, NATIONS, type Nation} from '@care-feedback/core';
import {ENGLAND_AND_WALES_BANK_HOLIDAYS} from './working-days.js';

const USAGE = `Usage:
  care-feedback-collector serve [--port 8787] [--host 127.0.0.1]
      [--db ./data/feedback.db | --postgres postgres://…] [--allow-origin URL]… [--rate-limit N]
      [--trust-proxy [N]] [--retention 365d] [--webhook-url URL --webhook-secret S]
      [--notify ADDRESS… --mail-from ADDRESS [--smtp smtp://[user:pass@]host:port | --mail-dir DIR]
       [--inbox-url URL] [--daily-summary HH:MM]]
      [--nation england|wales|scotland|northern-ireland] [--bank-holidays FILE]
  care-feedback-collector token create --name NAME [--service ID]… [--json] [--db … | --postgres …]
  care-feedback-collector token list [--db … | --postgres …]
  care-feedback-collector token revoke --name NAME|--id ID [--db … | --postgres …]
  care-feedback-collector purge --older-than 365d [--db … | --postgres …]

Every option can also be set with an environment variable, e.g. CARE_FEEDBACK_PORT, CARE_FEEDBACK_DB,
CARE_FEEDBACK_POSTGRES, CARE_FEEDBACK_ALLOW_ORIGIN (comma-separated), CARE_FEEDBACK_RATE_LIMIT.
See docs/collector.md.`;

/** Flag name → environment variable. A flag given on the command line wins. */
export const ENV: Record<string, string> = {
  port: 'CARE_FEEDBACK_PORT',
  host: 'CARE_FEEDBACK_HOST',
  db: 'CARE_FEEDBACK_DB',
  postgres: 'CARE_FEEDBACK_POSTGRES',
  'pg-schema': 'CARE_FEEDBACK_PG_SCHEMA',
  'allow-origin': 'CARE_FEEDBACK_ALLOW_ORIGIN',
  'rate-limit': 'CARE_FEEDBACK_RATE_LIMIT',
  'trust-proxy': 'CARE_FEEDBACK_TRUST_PROXY',
  'body-limit': 'CARE_FEEDBACK_BODY_LIMIT',
  'min-elapsed-ms': 'CARE_FEEDBACK_MIN_ELAPSED_MS',
  'ack-working-days': 'CARE_FEEDBACK_ACK_WORKING_DAYS',
  'bank-holidays': 'CARE_FEEDBACK_BANK_HOLIDAYS',
  nation: 'CARE_FEEDBACK_NATION',
  'time-zone': 'CARE_FEEDBACK_TIME_ZONE',
  synchronous: 'CARE_FEEDBACK_SYNCHRONOUS',
  retention: 'CARE_FEEDBACK_RETENTION',
  'webhook-url': 'CARE_FEEDBACK_WEBHOOK_URL',
  'webhook-secret': 'CARE_FEEDBACK_WEBHOOK_SECRET',
  log: 'CARE_FEEDBACK_LOG',
  smtp: 'CARE_FEEDBACK_SMTP',
  'mail-from': 'CARE_FEEDBACK_MAIL_FROM',
  notify: 'CARE_FEEDBACK_NOTIFY',
  'mail-dir': 'CARE_FEEDBACK_MAIL_DIR',
  'inbox-url': 'CARE_FEEDBACK_INBOX_URL',
  'daily-summary': 'CARE_FEEDBACK_DAILY_SUMMARY',
  'outbox-lease': 'CARE_FEEDBACK_OUTBOX_LEASE',
  'outbox-retry': 'CARE_FEEDBACK_OUTBOX_RETRY',
  name: 'CARE_FEEDBACK_TOKEN_NAME',
  'older-than': 'CARE_FEEDBACK_OLDER_THAN',
};

class UsageError extends Error {}

const OPTIONS = {
  port: {type: 'string'},
  host: {type: 'string'},
  db: {type: 'string'},
  postgres: {type: 'string'},
  'pg-schema': {type: 'string'},
  'allow-origin': {type: 'string', multiple: true},
  'rate-limit': {type: 'string'},
  'trust-proxy': {type: 'string'},
  'body-limit': {type: 'string'},
  'min-elapsed-ms': {type: 'string'},
  'ack-working-days': {type: 'string'},
  'bank-holidays': {type: 'string'},
  nation: {type: 'string'},
  'time-zone': {type: 'string'},
  synchronous: {type: 'string'},
  retention: {type: 'string'},
  'webhook-url': {type: 'string'},
  'webhook-secret': {type: 'string'},
  log: {type: 'string'},
  smtp: {type: 'string'},
  'mail-from': {type: 'string'},
  notify: {type: 'string', multiple: true},
  'mail-dir': {type: 'string'},
  'inbox-url': {type: 'string'},
  'daily-summary': {type: 'string'},
  'outbox-lease': {type: 'string'},
  'outbox-retry': {type: 'string'},
  name: {type: 'string'},
  service: {type: 'string', multiple: true},
  id: {type: 'string'},
  'older-than': {type: 'string'},
  json: {type: 'boolean'},
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean'},
} as const;

type Values = Partial<Record<keyof typeof OPTIONS, string | string[] | boolean>>;

function option(
  values: Values,
  env: NodeJS.ProcessEnv,
  name: keyof typeof OPTIONS,
): string | undefined {
  const given = values[name];
  if (typeof given === 'string') return given;
  const variable = ENV[name];
  const fromEnv = variable ? env[variable] : undefined;
  return fromEnv === undefined || fromEnv === '' ? undefined : fromEnv;
}

function count(
  values: Values,
  env: NodeJS.ProcessEnv,
  name: keyof typeof OPTIONS,
  fallback: number,
): number {
  const text = option(values, env, name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a whole number, not "${text}".`);
  return n;
}

function storeOptions(values: Values, env: NodeJS.ProcessEnv) {
  const postgres = option(values, env, 'postgres');
  const db = option(values, env, 'db') ?? DEFAULT_DB;
  const synchronous = option(values, env, 'synchronous');
  if (synchronous && synchronous !== 'full' && synchronous !== 'normal')
    throw new UsageError('--synchronous must be full or normal.');
  const schema = option(values, env, 'pg-schema');
  return {
    ...(postgres ? {postgres} : {db}),
    ...(schema ? {schema} : {}),
    ...(synchronous ? {synchronous: synchronous as 'full' | 'normal'} : {}),
  };
}

/**
 * The bank holidays for the nation: `--bank-holidays` names a file (the GOV.UK JSON, a JSON array or
 * one day a line), lists days (2026-12-25,2026-12-28), or says `none`. Without it, the built-in list for
 * England and Wales. `warning` is set when a year the clocks need is missing, or the list is another nation's.
 */
function bankHolidays(text: string | undefined, nation: Nation): {days?: string[]; warning?: string} {
  const today = new Date();
  if (text === undefined) {
    const warning =
      NATION_FACTS[nation].bankHolidayDivision === 'england-and-wales'
        ? missingYearsWarning(ENGLAND_AND_WALES_BANK_HOLIDAYS, today, 'the built-in list')
        : `WARNING: the built-in bank holidays are England and Wales's, not ${nation}'s. Download https://www.gov.uk/bank-holidays.json and start the collector with --bank-holidays FILE.`;
    return {warning};
  }
  if (text.trim() === 'none') return {days: []};
  const inline = /^\d{4}-\d{2}-\d{2}/.test(text.trim());
  let source = text;
  if (!inline) {
    try {
      source = readFileSync(text, 'utf8');
    } catch (error) {
      throw new UsageError(`Could not read the bank-holidays file ${text}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  try {
    const days = parseBankHolidays(source, nation);
    return {days, warning: missingYearsWarning(days, today, inline ? 'the days given' : text)};
  } catch (error) {
    if (error instanceof BankHolidaysError) throw new UsageError(error.message);
    throw error;
  }
}

function nationOption(values: Values, env: NodeJS.ProcessEnv): Nation {
  const nation = option(values, env, 'nation') ?? 'england';
  if (!isNation(nation)) throw new UsageError(`--nation takes ${NATIONS.join(', ')}.`);
  return nation;
}

const print = (text: string) => process.stdout.write(`${text}\n`);
const printError = (text: string) => process.stderr.write(`${text}\n`);

async function withStore<T>(
  values: Values,
  env: NodeJS.ProcessEnv,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeOptions(values, env));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Runs the command; resolves to the exit code (for serve, once the server has shut down). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{options: typeof OPTIONS; allowPositionals: true; args: string[]}>
  >;
  // `--trust-proxy` alone means one trusted hop.
  const args = argv.flatMap((arg, i) =>
    arg === '--trust-proxy' && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))
      ? [arg, 'true']
      : [arg],
  );
  try {
    parsed = parseArgs({args, options: OPTIONS, allowPositionals: true});
  } catch (error) {
    printError(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values as Values;
  const [command, sub] = parsed.positionals;
  if (values.version) {
    const require = createRequire(import.meta.url);
    print((require('../package.json') as {version: string}).version);
    return 0;
  }
  if (values.help || !command) {
    print(USAGE);
    return command || values.help ? 0 : 2;
  }
  try {
    if (command === 'serve') return await runServe(values, env);
    if (command === 'token' && sub === 'create') {
      const name = option(values, env, 'name');
      if (!name)
        throw new UsageError(
          'token create needs --name NAME (who or what will use it, e.g. --name inbox).',
        );
      const services = (values.service as string[] | undefined) ?? [];
      const {token, record} = await withStore(values, env, async (store) => {
        try {
          return await createToken(store, name, new Date(), 'cli', services);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
      });
      // --json is for scripts: one line on stdout, nothing to scrape.
      if (values.json) {
        print(JSON.stringify({token, name: record.name, services: record.services}));
        return 0;
      }
      const scope = record.services.length
        ? ` It sees only these services: ${record.services.join(', ')}.`
        : ' It sees every service.';
      printError(
        `Created token "${record.name}" (id ${record.id}).${scope} It is shown once: keep it somewhere safe.`,
      );
      print(token);
      return 0;
    }
    if (command === 'token' && sub === 'list') {
      const tokens = await withStore(values, env, (store) => store.listTokens());
      for (const t of tokens)
        print(
          `${t.id}\t${t.name}\tcreated ${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : 'live'}\t${t.services.length ? `services: ${t.services.join(', ')}` : 'every service'}`,
        );
      return 0;
    }
    if (command === 'token' && sub === 'revoke') {
      const which =
        (typeof values.id === 'string' ? values.id : undefined) ?? option(values, env, 'name');
      if (!which) throw new UsageError('token revoke needs --name NAME or --id ID.');
      const at = new Date().toISOString();
      const revoked = await withStore(values, env, async (store) => {
        const done = await store.revokeToken(which, at);
        if (done)
          await store.appendAudit([
            {at, actor: 'cli', reference: null, action: 'token-revoke', detail: which},
          ]);
        return done;
      });
      printError(revoked ? `Revoked ${which}.` : `No live token is called ${which}.`);
      return revoked ? 0 : 1;
    }
    if (command === 'purge') {
      const text = option(values, env, 'older-than');
      const period = text ? parseDuration(text) : undefined;
      if (period === undefined || period < 86_400_000)
        throw new UsageError('purge needs --older-than with a period of a day or more, e.g. 365d.');
      const before = new Date(Date.now() - period).toISOString();
      const purged = await withStore(values, env, async (store) => {
        const n = await store.purge(before);
        await store.appendAudit([
          {
            at: new Date().toISOString(),
            actor: 'cli',
            reference: null,
            action: 'purge',
            detail: `${n} received before ${before}`,
          },
        ]);
        return n;
      });
      print(`Removed ${purged} submission${purged === 1 ? '' : 's'} received before ${before}.`);
      return 0;
    }
    throw new UsageError(`Unknown command: ${[command, sub].filter(Boolean).join(' ')}`);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    printError(`care-feedback-collector: ${(error as Error).message}`);
    return 1;
  }
}

/** Seconds (a whole or decimal number) as ms, for the outbox's timings. */
function seconds(values: Values, env: NodeJS.ProcessEnv, name: keyof typeof OPTIONS) {
  const text = option(values, env, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0 && n <= 86_400))
    throw new UsageError(`--${name} takes a number of seconds, e.g. 30, not "${text}".`);
  return Math.round(n * 1000);
}

/** The e-mail and outbox options of serve, checked; none when no --notify address is given. */
function emailOptions(
  values: Values,
  env: NodeJS.ProcessEnv,
  listeningUrl: () => string,
): Pick<ServeOptions, 'email' | 'outbox'> {
  const notify = [
    ...((values.notify as string[] | undefined) ??
      (env[ENV.notify!] ?? '').split(/[\s,]+/).filter(Boolean)),
  ];
  const smtp = option(values, env, 'smtp');
  const from = option(values, env, 'mail-from');
  const dir = option(values, env, 'mail-dir');
  const inboxUrl = option(values, env, 'inbox-url');
  const dailySummaryAt = option(values, env, 'daily-summary');
  const leaseMs = seconds(values, env, 'outbox-lease');
  const retryMs = seconds(values, env, 'outbox-retry');
  const outbox = {...(leaseMs ? {leaseMs} : {}), ...(retryMs ? {retryMs} : {})};
  if (!notify.length) {
    const stray = (['smtp', 'mail-from', 'mail-dir', 'inbox-url', 'daily-summary'] as const).find(
      (name) => option(values, env, name) !== undefined,
    );
    if (stray)
      throw new UsageError(`--${stray} needs --notify ADDRESS: who should get the e-mails?`);
    return {outbox};
  }
  for (const address of notify)
    if (!isMailAddress(address))
      throw new UsageError(
        `--notify takes an e-mail address like manager@provider.example, not "${address}".`,
      );
  if (!from || !isMailAddress(from))
    throw new UsageError(
      '--notify needs --mail-from ADDRESS too: the address the e-mails come from, e.g. alerts@provider.example.',
    );
  if (smtp && !/^smtps?:\/\/[^\s]+$/.test(smtp))
    throw new UsageError('--smtp takes a URL like smtp://user:password@mail.provider.example:587.');
  if (smtp && dir) throw new UsageError('Give --smtp or --mail-dir, not both.');
  if (dailySummaryAt && !/^([01]\d|2[0-3]):[0-5]\d$/.test(dailySummaryAt))
    throw new UsageError(`--daily-summary takes a time like 08:00, not "${dailySummaryAt}".`);
  if (inboxUrl && !/^https?:\/\/[^\s]+$/.test(inboxUrl))
    throw new UsageError(
      `--inbox-url takes an address like https://collector.provider.example/inbox/.`,
    );
  return {
    email: {
      from,
      notify,
      ...(smtp ? {smtp} : {dir: dir ?? DEFAULT_MAIL_DIR}),
      // Without --inbox-url, the address the collector listens on: right on one machine, not behind a proxy.
      inboxUrl: inboxUrl ?? (() => `${listeningUrl()}/inbox/`),
      ...(dailySummaryAt ? {dailySummaryAt} : {}),
    },
    outbox,
  };
}

async function runServe(values: Values, env: NodeJS.ProcessEnv): Promise<number> {
  const origins = [
    ...((values['allow-origin'] as string[] | undefined) ?? []),
    ...(values['allow-origin']
      ? []
      : (env[ENV['allow-origin']!] ?? '').split(/[\s,]+/).filter(Boolean)),
  ];
  for (const origin of origins) {
    if (
      origin !== '*' &&
      (() => {
        try {
          return new URL(origin).origin !== origin;
        } catch {
          return true;
        }
      })()
    ) {
      throw new UsageError(
        `--allow-origin takes an origin like https://provider.example (no path or trailing slash), not "${origin}".`,
      );
    }
  }
  const trust = option(values, env, 'trust-proxy');
  const trustProxy =
    trust === undefined || trust === 'false' || trust === '0'
      ? false
      : trust === 'true'
        ? true
        : Number(trust);
  if (typeof trustProxy === 'number' && !(Number.isInteger(trustProxy) && trustProxy > 0))
    throw new UsageError('--trust-proxy takes true or a number of proxy hops.');
  const webhookUrl = option(values, env, 'webhook-url');
  const webhookSecret = option(values, env, 'webhook-secret');
  if (webhookUrl && !webhookSecret)
    throw new UsageError('--webhook-url needs --webhook-secret too.');
  const retentionText = option(values, env, 'retention');
  const retention = retentionText ? parseDuration(retentionText) : undefined;
  if (retentionText && (retention === undefined || retention < 86_400_000))
    throw new UsageError('--retention takes a period of a day or more, e.g. 365d.');
  const nation = nationOption(values, env);
  const holidays = bankHolidays(option(values, env, 'bank-holidays'), nation);
  if (holidays.warning) printError(holidays.warning);
  const timeZone = option(values, env, 'time-zone');
  const logOff = option(values, env, 'log') === 'off';
  let listeningUrl = '';
  const alerts = emailOptions(values, env, () => listeningUrl);

  const serving = await serve({
    ...storeOptions(values, env),
    port: count(values, env, 'port', 8787),
    host: option(values, env, 'host') ?? '127.0.0.1',
    allowOrigins: origins,
    rateLimit: count(values, env, 'rate-limit', 30),
    trustProxy,
    bodyLimit: count(values, env, 'body-limit', 64 * 1024),
    minElapsedMs: count(values, env, 'min-elapsed-ms', 3000),
    ackWorkingDays: count(values, env, 'ack-working-days', 3),
    ...(holidays.days ? {bankHolidays: holidays.days} : {}),
    ...(timeZone ? {timeZone} : {}),
    nation,
    ...(webhookUrl && webhookSecret ? {webhook: {url: webhookUrl, secret: webhookSecret}} : {}),
    ...alerts,
    log: logOff ? false : stdoutLogger,
  });
  listeningUrl = serving.url;
  const store = await serving.collector.store();
  stdoutLogger({
    time: new Date().toISOString(),
    level: 'info',
    event: 'listening',
    url: serving.url,
    store: store.engine,
  });

  let purgeTimer: NodeJS.Timeout | undefined;
  if (retention) {
    const purge = async () => {
      const before = new Date(Date.now() - retention).toISOString();
      try {
        const n = await store.purge(before);
        await store.appendAudit([
          {
            at: new Date().toISOString(),
            actor: 'system',
            reference: null,
            action: 'purge',
            detail: `${n} received before ${before}`,
          },
        ]);
        stdoutLogger({time: new Date().toISOString(), level: 'info', event: 'purge', purged: n});
      } catch (error) {
        stdoutLogger({
          time: new Date().toISOString(),
          level: 'error',
          event: 'purge',
          error: (error as Error).name,
        });
      }
    };
    await purge();
    purgeTimer = setInterval(purge, 6 * 3_600_000);
    purgeTimer.unref();
  }

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      stdoutLogger({time: new Date().toISOString(), level: 'info', event: 'shutdown', signal});
      if (purgeTimer) clearInterval(purgeTimer);
      serving.close().then(resolve, resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
