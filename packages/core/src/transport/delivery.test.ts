// The transport against a real HTTP endpoint: delivery, retries, permanent refusals, reloads and `online`.
import {expect} from '@open-wc/testing';
import {
  freshDatabaseName,
  freshSubmission,
  recordStatuses,
  testEndpoint,
  useTransports,
  waitUntil,
} from './test-support.js';

describe('transport delivery', () => {
  const make = useTransports({retryDelayMs: 20, maxRetryDelayMs: 100});

  it('delivers at once and reports queued, sending, then delivered with the reference', async () => {
    const endpoint = testEndpoint('at-once');
    const transport = make({endpoint: endpoint.url});
    const statuses = recordStatuses(transport);
    expect(await transport.ready).to.equal('indexeddb');
    const submission = freshSubmission();

    const state = await transport.send(submission);

    expect(state.status).to.equal('delivered');
    expect(state.httpStatus).to.equal(201);
    expect(state.reference).to.match(/^CF-\d{4}$/);
    expect(state.receivedAt).to.be.a('string');
    expect(statuses.map((s) => s.status)).to.deep.equal(['queued', 'sending', 'delivered']);
    expect(transport.state(submission.id)).to.deep.equal(state);
    expect(await transport.pending()).to.deep.equal([]);
    expect((await endpoint.read()).created).to.deep.equal({[submission.id]: 1});
  });

  it('keeps a submission sent while the endpoint is unreachable and delivers it exactly once when it returns', async () => {
    const endpoint = testEndpoint('unreachable');
    await endpoint.set({mode: 'down'});
    const transport = make({endpoint: endpoint.url});
    const submission = freshSubmission();

    const first = await transport.send(submission);
    expect(first.status).to.equal('queued');
    expect(first.attempts).to.equal(1);
    expect(first.nextAttemptAt).to.be.a('number');
    expect((await transport.pending()).map((s) => s.id)).to.deep.equal([submission.id]);
    await waitUntil(
      async () => ((await endpoint.read()).posts[submission.id] ?? 0) > 1,
      'it did not try again while down',
    );

    await endpoint.set({mode: 'up'});
    await waitUntil(() => transport.state(submission.id)?.status === 'delivered', 'not delivered');
    // A forced pass over the queue sends anything still waiting: nothing should be.
    await transport.flush();
    const records = await endpoint.read();
    const answered = records.requests.filter(
      (r) => r.id === submission.id && r.status !== 'destroyed',
    );
    expect(answered.map((r) => r.status)).to.deep.equal(
      [201],
      'one successful POST and nothing after it',
    );
    expect(await transport.pending()).to.deep.equal([]);
  });

  it('does not queue the same id twice, nor send it again once delivered', async () => {
    const endpoint = testEndpoint('same-id');
    await endpoint.set({mode: 'down'});
    const transport = make({endpoint: endpoint.url, retryDelayMs: 60_000});
    const submission = freshSubmission();
    await transport.send(submission);
    await transport.send(submission);
    expect(await transport.pending()).to.have.length(1);

    await endpoint.set({mode: 'up'});
    await transport.flush();
    expect(transport.state(submission.id)?.status).to.equal('delivered');
    const again = await transport.send(submission);
    expect(again.status).to.equal('delivered');
    const records = await endpoint.read();
    expect(
      records.requests.filter((r) => r.id === submission.id && r.status !== 'destroyed'),
    ).to.have.length(1);
  });

  it('a new transport on the same queue (a reload) delivers what an earlier one queued', async () => {
    const endpoint = testEndpoint('reload');
    await endpoint.set({mode: 'down'});
    const databaseName = freshDatabaseName();
    const before = make({endpoint: endpoint.url, databaseName});
    const submission = freshSubmission();
    expect((await before.send(submission)).status).to.equal('queued');
    before.close();
    await endpoint.set({mode: 'up'});

    const after = make({endpoint: endpoint.url, databaseName});
    const statuses = recordStatuses(after);
    await waitUntil(
      () => after.state(submission.id)?.status === 'delivered',
      'not delivered after reload',
    );
    expect(statuses.find((s) => s.status === 'delivered')?.id).to.equal(submission.id);
    expect((await endpoint.read()).created).to.deep.equal({[submission.id]: 1});
    expect(await after.pending()).to.deep.equal([]);
  });

  it('tries again at once when the browser comes back online', async () => {
    const endpoint = testEndpoint('online');
    await endpoint.set({mode: 'down'});
    // A long backoff, so only the online event can explain a quick delivery.
    const transport = make({endpoint: endpoint.url, retryDelayMs: 60_000, maxRetryDelayMs: 60_000});
    const submission = freshSubmission();
    await transport.send(submission);
    await endpoint.set({mode: 'up'});
    window.dispatchEvent(new Event('online'));
    await waitUntil(
      () => transport.state(submission.id)?.status === 'delivered',
      'online did not flush',
    );
  });

  for (const status of [500, 503, 408, 429]) {
    it(`retries after ${status} until delivered`, async () => {
      // Chromium itself repeats a request that met a 408 on a reused connection (at most twice), so
      // the endpoint answers 408 often enough for the page to see one.
      const times = status === 408 ? 4 : 2;
      const endpoint = testEndpoint(`retry-${status}`);
      await endpoint.set({mode: 'status', status, times});
      const transport = make({endpoint: endpoint.url});
      const submission = freshSubmission();

      const first = await transport.send(submission);
      expect(first).to.include({status: 'queued', httpStatus: status, attempts: 1});
      await waitUntil(
        () => transport.state(submission.id)?.status === 'delivered',
        'not delivered',
      );
      const records = await endpoint.read();
      expect(records.requests.map((r) => r.status)).to.deep.equal([
        ...Array<number>(times).fill(status),
        201,
      ]);
      const {attempts} = transport.state(submission.id)!;
      if (status === 408) expect(attempts).to.be.within(2, times + 1);
      else expect(attempts).to.equal(3);
    });
  }

  it('waits as long as Retry-After asks, even though its own backoff is shorter', async () => {
    const endpoint = testEndpoint('retry-after');
    await endpoint.set({mode: 'status', status: 429, retryAfter: 1, times: 1});
    const transport = make({endpoint: endpoint.url, retryDelayMs: 10});
    const submission = freshSubmission();

    const sentAt = Date.now();
    const first = await transport.send(submission);
    expect(first.status).to.equal('queued');
    // The retry it schedules: at least the second the collector asked for after sending.
    expect(first.nextAttemptAt! - sentAt).to.be.at.least(1000);
    // A forced flush keeps to a wait the collector asked for.
    await transport.flush();
    await waitUntil(() => transport.state(submission.id)?.status === 'delivered', 'not delivered');
    const [refused, accepted] = (await endpoint.read()).requests;
    expect(refused?.status).to.equal(429);
    expect(accepted?.status).to.equal(201);
    // The endpoint's own clock: the retry came no sooner than asked (a busy machine can only make it later).
    expect(accepted!.at - refused!.at).to.be.at.least(1000);
  });

  it('does not retry a 422 and passes on its field errors', async () => {
    const endpoint = testEndpoint('422');
    const problem = [
      {
        path: 'contact.email',
        code: 'contact.email.invalid',
        message: 'Enter an email address like name@example.org.',
      },
      {path: 'message', message: 'Tell us what happened.'},
    ];
    await endpoint.set({mode: 'status', status: 422, problem, times: 5});
    const transport = make({endpoint: endpoint.url});
    const statuses = recordStatuses(transport);
    const submission = freshSubmission();

    const state = await transport.send(submission);

    expect(state).to.include({status: 'failed', reason: 'rejected', httpStatus: 422});
    expect(state.errors).to.deep.equal([
      problem[0],
      // A code this version does not know still gets one a form can look up.
      {path: 'message', code: 'body.invalid', message: 'Tell us what happened.'},
    ]);
    expect(statuses.at(-1)).to.deep.equal(state);
    // A forced pass over the queue would send it again if it were still waiting.
    await transport.flush();
    expect((await endpoint.read()).posts[submission.id]).to.equal(1);
    expect(await transport.pending()).to.deep.equal([]);
  });

  for (const status of [400, 409, 413, 415]) {
    it(`does not retry a ${status}`, async () => {
      const endpoint = testEndpoint(`refused-${status}`);
      await endpoint.set({mode: 'status', status, times: 5});
      const transport = make({endpoint: endpoint.url});
      const submission = freshSubmission();
      expect(await transport.send(submission)).to.include({
        status: 'failed',
        reason: 'rejected',
        httpStatus: status,
      });
      await transport.flush();
      expect((await endpoint.read()).posts[submission.id]).to.equal(1);
    });
  }
});
