// The transport against the real collector (its own origin, CORS, SQLite): delivered means stored, once.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {freshSubmission, useTransports} from './test-support.js';
import type {Submission} from '../schema/submission.js';

interface Collector {
  id: string;
  endpoint: string;
}

describe('transport with the real collector', () => {
  let collector: Collector;
  const transports = useTransports();
  const make = () => transports({endpoint: collector.endpoint});
  const stored = async () =>
    (await executeServerCommand('care-collector-list', {id: collector.id})) as {
      id: string;
      reference: string;
    }[];

  before(async () => {
    collector = (await executeServerCommand('care-collector-start', {})) as Collector;
  });
  after(() => executeServerCommand('care-collector-stop', {id: collector.id}));

  it('is told the reference of the stored record, and a repeat from another page gets the same one', async () => {
    const submission = freshSubmission();
    const first = await make().send(submission);
    expect(first).to.include({status: 'delivered', httpStatus: 201});

    // A page that never heard the answer (a reload mid-request) sends the same id again.
    const again = await make().send(submission);
    expect(again).to.include({status: 'delivered', httpStatus: 200, reference: first.reference});

    const records = await stored();
    expect(records.map((record) => [record.id, record.reference])).to.deep.equal([
      [submission.id, first.reference],
    ]);
  });

  it("passes on the collector's field errors and does not retry", async () => {
    const submission = {...freshSubmission(), message: '   '} as Submission;
    const state = await make().send(submission);
    expect(state).to.include({status: 'failed', reason: 'rejected', httpStatus: 422});
    expect(state.errors?.map((error) => [error.path, error.code])).to.deep.include([
      'message',
      'message.required',
    ]);
    expect((await stored()).map((record) => record.id)).not.to.include(submission.id);
  });
});
