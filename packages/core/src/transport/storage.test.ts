// Where the queue lives: IndexedDB, memory when IndexedDB fails or hangs, nothing on the device in `none`; caps and age limits.
import {expect} from '@open-wc/testing';
import {createDraftStore} from '../drafts/draft-store.js';
import {
  freshDatabaseName,
  freshSubmission,
  recordStatuses,
  sleep,
  testEndpoint,
  useTransports,
  waitUntil,
} from './test-support.js';
import type {Transport, TransportStorageEventDetail} from './types.js';

describe('transport storage', () => {
  const make = useTransports({retryDelayMs: 20, maxRetryDelayMs: 80});
  const storageEvents = (transport: Transport) => {
    const seen: TransportStorageEventDetail[] = [];
    transport.addEventListener('care-transport-storage', (event) => seen.push(event.detail));
    return seen;
  };
  afterEach(() => {
    delete (indexedDB as Partial<IDBFactory>).open;
  });

  it('says the queue is on the device when IndexedDB works', async () => {
    const transport = make({endpoint: testEndpoint('idb').url});
    const events = storageEvents(transport);
    expect(await transport.ready).to.equal('indexeddb');
    expect(transport.persistence).to.equal('indexeddb');
    expect(events).to.deep.equal([{persistence: 'indexeddb'}]);
  });

  it('falls back to memory after storageTimeoutMs when IndexedDB never opens, and says so', async () => {
    // An open request that never answers, as when another tab blocks an upgrade.
    indexedDB.open = () => ({}) as IDBOpenDBRequest;
    const endpoint = testEndpoint('idb-hangs');
    await endpoint.set({mode: 'down'});
    const transport = make({endpoint: endpoint.url, storageTimeoutMs: 300});
    const events = storageEvents(transport);

    expect(await transport.ready).to.equal('memory');
    expect(transport.persistence).to.equal('memory');
    expect(events).to.have.length(1);
    expect(events[0]?.persistence).to.equal('memory');
    expect(events[0]?.reason).to.contain('did not answer within 300 ms');

    // The memory queue still retries and delivers while the page lives.
    const submission = freshSubmission();
    expect((await transport.send(submission)).status).to.equal('queued');
    await endpoint.set({mode: 'up'});
    await waitUntil(() => transport.state(submission.id)?.status === 'delivered', 'not delivered');
    expect((await endpoint.read()).created[submission.id]).to.equal(1);
  });

  it('falls back to memory at once when IndexedDB refuses to open', async () => {
    indexedDB.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    const transport = make({endpoint: testEndpoint('idb-refused').url});
    const events = storageEvents(transport);
    expect(await transport.ready).to.equal('memory');
    expect(events[0]?.reason).to.contain('SecurityError');
    expect((await transport.send(freshSubmission())).status).to.equal('delivered');
  });

  it("writes nothing to the device with storage 'none'", async () => {
    const databaseName = freshDatabaseName();
    const sessionBefore = Object.keys(sessionStorage).sort();
    const localBefore = Object.keys(localStorage).sort();
    const endpoint = testEndpoint('none');
    await endpoint.set({mode: 'down'});
    const transport = make({endpoint: endpoint.url, storage: 'none', databaseName});
    const events = storageEvents(transport);
    const drafts = createDraftStore<{message: string}>('shared-tablet', {storage: 'none'});

    expect(await transport.ready).to.equal('none');
    expect(events).to.deep.equal([{persistence: 'none'}]);
    drafts.save({message: 'Carers were late.'});
    expect(drafts.load()).to.equal(undefined);
    const submission = freshSubmission();
    expect((await transport.send(submission)).status).to.equal('queued');
    await endpoint.set({mode: 'up'});
    await waitUntil(() => transport.state(submission.id)?.status === 'delivered', 'not delivered');

    const databases = (await indexedDB.databases()).map((database) => database.name);
    expect(databases).not.to.include(databaseName);
    expect(Object.keys(sessionStorage).sort()).to.deep.equal(sessionBefore);
    expect(Object.keys(localStorage).sort()).to.deep.equal(localBefore);
  });

  it('reports an item that finds the queue full as failed with reason overflow', async () => {
    const endpoint = testEndpoint('overflow');
    await endpoint.set({mode: 'down'});
    const transport = make({endpoint: endpoint.url, maxQueue: 2, retryDelayMs: 60_000});
    const statuses = recordStatuses(transport);
    const [a, b, c] = [freshSubmission(), freshSubmission(), freshSubmission()];
    expect((await transport.send(a)).status).to.equal('queued');
    expect((await transport.send(b)).status).to.equal('queued');

    const extra = await transport.send(c);

    expect(extra).to.include({status: 'failed', reason: 'overflow'});
    expect(statuses.filter((s) => s.id === c.id).at(-1)).to.include({
      status: 'failed',
      reason: 'overflow',
    });
    expect((await transport.pending()).map((s) => s.id)).to.deep.equal([a.id, b.id]);

    await endpoint.set({mode: 'up'});
    await transport.flush();
    const records = await endpoint.read();
    expect(records.created).to.deep.equal({[a.id]: 1, [b.id]: 1});
  });

  it('still tries an item that finds the queue full once, and delivers it if it can', async () => {
    const endpoint = testEndpoint('overflow-up');
    await endpoint.set({mode: 'status', status: 503, times: 1});
    const transport = make({endpoint: endpoint.url, maxQueue: 1, retryDelayMs: 60_000});
    expect((await transport.send(freshSubmission())).status).to.equal('queued');
    const extra = freshSubmission();
    expect((await transport.send(extra)).status).to.equal('delivered');
    expect((await endpoint.read()).created[extra.id]).to.equal(1);
  });

  it('reports an item that waited longer than maxAgeMs as failed with reason expired', async () => {
    const endpoint = testEndpoint('expired');
    await endpoint.set({mode: 'down'});
    // Long enough that a busy machine does not age it out before the first attempt has answered.
    const transport = make({endpoint: endpoint.url, maxAgeMs: 1000});
    const submission = freshSubmission();
    expect((await transport.send(submission)).status).to.equal('queued');
    await waitUntil(() => transport.state(submission.id)?.status === 'failed', 'not expired');
    expect(transport.state(submission.id)).to.include({reason: 'expired'});
    expect(await transport.pending()).to.deep.equal([]);
  });

  it('reports what expired while no page was open when the next one starts', async () => {
    const endpoint = testEndpoint('expired-later');
    await endpoint.set({mode: 'down'});
    const databaseName = freshDatabaseName();
    const before = make({endpoint: endpoint.url, databaseName, retryDelayMs: 60_000});
    const submission = freshSubmission();
    await before.send(submission);
    before.close();
    // Time is what this test is about: the item ages past maxAgeMs (400) while no page is open.
    await sleep(450);
    await endpoint.set({mode: 'up'});

    const after = make({endpoint: endpoint.url, databaseName, maxAgeMs: 400});
    const statuses = recordStatuses(after);
    await waitUntil(() => statuses.some((s) => s.id === submission.id), 'nothing reported');
    expect(statuses.find((s) => s.id === submission.id)).to.include({
      status: 'failed',
      reason: 'expired',
    });
    expect((await endpoint.read()).created).to.deep.equal({});
  });
});
