// Two transports on one queue (two tabs, or two forms on a page): each item is sent by one of them at a time.
import {expect} from '@open-wc/testing';
import {
  freshDatabaseName,
  freshSubmission,
  testEndpoint,
  useTransports,
  waitUntil,
} from './test-support.js';

describe('two transports on one queue', () => {
  // Each test names the database its transports share, as two tabs of one site would.
  const make = useTransports({retryDelayMs: 30, maxRetryDelayMs: 60});

  async function flushTogether() {
    const endpoint = testEndpoint('two-flush');
    await endpoint.set({mode: 'down'});
    const databaseName = freshDatabaseName();
    const first = make({endpoint: endpoint.url, databaseName});
    const submissions = Array.from({length: 6}, () => freshSubmission());
    for (const submission of submissions)
      expect((await first.send(submission)).status).to.equal('queued');
    const second = make({endpoint: endpoint.url, databaseName});
    await second.ready;

    // Slow answers, so two sends of one item would overlap at the endpoint.
    await endpoint.set({mode: 'up', delayMs: 120});
    await Promise.all([first.flush(), second.flush(), first.flush(), second.flush()]);
    await waitUntil(
      async () => Object.keys((await endpoint.read()).created).length === 6,
      'not all stored',
    );
    // Done when both queues are empty and every request that reached the endpoint has its answer, so a
    // second send of an item would be in the records below.
    await waitUntil(async () => {
      const [mine, theirs, {requests}] = [
        await first.pending(),
        await second.pending(),
        await endpoint.read(),
      ];
      return mine.length === 0 && theirs.length === 0 && requests.every((r) => r.status !== 0);
    }, 'the two queues never emptied');

    const records = await endpoint.read();
    for (const {id} of submissions) {
      expect(records.created[id], 'stored once').to.equal(1);
      expect(records.maxInFlight[id], 'never two requests at once').to.equal(1);
      const answered = records.requests.filter((r) => r.id === id && r.status !== 'destroyed');
      expect(
        answered.map((r) => r.status),
        'sent once after the endpoint came back',
      ).to.deep.equal([201]);
    }
    // Each item was delivered by exactly one of them; the queue is empty for both.
    const deliveredBy = submissions.map(({id}) =>
      [first, second].filter((transport) => transport.state(id)?.status === 'delivered'),
    );
    expect(deliveredBy.every((who) => who.length >= 1)).to.equal(true);
    expect(await first.pending()).to.deep.equal([]);
    expect(await second.pending()).to.deep.equal([]);
  }

  it('store each item once and never send one item twice at the same moment (Web Locks)', async () => {
    expect(navigator.locks).to.exist;
    await flushTogether();
  });

  it('do the same in one page without Web Locks', async () => {
    Object.defineProperty(navigator, 'locks', {value: undefined, configurable: true});
    try {
      expect(navigator.locks).to.equal(undefined);
      await flushTogether();
    } finally {
      delete (navigator as {locks?: LockManager}).locks;
    }
    expect(navigator.locks).to.exist;
  });

  it('a transport asked to send an item another one is sending learns how it ended', async () => {
    const endpoint = testEndpoint('handover');
    await endpoint.set({mode: 'up', delayMs: 300});
    const databaseName = freshDatabaseName();
    const first = make({endpoint: endpoint.url, databaseName});
    const second = make({endpoint: endpoint.url, databaseName});
    await Promise.all([first.ready, second.ready]);
    const submission = freshSubmission();

    const sending = first.send(submission);
    await waitUntil(
      async () => (await endpoint.read()).posts[submission.id] === 1,
      'first did not send',
    );
    const meanwhile = await second.send(submission);
    expect(meanwhile.status).to.equal('queued');

    expect((await sending).status).to.equal('delivered');
    await waitUntil(() => second.state(submission.id)?.status === 'delivered', 'second not told');
    expect(second.state(submission.id)?.reference).to.equal(first.state(submission.id)?.reference);
    expect((await endpoint.read()).posts[submission.id]).to.equal(1);
  });

  it('never sends an item to a collector other than the one it was queued for', async () => {
    const [ours, theirs] = [testEndpoint('ours'), testEndpoint('theirs')];
    await ours.set({mode: 'down'});
    const databaseName = freshDatabaseName();
    const first = make({endpoint: ours.url, databaseName});
    const submission = freshSubmission();
    expect((await first.send(submission)).status).to.equal('queued');

    // Another provider's form on the same site, sharing the database.
    const other = make({endpoint: `${theirs.url}/`, databaseName});
    await other.flush();
    const own = freshSubmission();
    expect((await other.send(own)).status).to.equal('delivered');
    // Another forced pass: it would send the other provider's item now if it ever would.
    await other.flush();
    expect(Object.keys((await theirs.read()).posts)).to.deep.equal([own.id]);
    expect(await other.pending()).to.deep.equal([]);

    await ours.set({mode: 'up'});
    await first.flush();
    expect(first.state(submission.id)?.status).to.equal('delivered');
    expect((await ours.read()).created).to.deep.equal({[submission.id]: 1});
  });
});
