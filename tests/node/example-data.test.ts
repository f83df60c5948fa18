// The example year `npm start` makes (scripts/example-data.mjs): played through a real collector on
// SQLite, its figures in GET /v1/reports are the ones the plan says, and everything is marked example.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createToken, serve, type Serving} from '@care-feedback/collector';
// @ts-expect-error: a plain .mjs script without type declarations.
import {EXAMPLE_SERVICES, planExampleYear, seedExampleDatabase} from '../../scripts/example-data.mjs';

const NOW = new Date('2026-12-04T10:00:00Z');
const PER_WEEK = 2;

describe('the example year', {timeout: 300_000}, () => {
  let dir: string;
  let serving: Serving;
  let token: string;
  let made: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-example-'));
    made = await seedExampleDatabase({dbPath: join(dir, 'example.db'), now: NOW, perWeek: PER_WEEK});
    serving = await serve({db: join(dir, 'example.db'), port: 0, log: false, inbox: false, embed: false, now: () => NOW});
    token = (await createToken(await serving.collector.store(), 'reader', NOW)).token;
  });

  after(async () => {
    await serving?.close();
    rmSync(dir, {recursive: true, force: true});
  });

  const get = async (path: string) => {
    const response = await fetch(`${serving.url}${path}`, {headers: {authorization: `Bearer ${token}`}});
    assert.equal(response.status, 200, path);
    return response.json();
  };

  it('leaves only the finished database, no half-made file beside it', () => {
    assert.deepEqual(readdirSync(dir).filter((name) => name.includes('building')), []);
  });

  it('reports what the plan says arrived, by kind and channel, across the year', async () => {
    type Arrival = {do: string; body: {kind: string; channel: string; service: string}};
    const arrivals = (planExampleYear({now: NOW, perWeek: PER_WEEK}) as Arrival[]).filter((event) => event.do === 'arrive');
    assert.equal(made, arrivals.length);
    const report = await get('/v1/reports?from=2025-12-01&to=2026-12-04');
    assert.equal(report.total, arrivals.length);
    assert.equal(report.quarantined, 0, 'nothing made up is taken for spam');
    for (const kind of ['compliment', 'complaint', 'comment', 'suggestion', 'concern']) {
      assert.equal(report.volumes.byKind[kind], arrivals.filter((a) => a.body.kind === kind).length, kind);
    }
    assert.equal(report.volumes.byChannel.web, arrivals.filter((a) => a.body.channel === 'web').length);
    assert.deepEqual(Object.keys(report.volumes.byService).sort(), [...EXAMPLE_SERVICES].sort());
    // Feedback in at least 12 of the 13 months the period touches.
    assert.ok(Object.values(report.volumes.byMonth).filter((count) => Number(count) > 0).length >= 12, JSON.stringify(report.volumes.byMonth));
  });

  it('handles complaints as a provider would: most answered, each decided, some still open', async () => {
    const report = await get('/v1/reports?from=2025-12-01&to=2026-12-04');
    const {complaints} = report;
    assert.ok(complaints.received > 5);
    assert.ok(complaints.response.responded > 0 && complaints.response.responded < complaints.received);
    assert.ok(complaints.acknowledgement.onTime > complaints.acknowledgement.late);
    const decided = complaints.outcomes.upheld + complaints.outcomes.partlyUpheld + complaints.outcomes.notUpheld;
    assert.equal(decided, complaints.response.responded);
    const published = await get('/v1/you-said-we-did/published');
    assert.ok(published.items.length >= 3);
  });

  it("opens the example site's consultation, which anyone can read and answer until it closes", async () => {
    const response = await fetch(`${serving.url}/v1/consultations/visit-times-north`);
    assert.equal(response.status, 200);
    const consultation = await response.json();
    assert.equal(consultation.status, 'open');
    assert.equal(consultation.title, 'Changing visit times in the north area');
    assert.ok(Date.parse(consultation.closesAt) > NOW.getTime());
  });

  it('marks staff-recorded items as example data, and the token it used no longer works', async () => {
    const page = await get('/v1/submissions?channel=phone,letter,email,in-person,meeting&limit=50');
    assert.ok(page.items.length > 0);
    for (const item of page.items) assert.match(item.recordedBy, /Example data/);
    const tokens = await get('/v1/tokens');
    const used = tokens.items.find((t: {name: string}) => t.name === 'example data');
    assert.ok(used?.revokedAt, 'the seeding token is revoked');
  });
});
