// A second reference for collector throughput: node:http, JSON.parse and a batched SQLite insert,
// nothing else (no validation, no references, no CORS, no logs). What the collector costs beyond it
// is the work of being a collector; what it costs beyond the plain baseline is storage.
import {createServer} from 'node:http';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import Database from 'better-sqlite3';

const dir = mkdtempSync(join(tmpdir(), 'care-bench-batched-'));
process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
process.on('SIGTERM', () => process.exit(0));

const db = new Database(join(dir, 'bench.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE submissions (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, received_at TEXT NOT NULL, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO submissions (id, received_at, body) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING');
const commit = db.transaction((batch) => {
  for (const item of batch) insert.run(item.id, item.receivedAt, item.body);
});

// What arrives in one turn of the event loop is committed together, then answered.
let queue = [];
const flush = () => {
  const batch = queue;
  queue = [];
  commit(batch);
  for (const {id, receivedAt, response} of batch)
    response.writeHead(201, {'content-type': 'application/json'}).end(JSON.stringify({id, receivedAt}));
};

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    if (!queue.length) setImmediate(flush);
    queue.push({id: String(body.id), receivedAt: new Date().toISOString(), body: JSON.stringify(body), response});
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
